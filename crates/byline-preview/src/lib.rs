//! Byline's live preview: the app window's text comes in as UTF-16 edits, the sanitized HTML
//! goes out as the blocks the window does not hold yet, and the render in between patches the
//! last one when a keystroke changed a single paragraph. It owns every cache of that pipeline;
//! `byline-render` itself keeps no state.
//!
//! What keeps the preview equal to a whole render (`Renderer::render_whole`):
//!
//! - **I1. An identity covers the resolver.** Equal [`Urls::identity`] means equal answers for
//!   every URL, so a render with images may be remembered and patched, and resolved blocks
//!   cached, under it; another image set gets another identity and a full render.
//! - **I2. Resolution is tag-local, and unit boundaries are tag boundaries.** In sanitized output
//!   every `<` opens a tag that closes in the same unit, so resolving each unit equals resolving
//!   their concatenation.
//! - **I3. Resolved HTML stays in serializer form.** Replacements are escaped, so the only
//!   `data-line`s are the writer's, and every offset kept is taken on the resolved text.
//! - **I4. The cache is exact.** Entries compare source, kind and identity, never a hash alone.
//! - **I5. Without a resolver, nothing changes.** Without images the keys, counters and
//!   output are those of a render without resolution.
//!
//! ```
//! use byline_preview::Preview;
//!
//! let preview = Preview::new();
//! preview.render("# Hello\n\nFirst words.\n");
//! let typed = preview.render("# Hello\n\nFirst words typed.\n");
//! assert!(typed.html.contains("First words typed."));
//! ```

mod block_cache;
mod blocks;
mod css;
mod delta;
mod images;
mod incremental;
mod lines;
mod pipeline;
mod protocol;
mod sessions;
mod utf16;

pub use css::preview_css;
pub use images::{Images, Urls};
pub use pipeline::{Preview, PreviewCaches, PreviewOptions};
pub use protocol::{BlockRef, PreviewReply, PreviewRequest, PreviewUpdate};
pub use sessions::{PreviewError, PreviewSessions};
pub use utf16::TextChange;
