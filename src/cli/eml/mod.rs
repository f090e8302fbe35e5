//! `telraam import-eml`, `aggregate`, `export-eml`, `export-csv`: the Kiesraad's
//! EML_NL files in and out, and adding up station records into municipal totals,
//! as the municipality's proces-verbaal does.

use super::Cli;
use super::common::{EXIT_FOUND, fail, settings, workspace_dir};
use super::unsettled::{unsettled, unsettled_line};
use crate::aggregate::{Totals, take_municipal_figures};
use crate::election::{CountingMethod, Election};
use crate::eml::{EmlError, candidates, counts, definition, hash, import, osv, stations, write};
use crate::event::StoredTotals;
use crate::form::Generation;
use crate::i18n::say;
use crate::record::CountRecord;
use crate::storage::Workspace;
use crate::storage::atomic::write_atomic;
use std::path::{Path, PathBuf};

mod export;
mod totals;
mod workspace;

pub use export::{export_csv, export_eml};
pub use totals::aggregate;
pub(super) use workspace::{no_records, none_accepted, open_existing, workspace_records};

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
    /// Its SHA-256 in groups of four, computed once (a 510b can be 100 MB), on
    /// another thread while the file is parsed ([`Input::fingerprint`] waits for it).
    fingerprint: std::sync::OnceLock<String>,
}

impl Input {
    fn read(path: &Path) -> Result<Input, u8> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| fail(&super::common::unreadable(path, &e)))?;
        Ok(Input {
            name,
            bytes,
            fingerprint: std::sync::OnceLock::new(),
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

pub(super) fn eml_fail(e: &EmlError) -> u8 {
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
                return Err(fail(&say(
                    &format!("--form {key}: gebruik before-2026 of from-2026"),
                    &format!("--form {key}: use before-2026 or from-2026"),
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
        let text = input.text()?;
        // A 510b's fingerprint (printed, and kept with its totals) is computed on the
        // other core while the file is parsed: the same value, sooner.
        let count = std::thread::scope(|s| {
            s.spawn(|| input.fingerprint());
            counts::read(&input.name, text)
        })
        .map_err(|e| eml_fail(&e))?;
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
            let name = format!(
                "{} ({} {})",
                input.name,
                say("stembureau", "station"),
                r.station
            );
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
