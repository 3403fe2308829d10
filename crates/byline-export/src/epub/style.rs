//! The book's stylesheet: plain book typography that leaves fonts, sizes and margins to the
//! reader's settings, plus the page's code highlighting in its light theme only, since
//! reading systems invert or tint pages in their own ways and a dark theme fights them.

/// Typography for the chapters, the cover and the navigation document.
const TYPOGRAPHY: &str = "/* Byline book typography */
body { margin: 0 5%; line-height: 1.5; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.5em 0 0.5em; page-break-after: avoid; }
h1 { font-size: 1.8em; margin-top: 0; }
h2 { font-size: 1.4em; }
h3 { font-size: 1.2em; }
p { margin: 0 0 0.8em; }
.subtitle { font-size: 1.2em; font-style: italic; margin-bottom: 0.5em; }
.byline, .dateline { margin: 0.2em 0; font-size: 0.95em; }
header { margin-bottom: 2em; }
a { color: inherit; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #999999; }
hr { border: 0; border-top: 1px solid #999999; margin: 2em 0; }
img { max-width: 100%; height: auto; }
figure { margin: 1em 0; text-align: center; }
figcaption { font-size: 0.9em; font-style: italic; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
th, td { border: 1px solid #999999; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
.align-left { text-align: left; }
.align-center { text-align: center; }
.align-right { text-align: right; }
code, pre { font-family: monospace; font-size: 0.85em; }
pre { white-space: pre-wrap; word-wrap: break-word; margin: 1em 0; padding: 0.6em 0.8em; background: #f6f8fa; border-radius: 4px; page-break-inside: avoid; }
pre code { font-size: 1em; }
ul.tasks { list-style: none; padding-left: 1em; }
.task { font-family: sans-serif; }
.footnotes { margin-top: 2em; border-top: 1px solid #999999; font-size: 0.9em; }
.note-number { text-decoration: none; }
.written-by { margin-top: 3em; border-top: 1px solid #999999; }
.author-card { margin: 1em 0; overflow: hidden; page-break-inside: avoid; }
.avatar { float: left; width: 4em; height: 4em; margin: 0 1em 0.5em 0; border-radius: 50%; }
.avatar-initial { text-align: center; line-height: 4em; font-size: 1em; font-weight: bold; background: #dddddd; }
.author-name { margin: 0 0 0.2em; font-size: 1.1em; }
.author-role, .short-bio { margin: 0 0 0.4em; }
.cover { margin: 0; padding: 0; text-align: center; page-break-after: always; }
.cover img { max-height: 100%; }
nav ol { list-style: none; padding-left: 1.2em; }
";

/// `style.css`.
pub(super) fn stylesheet() -> String {
    let highlight = byline_render::theme_css(byline_render::CodeTheme::Light);
    format!("{TYPOGRAPHY}/* Code highlighting: the page's light theme */\n{highlight}")
}
