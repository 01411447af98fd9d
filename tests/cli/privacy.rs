//! Nothing leaked: a private moment carries a canary in every text field (its id, what,
//! impact, witnesses, quote authors and texts, commitment owners and texts), and no
//! shared output shows any of them — in any format, nor in what a user template can
//! reach, not even through a dump of its whole context.

use std::path::{Path, PathBuf};

use crate::harness::{fixture, promo};

/// Every canary starts with this; outputs are searched for it case-insensitively, so a
/// renderer that re-cases or shortens a field still cannot hide a leak.
const CANARY: &str = "qzxv";

/// A private moment with a distinct canary in each text field: the strongest moment of
/// any log (company reach, a quantified impact, a manager quote naming the level), so
/// anything that let private moments count would pick it first; one overdue open
/// commitment owed by a named person and one broken commitment of the owner's.
fn private_moment(project: &str) -> String {
    format!(
        r#"        Moment(
            id: "Qzxv-id-1",
            date: "2026-10-15",
            tag: Decision,
            project: "{project}",
            what: "Qzxvwhat Chose to kill the company-wide QzxvWhatTail platform rebuild",
            reach: Company,
            impact: "Qzxvimpact saved $9.9M and 40% of infra spend",
            witnesses: ["Qzxvwitness One", "Qzxvwitness Two"],
            quotes: [
                Quote(by: "Qzxvquoteby Manager", role: Manager, text: "Qzxvquotetext She made the L6 call for the company."),
                Quote(by: "Qzxvquoteby Skip", role: Skip, text: "Qzxvquotetext2 Operating at the next level."),
                Quote(by: "Qzxvquoteby Peer", role: Peer, text: "Qzxvquotetext3 Her framework is now used by four teams."),
            ],
            commitments: [
                Commitment(owner: Other("Qzxvcommitowner Pat"), what: "Qzxvcommitwhat Send the board memo", due: "2026-10-20", status: Open),
                Commitment(owner: Me, what: "Qzxvcommitbroken Write the postmortem", due: "2026-10-30", status: Broken),
            ],
            private: true,
        ),
"#
    )
}

/// The fixture's text with the canary moment added as its last moment.
fn with_canary(fixture_text: &str, project: &str) -> String {
    let end = fixture_text
        .rfind("\n    ],\n)")
        .expect("the fixture ends with its moments list");
    let mut text = fixture_text[..end + 1].to_string();
    text.push_str(&private_moment(project));
    text.push_str(&fixture_text[end + 1..]);
    text
}

/// A log whose only moments are private: nothing public to rank.
fn only_private() -> String {
    format!(
        "Log(\n    version: 1,\n    owner: Person(name: \"Noa Quist\", level: \"L5\"),\n    manager: \"Sam Lee\",\n    target: Target(level: \"L6\", submission: \"2027-03-01\"),\n    projects: {{ \"core\": Project(name: \"Core\") }},\n    moments: [\n{}    ],\n)\n",
        private_moment("core")
    )
}

/// The logs under test, written into `dir`: each fixture plus the canary moment, and
/// a log with nothing but private moments.
fn canary_logs(dir: &Path) -> Vec<PathBuf> {
    canary_logs_with_owners(dir)
        .into_iter()
        .map(|(path, _)| path)
        .collect()
}

/// [`canary_logs`], each with its owner's name.
fn canary_logs_with_owners(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let mut logs = Vec::new();
    for (name, project, owner) in [
        ("strong-pm.ron", "payouts", "Ana Ruiz"),
        ("weak-startup-pm.ron", "onboarding", "Kai Brennan"),
        ("engineer-l6.ron", "ci", "Rafael Costa"),
    ] {
        let text = std::fs::read_to_string(fixture(name)).expect("fixture");
        let path = dir.join(name);
        std::fs::write(&path, with_canary(&text, project)).expect("write log");
        logs.push((path, owner));
    }
    let path = dir.join("only-private.ron");
    std::fs::write(&path, only_private()).expect("write log");
    logs.push((path, "Noa Quist"));
    for (log, _) in &logs {
        // The canary moment is really there and really private: a wrong project key or a
        // typo would make the log invalid and every output below vacuous.
        let run = promo().log(log).args(["check"]).run().ok();
        assert!(
            run.stdout().contains(" private)"),
            "{}: {}",
            log.display(),
            run.stdout()
        );
    }
    logs
}

/// Panics if `text` holds any canary.
#[track_caller]
fn assert_no_canary(what: &str, text: &str) {
    let lower = text.to_lowercase();
    if let Some(at) = lower.find(CANARY) {
        let around: String = lower[at..].chars().take(80).collect();
        panic!("{what} leaks a private moment: …{around}…\n--- whole output\n{text}");
    }
}

/// Runs promo on `log` and checks stdout and stderr; returns stdout.
#[track_caller]
fn shared_output(log: &Path, args: &[&str]) -> String {
    let run = promo().log(log).args(args).run().ok();
    let what = format!("`promo {}` on {}", args.join(" "), log.display());
    assert_no_canary(
        &format!("{what} (stdout)"),
        &String::from_utf8_lossy(&run.0.stdout),
    );
    assert_no_canary(&format!("{what} (stderr)"), &run.stderr());
    String::from_utf8_lossy(&run.0.stdout).into_owned()
}

/// The text of every page of a PDF, with white space removed so that wrapping cannot
/// split a canary.
fn pdf_text(bytes: &[u8]) -> String {
    let document = lopdf::Document::load_mem(bytes).expect("a readable PDF");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    document
        .extract_text(&pages)
        .expect("extractable text")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[test]
fn a_private_moment_reaches_no_shared_output_in_any_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (log, owner) in canary_logs_with_owners(dir.path()) {
        for format in ["md", "html", "json"] {
            shared_output(&log, &["packet", "--format", format]);
        }
        shared_output(&log, &["packet", "--context"]);
        shared_output(&log, &["packet", "--format", "html", "--paper", "a4"]);
        for paper in ["letter", "a4"] {
            let run = promo()
                .log(&log)
                .args(["packet", "--format", "pdf", "--paper", paper])
                .run()
                .ok();
            let text = pdf_text(&run.0.stdout);
            // The extraction works (the owner's name is there), so an absent canary
            // means something.
            assert!(text.contains(&owner.replace(' ', "")), "{text}");
            assert_no_canary(&format!("the {paper} PDF of {}", log.display()), &text);
            assert_no_canary("the PDF's notes", &run.stderr());
        }
        let pdf_file = dir.path().join("packet.pdf");
        shared_output(
            &log,
            &["packet", "-o", pdf_file.to_str().expect("utf-8 path")],
        );
        assert_no_canary(
            "`packet -o packet.pdf`",
            &pdf_text(&std::fs::read(&pdf_file).expect("pdf written")),
        );
        for format in ["text", "md", "json"] {
            shared_output(&log, &["map", "--format", format]);
            shared_output(&log, &["map", "--format", format, "--explain"]);
            shared_output(&log, &["objections", "--format", format]);
        }
        for format in ["text", "json"] {
            shared_output(&log, &["restate", "--format", format]);
            shared_output(&log, &["restate", "--format", format, "--words", "20"]);
            shared_output(&log, &["restate", "--format", format, "--words", "1000"]);
        }
        // Also the notes meant for the manager: the agenda (without `--private`), the
        // recap of the private moment's own day, and the calendar export.
        for format in ["text", "md"] {
            shared_output(&log, &["agenda", "--format", format]);
            shared_output(&log, &["recap", "--format", format, "--date", "2026-10-15"]);
        }
        shared_output(&log, &["commitments", "--format", "ics"]);
    }
}

#[test]
fn restating_several_logs_or_a_directory_leaks_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let logs = canary_logs(dir.path());
    for format in ["text", "json"] {
        let mut run = promo().args(["restate", "--format", format]);
        for log in &logs {
            run = run.log(log);
        }
        let run = run.run().ok();
        assert_no_canary("restate of several logs", &run.stdout());
        assert_no_canary("restate of several logs (stderr)", &run.stderr());
        let run = promo()
            .log(dir.path())
            .args(["restate", "--format", format])
            .run()
            .ok()
            .stdout_has("Noa Quist");
        assert_no_canary("restate of a directory", &run.stdout());
    }
}

/// A user template that dumps every value it can reach: the whole context (tera's
/// `__tera_context`), then every top-level key and every nested value walked by hand.
const DUMP: &str = r#"CONTEXT {{ __tera_context }}
{% for key, value in __tera_context %}KEY {{ key }} = {{ value }}
{% endfor %}
{% for row in map %}ROW {% for k, v in row %}{{ k }}={{ v }} {% endfor %}
{% endfor %}
{% for ex in examples %}EXAMPLE {% for k, v in ex %}{{ k }}={{ v }} {% endfor %}
{% endfor %}
{% for o in objections %}OBJECTION {% for k, v in o %}{{ k }}={{ v }} {% endfor %}
{% endfor %}
SIGNALS {{ signals }} OWNER {{ owner }}
"#;

#[test]
fn a_user_template_dumping_its_whole_context_finds_nothing_private() {
    let dir = tempfile::tempdir().expect("tempdir");
    let logs = canary_logs(dir.path());
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).expect("mkdir");
    std::fs::write(templates.join("packet.md"), DUMP).expect("write");
    std::fs::write(
        templates.join("packet.html"),
        DUMP.replace("}}", "| safe }}"),
    )
    .expect("write");
    let templates = templates.to_str().expect("utf-8 path");
    for log in &logs[..1] {
        for format in ["md", "html"] {
            let out = shared_output(
                log,
                &["packet", "--format", format, "--templates", templates],
            );
            // The dump really is the whole context: the owner, the headline, the top
            // examples. Private moments are not in it, not even their number.
            for needle in [
                "CONTEXT ",
                "Ana Ruiz",
                "KEY headline",
                "EXAMPLE ",
                "KEY moments",
            ] {
                assert!(
                    out.contains(needle),
                    "{format} dump lacks {needle:?}:\n{out}"
                );
            }
            assert!(!out.contains("private"), "{out}");
        }
    }
    for log in &logs[1..] {
        shared_output(log, &["packet", "--format", "md", "--templates", templates]);
    }
}

/// The pre-mortem is for the owner alone: it may show a private moment's open
/// commitment (marked private), and nothing else of that moment.
#[test]
fn the_premortem_shows_a_private_commitment_and_nothing_else_of_its_moment() {
    let dir = tempfile::tempdir().expect("tempdir");
    let logs = canary_logs(dir.path());
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).expect("mkdir");
    for name in ["premortem.md", "premortem.html", "premortem.txt"] {
        std::fs::write(templates.join(name), "{{ __tera_context }}").expect("write");
    }
    let templates = templates.to_str().expect("utf-8 path");
    let allowed = ["qzxvcommitwhat", "qzxvcommitowner", "qzxv-id-1"];
    for log in &logs {
        for format in ["text", "md", "html", "json"] {
            for extra in [&[][..], &["--templates", templates][..]] {
                let mut args = vec!["premortem", "--format", format];
                args.extend_from_slice(extra);
                let run = promo().log(log).args(&args).run().ok();
                let mut out = run.stdout().to_lowercase();
                assert!(
                    out.contains("qzxvcommitwhat"),
                    "{} {args:?}: the private open commitment is missing:\n{out}",
                    log.display()
                );
                for field in allowed {
                    out = out.replace(field, "");
                }
                assert_no_canary(&format!("premortem {args:?} on {}", log.display()), &out);
            }
        }
    }
}
