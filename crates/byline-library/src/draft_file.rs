//! A draft as the text of its Markdown file: what `sync` writes to the drafts folder, what import
//! records as the file's base, and what the Markdown export starts from.

use byline_frontmatter::{Flavor, FrontMatter};

use crate::{Draft, Status};

/// The metadata a draft's file carries. A draft read from a file keeps that file's own dates
/// (`source`): its publication date, and its `lastmod`, which Byline's clock never rewrites.
pub(crate) fn file_front(draft: &Draft, source: &FrontMatter) -> FrontMatter {
    FrontMatter {
        date: source.date.or(draft.published.map(|d| d.fixed_offset())),
        updated: source.updated,
        draft: None,
        ..front_matter_of(draft)
    }
}

/// A draft as the text of its file: the head of the file it came from with only the changed
/// keys edited (so an unchanged draft gives the file back byte for byte), or, for a draft
/// born in Byline, Byline's own front matter.
pub(crate) fn file_text(draft: &Draft) -> String {
    match &draft.origin {
        Some(origin) => {
            format!("{}{}", byline_frontmatter::rewrite_head(origin, &file_front(draft, &origin.base)), draft.body)
        }
        None => byline_frontmatter::write(&front_matter_of(draft), &draft.body, Flavor::Byline),
    }
}

/// A draft's metadata in front matter terms, unknown keys included.
pub(crate) fn front_matter_of(draft: &Draft) -> FrontMatter {
    FrontMatter {
        title: Some(draft.title.clone()),
        subtitle: draft.subtitle.clone(),
        summary: draft.summary.clone(),
        date: Some(draft.published.unwrap_or(draft.created).fixed_offset()),
        updated: Some(draft.updated.fixed_offset()),
        draft: Some(draft.status != Status::Published),
        slug: Some(draft.slug.clone()),
        status: Some(draft.status.to_string()),
        tags: draft.tags.clone(),
        authors: draft.authors.iter().map(|a| a.name.clone()).collect(),
        image: draft.cover_image.clone(),
        canonical_url: draft.canonical_url.clone(),
        discuss_url: draft.discuss_url.clone(),
        language: draft.language.clone(),
        extra: draft.extra.clone().into_iter().collect(),
    }
}
