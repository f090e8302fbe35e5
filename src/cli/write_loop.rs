//! `telraam write-loop` (hidden): saves fields in a loop and reports each save
//! after it is committed. The crash test kills it with SIGKILL mid-way and checks
//! that every reported save survived.

use super::Cli;
use super::common::{fail, settings, workspace_dir};
use crate::record::Field;
use crate::storage::Workspace;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct WriteLoopArgs {
    /// The polling station to write.
    #[arg(long, default_value_t = 1)]
    pub station: u32,
    /// How many saves (0: until killed).
    #[arg(long, default_value_t = 0)]
    pub count: u64,
}

/// Fields that can be typed in counting mode.
const FIELDS: [Field; 7] = [
    Field::PollCards,
    Field::ProxyCertificates,
    Field::ListTotal(1),
    Field::ListTotal(2),
    Field::Blank,
    Field::Invalid,
    Field::BallotsReceived,
];

pub fn run(cli: &Cli, args: &WriteLoopArgs) -> u8 {
    let settings = match settings(cli) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let dir = workspace_dir(cli, &settings);
    let mut ws = match Workspace::open(&dir) {
        Ok(ws) => ws,
        Err(e) => return fail(&format!("{}: {e}", dir.display())),
    };
    let mut out = std::io::stdout().lock();
    let mut i: u64 = 1;
    while args.count == 0 || i <= args.count {
        let field = FIELDS[(i % FIELDS.len() as u64) as usize];
        if let Err(e) = ws.save_field(args.station, field, Some(i), "write-loop") {
            return fail(&e.to_string());
        }
        // Only after the commit: what is reported is on disk.
        if writeln!(out, "saved {field} {i}")
            .and_then(|_| out.flush())
            .is_err()
        {
            return 0;
        }
        i += 1;
    }
    0
}
