//! `search`: ranked full-text results with snippets.

use anyhow::Result;
use byline_library::Library;

use crate::cli::SearchArgs;
use crate::output;

/// `byline search`
pub fn run(library: &Library, args: SearchArgs) -> Result<()> {
    let query = args.query.join(" ");
    let hits = library.search(&query, args.limit)?;
    if args.json {
        return output::json(&hits);
    }
    if hits.is_empty() {
        eprintln!("no drafts match `{query}`");
    }
    for hit in &hits {
        println!("{}  {}", hit.slug, hit.title);
        println!("    {}", terminal_snippet(&hit.snippet_html));
    }
    Ok(())
}

/// The snippet is escaped HTML with <mark> around matches; a terminal gets bold instead.
fn terminal_snippet(html: &str) -> String {
    let (start, end) =
        if std::io::IsTerminal::is_terminal(&std::io::stdout()) { ("\x1b[1m", "\x1b[0m") } else { ("[", "]") };
    html.replace("<mark>", start)
        .replace("</mark>", end)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
        .replace('\n', " ")
}
