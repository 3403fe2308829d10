//! Damaging a database file the ways it gets damaged in the wild, shared by the recovery tests
//! (from a backup and from a bound drafts folder) so both meet the same damage.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;

/// Damages `db` in place: `truncated` (its first third kept), `zeroed`, `garbage` (a fixed
/// pseudo-random pattern), `empty`, or `header-smashed` (its first page after the header
/// overwritten).
pub fn damage(db: &Path, how: &str) {
    let bytes = std::fs::read(db).unwrap();
    let damaged = match how {
        "truncated" => bytes[..bytes.len() / 3].to_vec(),
        "zeroed" => vec![0; bytes.len()],
        "garbage" => (0..bytes.len()).map(|i| (i * 7919 % 251) as u8).collect(),
        "empty" => Vec::new(),
        "header-smashed" => {
            let mut b = bytes.clone();
            let end = 4096.min(b.len());
            b[100..end].fill(0xAB);
            b
        }
        _ => unreachable!("no such damage: {how}"),
    };
    std::fs::write(db, damaged).unwrap();
}
