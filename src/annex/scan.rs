//! Putting an annex's QR codes back together as a hand scanner types them into a
//! field, character by character: which parts are in ("3 van 10 delen"), which are
//! missing, and the result file once every part is there.
//!
//! A USB hand scanner types like a keyboard: each code's text, its line breaks as
//! Enter, usually an Enter after the code. A part's header
//! (`telraam-qr i/n station=S version=V file=F bytes=B`, [`super::qr`]) says how many
//! bytes follow, so a part is complete the moment its last byte is typed; the first
//! part scanned fixes the record (station, version, file), and a part of another
//! record is refused with its reason. Text that does not start with a header is a
//! record small enough for one code (the result file itself): it is complete when
//! the scanner stops typing ([`Assembly::pause`]). So are parts with the old,
//! shorter header (`telraam-qr i/n`), which do not say their length.

use super::qr::{self, Header};
use std::collections::BTreeMap;

/// Which record the parts belong to, from the first part scanned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub station: Option<u32>,
    pub version: Option<u32>,
    pub file: Option<String>,
    pub total: usize,
}

/// Why a part was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The part belongs to another polling station.
    OtherStation {
        index: usize,
        station: u32,
        expected: u32,
    },
    /// The part belongs to another version of the record.
    OtherVersion {
        index: usize,
        version: u32,
        expected: u32,
    },
    /// Same station and version, but another record (other figures, or another
    /// number of parts).
    OtherRecord { index: usize },
    /// `i/n` does not make sense (0, or above n).
    BadNumber { index: usize, total: usize },
    /// Every part is in, but together they do not give the record back: the
    /// parts are dropped, to be scanned again.
    Damaged(qr::JoinError),
}

/// What one typed character (or a pause) brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A part was taken: its number.
    Taken(usize),
    /// This part was already in.
    Again(usize),
    Refused(Refusal),
    /// Every part is in: the result file.
    Complete(String),
}

/// The parts scanned so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assembly {
    identity: Option<Identity>,
    parts: BTreeMap<usize, String>,
    /// What is being typed: a part's header and body, or a whole result file.
    current: String,
    /// The header of the part being typed, once its line is complete.
    header: Option<Header>,
    /// The station whose annex is expected (chosen on the board), if any.
    expected_station: Option<u32>,
}

impl Assembly {
    /// Parts of this station's annex only: a part of another station is refused
    /// from the first one on.
    pub fn for_station(station: u32) -> Assembly {
        Assembly {
            expected_station: Some(station),
            ..Assembly::default()
        }
    }

    /// The station chosen beforehand, if any.
    pub fn expected_station(&self) -> Option<u32> {
        self.expected_station
    }

    pub fn identity(&self) -> Option<&Identity> {
        self.identity.as_ref()
    }

    /// How many parts are in.
    pub fn received(&self) -> usize {
        self.parts.len()
    }

    /// The part numbers still missing (empty before the first part).
    pub fn missing(&self) -> Vec<usize> {
        let total = self.identity.as_ref().map_or(0, |i| i.total);
        (1..=total)
            .filter(|i| !self.parts.contains_key(i))
            .collect()
    }

    /// Whether something is being typed that is not yet a whole part.
    pub fn typing(&self) -> bool {
        !self.current.trim().is_empty()
    }

    /// How many characters of the part being typed are in.
    pub fn typed(&self) -> usize {
        self.current.chars().count()
    }

    /// One character as the scanner typed it (Enter as `'\n'`).
    pub fn push(&mut self, c: char) -> Option<Event> {
        let c = if c == '\r' { '\n' } else { c };
        self.current.push(c);
        if self.header.is_none() {
            if c != '\n' {
                return None;
            }
            if self.current.trim().is_empty() {
                // The Enter a scanner types after a code.
                self.current.clear();
                return None;
            }
            // The line just completed: a part starts at its header, even after text
            // that was not one (what is before it cannot be a record in one code,
            // which never holds a part's header).
            let last_start = self.current[..self.current.len() - 1]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let line = self.current[last_start..].trim_start().trim_end();
            match qr::parse_header(line) {
                Some(header) => {
                    self.current = format!("{line}\n");
                    self.header = Some(header);
                }
                // Not a part: a whole result file, complete at the pause.
                None => return None,
            }
        }
        let header = self.header.as_ref()?;
        if let Some(bytes) = header.bytes {
            let body = self.current.len() - self.current.find('\n').map_or(0, |i| i + 1);
            return (body >= bytes).then(|| self.finish_part()).flatten();
        }
        // The old header: the part ends where the next one starts.
        if c == '\n' {
            let body_start = self.current.find('\n').map_or(0, |i| i + 1);
            let last_line_start = self.current[..self.current.len() - 1]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            if last_line_start >= body_start
                && let Some(next) = qr::parse_header(&self.current[last_line_start..])
            {
                let next_line = self.current[last_line_start..].to_string();
                self.current.truncate(last_line_start);
                let event = self.finish_part();
                self.current = next_line;
                self.header = Some(next);
                return event;
            }
        }
        None
    }

    /// The scanner stopped typing: what is being typed is complete as it is (a
    /// result file in one code, or a part with the old header).
    pub fn pause(&mut self) -> Option<Event> {
        if !self.typing() {
            return None;
        }
        match &self.header {
            // A part that says its length is complete at its last byte, not before:
            // a slow scanner's pause changes nothing.
            Some(h) if h.bytes.is_some() => return None,
            Some(_) => return self.finish_part(),
            None => {}
        }
        let text = std::mem::take(&mut self.current);
        Some(Event::Complete(text.trim_start().to_string()))
    }

    fn finish_part(&mut self) -> Option<Event> {
        let header = self.header.take()?;
        let text = std::mem::take(&mut self.current);
        let index = header.index;
        if index == 0 || index > header.total {
            return Some(Event::Refused(Refusal::BadNumber {
                index,
                total: header.total,
            }));
        }
        let identity = Identity {
            station: header.station,
            version: header.version,
            file: header.file.clone(),
            total: header.total,
        };
        if let (Some(station), Some(expected)) = (identity.station, self.expected_station)
            && station != expected
        {
            return Some(Event::Refused(Refusal::OtherStation {
                index,
                station,
                expected,
            }));
        }
        match &self.identity {
            None => self.identity = Some(identity),
            Some(known) => {
                if let (Some(station), Some(expected)) = (identity.station, known.station)
                    && station != expected
                {
                    return Some(Event::Refused(Refusal::OtherStation {
                        index,
                        station,
                        expected,
                    }));
                }
                if let (Some(version), Some(expected)) = (identity.version, known.version)
                    && version != expected
                {
                    return Some(Event::Refused(Refusal::OtherVersion {
                        index,
                        version,
                        expected,
                    }));
                }
                if identity.file != known.file || identity.total != known.total {
                    return Some(Event::Refused(Refusal::OtherRecord { index }));
                }
            }
        }
        if self.parts.contains_key(&index) {
            return Some(Event::Again(index));
        }
        self.parts.insert(index, text);
        if !self.missing().is_empty() {
            return Some(Event::Taken(index));
        }
        let parts: Vec<String> = self.parts.values().cloned().collect();
        match qr::join(&parts) {
            Ok(file) => Some(Event::Complete(file)),
            Err(reason) => {
                *self = Assembly {
                    expected_station: self.expected_station,
                    ..Assembly::default()
                };
                Some(Event::Refused(Refusal::Damaged(reason)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(station: u32, version: u32, figure: u32) -> String {
        let lines: String = (1..=300).map(|i| format!("{i} = {figure}\n")).collect();
        format!("station = {station}\nversion = {version}\n[votes]\n{lines}")
    }

    fn type_in(a: &mut Assembly, text: &str) -> Vec<Event> {
        text.chars().filter_map(|c| a.push(c)).collect()
    }

    #[test]
    fn parts_in_any_order_with_the_scanners_enter_give_back_the_record() {
        let file = record(4, 2, 17);
        let parts = qr::part_texts(&file);
        let n = parts.len();
        assert!(n >= 3);
        let mut a = Assembly::default();
        let mut order: Vec<usize> = (0..n).rev().collect();
        order.swap(0, 1);
        let mut events = Vec::new();
        for (k, i) in order.iter().enumerate() {
            events.extend(type_in(&mut a, &format!("{}\r", parts[*i])));
            if k + 1 < n {
                assert_eq!(a.received(), k + 1);
                assert_eq!(a.missing().len(), n - k - 1);
            }
        }
        assert_eq!(events.last(), Some(&Event::Complete(file)));
        assert_eq!(
            events
                .iter()
                .filter(|e| matches!(e, Event::Taken(_)))
                .count(),
            n - 1
        );
    }

    #[test]
    fn a_part_of_another_station_version_or_record_is_refused_and_the_rest_goes_on() {
        let file = record(4, 2, 17);
        let parts = qr::part_texts(&file);
        let mut a = Assembly::default();
        type_in(&mut a, &parts[0]);
        let other_station = qr::part_texts(&record(7, 2, 17));
        assert_eq!(
            type_in(&mut a, &other_station[1]),
            [Event::Refused(Refusal::OtherStation {
                index: 2,
                station: 7,
                expected: 4
            })]
        );
        let other_version = qr::part_texts(&record(4, 1, 17));
        assert!(matches!(
            type_in(&mut a, &other_version[1])[..],
            [Event::Refused(Refusal::OtherVersion {
                version: 1,
                expected: 2,
                ..
            })]
        ));
        let other_figures = qr::part_texts(&record(4, 2, 18));
        assert!(matches!(
            type_in(&mut a, &other_figures[1])[..],
            [Event::Refused(Refusal::OtherRecord { index: 2 })]
        ));
        assert_eq!(type_in(&mut a, &parts[0]), [Event::Again(1)]);
        assert_eq!(a.received(), 1);
        let mut last = Vec::new();
        for p in &parts[1..] {
            last = type_in(&mut a, p);
        }
        assert_eq!(last, [Event::Complete(file)]);
    }

    #[test]
    fn with_a_station_chosen_even_the_first_part_of_another_station_is_refused() {
        let mut a = Assembly::for_station(4);
        let other = qr::part_texts(&record(7, 1, 17));
        assert!(matches!(
            type_in(&mut a, &other[2])[..],
            [Event::Refused(Refusal::OtherStation {
                index: 3,
                station: 7,
                expected: 4
            })]
        ));
        assert_eq!(a.received(), 0);
        let own = qr::part_texts(&record(4, 1, 17));
        assert_eq!(type_in(&mut a, &own[2]), [Event::Taken(3)]);
    }

    #[test]
    fn a_pause_in_the_middle_of_a_part_that_says_its_length_changes_nothing() {
        let parts = qr::part_texts(&record(4, 2, 17));
        let mut a = Assembly::default();
        let (first, rest) = parts[1].split_at(parts[1].len() / 2);
        assert!(type_in(&mut a, first).is_empty());
        assert_eq!(a.pause(), None);
        assert_eq!(type_in(&mut a, rest), [Event::Taken(2)]);
        // Text that is not a part before a header is dropped at the header.
        assert!(type_in(&mut a, "x = 1\ny = 2\n").is_empty());
        assert_eq!(type_in(&mut a, &parts[0]), [Event::Taken(1)]);
    }

    #[test]
    fn a_record_in_one_code_is_complete_when_the_scanner_stops() {
        let file = "station = 1\nversion = 1\n";
        let mut a = Assembly::default();
        assert!(type_in(&mut a, file).is_empty());
        assert!(a.typing());
        assert_eq!(a.pause(), Some(Event::Complete(file.to_string())));
        assert_eq!(a.pause(), None);
    }

    #[test]
    fn parts_with_the_old_header_end_where_the_next_begins_or_at_the_pause() {
        let file = record(4, 2, 17);
        let parts: Vec<String> = qr::part_texts(&file)
            .iter()
            .map(|p| {
                let (head, body) = p.split_once('\n').unwrap();
                let short = head.split(' ').take(2).collect::<Vec<_>>().join(" ");
                format!("{short}\n{body}")
            })
            .collect();
        let mut a = Assembly::default();
        let events = type_in(&mut a, &parts.concat());
        assert_eq!(events.len(), parts.len() - 1);
        assert_eq!(a.pause(), Some(Event::Complete(file)));
    }
}
