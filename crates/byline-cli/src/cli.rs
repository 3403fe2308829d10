//! The command-line grammar: every command, option and its help text.

use std::path::PathBuf;

use byline_library::Status;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Byline keeps your articles in a library: drafts with their history, author profiles and
/// images, searchable, and exportable as web pages or as Markdown for static site generators.
#[derive(Debug, Parser)]
#[command(name = "byline", version, max_term_width = 100)]
#[command(after_help = "The library lives in --library DIR, else $BYLINE_LIBRARY, else the \
platform data directory (~/.local/share/byline on Linux). It is created on first use.\n\n\
Exit status: 0 on success, 1 when the command failed (the reason is printed on one line), \
2 when the command line itself is wrong.")]
pub struct Cli {
    /// Folder that holds the library (created if missing).
    #[arg(long, global = true, env = "BYLINE_LIBRARY", value_name = "DIR")]
    pub library: Option<PathBuf>,

    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Every command `byline` understands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new draft and print its slug.
    ///
    /// The slug is made from the title and never changes afterwards, even when the title does.
    /// Without --author the draft is credited to the default author, if there is one.
    New(NewArgs),
    /// Import Markdown files or whole folders, printing one slug per imported draft.
    ///
    /// Reads .md, .markdown and .txt files, recursively in folders. YAML (---) and TOML (+++)
    /// front matter in the Hugo, Zola and Jekyll conventions is honoured; unknown keys are kept
    /// and written back on export. Authors named there that the library lacks are created.
    /// Images the drafts reference by relative path are copied into the library. If any file is
    /// unreadable nothing is imported, and the error names the file.
    Import(ImportArgs),
    /// List drafts, most recently updated first.
    List(ListArgs),
    /// Show one draft: its metadata, then its Markdown body.
    Show(ShowArgs),
    /// Change a draft's metadata or body. Every edit is kept as a revision.
    ///
    /// Options that are given replace the old value; --tag and --author replace the whole list.
    /// Pass an empty string to clear a text field (for example --subtitle "" or --discuss-url "").
    Edit(EditArgs),
    /// Full-text search over titles, subtitles, summaries, bodies and tags, best matches first.
    Search(SearchArgs),
    /// List a draft's revisions, newest first.
    History(HistoryArgs),
    /// Bring back an earlier revision. The restore is itself a new revision: nothing is lost.
    Restore(RestoreArgs),
    /// Show the damaged text (mojibake) in a draft, and with --apply repair it as a new revision.
    ///
    /// Finds UTF-8 that was read as Windows-1252 or Latin-1 (`CafÃ©`, `â€”`), read that way twice,
    /// or read as a Thai code page that lost the dash's bytes (a lone `โ` in a text that is not
    /// Thai). Each repair is listed with its line, as it is and as it would be.
    Repair(RepairArgs),
    /// Move a draft to the trash. It keeps its history and can be brought back with untrash.
    Trash(SlugArg),
    /// Bring a draft back from the trash.
    Untrash(SlugArg),
    /// Delete every draft in the trash, for good. This is the only command that destroys drafts.
    EmptyTrash(EmptyTrashArgs),
    /// Manage author profiles.
    #[command(subcommand)]
    Author(AuthorCommand),
    /// Render Markdown to the sanitized HTML fragment the preview shows, on standard output.
    Render(RenderArgs),
    /// Export one draft as a standalone web page, a PDF, a Word document, an EPUB, or Markdown
    /// with front matter.
    ///
    /// PDF, DOCX and EPUB are single files with every image, font and author card inside; they
    /// carry the title, authors, subject and keywords in their document properties.
    Export(ExportArgs),
    /// Export several drafts, in the order given, as one EPUB book with a chapter each.
    ExportBook(ExportBookArgs),
    /// Export every ready or published draft as a static site: index, articles, tag and author
    /// pages, and an Atom feed.
    ExportSite(ExportSiteArgs),
    /// Reconcile the library and a folder of .md files once, in both directions.
    Sync(SyncArgs),
    /// Keep the library and a folder of .md files reconciled until interrupted.
    Watch(SyncArgs),
    /// Write a consistent copy of the library (safe while Byline is running).
    Backup(BackupArgs),
    /// Check the library's integrity and print a clear verdict.
    Check,
    /// Create the library if it does not exist yet, and print its folder.
    ///
    /// Every command creates the library on first use; this one only says where it is. The
    /// desktop app opens a new library with a welcome draft and asks for the writer's author
    /// profile; with --no-welcome it does neither, as for a library set up by a script.
    Init(InitArgs),
    /// Write the manual pages, or print shell completions: what a package installs.
    Generate(GenerateArgs),
}

/// Options of `byline init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The app opens the library without the welcome draft and the author prompt. It has no
    /// effect on a library the app has opened already, or that holds drafts or authors.
    #[arg(long)]
    pub no_welcome: bool,
}

/// Options of `byline generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// What to generate.
    #[command(subcommand)]
    pub what: Generated,
}

/// What `byline generate` writes.
#[derive(Debug, Subcommand)]
pub enum Generated {
    /// Write byline.1 and a page per command (byline-export.1, byline-author-add.1, …) to DIR.
    Man {
        /// Folder to write the pages to (created if missing).
        dir: PathBuf,
    },
    /// Print the completion script for a shell (bash, zsh, fish, elvish or powershell).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Options of `byline new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Title of the draft.
    pub title: String,
    /// One-line subtitle shown under the title.
    #[arg(long)]
    pub subtitle: Option<String>,
    /// A tag (repeat for several).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// An author's slug, in byline order (repeat for several).
    #[arg(long = "author", value_name = "SLUG")]
    pub authors: Vec<String>,
    /// Status: idea, draft, review, ready or published.
    #[arg(long, value_parser = parse_status)]
    pub status: Option<Status>,
    /// Read the body from FILE, or from standard input with "-".
    #[arg(long, value_name = "FILE|-")]
    pub body_file: Option<String>,
}

/// Options of `byline import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files or folders to import.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Text encoding of files that are not UTF-8, e.g. windows-1252 or latin1.
    /// UTF-16 files with a byte-order mark are recognised without it.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Import nothing unless every file imports as it is (a missing image included), for
    /// scripts; by default the files that can be imported are, and the others are listed.
    #[arg(long)]
    pub all_or_nothing: bool,
    /// Repair damaged text (mojibake such as `CafÃ©` or `â€”`) before importing; without it such
    /// files are imported as they are, with a warning.
    #[arg(long)]
    pub fix_mojibake: bool,
}

/// Options of `byline list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only drafts with this status: idea, draft, review, ready or published.
    #[arg(long, value_parser = parse_status)]
    pub status: Option<Status>,
    /// Only drafts with this tag.
    #[arg(long)]
    pub tag: Option<String>,
    /// Only drafts credited to this author (slug).
    #[arg(long)]
    pub author: Option<String>,
    /// List the trash instead of the library.
    #[arg(long)]
    pub trash: bool,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Options of `byline show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The draft's slug.
    pub slug: String,
    /// Show this revision (a number from `byline history`) instead of the current text.
    #[arg(long, value_name = "N")]
    pub revision: Option<i64>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Options of `byline edit`.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The draft's slug.
    pub slug: String,
    /// New title (the slug stays the same).
    #[arg(long)]
    pub title: Option<String>,
    /// New subtitle ("" clears it).
    #[arg(long)]
    pub subtitle: Option<String>,
    /// New summary, used as the page description ("" clears it).
    #[arg(long)]
    pub summary: Option<String>,
    /// New status: idea, draft, review, ready or published.
    #[arg(long, value_parser = parse_status)]
    pub status: Option<Status>,
    /// Replace the tags (repeat for several).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Remove every tag.
    #[arg(long, conflicts_with = "tags")]
    pub clear_tags: bool,
    /// Replace the authors, in byline order (repeat for several).
    #[arg(long = "author", value_name = "SLUG")]
    pub authors: Vec<String>,
    /// Language of the article as a BCP 47 tag, e.g. en or pt-BR ("" clears it).
    #[arg(long)]
    pub language: Option<String>,
    /// Canonical URL of the published article ("" clears it).
    #[arg(long)]
    pub canonical_url: Option<String>,
    /// Where readers discuss the article, e.g. a forum thread: an absolute http(s) URL, linked
    /// as "Discuss this article" on exported pages ("" clears it).
    #[arg(long, value_name = "URL")]
    pub discuss_url: Option<String>,
    /// Replace the body with the contents of FILE, or of standard input with "-".
    #[arg(long, value_name = "FILE|-")]
    pub body_file: Option<String>,
}

/// Options of `byline search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to look for; the last one also matches as a prefix.
    #[arg(required = true, num_args = 1.., value_name = "QUERY")]
    pub query: Vec<String>,
    /// At most this many results.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Options of `byline history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The draft's slug.
    pub slug: String,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Options of `byline restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The draft's slug.
    pub slug: String,
    /// The revision number, as `byline history` shows it.
    pub revision: i64,
}

/// Options of `byline repair`.
#[derive(Debug, Args)]
pub struct RepairArgs {
    /// The draft's slug.
    pub slug: String,
    /// Save the repaired text as a new revision (without it, the repairs are only shown).
    #[arg(long)]
    pub apply: bool,
}

/// A single draft slug.
#[derive(Debug, Args)]
pub struct SlugArg {
    /// The draft's slug.
    pub slug: String,
}

/// Options of `byline empty-trash`.
#[derive(Debug, Args)]
pub struct EmptyTrashArgs {}

/// `byline author …`
#[derive(Debug, Subcommand)]
pub enum AuthorCommand {
    /// Add an author profile and print its slug.
    Add(AuthorAddArgs),
    /// List author profiles.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one author profile.
    Show {
        /// The author's slug.
        slug: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Change an author profile. Options that are given replace the old value ("" clears it).
    Edit(AuthorEditArgs),
    /// Remove an author profile. Refused while drafts credit the author, unless --reassign names
    /// who takes over their bylines.
    Remove {
        /// The author's slug.
        slug: String,
        /// Credit this author (slug) instead on every draft that credited the removed one.
        #[arg(long, value_name = "SLUG")]
        reassign: Option<String>,
    },
}

/// Profile fields shared by `author add` and `author edit`.
#[derive(Debug, Args)]
pub struct AuthorFields {
    /// Short bio, one or two sentences, shown in bylines and cards.
    #[arg(long)]
    pub bio: Option<String>,
    /// Long bio in Markdown, from FILE (or "-" for standard input).
    #[arg(long, value_name = "FILE|-")]
    pub long_bio_file: Option<String>,
    /// Personal website (http or https).
    #[arg(long)]
    pub website: Option<String>,
    /// Avatar image file (PNG, JPEG, GIF, WebP, AVIF or SVG); it is copied into the library.
    #[arg(long, value_name = "IMAGE")]
    pub avatar: Option<PathBuf>,
    /// Where the author is based.
    #[arg(long)]
    pub location: Option<String>,
    /// Role or job title.
    #[arg(long)]
    pub role: Option<String>,
    /// Email address; private, exported only with `export --include-email`.
    #[arg(long)]
    pub email: Option<String>,
    /// A social profile as KEY=URL, e.g. github=https://github.com/ada (repeat for several).
    /// Keys: mastodon, bluesky, github, gitlab, x, linkedin, youtube, instagram, threads, or any other.
    #[arg(long = "social", value_name = "KEY=URL")]
    pub social: Vec<String>,
    /// Make this the default author, credited on drafts that name nobody.
    #[arg(long)]
    pub default: bool,
}

/// Options of `byline author add`.
#[derive(Debug, Args)]
pub struct AuthorAddArgs {
    /// Display name.
    #[arg(long)]
    pub name: String,
    /// Slug (default: made from the name).
    #[arg(long)]
    pub slug: Option<String>,
    /// The profile fields.
    #[command(flatten)]
    pub fields: AuthorFields,
}

/// Options of `byline author edit`.
#[derive(Debug, Args)]
pub struct AuthorEditArgs {
    /// The author's slug.
    pub slug: String,
    /// New display name.
    #[arg(long)]
    pub name: Option<String>,
    /// The profile fields.
    #[command(flatten)]
    pub fields: AuthorFields,
}

/// Options of `byline render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Markdown file to render; standard input when absent or "-".
    pub file: Option<String>,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A standalone HTML article page.
    Html,
    /// Markdown with Hugo front matter (YAML).
    Hugo,
    /// Markdown with Zola front matter (TOML).
    Zola,
    /// Markdown with Jekyll front matter (YAML).
    Jekyll,
    /// A typeset PDF with fonts embedded, bookmarks and page numbers.
    Pdf,
    /// A Word document (Word's own heading styles, real tables and footnotes).
    Docx,
    /// An EPUB 3 e-book.
    Epub,
}

/// Paper sizes for PDF export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Paper {
    /// ISO A4 (210 × 297 mm).
    A4,
    /// US Letter (8.5 × 11 in).
    Letter,
}

/// Where exported images go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImageMode {
    /// Inside the page as data: URIs, so the page is one self-contained file.
    Embed,
    /// In a folder beside the page (`<slug>_files/`), linked relatively.
    Folder,
}

/// Options of `byline export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The draft's slug.
    pub slug: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Html)]
    pub format: ExportFormat,
    /// Output file, or "-" for standard output (default: `<slug>.<format's extension>` here).
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// PDF paper size (default: from the environment's LC_PAPER or LANG, else the draft's
    /// language: Letter in the US, Canada, Mexico and the Philippines, A4 elsewhere).
    #[arg(long, value_enum)]
    pub paper: Option<Paper>,
    /// Embed images in the page, or write them to a folder beside it (Markdown formats always
    /// use a folder; PDF, DOCX and EPUB always hold their images).
    #[arg(long, value_enum, default_value_t = ImageMode::Embed)]
    pub images: ImageMode,
    /// Folder of templates that override the built-in theme (see `templates/README.md`).
    #[arg(long, value_name = "DIR")]
    pub template: Option<PathBuf>,
    /// Include authors' email addresses in the page.
    #[arg(long)]
    pub include_email: bool,
    /// Leave out the share prompt (links to share the page by email, Bluesky, LinkedIn, Hacker
    /// News, Reddit and X), which a page with a canonical URL shows otherwise.
    #[arg(long)]
    pub no_share: bool,
    /// Set typewriter punctuation in the exported copy: curly quotes in the draft language's
    /// style, `--` and `---` as en and em dashes, `...` as an ellipsis (never in code or URLs).
    /// The draft in the library is not changed.
    #[arg(long)]
    pub smart: bool,
}

/// Options of `byline export-book`.
#[derive(Debug, Args)]
pub struct ExportBookArgs {
    /// The drafts' slugs, in chapter order.
    #[arg(required = true, value_name = "SLUG")]
    pub slugs: Vec<String>,
    /// Output file, e.g. book.epub.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: PathBuf,
    /// The book's title (default: the first draft's title).
    #[arg(long)]
    pub title: Option<String>,
    /// Include authors' email addresses.
    #[arg(long)]
    pub include_email: bool,
    /// Set typewriter punctuation in every chapter, as `export --smart` does.
    #[arg(long)]
    pub smart: bool,
}

/// Options of `byline export-site`.
#[derive(Debug, Args)]
pub struct ExportSiteArgs {
    /// Folder to write the site to (created if missing; existing files are replaced).
    pub out_dir: PathBuf,
    /// Site title (default: "Articles").
    #[arg(long)]
    pub title: Option<String>,
    /// Absolute URL the site will be published at, for the feed and canonical links.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Folder of templates that override the built-in theme.
    #[arg(long, value_name = "DIR")]
    pub template: Option<PathBuf>,
    /// Set typewriter punctuation in every exported article, as `export --smart` does.
    #[arg(long)]
    pub smart: bool,
}

/// Options of `byline sync` and `byline watch`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The drafts folder.
    pub dir: PathBuf,
}

/// Options of `byline backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy (default: backups/ inside the library, named by date and time).
    pub path: Option<PathBuf>,
}

/// A draft status, case-insensitively; clap reports a bad one as a usage error.
fn parse_status(text: &str) -> Result<Status, String> {
    text.parse::<Status>().map_err(|err| err.to_string())
}
