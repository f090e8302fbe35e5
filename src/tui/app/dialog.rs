//! The modal dialogs over a screen: what each key does while one is open.

use super::*;

impl App {
    pub(super) fn in_dialog(&mut self, dialog: Dialog, msg: Msg, fx: &mut Vec<Effect>) {
        let yes = matches!(msg, Msg::Char('j' | 'J' | 'y' | 'Y'));
        let no = matches!(msg, Msg::Char('n' | 'N') | Msg::Back);
        match dialog {
            Dialog::Help => {
                if matches!(msg, Msg::Back | Msg::Help | Msg::Confirm | Msg::Char('q')) {
                    self.dialog = None;
                } else if msg == Msg::Quit {
                    self.dialog = Some(Dialog::Quit);
                }
            }
            Dialog::Quit => {
                if msg == Msg::Confirm && self.pending_input() {
                    // Confirm what is typed, then stop; a refused save cancels the stop
                    // (see `not_saved`) so that the operator sees it.
                    self.dialog = None;
                    self.quit = true;
                    if self.screen == Screen::Desk {
                        self.on_desk(Msg::Confirm, fx);
                    } else {
                        self.commit_current(fx);
                    }
                } else if yes || msg == Msg::Quit {
                    self.quit = true;
                    self.dialog = None;
                } else if no {
                    self.dialog = None;
                }
            }
            Dialog::LeaveStation => {
                if yes {
                    self.dialog = None;
                    self.go_stations();
                } else if no || msg == Msg::Quit {
                    self.dialog = None;
                }
            }
            Dialog::UnbalancedList { to, .. } => {
                if yes {
                    self.dialog = None;
                    self.go(to.0, to.1);
                } else if no || msg == Msg::Quit {
                    self.dialog = None;
                }
            }
            Dialog::ConfirmFinalise => {
                if yes {
                    self.dialog = None;
                    if let Some(station) = self.station() {
                        fx.push(Effect::Finalise {
                            station,
                            acknowledged: self.acknowledged.iter().cloned().collect(),
                        });
                    }
                } else if no || msg == Msg::Quit {
                    self.dialog = None;
                }
            }
            Dialog::CorrectionReason(mut reason) => match msg {
                Msg::Char(c) => {
                    reason.push(c);
                    self.dialog = Some(Dialog::CorrectionReason(reason));
                }
                Msg::Toggle => {
                    reason.push(' ');
                    self.dialog = Some(Dialog::CorrectionReason(reason));
                }
                Msg::Erase => {
                    reason.pop();
                    self.dialog = Some(Dialog::CorrectionReason(reason));
                }
                Msg::Confirm => {
                    let reason = reason.trim().to_string();
                    if reason.is_empty() {
                        self.notice = Some(Notice::ReasonRequired);
                    } else if let Some(station) = self.station() {
                        self.dialog = None;
                        fx.push(Effect::StartCorrection { station, reason });
                    }
                }
                Msg::Back => self.dialog = None,
                Msg::Quit => self.dialog = Some(Dialog::Quit),
                _ => {}
            },
            Dialog::Guard => self.in_guard_dialog(msg, fx),
        }
    }
}
