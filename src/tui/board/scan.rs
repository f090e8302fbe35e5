//! The scan field on the board: a USB hand scanner types the annex's QR codes into
//! it like a keyboard; the parts are put together by [`crate::annex::scan`], and the
//! record is imported as `telraam import` does once every part is in.

use super::{Imported, Outcome};
use crate::annex::scan::{Assembly, Event};
use crate::tui::say::ScanNote;

/// The scan field's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanField {
    pub assembly: Assembly,
    /// The station chosen on the board: a part of another station is refused.
    pub expected: Option<u32>,
    pub note: Option<ScanNote>,
}

impl ScanField {
    pub fn expecting(station: Option<u32>) -> ScanField {
        ScanField {
            assembly: station.map_or_else(Assembly::default, Assembly::for_station),
            expected: station,
            note: None,
        }
    }

    fn event(&mut self, event: Option<Event>) -> Outcome {
        let Some(event) = event else {
            return Outcome::Nothing;
        };
        self.note = Some(match event {
            Event::Taken(i) => ScanNote::Taken(i),
            Event::Again(i) => ScanNote::Again(i),
            Event::Refused(r) => ScanNote::Refused(r),
            Event::Complete(text) => {
                self.note = Some(ScanNote::Importing);
                return Outcome::Import(text);
            }
        });
        Outcome::Nothing
    }

    pub fn push(&mut self, c: char) -> Outcome {
        let event = self.assembly.push(c);
        self.event(event)
    }

    pub fn pause(&mut self) -> Outcome {
        let event = self.assembly.pause();
        self.event(event)
    }

    /// The import's answer: the field is ready for the next annex.
    pub fn imported(&mut self, result: Result<Imported, String>) {
        // Ready for the next annex, of any station.
        self.assembly = Assembly::default();
        self.note = Some(match result {
            Ok(Imported {
                station,
                version,
                demoted: None,
            }) => {
                self.expected = None;
                ScanNote::Imported { station, version }
            }
            Ok(Imported {
                station,
                version,
                demoted: Some(why),
            }) => {
                self.expected = None;
                ScanNote::ImportedAsDraft {
                    station,
                    version,
                    why,
                }
            }
            Err(why) => {
                self.assembly = self
                    .expected
                    .map_or_else(Assembly::default, Assembly::for_station);
                ScanNote::NotImported(why)
            }
        });
    }
}
