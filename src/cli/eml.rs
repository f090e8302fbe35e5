//! `telraam import-eml`, `aggregate`, `export-eml`, `export-csv`.

use super::Cli;
use super::common::not_yet;

#[derive(Debug, clap::Args)]
pub struct ImportEmlArgs {}
#[derive(Debug, clap::Args)]
pub struct AggregateArgs {}
#[derive(Debug, clap::Args)]
pub struct ExportEmlArgs {}
#[derive(Debug, clap::Args)]
pub struct ExportCsvArgs {}

pub fn import_eml(cli: &Cli, args: &ImportEmlArgs) -> u8 {
    let _ = (cli, args);
    not_yet("`import-eml`")
}
pub fn aggregate(cli: &Cli, args: &AggregateArgs) -> u8 {
    let _ = (cli, args);
    not_yet("`aggregate`")
}
pub fn export_eml(cli: &Cli, args: &ExportEmlArgs) -> u8 {
    let _ = (cli, args);
    not_yet("`export-eml`")
}
pub fn export_csv(cli: &Cli, args: &ExportCsvArgs) -> u8 {
    let _ = (cli, args);
    not_yet("`export-csv`")
}
