//! The annex's typeface: DejaVu Sans (regular and bold), embedded in the binary so
//! the annex looks the same on every air-gapped laptop and covers Dutch text (ë, ĳ,
//! é). Parsed once per process; printpdf subsets it to the glyphs used when saving.

use printpdf::ParsedFont;
use std::sync::OnceLock;

const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// The two weights the annex uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    Regular,
    Bold,
}

/// Measures text. The layout depends only on this, so it can be tested with a
/// simple fixed-width measure.
pub trait Measure {
    /// Width of `text` set in `size` points, in millimetres.
    fn width_mm(&self, text: &str, size: f32, style: Style) -> f32;
}

/// The parsed faces plus their advance widths for the characters the annex prints.
pub struct Fonts {
    pub regular: ParsedFont,
    pub bold: ParsedFont,
    regular_widths: Widths,
    bold_widths: Widths,
}

/// Advance widths in em for U+0000..U+0250 (Latin, Latin-1, Latin Extended A/B),
/// looked up from the font's tables once; other characters are measured on demand.
struct Widths {
    table: Vec<f32>,
}

const TABLE_LEN: usize = 0x250;

impl Widths {
    fn of(font: &ParsedFont) -> Widths {
        let upm = f32::from(font.font_metrics.units_per_em.max(1));
        let table = (0..TABLE_LEN as u32)
            .map(|cp| advance_em(font, cp, upm))
            .collect();
        Widths { table }
    }

    fn em(&self, font: &ParsedFont, text: &str) -> f32 {
        let upm = f32::from(font.font_metrics.units_per_em.max(1));
        text.chars()
            .map(|c| match self.table.get(c as usize) {
                Some(w) => *w,
                None => advance_em(font, c as u32, upm),
            })
            .sum()
    }
}

fn advance_em(font: &ParsedFont, codepoint: u32, upm: f32) -> f32 {
    // A character the font lacks prints as .notdef (glyph 0), which has a width too.
    let glyph = font.lookup_glyph_index(codepoint).unwrap_or(0);
    f32::from(font.get_horizontal_advance(glyph)) / upm
}

impl Fonts {
    /// The embedded fonts, parsed on first use. `None` only if the embedded files
    /// were corrupt, which the tests rule out.
    pub fn get() -> Option<&'static Fonts> {
        static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
        FONTS
            .get_or_init(|| {
                let regular = ParsedFont::from_bytes(REGULAR_TTF, 0, &mut Vec::new())?;
                let bold = ParsedFont::from_bytes(BOLD_TTF, 0, &mut Vec::new())?;
                Some(Fonts {
                    regular_widths: Widths::of(&regular),
                    bold_widths: Widths::of(&bold),
                    regular,
                    bold,
                })
            })
            .as_ref()
    }

    /// Whether the face has a real glyph for `c` (not the .notdef box).
    pub fn covers(&self, c: char, style: Style) -> bool {
        let font = match style {
            Style::Regular => &self.regular,
            Style::Bold => &self.bold,
        };
        font.lookup_glyph_index(c as u32).is_some_and(|g| g != 0)
    }
}

impl Measure for Fonts {
    fn width_mm(&self, text: &str, size: f32, style: Style) -> f32 {
        let em = match style {
            Style::Regular => self.regular_widths.em(&self.regular, text),
            Style::Bold => self.bold_widths.em(&self.bold, text),
        };
        em * size / PT_PER_MM
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_font_covers_dutch_letters() {
        let fonts = Fonts::get().expect("embedded fonts parse");
        for c in "ëïéèĳĲáóúç€–…".chars() {
            assert!(fonts.covers(c, Style::Regular), "{c} regular");
            assert!(fonts.covers(c, Style::Bold), "{c} bold");
        }
    }

    #[test]
    fn bold_and_longer_text_is_wider() {
        let fonts = Fonts::get().expect("embedded fonts parse");
        let regular = fonts.width_mm("Lijst Hekking", 10.0, Style::Regular);
        assert!(regular > 20.0 && regular < 30.0, "{regular}");
        assert!(fonts.width_mm("Lijst Hekking", 10.0, Style::Bold) > regular);
        assert!(fonts.width_mm("Lijst Hekking", 20.0, Style::Regular) > 1.9 * regular);
        // Digits share one width, so right-aligned figures line up.
        let one = fonts.width_mm("1111", 10.0, Style::Regular);
        let eight = fonts.width_mm("8888", 10.0, Style::Regular);
        assert!((one - eight).abs() < 0.01);
    }
}
