//! The words of an unreadable audit event. The one place where [`EventError`]
//! becomes a sentence: in both languages at once, as `audit` has always said it.

use super::{EVENT_VERSION, EventError};

/// The sentence for an event that cannot be read.
pub fn event_error(e: &EventError) -> String {
    match e {
        EventError::Newer(v) => format!(
            "audit event format {v} was written by a newer telraam (this one reads \
             {EVENT_VERSION}) / auditgebeurtenis van een nieuwere telraam"
        ),
        EventError::Unreadable(detail) => {
            format!("unreadable audit event / onleesbare auditgebeurtenis: {detail}")
        }
    }
}
