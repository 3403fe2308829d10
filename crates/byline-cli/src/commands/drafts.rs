//! `new`, `list`, `show`, `edit`, `trash`, `untrash`, `empty-trash`.

use anyhow::Result;
use byline_library::{DraftChange, DraftFilter, Library, NewDraft, SaveMode, Status};

use crate::cli::{EditArgs, ListArgs, NewArgs, ShowArgs};
use crate::input::{clearable, read_text};
use crate::output;

/// `byline new`: prints the new draft's slug.
pub fn new(library: &mut Library, args: NewArgs) -> Result<()> {
    let body = args.body_file.as_deref().map(read_text).transpose()?.unwrap_or_default();
    let draft = library.create_draft(NewDraft {
        title: args.title,
        subtitle: args.subtitle.filter(|s| !s.trim().is_empty()),
        body,
        status: args.status.unwrap_or(Status::Draft),
        tags: args.tags,
        authors: args.authors,
        ..NewDraft::default()
    })?;
    println!("{}", draft.slug);
    Ok(())
}

/// `byline list`
pub fn list(library: &Library, args: ListArgs) -> Result<()> {
    let filter = DraftFilter {
        status: args.status,
        tag: args.tag,
        author: args.author,
        trashed: args.trash,
        ..DraftFilter::default()
    };
    let drafts = library.list_drafts(&filter)?;
    if args.json {
        return output::json(&drafts);
    }
    let rows: Vec<Vec<String>> = drafts
        .iter()
        .map(|d| {
            vec![
                d.slug.clone(),
                d.status.to_string(),
                output::when(&d.updated),
                d.word_count.to_string(),
                d.title.clone(),
            ]
        })
        .collect();
    output::table(&["slug", "status", "updated", "words", "title"], &rows)
}

/// `byline show`
pub fn show(library: &Library, args: ShowArgs) -> Result<()> {
    if let Some(id) = args.revision {
        let revision = library.revision(&args.slug, id)?;
        if args.json {
            return output::json(&revision);
        }
        println!("revision {} of {}, saved {}", revision.id, args.slug, output::when(&revision.created));
        println!("title:     {}\n", revision.snapshot.title);
        print!("{}", revision.snapshot.body);
        return Ok(());
    }
    let draft = library.draft(&args.slug)?;
    if args.json {
        return output::json(&draft);
    }
    let authors: Vec<&str> = draft.authors.iter().map(|a| a.name.as_str()).collect();
    println!("title:     {}", draft.title);
    if let Some(subtitle) = &draft.subtitle {
        println!("subtitle:  {subtitle}");
    }
    if let Some(summary) = &draft.summary {
        println!("summary:   {summary}");
    }
    println!("slug:      {}", draft.slug);
    println!("status:    {}", draft.status);
    println!("tags:      {}", draft.tags.join(", "));
    println!("authors:   {}", authors.join(", "));
    if let Some(canonical) = &draft.canonical_url {
        println!("canonical: {canonical}");
    }
    if let Some(discuss) = &draft.discuss_url {
        println!("discuss:   {discuss}");
    }
    println!("words:     {}", draft.word_count);
    println!("created:   {}", output::when(&draft.created));
    println!("updated:   {}", output::when(&draft.updated));
    if let Some(trashed) = &draft.trashed_at {
        println!("trashed:   {} (byline untrash {})", output::when(trashed), draft.slug);
    }
    println!();
    print!("{}", draft.body);
    if !draft.body.ends_with('\n') {
        println!();
    }
    Ok(())
}

/// `byline edit`: one explicit edit, recorded as a checkpoint revision.
pub fn edit(library: &mut Library, args: EditArgs) -> Result<()> {
    let change = DraftChange {
        title: args.title,
        subtitle: clearable(args.subtitle),
        summary: clearable(args.summary),
        body: args.body_file.as_deref().map(read_text).transpose()?,
        status: args.status,
        tags: if args.clear_tags { Some(Vec::new()) } else { non_empty(args.tags) },
        authors: non_empty(args.authors),
        language: clearable(args.language),
        canonical_url: clearable(args.canonical_url),
        discuss_url: clearable(args.discuss_url),
        ..DraftChange::default()
    };
    let draft = library.update_draft(&args.slug, change, SaveMode::Edit)?;
    println!("{}", draft.slug);
    Ok(())
}

/// `byline trash`
pub fn trash(library: &mut Library, slug: &str) -> Result<()> {
    library.trash_draft(slug)?;
    eprintln!("moved `{slug}` to the trash; `byline untrash {slug}` brings it back");
    Ok(())
}

/// `byline untrash`
pub fn untrash(library: &mut Library, slug: &str) -> Result<()> {
    library.untrash_draft(slug)?;
    println!("{slug}");
    Ok(())
}

/// `byline empty-trash`
pub fn empty_trash(library: &mut Library) -> Result<()> {
    let deleted = library.empty_trash()?;
    let noun = if deleted == 1 { "draft" } else { "drafts" };
    eprintln!("deleted {deleted} {noun} from the trash for good");
    Ok(())
}

fn non_empty(list: Vec<String>) -> Option<Vec<String>> {
    (!list.is_empty()).then_some(list)
}
