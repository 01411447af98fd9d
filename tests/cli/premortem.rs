//! `promo premortem`: the window at each boundary, a dated plan that lands two weeks
//! before submission, open commitments (private ones marked), and golden files.

use chrono::{Duration, NaiveDate};
use serde_json::Value;

use crate::harness::{TODAY, fixture, golden, promo};

const FIXTURES: [&str; 3] = ["strong-pm", "weak-startup-pm", "engineer-l6"];

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn today() -> NaiveDate {
    date(TODAY)
}

fn json(fixture_name: &str, extra: &[&str]) -> Value {
    let run = promo()
        .fixture(fixture_name)
        .args(["premortem", "--format", "json"])
        .args(extra)
        .run()
        .ok();
    serde_json::from_str(&run.stdout()).expect("json")
}

fn strings<'a>(value: &'a Value, key: &str) -> Vec<&'a str> {
    value
        .as_array()
        .expect("array")
        .iter()
        .map(|v| v[key].as_str().unwrap_or(""))
        .collect()
}

#[test]
fn pre_mortems_match_the_golden_files() {
    for name in FIXTURES {
        let run = promo()
            .fixture(&format!("{name}.ron"))
            .args(["premortem"])
            .run()
            .ok();
        golden(&format!("premortem-{name}.txt"), &run.stdout());
    }
    for (format, ext) in [("md", "md"), ("html", "html"), ("json", "json")] {
        let run = promo()
            .fixture("weak-startup-pm.ron")
            .args(["premortem", "--format", format])
            .run()
            .ok();
        golden(&format!("premortem-weak-startup-pm.{ext}"), &run.stdout());
    }
}

#[test]
fn each_window_boundary_falls_on_its_side() {
    let cases = [
        (29, "too-late"),
        (30, "tight"),
        (59, "tight"),
        (60, "ideal"),
        (120, "ideal"),
        (121, "early"),
    ];
    for (days, window) in cases {
        let submission = (today() + Duration::days(days)).to_string();
        let value = json("weak-startup-pm.ron", &["--submission", &submission]);
        assert_eq!(value["submission"], submission.as_str());
        assert_eq!(value["days_left"], days, "{submission}");
        assert_eq!(value["window"], window, "{days} days");
        let actions = value["actions"].as_array().expect("actions");
        if window == "too-late" {
            assert!(
                actions.is_empty(),
                "no invented dates when too late: {actions:?}"
            );
            let advice = value["window_advice"].as_str().expect("advice");
            assert!(
                advice.contains("only polishing is possible now"),
                "{advice}"
            );
            let note = value["no_plan"].as_str().expect("no_plan");
            assert!(
                note.starts_with("No dated plan for the fixes: new evidence could not land before"),
                "{note}"
            );
        } else {
            let all = value["objections"].as_array().expect("objections").len();
            // A tight window plans the top three only and says what will not land.
            let planned = if window == "tight" { all.min(3) } else { all };
            assert_eq!(actions.len(), planned, "{window}");
            let left_out = value["will_not_land"].as_array().expect("will_not_land");
            assert_eq!(left_out.len(), all - planned, "{window}");
            assert!(value["no_plan"].is_null());
        }
    }
    let run = promo()
        .fixture("weak-startup-pm.ron")
        .args([
            "premortem",
            "--submission",
            &(today() + Duration::days(29)).to_string(),
        ])
        .run()
        .ok();
    let out = run.stdout();
    assert!(out.contains("window: too-late"), "{out}");
    assert!(out.contains("only polishing is possible now"), "{out}");
    assert!(!out.contains("Gather by"), "{out}");
    // A passed submission date is said plainly, in positive days.
    let value = json("weak-startup-pm.ron", &["--submission", "2026-11-10"]);
    assert_eq!(value["days_left"], -11);
    assert_eq!(value["window"], "too-late");
    assert_eq!(
        value["no_plan"],
        "No dated plan: the submission date has passed."
    );
    let out = promo()
        .fixture("weak-startup-pm.ron")
        .args(["premortem", "--submission", "2026-11-10"])
        .run()
        .ok()
        .stdout();
    assert!(out.contains("11 days past as of 2026-11-21"), "{out}");
}

#[test]
fn the_plan_lands_two_weeks_before_submission_at_upcoming_one_on_ones() {
    for (submission, days) in [("2027-02-15", 86), ("2027-01-05", 45), ("2027-06-30", 221)] {
        let value = json("weak-startup-pm.ron", &["--submission", submission]);
        assert_eq!(value["days_left"], days);
        let deadline = date(submission) - Duration::days(14);
        assert_eq!(value["land_by"], deadline.to_string().as_str());
        let meetings: Vec<NaiveDate> = value["one_on_ones"]
            .as_array()
            .expect("1:1s")
            .iter()
            .map(|d| date(d.as_str().expect("date")))
            .collect();
        // Weekly by default, on the weekday of the last 1:1 logged (2026-11-10, a Tuesday).
        assert_eq!(meetings.first(), Some(&date("2026-11-24")));
        for pair in meetings.windows(2) {
            assert_eq!(pair[1] - pair[0], Duration::days(7));
        }
        let actions = value["actions"].as_array().expect("actions");
        let ids = strings(&value["objections"], "id");
        let planned = strings(&value["actions"], "objection");
        let left_out = value["will_not_land"]
            .as_array()
            .expect("will_not_land")
            .len();
        assert_eq!(planned.len() + left_out, ids.len(), "{submission}");
        if days == 45 {
            assert_eq!(planned.len(), 3, "a tight window plans the top three only");
        }
        // Most urgent first: severity never goes down the plan, and long-lead fixes
        // start at the next 1:1 with a midpoint check.
        let rank = |s: &str| ["high", "medium", "low"].iter().position(|w| *w == s);
        let severities: Vec<Option<usize>> = planned
            .iter()
            .map(|id| {
                let o = value["objections"]
                    .as_array()
                    .expect("objections")
                    .iter()
                    .find(|o| o["id"] == *id)
                    .expect("planned objection");
                rank(o["severity"].as_str().expect("severity"))
            })
            .collect();
        assert!(severities.windows(2).all(|w| w[0] <= w[1]), "{planned:?}");
        for action in actions {
            let by = date(action["by"].as_str().expect("by"));
            assert!(by > today() && by <= deadline, "{submission}: {action}");
            if action["lead"] == "long" {
                let check = date(action["check"].as_str().expect("a midpoint check"));
                assert!(meetings.contains(&check) && check < by, "{action}");
            } else {
                assert!(action["check"].is_null(), "{action}");
                assert!(
                    by <= meetings[1],
                    "a cheap fix lands within two 1:1s: {action}"
                );
            }
            let ask_at = date(action["one_on_one"].as_str().expect("a 1:1 for every ask"));
            assert!(meetings.contains(&ask_at) && ask_at <= by, "{action}");
            assert!(!action["action"].as_str().expect("action").is_empty());
            assert!(
                action["ask"].as_str().expect("ask").starts_with(['A', 'B']),
                "{action}"
            );
        }
    }
}

#[test]
fn the_weak_case_lists_its_objections_and_record() {
    let value = json("weak-startup-pm.ron", &[]);
    assert_eq!(value["submission"], "2027-02-15");
    assert_eq!(value["days_left"], 86);
    assert_eq!(value["window"], "ideal");
    let ids = strings(&value["objections"], "id");
    assert_eq!(ids.first(), Some(&"execution-not-judgment"), "{ids:?}");
    assert!(ids.contains(&"thin-scope"), "{ids:?}");
    for id in [
        "no-sponsor-signal",
        "no-leverage",
        "vague-peer-feedback",
        "broken-commitments",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let open = &value["open_commitments"];
    assert_eq!(
        strings(open, "what"),
        ["Write up the pricing page requirements"]
    );
    assert_eq!(open[0]["overdue"], true);
    assert_eq!(value["record"]["broken"], 1);
    assert_eq!(value["record"]["held"], 0);
    let stale = strings(&value["stale_proof"], "id");
    assert!(stale.contains(&"m004"), "{stale:?}");
    let text = serde_json::to_string(&value).expect("text");
    assert!(!text.contains("PRIVATE-CANARY"), "{text}");
}

#[test]
fn private_open_commitments_are_shown_marked_but_their_moment_never() {
    let source = std::fs::read_to_string(fixture("strong-pm.ron")).expect("fixture");
    let held = "Commitment(owner: Manager, what: \"Find out my band position from HR\",\n                           due: \"2026-10-27\", status: Held)";
    assert!(
        source.contains(held),
        "the fixture changed: update this test"
    );
    let edited = source.replace(
        held,
        "Commitment(owner: Manager, what: \"Find out my band position from HR\",\n                           due: \"2026-10-27\", status: Open)",
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ana.ron");
    std::fs::write(&path, edited).expect("write");
    for format in ["text", "md", "html", "json"] {
        let run = promo()
            .log(&path)
            .args(["premortem", "--format", format])
            .run()
            .ok();
        let out = run.stdout();
        assert!(
            out.contains("Find out my band position from HR"),
            "{format}:\n{out}"
        );
        assert!(!out.contains("PRIVATE-CANARY"), "{format}:\n{out}");
        assert!(!out.contains("band position in the L5"), "{format}");
    }
    let run = promo().log(&path).args(["premortem"]).run().ok();
    let out = run.stdout();
    assert!(out.contains("For you only"), "{out}");
    assert!(
        out.contains(
            "- OVERDUE 2026-10-27 · Sam Lee · Find out my band position from HR (private)"
        ),
        "{out}"
    );
    let value: Value = serde_json::from_str(
        &promo()
            .log(&path)
            .args(["premortem", "--format", "json"])
            .run()
            .ok()
            .stdout(),
    )
    .expect("json");
    assert_eq!(value["private_commitments"], 1);
    assert_eq!(value["open_commitments"][0]["private"], true);
    // The restatement is shared: the private commitment stays out of it.
    let restate = promo().log(&path).args(["restate"]).run().ok().stdout();
    assert!(!restate.contains("band position"), "{restate}");
}

#[test]
fn output_file_is_written_whole_and_matches_stdout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan").join("premortem.md");
    let run = promo()
        .fixture("engineer-l6.ron")
        .args(["premortem", "--format", "md", "-o"])
        .args([&path])
        .run()
        .ok()
        .stderr_has("wrote ");
    assert_eq!(run.stdout(), "");
    let written = std::fs::read_to_string(&path).expect("written");
    let printed = promo()
        .fixture("engineer-l6.ron")
        .args(["premortem", "--format", "md"])
        .run()
        .ok()
        .stdout();
    assert_eq!(written, printed);
    assert!(
        written.starts_with("# Pre-mortem: Rafael Costa"),
        "{written}"
    );
}

#[test]
fn the_submission_override_and_user_templates_are_used() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("premortem.txt"),
        "{{ owner }} has {{ days_left }} days ({{ window }}); first by {{ actions[0].by }}\n",
    )
    .expect("write template");
    let run = promo()
        .fixture("weak-startup-pm.ron")
        .args(["premortem", "--submission", "2027-01-20", "--templates"])
        .args([dir.path()])
        .run()
        .ok();
    assert_eq!(
        run.stdout(),
        // The most urgent fix is long-lead (thin scope): it lands at the deadline.
        "Kai Brennan has 60 days (ideal); first by 2027-01-06\n"
    );
}

#[test]
fn user_text_is_escaped_in_html_and_markdown() {
    let log = r#"Log(
    version: 1,
    owner: Person(name: "Lee <b>Park</b>", level: "L5"),
    manager: "Sam Lee",
    target: Target(level: "L6", submission: "2027-03-01"),
    projects: { "p": Project(name: "Payments") },
    moments: [
        Moment(id: "m001", date: "2026-10-01", tag: Decision, project: "p", what: "Cut the <script>alert(1)</script> flow | # now", reach: Org,
               commitments: [Commitment(owner: Me, what: "Ship <img src=x onerror=alert(1)> | # docs", due: "2026-12-01", status: Open)]),
    ],
)
"#;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("lee.ron");
    std::fs::write(&path, log).expect("write");
    let html = promo()
        .log(&path)
        .args(["premortem", "--format", "html"])
        .run()
        .ok()
        .stdout();
    assert!(
        !html.contains("<script>") && !html.contains("<img") && !html.contains("<b>"),
        "{html}"
    );
    assert!(
        html.contains("Ship &lt;img src=x onerror=alert(1)&gt; | # docs"),
        "{html}"
    );
    let md = promo()
        .log(&path)
        .args(["premortem", "--format", "md"])
        .run()
        .ok()
        .stdout();
    assert!(
        md.contains("Ship \\<img src=x onerror=alert(1)\\> \\| \\# docs"),
        "{md}"
    );
    assert!(!md.contains("<script>"), "{md}");
}

/// Runs `pdftotext` or `pdfinfo` (poppler) on `pdf` and returns its output.
fn poppler(tool: &str, pdf: &std::path::Path, to_stdout: bool) -> String {
    let mut command = std::process::Command::new(tool);
    command.arg(pdf);
    if to_stdout {
        command.arg("-");
    }
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) must be installed: {e}"));
    assert!(out.status.success(), "{tool} failed: {out:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Text with all white space removed, so wrapped lines compare equal.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_pdf_is_one_page_on_letter_and_a4_with_the_plan_on_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in FIXTURES {
        let ctx = json(&format!("{name}.ron"), &[]);
        for paper in ["letter", "a4"] {
            let path = dir.path().join(format!("{name}-{paper}.pdf"));
            promo()
                .fixture(&format!("{name}.ron"))
                .args(["premortem", "--format", "pdf", "--paper", paper, "-o"])
                .args([&path])
                .run()
                .ok()
                .stderr_has("for you only");
            let info = poppler("pdfinfo", &path, false);
            assert!(
                info.lines()
                    .any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(" 1")),
                "{name} on {paper} is not one page:\n{info}"
            );
            let text = squash(&poppler("pdftotext", &path, true));
            let mut needles = vec![
                format!(
                    "Pre-mortem:{}",
                    squash(ctx["owner"].as_str().expect("owner"))
                ),
                "Foryouonly.".to_string(),
                format!("{}daysleft", ctx["days_left"]),
            ];
            needles.extend(ctx["objections"][0]["title"].as_str().map(squash));
            for needle in needles {
                assert!(
                    text.contains(&needle),
                    "{name} on {paper}: {needle:?} missing from\n{text}"
                );
            }
            assert!(!text.contains("PRIVATE-CANARY"), "{name}: {text}");
        }
    }
}

#[test]
fn context_is_the_json_and_a_piped_pdf_is_a_pdf() {
    let context = promo()
        .fixture("weak-startup-pm.ron")
        .args(["premortem", "--context"])
        .run()
        .ok()
        .stdout();
    let json = promo()
        .fixture("weak-startup-pm.ron")
        .args(["premortem", "--format", "json"])
        .run()
        .ok()
        .stdout();
    assert_eq!(context, json);
    let value: Value = serde_json::from_str(&context).expect("json");
    assert_eq!(value["owner"], "Kai Brennan", "{context}");
    // Standard output is a pipe here, so the PDF is written to it.
    let pdf = promo()
        .fixture("weak-startup-pm.ron")
        .args(["premortem", "--format", "pdf"])
        .run()
        .ok();
    assert!(pdf.0.stdout.starts_with(b"%PDF-"));
}

/// Dated steps of a pre-mortem: the plan's and the readiness block's.
fn dated_actions(value: &Value) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = Vec::new();
    for key in ["actions", "readiness"] {
        for step in value[key].as_array().expect("array") {
            dates.push(date(step["by"].as_str().expect("by")));
        }
    }
    dates
}

#[test]
fn a_strong_case_still_gets_dated_readiness_steps_even_20_days_out() {
    for (today_arg, submission) in [("2026-11-21", "2027-03-01"), ("2027-02-09", "2027-03-01")] {
        let run = promo()
            .real_today()
            .fixture("strong-pm.ron")
            .args(["--today", today_arg, "premortem", "--format", "json"])
            .run()
            .ok();
        let value: Value = serde_json::from_str(&run.stdout()).expect("json");
        let dates = dated_actions(&value);
        assert!(dates.len() >= 2, "{today_arg}: {dates:?}");
        for d in &dates {
            assert!(
                *d > date(today_arg) && *d < date(submission),
                "{today_arg}: {d}"
            );
        }
        let steps = strings(&value["readiness"], "step").join("\n");
        assert!(steps.contains("say your case back"), "{steps}");
        assert!(steps.contains("sits in calibration"), "{steps}");
        assert!(steps.contains("skip-level"), "{steps}");
        // Sam Lee's open promise about the packet is named.
        assert!(steps.contains("calibration pre-read"), "{steps}");
        let text = promo()
            .real_today()
            .fixture("strong-pm.ron")
            .args(["--today", today_arg, "premortem"])
            .run()
            .ok()
            .stdout();
        assert!(text.contains("CALIBRATION READINESS\n- By "), "{text}");
        assert!(
            !text.contains("the fixes above as polish\n\nOPEN"),
            "{text}"
        );
    }
}

#[test]
fn two_high_objections_under_90_days_give_a_next_cycle_verdict() {
    // weak-startup-pm: three high objections, 86 days out.
    let value = json("weak-startup-pm.ron", &[]);
    let verdict = value["verdict"].as_str().expect("a verdict");
    assert!(
        verdict.starts_with("Next cycle: 3 high objections with 86 days"),
        "{verdict}"
    );
    // 100 days out is not under 90: no verdict.
    let value = json("weak-startup-pm.ron", &["--submission", "2027-03-01"]);
    assert!(value["verdict"].is_null(), "{value}");
    // A strong case has no verdict at all.
    assert!(json("strong-pm.ron", &[])["verdict"].is_null());
}
