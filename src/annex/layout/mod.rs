//! Places the annex's content on A4 pages: tables with right-aligned figures,
//! candidate tables flowing through two columns and over pages with their header
//! repeated, headings kept with what follows, signatures kept together, a footer
//! on every page. Coordinates in millimetres from the top-left corner; y of text
//! is its baseline. Pure and measured through [`Measure`], so it is unit-tested
//! without a PDF.

use super::content::{Annex, Block, CandidateTable, CodeBlock, Figure, QrPart};
use super::fonts::{Measure, Style};

mod columns;
mod writer;

use writer::Writer;

pub const PAGE_WIDTH: f32 = 210.0;
pub const PAGE_HEIGHT: f32 = 297.0;
pub const LEFT: f32 = 20.0;
pub const RIGHT: f32 = PAGE_WIDTH - 20.0;
pub const TOP: f32 = 18.0;
/// Nothing but the footer goes below this line.
pub const BOTTOM: f32 = 279.0;
const FOOTER_BASELINE: f32 = 288.0;

const BODY: f32 = 10.0;
const SMALL: f32 = 8.0;
const LINE: f32 = 5.6;
const CAND_LINE: f32 = 4.2;
const COLUMN_GAP: f32 = 8.0;
const QR_SIZE: f32 = 52.0;
const SIGNATURE_ROW: f32 = 15.0;

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text {
        x: f32,
        y: f32,
        size: f32,
        style: Style,
        text: String,
        grey: bool,
    },
    /// A hairline (or thicker) rule.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width_pt: f32,
    },
    /// A filled black rectangle.
    Rect { x: f32, y: f32, w: f32, h: f32 },
    /// A QR code `size` mm square at (x, y), its quiet zone of four modules included.
    Qr {
        x: f32,
        y: f32,
        size: f32,
        /// Modules per side, without the quiet zone.
        width: usize,
        /// `width * width` modules, row by row; true is dark.
        modules: Vec<bool>,
    },
    /// "CONCEPT" diagonally across the page.
    Watermark(String),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

/// Lays out the whole annex.
pub fn layout(annex: &Annex, measure: &dyn Measure) -> Vec<Page> {
    let mut w = Writer {
        measure,
        pages: vec![Page::default()],
        y: TOP,
    };
    w.title_block(annex);
    for section in &annex.sections {
        // A heading stays with the first line of what follows (a paragraph whole, a
        // figure row, a candidate table's header and first rows, the code, a row of
        // QR codes). A section with signatures is kept whole on one page, so that the
        // signature lines always have the figures of the section above them.
        let keep: f32 = if section
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Signatures(_)))
        {
            section.blocks.iter().map(|b| w.height(b, false)).sum()
        } else {
            section
                .blocks
                .iter()
                .take(2)
                .map(|b| w.height(b, true))
                .sum()
        };
        w.ensure(LINE * 2.0 + keep);
        w.y += LINE * 0.6;
        w.y += LINE;
        w.text(LEFT, w.y, 12.0, Style::Bold, &section.title);
        w.y += 1.5;
        w.rule(LEFT, RIGHT, 0.6);
        w.y += 1.5;
        for block in &section.blocks {
            match block {
                Block::Figures(rows) => w.figures(rows),
                Block::Text(text) => w.paragraph(text, BODY, Style::Regular),
                Block::Candidates(tables) => w.candidates(tables),
                Block::Codes(codes) => w.codes(codes),
                Block::Qr(parts) => w.qr(parts),
                Block::Signatures(roles) => w.signatures(roles),
            }
        }
    }
    let total = w.pages.len();
    for (i, page) in w.pages.iter_mut().enumerate() {
        footer(page, measure, i + 1, total, &annex.footer);
        if annex.concept {
            page.items.insert(0, Item::Watermark("CONCEPT".to_string()));
        }
    }
    w.pages
}

fn footer(page: &mut Page, measure: &dyn Measure, number: usize, total: usize, text: &str) {
    page.items.push(Item::Line {
        x1: LEFT,
        y1: FOOTER_BASELINE - 4.0,
        x2: RIGHT,
        y2: FOOTER_BASELINE - 4.0,
        width_pt: 0.4,
    });
    let left = format!("pagina {number} van {total}");
    let left_width = measure.width_mm(&left, SMALL, Style::Regular);
    page.items.push(text_item(
        LEFT,
        FOOTER_BASELINE,
        SMALL,
        Style::Regular,
        &left,
    ));
    let room = RIGHT - LEFT - left_width - 6.0;
    let right = fit(measure, text, SMALL, Style::Regular, room);
    let x = RIGHT - measure.width_mm(&right, SMALL, Style::Regular);
    page.items
        .push(text_item(x, FOOTER_BASELINE, SMALL, Style::Regular, &right));
}

fn text_item(x: f32, y: f32, size: f32, style: Style, text: &str) -> Item {
    Item::Text {
        x,
        y,
        size,
        style,
        text: text.to_string(),
        grey: false,
    }
}

/// `text`, shortened with "…" when wider than `room` millimetres.
pub fn fit(measure: &dyn Measure, text: &str, size: f32, style: Style, room: f32) -> String {
    if measure.width_mm(text, size, style) <= room {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if measure.width_mm(&candidate, size, style) <= room {
            return candidate;
        }
    }
    String::new()
}

/// Greedy word wrap to lines no wider than `room` (a single over-long word is cut).
pub fn wrap(measure: &dyn Measure, text: &str, size: f32, style: Style, room: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || measure.width_mm(&candidate, size, style) <= room {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
        .into_iter()
        .map(|l| fit(measure, &l, size, style, room))
        .collect()
}

#[cfg(test)]
mod tests;
