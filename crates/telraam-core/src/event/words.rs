//! The words of an unreadable audit event. The one place where [`EventError`]
//! becomes a sentence, in the language asked for (never both at once).

use super::{EVENT_VERSION, EventError};

/// The sentence for an event that cannot be read.
pub fn event_error(e: &EventError, english: bool) -> String {
    match (e, english) {
        (EventError::Newer(v), true) => format!(
            "audit event format {v} was written by a newer telraam (this one reads \
             {EVENT_VERSION})"
        ),
        (EventError::Newer(v), false) => format!(
            "auditgebeurtenis in formaat {v} is geschreven door een nieuwere telraam (deze \
             leest {EVENT_VERSION})"
        ),
        (EventError::Unreadable(detail), true) => format!("unreadable audit event: {detail}"),
        (EventError::Unreadable(detail), false) => {
            format!("onleesbare auditgebeurtenis: {detail}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_event_is_named_in_one_language() {
        let newer = EventError::Newer(9);
        assert_eq!(
            event_error(&newer, false),
            format!(
                "auditgebeurtenis in formaat 9 is geschreven door een nieuwere telraam (deze \
                 leest {EVENT_VERSION})"
            )
        );
        assert_eq!(
            event_error(&newer, true),
            format!(
                "audit event format 9 was written by a newer telraam (this one reads \
                 {EVENT_VERSION})"
            )
        );
        let bad = EventError::Unreadable("expected value at line 1".into());
        assert_eq!(
            event_error(&bad, false),
            "onleesbare auditgebeurtenis: expected value at line 1"
        );
        assert_eq!(
            event_error(&bad, true),
            "unreadable audit event: expected value at line 1"
        );
    }
}
