//! Byline export: lays out already-rendered articles as standalone HTML pages, whole static sites
//! with an Atom feed, and Markdown with front matter, through minijinja templates over a typed
//! context; and as documents laid out from the document tree ([`doc`]): Word files ([`docx`])
//! and EPUB 3 books ([`epub`]), one article or several as chapters.
//!
//! Nothing here renders Markdown: callers pass sanitized `body_html`/`bio_html` (from byline-render).

mod archive;
mod context;
pub mod doc;
mod docx;
mod epub;
mod error;
mod exporter;
mod jsonld;
mod page;
mod paper;
mod share;
mod site;
mod slug;
mod templates;
mod xml;

pub use byline_frontmatter::Flavor;
pub use context::{
    ArticleContext, AuthorContext, PageOptions, RelatedArticle, SiteContext, SiteFile, SocialLink, Stylesheet, TocItem,
};
pub use docx::docx;
pub use epub::{epub, Book};
pub use error::ExportError;
pub use exporter::Exporter;
pub use jsonld::json_ld;
pub use paper::{Paper, UnknownPaper};
pub use share::ShareLink;

/// The generator line of site pages, e.g. "Byline 0.1.0".
pub const GENERATOR: &str = concat!("Byline ", env!("CARGO_PKG_VERSION"));

/// Markdown with front matter in `flavor`'s convention (see `byline_frontmatter::write`).
pub fn markdown(article_front: &byline_frontmatter::FrontMatter, body_markdown: &str, flavor: Flavor) -> String {
    byline_frontmatter::write(article_front, body_markdown, flavor)
}
