//! generate: the manual pages and shell completions a package installs, from the grammar itself.

use crate::harness::Sandbox;

#[test]
fn the_manual_has_a_page_for_every_command_with_its_current_options() {
    let s = Sandbox::new();
    let dir = s.path("man");
    let listed = s.ok(&["generate", "man", dir.to_str().unwrap()]);
    let help = s.ok(&["help"]);
    // Every command `byline help` lists has its page (byline-export-site.1, …), and nested ones too.
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|line| !line.starts_with("Commands:"))
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        // A description that wraps goes on with deeper indentation.
        .filter(|line| !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .collect();
    assert!(commands.len() > 20, "{help}");
    for name in
        commands.iter().map(|c| format!("byline-{c}.1")).chain(["byline.1".into(), "byline-author-add.1".into()])
    {
        let page = std::fs::read_to_string(dir.join(&name)).unwrap_or_else(|err| panic!("{name}: {err}"));
        assert!(page.starts_with(".ie") || page.contains(".TH"), "{name} is no man page: {page:.80}");
        assert!(listed.contains(&name), "{name} not printed in {listed}");
    }
    let export = std::fs::read_to_string(dir.join("byline-export.1")).unwrap();
    assert!(export.contains("smart") && export.contains("no\\-share"), "{export}");
}

#[test]
fn completions_cover_every_command_for_bash_zsh_and_fish() {
    let s = Sandbox::new();
    for shell in ["bash", "zsh", "fish"] {
        let script = s.ok(&["generate", "completions", shell]);
        assert!(script.contains("export-site") && script.contains("fix-mojibake"), "{shell}: {script:.200}");
    }
    let run = s.run(&["generate", "completions", "tcsh"]);
    assert_eq!(run.code, 2, "an unknown shell is a usage error: {}", run.stderr);
}
