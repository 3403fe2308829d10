//! Handing links and files to the operating system: only http, https and mailto links leave the
//! app, after the checks below; everything else is refused with an error the writer can read.

use std::path::Path;

use tauri::{AppHandle, Runtime};
use tauri_plugin_opener::OpenerExt;
use url::Url;

use crate::error::{AppError, AppResult};

/// Schemes that may be handed to the system browser or mail client.
const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Longest part of a refused link quoted back in the error message.
const QUOTE_CHARS: usize = 80;

/// Opens a checked web or email link with the system's default handler.
pub fn open_external<R: Runtime>(app: &AppHandle<R>, raw: &str) -> AppResult<()> {
    let url = checked_external_url(raw)?;
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|source| AppError::Opener { action: format!("open {url}"), source: Box::new(source) })
}

/// Shows a file or folder in the system file manager ("Show in folder").
pub fn reveal_path<R: Runtime>(app: &AppHandle<R>, path: &Path) -> AppResult<()> {
    if !path.is_absolute() {
        return Err(AppError::InvalidPath(format!(
            "cannot show `{}`: give the full path of an exported file",
            path.display()
        )));
    }
    if !path.exists() {
        return Err(AppError::InvalidPath(format!(
            "cannot show {}: it does not exist (moved or deleted?); export again",
            path.display()
        )));
    }
    app.opener().reveal_item_in_dir(path).map_err(|source| AppError::Opener {
        action: format!("show {} in its folder", path.display()),
        source: Box::new(source),
    })
}

/// Parses `raw` as a link the app may open externally.
///
/// The URL parser silently drops tabs and newlines and lowercases schemes, which is how
/// `java\tscript:` tricks get through naive checks; so anything that is not already a clean,
/// literal URL (control characters, whitespace, HTML entities) is refused before parsing.
pub fn checked_external_url(raw: &str) -> AppResult<Url> {
    let refuse = || AppError::RefusedUrl(quote(raw));
    if raw.is_empty() || raw.chars().any(|c| c.is_control() || c.is_whitespace()) || has_html_entity(raw) {
        return Err(refuse());
    }
    let url = Url::parse(raw).map_err(|_| refuse())?;
    if !ALLOWED_SCHEMES.contains(&url.scheme()) {
        return Err(refuse());
    }
    let has_target = match url.scheme() {
        "mailto" => !url.path().is_empty(),
        _ => url.host_str().is_some_and(|host| !host.is_empty()),
    };
    if has_target {
        Ok(url)
    } else {
        Err(refuse())
    }
}

/// `&#106;`, `&#x6A;` or `&colon;`: text that only becomes a different URL once HTML-decoded.
fn has_html_entity(raw: &str) -> bool {
    raw.match_indices('&').any(|(at, _)| {
        let rest = &raw[at + 1..];
        if rest.starts_with('#') {
            return true;
        }
        let name_len = rest.chars().take_while(char::is_ascii_alphanumeric).count();
        name_len > 0 && rest[name_len..].starts_with(';')
    })
}

/// A printable, bounded rendering of a refused link for the error message.
fn quote(raw: &str) -> String {
    let shown: String = raw.chars().take(QUOTE_CHARS).flat_map(char::escape_debug).collect();
    if raw.chars().count() > QUOTE_CHARS {
        format!("{shown}…")
    } else {
        shown
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn web_and_mail_links_are_opened() {
        for ok in [
            "https://example.org/",
            "http://example.org/a?b=1&c=2#top",
            "HTTPS://Example.org/Path",
            "mailto:ada@example.org",
            "mailto:ada@example.org?subject=Hello%20there",
            "https://example.org/search?q=a&amp=b",
        ] {
            assert!(checked_external_url(ok).is_ok(), "{ok} should be allowed");
        }
        assert_eq!(checked_external_url("HTTPS://Example.org/x").unwrap().as_str(), "https://example.org/x");
    }

    #[test]
    fn scripts_and_disguises_are_refused() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "javascript\r:alert(1)",
            " javascript:alert(1)",
            "https://example.org/\u{0}",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "vbscript:msgbox(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "javascript&colon;alert(1)",
            "https://example.org/&#x22;onload",
            "blob:https://example.org/uuid",
            "about:blank",
            "tauri://localhost/index.html",
            "ftp://example.org/file",
            "/relative/path",
            "//example.org/x",
            "example.org",
            "https://",
            "mailto:",
            "",
        ] {
            let err = checked_external_url(bad).unwrap_err();
            assert_eq!(err.code(), "refused", "{bad:?} should be refused");
        }
    }

    #[test]
    fn refusal_quotes_the_link_printably() {
        let message = checked_external_url("java\tscript:alert(1)").unwrap_err().to_string();
        assert!(message.contains("java\\tscript:alert(1)"), "{message}");
        let long = format!("javascript:{}", "a".repeat(500));
        assert!(checked_external_url(&long).unwrap_err().to_string().len() < 250);
    }

    #[test]
    fn entities_are_told_apart_from_query_strings() {
        assert!(has_html_entity("&#106;"));
        assert!(has_html_entity("a&lt;b"));
        assert!(!has_html_entity("https://x.org/?a=1&b=2"));
        assert!(!has_html_entity("https://x.org/?a&b"));
    }
}
