//! Crash safety: a writer autosaving in a loop is killed with SIGKILL at random moments; after
//! every kill the library is intact and holds the last acknowledged save (or the one in flight).
//! `BYLINE_CRASH_KILLS=1000 cargo test -p byline-tests crash -- --nocapture` runs the long version.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::Sandbox;

const DEFAULT_KILLS: u64 = 40;

/// A deterministic pseudo-random sequence (xorshift), so a failure can be replayed.
struct Dice(u64);

impl Dice {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }
}

fn body_number(body: &str) -> u64 {
    body.lines().next().and_then(|l| l.strip_prefix("save ")).and_then(|n| n.parse().ok()).expect("a save body")
}

#[test]
fn sigkill_at_random_moments_never_loses_an_acknowledged_save() {
    let kills: u64 = std::env::var("BYLINE_CRASH_KILLS").ok().and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_KILLS);
    let s = Sandbox::new();
    let library = s.library();
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15);
    let mut next_save = 1;
    let (mut integrity_failures, mut lost) = (0, 0);
    for kill in 0..kills {
        let mut child = Command::new(env!("CARGO_BIN_EXE_byline-crash-writer"))
            .args([library.to_str().unwrap(), &next_save.to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(n) = line.strip_prefix("ack ").and_then(|n| n.parse::<u64>().ok()) {
                    let _ = tx.send(n);
                }
            }
        });
        // Let it save a while (at least one acknowledged save), then kill at a random moment.
        let first = rx.recv_timeout(Duration::from_secs(30)).expect("the writer acknowledges a save");
        let deadline = Instant::now() + Duration::from_millis(dice.next(120));
        while Instant::now() < deadline {
            std::thread::yield_now();
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        // The pipe may still hold acknowledgements the reader has not seen: drain it to EOF.
        reader.join().unwrap();
        let acked = rx.try_iter().last().unwrap_or(first).max(first);

        let lib = byline_library::Library::open(&library).unwrap();
        if !lib.integrity_check().unwrap().is_empty() {
            integrity_failures += 1;
        }
        let saved = body_number(&lib.draft("crash").unwrap().body);
        if saved != acked && saved != acked + 1 {
            lost += 1;
            eprintln!("kill {kill}: acknowledged save {acked}, found save {saved}");
        }
        // The revision chain: every revision loads, numbered without gaps, newest first.
        let history = lib.history("crash").unwrap();
        for (i, revision) in history.iter().enumerate() {
            assert_eq!(revision.id, (history.len() - i) as i64, "revision numbers are contiguous");
            lib.revision("crash", revision.id).unwrap();
        }
        next_save = saved + 1;
    }
    eprintln!("crash: kills={kills} integrity_failures={integrity_failures} lost_acknowledged_saves={lost}");
    assert_eq!((integrity_failures, lost), (0, 0));
}
