//! The two-column flow of the candidate tables as geometry alone: which column the
//! cursor is in, where it stands, whether a line still fits, and when the flow
//! needs a new page. The writer draws; this only keeps the place.

use super::{BOTTOM, COLUMN_GAP, LEFT, RIGHT, TOP};

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
    /// The flow starting at the page cursor `y`.
    pub(super) fn start(y: f32) -> Columns {
        Columns {
            column: 0,
            band_top: y,
            first_column_end: y,
            y,
        }
    }

    pub(super) fn x(&self) -> f32 {
        LEFT + self.column as f32 * (COLUMN_WIDTH + COLUMN_GAP)
    }

    /// Moves on to the next column; true when that is the first column of a new
    /// page, which the caller then starts.
    #[must_use]
    pub(super) fn next_column(&mut self) -> bool {
        let new_page = if self.column == 0 {
            self.first_column_end = self.y;
            self.column = 1;
            false
        } else {
            self.column = 0;
            self.band_top = TOP;
            self.first_column_end = TOP;
            true
        };
        self.y = self.band_top;
        new_page
    }

    pub(super) fn room(&self, height: f32) -> bool {
        self.y + height <= BOTTOM
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
