//! `promo import ics`: the 1:1 series from a calendar export into the log's `meetings`
//! field — EXDATE, cancelled and moved instances, a TZID zone, unrelated events left out —
//! and the one next-1:1 date agenda, recap and premortem then agree on.

use std::fs;
use std::path::PathBuf;

use crate::harness::{fixture, promo};

const CALENDAR: &str = "calendar/sam-weekly.ics";

/// A copy of the strong PM's log (manager Sam Lee) in a temporary folder.
fn copy_of_strong_pm() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    fs::copy(fixture("strong-pm.ron"), &path).expect("copy");
    (dir, path)
}

fn import(path: &PathBuf, extra: &[&str]) -> crate::harness::Run {
    let calendar = fixture(CALENDAR);
    let mut args = vec!["import", "ics", calendar.to_str().expect("path")];
    args.extend_from_slice(extra);
    promo().log(path).args(args).run()
}

#[test]
fn the_series_is_expanded_with_its_exceptions() {
    let (_dir, path) = copy_of_strong_pm();
    import(&path, &[])
        .ok()
        .stdout_has("10 held, 3 cancelled, 7 ahead; 2 other events left out");
    let text = fs::read_to_string(&path).expect("read");
    // The EXDATE'd instances (one past, one ahead) and the overridden cancelled one.
    for cancelled in ["2026-09-22", "2026-10-13", "2026-11-24"] {
        assert!(
            text.contains(&format!(
                "Meeting(date: \"{cancelled}\", status: Cancelled)"
            )),
            "{cancelled} should be cancelled"
        );
    }
    // Moved from Tuesday 2026-11-03 to Thursday 2026-11-05.
    assert!(text.contains("Meeting(date: \"2026-11-05\", status: Held)"));
    assert!(!text.contains("2026-11-03\", status"));
    // 21:30 in Los Angeles is the next day in UTC: the zone's own date is kept.
    assert!(text.contains("Meeting(date: \"2026-09-01\", status: Held)"));
    assert!(!text.contains("2026-09-02\", status"));
    assert!(text.contains("Meeting(date: \"2026-12-01\", status: Scheduled)"));
    // The all-hands (Thursdays, many people) and the skip-level are not the 1:1.
    assert!(!text.contains("2026-09-03\", status"));
    assert!(!text.contains("2026-10-15\", status"));
    assert_eq!(text.matches("Meeting(").count(), 20);
}

#[test]
fn only_the_meetings_field_is_added_and_re_import_changes_nothing() {
    let (_dir, path) = copy_of_strong_pm();
    let before = fs::read_to_string(&path).expect("read");
    import(&path, &[]).ok();
    let once = fs::read(&path).expect("read");
    let text = String::from_utf8(once.clone()).expect("utf-8");
    // Every byte of the old log is still there, in order, around the one new field.
    let start = text.find("    meetings: [").expect("meetings field");
    let end = start + text[start..].find("],\n").expect("end of field") + 3;
    assert_eq!(format!("{}{}", &text[..start], &text[end..]), before);
    import(&path, &[])
        .ok()
        .stdout_has("nothing to import")
        .stdout_has("already has these 1:1s");
    assert_eq!(
        fs::read(&path).expect("read"),
        once,
        "re-import must be byte-identical"
    );
}

#[test]
fn series_picks_events_by_summary() {
    let (_dir, path) = copy_of_strong_pm();
    import(&path, &["--series", "skip-level"])
        .ok()
        .stdout_has("recorded 6 new 1:1 dates");
    let text = fs::read_to_string(&path).expect("read");
    assert!(text.contains("Meeting(date: \"2026-10-15\", status: Held)"));
    assert!(text.contains("Meeting(date: \"2026-11-15\", status: Held)"));
    assert!(text.contains("Meeting(date: \"2026-12-15\", status: Scheduled)"));
    assert!(!text.contains("2026-09-01\", status"));
}

#[test]
fn a_file_that_is_not_a_calendar_is_refused_with_its_place() {
    let (dir, path) = copy_of_strong_pm();
    let bad = dir.path().join("bad.ics");
    fs::write(
        &bad,
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:2026-09-01\r\nRRULE:FREQ=WEEKLY\r\nORGANIZER;CN=Sam Lee:mailto:sam.lee@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .expect("write");
    let before = fs::read(&path).expect("read");
    promo()
        .log(&path)
        .args(["import", "ics", bad.to_str().expect("path")])
        .run()
        .expect_code(1)
        .stderr_has("bad.ics:4:");
    assert_eq!(fs::read(&path).expect("read"), before, "nothing written");
}

#[test]
fn agenda_recap_and_premortem_take_the_next_1on1_from_the_calendar() {
    // Without a calendar: a week after the last moment (Monday 2026-11-16).
    promo()
        .fixture("strong-pm.ron")
        .args(["agenda"])
        .run()
        .ok()
        .stdout_has("1:1 with Sam Lee, 2026-11-23");
    // With it: 2026-11-24 is cancelled, so the next is Tuesday 2026-12-01.
    promo()
        .fixture("calendar/ana-with-calendar.ron")
        .args(["agenda"])
        .run()
        .ok()
        .stdout_has("1:1 with Sam Lee, 2026-12-01");
    let premortem = promo()
        .fixture("calendar/ana-with-calendar.ron")
        .args(["premortem", "--context"])
        .run()
        .ok()
        .stdout();
    let json: serde_json::Value = serde_json::from_str(&premortem).expect("json");
    assert_eq!(json["one_on_ones"][0], "2026-12-01");
    assert_eq!(json["one_on_ones"][1], "2026-12-08");
    // The recap of Monday's moments points at the calendar's Tuesday 1:1, not at the
    // cadence's next Monday.
    promo()
        .fixture("calendar/ana-with-calendar.ron")
        .args(["recap", "--date", "2026-11-16", "--format", "text"])
        .run()
        .ok()
        .stdout_has("Next 1:1: 2026-11-17");
    promo()
        .fixture("strong-pm.ron")
        .args(["recap", "--date", "2026-11-16", "--format", "text"])
        .run()
        .ok()
        .stdout_has("Next 1:1: 2026-11-23");
}

#[test]
fn a_dry_run_writes_nothing() {
    let (_dir, path) = copy_of_strong_pm();
    let before = fs::read(&path).expect("read");
    import(&path, &["--dry-run"])
        .ok()
        .stdout_has("would record 20 new 1:1 dates");
    assert_eq!(fs::read(&path).expect("read"), before);
}
