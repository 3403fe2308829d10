//! Front matter for Markdown articles: parse YAML (`---`) or TOML (`+++`) blocks in the Hugo,
//! Zola and Jekyll conventions into one typed [`FrontMatter`], and write it back in each
//! tool's own convention. Pure: no I/O.

mod dates;
mod edit;
mod error;
mod model;
mod read;
mod rewrite;
mod site;
mod split;
mod value;
mod write;

pub use error::FrontMatterError;
pub use model::FrontMatter;
pub use rewrite::{rewrite_head, Origin};
pub use site::{is_published, placement, Placement, SiteKind};
pub use write::write;

/// The syntax of a front matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// YAML between `---` lines.
    Yaml,
    /// TOML between `+++` lines.
    Toml,
}

/// Whose conventions `write` follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flavor {
    /// Byline's own drafts-folder format (YAML, Byline's field names); round-trips exactly.
    Byline,
    /// Hugo (YAML).
    Hugo,
    /// Zola (TOML, unknown keys under `[extra]`).
    Zola,
    /// Jekyll (YAML).
    Jekyll,
}

/// A Markdown file split into its metadata and its body.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The typed front matter (default when the file has none).
    pub front: FrontMatter,
    /// The Markdown after the front matter block.
    pub body: String,
    /// The syntax the front matter was written in, `None` when there was no block.
    pub format: Option<Format>,
    /// Everything before `body`, byte for byte (byte-order mark, delimiters, the block, the
    /// blank line after it): `head + body` is the file as read.
    pub head: String,
    /// Values kept as written because they could not be read (an unreadable date), each with
    /// its line: the file is usable, but the writer should know.
    pub warnings: Vec<FrontMatterError>,
}

/// Parses a Markdown file's front matter; a file without any is all body.
pub fn parse(original: &str) -> Result<Document, FrontMatterError> {
    let text = original.strip_prefix('\u{feff}').unwrap_or(original);
    let head_of = |body: &str| original[..original.len() - body.len()].to_owned();
    let Some(parts) = split::split(text)? else {
        return Ok(Document {
            front: FrontMatter::default(),
            body: text.to_owned(),
            format: None,
            head: head_of(text),
            warnings: Vec::new(),
        });
    };
    let map = parse_block(parts.format, parts.block)?;
    let locate = |key: &str| key_line(parts.block, key);
    let read = read::read(map, parts.format, &locate)?;
    Ok(Document {
        front: read.front,
        body: parts.body.to_owned(),
        format: Some(parts.format),
        head: head_of(parts.body),
        warnings: read.warnings,
    })
}

/// The block's keys and values as JSON, in file order.
pub(crate) fn parse_block(
    format: Format,
    block: &str,
) -> Result<serde_json::Map<String, serde_json::Value>, FrontMatterError> {
    match format {
        Format::Yaml => parse_yaml(block),
        Format::Toml => parse_toml(block),
    }
}

/// The block starts on file line 2, after the opening delimiter.
const BLOCK_FIRST_LINE: usize = 2;

fn parse_yaml(block: &str) -> Result<serde_json::Map<String, serde_json::Value>, FrontMatterError> {
    let parsed: serde_yaml_ng::Value = serde_yaml_ng::from_str(block).map_err(|e| {
        let line = e.location().map_or(BLOCK_FIRST_LINE, |l| file_line_of_yaml_line(block, l.line()));
        FrontMatterError::new(line, format!("invalid YAML front matter: {}", strip_location(&e.to_string())))
    })?;
    match value::from_yaml(parsed) {
        serde_json::Value::Object(map) => Ok(map),
        serde_json::Value::Null => Ok(serde_json::Map::new()),
        _ => Err(FrontMatterError::new(
            BLOCK_FIRST_LINE,
            "front matter must be a mapping of `key: value` lines, not a list or a single value",
        )),
    }
}

fn parse_toml(block: &str) -> Result<serde_json::Map<String, serde_json::Value>, FrontMatterError> {
    let table: toml::Table = toml::from_str(block).map_err(|e| {
        let line = e.span().map_or(BLOCK_FIRST_LINE, |span| {
            // Bytes, not a str slice: toml has reported spans inside a multi-byte character
            // (found by the fuzz target), and slicing there would panic.
            let before = &block.as_bytes()[..span.start.min(block.len())];
            before.iter().filter(|&&byte| byte == b'\n').count() + BLOCK_FIRST_LINE
        });
        FrontMatterError::new(line, format!("invalid TOML front matter: {}", e.message()))
    })?;
    match value::from_toml(toml::Value::Table(table)) {
        serde_json::Value::Object(map) => Ok(map),
        _ => Ok(serde_json::Map::new()),
    }
}

/// File line of the block's 1-based YAML line `yaml_line`. YAML also breaks lines at a lone
/// `\r` and at NEL, LS and PS; a file's lines (an error's `line`) end at `\n` only.
fn file_line_of_yaml_line(block: &str, yaml_line: usize) -> usize {
    let mut breaks = 0;
    let mut chars = block.char_indices().peekable();
    while breaks + 1 < yaml_line {
        let Some((_, c)) = chars.next() else { break };
        match c {
            '\r' => {
                chars.next_if(|&(_, next)| next == '\n');
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => {}
            _ => continue,
        }
        breaks += 1;
    }
    let offset = chars.peek().map_or(block.len(), |&(i, _)| i);
    BLOCK_FIRST_LINE + block[..offset].matches('\n').count()
}

/// serde_yaml_ng appends "at line X column Y" relative to the block; we report file lines instead.
fn strip_location(message: &str) -> &str {
    message.find(" at line ").map_or(message, |i| &message[..i])
}

/// Best-effort file line of `key` (first line starting with it), else the block's first line.
fn key_line(block: &str, key: &str) -> usize {
    let key = key.rsplit('.').next().unwrap_or(key);
    block
        .lines()
        .position(|line| {
            let rest = line.trim_start().trim_start_matches(['"', '\'']);
            rest.strip_prefix(key)
                .map(|after| after.trim_start_matches(['"', '\'']).trim_start())
                .is_some_and(|after| after.starts_with(':') || after.starts_with('='))
        })
        .map_or(BLOCK_FIRST_LINE, |i| i + BLOCK_FIRST_LINE)
}
