//! What can go wrong in an export, with typst's own diagnostics kept readable.

use std::fmt::Write as _;

use typst::diag::{Severity, SourceDiagnostic};

/// A PDF export that failed. The message names the stage and carries typst's diagnostics.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The generated typst document did not compile: a bug in the markup generator or the
    /// template, never the writer's text (which is only ever emitted as string literals).
    #[error("typesetting the article failed: {0}")]
    Typeset(String),
    /// typst laid the document out but could not write it as PDF.
    #[error("writing the PDF failed: {0}")]
    Write(String),
    /// The in-memory file system could not be set up.
    #[error("preparing the typst sources failed: {0}")]
    Setup(String),
}

/// Every diagnostic's message and hints, joined on "; " (the spans point into generated
/// markup nobody reads, so they are left out).
pub(crate) fn describe(diagnostics: &[SourceDiagnostic]) -> String {
    let mut out = String::new();
    for (i, diagnostic) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        let severity = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = write!(out, "{severity}: {}", diagnostic.message);
        for hint in &diagnostic.hints {
            let _ = write!(out, " (hint: {})", hint.v);
        }
    }
    if out.is_empty() {
        out.push_str("no diagnostics given");
    }
    out
}

#[cfg(test)]
mod tests {
    use typst::syntax::Span;

    use super::*;

    #[test]
    fn messages_name_the_stage_and_every_diagnostic() {
        let diagnostics = [
            SourceDiagnostic::error(Span::detached(), "unknown variable: x").with_hint("did you mean y?"),
            SourceDiagnostic::warning(Span::detached(), "unknown font family"),
        ];
        let error = PdfError::Typeset(describe(&diagnostics));
        assert_eq!(
            error.to_string(),
            "typesetting the article failed: error: unknown variable: x (hint: did you mean y?); \
             warning: unknown font family"
        );
        assert_eq!(describe(&[]), "no diagnostics given");
    }
}
