//! The preview document's stylesheet.

/// Prose styles of the preview document (the code colours come from `highlight_css`).
const PROSE_CSS: &str = include_str!("preview.css");

/// The CSS of the preview document: prose styles, then code highlighting for light and dark.
pub fn preview_css() -> String {
    format!("{PROSE_CSS}\n{}", byline_render::highlight_css())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_covers_prose_and_both_code_themes() {
        let css = preview_css();
        assert!(css.contains("pre.code"));
        assert!(css.contains("[data-theme=dark]"));
        assert!(css.contains(".hl-"));
    }
}
