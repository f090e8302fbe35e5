//! `telraam generate` (hidden): a generated election and its counts of any size, to
//! measure telraam at scale and reproduce the README's performance figures. Writes
//! the 230b and 510b (`--eml DIR`, for `import-eml --counts`) and/or fills a new
//! workspace directly (`--workspace`, with `--data DIR`), in batches of stations.

use super::Cli;
use super::common::fail;
use crate::generate::{self, SEED, Shape};
use crate::storage::Workspace;
use crate::storage::atomic::write_atomic;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// How many polling stations.
    #[arg(long, default_value_t = 500)]
    pub stations: u32,
    /// How many lists.
    #[arg(long, default_value_t = 24)]
    pub lists: u32,
    /// Candidates on the longest list (later lists are shorter).
    #[arg(long, default_value_t = 80)]
    pub candidates: u32,
    /// Write `230b.xml` and `510b.xml` into this directory.
    #[arg(long, value_name = "DIR")]
    pub eml: Option<PathBuf>,
    /// Fill a new workspace (`--data DIR`) with every station's finalised record.
    #[arg(long)]
    pub workspace: bool,
}

/// Stations written per transaction into the workspace.
const BATCH: u32 = 500;

pub fn run(cli: &Cli, args: &GenerateArgs) -> u8 {
    match run_inner(cli, args) {
        Ok(()) => 0,
        Err(code) => code,
    }
}

fn run_inner(cli: &Cli, args: &GenerateArgs) -> Result<(), u8> {
    if args.stations == 0 || args.lists == 0 || args.candidates == 0 {
        return Err(fail("--stations, --lists and --candidates start at 1"));
    }
    if args.eml.is_none() && !args.workspace {
        return Err(fail(
            "give --eml DIR, --workspace (with --data DIR), or both",
        ));
    }
    let shape = Shape {
        stations: args.stations,
        lists: args.lists,
        max_candidates: args.candidates,
    };
    let election = generate::election(&shape);
    if let Some(dir) = &args.eml {
        std::fs::create_dir_all(dir).map_err(|e| fail(&format!("{}: {e}", dir.display())))?;
        let mut seed = SEED;
        let records = generate::records(&election, 1, shape.stations, &mut seed);
        let xml = generate::counts_510b(&election, &records).map_err(|e| fail(&e.to_string()))?;
        drop(records);
        for (name, text) in [
            ("230b.xml", generate::candidates_230b(&election)),
            ("510b.xml", xml),
        ] {
            let path = dir.join(name);
            write_atomic(&path, text.as_bytes()).map_err(|e| fail(&e.to_string()))?;
            println!("{} ({:.1} MB)", path.display(), text.len() as f64 / 1e6);
        }
    }
    if args.workspace {
        let Some(dir) = &cli.data else {
            return Err(fail("--workspace needs --data DIR (a new directory)"));
        };
        if Workspace::exists(dir) {
            return Err(fail(&format!(
                "{}: already holds a workspace; generate into a new directory",
                dir.display()
            )));
        }
        let mut ws = Workspace::init(dir, election.clone()).map_err(|e| fail(&e.to_string()))?;
        let mut seed = SEED;
        let mut from = 1;
        while from <= shape.stations {
            let to = (from + BATCH - 1).min(shape.stations);
            let records = generate::records(&election, from, to, &mut seed);
            ws.put_records(&records, "generate", "generate")
                .map_err(|e| fail(&e.to_string()))?;
            from = to + 1;
        }
        println!(
            "{}: {} stations, {} lists, up to {} candidates",
            dir.display(),
            shape.stations,
            shape.lists,
            shape.max_candidates
        );
    }
    Ok(())
}
