//! Issue 10, the hidden answer: station 1 in counting mode, G = 6 makes H = 501
//! against D = 500; "fully explained?" is answered no and a note written; G back to
//! 5 makes D = H. The form no longer asks for the answer, so the record must not keep
//! it: the annex, the verification code and the result file carry none, and the
//! audit log says it was cleared. Done through the workspace, as the interface does.

use telraam::annex::AnnexInput;
use telraam::annex::content::{Block, build};
use telraam::election::Election;
use telraam::record::{CountRecord, EntryMode, Field, Mark};
use telraam::storage::Workspace;
use telraam::{counting, result_file, verification};

const OP: &str = "voorzitter";

fn annex_text(election: &Election, record: &CountRecord) -> String {
    let annex = build(
        &AnnexInput {
            election,
            record,
            codes: verification::codes(election, record),
            result_file: String::new(),
            fingerprint: String::new(),
            audit_head: String::new(),
        },
        vec![],
    );
    let mut text = String::new();
    for section in &annex.sections {
        for block in &section.blocks {
            match block {
                Block::Figures(rows) => {
                    for r in rows {
                        text.push_str(&format!("{} {} {}\n", r.letter, r.label, r.value));
                    }
                }
                Block::Text(t) => text.push_str(&format!("{t}\n")),
                _ => {}
            }
        }
    }
    text
}

#[test]
fn an_answer_given_while_d_and_h_differed_is_gone_once_they_agree() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::init(dir.path(), Election::demo()).expect("workspace");
    let election = ws.election().clone();
    for (field, value) in [
        (Field::PollCards, 500),
        (Field::ProxyCertificates, 0),
        (Field::ListTotal(1), 490),
        (Field::ListTotal(2), 0),
        (Field::ListTotal(3), 0),
        (Field::ListTotal(4), 0),
        (Field::Blank, 5),
        (Field::Invalid, 6),
    ] {
        ws.save_field(1, field, Some(value), OP).expect("saved");
    }
    let differing = ws.record(1).expect("read").expect("there");
    assert_eq!(differing.differences.more_ballots, Some(1), "H = D + 1");
    ws.save_mark(1, Mark::ExplainedNo, true, OP)
        .expect("answered");
    ws.save_note(1, "een stembiljet te veel in de bus", OP)
        .expect("note");
    let answered = ws.record(1).expect("read").expect("there");
    assert!(annex_text(&election, &answered).contains("Verschil volledig verklaard? nee"));

    // G back to 5: D = H = 500.
    ws.save_field(1, Field::Invalid, Some(5), OP)
        .expect("saved");
    let record = ws.record(1).expect("read").expect("there");
    assert_eq!(record.votes.total_cast, record.voters.total_admitted);
    assert!(!record.differences.fully_explained.no && !record.differences.fully_explained.yes);
    assert!(record.differences.note.is_empty());

    // The annex prints no answer, no question and no note.
    let annex = annex_text(&election, &record);
    assert!(!annex.contains("verklaard"), "{annex}");
    assert!(!annex.contains("Toelichting"), "{annex}");

    // The code is that of the same figures never answered.
    let mut never = CountRecord::empty(&election, 1, EntryMode::Counting);
    for field in [
        Field::PollCards,
        Field::ProxyCertificates,
        Field::ListTotal(1),
        Field::ListTotal(2),
        Field::ListTotal(3),
        Field::ListTotal(4),
        Field::Blank,
        Field::Invalid,
    ] {
        never.set(field, record.get(field));
    }
    counting::complete(&election, &mut never);
    assert_eq!(
        verification::codes(&election, &record).record_text(),
        verification::codes(&election, &never).record_text()
    );

    // The result file (what `export` writes) holds no answer and no note.
    let exported = result_file::to_toml(&record);
    assert!(!exported.contains("explained"), "{exported}");
    assert!(!exported.contains("note"), "{exported}");

    // The audit log says what was cleared, in the same change.
    let log = ws.audit_log().expect("log");
    let last_change = log
        .iter()
        .rposition(|row| row.what == "field G")
        .expect("the change of G");
    let cleared: Vec<&str> = log[last_change + 1..]
        .iter()
        .map(|row| row.what.as_str())
        .collect();
    assert_eq!(
        cleared,
        [
            "cleared mark explained.no: not asked while D and H do not differ",
            "cleared note: not asked while D and H do not differ",
        ]
    );
    assert_eq!(
        log[last_change + 1].record_hash,
        log[last_change].record_hash
    );
    ws.verify_audit().expect("chain intact");
}
