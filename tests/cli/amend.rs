//! `promo amend`, `promo project add` and the file's own spellings on the command
//! line: each changes only what it names and keeps every other byte.

use std::fs;
use std::path::{Path, PathBuf};

use crate::harness::promo;

/// A log with a project and two moments.
fn log_with_two() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    crate::harness::init_log(&path);
    promo()
        .log(&path)
        .args(["project", "add", "search", "Search relevance"])
        .run()
        .ok()
        .stdout_has("added project `search`");
    // The file's own spellings, in any case.
    promo()
        .log(&path)
        .args([
            "add",
            "Decision",
            "Killed the rewrite",
            "--project",
            "search",
            "--reach",
            "CrossTeam",
        ])
        .run()
        .ok();
    promo()
        .log(&path)
        .args([
            "add",
            "LEVERAGE",
            "Wrote the playbook",
            "--project",
            "search",
            "--reach",
            "cross-team",
            "--witness",
            "Dev Patel",
        ])
        .run()
        .ok();
    (dir, path)
}

/// The text of moment `id` in `text`, from `Moment(` to its closing line.
fn moment_span(text: &str, id: &str) -> std::ops::Range<usize> {
    let at = text.find(&format!("id: \"{id}\"")).expect("moment");
    let start = text[..at].rfind("Moment(").expect("start");
    let end = text[at..].find("\n        ),").expect("end") + at;
    start..end
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).expect("read")
}

#[test]
fn amend_changes_only_that_moments_lines() {
    let (_dir, path) = log_with_two();
    let before = read(&path);
    promo()
        .log(&path)
        .args([
            "amend",
            "m001",
            "--impact",
            "freed 2 engineers",
            "--quote",
            "manager:Tess Obi:Right call",
            "--witness",
            "Priya",
            "--reach",
            "org",
            "--commitment",
            "me:2026-12-01:Send the readout",
        ])
        .run()
        .ok()
        .stdout_has("m001: amended impact, reach, witnesses, quotes, commitments");
    let after = read(&path);
    let (old, new) = (moment_span(&before, "m001"), moment_span(&after, "m001"));
    assert_eq!(
        before[..old.start],
        after[..new.start],
        "bytes before the moment kept"
    );
    assert_eq!(
        before[old.end..],
        after[new.end..],
        "bytes after the moment kept"
    );
    let moment = &after[new];
    for line in [
        "reach: Org,",
        "impact: \"freed 2 engineers\",",
        "\"Priya\",",
        "Quote(by: \"Tess Obi\", role: Manager, text: \"Right call\"),",
        "Commitment(owner: Me, what: \"Send the readout\", due: \"2026-12-01\", status: Open),",
    ] {
        assert!(moment.contains(line), "{line} missing:\n{moment}");
    }
    // A list that exists gets the new item; the other moment is untouched.
    let before = read(&path);
    promo()
        .log(&path)
        .args(["amend", "m002", "--witness", "Priya"])
        .run()
        .ok();
    let after = read(&path);
    assert_eq!(
        before[moment_span(&before, "m001")],
        after[moment_span(&after, "m001")]
    );
    assert!(
        after[moment_span(&after, "m002")].contains("\"Dev Patel\",\n                \"Priya\","),
        "{after}"
    );
    promo().log(&path).args(["check"]).run().ok();
}

#[test]
fn amend_refuses_an_unknown_id_and_an_empty_amendment() {
    let (_dir, path) = log_with_two();
    let before = read(&path);
    promo()
        .log(&path)
        .args(["amend", "m003", "--impact", "x"])
        .run()
        .expect_code(2)
        .stderr_has("the log has no moment `m003`");
    promo()
        .log(&path)
        .args(["amend", "m001"])
        .run()
        .expect_code(2)
        .stderr_has("nothing to amend");
    assert_eq!(read(&path), before);
}

#[test]
fn project_add_inserts_one_entry_and_refuses_a_taken_or_bad_key() {
    let (_dir, path) = log_with_two();
    let before = read(&path);
    promo()
        .log(&path)
        .args(["project", "add", "growth", "Growth"])
        .run()
        .ok();
    let after = read(&path);
    assert_eq!(
        after
            .replacen(",\n        \"growth\": Project(name: \"Growth\")", "", 1)
            .replacen("\n        \"growth\": Project(name: \"Growth\"),", "", 1),
        before,
        "{after}"
    );
    promo()
        .log(&path)
        .args(["project", "add", "growth", "Again"])
        .run()
        .expect_code(2)
        .stderr_has("already has a project `growth`");
    promo()
        .log(&path)
        .args(["project", "add", "Growth Team", "Growth"])
        .run()
        .expect_code(2)
        .stderr_has("is not a project key");
    assert!(read(&path).contains("\"growth\": Project(name: \"Growth\")"));
}

#[test]
fn the_cli_takes_the_files_spellings_in_any_case() {
    let (_dir, path) = log_with_two();
    let all = read(&path);
    let text = &all[all.rfind("moments: [").expect("moments")..];
    assert!(text.contains("tag: Decision,"), "{text}");
    assert!(text.contains("tag: Leverage,"), "{text}");
    assert_eq!(text.matches("reach: CrossTeam,").count(), 2, "{text}");
    promo()
        .log(&path)
        .args([
            "add",
            "scope",
            "Took over on-call",
            "--project",
            "search",
            "--reach",
            "Cross-Team",
        ])
        .run()
        .ok();
    promo()
        .log(&path)
        .args([
            "add",
            "Bogus",
            "x",
            "--project",
            "search",
            "--reach",
            "team",
        ])
        .run()
        .expect_code(2);
}

#[test]
fn the_man_page_has_examples_environment_files_and_exit_status() {
    let page = promo().args(["man"]).run().ok().stdout();
    for section in [
        ".SH EXAMPLES",
        ".SH ENVIRONMENT",
        ".SH FILES",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(page.contains(section), "{section} missing");
    }
    assert!(page.contains("\\fBPROMO_LOG\\fR"), "{page}");
    assert!(!page.contains('\u{c}'), "no stray form feed");
    // One command's page stays as clap renders it.
    let import = promo().args(["man", "import"]).run().ok().stdout();
    assert!(!import.contains(".SH EXAMPLES"));
}
