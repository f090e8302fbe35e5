//! The candidate tables' flow through two columns and over pages, each table's
//! header repeated where it continues.

use super::writer::Writer;
use super::*;

/// The candidate tables' flow: two columns per page, continuing on new pages.
pub(super) struct Columns {
    pub(super) column: usize,
    /// Where the columns start on the current page.
    pub(super) band_top: f32,
    /// Lowest point the first column reached on the current page.
    pub(super) first_column_end: f32,
    pub(super) y: f32,
}

pub(super) const COLUMN_WIDTH: f32 = (RIGHT - LEFT - COLUMN_GAP) / 2.0;

impl Columns {
    pub(super) fn start(w: &Writer) -> Columns {
        Columns {
            column: 0,
            band_top: w.y,
            first_column_end: w.y,
            y: w.y,
        }
    }

    pub(super) fn x(&self) -> f32 {
        LEFT + self.column as f32 * (COLUMN_WIDTH + COLUMN_GAP)
    }

    pub(super) fn next_column(&mut self, w: &mut Writer) {
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

    pub(super) fn room(&self, height: f32) -> bool {
        self.y + height <= BOTTOM
    }

    pub(super) fn header(&mut self, w: &mut Writer, title: &str) {
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

    pub(super) fn row(
        &mut self,
        w: &mut Writer,
        number: &str,
        name: &str,
        votes: &str,
        style: Style,
    ) {
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

    pub(super) fn table(&mut self, w: &mut Writer, table: &CandidateTable) {
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
    pub(super) fn end(&self) -> f32 {
        if self.column == 1 {
            self.y.max(self.first_column_end)
        } else {
            self.y
        }
    }
}
