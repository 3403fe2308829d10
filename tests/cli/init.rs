//! init: the library created where the writer says, with or without the app's welcome.

use byline_library::{FirstRun, Library};

use crate::harness::Sandbox;

#[test]
fn init_creates_the_library_and_prints_its_folder() {
    let s = Sandbox::new();
    assert!(!s.library().exists());
    let printed = s.ok(&["init"]);
    assert_eq!(printed.trim(), s.library().to_str().unwrap());
    assert!(s.library().join("library.db").is_file());
    assert!(s.ok(&["check"]).starts_with("ok: 0 drafts"));
    // A second init changes nothing, and the app still welcomes the writer.
    s.ok(&["init"]);
    let first = Library::open(&s.library()).unwrap().welcome_if_new().unwrap();
    assert!(first.welcome.is_some() && first.ask_for_author, "{first:?}");
}

#[test]
fn init_no_welcome_leaves_an_empty_library_the_app_opens_as_is() {
    let s = Sandbox::new();
    s.ok(&["init", "--no-welcome"]);
    let mut library = Library::open(&s.library()).unwrap();
    assert_eq!(library.welcome_if_new().unwrap(), FirstRun { welcome: None, ask_for_author: false });
    assert_eq!(library.stats().unwrap().drafts, 0);
    assert!(s.ok(&["help", "init"]).contains("--no-welcome"));
}
