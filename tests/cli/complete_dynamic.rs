//! Dynamic completion: the shell runs `promo` with `COMPLETE=SHELL` and the words
//! typed so far after `--`; promo answers with the log's moment ids, commitment
//! ids and project keys (docs/shell.md).

use std::fs;
use std::path::{Path, PathBuf};

use crate::harness::promo;

/// A log with two moments (one commitment) in project `imported`.
fn log() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("promo.ron");
    crate::harness::init_log(&log);
    let notes = dir.path().join("notes.md");
    fs::write(
        &notes,
        "## 2026-11-17\n### Wins\n- Killed the legacy export → saved 3 days a month\n- Took over the billing on-call\n### Action items\n- [ ] [Me] Send the sunset note by Friday\n",
    )
    .expect("write");
    promo()
        .log(&log)
        .args(["import", "markdown"])
        .args([&notes])
        .run()
        .ok();
    (dir, log)
}

/// The candidates fish is given for the last of `words` (one per line, the
/// value before a tab).
fn fish(words: &[&str], log: &Path) -> Vec<String> {
    let run = promo()
        .real_today()
        .env("COMPLETE", "fish")
        .env("PROMO_LOG", log.as_os_str())
        .args(["--", "promo"])
        .args(words)
        .run()
        .ok();
    run.stdout()
        .lines()
        .map(|l| l.split('\t').next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn moment_ids_project_keys_and_commitment_ids_are_offered() {
    let (_dir, log) = log();
    let amend = fish(&["amend", ""], &log);
    assert_eq!(&amend[..2], ["m001", "m002"], "{amend:?}");
    assert_eq!(
        fish(&["import", "markdown", "--project", ""], &log),
        ["imported"]
    );
    assert_eq!(fish(&["add", "--project", ""], &log), ["imported"]);
    assert_eq!(fish(&["done", ""], &log)[..1], ["m001.1"]);
    // Help text rides along after a tab.
    let run = promo()
        .real_today()
        .env("COMPLETE", "fish")
        .args(["--", "promo", "--log"])
        .args([&log])
        .args(["amend", "m00"])
        .run()
        .ok();
    assert!(
        run.stdout().contains("m001\tKilled the legacy export"),
        "{}",
        run.stdout()
    );
}

#[test]
fn bash_gets_the_same_ids_through_its_protocol() {
    let (_dir, log) = log();
    let run = promo()
        .real_today()
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "4")
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "true")
        .args(["--", "promo", "--log"])
        .args([&log])
        .args(["amend", ""])
        .run()
        .ok();
    let out = run.stdout();
    let words: Vec<&str> = out.split(['\n', '\u{b}']).collect();
    assert!(
        words.contains(&"m001") && words.contains(&"m002"),
        "{words:?}"
    );
}

#[test]
fn an_unreadable_log_gives_no_candidates_and_no_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("none.ron");
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "Log(version: 1, moments: [").expect("write");
    for log in [missing, broken] {
        let run = promo()
            .real_today()
            .env("COMPLETE", "fish")
            .env("PROMO_LOG", log.as_os_str())
            .args(["--", "promo", "amend", ""])
            .run()
            .ok();
        assert!(!run.stdout().contains("m0"), "{}", run.stdout());
        assert_eq!(run.stderr(), "");
    }
    // The static script is still there.
    promo()
        .args(["completions", "bash"])
        .run()
        .ok()
        .stdout_has("_promo()");
}
