//! `promo calibrate`: the team folder gets the verdicts a calibration room would give,
//! in every format (golden files), a PDF of a cover plus one page per report, no
//! private word anywhere, and every invalid log's own diagnostics with nothing written.

use serde_json::Value;

use crate::harness::{fixture, golden, promo};
use crate::packet::pdf_pages;

fn team() -> std::path::PathBuf {
    fixture("team")
}

fn context() -> Value {
    let run = promo()
        .args(["calibrate", "--context"])
        .args([team()])
        .run()
        .ok();
    serde_json::from_str(&run.stdout()).expect("json")
}

#[test]
fn the_team_gets_the_verdicts_a_calibration_room_would_give_in_submission_order() {
    let json = context();
    let rows: Vec<(&str, &str, &str)> = json["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .map(|r| {
            (
                r["owner"].as_str().expect("owner"),
                r["submission"].as_str().expect("submission"),
                r["readiness"].as_str().expect("readiness"),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Tom Okafor", "2027-01-25", "at-risk"),
            ("Priya Nair", "2027-02-01", "at-risk"),
            ("Kai Brennan", "2027-02-15", "not-this-cycle"),
            ("Mia Chen", "2027-02-15", "at-risk"),
            ("Ana Ruiz", "2027-03-01", "ready"),
            ("Leo Park", "2027-03-01", "at-risk"),
        ]
    );
    let by = |owner: &str| {
        json["reports"]
            .as_array()
            .and_then(|a| a.iter().find(|r| r["owner"] == owner))
            .cloned()
            .expect("report")
    };
    // Sponsor problems are never ready, and the reason says which.
    let hedging = by("Mia Chen");
    assert!(
        hedging["reason"]
            .as_str()
            .expect("reason")
            .starts_with("Sponsor problem: you hedge on record (“Not sure Mia")
    );
    let broken = by("Tom Okafor");
    assert!(
        broken["reason"]
            .as_str()
            .expect("reason")
            .contains("did not keep 4 of the 5 commitments")
    );
    let states: Vec<&str> = broken["manager_commitments"]
        .as_array()
        .expect("commitments")
        .iter()
        .map(|c| c["state"].as_str().expect("state"))
        .collect();
    assert_eq!(states, ["broken", "broken", "broken", "broken"]);
    assert_eq!(broken["first_objection"]["id"], "sponsor-follow-through");
    // The strong case: nothing fires, one open promise of the manager's, dated.
    let strong = by("Ana Ruiz");
    assert!(strong["first_objection"].is_null());
    assert_eq!(strong["manager_commitments"][0]["state"], "open");
    assert_eq!(strong["manager_commitments"][0]["due"], "2027-02-15");
    assert_eq!(
        by("Priya Nair")["first_objection"]["id"],
        "one-strong-quarter"
    );
    assert_eq!(by("Leo Park")["first_objection"]["id"], "no-sponsor-signal");
    for report in json["reports"].as_array().expect("reports") {
        let words = report["restatement"]
            .as_str()
            .expect("text")
            .split_whitespace()
            .count();
        assert!(words <= 150, "{words} words: {report}");
    }
}

#[test]
fn the_json_context_is_the_issues_contract() {
    let json = context();
    let keys: Vec<&str> = json["reports"][0]
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "owner",
            "level",
            "target_level",
            "submission",
            "readiness",
            "reason",
            "restatement",
            "first_objection",
            "manager_commitments"
        ]
    );
    assert_eq!(
        json["share_first"],
        serde_json::json!(["Kai Brennan", "Leo Park"])
    );
}

#[test]
fn golden_files_for_every_text_format() {
    for (format, file) in [
        ("text", "calibrate.team.txt"),
        ("md", "calibrate.team.md"),
        ("html", "calibrate.team.html"),
        ("json", "calibrate.team.json"),
    ] {
        let run = promo()
            .args(["calibrate", "--format", format])
            .args([team()])
            .run()
            .ok();
        golden(file, &run.stdout());
    }
}

#[test]
fn no_private_word_reaches_any_format_and_unshared_logs_are_named_without_counts() {
    for format in ["text", "md", "html", "json"] {
        let run = promo()
            .args(["calibrate", "--format", format])
            .args([team()])
            .run()
            .ok();
        let out = run.stdout();
        assert!(!out.contains("PRIVATE-CANARY"), "{format}");
        assert!(
            !out.to_lowercase().contains("private"),
            "{format}: says private exists"
        );
        assert!(
            run.stderr().contains(
                "2 logs are their owners' own, not shared copies (Kai Brennan, Leo Park)"
            ),
            "{}",
            run.stderr()
        );
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("brief.pdf");
    promo()
        .args(["calibrate", "--format", "pdf", "-o"])
        .args([&pdf, &team()])
        .run()
        .ok();
    let text = pdf_pages(&std::fs::read(&pdf).expect("pdf")).concat();
    assert!(!text.contains("PRIVATE-CANARY"));
}

#[test]
fn the_pdf_is_a_cover_plus_exactly_one_page_per_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("brief.pdf");
    let run = promo()
        .args(["calibrate", "--format", "pdf", "-o"])
        .args([&pdf, &team()])
        .run()
        .ok();
    assert!(!run.stderr().contains("could not hold"), "{}", run.stderr());
    let bytes = std::fs::read(&pdf).expect("pdf");
    let pages = pdf_pages(&bytes);
    assert_eq!(pages.len(), 7);
    assert!(pages[0].contains("Calibration brief"));
    let order = [
        "Tom Okafor",
        "Priya Nair",
        "Kai Brennan",
        "Mia Chen",
        "Ana Ruiz",
        "Leo Park",
    ];
    for (page, owner) in pages[1..].iter().zip(order) {
        assert!(page.contains(owner), "{owner} not on its page");
        assert!(page.contains("The one-minute case"), "{owner}");
    }
    // Reproducible bytes.
    let again = dir.path().join("again.pdf");
    promo()
        .args(["calibrate", "--format", "pdf", "-o"])
        .args([&again, &team()])
        .run()
        .ok();
    assert_eq!(std::fs::read(&again).expect("pdf"), bytes);
}

#[test]
fn every_invalid_log_is_reported_with_its_own_diagnostics_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(fixture("team/strong.ron"), dir.path().join("a-strong.ron")).expect("copy");
    std::fs::copy(
        fixture("invalid/unknown-project.ron"),
        dir.path().join("b.ron"),
    )
    .expect("copy");
    std::fs::copy(
        fixture("invalid/duplicate-id.ron"),
        dir.path().join("c.ron"),
    )
    .expect("copy");
    let out = dir.path().join("brief.md");
    let run = promo()
        .args(["calibrate", "--format", "md", "-o"])
        .args([&out, dir.path()])
        .run()
        .expect_code(1);
    let err = run.stderr();
    for log in ["b.ron:", "c.ron:"] {
        assert!(err.contains(log), "{log} missing:\n{err}");
    }
    assert!(err.contains("2 of the 3 logs are invalid"), "{err}");
    assert!(!out.exists());
    // One invalid log: its own familiar error.
    promo()
        .args(["calibrate"])
        .args([fixture("invalid/unknown-project.ron")])
        .run()
        .expect_code(1)
        .stderr_has("unknown-project.ron` has 1 error");
}

#[test]
fn refuses_an_output_that_is_one_of_the_logs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("a.ron");
    std::fs::copy(fixture("team/strong.ron"), &log).expect("copy");
    let before = std::fs::read(&log).expect("read");
    promo()
        .args(["calibrate", "-o"])
        .args([&log, &dir.path().to_path_buf()])
        .run()
        .expect_code(1)
        .stderr_has("refusing to write");
    assert_eq!(std::fs::read(&log).expect("read"), before);
}

#[test]
fn a_big_team_still_gets_one_cover_page_and_one_page_each() {
    let dir = tempfile::tempdir().expect("tempdir");
    let team = dir.path().join("team");
    std::fs::create_dir(&team).expect("mkdir");
    for i in 0..45 {
        std::fs::copy(
            fixture("team/strong.ron"),
            team.join(format!("r{i:02}.ron")),
        )
        .expect("copy");
    }
    let pdf = dir.path().join("brief.pdf");
    let run = promo()
        .args(["calibrate", "--format", "pdf", "-o"])
        .args([&pdf, &team])
        .run()
        .ok();
    assert!(!run.stderr().contains("could not hold"), "{}", run.stderr());
    let pages = pdf_pages(&std::fs::read(&pdf).expect("pdf"));
    assert_eq!(pages.len(), 46);
    assert!(pages[0].contains("+5 more reports"), "{}", pages[0]);
}
