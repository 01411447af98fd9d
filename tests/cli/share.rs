//! `promo share`: the log without its private moments ranks exactly as the original,
//! keeps every public line byte for byte, leaves out projects only private moments
//! used, never leaks a private word, and refuses to overwrite the log.

use std::path::Path;

use crate::harness::{fixture, promo};

const FIXTURES: [&str; 3] = ["strong-pm.ron", "weak-startup-pm.ron", "engineer-l6.ron"];

fn map_json(log: &Path) -> String {
    promo()
        .log(log)
        .args(["map", "--format", "json"])
        .run()
        .ok()
        .stdout()
}

fn share(log: &Path, output: &Path) -> crate::harness::Run {
    promo().log(log).args(["share", "-o"]).args([output]).run()
}

#[test]
fn the_shared_log_maps_and_ranks_exactly_as_the_original_without_its_private_moments() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in FIXTURES {
        let shared = dir.path().join(name);
        share(&fixture(name), &shared)
            .ok()
            .stderr_has("public moments");
        assert_eq!(map_json(&shared), map_json(&fixture(name)), "{name}");
        // Read back, it has no private moment left: the map says none were left out.
        let run = promo().log(&shared).args(["map"]).run().ok();
        assert!(
            !run.stderr().contains("private"),
            "{name}: {}",
            run.stderr()
        );
    }
}

#[test]
fn public_lines_stay_byte_for_byte_and_no_private_word_survives() {
    let dir = tempfile::tempdir().expect("tempdir");
    let shared = dir.path().join("shared.ron");
    share(&fixture("strong-pm.ron"), &shared).ok();
    let original = std::fs::read_to_string(fixture("strong-pm.ron")).expect("original");
    let text = std::fs::read_to_string(&shared).expect("shared");
    assert!(!text.contains("PRIVATE-CANARY"), "{text}");
    assert!(!text.contains("private: true"), "{text}");
    assert!(text.len() < original.len());
    // Every line of the shared copy is the original's next unused line: only whole
    // lines were taken out, none changed.
    let mut lines = original.split_inclusive('\n');
    for line in text.split_inclusive('\n') {
        assert!(
            lines.by_ref().any(|l| l == line),
            "changed or reordered line {line:?}"
        );
    }
}

#[test]
fn a_project_only_private_moments_used_goes_and_one_a_public_moment_uses_stays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("promo.ron");
    std::fs::write(
        &log,
        r#"Log(
    version: 1,
    owner: Person(name: "Ada Park", level: "L4"),
    manager: "Sam Lee",
    target: Target(level: "L5", submission: "2027-03-01"),
    projects: {
        "search": Project(name: "Search relevance"),
        "jobhunt": Project(name: "SECRET-PROJECT"),
    },
    moments: [
        Moment(id: "m1", date: "2026-10-01", tag: Decision, project: "search",
               what: "Chose click-through ranking", reach: CrossTeam),
        // the interview, off the record
        Moment(id: "m2", date: "2026-10-08", tag: Scope, project: "jobhunt",
               what: "SECRET-WHAT interviewing elsewhere", reach: Team,
               witnesses: ["SECRET-WITNESS"], private: true),
        Moment(id: "m3", date: "2026-10-15", tag: Scope, project: "search",
               what: "SECRET-SEARCH vent", reach: Team, private: true),
    ],
)
"#,
    )
    .expect("write log");
    let shared = dir.path().join("shared.ron");
    share(&log, &shared)
        .ok()
        .stderr_has("1 public moment, with every private moment and 1 project");
    let text = std::fs::read_to_string(&shared).expect("shared");
    for secret in ["SECRET", "off the record", "jobhunt"] {
        assert!(!text.contains(secret), "{secret} in\n{text}");
    }
    assert!(text.contains("\"search\": Project(name: \"Search relevance\"),"));
    assert!(text.contains("Chose click-through ranking"));
}

#[test]
fn refuses_the_log_itself_and_writes_nothing_for_an_invalid_log() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("promo.ron");
    std::fs::copy(fixture("strong-pm.ron"), &log).expect("copy");
    let before = std::fs::read(&log).expect("read");
    share(&log, &log)
        .expect_code(1)
        .stderr_has("refusing to write");
    assert_eq!(std::fs::read(&log).expect("read"), before);
    let out = dir.path().join("out.ron");
    share(&fixture("invalid/unknown-project.ron"), &out)
        .expect_code(1)
        .stderr_has("unknown-project.ron:");
    assert!(!out.exists());
}

#[test]
fn refuses_to_renumber_public_moments_that_have_no_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("promo.ron");
    std::fs::write(
        &log,
        r#"Log(version: 1, owner: Person(name: "Ada Park", level: "L4"), manager: "Sam Lee",
    target: Target(level: "L5", submission: "2027-03-01"),
    projects: {"p": Project(name: "P")},
    moments: [
        Moment(date: "2026-10-01", tag: Scope, project: "p", what: "private first", reach: Team, private: true),
        Moment(date: "2026-10-01", tag: Decision, project: "p", what: "public second", reach: Team),
    ],
)
"#,
    )
    .expect("write log");
    let out = dir.path().join("out.ron");
    share(&log, &out)
        .expect_code(1)
        .stderr_has("would renumber the public moment `2026-10-01#2`");
    assert!(!out.exists());
}
