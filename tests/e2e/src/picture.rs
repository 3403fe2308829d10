//! What a screenshot shows: its pixels, decoded, and the colours CSS says should be there, so a
//! test can check the picture rather than only that a file was written.

use std::collections::HashMap;

use anyhow::{bail, ensure, Context, Result};

/// An sRGB colour, 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(
    /// Red.
    pub u8,
    /// Green.
    pub u8,
    /// Blue.
    pub u8,
);

impl Rgb {
    /// Parses a computed CSS colour: `rgb(r, g, b)` or `rgba(r, g, b, a)` (alpha ignored),
    /// which is how `getComputedStyle` reports every colour.
    pub fn from_css(text: &str) -> Result<Self> {
        let inner = text
            .trim()
            .strip_prefix("rgba(")
            .or_else(|| text.trim().strip_prefix("rgb("))
            .and_then(|rest| rest.strip_suffix(')'))
            .with_context(|| format!("`{text}` is not a computed rgb() colour"))?;
        let channels: Vec<u8> = inner
            .split([',', ' ', '/'])
            .filter(|part| !part.is_empty())
            .take(3)
            .map(|part| part.parse::<f64>().map(|v| v.round().clamp(0.0, 255.0) as u8))
            .collect::<Result<_, _>>()
            .with_context(|| format!("`{text}` has a channel that is not a number"))?;
        match channels[..] {
            [r, g, b] => Ok(Rgb(r, g, b)),
            _ => bail!("`{text}` does not have three channels"),
        }
    }

    /// Relative luminance, 0 (black) to 1 (white), as WCAG defines it.
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// The largest difference in any channel.
    pub fn distance(self, other: Rgb) -> u8 {
        let d = |a: u8, b: u8| a.abs_diff(b);
        d(self.0, other.0).max(d(self.1, other.1)).max(d(self.2, other.2))
    }
}

/// A rectangle of the window in device pixels.
#[derive(Debug, Clone, Copy)]
pub struct Rect {
    /// Left edge.
    pub x: u32,
    /// Top edge.
    pub y: u32,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

/// A decoded screenshot.
pub struct Picture {
    width: u32,
    height: u32,
    rgba: Vec<u8>,
}

impl Picture {
    /// Decodes a PNG (WebDriver's screenshot format) into 8-bit RGBA.
    pub fn decode(png_bytes: &[u8]) -> Result<Self> {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
        decoder.set_transformations(png::Transformations::normalize_to_color8() | png::Transformations::ALPHA);
        let mut reader = decoder.read_info().context("the screenshot is not a PNG")?;
        let mut buffer = vec![0; reader.output_buffer_size().context("the screenshot is too large to decode")?];
        let frame = reader.next_frame(&mut buffer).context("decoding the screenshot")?;
        ensure!(frame.color_type == png::ColorType::Rgba, "the screenshot decoded as {:?}, not RGBA", frame.color_type);
        buffer.truncate(frame.buffer_size());
        Ok(Picture { width: frame.width, height: frame.height, rgba: buffer })
    }

    /// The picture's size in pixels.
    pub fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    fn pixel(&self, x: u32, y: u32) -> Rgb {
        let i = ((y * self.width + x) * 4) as usize;
        Rgb(self.rgba[i], self.rgba[i + 1], self.rgba[i + 2])
    }

    /// Every pixel inside `rect` (clipped to the picture).
    fn pixels(&self, rect: Rect) -> impl Iterator<Item = Rgb> + '_ {
        let right = (rect.x + rect.width).min(self.width);
        let bottom = (rect.y + rect.height).min(self.height);
        (rect.y.min(bottom)..bottom).flat_map(move |y| (rect.x.min(right)..right).map(move |x| self.pixel(x, y)))
    }

    /// The colour most of `rect` is painted in: its background.
    pub fn dominant(&self, rect: Rect) -> Result<Rgb> {
        let mut counts: HashMap<Rgb, usize> = HashMap::new();
        for colour in self.pixels(rect) {
            *counts.entry(colour).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by_key(|&(_, count)| count)
            .map(|(colour, _)| colour)
            .with_context(|| format!("{rect:?} lies outside the {}×{} screenshot", self.width, self.height))
    }

    /// How many pixels of `rect` are within `tolerance` (per channel) of `colour`.
    pub fn count_near(&self, rect: Rect, colour: Rgb, tolerance: u8) -> usize {
        self.pixels(rect).filter(|pixel| pixel.distance(colour) <= tolerance).count()
    }
}
