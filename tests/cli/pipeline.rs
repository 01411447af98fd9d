//! The whole pipeline on one input, in process: read → check (every diagnostic rendered)
//! → rank → objections → every report in every format. Shared by the bounded fuzz test
//! (`tests/cli/fuzz_bounded.rs`) and the cargo-fuzz target
//! (`fuzz/fuzz_targets/parse_and_render.rs` includes this file), so both drive exactly
//! the same code.
//!
//! A panic anywhere is the failure being looked for. Beyond not panicking: an invalid
//! log must come with at least one error, and every report of a valid log must render,
//! the only error allowed being a target level the ladder does not know.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use promo::evidence::Evidence;
use promo::evidence::map::EvidenceMap;
use promo::ladder::Ladder;
use promo::log::load;
use promo::render::templates::Templates;
use promo::render::{self, Format, Report, pdf::Paper};
use promo::report::packet::Packet;
use promo::report::premortem::Premortem;

/// What the input turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Refused with at least one located error.
    Invalid,
    /// Read, and every report rendered.
    Valid,
}

/// The date every run treats as today.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default()
}

/// Runs everything on `bytes`; `dir` is a scratch directory for the log file the
/// command-level renderers read. Panics (with the input's description) on any failure.
pub fn run(bytes: &[u8], dir: &Path) -> Outcome {
    let path = dir.join("fuzz.ron");
    let checked = load::check_bytes(path.clone(), bytes.to_vec(), today());
    for diagnostic in &checked.diagnostics {
        let text = diagnostic.render(&checked.source);
        assert!(!text.is_empty(), "an empty diagnostic");
        let json = diagnostic.to_json(&checked.source);
        serde_json::to_string(&json).expect("a diagnostic as JSON");
    }
    let Some(log) = &checked.log else {
        assert!(
            checked.errors().count() > 0,
            "an invalid log without an error: {:?}",
            checked.diagnostics
        );
        return Outcome::Invalid;
    };
    let today = today();
    let evidence = Evidence::rank(log, today);
    for explain in [false, true] {
        let map = EvidenceMap::new(log, &evidence, today, explain);
        serde_json::to_string(&map).expect("the map as JSON");
    }
    let ladder = Ladder::builtin().expect("the built-in ladder");
    for words in [20, 150, 1000] {
        let restatement = promo::restate::restate(log, &evidence, &ladder, today, words);
        assert!(
            promo::restate::word_count(&restatement.text) <= words,
            "restate went over {words} words: {}",
            restatement.text
        );
    }
    let templates = Templates::load(None).expect("the built-in templates");
    match promo::objections::find(log, &evidence, &ladder, today) {
        Ok(objections) => {
            let headline = promo::restate::headline(log, &evidence, &ladder, &objections);
            let mut packet = Packet::build(log, &evidence, &objections, headline, today);
            for paper in [Paper::Letter, Paper::A4] {
                packet.fit_print(paper == Paper::A4);
                render_all(
                    &packet,
                    &templates,
                    paper,
                    &[Format::Markdown, Format::Html],
                );
            }
            let premortem =
                Premortem::build(log, &evidence, &objections, log.target.submission, today);
            render_all(
                &premortem,
                &templates,
                Paper::Letter,
                &[Format::Text, Format::Markdown, Format::Html],
            );
        }
        Err(promo::Error::UnknownLevel { .. }) => {}
        Err(other) => panic!("objections failed: {}", promo::error_chain(&other)),
    }
    std::fs::write(&path, bytes).expect("write the log");
    for args in COMMANDS {
        command(&path, args);
    }
    Outcome::Valid
}

/// Renders `report` in every format: JSON, PDF and the given template formats.
fn render_all<R: Report>(report: &R, templates: &Templates, paper: Paper, formats: &[Format]) {
    for &format in formats.iter().chain(&[Format::Json, Format::Pdf]) {
        let rendered = render::renderer::<R>(format, templates, paper)
            .render(report)
            .unwrap_or_else(|e| panic!("{} as {format:?}: {}", R::NAME, promo::error_chain(&e)));
        assert!(
            !rendered.bytes.is_empty(),
            "{} as {format:?} is empty",
            R::NAME
        );
    }
}

/// The command-level renderers (the map's and the objections' text and Markdown, the
/// agenda, the recap, the commitments), run as the executable runs them.
const COMMANDS: &[&[&str]] = &[
    &["check", "--format", "json"],
    &["map"],
    &["map", "--format", "md", "--explain"],
    &["map", "--format", "json"],
    &["objections"],
    &["objections", "--format", "md"],
    &["objections", "--format", "json"],
    &["restate", "--format", "json"],
    &["packet", "--format", "md"],
    &["premortem", "--format", "md"],
    &["agenda", "--format", "md"],
    &["recap", "--format", "md"],
    &["commitments", "--format", "ics"],
    &["commitments", "--format", "json"],
];

/// Runs one command in process on the log at `path`: it must succeed, or fail only
/// because the target level is unknown. `check` included: it exits 0 exactly when the
/// log loads (a citation the ladder lacks is a warning, see
/// `ladder::a_mutated_citation_is_a_warning_check_and_the_loading_commands_agree`).
fn command(path: &Path, args: &[&str]) {
    use clap::Parser;
    let mut argv: Vec<std::ffi::OsString> = ["promo", "--today", "2026-11-21", "--color", "never"]
        .iter()
        .map(Into::into)
        .collect();
    argv.push("--log".into());
    argv.push(PathBuf::from(path).into_os_string());
    argv.extend(args.iter().map(Into::into));
    let cli = promo::cli::Cli::try_parse_from(argv).expect("a valid command line");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    match promo::run(cli, &mut out, &mut err) {
        Ok(0) => {}
        Ok(code) => panic!("{args:?} exited {code}: {}", String::from_utf8_lossy(&err)),
        Err(promo::Error::UnknownLevel { .. }) => {}
        Err(e) => panic!("{args:?} failed: {}", promo::error_chain(&e)),
    }
}
