//! `export SLUG`, `export-book SLUG… -o FILE` and `export-site OUT_DIR`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Result};
use byline_frontmatter::Flavor;
use byline_library::publish::{
    ArticleFormat, BookOptions, DocumentFormat, ExportOptions, ImageMode, Paper, SiteOptions,
};
use byline_library::Library;

use crate::cli::{self, ExportArgs, ExportBookArgs, ExportFormat, ExportSiteArgs};
use crate::output;

/// `byline export`: writes the page (or Markdown) and prints the path written.
pub fn article(library: &Library, args: ExportArgs) -> Result<()> {
    let format = match args.format {
        ExportFormat::Html => ArticleFormat::Html,
        ExportFormat::Hugo => ArticleFormat::Markdown(Flavor::Hugo),
        ExportFormat::Zola => ArticleFormat::Markdown(Flavor::Zola),
        ExportFormat::Jekyll => ArticleFormat::Markdown(Flavor::Jekyll),
        ExportFormat::Docx => ArticleFormat::Document(DocumentFormat::Docx),
        ExportFormat::Epub => ArticleFormat::Document(DocumentFormat::Epub),
        ExportFormat::Pdf => ArticleFormat::Document(DocumentFormat::Pdf(paper(args.paper))),
    };
    let options = ExportOptions {
        format,
        images: match args.images {
            cli::ImageMode::Embed => ImageMode::Embed,
            cli::ImageMode::Folder => ImageMode::Folder,
        },
        include_email: args.include_email,
        template_dir: args.template,
        share: !args.no_share,
        smart: args.smart,
    };
    let extension = match args.format {
        ExportFormat::Html => "html",
        ExportFormat::Hugo | ExportFormat::Zola | ExportFormat::Jekyll => "md",
        ExportFormat::Pdf => "pdf",
        ExportFormat::Docx => "docx",
        ExportFormat::Epub => "epub",
    };
    let output = args.output.unwrap_or_else(|| PathBuf::from(format!("{}.{extension}", args.slug)));
    if output.as_os_str() == "-" {
        let exported = library.export_article(&args.slug, &options)?;
        if !exported.files.is_empty() {
            if format == ArticleFormat::Html {
                bail!("--images folder needs a file to put the folder beside; pass -o PATH, or use --images embed");
            }
            // Markdown keeps its relative image links; only the image files are not written.
            eprintln!(
                "note: {} image file(s) not written; pass -o PATH to write them beside the Markdown",
                exported.files.len()
            );
        }
        std::io::stdout().lock().write_all(&exported.document)?;
        return Ok(());
    }
    let written = library.export_article_to(&args.slug, &options, &output)?;
    for path in written {
        println!("{}", path.display());
    }
    Ok(())
}

/// The paper the writer asked for, else the one their locale uses (LC_PAPER, then LC_ALL, then
/// LANG, as the C library reads them); `None` leaves it to the draft's language.
fn paper(flag: Option<cli::Paper>) -> Option<Paper> {
    match flag {
        Some(cli::Paper::A4) => Some(Paper::A4),
        Some(cli::Paper::Letter) => Some(Paper::Letter),
        None => ["LC_PAPER", "LC_ALL", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            // "C" and "POSIX" name no country, so say nothing about paper.
            .filter(|locale| locale.contains('_'))
            .map(|locale| Paper::for_locale(&locale)),
    }
}

/// `byline export-book`: several drafts as one EPUB, a chapter each, in the order given.
pub fn book(library: &Library, args: ExportBookArgs) -> Result<()> {
    let options = BookOptions { title: args.title, include_email: args.include_email, smart: args.smart };
    library.export_book_to(&args.slugs, &options, &args.output)?;
    println!("{}", args.output.display());
    Ok(())
}

/// `byline export-site`: the whole library as a static site.
pub fn site(library: &Library, args: ExportSiteArgs) -> Result<()> {
    let options =
        SiteOptions { title: args.title, base_url: args.base_url, template_dir: args.template, smart: args.smart };
    let mut bar = None;
    let summary = library.export_site(&args.out_dir, &options, &mut |done, total| {
        let bar = bar.get_or_insert_with(|| output::progress(total, "Writing site"));
        bar.set_position(done as u64);
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    eprintln!("wrote {} articles ({} files) to {}", summary.articles, summary.files, args.out_dir.display());
    println!("{}", args.out_dir.join("index.html").display());
    Ok(())
}
