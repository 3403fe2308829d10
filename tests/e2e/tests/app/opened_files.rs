//! Opening Markdown files from outside the library, as a file manager does: `byline-app FILE.md`
//! opens the file's draft; typing reaches the file, an outside edit reaches the editor; a second
//! launch hands its file to the running window.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{ensure, Context, Result};
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::{with_app, with_launch, Launch, Library};

/// A Jekyll post with front matter written by another tool: its keys and layout must survive.
const POST: &str = "---\nlayout: post\ntitle: \"Lantern Street at Dusk\"\ndate: 2024-05-01 19:30:00 +0200\ncategories: [walks, city]\n---\n\nThe lamps come on one by one along the canal.\n";

const TYPED: &str = " A tram bell rings twice.";

/// How long a save takes to reach the file: the autosave pause, then the watcher's reconciliation.
const REACHES_FILE: Duration = Duration::from_secs(15);

fn notes_dir(library: &Library) -> Result<PathBuf> {
    let dir = library.path().with_file_name("notes");
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

#[tokio::test]
async fn a_file_given_on_the_command_line_opens_and_stays_linked_both_ways() -> Result<()> {
    let library = Library::empty()?;
    library.new_draft("Another draft", "# Another draft\n\nNot this one.")?;
    let notes = notes_dir(&library)?;
    let post = notes.join("2024-05-01-lantern-street.md");
    std::fs::write(&post, POST)?;
    std::fs::write(notes.join("unrelated.md"), "# Unrelated\n")?;

    let file = post.clone();
    let launch = Launch { args: vec![post.to_string_lossy().into_owned()], ..Launch::default() };
    with_launch("opened_files", &library.path(), launch, |app| async move {
        app.wait_ready().await?;
        let text = app.editor_text().await?;
        ensure!(text.contains("The lamps come on one by one"), "the editor shows {text:?}, not the file's text");
        let drafts = app.by_name("list", "Drafts").await?;
        let listed = app.text_of(&drafts).await?;
        ensure!(listed.contains("Lantern Street at Dusk"), "the Drafts list shows {listed:?}");

        app.type_in_editor(TYPED).await?;
        app.flush().await?;
        app.wait_for("the typed sentence in the file", REACHES_FILE, || async {
            Ok(read(&file)?.contains(TYPED.trim()).then_some(()))
        })
        .await?;
        let written = read(&file)?;
        ensure!(
            written.contains("layout: post") && written.contains("categories: [walks, city]"),
            "the other tool's front matter was rewritten: {written:?}"
        );

        // Changed in another editor: the open draft follows.
        std::fs::write(&file, written.replace("canal.", "canal, then the bridge."))?;
        app.wait_for("the outside edit in the editor", REACHES_FILE, || async {
            Ok(app.editor_text().await?.contains("then the bridge").then_some(()))
        })
        .await?;
        Ok(())
    })
    .await?;

    ensure!(read(&notes.join("unrelated.md"))? == "# Unrelated\n", "a file beside the opened one was touched");
    let names: Vec<String> = std::fs::read_dir(&notes)?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    ensure!(names.len() == 2, "other drafts were written beside the opened file: {names:?}");
    Ok(())
}

#[tokio::test]
async fn a_second_launch_hands_its_file_to_the_running_window() -> Result<()> {
    let library = Library::empty()?;
    library.new_draft("Already here", "# Already here\n\nFirst.")?;
    let notes = notes_dir(&library)?;
    let letter = notes.join("letter.md");
    std::fs::write(&letter, "# A Letter to Ines\n\nThe parcel arrived on Tuesday.\n")?;

    let library_dir = library.path();
    with_app("opened_files_second_launch", &library.path(), |app| async move {
        app.wait_ready().await?;
        // The same binary as the running window, as the file manager would start it.
        let mut second = std::process::Command::new(byline_e2e::paths::app_binary()?);
        second.arg("--library").arg(&library_dir).arg(&letter).env("DISPLAY", &app.display);
        if let Some(bus) = &app.dbus_address {
            second.env("DBUS_SESSION_BUS_ADDRESS", bus);
        }
        let status = tokio::task::spawn_blocking(move || second.status()).await??;
        ensure!(status.success(), "the second launch exited with {status}");
        app.wait_for("the handed-over file in the editor", FIND_TIMEOUT, || async {
            Ok(app.editor_text().await?.contains("The parcel arrived").then_some(()))
        })
        .await?;
        let slug = app.current_slug().await?.unwrap_or_default();
        ensure!(slug.contains("letter"), "the open draft is {slug:?}");
        Ok(())
    })
    .await
}
