//! `telraam import-eml`, `aggregate`, `export-eml`, `export-csv`: the Kiesraad's
//! EML_NL files in and out, and adding up station records into municipal totals,
//! as the municipality's proces-verbaal does.

use super::Cli;
use super::common::{
    EXIT_FOUND, fail, language, open_workspace_read_only, settings, workspace_dir,
};
use super::unsettled::{unsettled, unsettled_line};
use crate::aggregate::{Totals, take_municipal_figures};
use crate::election::{CountingMethod, Election};
use crate::eml::{EmlError, candidates, counts, definition, hash, import, osv, stations, write};
use crate::event::StoredTotals;
use crate::form::Generation;
use crate::i18n::say;
use crate::record::CountRecord;
use crate::settings::Language;
use crate::storage::Workspace;
use crate::storage::atomic::write_atomic;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct ImportEmlArgs {
    /// EML 110a: the election definition (verkiezingsdefinitie).
    #[arg(long, value_name = "110a.xml")]
    pub definition: Option<PathBuf>,
    /// EML 230b: the candidate lists (kandidatenlijsten).
    #[arg(long, value_name = "230b.xml")]
    pub candidates: Option<PathBuf>,
    /// EML 110b: the polling stations (stembureaulijst).
    #[arg(long, value_name = "110b.xml")]
    pub stations: Option<PathBuf>,
    /// EML 510b: a municipality's count; its stations go into the workspace (--data DIR).
    #[arg(long, value_name = "510b.xml")]
    pub counts: Option<PathBuf>,
    /// A file's SHA-256 as the Kiesraad prints it ("fae2 12ff …", 16 groups of 4);
    /// checked before anything is read. Give it once per file you have a hash for.
    #[arg(long, value_name = "HASH")]
    pub hash: Vec<String>,
    /// Where the stations count candidate votes: DSO (model N 10-1) or CSO (N 10-2).
    /// A 110a does not say; a 510b does (by carrying candidate votes or not).
    #[arg(long, value_name = "DSO|CSO", default_value = "DSO")]
    pub counting_method: String,
    /// The generation of the proces-verbaal forms, when it is not the one of the
    /// election day: before-2026 (with K to O) or from-2026 ("versie 2027").
    #[arg(long, value_name = "before-2026|from-2026")]
    pub form: Option<String>,
    /// The election file to write (telraam's TOML).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct AggregateArgs {}

#[derive(Debug, clap::Args)]
pub struct ExportEmlArgs {
    /// The 510b file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct ExportCsvArgs {
    /// The CSV file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

/// One input file, read whole.
struct Input {
    name: String,
    bytes: Vec<u8>,
    /// Its SHA-256 in groups of four, computed once (a 510b can be 100 MB).
    fingerprint: std::cell::OnceCell<String>,
}

impl Input {
    fn read(path: &Path) -> Result<Input, u8> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| fail(&super::common::unreadable(path, &e)))?;
        Ok(Input {
            name,
            bytes,
            fingerprint: std::cell::OnceCell::new(),
        })
    }

    fn fingerprint(&self) -> &str {
        self.fingerprint
            .get_or_init(|| crate::verification::fingerprint(&self.bytes))
    }

    /// The text (UTF-8, a byte-order mark dropped).
    fn text(&self) -> Result<&str, u8> {
        let bytes = self
            .bytes
            .strip_prefix(b"\xef\xbb\xbf")
            .unwrap_or(&self.bytes);
        std::str::from_utf8(bytes).map_err(|_| {
            fail(&format!(
                "{}: {}",
                self.name,
                say("geen UTF-8-tekstbestand", "not a UTF-8 text file")
            ))
        })
    }
}

fn eml_fail(e: &EmlError) -> u8 {
    fail(&e.to_string())
}

/// Checks every `--hash` against the files: each must be the SHA-256 of one of them.
fn check_hashes(hashes: &[String], inputs: &[&Input]) -> Result<(), u8> {
    for typed in hashes {
        let Some(hex) = hash::parse(typed) else {
            return Err(fail(&format!(
                "--hash \"{typed}\": {}",
                say(
                    "een hashcode bestaat uit 64 hexadecimale tekens in 16 groepen van 4",
                    "a hash is 64 hex digits, written as 16 groups of 4"
                )
            )));
        };
        match inputs.iter().find(|i| hash::matches(&i.bytes, &hex)) {
            Some(input) => println!(
                "{}: {} ({})",
                say("hashcode klopt", "hash matches"),
                input.name,
                input.fingerprint()
            ),
            None => {
                let names: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
                let names = names.join(", ");
                return Err(fail(&format!(
                    "--hash {typed}: {}",
                    say(
                        &format!(
                            "de hashcode klopt bij geen van de bestanden ({names}); een bestand \
                             is mogelijk gewijzigd, of het is het verkeerde bestand"
                        ),
                        &format!(
                            "matches none of the files ({names}); a file may be altered, or it \
                             is the wrong file"
                        ),
                    )
                )));
            }
        }
    }
    Ok(())
}

fn optional(path: &Option<PathBuf>) -> Result<Option<Input>, u8> {
    path.as_deref().map(Input::read).transpose()
}

pub fn import_eml(cli: &Cli, args: &ImportEmlArgs) -> u8 {
    match import_eml_inner(cli, args) {
        Ok(()) => 0,
        Err(code) => code,
    }
}

fn import_eml_inner(cli: &Cli, args: &ImportEmlArgs) -> Result<(), u8> {
    let counting_method = match args.counting_method.to_ascii_uppercase().as_str() {
        "DSO" => CountingMethod::DSO,
        "CSO" => CountingMethod::CSO,
        other => {
            return Err(fail(&format!(
                "--counting-method {other}: {}",
                say("gebruik DSO of CSO", "use DSO or CSO")
            )));
        }
    };
    let form = match args.form.as_deref() {
        None => None,
        Some(key) => match Generation::ALL.into_iter().find(|g| g.key() == key) {
            Some(g) => Some(g),
            None => {
                return Err(fail(&format!(
                    "--form {key}: use before-2026 or from-2026 / gebruik before-2026 of from-2026"
                )));
            }
        },
    };
    let Some(candidates_path) = &args.candidates else {
        return Err(fail(&say(
            "geef de kandidatenlijsten met --candidates 230b.xml",
            "give the candidate lists with --candidates 230b.xml",
        )));
    };
    if args.counts.is_none() {
        if args.definition.is_none() {
            return Err(fail(&say(
                "geef de verkiezingsdefinitie met --definition 110a.xml",
                "give the election definition with --definition 110a.xml",
            )));
        }
        if args.output.is_none() {
            return Err(fail(&say(
                "geef het te schrijven verkiezingsbestand met -o BESTAND",
                "give the election file to write with -o FILE",
            )));
        }
    }
    let definition_in = optional(&args.definition)?;
    let candidates_in = Input::read(candidates_path)?;
    let stations_in = optional(&args.stations)?;
    let counts_in = optional(&args.counts)?;
    let mut all: Vec<&Input> = Vec::new();
    all.extend(definition_in.as_ref());
    all.push(&candidates_in);
    all.extend(stations_in.as_ref());
    all.extend(counts_in.as_ref());
    check_hashes(&args.hash, &all)?;

    let def = match &definition_in {
        Some(i) => Some(definition::read(&i.name, i.text()?).map_err(|e| eml_fail(&e))?),
        None => None,
    };
    let cands =
        candidates::read(&candidates_in.name, candidates_in.text()?).map_err(|e| eml_fail(&e))?;
    let st = match &stations_in {
        Some(i) => Some(stations::read(&i.name, i.text()?).map_err(|e| eml_fail(&e))?),
        None => None,
    };
    let mut election = import::election(&import::ElectionSources {
        definition: definition_in
            .as_ref()
            .zip(def.as_ref())
            .map(|(i, d)| (i.name.as_str(), d)),
        candidates: (&candidates_in.name, &cands),
        stations: stations_in
            .as_ref()
            .zip(st.as_ref())
            .map(|(i, s)| (i.name.as_str(), s)),
        counting_method,
        form,
    })
    .map_err(|e| eml_fail(&e))?;

    let mut count_import = None;
    let mut count_file = None;
    if let Some(input) = &counts_in {
        let count = counts::read(&input.name, input.text()?).map_err(|e| eml_fail(&e))?;
        let imported = import::counts(&input.name, &count, &candidates_in.name, &cands)
            .map_err(|e| eml_fail(&e))?;
        // The 510b's own stations (with their kiesgerechtigden) are what the records need;
        // a 110b or 110a given alongside was checked above to be the same election.
        let mut from_counts = imported.election.clone();
        if let Some(def) = &def {
            from_counts.name = def.election.name.clone();
        }
        election = from_counts;
        count_import = Some(imported);
        count_file = Some(count);
    }

    // Every record must be one the workspace can store and read back (the limits of
    // a result file), before anything is created: the workspace's own check.
    if let (Some(imported), Some(input)) = (&count_import, &counts_in) {
        for r in &imported.records {
            let name = format!("{} (station {})", input.name, r.station);
            crate::result_file::storable(&name, r, &imported.election)
                .map_err(|e| fail(&e.to_string()))?;
        }
    }

    // Everything is read and checked: now write (the workspace first: it can still
    // refuse, when it holds another election).
    if let (Some(mut imported), Some(input), Some(count)) = (count_import, &counts_in, &count_file)
    {
        let settings = settings(cli)?;
        let dir = workspace_dir(cli, &settings);
        let existing = if Workspace::exists(&dir) {
            let ws = Workspace::open(&dir).map_err(|e| fail(&format!("{}: {e}", dir.display())))?;
            (ws.election().id == election.id && *ws.election() != election).then_some(ws)
        } else {
            None
        };
        let mut workspace = match existing {
            // The same election was set up here before (from its 110a, 110b and 230b):
            // keep that, and read the stations' figures against it.
            Some(ws) => {
                imported.records = count
                    .units
                    .iter()
                    .map(|u| import::record(&input.name, ws.election(), u.station, &u.votes))
                    .collect::<Result<_, _>>()
                    .map_err(|e| eml_fail(&e))?;
                ws
            }
            None => Workspace::init(&dir, election.clone()).map_err(|e| fail(&e.to_string()))?,
        };
        let stations: Vec<u32> = imported.records.iter().map(|r| r.station).collect();
        super::common::guard_write(&dir, &mut workspace, &stations)?;
        let what = format!("import-eml 510b {}", input.name);
        let totals = imported.file_totals.map(|totals| StoredTotals {
            source: input.name.clone(),
            fingerprint: input.fingerprint().to_string(),
            election_id: election.id.clone(),
            totals,
        });
        workspace
            .put_510b(
                &imported.records,
                totals.as_ref(),
                &settings.operator(),
                &what,
            )
            .map_err(|e| fail(&format!("{}: {e}", dir.display())))?;
        let (n, from, into) = (imported.records.len(), &input.name, dir.display());
        println!(
            "{}",
            say(
                &format!("{n} stembureaus ingelezen uit {from} in werkmap {into}"),
                &format!("{n} polling stations imported from {from} into workspace {into}")
            )
        );
        println!("SHA-256 {}: {}", input.name, input.fingerprint());
    }
    if let Some(output) = &args.output {
        let mut text = format!(
            "# Election file written by `telraam import-eml` from the Kiesraad's EML_NL files:\n# {}\n",
            all.iter()
                .map(|i| format!("{} (SHA-256 {})", i.name, i.fingerprint()))
                .collect::<Vec<_>>()
                .join("\n# ")
        );
        text.push_str(&election.to_toml());
        write_atomic(output, text.as_bytes()).map_err(|e| fail(&e.to_string()))?;
        let (id, to) = (&election.id, output.display());
        let (lists, stations) = (election.lists.len(), election.stations.len());
        println!(
            "{}",
            say(
                &format!(
                    "verkiezing {id} geschreven naar {to} ({lists} lijsten, {stations} \
                     stembureaus)"
                ),
                &format!(
                    "election {id} written to {to} ({lists} lists, {stations} polling stations)"
                )
            )
        );
    }
    Ok(())
}

/// The workspace, which must exist, and the language.
fn open_existing(cli: &Cli) -> Result<(Workspace, Language), u8> {
    let settings = settings(cli)?;
    let lang = language(cli, &settings)?;
    let dir = workspace_dir(cli, &settings);
    if !Workspace::exists(&dir) {
        return Err(fail(&format!(
            "{}: {}",
            dir.display(),
            say(
                "hier is geen werkmap; lees eerst tellingen in (telraam import-eml --counts …)",
                "no workspace here; import counts first (telraam import-eml --counts …)"
            )
        )));
    }
    Ok((open_workspace_read_only(cli, &settings)?, lang))
}

fn no_records(dir: &Path) -> String {
    format!(
        "{}: {}",
        dir.display(),
        say(
            "de werkmap bevat nog geen stembureau-uitslagen",
            "the workspace holds no station records yet"
        )
    )
}

/// The workspace's election and every station's latest record that may be added
/// up (not one still at the desk's double entry); a workspace must exist. Names the
/// stations left out on stderr.
fn workspace_records(cli: &Cli) -> Result<(Workspace, Election, Vec<CountRecord>, Language), u8> {
    let (workspace, lang) = open_existing(cli)?;
    let election = workspace.election().clone();
    let unsettled = unsettled(&workspace)?;
    let records: Vec<CountRecord> = workspace
        .records()
        .map_err(|e| fail(&format!("{}: {e}", workspace.dir().display())))?
        .into_iter()
        .filter(|r| !unsettled.contains_key(&r.station))
        .collect();
    if let Some(line) = unsettled_line(&unsettled, lang.is_english()) {
        eprintln!("telraam: {line}");
    }
    if records.is_empty() {
        return Err(fail(&no_records(workspace.dir())));
    }
    Ok((workspace, election, records, lang))
}

pub fn aggregate(cli: &Cli, _args: &AggregateArgs) -> u8 {
    let (workspace, lang) = match open_existing(cli) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let election = workspace.election().clone();
    // From the summary table's figures: no record body is parsed. A station still at
    // the desk's double entry is not added up.
    let unsettled = match unsettled(&workspace) {
        Ok(u) => u,
        Err(code) => return code,
    };
    let mut totals = Totals::for_election(&election);
    let mut counted = std::collections::BTreeSet::new();
    if let Err(e) = workspace.for_each_latest_figures(|record| {
        if unsettled.contains_key(&record.station) {
            return;
        }
        totals.add_record(&election, record);
        counted.insert(record.station);
    }) {
        return fail(&format!("{}: {e}", workspace.dir().display()));
    }
    if counted.is_empty() {
        if let Some(line) = unsettled_line(&unsettled, lang.is_english()) {
            eprintln!("telraam: {line}");
        }
        return fail(&no_records(workspace.dir()));
    }
    let stored = match workspace.totals_510b() {
        Ok(s) => s.filter(|s| s.election_id == election.id),
        Err(e) => return fail(&e.to_string()),
    };
    let taken = stored
        .as_ref()
        .map(|s| take_municipal_figures(&mut totals, &s.totals))
        .unwrap_or_default();
    let en = lang.is_english();
    if en {
        println!(
            "Municipal totals: {} ({} polling stations)",
            election,
            counted.len()
        );
    } else {
        println!(
            "Gemeentelijke totalen: {} ({} stembureaus)",
            election,
            counted.len()
        );
    }
    print_totals(&totals, &election, en);
    if let Some(line) = unsettled_line(&unsettled, en) {
        println!("{line}");
    }
    let missing: Vec<String> = election
        .stations
        .iter()
        .filter(|s| !counted.contains(&s.number) && !unsettled.contains_key(&s.number))
        .map(|s| s.number.to_string())
        .collect();
    if !missing.is_empty() {
        if en {
            println!(
                "Not yet counted in: {} polling stations without a record ({})",
                missing.len(),
                missing.join(", ")
            );
        } else {
            println!(
                "Nog niet meegeteld: {} stembureaus zonder uitslag ({})",
                missing.len(),
                missing.join(", ")
            );
        }
    }
    let Some(stored) = stored else {
        return 0;
    };
    for key in &taken {
        if en {
            println!(
                "{key}: the figure of the whole municipality, from {} (no polling station has one)",
                stored.source
            );
        } else {
            println!(
                "{key}: het getal van de hele gemeente, uit {} (geen stembureau heeft er een)",
                stored.source
            );
        }
    }
    let differences = totals.differences(&stored.totals, &election);
    println!();
    if differences.is_empty() {
        if en {
            println!("Equal to the totals in {} in every figure.", stored.source);
        } else {
            println!("Gelijk aan de totalen in {} in elk getal.", stored.source);
        }
        return 0;
    }
    if en {
        println!(
            "{} differences from the totals in {}:",
            differences.len(),
            stored.source
        );
    } else {
        println!(
            "{} verschillen met de totalen in {}:",
            differences.len(),
            stored.source
        );
    }
    for d in &differences {
        let label = if en { &d.label_en } else { &d.label_nl };
        let (ours, theirs) = if en {
            ("added up", "file")
        } else {
            ("opgeteld", "bestand")
        };
        println!(
            "  {:<10} {:<40} {ours} {:>10}  {theirs} {:>10}",
            d.key,
            label.trim(),
            d.ours,
            d.theirs
        );
    }
    EXIT_FOUND
}

/// Stations whose record has an empty box that the files must hold as a number (A, B,
/// D, E, F, G, every E.n and, under DSO, every candidate). Exported, such a box reads 0.
fn stations_with_empty_boxes(election: &Election, records: &[CountRecord]) -> Vec<u32> {
    records
        .iter()
        .filter(|r| {
            let v = &r.voters;
            let e = &r.votes;
            [v.poll_cards, v.proxy_certificates, v.total_admitted]
                .iter()
                .chain([e.total_on_lists, e.blank, e.invalid].iter())
                .any(Option::is_none)
                || e.lists.iter().any(|l| l.total.is_none())
                || (election.counting_method.counts_candidates()
                    && r.candidate_votes
                        .iter()
                        .any(|c| c.votes.iter().any(|(_, v)| v.is_none())))
        })
        .map(|r| r.station)
        .collect()
}

/// Warns (stderr) about stations with empty boxes, which an export writes as 0.
fn warn_empty_boxes(election: &Election, records: &[CountRecord]) {
    let stations = stations_with_empty_boxes(election, records);
    if stations.is_empty() {
        return;
    }
    let list = stations
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    eprintln!(
        "telraam: {}",
        say(
            &format!("let op: stembureau {list} heeft lege vakjes; die staan als 0 in het bestand"),
            &format!("warning: polling station {list} has empty boxes; the file holds them as 0")
        )
    );
}

fn print_totals(totals: &Totals, election: &Election, en: bool) {
    use std::io::Write as _;
    let mut text = String::new();
    for entry in totals.entries(election) {
        let label = if en { &entry.label_en } else { &entry.label_nl };
        let key = if entry.key.starts_with("cand.") || entry.key == "kiesgerechtigden" {
            ""
        } else {
            entry.key.as_str()
        };
        text.push_str(&format!("{key:>5}  {label:<44} {:>11}\n", entry.value));
    }
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// The imported 510b's own totals, when they are of this election: where the
/// municipal figures that no station has come from.
fn file_totals(workspace: &Workspace, election: &Election) -> Result<Option<Totals>, u8> {
    let stored = workspace.totals_510b().map_err(|e| fail(&e.to_string()))?;
    Ok(stored
        .filter(|s| s.election_id == election.id)
        .map(|s| s.totals))
}

pub fn export_eml(cli: &Cli, args: &ExportEmlArgs) -> u8 {
    let (workspace, election, records, _) = match workspace_records(cli) {
        Ok(x) => x,
        Err(code) => return code,
    };
    warn_empty_boxes(&election, &records);
    let file_totals = match file_totals(&workspace, &election) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let target = args.output.display().to_string();
    let text = match write::write_with(
        &target,
        &election,
        &records,
        &write::now(),
        file_totals.as_ref(),
    ) {
        Ok(t) => t,
        Err(e) => return eml_fail(&e),
    };
    if let Err(e) = write_atomic(&args.output, text.as_bytes()) {
        return fail(&e.to_string());
    }
    let n = records.len();
    println!(
        "{}",
        say(
            &format!("510b geschreven: {target} ({n} stembureaus)"),
            &format!("510b written: {target} ({n} polling stations)")
        )
    );
    println!(
        "SHA-256: {}",
        crate::verification::fingerprint(text.as_bytes())
    );
    0
}

pub fn export_csv(cli: &Cli, args: &ExportCsvArgs) -> u8 {
    let (workspace, election, records, _) = match workspace_records(cli) {
        Ok(x) => x,
        Err(code) => return code,
    };
    warn_empty_boxes(&election, &records);
    let file_totals = match file_totals(&workspace, &election) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let text = osv::write_with(&election, &records, file_totals.as_ref());
    if let Err(e) = write_atomic(&args.output, text.as_bytes()) {
        return fail(&e.to_string());
    }
    let (to, n) = (args.output.display(), records.len());
    println!(
        "{}",
        say(
            &format!("OSV 4-3 CSV geschreven: {to} ({n} stembureaus)"),
            &format!("OSV 4-3 CSV written: {to} ({n} polling stations)")
        )
    );
    0
}
