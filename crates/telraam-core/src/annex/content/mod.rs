//! What the annex prints, in the order of the paper form, as plain data. No
//! positions here: [`super::layout`] places it on pages. The annex is in Dutch, as
//! the proces-verbaal it is stapled to; the form's letters are kept exactly.

mod figures;
mod results;

use super::AnnexInput;
use crate::lifecycle::Gate;
use crate::record::{Count, CountRecord, RecordState};
use figures::{form_sections, key_totals};
use results::{open_results_section, warnings_section};

/// The whole annex.
#[derive(Debug, Clone, PartialEq)]
pub struct Annex {
    pub title: String,
    /// Page-1 header: (label, value), e.g. ("Stembureau", "1 Studio The Rules").
    pub header: Vec<(String, String)>,
    /// Not finalised: "CONCEPT" across every page.
    pub concept: bool,
    /// Footer of every page: the station and the record code.
    pub footer: String,
    pub sections: Vec<Section>,
}

/// A numbered part of the annex with a heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Rows of letter, label and a right-aligned figure.
    Figures(Vec<Figure>),
    /// A paragraph, wrapped to the page width.
    Text(String),
    /// DSO candidate votes, one table per list; flows through columns and pages.
    Candidates(Vec<CandidateTable>),
    /// The verification code, large, and what else identifies the record.
    Codes(CodeBlock),
    /// One or more QR codes (one per part of the result file).
    Qr(Vec<QrPart>),
    /// Signature lines, kept together on one page.
    Signatures(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The letter as printed on the form ("A", "E.3"), or "" for derived lines.
    pub letter: String,
    pub label: String,
    pub value: String,
    /// Totals (D, E, H) are printed bold.
    pub total: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CandidateTable {
    /// "Lijst 3 – Partij voor de Juinen".
    pub title: String,
    pub rows: Vec<CandidateRow>,
    /// "Totaal lijst" at the foot of the list's page, as the record holds it.
    pub total: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CandidateRow {
    pub number: String,
    pub name: String,
    pub votes: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CodeBlock {
    /// The record code's groups, e.g. ["1234-5", "6789-0", …]; empty if none.
    pub record: Vec<String>,
    /// (section name, group).
    pub sections: Vec<(String, String)>,
    pub fingerprint: String,
    pub audit_head: String,
}

/// One QR code: its modules, row by row, and the caption under it.
#[derive(Debug, Clone, PartialEq)]
pub struct QrPart {
    pub width: usize,
    /// `width * width` modules; true is dark.
    pub modules: Vec<bool>,
    pub caption: String,
}

/// How an empty box is printed: clearly not a zero.
pub const EMPTY: &str = "(leeg)";

/// A count as printed: the digits without separators, as on the paper form.
pub fn figure_text(count: Count) -> String {
    match count {
        Some(n) => n.to_string(),
        None => EMPTY.to_string(),
    }
}

/// The record code as printed on one line: groups separated by two spaces.
pub fn record_code_text(groups: &[String]) -> String {
    if groups.is_empty() {
        "(geen code)".to_string()
    } else {
        groups.join("  ")
    }
}

/// Builds the annex's content from the input.
pub fn build(input: &AnnexInput, qr: Vec<QrPart>) -> Annex {
    let election = input.election;
    let record = input.record;
    let station = election.station(record.station);
    let station_text = match station {
        Some(s) => format!("{} {}", record.station, s.name),
        None => record.station.to_string(),
    };
    let mut header = vec![
        ("Verkiezing".to_string(), election.name.clone()),
        ("Datum".to_string(), election.date.clone()),
    ];
    if let Some(authority) = &election.authority {
        header.push((
            "Gemeente".to_string(),
            format!("{} ({})", authority.name, authority.id),
        ));
    }
    header.push(("Stembureau".to_string(), station_text.clone()));
    if let Some(postcode) = station
        .map(|s| s.postcode.as_str())
        .filter(|p| !p.is_empty())
    {
        header.push(("Postcode".to_string(), postcode.to_string()));
    }
    header.push((
        "Model".to_string(),
        format!(
            "{} ({})",
            record.counting_method.model(),
            match record.counting_method {
                crate::election::CountingMethod::DSO => "decentrale stemopneming",
                crate::election::CountingMethod::CSO => "centrale stemopneming",
            }
        ),
    ));
    header.push(("Versie".to_string(), version_text(record)));
    if record.lifecycle.version > 1 || !record.lifecycle.correction_reason.is_empty() {
        let reason = if record.lifecycle.correction_reason.is_empty() {
            "(geen reden opgegeven)".to_string()
        } else {
            record.lifecycle.correction_reason.clone()
        };
        header.push(("Reden van de correctie".to_string(), reason));
    }
    // A finalised annex never carries an error: a record that says finalised but
    // does not pass the finalise gate (a file made or changed by hand) is printed as
    // a concept, with what stands in the way.
    let gate = Gate::check(election, record, &record.lifecycle.acknowledged_warnings);
    let finalised = record.lifecycle.state == RecordState::Finalised && gate.passes();
    header.push((
        "Status".to_string(),
        match (record.lifecycle.state, finalised) {
            (_, true) => "vastgesteld".to_string(),
            (RecordState::Finalised, false) => {
                "CONCEPT – het bestand zegt vastgesteld, maar er zijn fouten of niet \
                 geaccepteerde waarschuwingen"
                    .to_string()
            }
            (RecordState::Draft, false) => "CONCEPT – nog niet vastgesteld".to_string(),
        },
    ));

    let mut sections = Vec::new();
    if !gate.passes() {
        sections.push(open_results_section(input));
    }
    sections.extend(form_sections(input));
    sections.push(warnings_section(input));
    sections.push(Section {
        title: "Controlecode".to_string(),
        blocks: vec![
            Block::Text(
                "Lees de code groep voor groep voor, cijfer voor cijfer, aan de gemeente."
                    .to_string(),
            ),
            Block::Codes(CodeBlock {
                record: input.codes.record.clone(),
                sections: input
                    .codes
                    .sections
                    .iter()
                    .map(|s| (s.name(false), s.group.clone()))
                    .collect(),
                fingerprint: input.fingerprint.clone(),
                audit_head: input.audit_head.clone(),
            }),
        ],
    });
    if !qr.is_empty() {
        let explanation = if qr.len() == 1 {
            "De QR-code bevat dit hele proces-verbaal als resultaatbestand (telraam-result-1)."
                .to_string()
        } else {
            format!(
                "De {} QR-codes bevatten samen dit hele proces-verbaal als resultaatbestand \
                 (telraam-result-1); scan ze allemaal.",
                qr.len()
            )
        };
        sections.push(Section {
            title: "QR-code".to_string(),
            blocks: vec![Block::Text(explanation), Block::Qr(qr)],
        });
    }
    sections.push(Section {
        title: "Ondertekening".to_string(),
        blocks: vec![
            // The signatures never stand on a page without figures above them: the
            // key totals are repeated here, and the section is kept on one page.
            Block::Text("Kerncijfers van dit proces-verbaal, ter controle:".to_string()),
            Block::Figures(key_totals(input)),
            Block::Text(
                "Door de voorzitter en ten minste twee leden van het stembureau.".to_string(),
            ),
            Block::Signatures(vec![
                "Voorzitter".to_string(),
                "Lid".to_string(),
                "Lid".to_string(),
                "Lid".to_string(),
                "Lid".to_string(),
            ]),
        ],
    });

    let code = record_code_text(&input.codes.record);
    Annex {
        title: format!(
            "Bijlage bij het proces-verbaal {}",
            record.counting_method.model()
        ),
        header,
        concept: !finalised,
        footer: format!("Stembureau {station_text} · code {code}"),
        sections,
    }
}

/// "origineel" or "corrigendum 2 (versie 3)".
pub fn version_text(record: &CountRecord) -> String {
    match record.lifecycle.version {
        0 | 1 => "origineel (versie 1)".to_string(),
        v => format!("corrigendum {} (versie {v})", v - 1),
    }
}

#[cfg(test)]
mod tests;
