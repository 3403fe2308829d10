//! The export error type: which template or file, which line, and what to do.

use std::path::PathBuf;

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A template has a syntax error.
    #[error("template {name}, line {line}: {message}; fix the template or remove it to use the default")]
    TemplateSyntax {
        /// Template name, e.g. "article.html".
        name: String,
        /// 1-based line in the template.
        line: usize,
        /// The parser's explanation.
        message: String,
    },
    /// A template failed while rendering (unknown filter, bad value…).
    #[error("template {name}, line {line}: {message}")]
    TemplateRender {
        /// Template name.
        name: String,
        /// 1-based line in the template.
        line: usize,
        /// What went wrong.
        message: String,
    },
    /// A template directory or file could not be read.
    #[error("cannot read template {}: {source}", path.display())]
    TemplateRead {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A template file is not UTF-8.
    #[error("template {} is not UTF-8 text; save it as UTF-8", path.display())]
    TemplateEncoding {
        /// The file.
        path: PathBuf,
    },
    /// A slug cannot be used as a path segment of the site.
    #[error("{what} slug {slug:?} cannot be used in a URL path; use letters, digits and dashes")]
    InvalidSlug {
        /// "article" or "author".
        what: &'static str,
        /// The offending slug.
        slug: String,
    },
    /// Two articles or two authors share a slug, so one page would overwrite the other.
    #[error("two {what}s share the slug {slug:?}; give one of them another slug")]
    DuplicateSlug {
        /// "article" or "author".
        what: &'static str,
        /// The shared slug.
        slug: String,
    },
    /// A DOCX or EPUB archive could not be assembled.
    #[error("cannot write the archive: {0}")]
    Archive(String),
}

impl ExportError {
    /// Wraps a minijinja error raised while rendering `name`.
    pub(crate) fn render(name: &str, err: &minijinja::Error) -> Self {
        ExportError::TemplateRender {
            name: err.name().unwrap_or(name).to_owned(),
            line: err.line().unwrap_or(0),
            message: describe(err),
        }
    }

    /// Wraps a minijinja error raised while parsing template `name`.
    pub(crate) fn syntax(name: &str, err: &minijinja::Error) -> Self {
        ExportError::TemplateSyntax { name: name.to_owned(), line: err.line().unwrap_or(0), message: describe(err) }
    }
}

/// The error's own message plus its causes, without minijinja's debug dump.
fn describe(err: &minijinja::Error) -> String {
    let mut message = err.detail().map_or_else(|| err.kind().to_string(), |d| format!("{}: {d}", err.kind()));
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(&format!(" (caused by: {cause})"));
        source = cause.source();
    }
    message
}
