//! `render`: Markdown to the sanitized preview fragment.

use std::io::Write;

use anyhow::Result;
use byline_render::RenderOptions;

use crate::cli::RenderArgs;
use crate::input::read_text;

/// `byline render [FILE|-]`
pub fn run(args: RenderArgs) -> Result<()> {
    let markdown = read_text(args.file.as_deref().unwrap_or("-"))?;
    let rendered = byline_render::render(&markdown, &RenderOptions::default());
    let mut out = std::io::stdout().lock();
    out.write_all(rendered.html.as_bytes())?;
    Ok(())
}
