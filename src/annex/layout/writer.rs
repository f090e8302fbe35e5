//! The writer that fills the pages top to bottom: one block of the annex at a time,
//! a new page when the next one does not fit; the candidate tables through the
//! two columns whose place [`Columns`] keeps.

use super::columns::{COLUMN_WIDTH, Columns};
use super::*;

pub(super) struct Writer<'a> {
    pub(super) measure: &'a dyn Measure,
    pub(super) pages: Vec<Page>,
    /// The cursor: the top of the next line.
    pub(super) y: f32,
}

impl Writer<'_> {
    pub(super) fn page(&mut self) -> &mut Page {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    /// Starts a new page unless `height` millimetres still fit on this one.
    pub(super) fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.new_page();
        }
    }

    pub(super) fn text(&mut self, x: f32, y: f32, size: f32, style: Style, text: &str) {
        self.page().items.push(text_item(x, y, size, style, text));
    }

    pub(super) fn grey_text(&mut self, x: f32, y: f32, size: f32, text: &str) {
        self.page().items.push(Item::Text {
            x,
            y,
            size,
            style: Style::Regular,
            text: text.to_string(),
            grey: true,
        });
    }

    pub(super) fn right_text(&mut self, right: f32, y: f32, size: f32, style: Style, text: &str) {
        let x = right - self.measure.width_mm(text, size, style);
        self.text(x, y, size, style, text);
    }

    pub(super) fn rule(&mut self, x1: f32, x2: f32, width_pt: f32) {
        let y = self.y;
        self.page().items.push(Item::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width_pt,
        });
    }

    pub(super) fn title_block(&mut self, annex: &Annex) {
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
    pub(super) fn height(&self, block: &Block, first: bool) -> f32 {
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
                let code = super::super::content::record_code_text(&codes.record);
                let lines = wrap(self.measure, &code, 20.0, Style::Bold, RIGHT - LEFT).len();
                10.0 * lines as f32 + 4.0 * LINE
            }
            Block::Qr(_) => QR_SIZE + LINE + 2.0,
            Block::Signatures(roles) => SIGNATURE_ROW * roles.len() as f32 + LINE + 2.0,
        }
    }

    pub(super) fn paragraph(&mut self, text: &str, size: f32, style: Style) {
        for line in wrap(self.measure, text, size, style, RIGHT - LEFT) {
            self.ensure(LINE);
            self.y += LINE;
            self.text(LEFT, self.y, size, style, &line);
        }
        self.y += 1.0;
    }

    /// Letter, label and a right-aligned figure; a hairline under every row.
    pub(super) fn figures(&mut self, rows: &[Figure]) {
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

    /// The candidate tables, flowing through two columns and over pages.
    pub(super) fn candidates(&mut self, tables: &[CandidateTable]) {
        let mut flow = Columns::start(self.y);
        for table in tables {
            self.candidate_table(&mut flow, table);
        }
        self.y = flow.end();
    }

    fn next_column(&mut self, flow: &mut Columns) {
        if flow.next_column() {
            self.new_page();
        }
    }

    fn candidate_header(&mut self, flow: &mut Columns, title: &str) {
        let x = flow.x();
        flow.y += CAND_LINE + 1.0;
        let title = fit(self.measure, title, 9.0, Style::Bold, COLUMN_WIDTH);
        self.text(x, flow.y, 9.0, Style::Bold, &title);
        flow.y += CAND_LINE;
        self.grey_text(x, flow.y, 7.0, "nr.");
        self.grey_text(x + 9.0, flow.y, 7.0, "naam");
        let votes_x = x + COLUMN_WIDTH - self.measure.width_mm("stemmen", 7.0, Style::Regular);
        self.grey_text(votes_x, flow.y, 7.0, "stemmen");
        flow.y += 1.0;
        let y = flow.y;
        self.page().items.push(Item::Line {
            x1: x,
            y1: y,
            x2: x + COLUMN_WIDTH,
            y2: y,
            width_pt: 0.4,
        });
    }

    fn candidate_row(
        &mut self,
        flow: &mut Columns,
        number: &str,
        name: &str,
        votes: &str,
        style: Style,
    ) {
        let x = flow.x();
        flow.y += CAND_LINE;
        self.right_text(x + 6.0, flow.y, SMALL, style, number);
        let votes_width = self.measure.width_mm(votes, SMALL, style);
        let name = fit(
            self.measure,
            name,
            SMALL,
            style,
            COLUMN_WIDTH - 9.0 - votes_width - 2.0,
        );
        self.text(x + 9.0, flow.y, SMALL, style, &name);
        self.right_text(x + COLUMN_WIDTH, flow.y, SMALL, style, votes);
    }

    fn candidate_table(&mut self, flow: &mut Columns, table: &CandidateTable) {
        let header_height = 2.0 * CAND_LINE + 2.0;
        // The header with at least three rows (or the whole short table) in one column.
        let first = (table.rows.len().min(3) + 1) as f32 * CAND_LINE;
        if !flow.room(header_height + first) {
            self.next_column(flow);
        }
        self.candidate_header(flow, &table.title);
        // The continuation keeps its "(vervolg)" even when the name is shortened.
        let suffix = " (vervolg)";
        let room = COLUMN_WIDTH - self.measure.width_mm(suffix, 9.0, Style::Bold);
        let continued = fit(self.measure, &table.title, 9.0, Style::Bold, room) + suffix;
        for row in &table.rows {
            if !flow.room(CAND_LINE) {
                self.next_column(flow);
                self.candidate_header(flow, &continued);
            }
            self.candidate_row(flow, &row.number, &row.name, &row.votes, Style::Regular);
        }
        if !flow.room(CAND_LINE + 1.0) {
            self.next_column(flow);
            self.candidate_header(flow, &continued);
        }
        flow.y += 1.0;
        let (x, y) = (flow.x(), flow.y);
        self.page().items.push(Item::Line {
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
        self.candidate_row(flow, "", &label, &table.total, Style::Bold);
        flow.y += 2.0;
    }

    pub(super) fn codes(&mut self, codes: &CodeBlock) {
        let code = super::super::content::record_code_text(&codes.record);
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

    pub(super) fn qr(&mut self, parts: &[QrPart]) {
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

    pub(super) fn qr_modules(&mut self, x: f32, y: f32, part: &QrPart) {
        self.page().items.push(Item::Qr {
            x,
            y,
            size: QR_SIZE,
            width: part.width,
            modules: part.modules.clone(),
        });
    }

    pub(super) fn signatures(&mut self, roles: &[String]) {
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
pub(super) fn group_hex(text: &str) -> String {
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
