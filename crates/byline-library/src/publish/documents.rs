//! Single-file documents: a draft as DOCX, EPUB or PDF, and several drafts as one EPUB book.
//! Each is laid out from the same article context as the HTML page, with every image embedded.

use std::path::Path;

use byline_export::{ArticleContext, Book, Paper};

use super::{article_context, AssetSink, ImageMode};
use crate::fs_atomic::write_atomic;
use crate::{Draft, Error, Library, Result};

/// The documents a draft can become beside its web page and Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentFormat {
    /// A Word document.
    Docx,
    /// An EPUB 3 e-book of one chapter.
    Epub,
    /// A typeset PDF on this paper; `None` picks it from the draft's language.
    Pdf(Option<Paper>),
}

/// Options of a book export.
#[derive(Debug, Clone, Default)]
pub struct BookOptions {
    /// The book's title; the first draft's title when absent.
    pub title: Option<String>,
    /// Include authors' private email addresses.
    pub include_email: bool,
    /// Curly quotes, dashes and ellipses in every chapter's copy, as an article export's.
    pub smart: bool,
}

impl Library {
    /// `draft` as a single-file document.
    pub(super) fn document_export(
        &self,
        draft: &Draft,
        format: DocumentFormat,
        include_email: bool,
    ) -> Result<Vec<u8>> {
        let article = self.embedded_article(draft, include_email)?;
        match format {
            DocumentFormat::Docx => byline_export::docx(&article).map_err(|err| Error::Export(err.to_string())),
            DocumentFormat::Epub => {
                byline_export::epub(&Book::from_article(&article)).map_err(|err| Error::Export(err.to_string()))
            }
            DocumentFormat::Pdf(paper) => pdf(&article, paper),
        }
    }

    /// The drafts `slugs`, in that order, as one EPUB book with a chapter each.
    pub fn export_book(&self, slugs: &[String], options: &BookOptions) -> Result<Vec<u8>> {
        let mut articles = Vec::with_capacity(slugs.len());
        for slug in slugs {
            let draft = super::smartened_if(self.draft(slug)?, options.smart);
            articles.push(self.embedded_article(&draft, options.include_email)?);
        }
        let Some(first) = articles.first() else {
            return Err(Error::InvalidInput("a book needs at least one draft; give their slugs in order".into()));
        };
        let title = options.title.clone().unwrap_or_else(|| first.title.clone());
        let mut book = Book::from_articles(&title, &articles);
        book.cover_image = first.cover_image.clone();
        byline_export::epub(&book).map_err(|err| Error::Export(err.to_string()))
    }

    /// Writes the book of `slugs` to `output` atomically.
    pub fn export_book_to(&self, slugs: &[String], options: &BookOptions, output: &Path) -> Result<()> {
        if output.is_dir() {
            return Err(Error::InvalidInput(format!(
                "{} is a folder; give a file name such as {}",
                output.display(),
                output.join("book.epub").display()
            )));
        }
        let bytes = self.export_book(slugs, options)?;
        write_atomic(output, &bytes)
    }

    /// The article context with every image (body, cover, avatars) inside as `data:` URLs.
    fn embedded_article(&self, draft: &Draft, include_email: bool) -> Result<ArticleContext> {
        let mut assets = AssetSink::new(self, ImageMode::Embed, &format!("{}_files", draft.slug));
        // Related articles link to sibling pages, which a document does not have.
        Ok(article_context(&self.page_inputs(draft, &mut assets, include_email, Vec::new())?))
    }
}

#[cfg(feature = "pdf")]
fn pdf(article: &ArticleContext, paper: Option<Paper>) -> Result<Vec<u8>> {
    let paper = paper.unwrap_or_else(|| Paper::for_locale(&article.language));
    byline_pdf::pdf(article, &byline_pdf::PdfOptions { paper }).map_err(|err| Error::Export(err.to_string()))
}

#[cfg(not(feature = "pdf"))]
fn pdf(_article: &ArticleContext, _paper: Option<Paper>) -> Result<Vec<u8>> {
    Err(Error::Export("this build of Byline has no PDF support (built without the `pdf` feature)".into()))
}
