//! `telraam import FILE...`: add result files to the workspace. Every file is read
//! and checked first; if one is bad, nothing is imported.

use super::Cli;
use super::common::{EXIT_FOUND, fail, guard_write, language, settings, workspace_dir};
use crate::annex::qr;
use crate::desk::Source;
use crate::election::Election;
use crate::form::{Generation, Section};
use crate::i18n::say;
use crate::record::CountRecord;
use crate::result_file;
use crate::storage::Workspace;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Result files (TOML), one polling station each; or a text file with the
    /// scanned QR codes of an annex (parts `telraam-qr i/n`, in any order).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Reads one file: a result file, or the texts a scanner read from an annex's QR
/// codes (parts starting with `telraam-qr i/n`), which are put back together first.
fn read_one(path: &Path, election: &Election) -> Result<(CountRecord, Source), String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| super::common::unreadable(path, &e))?;
    if qr::is_scanned_parts(&text) {
        let joined = qr::join(&qr::split_scanned(&text)).map_err(|e| format!("{name}: {e}"))?;
        return result_file::from_toml(&name, &joined, election)
            .map(|r| (r, Source::QrScan))
            .map_err(|e| e.to_string());
    }
    result_file::from_toml(&name, &text, election)
        .map(|r| (r, Source::ResultFile))
        .map_err(|e| e.to_string())
}

/// Reads every file against the election; Err lists every problem found.
fn read_all(
    files: &[PathBuf],
    election: &Election,
) -> Result<Vec<(CountRecord, Source)>, Vec<String>> {
    let mut records: Vec<(CountRecord, Source)> = Vec::new();
    let mut problems = Vec::new();
    let mut seen: Vec<(u32, String)> = Vec::new();
    for path in files {
        let name = path.display().to_string();
        match read_one(path, election) {
            Ok((record, source)) => {
                if let Some((_, first)) = seen.iter().find(|(s, _)| *s == record.station) {
                    let station = record.station;
                    problems.push(format!(
                        "{name}: station: {}",
                        say(
                            &format!(
                                "stembureau {station} staat ook in {first}; lees ze een voor een in"
                            ),
                            &format!("station {station} is also in {first}; import one at a time"),
                        )
                    ));
                } else {
                    seen.push((record.station, name));
                    records.push((record, source));
                }
            }
            Err(e) => problems.push(e),
        }
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(problems)
    }
}

pub fn run(cli: &Cli, args: &ImportArgs) -> u8 {
    let settings = match settings(cli) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let dir = workspace_dir(cli, &settings);
    // A workspace that does not exist yet would be seeded with the demo: check the
    // files against the demo before creating anything.
    let existing = Workspace::exists(&dir);
    let election = if existing {
        match Workspace::open_read_only(&dir) {
            Ok(ws) => ws.election().clone(),
            Err(e) => return fail(&format!("{}: {e}", dir.display())),
        }
    } else {
        Election::demo()
    };
    let read = match read_all(&args.files, &election) {
        Ok(r) => r,
        Err(problems) => {
            for p in &problems {
                fail(p);
            }
            let (bad, all) = (problems.len(), args.files.len());
            return fail(&say(
                &format!("niets ingelezen: {bad} van {all} bestanden zijn fout"),
                &format!("nothing imported: {bad} of {all} files are bad"),
            ));
        }
    };
    // Each file is a station's own record: at the desk it counts as one entry of the
    // double entry (crate::desk); the scanned QR codes and the result file alike.
    let (records, sources): (Vec<CountRecord>, Vec<Source>) = read.into_iter().unzip();
    let mut ws = match Workspace::open(&dir) {
        Ok(ws) => ws,
        Err(e) => return fail(&format!("{}: {e}", dir.display())),
    };
    let english = language(cli, &settings).is_ok_and(|l| l.is_english());
    let stations: Vec<u32> = records.iter().map(|r| r.station).collect();
    if let Err(code) = guard_write(&dir, &mut ws, &stations) {
        return code;
    }
    let demoted = match ws.put_records_from(&records, &settings.operator(), "import", &sources) {
        Ok(demoted) => demoted,
        Err((index, e)) => {
            let file = args
                .files
                .iter()
                .zip(&records)
                .nth(index)
                .map(|(f, _)| f.display().to_string())
                .unwrap_or_default();
            fail(&format!("{file}: {e}"));
            return fail(&say("niets ingelezen", "nothing imported"));
        }
    };
    // What the phone check of each station found against the record that arrived.
    let checks = ws.phone_checks().unwrap_or_default();
    // Where each station now stands at the desk's double entry (docs/desk.md).
    let stages = ws.entry_states().unwrap_or_default();
    for (file, record) in args.files.iter().zip(&records) {
        let (station, version) = (record.station, record.lifecycle.version);
        let desk = stages
            .iter()
            .find(|s| s.station == station)
            .map(|s| {
                let stage = super::unsettled::stage_name(s.stage, english);
                say(
                    &format!("; dubbele invoer: {stage}"),
                    &format!("; double entry: {stage}"),
                )
            })
            .unwrap_or_default();
        let phone = checks
            .iter()
            .find(|c| c.station == station)
            .and_then(|c| c.comparison.as_ref())
            .filter(|c| c.version == version.max(1))
            .map(|c| format!("; {}", phone_finding(c, election.generation())))
            .unwrap_or_default();
        println!(
            "{}: {}{desk}{phone}",
            file.display(),
            say(
                &format!("stembureau {station} versie {version}"),
                &format!("station {station} version {version}")
            )
        );
    }
    // A file that says finalised but does not pass the finalise gate is kept as a
    // draft: say so, and exit 1 like `check` does when it finds something.
    for d in &demoted {
        eprintln!("telraam: {}", d.message(english));
    }
    if demoted.is_empty() { 0 } else { EXIT_FOUND }
}

/// A record's comparison with the record code phoned, in a line.
fn phone_finding(c: &crate::event::RecordComparison, generation: Generation) -> String {
    if c.matches() {
        return say("pv klopt met telefoon", "record matches phone");
    }
    let show = |v: crate::record::Count| v.map(|v| v.to_string()).unwrap_or_default();
    let l = &c.located;
    let mut found: Vec<String> = l
        .quick
        .iter()
        .map(|d| {
            say(
                &format!(
                    "{}: {} gebeld, {} in het pv",
                    d.field,
                    show(d.phoned),
                    show(d.record)
                ),
                &format!(
                    "{}: {} phoned, {} in the record",
                    d.field,
                    show(d.phoned),
                    show(d.record)
                ),
            )
        })
        .collect();
    found.extend(l.lists.iter().map(|s| {
        say(
            &format!(
                "lijst {}: kandidaten samen {}, lijsttotaal gebeld {}",
                s.list,
                s.candidates,
                show(s.phoned)
            ),
            &format!(
                "list {}: candidates add up to {}, list total phoned {}",
                s.list,
                s.candidates,
                show(s.phoned)
            ),
        )
    }));
    if let Some(v) = l.matched_version {
        found.extend(l.sections.iter().map(|k| {
            // Named as the election's form names the section (the form model).
            let (nl, en) = (
                Section::key_short_name(k, generation, false),
                Section::key_short_name(k, generation, true),
            );
            say(
                &format!("{nl} anders dan versie {v}"),
                &format!("{en} differs from version {v}"),
            )
        }));
    }
    if found.is_empty() {
        found.push(say(
            "de gebelde cijfers kloppen, het verschil zit elders: vergelijk met het papier",
            "the figures phoned match, the difference is elsewhere: compare with the paper",
        ));
    }
    format!(
        "{}: {}",
        say("pv wijkt af van telefoon", "record differs from phone"),
        found.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{Located, RecordComparison};

    #[test]
    fn a_changed_differences_section_is_named_as_the_elections_form_names_it() {
        let c = RecordComparison {
            version: 3,
            record: vec!["AAAA".into()],
            expected: vec!["BBBB".into()],
            located: Located {
                phoned_figures_known: true,
                quick: Vec::new(),
                lists: Vec::new(),
                matched_version: Some(2),
                sections: vec!["differences".into()],
            },
        };
        // The language is Dutch unless a test sets it (crate::i18n, per thread).
        let old = phone_finding(&c, Generation::Before2026);
        assert!(old.contains("I t/m O anders dan versie 2"), "{old}");
        let new = phone_finding(&c, Generation::From2026);
        assert!(new.contains("D/H, I, J anders dan versie 2"), "{new}");
        assert!(!new.contains("I t/m O"), "{new}");
    }
}
