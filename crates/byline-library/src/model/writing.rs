//! Words written per day: what the status bar counts as "today".

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The words written on one local calendar day, typed and pasted apart.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
pub struct WritingDay {
    /// The day, `YYYY-MM-DD` on the writer's clock.
    pub day: String,
    /// Words typed, less words deleted (never below zero).
    pub typed: u32,
    /// Words pasted or dropped in.
    pub pasted: u32,
}

/// Words to add to a day's totals (a batch, sent with autosave).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct WritingDelta {
    /// The day, `YYYY-MM-DD` on the writer's clock.
    pub day: String,
    /// Words typed less words deleted; negative when more were deleted.
    pub typed: i32,
    /// Words pasted or dropped in.
    pub pasted: u32,
}
