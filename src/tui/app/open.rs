//! Opening a record (where to start or resume in the form) and moving between
//! the form's steps and fields.

use super::*;

impl App {
    pub(super) fn opened(&mut self, record: CountRecord, fx: &mut Vec<Effect>) {
        if record.mode == EntryMode::Transcription {
            // A transcribed paper (or a station's record received here) is handled at
            // the desk, where the paper's own figures are shown and typed, not summed.
            return self.open_desk(record.station, fx);
        }
        // Where the last session stopped, when this is the station it was at.
        let resume = match &mut self.screen {
            Screen::Stations(list) => list.resume.take(),
            Screen::Entry(entry) => {
                entry.from_check = false;
                None
            }
            _ => None,
        };
        self.statuses
            .insert(record.station, StationStatus::of(&record));
        self.acknowledged = record
            .lifecycle
            .acknowledged_warnings
            .iter()
            .cloned()
            .collect();
        let station = record.station;
        let version = record.lifecycle.version;
        let finalised = record.lifecycle.state == RecordState::Finalised;
        self.saved = Some(record.clone());
        self.unsaved = None;
        self.record = Some(record);
        self.dialog = None;
        if finalised {
            self.screen = Screen::Done;
            return;
        }
        if let Some(point) = resume
            && point.station == station
            && let Some((step, index)) = self.parse_position(&point.position)
        {
            self.go(step, index);
            self.notice = Some(Notice::Resumed {
                station,
                step,
                field: self.current_item().map(Item::key),
            });
            return;
        }
        if version > 1 {
            // A corrigendum starts from a full copy: walk it from the top.
            self.go(Step::Voters, 0);
            self.notice = Some(Notice::CorrectionStarted { version });
            return;
        }
        let (step, index) = self.first_empty();
        self.go(step, index);
    }

    pub(super) fn parse_position(&self, position: &str) -> Option<(Step, usize)> {
        let (step_key, item_key) = match position.split_once(':') {
            Some((s, i)) => (s, Some(i)),
            None => (position, None),
        };
        let step = Step::parse(step_key, &self.election)?;
        let index = match item_key {
            Some(key) => self
                .items(step)
                .iter()
                .position(|i| i.key() == key)
                .unwrap_or(0),
            None => 0,
        };
        Some((step, index))
    }

    /// The first field still empty, in form order (where a new or half-done record starts).
    pub(super) fn first_empty(&self) -> (Step, usize) {
        let Some(record) = &self.record else {
            return (Step::Voters, 0);
        };
        for step in flow::steps(&self.election) {
            for (index, item) in self.items(step).iter().enumerate() {
                if let Item::Count(f) = item
                    && record.get(*f).is_none()
                {
                    return (step, index);
                }
            }
        }
        (Step::Check, 0)
    }

    /// Moves to a step and field, clearing any typing. Controle and Vaststellen run
    /// the rules on today's figures when they open (staying on Controle keeps its
    /// place); the count's steps keep whether they were reached from the check.
    pub(super) fn go(&mut self, step: Step, index: usize) {
        self.screen = match (step, std::mem::replace(&mut self.screen, Screen::Done)) {
            (Step::Check, Screen::Check(check)) => Screen::Check(check),
            (Step::Check, _) => Screen::Check(CheckScreen {
                results: self.rule_results(),
                cursor: 0,
            }),
            (Step::Finalise, Screen::Finalise(finalise)) => Screen::Finalise(FinaliseScreen {
                scroll: 0,
                ..finalise
            }),
            // What still blocks finalising: on today's figures.
            (Step::Finalise, _) => Screen::Finalise(FinaliseScreen {
                results: self.rule_results(),
                scroll: 0,
            }),
            (step, previous) => {
                let from_check = matches!(previous, Screen::Entry(e) if e.from_check);
                let items = self.items(step);
                let cursor = index.min(items.len().saturating_sub(1));
                // The note is edited where it stands, not typed anew.
                let input = match (items.get(cursor), &self.record) {
                    (Some(Item::Note), Some(r)) => r.differences.note.clone(),
                    _ => String::new(),
                };
                Screen::Entry(EntryScreen {
                    step,
                    cursor,
                    input,
                    from_check,
                })
            }
        };
        self.unsaved = None;
    }

    /// The rules' findings on the open record.
    pub(super) fn rule_results(&self) -> Vec<RuleResult> {
        match &self.record {
            Some(r) => rules::validate(&self.election, r),
            None => Vec::new(),
        }
    }

    /// Runs the rules again on the screen that shows their findings (back to the first).
    pub(super) fn refresh_results(&mut self) {
        let results = self.rule_results();
        match &mut self.screen {
            Screen::Check(check) => {
                check.results = results;
                check.cursor = 0;
            }
            Screen::Finalise(finalise) => finalise.results = results,
            _ => {}
        }
    }
}
