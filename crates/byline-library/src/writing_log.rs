//! The writing log: words written per local day, typed and pasted apart, as the app batches
//! them in with its autosaves.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use crate::error::{Error, Result};
use crate::model::{WritingDay, WritingDelta};
use crate::store::Library;

impl Library {
    /// Adds `delta` to its day's totals and returns them; deletions lower the typed count, never
    /// below zero (words deleted that were written on another day are not that day's to lose).
    pub fn add_writing(&mut self, delta: &WritingDelta) -> Result<WritingDay> {
        let day = checked_day(&delta.day)?;
        let tx = self.write_tx()?;
        tx.execute(
            "INSERT INTO writing_days (day, typed, pasted) VALUES (?1, max(?2, 0), ?3)
             ON CONFLICT (day) DO UPDATE SET typed = max(typed + ?2, 0), pasted = pasted + ?3",
            (&day, delta.typed, delta.pasted),
        )?;
        let totals = read_day(&tx, &day)?;
        tx.commit()?;
        Ok(totals)
    }

    /// The totals of `day` (`YYYY-MM-DD`); zeros for a day with nothing written.
    pub fn writing_day(&self, day: &str) -> Result<WritingDay> {
        read_day(&self.conn, &checked_day(day)?)
    }
}

fn read_day(conn: &rusqlite::Connection, day: &str) -> Result<WritingDay> {
    let counts: Option<(u32, u32)> = conn
        .query_row("SELECT typed, pasted FROM writing_days WHERE day = ?1", [day], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    let (typed, pasted) = counts.unwrap_or_default();
    Ok(WritingDay { day: day.to_string(), typed, pasted })
}

/// The day in its one stored spelling, or an error naming the expected one.
fn checked_day(day: &str) -> Result<String> {
    NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
        .map(|date| date.format("%Y-%m-%d").to_string())
        .map_err(|_| Error::InvalidInput(format!("`{day}` is not a day; write it as YYYY-MM-DD, such as 2026-12-03")))
}
