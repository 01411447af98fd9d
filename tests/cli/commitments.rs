//! `promo commitments` (table, JSON, iCalendar read back with a real parser) and
//! `promo done` / `promo broken` (one value changed, every other byte kept, a
//! backup first).

use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use icalendar::Component;

use crate::harness::{TODAY, fixture, promo};

/// A log with commitments in every state, one undated, one with text that
/// iCalendar must escape and fold, and a private one.
const LOG: &str = "\u{feff}// kept as is\r\nLog(\r\n    version: 1,\r\n    owner: Person(name: \"Zoë Łukasiewicz\", level: \"L5\"),\r\n    manager: \"Sam Lee\",\r\n    target: Target(level: \"L6\", submission: \"2027-03-01\"),\r\n    projects: {\"p\": Project(name: \"P\")},\r\n    moments: [\r\n        Moment(id: \"m001\", date: \"2026-10-01\", tag: Decision, project: \"p\", what: \"Cut scope; kept the date, barely\", reach: Org, impact: \"Held the 2026-11-01 date\",\r\n            commitments: [\r\n                Commitment(owner: Me, what: \"Send the plan; then, the memo\\\\appendix — with a long tail of words that will need folding at seventy-five octets ✓\", due: \"2026-12-01\", status: Open),\r\n                Commitment(owner: Manager, what: \"Raise it at staff\", due: \"2026-11-02\", status: Open), // overdue\r\n                Commitment(owner: Other(\"Priya\"), what: \"Share the docs\", status: Open),\r\n                Commitment(owner: Me, what: \"Book the review\", due: \"2026-10-05\", status: Held),\r\n            ]),\r\n        Moment(date: \"2026-10-08\", tag: Scope, project: \"p\", what: \"Took the backlog\", reach: Team, impact: \"14 tests relaunched\",\r\n            commitments: [Commitment(owner: Me, what: \"Audit it\", due: \"2026-10-20\", status: Broken)]),\r\n        Moment(id: \"m003\", date: \"2026-10-09\", tag: Decision, project: \"p\", what: \"PRIVATE-CANARY\", reach: Team, private: true,\r\n            commitments: [Commitment(owner: Me, what: \"PRIVATE-CANARY call HR\", due: \"2026-11-30\", status: Open)]),\r\n    ],\r\n)\r\n";

fn log() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    fs::write(&path, LOG).expect("write");
    (dir, path)
}

fn json(path: &Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let run = promo()
        .log(path)
        .args(["commitments", "--format", "json"])
        .args(extra.iter().copied())
        .run()
        .ok();
    serde_json::from_str::<Vec<serde_json::Value>>(&run.stdout()).expect("json array")
}

#[test]
fn the_table_puts_overdue_first_then_open_by_date_then_settled() {
    let (_dir, path) = log();
    let out = promo().log(&path).args(["commitments"]).run().ok().stdout();
    let ids: Vec<&str> = out
        .lines()
        .skip(3)
        .map(|l| l.split_whitespace().next().unwrap_or(""))
        .collect();
    assert_eq!(
        ids,
        [
            "m001.2",
            "m003.1",
            "m001.1",
            "m001.3",
            "m001.4",
            "2026-10-08#1.1"
        ],
        "{out}"
    );
    assert!(out.starts_with("Commitments in Zoë Łukasiewicz's log as of 2026-11-21: 4 open (1 overdue), 1 held, 1 broken, 0 dropped\n"), "{out}");
    let overdue: Vec<&str> = out
        .lines()
        .find(|l| l.starts_with("m001.2 "))
        .expect("row")
        .split_whitespace()
        .collect();
    assert_eq!(
        overdue,
        [
            "m001.2",
            "overdue",
            "2026-11-02",
            "Sam",
            "Lee",
            "Raise",
            "it",
            "at",
            "staff"
        ]
    );
    assert!(
        out.contains("PRIVATE-CANARY call HR (private)"),
        "the owner's own list shows private ones, marked:\n{out}"
    );
    let open = promo()
        .log(&path)
        .args(["commitments", "--open"])
        .run()
        .ok()
        .stdout();
    assert!(
        !open.contains("held") && !open.contains("2026-10-08#1.1"),
        "{open}"
    );
}

#[test]
fn json_lists_every_commitment_with_its_id_and_state() {
    let (_dir, path) = log();
    let rows = json(&path, &[]);
    assert_eq!(rows.len(), 6);
    let overdue = &rows[0];
    assert_eq!(overdue["id"], "m001.2");
    assert_eq!(overdue["owner"], "manager");
    assert_eq!(overdue["owner_name"], "Sam Lee");
    assert_eq!(overdue["overdue"], true);
    assert_eq!(rows.iter().filter(|r| r["private"] == true).count(), 1);
    assert_eq!(json(&path, &["--open"]).len(), 4);
}

fn ics(path: &Path, extra: &[&str]) -> (String, String) {
    let run = promo()
        .log(path)
        .args(["commitments", "--format", "ics"])
        .args(extra.iter().copied())
        .run()
        .ok();
    (run.stdout(), run.stderr())
}

#[test]
fn the_calendar_file_is_valid_icalendar_that_a_parser_reads_back() {
    let (_dir, path) = log();
    let (text, stderr) = ics(&path, &[]);
    // RFC 5545: CRLF everywhere, no content line over 75 octets.
    assert!(
        text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'),
        "CRLF only"
    );
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(text.contains("\r\n "), "the long summary is folded");
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded
            .contains("SUMMARY:Zoë Łukasiewicz: Send the plan\\; then\\, the memo\\\\appendix — "),
        "TEXT escaping: {unfolded}"
    );
    let calendar = icalendar::Calendar::from_str(&text).expect("a real parser reads it");
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    let todos: Vec<&icalendar::Todo> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_todo())
        .collect();
    assert_eq!(
        (events.len(), todos.len()),
        (2, 1),
        "dated → all-day events, undated → a to-do; open only; no private"
    );
    let summaries: Vec<&str> = events.iter().filter_map(|e| e.get_summary()).collect();
    assert_eq!(
        summaries,
        [
            "Sam Lee: Raise it at staff",
            "Zoë Łukasiewicz: Send the plan; then, the memo\\appendix — with a long tail of words that will need folding at seventy-five octets ✓",
        ],
        "overdue first"
    );
    assert_eq!(
        events[0].get_start(),
        Some(icalendar::DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 2).expect("date")
        ))
    );
    assert_eq!(todos[0].get_summary(), Some("Priya: Share the docs"));
    for component in &calendar.components {
        let stamp = component
            .as_event()
            .map(|e| e.property_value("DTSTAMP"))
            .or_else(|| component.as_todo().map(|t| t.property_value("DTSTAMP")));
        assert_eq!(
            stamp.flatten(),
            Some("20261121T000000Z"),
            "DTSTAMP comes from --today {TODAY}"
        );
    }
    assert!(
        !text.contains("PRIVATE-CANARY"),
        "a calendar file never holds private commitments"
    );
    let later = promo()
        .real_today()
        .log(&path)
        .args(["--today", "2026-12-24", "commitments", "--format", "ics"])
        .run()
        .ok()
        .stdout();
    assert_eq!(
        later.matches("DTSTAMP:20261224T000000Z\r\n").count(),
        3,
        "DTSTAMP follows --today"
    );
    assert!(
        stderr.contains("1 open commitment of private moments left out"),
        "{stderr}"
    );
}

#[test]
fn uids_are_stable_across_exports_and_edits_and_distinct() {
    let (_dir, path) = log();
    let uids = |text: &str| -> Vec<String> {
        let calendar = icalendar::Calendar::from_str(text).expect("parse");
        calendar
            .components
            .iter()
            .filter_map(|c| {
                c.as_event()
                    .and_then(|e| e.get_uid())
                    .or_else(|| c.as_todo().and_then(|t| t.get_uid()))
            })
            .map(str::to_string)
            .collect()
    };
    let first = uids(&ics(&path, &[]).0);
    assert_eq!(first.len(), 3);
    let mut unique = first.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 3);
    promo().log(&path).args(["done", "m001.2"]).run().ok();
    let after = uids(&ics(&path, &[]).0);
    assert!(
        first[0].starts_with("m001.2-"),
        "the overdue one first: {first:?}"
    );
    assert_eq!(
        after,
        [first[1].clone(), first[2].clone()],
        "the others keep their UIDs"
    );
    // As to-dos, the same UIDs, with DUE dates.
    let (todo, _) = ics(&path, &["--todo"]);
    assert_eq!(uids(&todo), after);
    assert!(
        todo.contains("DUE;VALUE=DATE:20261201\r\n") && !todo.contains("VEVENT"),
        "{todo}"
    );
}

/// The single byte range where `a` and `b` differ, as (old, new) text.
fn difference(a: &[u8], b: &[u8]) -> (String, String) {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let suffix = suffix.min(a.len() - prefix).min(b.len() - prefix);
    (
        String::from_utf8_lossy(&a[prefix..a.len() - suffix]).into_owned(),
        String::from_utf8_lossy(&b[prefix..b.len() - suffix]).into_owned(),
    )
}

#[test]
fn done_and_broken_change_one_status_and_keep_every_other_byte() {
    let (dir, path) = log();
    let before = fs::read(&path).expect("read");
    promo()
        .log(&path)
        .args(["done", "m001.1"])
        .run()
        .ok()
        .stdout_has("m001.1: open → held: Send the plan; then, the memo")
        .stderr_has("the previous version is kept in");
    let after = fs::read(&path).expect("read");
    assert_eq!(
        difference(&before, &after),
        ("Open".to_string(), "Held".to_string())
    );
    assert_eq!(
        fs::read(dir.path().join("promo.ron.bak")).expect("backup"),
        before,
        "the backup is the file before the edit"
    );
    assert!(after.starts_with("\u{feff}// kept as is\r\n".as_bytes()));

    // A moment without an id, through its `<date>#<n>` id; and a private moment.
    promo().log(&path).args(["broken", "m003.1"]).run().ok();
    promo()
        .log(&path)
        .args(["done", "2026-10-08#1.1"])
        .run()
        .ok()
        .stdout_has("2026-10-08#1.1: broken → held: Audit it");
    let rows = json(&path, &[]);
    let state = |id: &str| {
        rows.iter()
            .find(|r| r["id"] == id)
            .map(|r| r["status"].clone())
    };
    assert_eq!(state("m001.1"), Some("held".into()));
    assert_eq!(state("2026-10-08#1.1"), Some("held".into()));
    let text = fs::read_to_string(&path).expect("read");
    assert!(
        text.contains("what: \"PRIVATE-CANARY call HR\", due: \"2026-11-30\", status: Broken)"),
        "{text}"
    );
    assert!(
        promo()
            .log(&path)
            .args(["check"])
            .run()
            .ok()
            .stdout()
            .contains("ok")
    );
}

#[test]
fn a_commitment_already_in_that_state_is_left_alone() {
    let (dir, path) = log();
    let before = fs::read(&path).expect("read");
    promo()
        .log(&path)
        .args(["done", "m001.4"])
        .run()
        .ok()
        .stdout_has("m001.4 is already held: Book the review");
    assert_eq!(fs::read(&path).expect("read"), before);
    assert!(
        !dir.path().join("promo.ron.bak").exists(),
        "nothing to back up when nothing changes"
    );
}

#[test]
fn unknown_and_ambiguous_ids_are_refused_with_what_to_type() {
    let (_dir, path) = log();
    let before = fs::read(&path).expect("read");
    promo().log(&path).args(["done", "m001.9"]).run().expect_code(1)
        .stderr_has("error: no commitment `m001.9` in the log (did you mean `m001.1`?); `promo commitments` lists every id (`MOMENT.N`)");
    promo().log(&path).args(["broken", "m001"]).run().expect_code(1)
        .stderr_has("moment `m001` has 4 commitments: name one of them (`m001.1`, `m001.2`, `m001.3`, `m001.4`)");
    // A moment with one commitment can be named by its moment id.
    promo()
        .log(&path)
        .args(["done", "m003"])
        .run()
        .ok()
        .stdout_has("m003.1: open → held");
    assert_ne!(fs::read(&path).expect("read"), before);
}

#[test]
fn a_read_only_log_is_refused_and_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = log();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("chmod");
    promo()
        .log(&path)
        .args(["done", "m001.1"])
        .run()
        .expect_code(1)
        .stderr_has("is read-only");
    assert_eq!(fs::read(&path).expect("read"), LOG.as_bytes());
}

#[test]
fn the_fixtures_commitments_list_matches_the_log() {
    let path = fixture("strong-pm.ron");
    let rows = json(&path, &[]);
    let (log, _) = promo::log::load::load(&path, TODAY.parse().expect("date")).expect("valid");
    let public: usize = log.moments.iter().map(|m| m.commitments.len()).sum();
    assert_eq!(rows.len(), public);
    let open: Vec<&str> = rows
        .iter()
        .filter(|r| r["status"] == "open")
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(open, ["m045.1", "m046.1", "m047.1", "m047.2"]);
}
