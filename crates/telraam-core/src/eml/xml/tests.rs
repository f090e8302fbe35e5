use super::*;

#[test]
fn entity_references_are_resolved_in_text() {
    let mut p = Pull::new("t.xml", "<a>Kulturhus d&apos;n Dulper &amp; &#233;</a>");
    assert!(matches!(p.step(), Ok(Item::Start(_))));
    assert_eq!(p.text().ok().as_deref(), Some("Kulturhus d'n Dulper & é"));
}

#[test]
fn a_truncated_document_is_reported_with_its_line() {
    let mut p = Pull::new("t.xml", "<EML Id=\"510b\">\n<Count>\n<Cast>12</Cast>");
    let err = loop {
        match p.step() {
            Ok(Item::Eof) => panic!("truncated file read as complete"),
            Ok(_) => continue,
            Err(e) => break e,
        }
    };
    assert!(err.words(true).contains("truncated"), "{err}");
    assert_eq!(err.line, Some(3));
}

#[test]
fn numbers_must_be_plain_digits() {
    assert_eq!(parse_number(" 42 "), Some(42));
    assert_eq!(parse_number("-1"), None);
    assert_eq!(parse_number("4 2"), None);
    assert_eq!(parse_number(""), None);
}
