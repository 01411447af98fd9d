//! `promo agenda` and `promo recap`: before and after the 1:1.

use std::fs;
use std::path::PathBuf;

use crate::harness::{golden, promo};

/// A log with overdue, due and undated open commitments, a decision the owner is
/// waiting on, and a private moment whose open commitment must stay private.
const LOG: &str = r#"Log(
    version: 1,
    owner: Person(name: "Mara Chen", level: "L5"),
    manager: "Tess Obi",
    target: Target(level: "L6", submission: "2027-03-01"),
    projects: {"search": Project(name: "Search")},
    moments: [
        Moment(id: "m001", date: "2026-10-06", tag: Decision, project: "search",
               what: "Cut the synonyms rewrite", reach: CrossTeam, impact: "Freed 2 engineers",
               commitments: [
                   Commitment(owner: Me, what: "Publish the ranking plan", due: "2026-12-04", status: Open),
                   Commitment(owner: Manager, what: "Confirm the second squad for Q1", due: "2026-11-10", status: Open),
               ]),
        Moment(id: "m002", date: "2026-10-20", tag: Scope, project: "search",
               what: "Asked to own relevance for the org", reach: Org, impact: "14 experiments re-prioritised",
               commitments: [
                   Commitment(owner: Other("Priya"), what: "Share the eval docs", status: Open),
                   Commitment(owner: Me, what: "Draft the ownership note", due: "2026-11-01", status: Open),
               ]),
        Moment(id: "m003", date: "2026-11-18", tag: Decision, project: "search",
               what: "PRIVATE-CANARY vent about the reorg", reach: Team, private: true,
               commitments: [Commitment(owner: Me, what: "PRIVATE-CANARY talk to HR", due: "2026-11-30", status: Open)]),
    ],
)
"#;

fn log() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    fs::write(&path, LOG).expect("write");
    (dir, path)
}

#[test]
fn the_agenda_lists_open_commitments_overdue_first_then_decisions_then_one_ask() {
    let (_dir, path) = log();
    let run = promo()
        .log(&path)
        .args(["agenda", "--decision", "Go/no-go on the EU launch"])
        .run()
        .ok();
    let out = run.stdout();
    let positions: Vec<usize> = [
        "Agenda: Mara Chen's 1:1 with Tess Obi, 2026-11-24",
        "1. Open commitments: 4 (2 overdue)",
        "- Mara Chen: Draft the ownership note (20 days overdue, due 2026-11-01) m002.2",
        "- Tess Obi: Confirm the second squad for Q1 (11 days overdue, due 2026-11-10) m001.2",
        "- Mara Chen: Publish the ranking plan (due 2026-12-04) m001.1",
        "- Priya: Share the eval docs (no date) m002.1",
        "2. Decisions I need from Tess",
        "- Go/no-go on the EU launch",
        "- Waiting on Tess: Confirm the second squad for Q1 (11 days overdue, due 2026-11-10) m001.2",
        "3. Growth ask",
    ]
    .iter()
    .map(|needle| out.find(needle).unwrap_or_else(|| panic!("agenda lacks {needle:?}:\n{out}")))
    .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "out of order:\n{out}"
    );
    assert!(
        !out.contains("PRIVATE-CANARY"),
        "a private commitment leaked:\n{out}"
    );
    run.stderr_has("1 open commitment of private moments left out");
}

/// The first objection to a fixture's case, as `promo objections --format json` gives it.
fn first_objection(name: &str) -> serde_json::Value {
    let run = promo()
        .fixture(name)
        .args(["objections", "--format", "json"])
        .run()
        .ok();
    let all: serde_json::Value = serde_json::from_str(&run.stdout()).expect("json");
    all[0].clone()
}

#[test]
fn the_growth_ask_is_aimed_at_the_first_objection_and_names_its_evidence() {
    let first = first_objection("engineer-l6.ron");
    let out = promo()
        .fixture("engineer-l6.ron")
        .args(["agenda"])
        .run()
        .ok()
        .stdout();
    let title = first["title"].as_str().expect("title");
    let severity = first["severity"].as_str().expect("severity");
    assert!(
        out.contains(&format!(
            "Aimed at the first objection a reviewer would raise: {title} [{severity}]"
        )),
        "{out}"
    );
    assert!(out.contains(first["ask"].as_str().expect("ask")), "{out}");
    let evidence = first["evidence"].as_array().expect("evidence");
    assert!(
        !evidence.is_empty(),
        "this fixture's first objection cites moments"
    );
    let proof = &out[out.find("Evidence to bring:").expect("evidence section")..];
    for id in evidence.iter().take(3) {
        assert!(
            proof.contains(&format!("   - {} ", id.as_str().expect("id"))),
            "{id} missing:\n{out}"
        );
    }
}

#[test]
fn an_objection_raised_by_an_absence_is_tied_to_the_strongest_moments() {
    // Going for L5 (CrossTeam), the weak case's first objection is thin-scope, high: an
    // absence. (For its own L4, whose ladder asks only for Team reach, it is medium.)
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("weak-l5.ron");
    let text = fs::read_to_string(crate::harness::fixture("weak-startup-pm.ron")).expect("fixture");
    fs::write(
        &path,
        text.replacen(
            "target: Target(level: \"L4\"",
            "target: Target(level: \"L5\"",
            1,
        ),
    )
    .expect("write");
    let run = promo()
        .log(&path)
        .args(["objections", "--format", "json"])
        .run()
        .ok();
    let all: serde_json::Value = serde_json::from_str(&run.stdout()).expect("json");
    let first = all[0].clone();
    assert_eq!(first["id"], "thin-scope");
    assert!(
        first["evidence"].as_array().expect("evidence").is_empty(),
        "an absence cites no moment"
    );
    let out = promo().log(&path).args(["agenda"]).run().ok().stdout();
    assert!(out.contains(first["ask"].as_str().expect("ask")), "{out}");
    let proof: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.contains("Evidence to bring:"))
        .skip(1)
        .filter_map(|l| l.trim().strip_prefix("- "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(proof.len(), 2, "{out}");
    let map = promo()
        .fixture("weak-startup-pm.ron")
        .args(["map", "--format", "json"])
        .run()
        .ok()
        .stdout();
    let map: serde_json::Value = serde_json::from_str(&map).expect("json");
    let top: Vec<&str> = map["examples"]
        .as_array()
        .expect("examples")
        .iter()
        .map(|e| e["id"].as_str().expect("id"))
        .collect();
    assert_eq!(proof, top[..2], "the top examples, in rank order");
    assert!(out.contains("Kai Brennan: Write up the pricing page requirements (14 days overdue, due 2026-11-07) m012.1"), "{out}");
}

#[test]
fn the_markdown_agenda_is_ready_to_paste() {
    let out = promo()
        .fixture("weak-startup-pm.ron")
        .args(["agenda", "--format", "md", "--date", "2026-11-25"])
        .run()
        .ok()
        .stdout();
    golden("agenda-weak-startup-pm.md", &out);
    assert!(out.starts_with("## 2026-11-25 — agenda\n"));
}

#[test]
fn private_commitments_only_on_request() {
    let (_dir, path) = log();
    let run = promo().log(&path).args(["agenda", "--private"]).run().ok();
    let run =
        run.stdout_has("- Mara Chen: PRIVATE-CANARY talk to HR (due 2026-11-30) m003.1 (private)");
    assert!(!run.stderr().contains("left out"));
}

#[test]
fn the_recap_has_the_days_decisions_and_who_owes_what() {
    let out = promo()
        .fixture("strong-pm.ron")
        .args(["recap", "--date", "2026-11-10"])
        .run()
        .ok()
        .stdout();
    golden("recap-strong-pm-2026-11-10.md", &out);
    assert!(
        out.contains("**Decisions**\n- Chose to defer instant payouts in Canada"),
        "{out}"
    );
    assert!(
        out.contains("- **Marcus Bell**: Share the bank partner's 2027 limits — by 2026-12-15"),
        "{out}"
    );
}

#[test]
fn the_recap_never_shows_a_private_moment_and_says_when_there_is_nothing() {
    let (_dir, path) = log();
    let run = promo()
        .log(&path)
        .args(["recap", "--date", "2026-11-18"])
        .run()
        .ok();
    assert_eq!(run.stdout(), "");
    run.stderr_has("nothing recorded for the 1:1 of 2026-11-18");
    let run = promo()
        .log(&path)
        .args(["recap", "--format", "text", "--date", "2026-10-20"])
        .run()
        .ok();
    assert_eq!(
        run.stdout(),
        "Recap: Mara Chen's 1:1 with Tess Obi, 2026-10-20\n\nAlso\n- Asked to own relevance for the org (scope, Search)\n\nWho owes what by when\n- Mara Chen: Draft the ownership note — by 2026-11-01\n- Priya: Share the eval docs — no date set\n\nNext 1:1: 2026-10-27\n"
    );
}

#[test]
fn the_agenda_recap_and_commitments_templates_can_be_overridden_by_name() {
    let (dir, path) = log();
    let templates = dir.path().join("templates");
    fs::create_dir(&templates).expect("mkdir");
    fs::write(
        templates.join("agenda.md"),
        "AGENDA {{ manager_first }} {{ overdue }}\n",
    )
    .expect("write");
    fs::write(
        templates.join("recap.txt"),
        "RECAP {{ date }}: {{ decisions | length }}\n",
    )
    .expect("write");
    fs::write(templates.join("commitments.txt"), "OWED {{ open }}\n").expect("write");
    let dir_arg = templates.to_str().expect("utf-8");
    promo()
        .log(&path)
        .args(["agenda", "--format", "md", "--templates", dir_arg])
        .run()
        .ok()
        .stdout_has("AGENDA Tess 2\n");
    promo()
        .log(&path)
        .args([
            "recap",
            "--format",
            "text",
            "--date",
            "2026-10-06",
            "--templates",
            dir_arg,
        ])
        .run()
        .ok()
        .stdout_has("RECAP 2026-10-06: 1\n");
    promo()
        .log(&path)
        .args(["commitments", "--templates", dir_arg])
        .run()
        .ok()
        .stdout_has("OWED 5\n");
}

#[test]
fn context_prints_what_the_templates_see_and_nothing_private() {
    let (_dir, path) = log();
    for args in [
        &["agenda", "--context"][..],
        &["recap", "--context", "--date", "2026-11-18"],
    ] {
        let out = promo()
            .log(&path)
            .args(args.iter().copied())
            .run()
            .ok()
            .stdout();
        let value: serde_json::Value = serde_json::from_str(&out).expect("json");
        assert!(value.is_object(), "{args:?}: {out}");
        assert!(!out.contains("PRIVATE-CANARY"), "{args:?}: {out}");
    }
    let out = promo()
        .log(&path)
        .args(["agenda", "--context"])
        .run()
        .ok()
        .stdout();
    let value: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(value["manager_first"], "Tess");
    assert_eq!(value["pending"][0]["id"], "m001.2");
    let out = promo()
        .log(&path)
        .args(["commitments", "--context"])
        .run()
        .ok()
        .stdout();
    let value: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(value["open"], 5);
    let private: Vec<&serde_json::Value> = value["commitments"]
        .as_array()
        .expect("rows")
        .iter()
        .filter(|r| r["private"] == true)
        .collect();
    assert_eq!(private.len(), 1);
    assert!(private[0]["moment_what"].is_null(), "{out}");
}
