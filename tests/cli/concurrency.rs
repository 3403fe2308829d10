//! Several processes on one library at once (issue 6, single-writer safety): writes queue on the
//! busy timeout, a lock held too long gives the busy message and exit 1, and the library is
//! never damaged: every acknowledged write is there.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{byline_bin, Sandbox};

const BUSY: &str = "The library is busy: another Byline window or command is writing to it. Try again in a moment.";

/// Waits for `child`; a command that outlives `limit` is killed and fails the test as hung.
fn finish(mut child: Child, limit: Duration) -> (i32, String) {
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("byline hung for more than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stderr).into_owned())
}

fn spawn(s: &Sandbox, args: &[&str], input: Option<&str>) -> Child {
    let mut child = Command::new(byline_bin())
        .args(args)
        .env("BYLINE_LIBRARY", s.library())
        .stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
        use std::io::Write;
        stdin.write_all(text.as_bytes()).unwrap();
    }
    child
}

/// A failure is allowed only as the busy message, on one line.
fn acknowledged(code: i32, stderr: &str) -> bool {
    if code == 0 {
        return true;
    }
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(stderr.trim(), format!("byline: {BUSY}"), "the only acceptable failure is the busy message");
    false
}

#[test]
fn concurrent_commands_on_one_library_keep_every_acknowledged_write_and_never_corrupt_it() {
    const WRITERS: usize = 6;
    const EDITS: usize = 5;
    let s = Sandbox::new();
    s.ok(&["list"]); // creates the library, so the writers race on writes, not on creation
    let results: Vec<(String, Option<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..WRITERS)
            .map(|writer| {
                let s = &s;
                scope.spawn(move || {
                    let title = format!("Writer {writer}");
                    let (code, stderr) = finish(spawn(s, &["new", &title], None), Duration::from_secs(60));
                    let slug = format!("writer-{writer}");
                    if !acknowledged(code, &stderr) {
                        return (slug, None);
                    }
                    let mut last_acknowledged = Some(String::new());
                    for edit in 0..EDITS {
                        let body = format!("Edit {edit} by writer {writer}.\n");
                        let child = spawn(s, &["edit", &slug, "--body-file", "-"], Some(&body));
                        let (code, stderr) = finish(child, Duration::from_secs(60));
                        if acknowledged(code, &stderr) {
                            last_acknowledged = Some(body);
                        }
                    }
                    (slug, last_acknowledged)
                })
            })
            .collect();
        handles.into_iter().map(|handle| handle.join().unwrap()).collect()
    });

    assert!(s.ok(&["check"]).starts_with("ok:"), "the library is healthy after the race");
    for (slug, last) in results {
        let Some(body) = last else {
            assert!(s.run(&["show", &slug]).code == 1, "a refused `new` created nothing");
            continue;
        };
        let shown = s.json(&["show", &slug, "--json"]);
        assert_eq!(shown["body"].as_str().unwrap(), body, "{slug} holds its last acknowledged edit");
    }
}

#[test]
fn a_write_lock_held_too_long_gives_the_busy_message_and_exit_1_while_reads_still_work() {
    let s = Sandbox::new();
    s.ok(&["new", "Quiet harbour"]);
    s.ok(&["list"]); // takes the daily automatic backup now, not while the lock is held
    let holder = rusqlite::Connection::open(s.library().join("library.db")).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();

    let (code, stderr) = finish(spawn(&s, &["new", "Blocked"], None), Duration::from_secs(60));
    assert_eq!((code, stderr.trim()), (1, format!("byline: {BUSY}").as_str()), "one line, exit 1");
    let (code, stderr) = finish(spawn(&s, &["list"], None), Duration::from_secs(60));
    assert_eq!(code, 0, "reading never waits for a writer: {stderr}");

    holder.execute_batch("COMMIT").unwrap();
    drop(holder);
    s.ok(&["new", "Blocked"]);
    assert!(s.ok(&["list"]).contains("blocked"));
    assert!(s.ok(&["check"]).starts_with("ok:"));
}
