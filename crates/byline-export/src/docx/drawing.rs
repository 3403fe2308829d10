//! Pictures: an image's pixel size as the EMU extent Word lays it out at, and the `wp:inline`
//! drawing that places it in a run.

use std::fmt::Write;

use crate::doc::{embedded_image, EmbeddedImage};
use crate::xml;

/// EMU per pixel at 96 dpi (914400 EMU to the inch).
const EMU_PER_PIXEL: u64 = 9525;
/// EMU per twentieth of a point.
pub(super) const EMU_PER_TWIP: u64 = 635;

/// The box a picture is laid out in, in EMU: larger images are scaled down into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Frame {
    pub width: u64,
    pub height: u64,
    /// Smaller images are scaled up to it too: an avatar fills its square whatever its pixels.
    pub enlarge: bool,
}

/// The extent of a `width`×`height` pixel image at 96 dpi, fitted to `frame` with its
/// proportions kept; `None` for an image with no area.
pub(super) fn extent((width, height): (u32, u32), frame: Frame) -> Option<(u64, u64)> {
    if width == 0 || height == 0 {
        return None;
    }
    // In u128: a header may claim four billion pixels, and EMU products of those overflow u64.
    let (frame_width, frame_height) = (u128::from(frame.width), u128::from(frame.height));
    let (mut cx, mut cy) =
        (u128::from(width) * u128::from(EMU_PER_PIXEL), u128::from(height) * u128::from(EMU_PER_PIXEL));
    if frame.enlarge && cx < frame_width && cy < frame_height {
        // Up to the frame's width, and the height clamp below settles a tall image.
        cy = cy * frame_width / cx;
        cx = frame_width;
    }
    if cx > frame_width {
        cy = cy * frame_width / cx;
        cx = frame_width;
    }
    if cy > frame_height {
        cx = cx * frame_height / cy;
        cy = frame_height;
    }
    // Both now fit the frame, whose sides are u64.
    let (cx, cy) = (u64::try_from(cx).unwrap_or(frame.width), u64::try_from(cy).unwrap_or(frame.height));
    Some((cx.max(1), cy.max(1)))
}

/// The image a `data:` URL holds and its extent in `frame`, when Word can show it: PNG, JPEG
/// or GIF (SVG and WebP would need a fallback picture) with a size in its header.
pub(super) fn placeable(src: &str, frame: Frame) -> Option<(EmbeddedImage, (u64, u64))> {
    let image =
        embedded_image(src).filter(|image| matches!(image.mime.as_str(), "image/png" | "image/jpeg" | "image/gif"))?;
    let extent = extent(image.size?, frame)?;
    Some((image, extent))
}

/// What one `wp:inline` drawing shows.
pub(super) struct Picture<'a> {
    /// The `r:embed` relationship of the media file.
    pub relationship: &'a str,
    /// `wp:docPr` id, unique in the document.
    pub drawing_id: usize,
    pub file_name: &'a str,
    pub description: &'a str,
    pub extent: (u64, u64),
}

impl Picture<'_> {
    pub(super) fn write(&self, out: &mut String) {
        let Picture { relationship, drawing_id, file_name, description, extent: (cx, cy) } = self;
        let _ = write!(
            out,
            "<w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/>\
             <wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"{drawing_id}\" name=\"Picture {drawing_id}\" descr=\""
        );
        xml::escape_into(out, description);
        let _ = write!(
            out,
            "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
             <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>\
             <pic:nvPicPr><pic:cNvPr id=\"{drawing_id}\" name=\"{file_name}\"/><pic:cNvPicPr/></pic:nvPicPr>\
             <pic:blipFill><a:blip r:embed=\"{relationship}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
             <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
             <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>\
             </wp:inline></w:drawing>"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: Frame = Frame { width: 9026 * EMU_PER_TWIP, height: 13958 * EMU_PER_TWIP, enlarge: false };

    #[test]
    fn a_small_image_keeps_its_96_dpi_size() {
        assert_eq!(extent((80, 64), PAGE), Some((80 * 9525, 64 * 9525)), "the sample chart: 0.83 by 0.67 inch");
    }

    #[test]
    fn a_wide_or_tall_image_is_scaled_into_the_text_area_keeping_its_shape() {
        let (cx, cy) = extent((4000, 1000), PAGE).expect("has area");
        assert_eq!(cx, PAGE.width);
        assert_eq!(cy, PAGE.width / 4);
        let (cx, cy) = extent((100, 100_000), PAGE).expect("has area");
        assert_eq!(cy, PAGE.height);
        assert!((1..9525).contains(&cx), "{cx}");
        assert_eq!(extent((0, 10), PAGE), None);
        assert_eq!(extent((u32::MAX, u32::MAX), PAGE), Some((PAGE.width, PAGE.width)), "no overflow");
    }

    #[test]
    fn an_avatar_fills_its_square_whatever_its_pixels() {
        let square = Frame { width: 914_400, height: 914_400, enlarge: true };
        assert_eq!(extent((1, 1), square), Some((914_400, 914_400)));
        assert_eq!(extent((20, 10), square), Some((914_400, 457_200)));
        assert_eq!(extent((10, 20), square), Some((457_200, 914_400)));
        assert_eq!(extent((400, 400), square), Some((914_400, 914_400)));
    }
}
