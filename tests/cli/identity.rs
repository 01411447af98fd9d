//! Evidence identity and consistency over the cycle: one story logged twice warns in
//! `check` and counts once everywhere; a moment after today is not evidence; coverage
//! counts the quarters of the cycle window, `target.cycle_start` included.

use std::path::PathBuf;

use serde_json::Value;

use crate::harness::{fixture, promo};

fn map_json(log: PathBuf) -> Value {
    let run = promo()
        .log(log)
        .args(["map", "--format", "json"])
        .run()
        .ok();
    serde_json::from_str(&run.stdout()).expect("map JSON")
}

fn example_ids(map: &Value) -> Vec<String> {
    map["examples"]
        .as_array()
        .expect("examples")
        .iter()
        .map(|e| e["id"].as_str().expect("id").to_string())
        .collect()
}

fn project_moments(map: &Value, key: &str) -> Vec<String> {
    map["projects"]
        .as_array()
        .expect("projects")
        .iter()
        .find(|p| p["project"] == key)
        .expect("the project")["moments"]
        .as_array()
        .expect("moments")
        .iter()
        .map(|m| m.as_str().expect("id").to_string())
        .collect()
}

#[test]
fn a_story_logged_twice_warns_at_the_later_telling_naming_both() {
    let run = promo()
        .log(fixture("judgment-identity/duplicated-story.ron"))
        .args(["check"])
        .run()
        .ok();
    let out = format!("{}{}", run.stdout(), run.stderr());
    assert!(
        out.contains("duplicated-story.ron:84:19: warning: moment `m007` tells the same story as `m002` (7 days apart, same project)"),
        "{out}"
    );
    assert!(
        out.contains("duplicated-story.ron:31:19: note: the earlier telling"),
        "{out}"
    );
    assert!(out.contains("1 warning"), "{out}");
    promo()
        .log(fixture("judgment-identity/distinct-stories.ron"))
        .args(["check"])
        .run()
        .ok()
        .stdout_has("0 warnings");
}

#[test]
fn a_story_logged_twice_counts_once_in_the_map_and_the_restatement() {
    let map = map_json(fixture("judgment-identity/duplicated-story.ron"));
    assert_eq!(project_moments(&map, "alerts"), ["m002", "m003", "m006"]);
    assert!(!example_ids(&map).contains(&"m007".to_string()));
    promo()
        .log(fixture("judgment-identity/duplicated-story.ron"))
        .args(["map"])
        .run()
        .ok()
        .stdout_has("6 public moments in 2 projects");
    let restated = promo()
        .log(fixture("judgment-identity/duplicated-story.ron"))
        .args(["restate"])
        .run()
        .ok()
        .stdout();
    assert_eq!(restated.matches("alert template").count(), 1, "{restated}");

    // The quiet twin: another call in the same week is another story, and counts.
    let map = map_json(fixture("judgment-identity/distinct-stories.ron"));
    assert_eq!(
        project_moments(&map, "alerts"),
        ["m007", "m002", "m003", "m006"]
    );
    assert!(example_ids(&map).contains(&"m007".to_string()));
}

#[test]
fn a_moment_after_today_is_never_evidence() {
    let map = map_json(fixture("edge/warnings-only.ron"));
    assert_eq!(project_moments(&map, "search"), ["2026-11-02#1"]);
    assert_eq!(example_ids(&map), ["2026-11-02#1"]);
    promo()
        .log(fixture("edge/warnings-only.ron"))
        .args(["check"])
        .run()
        .ok()
        .stderr_has("after today (2026-11-21): it is not evidence until that day");
}

#[test]
fn coverage_counts_the_quarters_of_the_cycle_window() {
    // Everything in the three weeks before submission: the year before shows empty.
    let crammed = fixture("objections/one-strong-quarter.crammed.fires.ron");
    let map = map_json(crammed.clone());
    assert_eq!(
        map["coverage"]["missing_quarters"],
        serde_json::json!(["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"])
    );
    promo()
        .log(&crammed)
        .env("COLUMNS", "200")
        .args(["map"])
        .run()
        .ok()
        .stdout_has("none in 2025-Q4, 2026-Q1, 2026-Q2 and 2026-Q3.");

    // `target.cycle_start` moves the window's start.
    let text = std::fs::read_to_string(&crammed).expect("fixture");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("log.ron");
    let with_start = text.replacen(
        "submission: \"2026-11-23\"",
        "submission: \"2026-11-23\", cycle_start: \"2026-07-01\"",
        1,
    );
    assert_ne!(with_start, text);
    std::fs::write(&path, with_start).expect("write");
    promo().log(&path).args(["check"]).run().ok();
    let map = map_json(path);
    assert_eq!(
        map["coverage"]["missing_quarters"],
        serde_json::json!(["2026-Q3"])
    );
}
