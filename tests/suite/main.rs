//! Every integration test of telraam in one test binary: one link instead of one per
//! file keeps a fresh clone's test build small and quick (see the README).

mod fixtures {
    pub mod annex;
}
mod support {
    pub mod cli;
    pub mod eml;
    pub mod screen;
    pub mod tmux;
}

mod annex;
mod board_e2e;
mod body_migration;
mod cli_audit;
mod cli_check;
mod cli_export;
mod cli_import;
mod cli_init;
mod cli_status;
mod cli_verification;
mod crash;
mod desk;
mod desk_body;
mod desk_e2e;
mod eml_cli;
mod eml_contest;
mod eml_export;
mod eml_files;
mod eml_refused;
mod eml_roundtrip;
mod form_coverage;
mod fuzz_properties;
mod hidden_answer;
mod hidden_answer_e2e;
mod migration;
mod module_graph;
mod phone_e2e;
mod read_only;
mod robustness;
mod rules_properties;
mod rules_real_data;
mod storable;
mod summary;
mod tui_board_screens;
mod tui_desk_screens;
mod tui_e2e;
mod tui_guard_e2e;
mod tui_phone_screens;
mod tui_screens;
mod tui_soak;
mod tui_workspace;
mod verification_properties;
mod verification_vectors;
mod workspace;
mod workspace_properties;
