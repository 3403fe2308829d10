//! Helpers shared by the integration tests: a real library in a temp dir with a controllable clock.
#![allow(dead_code, missing_docs, clippy::unwrap_used)]

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use byline_library::{Library, NewAuthor, NewDraft};
use chrono::{DateTime, TimeZone, Utc};
use tempfile::TempDir;

/// A clock the test moves by hand.
#[derive(Clone)]
pub struct TestClock(Arc<AtomicI64>);

impl TestClock {
    pub fn new() -> Self {
        let start = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
        TestClock(Arc::new(AtomicI64::new(start.timestamp_micros())))
    }

    pub fn advance_secs(&self, secs: i64) {
        self.0.fetch_add(secs * 1_000_000, Ordering::SeqCst);
    }

    pub fn now(&self) -> DateTime<Utc> {
        DateTime::from_timestamp_micros(self.0.load(Ordering::SeqCst)).unwrap()
    }

    pub fn boxed(&self) -> byline_library::Clock {
        let clock = self.clone();
        Box::new(move || clock.now())
    }
}

pub struct Fixture {
    pub dir: TempDir,
    pub lib: Library,
    pub clock: TestClock,
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::new();
    let lib = Library::open_with_clock(&dir.path().join("lib"), clock.boxed()).unwrap();
    Fixture { dir, lib, clock }
}

pub fn draft(title: &str, body: &str) -> NewDraft {
    NewDraft { title: title.to_string(), body: body.to_string(), ..NewDraft::default() }
}

pub fn author(name: &str) -> NewAuthor {
    NewAuthor { name: name.to_string(), ..NewAuthor::default() }
}

/// A minimal valid PNG header followed by `salt`, so tests get distinct images.
pub fn png(salt: &[u8]) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend_from_slice(salt);
    bytes
}
