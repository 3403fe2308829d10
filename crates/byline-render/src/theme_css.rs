//! Class-based CSS for highlighted code, generated from syntect's bundled themes.

use std::sync::OnceLock;

use syntect::highlighting::ThemeSet;
use syntect::html::css_for_theme_with_class_style;

use crate::error::RenderError;
use crate::highlight::CLASS_STYLE;

/// Which code colour scheme to produce CSS for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum CodeTheme {
    /// Light background (syntect's InspiredGitHub).
    Light,
    /// Dark background (syntect's base16-ocean.dark).
    Dark,
}

impl CodeTheme {
    fn syntect_name(self) -> &'static str {
        match self {
            CodeTheme::Light => "InspiredGitHub",
            CodeTheme::Dark => "base16-ocean.dark",
        }
    }
}

/// CSS for one theme's `hl-` classes, unscoped.
pub fn theme_css(theme: CodeTheme) -> String {
    static CSS: OnceLock<[String; 2]> = OnceLock::new();
    let [light, dark] = CSS.get_or_init(|| {
        [CodeTheme::Light, CodeTheme::Dark].map(|t| generate(themes(), t).unwrap_or_else(|e| format!("/* {e} */\n")))
    });
    match theme {
        CodeTheme::Light => light.clone(),
        CodeTheme::Dark => dark.clone(),
    }
}

/// Light CSS by default; dark CSS when the system prefers dark (unless the app forces light
/// with `.theme-light`/`[data-theme=light]`) and whenever `.theme-dark`/`[data-theme=dark]` is set.
pub fn highlight_css() -> String {
    let light = theme_css(CodeTheme::Light);
    let dark = theme_css(CodeTheme::Dark);
    let system_dark = scope(&dark, ":root:not(.theme-light):not([data-theme=light])");
    let forced_dark = format!("{}{}", scope(&dark, ".theme-dark"), scope(&dark, "[data-theme=dark]"));
    format!(
        "/* Byline code highlighting: light */\n{light}\n\
         @media (prefers-color-scheme: dark) {{\n{system_dark}}}\n\
         /* dark, chosen in the app */\n{forced_dark}"
    )
}

/// syntect's bundled themes, loaded once.
pub(crate) fn themes() -> &'static ThemeSet {
    static THEMES: OnceLock<ThemeSet> = OnceLock::new();
    THEMES.get_or_init(ThemeSet::load_defaults)
}

/// The syntect theme behind `theme`, if the bundle has it.
pub(crate) fn syntect_theme(theme: CodeTheme) -> Option<&'static syntect::highlighting::Theme> {
    themes().themes.get(theme.syntect_name())
}

fn generate(themes: &ThemeSet, theme: CodeTheme) -> Result<String, RenderError> {
    let name = theme.syntect_name();
    let found = themes.themes.get(name).ok_or_else(|| RenderError::MissingTheme(name.to_string()))?;
    css_for_theme_with_class_style(found, CLASS_STYLE)
        .map_err(|source| RenderError::ThemeCss { theme: name.to_string(), source })
}

/// Prefixes every selector of every rule in `css` with `ancestor `, dropping comments.
fn scope(css: &str, ancestor: &str) -> String {
    let mut out = String::new();
    for rule in strip_comments(css).split_inclusive('}') {
        let Some((selectors, body)) = rule.split_once('{') else { continue };
        let scoped: Vec<String> =
            selectors.split(',').map(str::trim).filter(|s| !s.is_empty()).map(|s| format!("{ancestor} {s}")).collect();
        if !scoped.is_empty() {
            out.push_str(&format!("{} {{{body}\n", scoped.join(", ")));
        }
    }
    out
}

fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..].find("*/").map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn themes_are_class_based_and_differ() {
        let light = theme_css(CodeTheme::Light);
        let dark = theme_css(CodeTheme::Dark);
        assert!(light.contains(".hl-"), "{light}");
        assert_ne!(light, dark);
    }

    #[test]
    fn highlight_css_scopes_dark_three_ways() {
        let css = highlight_css();
        assert!(css.contains("@media (prefers-color-scheme: dark)"));
        assert!(css.contains(".theme-dark .hl-"));
        assert!(css.contains("[data-theme=dark] .hl-"));
        assert_eq!(css.matches('{').count(), css.matches('}').count());
    }

    #[test]
    fn scope_prefixes_each_selector() {
        assert_eq!(scope("/* c */ .a, .b { x: y; }", ".d"), ".d .a, .d .b { x: y; }\n");
    }
}
