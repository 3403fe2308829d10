//! `author add|list|show|edit|remove`.

use anyhow::{Context, Result};
use byline_library::{Author, AuthorChange, Library, NewAuthor};
use indexmap::IndexMap;

use crate::cli::{AuthorAddArgs, AuthorCommand, AuthorEditArgs, AuthorFields};
use crate::input::{clearable, parse_social, read_text};
use crate::output;

/// Dispatches one `author` subcommand.
pub fn run(library: &mut Library, command: AuthorCommand) -> Result<()> {
    match command {
        AuthorCommand::Add(args) => add(library, args),
        AuthorCommand::List { json } => list(library, json),
        AuthorCommand::Show { slug, json } => show(library, &slug, json),
        AuthorCommand::Edit(args) => edit(library, args),
        AuthorCommand::Remove { slug, reassign } => {
            library.remove_author(&slug, reassign.as_deref())?;
            eprintln!("removed author `{slug}`");
            Ok(())
        }
    }
}

fn add(library: &mut Library, args: AuthorAddArgs) -> Result<()> {
    let fields = args.fields;
    let avatar = store_avatar(library, &fields)?;
    let author = library.add_author(NewAuthor {
        name: args.name,
        slug: args.slug,
        short_bio: fields.bio.filter(|s| !s.trim().is_empty()),
        bio: fields.long_bio_file.as_deref().map(read_text).transpose()?,
        avatar,
        website: fields.website,
        location: fields.location,
        role: fields.role,
        email: fields.email,
        social: social_links(&fields.social)?,
        make_default: fields.default,
    })?;
    println!("{}", author.slug);
    Ok(())
}

fn edit(library: &mut Library, args: AuthorEditArgs) -> Result<()> {
    let fields = args.fields;
    let avatar = store_avatar(library, &fields)?;
    let social = if fields.social.is_empty() { None } else { Some(social_links(&fields.social)?) };
    let author = library.update_author(
        &args.slug,
        AuthorChange {
            name: args.name,
            short_bio: clearable(fields.bio),
            bio: fields
                .long_bio_file
                .as_deref()
                .map(read_text)
                .transpose()?
                .map(|text| (!text.trim().is_empty()).then_some(text)),
            avatar: avatar.map(Some),
            website: clearable(fields.website),
            location: clearable(fields.location),
            role: clearable(fields.role),
            email: clearable(fields.email),
            social,
        },
    )?;
    if fields.default {
        library.set_default_author(&author.slug)?;
    }
    println!("{}", author.slug);
    Ok(())
}

fn list(library: &Library, json: bool) -> Result<()> {
    let authors = library.authors()?;
    if json {
        return output::json(&authors);
    }
    let rows: Vec<Vec<String>> = authors
        .iter()
        .map(|a| vec![a.slug.clone(), if a.is_default { "yes".into() } else { String::new() }, a.name.clone()])
        .collect();
    output::table(&["slug", "default", "name"], &rows)
}

fn show(library: &Library, slug: &str, json: bool) -> Result<()> {
    let author = library.author(slug)?;
    if json {
        return output::json(&author);
    }
    print_author(&author);
    Ok(())
}

fn print_author(author: &Author) {
    let field = |label: &str, value: &Option<String>| {
        if let Some(value) = value {
            println!("{label:<10} {value}");
        }
    };
    println!("{:<10} {}", "name:", author.name);
    println!("{:<10} {}", "slug:", author.slug);
    if author.is_default {
        println!("{:<10} yes", "default:");
    }
    field("role:", &author.role);
    field("location:", &author.location);
    field("website:", &author.website);
    field("email:", &author.email);
    field("avatar:", &author.avatar);
    for (key, url) in &author.social {
        println!("{:<10} {url}", format!("{key}:"));
    }
    field("bio:", &author.short_bio);
    if let Some(bio) = &author.bio {
        println!("\n{bio}");
    }
}

/// Copies the avatar image into the library and returns its asset hash.
fn store_avatar(library: &mut Library, fields: &AuthorFields) -> Result<Option<String>> {
    let Some(path) = &fields.avatar else { return Ok(None) };
    let bytes = std::fs::read(path).with_context(|| format!("cannot read avatar image {}", path.display()))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Some(library.add_asset(&bytes, &name)?.hash))
}

fn social_links(pairs: &[String]) -> Result<IndexMap<String, String>> {
    pairs.iter().map(|pair| parse_social(pair)).collect()
}
