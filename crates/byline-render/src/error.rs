//! Errors inside the pipeline. Rendering itself never fails: every error here is
//! recovered from (e.g. a block that cannot be highlighted renders as plain code).

/// Something in the pipeline could not be done; callers of `render` never see it.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// syntect failed on a code block (bad syntax definition or regex failure).
    #[error("syntax highlighting failed for language `{language}`: {source}")]
    Highlight {
        /// The syntax that was being applied.
        language: String,
        /// The underlying syntect error.
        #[source]
        source: syntect::Error,
    },
    /// A theme could not be turned into CSS.
    #[error("cannot generate CSS for code theme `{theme}`: {source}")]
    ThemeCss {
        /// Name of the syntect theme.
        theme: String,
        /// The underlying syntect error.
        #[source]
        source: syntect::Error,
    },
    /// A bundled syntect theme is missing (the syntect build lacks default themes).
    #[error("bundled code theme `{0}` is missing; rebuild with syntect's default-themes feature")]
    MissingTheme(String),
}
