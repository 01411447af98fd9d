//! `promo check`: every fixture's diagnostics, exactly, in text and JSON.

use std::path::Path;

use crate::harness::{fixture, golden, promo, root};

/// Runs `check` and renders what it did as one text: exit code, stderr, stdout.
fn check_transcript(path: &Path) -> String {
    let run = promo().log(path).args(["check"]).run();
    format!(
        "exit: {}\n--- stderr\n{}--- stdout\n{}",
        run.code(),
        run.stderr(),
        run.stdout()
    )
}

/// Every `.ron` in a fixtures folder, sorted.
fn ron_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join("fixtures").join(dir))
        .expect("fixtures folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn valid_fixtures_pass() {
    for name in ["strong-pm.ron", "engineer-l6.ron", "weak-startup-pm.ron"] {
        promo()
            .fixture(name)
            .args(["check"])
            .run()
            .ok()
            .stdout_has(": ok, ");
    }
}

/// Each invalid case sits next to its expected transcript, `NAME.expected`.
#[test]
fn invalid_fixtures_print_exactly_the_expected_diagnostics() {
    let files = ron_files("invalid");
    assert!(
        files.len() >= 15,
        "expected the whole invalid set, found {}",
        files.len()
    );
    for path in files {
        let transcript = check_transcript(&path);
        assert!(
            transcript.starts_with("exit: 1\n"),
            "{} should be invalid:\n{transcript}",
            path.display()
        );
        let name = format!(
            "../../fixtures/invalid/{}",
            path.with_extension("expected")
                .file_name()
                .expect("name")
                .to_string_lossy()
        );
        golden(&name, &transcript);
    }
}

#[test]
fn edge_fixtures_are_valid_with_exact_warnings() {
    for path in ron_files("edge") {
        let transcript = check_transcript(&path);
        assert!(
            transcript.starts_with("exit: 0\n"),
            "{} should be valid:\n{transcript}",
            path.display()
        );
        let name = format!(
            "../../fixtures/edge/{}",
            path.with_extension("expected")
                .file_name()
                .expect("name")
                .to_string_lossy()
        );
        golden(&name, &transcript);
    }
}

#[test]
fn json_report_lists_errors_and_warnings_with_positions() {
    let run = promo()
        .log(fixture("invalid/crlf-multiple-errors.ron"))
        .args(["check", "--format", "json"])
        .run()
        .expect_code(1);
    golden("check-crlf-multiple-errors.json", &run.stdout());
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).expect("json");
    assert_eq!(report["valid"], false);
    assert_eq!(report["errors"][0]["line"], 14);
    assert_eq!(report["errors"][0]["col"], 19);
    assert_eq!(report["errors"].as_array().map(Vec::len), Some(3));

    let run = promo()
        .log(fixture("edge/warnings-only.ron"))
        .args(["check", "--format", "json"])
        .run()
        .ok();
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).expect("json");
    assert_eq!(report["valid"], true);
    assert_eq!(report["warnings"].as_array().map(Vec::len), Some(3));
}

#[test]
fn missing_log_and_directory_are_clear_errors() {
    promo()
        .log("no/such/promo.ron")
        .args(["check"])
        .run()
        .expect_code(1)
        .stderr_has("error: no log at `no/such/promo.ron`: start one with `promo init`");
    promo()
        .log(root().join("fixtures"))
        .args(["check"])
        .run()
        .expect_code(1)
        .stderr_has("is a directory, not a log file");
}

#[test]
fn default_log_comes_from_promo_log_then_the_current_directory() {
    promo()
        .args(["check"])
        .env("PROMO_LOG", fixture("strong-pm.ron"))
        .run()
        .ok()
        .stdout_has("strong-pm.ron: ok");
    let dir = tempfile::tempdir().expect("tempdir");
    promo()
        .args(["check"])
        .current_dir(dir.path())
        .run()
        .expect_code(1)
        .stderr_has("no log at `promo.ron`");
}

#[test]
fn usage_errors_exit_2() {
    promo()
        .args(["check", "--format", "yaml"])
        .run()
        .expect_code(2);
    promo()
        .args(["check", "--today", "2026-02-30"])
        .run()
        .expect_code(2)
        .stderr_has("February 2026 has 28 days");
    promo().args(["frobnicate"]).run().expect_code(2);
}

/// `promo commitments | head -1`: a reader that goes away early is not an error.
#[test]
fn a_closed_pipe_exits_quietly() {
    use std::io::Read;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.ron");
    std::fs::write(
        &path,
        crate::stress::log_with(20_000, 5, &|i| format!("Chose option {i}")),
    )
    .expect("write");
    let mut child = promo()
        .log(&path)
        .args(["commitments", "--format", "json"])
        .command()
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 64];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    // The pipe closes here, long before the output is done.
    let output = child.wait_with_output().expect("wait");
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A generated log can carry thousands of warnings of one kind: text shows the first
/// 20 of each kind and says how many more there are; JSON keeps every one.
#[test]
fn text_shows_twenty_warnings_of_a_kind_and_counts_the_rest() {
    let words = [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
        "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra",
        "tango", "uniform", "victor", "whiskey",
    ];
    let projects: String = (0..words.len())
        .map(|i| {
            format!(
                "        \"p{i}\": Project(name: \"Project {}\"),\n",
                words[i]
            )
        })
        .collect();
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 6).expect("date");
    let moments: String = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let date = start + chrono::Days::new(17 * i as u64);
            format!(
                "        Moment(id: \"m{:03}\", date: \"{date}\", tag: Decision, project: \"p{i}\", what: \"Chose the {w} plan over its rival\", reach: Team),\n",
                i + 1
            )
        })
        .collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("log.ron");
    std::fs::write(
        &log,
        format!(
            "Log(\n    version: 1,\n    owner: Person(name: \"Mara Quint\", role: \"Product Manager\", level: \"L5\"),\n    manager: \"Tess Obi\",\n    target: Target(level: \"L6\", submission: \"2027-03-01\", cycle: \"H1 2027\"),\n    projects: {{\n{projects}    }},\n    moments: [\n{moments}    ],\n)\n"
        ),
    )
    .expect("write log");
    let run = promo().log(&log).args(["check"]).run().ok();
    let text = run.stderr();
    assert_eq!(text.matches("warning: ").count(), 20, "{text}");
    assert!(
        text.ends_with("… and 3 more moments without an impact; --format json lists them all\n"),
        "{text}"
    );
    assert!(run.stdout().contains("23 warnings"), "{}", run.stdout());
    let json = promo()
        .log(&log)
        .args(["check", "--format", "json"])
        .run()
        .ok();
    let report: serde_json::Value = serde_json::from_str(&json.stdout()).expect("json");
    assert_eq!(report["warnings"].as_array().map(Vec::len), Some(23));
}
