//! Opening a record (where to start or resume in the form) and moving between
//! the form's steps and fields.

use super::*;

impl App {
    pub(super) fn opened(&mut self, record: CountRecord, fx: &mut Vec<Effect>) {
        if record.mode == EntryMode::Transcription {
            // A transcribed paper (or a station's record received here) is handled at
            // the desk, where the paper's own figures are shown and typed, not summed.
            self.pending_resume = None;
            return self.open_desk(record.station, fx);
        }
        self.from_check = false;
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
        self.input.clear();
        self.dialog = None;
        if finalised {
            self.screen = Screen::Done;
            self.pending_resume = None;
            return;
        }
        if let Some(point) = self.pending_resume.take()
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

    /// Moves to a step and field, clearing any typing.
    pub(super) fn go(&mut self, step: Step, index: usize) {
        if step == Step::Check && self.screen != Screen::Step(Step::Check) {
            self.refresh_results();
            self.from_check = false;
        }
        if step == Step::Finalise {
            self.scroll = 0;
        }
        if step == Step::Finalise && self.screen != Screen::Step(Step::Finalise) {
            // The overview says what still blocks finalising: on today's figures.
            self.refresh_results();
        }
        self.screen = Screen::Step(step);
        let count = self.items(step).len();
        self.cursor = index.min(count.saturating_sub(1));
        self.input.clear();
        self.unsaved = None;
        if self.current_item() == Some(Item::Note)
            && let Some(r) = &self.record
        {
            self.input = r.differences.note.clone();
        }
    }

    pub(super) fn refresh_results(&mut self) {
        if let Some(r) = &self.record {
            self.results = rules::validate(&self.election, r);
        }
        self.result_cursor = 0;
    }
}
