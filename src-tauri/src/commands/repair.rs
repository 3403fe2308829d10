//! Damaged text (mojibake) in what the writer has open or just pasted.

use byline_library::repair::{damaged_places, DamagedPlace};

use crate::error::AppResult;

/// Every damaged place in `text` (an open draft's body, or a paste), with what would repair it;
/// nothing is changed: the writer reviews the list and the editor applies what they accept.
#[tauri::command]
pub async fn find_damaged_text(text: String) -> AppResult<Vec<DamagedPlace>> {
    Ok(damaged_places(&text))
}
