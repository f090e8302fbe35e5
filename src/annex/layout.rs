//! Places the annex's content on A4 pages: tables with right-aligned figures,
//! candidate tables flowing through two columns and over pages with their header
//! repeated, headings kept with what follows, signatures kept together, a footer
//! on every page. Coordinates in millimetres from the top-left corner; y of text
//! is its baseline. Pure and measured through [`Measure`], so it is unit-tested
//! without a PDF.

use super::content::{Annex, Block, CandidateTable, CodeBlock, Figure, QrPart};
use super::fonts::{Measure, Style};

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

struct Writer<'a> {
    measure: &'a dyn Measure,
    pages: Vec<Page>,
    /// The cursor: the top of the next line.
    y: f32,
}

impl Writer<'_> {
    fn page(&mut self) -> &mut Page {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    /// Starts a new page unless `height` millimetres still fit on this one.
    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, y: f32, size: f32, style: Style, text: &str) {
        self.page().items.push(text_item(x, y, size, style, text));
    }

    fn grey_text(&mut self, x: f32, y: f32, size: f32, text: &str) {
        self.page().items.push(Item::Text {
            x,
            y,
            size,
            style: Style::Regular,
            text: text.to_string(),
            grey: true,
        });
    }

    fn right_text(&mut self, right: f32, y: f32, size: f32, style: Style, text: &str) {
        let x = right - self.measure.width_mm(text, size, style);
        self.text(x, y, size, style, text);
    }

    fn rule(&mut self, x1: f32, x2: f32, width_pt: f32) {
        let y = self.y;
        self.page().items.push(Item::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width_pt,
        });
    }

    fn title_block(&mut self, annex: &Annex) {
        self.y += 7.0;
        let title = fit(self.measure, &annex.title, 16.0, Style::Bold, RIGHT - LEFT);
        self.text(LEFT, self.y, 16.0, Style::Bold, &title);
        self.y += 4.0;
        let label_width = annex
            .header
            .iter()
            .map(|(l, _)| self.measure.width_mm(l, BODY, Style::Regular))
            .fold(0.0, f32::max)
            + 4.0;
        for (label, value) in &annex.header {
            let lines = wrap(
                self.measure,
                value,
                BODY,
                Style::Bold,
                RIGHT - LEFT - label_width,
            );
            self.y += LINE;
            self.grey_text(LEFT, self.y, BODY, label);
            for (i, line) in lines.iter().enumerate() {
                if i > 0 {
                    self.y += LINE;
                }
                self.text(LEFT + label_width, self.y, BODY, Style::Bold, line);
            }
        }
        self.y += 2.0;
    }

    /// The height `block` takes: all of it, or (`first`) what must stay with its
    /// heading. Mirrors what the drawing functions below ask of [`Writer::ensure`].
    fn height(&self, block: &Block, first: bool) -> f32 {
        match block {
            Block::Text(text) => {
                wrap(self.measure, text, BODY, Style::Regular, RIGHT - LEFT).len() as f32 * LINE
                    + 1.0
            }
            Block::Figures(rows) if first => LINE + 1.0,
            Block::Figures(rows) => rows.len() as f32 * LINE + 1.0,
            Block::Candidates(tables) => match tables.first() {
                Some(t) => 2.0 * CAND_LINE + 2.0 + (t.rows.len().min(3) + 1) as f32 * CAND_LINE,
                None => 0.0,
            },
            Block::Codes(codes) => {
                let code = super::content::record_code_text(&codes.record);
                let lines = wrap(self.measure, &code, 20.0, Style::Bold, RIGHT - LEFT).len();
                10.0 * lines as f32 + 4.0 * LINE
            }
            Block::Qr(_) => QR_SIZE + LINE + 2.0,
            Block::Signatures(roles) => SIGNATURE_ROW * roles.len() as f32 + LINE + 2.0,
        }
    }

    fn paragraph(&mut self, text: &str, size: f32, style: Style) {
        for line in wrap(self.measure, text, size, style, RIGHT - LEFT) {
            self.ensure(LINE);
            self.y += LINE;
            self.text(LEFT, self.y, size, style, &line);
        }
        self.y += 1.0;
    }

    /// Letter, label and a right-aligned figure; a hairline under every row.
    fn figures(&mut self, rows: &[Figure]) {
        let letter_x = LEFT + 1.0;
        let label_x = LEFT + 15.0;
        for row in rows {
            self.ensure(LINE);
            self.y += LINE;
            let style = if row.total {
                Style::Bold
            } else {
                Style::Regular
            };
            let y = self.y - 1.5;
            self.text(letter_x, y, BODY, Style::Bold, &row.letter);
            let value_width = self.measure.width_mm(&row.value, BODY, style);
            let room = RIGHT - label_x - value_width - 4.0;
            let label = fit(self.measure, &row.label, BODY, style, room);
            self.text(label_x, y, BODY, style, &label);
            self.right_text(RIGHT - 1.0, y, BODY, style, &row.value);
            self.rule(LEFT, RIGHT, if row.total { 0.6 } else { 0.2 });
        }
        self.y += 1.0;
    }

    fn candidates(&mut self, tables: &[CandidateTable]) {
        let mut flow = Columns::start(self);
        for table in tables {
            flow.table(self, table);
        }
        self.y = flow.end();
    }

    fn codes(&mut self, codes: &CodeBlock) {
        let code = super::content::record_code_text(&codes.record);
        let lines = wrap(self.measure, &code, 20.0, Style::Bold, RIGHT - LEFT);
        self.ensure(10.0 * lines.len() as f32 + 4.0 * LINE);
        for line in lines {
            self.y += 10.0;
            self.text(LEFT, self.y, 20.0, Style::Bold, &line);
        }
        self.y += 2.0;
        // Section codes one to a row, so that their names are printed in full.
        for (name, group) in &codes.sections {
            self.ensure(LINE);
            self.y += LINE;
            let group_width = self.measure.width_mm(group, BODY, Style::Bold);
            let room = RIGHT - LEFT - group_width - 6.0;
            let name = fit(self.measure, name, BODY, Style::Regular, room);
            self.text(LEFT + 1.0, self.y - 1.5, BODY, Style::Regular, &name);
            self.right_text(RIGHT - 1.0, self.y - 1.5, BODY, Style::Bold, group);
            self.rule(LEFT, RIGHT, 0.2);
        }
        self.y += 1.0;
        let mut labelled = |label: &str, value: &str| {
            if value.is_empty() {
                return;
            }
            self.ensure(LINE * 2.0);
            self.y += LINE;
            self.grey_text(LEFT, self.y, SMALL, label);
            for line in wrap(self.measure, value, BODY, Style::Regular, RIGHT - LEFT) {
                self.ensure(LINE);
                self.y += LINE - 0.6;
                self.text(LEFT, self.y, BODY, Style::Regular, &line);
            }
        };
        labelled(
            "Vingerafdruk van het resultaatbestand (SHA-256)",
            &codes.fingerprint,
        );
        labelled(
            "Laatste hash van het auditlogboek",
            &group_hex(&codes.audit_head),
        );
        self.y += 1.0;
    }

    fn qr(&mut self, parts: &[QrPart]) {
        let per_row = ((RIGHT - LEFT + COLUMN_GAP) / (QR_SIZE + COLUMN_GAP)).floor() as usize;
        for row in parts.chunks(per_row.max(1)) {
            self.ensure(QR_SIZE + LINE + 2.0);
            let top = self.y + 2.0;
            for (i, part) in row.iter().enumerate() {
                let x = LEFT + i as f32 * (QR_SIZE + COLUMN_GAP);
                self.qr_modules(x, top, part);
                let caption = fit(self.measure, &part.caption, SMALL, Style::Regular, QR_SIZE);
                self.text(x, top + QR_SIZE + 4.0, SMALL, Style::Regular, &caption);
            }
            self.y = top + QR_SIZE + 5.0;
        }
    }

    fn qr_modules(&mut self, x: f32, y: f32, part: &QrPart) {
        self.page().items.push(Item::Qr {
            x,
            y,
            size: QR_SIZE,
            width: part.width,
            modules: part.modules.clone(),
        });
    }

    fn signatures(&mut self, roles: &[String]) {
        let row = SIGNATURE_ROW;
        // Kept together: the signatures belong on one page.
        self.ensure(row * roles.len() as f32 + LINE);
        self.y += 2.0;
        for role in roles {
            self.y += row;
            let y = self.y;
            self.text(LEFT, y, BODY, Style::Bold, role);
            self.grey_text(LEFT + 25.0, y - 6.5, SMALL, "naam");
            self.grey_text(LEFT + 95.0, y - 6.5, SMALL, "handtekening");
            for (x1, x2) in [(LEFT + 25.0, LEFT + 88.0), (LEFT + 95.0, RIGHT)] {
                self.page().items.push(Item::Line {
                    x1,
                    y1: y + 1.0,
                    x2,
                    y2: y + 1.0,
                    width_pt: 0.5,
                });
            }
        }
        self.y += LINE;
    }
}

/// "ab12cd34…" as groups of four: "ab12 cd34 …" (already grouped text stays as is).
fn group_hex(text: &str) -> String {
    if text.contains(' ') {
        return text.to_string();
    }
    text.chars()
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The candidate tables' flow: two columns per page, continuing on new pages.
struct Columns {
    column: usize,
    /// Where the columns start on the current page.
    band_top: f32,
    /// Lowest point the first column reached on the current page.
    first_column_end: f32,
    y: f32,
}

const COLUMN_WIDTH: f32 = (RIGHT - LEFT - COLUMN_GAP) / 2.0;

impl Columns {
    fn start(w: &Writer) -> Columns {
        Columns {
            column: 0,
            band_top: w.y,
            first_column_end: w.y,
            y: w.y,
        }
    }

    fn x(&self) -> f32 {
        LEFT + self.column as f32 * (COLUMN_WIDTH + COLUMN_GAP)
    }

    fn next_column(&mut self, w: &mut Writer) {
        if self.column == 0 {
            self.first_column_end = self.y;
            self.column = 1;
        } else {
            w.new_page();
            self.column = 0;
            self.band_top = TOP;
            self.first_column_end = TOP;
        }
        self.y = self.band_top;
    }

    fn room(&self, height: f32) -> bool {
        self.y + height <= BOTTOM
    }

    fn header(&mut self, w: &mut Writer, title: &str) {
        let x = self.x();
        self.y += CAND_LINE + 1.0;
        let title = fit(w.measure, title, 9.0, Style::Bold, COLUMN_WIDTH);
        w.text(x, self.y, 9.0, Style::Bold, &title);
        self.y += CAND_LINE;
        w.grey_text(x, self.y, 7.0, "nr.");
        w.grey_text(x + 9.0, self.y, 7.0, "naam");
        let votes_x = x + COLUMN_WIDTH - w.measure.width_mm("stemmen", 7.0, Style::Regular);
        w.grey_text(votes_x, self.y, 7.0, "stemmen");
        self.y += 1.0;
        let y = self.y;
        w.page().items.push(Item::Line {
            x1: x,
            y1: y,
            x2: x + COLUMN_WIDTH,
            y2: y,
            width_pt: 0.4,
        });
    }

    fn row(&mut self, w: &mut Writer, number: &str, name: &str, votes: &str, style: Style) {
        let x = self.x();
        self.y += CAND_LINE;
        w.right_text(x + 6.0, self.y, SMALL, style, number);
        let votes_width = w.measure.width_mm(votes, SMALL, style);
        let name = fit(
            w.measure,
            name,
            SMALL,
            style,
            COLUMN_WIDTH - 9.0 - votes_width - 2.0,
        );
        w.text(x + 9.0, self.y, SMALL, style, &name);
        w.right_text(x + COLUMN_WIDTH, self.y, SMALL, style, votes);
    }

    fn table(&mut self, w: &mut Writer, table: &CandidateTable) {
        let header_height = 2.0 * CAND_LINE + 2.0;
        // The header with at least three rows (or the whole short table) in one column.
        let first = (table.rows.len().min(3) + 1) as f32 * CAND_LINE;
        if !self.room(header_height + first) {
            self.next_column(w);
        }
        self.header(w, &table.title);
        // The continuation keeps its "(vervolg)" even when the name is shortened.
        let suffix = " (vervolg)";
        let room = COLUMN_WIDTH - w.measure.width_mm(suffix, 9.0, Style::Bold);
        let continued = fit(w.measure, &table.title, 9.0, Style::Bold, room) + suffix;
        for row in &table.rows {
            if !self.room(CAND_LINE) {
                self.next_column(w);
                self.header(w, &continued);
            }
            self.row(w, &row.number, &row.name, &row.votes, Style::Regular);
        }
        if !self.room(CAND_LINE + 1.0) {
            self.next_column(w);
            self.header(w, &continued);
        }
        self.y += 1.0;
        let (x, y) = (self.x(), self.y);
        w.page().items.push(Item::Line {
            x1: x,
            y1: y,
            x2: x + COLUMN_WIDTH,
            y2: y,
            width_pt: 0.4,
        });
        let label = match table.title.split(" – ").next() {
            Some(list) => format!("Totaal {}", list.to_lowercase()),
            None => "Totaal".to_string(),
        };
        self.row(w, "", &label, &table.total, Style::Bold);
        self.y += 2.0;
    }

    /// The cursor below the candidate tables.
    fn end(&self) -> f32 {
        if self.column == 1 {
            self.y.max(self.first_column_end)
        } else {
            self.y
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::content::{CandidateRow, Section};
    use super::*;

    /// Every character 0.5 em wide: enough to test placement.
    struct Fixed;
    impl Measure for Fixed {
        fn width_mm(&self, text: &str, size: f32, _style: Style) -> f32 {
            text.chars().count() as f32 * 0.5 * size / super::super::fonts::PT_PER_MM
        }
    }

    fn annex(sections: Vec<Section>) -> Annex {
        Annex {
            title: "Bijlage".into(),
            header: vec![("Stembureau".into(), "1 Studio".into())],
            concept: false,
            footer: "Stembureau 1 · code 1234-5".into(),
            sections,
        }
    }

    fn texts(page: &Page) -> Vec<(f32, f32, &str)> {
        page.items
            .iter()
            .filter_map(|i| match i {
                Item::Text { x, y, text, .. } => Some((*x, *y, text.as_str())),
                _ => None,
            })
            .collect()
    }

    fn big_table(list: u32, rows: usize) -> CandidateTable {
        CandidateTable {
            title: format!("Lijst {list} – Partij {list}"),
            rows: (1..=rows)
                .map(|n| CandidateRow {
                    number: n.to_string(),
                    name: format!("Kandidaat {list}-{n}"),
                    votes: format!("{}", 1000 + n),
                })
                .collect(),
            total: "99999".into(),
        }
    }

    #[test]
    fn figures_are_right_aligned_on_one_edge() {
        let rows = ["7", "1212", "(leeg)"]
            .iter()
            .map(|v| Figure {
                letter: "A".into(),
                label: "Stempassen".into(),
                value: v.to_string(),
                total: false,
            })
            .collect();
        let pages = layout(
            &annex(vec![Section {
                title: "1".into(),
                blocks: vec![Block::Figures(rows)],
            }]),
            &Fixed,
        );
        for value in ["7", "1212", "(leeg)"] {
            let (x, _, _) = texts(&pages[0])
                .into_iter()
                .find(|(_, _, t)| *t == value)
                .unwrap();
            let right = x + Fixed.width_mm(value, BODY, Style::Regular);
            assert!((right - (RIGHT - 1.0)).abs() < 0.001, "{value}: {right}");
        }
    }

    #[test]
    fn long_candidate_lists_flow_through_columns_and_pages_with_repeated_headers() {
        let tables: Vec<_> = (1..=5).map(|l| big_table(l, 80)).collect();
        let pages = layout(
            &annex(vec![Section {
                title: "5. Stemmen per kandidaat".into(),
                blocks: vec![Block::Candidates(tables)],
            }]),
            &Fixed,
        );
        assert!(pages.len() >= 4, "{} pages", pages.len());
        let all: Vec<(usize, f32, f32, &str)> = pages
            .iter()
            .enumerate()
            .flat_map(|(p, page)| texts(page).into_iter().map(move |(x, y, t)| (p, x, y, t)))
            .collect();
        // Every candidate's votes exactly once, inside the page's body.
        for l in 1..=5 {
            for n in 1..=80 {
                let name = format!("Kandidaat {l}-{n}");
                let hits: Vec<_> = all.iter().filter(|(_, _, _, t)| *t == name).collect();
                assert_eq!(hits.len(), 1, "{name}");
                let (_, x, y, _) = hits[0];
                assert!(*y <= BOTTOM && *y >= TOP, "{name} at y {y}");
                assert!(*x >= LEFT && *x < RIGHT, "{name} at x {x}");
            }
        }
        // A continued list repeats its header at the top of the next column.
        assert!(all.iter().any(|(_, _, _, t)| t.ends_with("(vervolg)")));
        // Both columns are used.
        let second_column = LEFT + COLUMN_WIDTH + COLUMN_GAP;
        assert!(all.iter().any(|(_, x, _, _)| *x >= second_column));
        // Every page has its footer "pagina x van y".
        for (i, page) in pages.iter().enumerate() {
            let wanted = format!("pagina {} van {}", i + 1, pages.len());
            assert!(texts(page).iter().any(|(_, _, t)| *t == wanted), "{wanted}");
        }
    }

    /// `count` plain figure rows, to fill a page up to a chosen point.
    fn filler_rows(count: usize) -> Vec<Figure> {
        (0..count)
            .map(|n| Figure {
                letter: String::new(),
                label: format!("regel {n}"),
                value: n.to_string(),
                total: false,
            })
            .collect()
    }

    #[test]
    fn a_heading_is_never_left_alone_at_the_bottom_of_a_page() {
        let filler = filler_rows(43);
        let pages = layout(
            &annex(vec![
                Section {
                    title: "Eerst".into(),
                    blocks: vec![Block::Figures(filler)],
                },
                Section {
                    title: "Daarna".into(),
                    blocks: vec![Block::Text("inhoud".into())],
                },
            ]),
            &Fixed,
        );
        let page_of = |wanted: &str| {
            pages
                .iter()
                .position(|p| texts(p).iter().any(|(_, _, t)| *t == wanted))
                .unwrap()
        };
        assert_eq!(page_of("Daarna"), page_of("inhoud"));
    }

    fn page_of(pages: &[Page], wanted: &str) -> usize {
        pages
            .iter()
            .position(|p| texts(p).iter().any(|(_, _, t)| *t == wanted))
            .unwrap_or_else(|| panic!("{wanted} not laid out"))
    }

    #[test]
    fn a_heading_stays_with_the_first_line_of_a_candidate_table_or_code_wherever_it_falls() {
        for rows in 30..48 {
            let pages = layout(
                &annex(vec![
                    Section {
                        title: "Eerst".into(),
                        blocks: vec![Block::Figures(filler_rows(rows))],
                    },
                    Section {
                        title: "Kandidaten".into(),
                        blocks: vec![Block::Candidates(vec![big_table(1, 40)])],
                    },
                    Section {
                        title: "Controlecode".into(),
                        blocks: vec![Block::Codes(CodeBlock {
                            record: vec!["1234-5".into()],
                            sections: vec![],
                            fingerprint: String::new(),
                            audit_head: String::new(),
                        })],
                    },
                ]),
                &Fixed,
            );
            let first_row = &big_table(1, 40).rows[0].name;
            assert_eq!(
                page_of(&pages, "Kandidaten"),
                page_of(&pages, first_row),
                "after {rows} rows"
            );
            assert_eq!(
                page_of(&pages, "Controlecode"),
                page_of(&pages, "1234-5"),
                "after {rows} rows"
            );
        }
    }

    #[test]
    fn the_signatures_never_stand_on_a_page_without_the_key_totals_above_them() {
        for rows in 0..48 {
            let pages = layout(
                &annex(vec![
                    Section {
                        title: "Eerst".into(),
                        blocks: vec![Block::Figures(filler_rows(rows))],
                    },
                    Section {
                        title: "Ondertekening".into(),
                        blocks: vec![
                            Block::Text("Kerncijfers:".into()),
                            Block::Figures(vec![Figure {
                                letter: "H".into(),
                                label: "Totaal uitgebrachte stemmen".into(),
                                value: "826".into(),
                                total: true,
                            }]),
                            Block::Text("Door de voorzitter en twee leden.".into()),
                            Block::Signatures(vec![
                                "Voorzitter".into(),
                                "Lid".into(),
                                "Lid".into(),
                                "Lid".into(),
                                "Lid".into(),
                            ]),
                        ],
                    },
                ]),
                &Fixed,
            );
            assert_eq!(
                page_of(&pages, "Totaal uitgebrachte stemmen"),
                page_of(&pages, "Voorzitter"),
                "after {rows} rows"
            );
        }
    }

    #[test]
    fn signatures_stay_together_and_concept_marks_every_page() {
        let mut a = annex(vec![
            Section {
                title: "Kandidaten".into(),
                blocks: vec![Block::Candidates(vec![big_table(1, 100)])],
            },
            Section {
                title: "Ondertekening".into(),
                blocks: vec![Block::Signatures(vec![
                    "Voorzitter".into(),
                    "Lid".into(),
                    "Lid".into(),
                ])],
            },
        ]);
        a.concept = true;
        let pages = layout(&a, &Fixed);
        let with_signatures: Vec<usize> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                texts(p)
                    .iter()
                    .any(|(_, _, t)| *t == "Voorzitter" || *t == "Lid")
            })
            .map(|(i, _)| i)
            .collect();
        assert_eq!(with_signatures.len(), 1);
        assert!(
            pages
                .iter()
                .all(|p| matches!(p.items.first(), Some(Item::Watermark(t)) if t == "CONCEPT"))
        );
    }

    #[test]
    fn the_signature_heading_goes_to_the_page_of_the_signatures() {
        let filler = filler_rows(32);
        let pages = layout(
            &annex(vec![
                Section {
                    title: "Eerst".into(),
                    blocks: vec![Block::Figures(filler)],
                },
                Section {
                    title: "Ondertekening".into(),
                    blocks: vec![
                        Block::Text("Door de voorzitter en twee leden.".into()),
                        Block::Signatures(vec!["Voorzitter".into(), "Lid".into(), "Lid".into()]),
                    ],
                },
            ]),
            &Fixed,
        );
        let page_of = |wanted: &str| {
            pages
                .iter()
                .position(|p| texts(p).iter().any(|(_, _, t)| *t == wanted))
                .unwrap()
        };
        assert_eq!(page_of("Ondertekening"), page_of("Voorzitter"));
        assert_eq!(
            page_of("Door de voorzitter en twee leden."),
            page_of("Voorzitter")
        );
    }

    #[test]
    fn text_that_does_not_fit_is_shortened_or_wrapped_never_overflowing() {
        let long = "een zeer lange naam die nooit in een smalle kolom past";
        let short = fit(&Fixed, long, 10.0, Style::Regular, 30.0);
        assert!(short.ends_with('…'));
        assert!(Fixed.width_mm(&short, 10.0, Style::Regular) <= 30.0);
        let lines = wrap(&Fixed, long, 10.0, Style::Regular, 30.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), long);
        for line in lines {
            assert!(Fixed.width_mm(&line, 10.0, Style::Regular) <= 30.0);
        }
    }
}
