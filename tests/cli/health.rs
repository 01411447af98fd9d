//! `promo health`: exact counts from the calendar fixture, the inferred counts without
//! one, every format's golden file, and no private moment anywhere.

use crate::harness::{golden, promo};

const WITH_CALENDAR: &str = "calendar/ana-with-calendar.ron";

/// `promo health --format FORMAT` on a fixture, which must succeed.
fn health(fixture: &str, format: &str) -> String {
    promo()
        .fixture(fixture)
        .args(["health", "--format", format])
        .run()
        .ok()
        .stdout()
}

fn json_of(fixture: &str) -> serde_json::Value {
    serde_json::from_str(&health(fixture, "json")).expect("json")
}

#[test]
fn counts_come_from_the_calendar() {
    let json = json_of(WITH_CALENDAR);
    assert_eq!(json["inferred"], false);
    assert_eq!(json["scheduled"], 12);
    assert_eq!(json["held"], 10);
    assert_eq!(json["cancelled"], 2);
    assert_eq!(json["next"], "2026-12-01");
    assert_eq!(json["with_outcome"], 8);
    assert_eq!(json["meetings"].as_array().map(Vec::len), Some(20));
    assert_eq!(json["meetings"][3]["date"], "2026-09-22");
    assert_eq!(json["meetings"][3]["status"], "cancelled");
    assert_eq!(json["manager_commitments"]["held"], 7);
    assert_eq!(
        json["months_without_ask"],
        serde_json::json!(["2026-09", "2026-11"])
    );
    assert_eq!(json["gaps"], serde_json::json!([]));
}

#[test]
fn without_a_calendar_the_counts_are_inferred_and_say_so() {
    let json = json_of("weak-startup-pm.ron");
    assert_eq!(json["inferred"], true);
    assert_eq!(json["cancelled"], 0);
    assert_eq!(json["scheduled"], json["held"]);
    promo()
        .fixture("weak-startup-pm.ron")
        .args(["health"])
        .run()
        .ok()
        .stdout_has("Inferred from moment dates")
        .stderr_has("promo import ics");
    let calendar = promo().fixture(WITH_CALENDAR).args(["health"]).run().ok();
    assert!(!calendar.stdout().contains("Inferred"));
}

#[test]
fn a_silence_of_more_than_two_cadences_is_a_gap() {
    let json = json_of("weak-startup-pm.ron");
    let gaps = json["gaps"].as_array().expect("gaps");
    assert!(!gaps.is_empty(), "the weak log has long silences");
    assert!(gaps.iter().all(|g| g["days"].as_i64().unwrap_or(0) > 14));
}

#[test]
fn health_goldens() {
    for (format, ext) in [
        ("text", "txt"),
        ("md", "md"),
        ("html", "html"),
        ("json", "json"),
    ] {
        let out = health(WITH_CALENDAR, format);
        golden(&format!("health.{ext}"), &out);
    }
}

#[test]
fn the_chart_is_inline_and_readable_without_colour() {
    let html = health(WITH_CALENDAR, "html");
    assert!(html.contains("<svg class=\"chart\""));
    assert!(
        html.contains("fill=\"url(#hatch)\""),
        "cancelled bars are hatched"
    );
    assert!(html.contains("held (solid)") && html.contains("cancelled (hatched)"));
    // No external resources: nothing is fetched to draw the page.
    assert!(!html.contains("<img") && !html.contains("<link") && !html.contains("src="));
}

#[test]
fn the_evidence_timeline_is_drawn_under_the_chart_with_its_projects() {
    let html = health(WITH_CALENDAR, "html");
    let chart = html.find("<svg class=\"chart\"").expect("chart");
    let timeline = html.find("<figure class=\"timeline\">").expect("timeline");
    assert!(chart < timeline, "the timeline comes after the 1:1 chart");
    let figure = &html[timeline..];
    assert!(figure.contains("role=\"img\""), "accessible");
    for project in ["Pay later", "Checkout redesign", "2026-Q3"] {
        assert!(figure.contains(project), "{project} is labelled");
    }
}

#[test]
fn private_moments_never_show() {
    for format in ["text", "md", "html", "json"] {
        let out = health(WITH_CALENDAR, format);
        assert!(!out.contains("PRIVATE-CANARY"), "{format}");
        assert!(!out.to_lowercase().contains("private"), "{format}");
    }
}
