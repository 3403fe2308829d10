//! Stored files and how drafts refer to them.

use serde::Serialize;
use ts_rs::TS;

/// A stored file, identified by the sha256 of its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Asset {
    /// Lowercase hex sha256 of the bytes.
    pub hash: String,
    /// MIME type sniffed from the bytes.
    pub mime: String,
    /// Size in bytes.
    pub size: usize,
    /// File name it was first added with.
    pub file_name: String,
}

/// An asset as a draft's Markdown refers to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftAsset {
    /// Path used in the Markdown, e.g. `images/a.png`.
    pub path: String,
    /// The stored asset.
    pub asset: Asset,
}
