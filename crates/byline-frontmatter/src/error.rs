//! The one error type of this crate: what went wrong and on which line of the file.

/// A front matter problem, located on a 1-based line of the whole file (delimiter lines included).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct FrontMatterError {
    /// 1-based line in the file where the problem is (or starts).
    pub line: usize,
    /// What is wrong and, where possible, how to fix it.
    pub message: String,
}

impl FrontMatterError {
    pub(crate) fn new(line: usize, message: impl Into<String>) -> Self {
        Self { line, message: message.into() }
    }
}
