use super::super::content::{CandidateRow, Section};
use super::columns::COLUMN_WIDTH;
use super::*;

/// Every character 0.5 em wide: enough to test placement.
struct Fixed;
impl Measure for Fixed {
    fn width_mm(&self, text: &str, size: f32, _style: Style) -> f32 {
        text.chars().count() as f32 * 0.5 * size / super::super::fonts::PT_PER_MM
    }
}

fn annex(sections: Vec<Section>) -> Annex {
    Annex {
        title: "Bijlage".into(),
        header: vec![("Stembureau".into(), "1 Studio".into())],
        concept: false,
        footer: "Stembureau 1 · code 1234-5".into(),
        sections,
    }
}

fn texts(page: &Page) -> Vec<(f32, f32, &str)> {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Text { x, y, text, .. } => Some((*x, *y, text.as_str())),
            _ => None,
        })
        .collect()
}

fn big_table(list: u32, rows: usize) -> CandidateTable {
    CandidateTable {
        title: format!("Lijst {list} – Partij {list}"),
        rows: (1..=rows)
            .map(|n| CandidateRow {
                number: n.to_string(),
                name: format!("Kandidaat {list}-{n}"),
                votes: format!("{}", 1000 + n),
            })
            .collect(),
        total: "99999".into(),
    }
}

#[test]
fn figures_are_right_aligned_on_one_edge() {
    let rows = ["7", "1212", "(leeg)"]
        .iter()
        .map(|v| Figure {
            letter: "A".into(),
            label: "Stempassen".into(),
            value: v.to_string(),
            total: false,
        })
        .collect();
    let pages = layout(
        &annex(vec![Section {
            title: "1".into(),
            blocks: vec![Block::Figures(rows)],
        }]),
        &Fixed,
    );
    for value in ["7", "1212", "(leeg)"] {
        let (x, _, _) = texts(&pages[0])
            .into_iter()
            .find(|(_, _, t)| *t == value)
            .unwrap();
        let right = x + Fixed.width_mm(value, BODY, Style::Regular);
        assert!((right - (RIGHT - 1.0)).abs() < 0.001, "{value}: {right}");
    }
}

#[test]
fn long_candidate_lists_flow_through_columns_and_pages_with_repeated_headers() {
    let tables: Vec<_> = (1..=5).map(|l| big_table(l, 80)).collect();
    let pages = layout(
        &annex(vec![Section {
            title: "5. Stemmen per kandidaat".into(),
            blocks: vec![Block::Candidates(tables)],
        }]),
        &Fixed,
    );
    assert!(pages.len() >= 4, "{} pages", pages.len());
    let all: Vec<(usize, f32, f32, &str)> = pages
        .iter()
        .enumerate()
        .flat_map(|(p, page)| texts(page).into_iter().map(move |(x, y, t)| (p, x, y, t)))
        .collect();
    // Every candidate's votes exactly once, inside the page's body.
    for l in 1..=5 {
        for n in 1..=80 {
            let name = format!("Kandidaat {l}-{n}");
            let hits: Vec<_> = all.iter().filter(|(_, _, _, t)| *t == name).collect();
            assert_eq!(hits.len(), 1, "{name}");
            let (_, x, y, _) = hits[0];
            assert!(*y <= BOTTOM && *y >= TOP, "{name} at y {y}");
            assert!(*x >= LEFT && *x < RIGHT, "{name} at x {x}");
        }
    }
    // A continued list repeats its header at the top of the next column.
    assert!(all.iter().any(|(_, _, _, t)| t.ends_with("(vervolg)")));
    // Both columns are used.
    let second_column = LEFT + COLUMN_WIDTH + COLUMN_GAP;
    assert!(all.iter().any(|(_, x, _, _)| *x >= second_column));
    // Every page has its footer "pagina x van y".
    for (i, page) in pages.iter().enumerate() {
        let wanted = format!("pagina {} van {}", i + 1, pages.len());
        assert!(texts(page).iter().any(|(_, _, t)| *t == wanted), "{wanted}");
    }
}

/// `count` plain figure rows, to fill a page up to a chosen point.
fn filler_rows(count: usize) -> Vec<Figure> {
    (0..count)
        .map(|n| Figure {
            letter: String::new(),
            label: format!("regel {n}"),
            value: n.to_string(),
            total: false,
        })
        .collect()
}

#[test]
fn a_heading_is_never_left_alone_at_the_bottom_of_a_page() {
    let filler = filler_rows(43);
    let pages = layout(
        &annex(vec![
            Section {
                title: "Eerst".into(),
                blocks: vec![Block::Figures(filler)],
            },
            Section {
                title: "Daarna".into(),
                blocks: vec![Block::Text("inhoud".into())],
            },
        ]),
        &Fixed,
    );
    let page_of = |wanted: &str| {
        pages
            .iter()
            .position(|p| texts(p).iter().any(|(_, _, t)| *t == wanted))
            .unwrap()
    };
    assert_eq!(page_of("Daarna"), page_of("inhoud"));
}

fn page_of(pages: &[Page], wanted: &str) -> usize {
    pages
        .iter()
        .position(|p| texts(p).iter().any(|(_, _, t)| *t == wanted))
        .unwrap_or_else(|| panic!("{wanted} not laid out"))
}

#[test]
fn a_heading_stays_with_the_first_line_of_a_candidate_table_or_code_wherever_it_falls() {
    for rows in 30..48 {
        let pages = layout(
            &annex(vec![
                Section {
                    title: "Eerst".into(),
                    blocks: vec![Block::Figures(filler_rows(rows))],
                },
                Section {
                    title: "Kandidaten".into(),
                    blocks: vec![Block::Candidates(vec![big_table(1, 40)])],
                },
                Section {
                    title: "Controlecode".into(),
                    blocks: vec![Block::Codes(CodeBlock {
                        record: vec!["1234-5".into()],
                        sections: vec![],
                        fingerprint: String::new(),
                        audit_head: String::new(),
                    })],
                },
            ]),
            &Fixed,
        );
        let first_row = &big_table(1, 40).rows[0].name;
        assert_eq!(
            page_of(&pages, "Kandidaten"),
            page_of(&pages, first_row),
            "after {rows} rows"
        );
        assert_eq!(
            page_of(&pages, "Controlecode"),
            page_of(&pages, "1234-5"),
            "after {rows} rows"
        );
    }
}

#[test]
fn the_signatures_never_stand_on_a_page_without_the_key_totals_above_them() {
    for rows in 0..48 {
        let pages = layout(
            &annex(vec![
                Section {
                    title: "Eerst".into(),
                    blocks: vec![Block::Figures(filler_rows(rows))],
                },
                Section {
                    title: "Ondertekening".into(),
                    blocks: vec![
                        Block::Text("Kerncijfers:".into()),
                        Block::Figures(vec![Figure {
                            letter: "H".into(),
                            label: "Totaal uitgebrachte stemmen".into(),
                            value: "826".into(),
                            total: true,
                        }]),
                        Block::Text("Door de voorzitter en twee leden.".into()),
                        Block::Signatures(vec![
                            "Voorzitter".into(),
                            "Lid".into(),
                            "Lid".into(),
                            "Lid".into(),
                            "Lid".into(),
                        ]),
                    ],
                },
            ]),
            &Fixed,
        );
        assert_eq!(
            page_of(&pages, "Totaal uitgebrachte stemmen"),
            page_of(&pages, "Voorzitter"),
            "after {rows} rows"
        );
    }
}

#[test]
fn signatures_stay_together_and_concept_marks_every_page() {
    let mut a = annex(vec![
        Section {
            title: "Kandidaten".into(),
            blocks: vec![Block::Candidates(vec![big_table(1, 100)])],
        },
        Section {
            title: "Ondertekening".into(),
            blocks: vec![Block::Signatures(vec![
                "Voorzitter".into(),
                "Lid".into(),
                "Lid".into(),
            ])],
        },
    ]);
    a.concept = true;
    let pages = layout(&a, &Fixed);
    let with_signatures: Vec<usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            texts(p)
                .iter()
                .any(|(_, _, t)| *t == "Voorzitter" || *t == "Lid")
        })
        .map(|(i, _)| i)
        .collect();
    assert_eq!(with_signatures.len(), 1);
    assert!(
        pages
            .iter()
            .all(|p| matches!(p.items.first(), Some(Item::Watermark(t)) if t == "CONCEPT"))
    );
}

#[test]
fn the_signature_heading_goes_to_the_page_of_the_signatures() {
    let filler = filler_rows(32);
    let pages = layout(
        &annex(vec![
            Section {
                title: "Eerst".into(),
                blocks: vec![Block::Figures(filler)],
            },
            Section {
                title: "Ondertekening".into(),
                blocks: vec![
                    Block::Text("Door de voorzitter en twee leden.".into()),
                    Block::Signatures(vec!["Voorzitter".into(), "Lid".into(), "Lid".into()]),
                ],
            },
        ]),
        &Fixed,
    );
    let page_of = |wanted: &str| {
        pages
            .iter()
            .position(|p| texts(p).iter().any(|(_, _, t)| *t == wanted))
            .unwrap()
    };
    assert_eq!(page_of("Ondertekening"), page_of("Voorzitter"));
    assert_eq!(
        page_of("Door de voorzitter en twee leden."),
        page_of("Voorzitter")
    );
}

#[test]
fn text_that_does_not_fit_is_shortened_or_wrapped_never_overflowing() {
    let long = "een zeer lange naam die nooit in een smalle kolom past";
    let short = fit(&Fixed, long, 10.0, Style::Regular, 30.0);
    assert!(short.ends_with('…'));
    assert!(Fixed.width_mm(&short, 10.0, Style::Regular) <= 30.0);
    let lines = wrap(&Fixed, long, 10.0, Style::Regular, 30.0);
    assert!(lines.len() > 1);
    assert_eq!(lines.join(" "), long);
    for line in lines {
        assert!(Fixed.width_mm(&line, 10.0, Style::Regular) <= 30.0);
    }
}
