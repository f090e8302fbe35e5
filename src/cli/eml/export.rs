//! `telraam export-eml` and `telraam export-csv`: the workspace's counts as the
//! Kiesraad's 510b and as the OSV 4-3 CSV.

use super::totals::{file_totals, warn_empty_boxes};
use super::*;

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
