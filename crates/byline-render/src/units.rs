//! Groups the writer's pieces into units that sanitize independently: a top-level code block
//! is trusted as written, a prose block is one unit, and raw HTML that leaves elements open
//! is joined with the following blocks until they close (or, when in doubt, to the end).

use std::ops::Range;

use crate::html_balance::OpenElements;

/// The output of one top-level block: the unit of caching.
pub struct Piece {
    /// Where the block's HTML is in the writer's output.
    pub range: Range<usize>,
    /// What it holds.
    pub kind: PieceKind,
    /// For a top-level paragraph, its source range (the incremental path can redo it alone).
    pub paragraph: Option<Range<usize>>,
}

/// What a piece holds, which decides how it may be sanitized.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    /// Writer output only: balanced tags, escaped text.
    Prose,
    /// Contains raw HTML from the document (or generated sections that may): may leave
    /// elements open that change how later blocks parse.
    RawHtml,
    /// A top-level code block, already in the sanitizer's canonical form.
    Code,
}

/// A slice of the writer's output and how it reaches the final HTML.
#[derive(Debug, PartialEq, Eq)]
pub struct Unit {
    /// Where the unit is in the writer's output.
    pub range: Range<usize>,
    /// How it is sanitized and cached.
    pub kind: UnitKind,
    /// For a top-level paragraph that sanitizes on its own, its Markdown range.
    pub paragraph: Option<Range<usize>>,
}

/// How a unit is sanitized and cached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// Already canonical and safe (highlighted or escaped code): copied as is.
    Trusted,
    /// Writer output only, so every `data-line` in it is the writer's: sanitized and cached
    /// with its lines relative to its first, so moving the block keeps its cache entry.
    Written,
    /// Holds raw HTML from the document: sanitized and cached by its exact text.
    Raw,
}

impl From<PieceKind> for UnitKind {
    fn from(kind: PieceKind) -> UnitKind {
        match kind {
            PieceKind::Prose => UnitKind::Written,
            PieceKind::RawHtml => UnitKind::Raw,
            PieceKind::Code => UnitKind::Trusted,
        }
    }
}

/// Splits `html` (the writer output that `pieces` tile) into units, in order.
pub(crate) fn split(html: &str, pieces: &[Piece]) -> Vec<Unit> {
    let mut units = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while i < pieces.len() {
        let piece = &pieces[i];
        let last = match piece.kind {
            PieceKind::RawHtml => closing_piece(html, pieces, i),
            PieceKind::Prose | PieceKind::Code => i,
        };
        units.push(if last == i {
            Unit { range: piece.range.clone(), kind: piece.kind.into(), paragraph: piece.paragraph.clone() }
        } else {
            Unit { range: piece.range.start..pieces[last].range.end, kind: UnitKind::Raw, paragraph: None }
        });
        i = last + 1;
    }
    units
}

/// Index of the piece after which everything raw HTML opened in piece `first` is closed again;
/// the last piece if that never happens or cannot be told.
fn closing_piece(html: &str, pieces: &[Piece], first: usize) -> usize {
    let mut open = OpenElements::default();
    for (index, piece) in pieces.iter().enumerate().skip(first) {
        if !open.feed(&html[piece.range.clone()]) {
            return pieces.len() - 1;
        }
        if open.is_empty() {
            return index;
        }
    }
    pieces.len() - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(range: Range<usize>, kind: PieceKind) -> Piece {
        Piece { range, kind, paragraph: None }
    }

    #[test]
    fn open_raw_html_joins_following_blocks() {
        let html = "<details>\n<p>x</p>\n</details>\n<p>y</p>\n<pre><code>z</code></pre>\n";
        let pieces = [
            piece(0..10, PieceKind::RawHtml),
            piece(10..19, PieceKind::Prose),
            piece(19..30, PieceKind::RawHtml),
            piece(30..39, PieceKind::Prose),
            piece(39..html.len(), PieceKind::Code),
        ];
        assert_eq!(&html[..30], "<details>\n<p>x</p>\n</details>\n");
        let unit = |range: Range<usize>, kind| Unit { range, kind, paragraph: None };
        assert_eq!(
            split(html, &pieces),
            [unit(0..30, UnitKind::Raw), unit(30..39, UnitKind::Written), unit(39..html.len(), UnitKind::Trusted)]
        );
    }

    #[test]
    fn unclear_raw_html_runs_to_the_end() {
        let html = "<b><i></b>\n<p>y</p>\n";
        let pieces = [piece(0..11, PieceKind::RawHtml), piece(11..html.len(), PieceKind::Prose)];
        assert_eq!(split(html, &pieces), [Unit { range: 0..html.len(), kind: UnitKind::Raw, paragraph: None }]);
    }
}
