//! The contest (kieskring) of an election: taken from the 230b when the election
//! is built from a 110a and a 230b, checked between a 510b and its 230b, and never
//! written as `geen` for a category whose 230b names a kieskring.

use crate::support::cli::telraam;
use crate::support::eml::{data, import_counts, ok, s, tk_110a, tk_230b, tk_510b};
use telraam::election::Contest;

#[test]
fn tk_election_from_110a_and_230b_takes_the_kieskring_of_the_230b() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = home.path().join("election.toml");
    ok(&telraam(
        home.path(),
        &[
            "import-eml",
            "--definition",
            &tk_110a(),
            "--candidates",
            &tk_230b(),
            "-o",
            s(&file),
        ],
    ));
    let election =
        telraam::election::Election::from_toml(&std::fs::read_to_string(&file).expect("written"))
            .expect("readable");
    assert_eq!(
        election.contest,
        Some(Contest {
            id: "6".into(),
            name: "Nijmegen".into()
        }),
        "the 110a says \"alle\"; the 230b names the kieskring"
    );
}

#[test]
fn a_510b_for_another_kieskring_than_its_230b_is_refused() {
    let home = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(tk_510b()).expect("510b");
    let file = home.path().join("kieskring-7.eml.xml");
    std::fs::write(
        &file,
        text.replacen(
            "<ContestIdentifier Id=\"6\">",
            "<ContestIdentifier Id=\"7\">",
            1,
        ),
    )
    .expect("write");
    let ws = home.path().join("ws");
    let out = import_counts(home.path(), &ws, s(&file), &tk_230b(), Some("en"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("contest 7") && err.contains("contest 6"),
        "{err}"
    );
    assert!(!ws.exists());
}

#[test]
fn ps2_election_from_its_110a_and_a_kieskring_230b_writes_that_kieskring_and_its_province() {
    let home = tempfile::tempdir().expect("temp dir");
    // The head of the real 230b of kieskring 1 (Arnhem), PS2023 Gelderland, one list.
    let cands = home
        .path()
        .join("Kandidatenlijsten_PS2023_Gelderland_Arnhem.eml.xml");
    std::fs::write(
        &cands,
        r#"<EML xmlns:kr="http://www.kiesraad.nl/extensions" xmlns:xal="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0" xmlns:xnl="urn:oasis:names:tc:ciq:xsdschema:xNL:2.0" xmlns="urn:oasis:names:tc:evs:schema:eml" Id="230b" SchemaVersion="5">
    <TransactionId>1</TransactionId>
    <ManagingAuthority>
        <AuthorityIdentifier Id="CSB">Centraal stembureau Gelderland</AuthorityIdentifier>
        <AuthorityAddress></AuthorityAddress>
    </ManagingAuthority>
    <CandidateList>
        <Election>
            <ElectionIdentifier Id="PS2023_Gelderland">
                <ElectionName>Provinciale Staten Gelderland 2023</ElectionName>
                <ElectionCategory>PS</ElectionCategory>
                <kr:ElectionSubcategory>PS2</kr:ElectionSubcategory>
                <kr:ElectionDomain>Gelderland</kr:ElectionDomain>
                <kr:ElectionDate>2023-03-15</kr:ElectionDate>
            </ElectionIdentifier>
            <Contest>
                <ContestIdentifier Id="1">
                    <ContestName>Arnhem</ContestName>
                </ContestIdentifier>
                <Affiliation>
                    <AffiliationIdentifier Id="1">
                        <RegisteredName>VVD</RegisteredName>
                    </AffiliationIdentifier>
                    <Candidate>
                        <CandidateIdentifier Id="1"></CandidateIdentifier>
                        <CandidateFullName>
                            <xnl:PersonName>
                                <xnl:NameLine NameType="Initials">H.W.M.</xnl:NameLine>
                                <xnl:FirstName>Helga</xnl:FirstName>
                                <xnl:LastName>Witjes</xnl:LastName>
                            </xnl:PersonName>
                        </CandidateFullName>
                    </Candidate>
                </Affiliation>
            </Contest>
        </Election>
    </CandidateList>
</EML>
"#,
    )
    .expect("write");
    let file = home.path().join("election.toml");
    ok(&telraam(
        home.path(),
        &[
            "import-eml",
            "--definition",
            &data("definitions/Verkiezingsdefinitie_PS2023_Gelderland.eml.xml"),
            "--candidates",
            s(&cands),
            "-o",
            s(&file),
        ],
    ));
    let mut election =
        telraam::election::Election::from_toml(&std::fs::read_to_string(&file).expect("written"))
            .expect("readable");
    assert_eq!(
        election.contest,
        Some(Contest {
            id: "1".into(),
            name: "Arnhem".into()
        })
    );
    // A municipality of kieskring Arnhem counts it (a 110b would name it).
    election.authority = Some(telraam::election::Authority {
        id: "0202".into(),
        name: "Arnhem".into(),
    });
    election.stations = vec![telraam::election::PollingStation {
        number: 1,
        name: "Stadhuis".into(),
        postcode: String::new(),
        eligible_voters: None,
    }];
    let record = telraam::record::CountRecord::empty(
        &election,
        1,
        telraam::record::EntryMode::Transcription,
    );
    let xml = telraam::eml::write::write("out", &election, &[record], "2023-03-16T01:00:00.000")
        .expect("writes");
    assert!(xml.contains("<kr:ElectionDomain>Gelderland</kr:ElectionDomain>"));
    assert!(xml.contains("<ContestIdentifier Id=\"1\"><ContestName>Arnhem</ContestName>"));
}

#[test]
fn an_export_of_a_category_without_a_contest_is_refused_not_written_as_geen() {
    let mut election = telraam::election::Election::demo();
    election.category = telraam::election::Category::TK;
    election.contest = None;
    let record = telraam::record::CountRecord::empty(
        &election,
        1,
        telraam::record::EntryMode::Transcription,
    );
    let err =
        telraam::eml::write::write("out.xml", &election, &[record], "2026-01-01T00:00:00.000")
            .expect_err("refused");
    assert!(err.words(true).contains("no contest"), "{err}");
}
