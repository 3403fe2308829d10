//! Colours of highlighted code for formats without CSS (DOCX, PDF): the `hl-` classes of a
//! rendered code span looked up in the same syntect theme the page's CSS is generated from, so
//! code looks alike on the page, in Word and on paper.

use syntect::highlighting::{FontStyle, Highlighter, Theme};
use syntect::parsing::{Scope, ScopeStack};

use crate::theme_css::syntect_theme;
use crate::CodeTheme;

/// How one run of code is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeStyle {
    /// Text colour as RGB.
    pub color: [u8; 3],
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Underlined.
    pub underline: bool,
}

/// The style of code inside nested spans with these `class` attributes, outermost first (as
/// `hl-source hl-rust`, then `hl-storage hl-type hl-rust`); plain text for no classes.
pub fn code_style(theme: CodeTheme, classes: &[impl AsRef<str>]) -> CodeStyle {
    let Some(theme) = syntect_theme(theme) else { return PLAIN };
    let mut stack = ScopeStack::new();
    for class in classes {
        if let Some(scope) = scope_of(class.as_ref()) {
            stack.push(scope);
        }
    }
    let style = Highlighter::new(theme).style_for_stack(stack.as_slice());
    let c = style.foreground;
    CodeStyle {
        color: [c.r, c.g, c.b],
        bold: style.font_style.contains(FontStyle::BOLD),
        italic: style.font_style.contains(FontStyle::ITALIC),
        underline: style.font_style.contains(FontStyle::UNDERLINE),
    }
}

/// The code block background of `theme` as RGB.
pub fn code_background(theme: CodeTheme) -> [u8; 3] {
    match syntect_theme(theme).and_then(|t: &Theme| t.settings.background) {
        Some(c) => [c.r, c.g, c.b],
        None => [255, 255, 255],
    }
}

const PLAIN: CodeStyle = CodeStyle { color: [0, 0, 0], bold: false, italic: false, underline: false };

/// `hl-storage hl-type hl-rust` is the scope `storage.type.rust` (syntect's spaced, prefixed
/// class style writes one class per scope atom).
fn scope_of(class: &str) -> Option<Scope> {
    let atoms: Vec<&str> = class.split_ascii_whitespace().filter_map(|c| c.strip_prefix("hl-")).collect();
    if atoms.is_empty() {
        return None;
    }
    Scope::new(&atoms.join(".")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_strings_and_comments_get_the_page_colours() {
        let html =
            crate::render("```rust\n// note\nfn f() -> &'static str { \"hi\" }\n```\n", &Default::default()).html;
        assert!(html.contains("hl-storage hl-type"), "{html}");
        let plain = code_style(CodeTheme::Light, &["hl-source hl-rust"]);
        let keyword = code_style(CodeTheme::Light, &["hl-source hl-rust", "hl-storage hl-type hl-rust"]);
        let string = code_style(CodeTheme::Light, &["hl-source hl-rust", "hl-string hl-quoted hl-double hl-rust"]);
        let comment =
            code_style(CodeTheme::Light, &["hl-source hl-rust", "hl-comment hl-line hl-double-slash hl-rust"]);
        assert_ne!(keyword.color, plain.color, "keywords stand out");
        assert_ne!(string.color, plain.color, "strings stand out");
        assert!(comment.italic || comment.color != plain.color, "comments are set apart");
        let css = crate::theme_css(CodeTheme::Light);
        let hex = |c: [u8; 3]| format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
        assert!(
            css.to_lowercase().contains(&hex(keyword.color)),
            "the keyword colour is the CSS's: {}",
            hex(keyword.color)
        );
    }

    #[test]
    fn no_classes_is_the_theme_foreground_and_unknown_classes_are_harmless() {
        let none: [&str; 0] = [];
        let plain = code_style(CodeTheme::Light, &none);
        assert_eq!(code_style(CodeTheme::Light, &["not-a-class", "hl-"]), plain);
        assert_ne!(code_background(CodeTheme::Light), [0, 0, 0]);
    }
}
