//! A damaged library: `check` says so without touching it; the next command restores a backup.

use crate::harness::Sandbox;

#[test]
fn check_reports_damage_and_the_next_command_recovers_from_the_automatic_backup() {
    let s = Sandbox::new();
    s.ok(&["new", "Precious", "--tag", "keep"]);
    // The first command that finds drafts and no backup takes the daily automatic backup.
    s.ok(&["list"]);
    let backups = s.library().join("backups");
    assert_eq!(std::fs::read_dir(&backups).unwrap().count(), 1, "an automatic backup exists");

    let db = s.library().join("library.db");
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    std::fs::write(&db, vec![0u8; 8192]).unwrap();
    let verdict = s.fails(&["check"]);
    assert!(verdict.contains("damaged"), "{verdict}");
    assert_eq!(std::fs::read(&db).unwrap(), vec![0u8; 8192], "check never repairs or writes");

    let run = s.run(&["show", "precious", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("moved to") && run.stderr.contains("restored from the backup"), "{}", run.stderr);
    assert!(run.stdout.contains("\"title\": \"Precious\""));
    assert!(s.ok(&["check"]).starts_with("ok:"));
    let kept: Vec<_> = std::fs::read_dir(s.library())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(kept.iter().any(|name| name.starts_with("library.db.damaged-")), "{kept:?}");
}
