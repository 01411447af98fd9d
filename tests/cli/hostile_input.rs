//! No crash, a clear error: hostile and extreme logs given to every reading command.
//! Each gives exit 1 with a message naming the problem (or exit 0 where the log is
//! valid), never a panic, never exit 101.

use std::path::{Path, PathBuf};

use crate::harness::{fixture, promo};
use crate::stress;

/// The commands every case is given to, as arguments after `--log FILE`.
const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["map"],
    &["packet", "--format", "pdf"],
    &["objections"],
    &["restate"],
];

/// Runs every command on `path` and checks that each exits `code` (check exits 1 for
/// an invalid log, the others fail with the log's diagnostics) with `needle` on
/// standard error, and that nothing panicked.
#[track_caller]
fn every_command(path: &Path, code: i32, needle: &str) {
    for args in COMMANDS {
        let run = promo().log(path).args(*args).run();
        let err = run.stderr();
        assert!(
            !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
            "{args:?} on {} panicked:\n{err}",
            path.display()
        );
        assert_eq!(
            run.code(),
            code,
            "{args:?} on {}: exit code\n--- stderr\n{err}",
            path.display()
        );
        assert!(
            err.contains(needle),
            "{args:?} on {}: stderr lacks {needle:?}:\n{err}",
            path.display()
        );
    }
}

/// Writes `bytes` as `name` in `dir`.
fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write log");
    path
}

/// A small valid log, for cases that change one part of it.
fn valid_log() -> String {
    std::fs::read_to_string(fixture("weak-startup-pm.ron")).expect("fixture")
}

/// `text` encoded as UTF-16, with a byte-order mark or without.
fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut units: Vec<u16> = Vec::new();
    if bom {
        units.push(0xfeff);
    }
    units.extend(text.encode_utf16());
    units
        .iter()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

#[test]
fn empty_blank_and_bom_only_files_say_the_log_is_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, bytes) in [
        ("empty.ron", &b""[..]),
        ("blank.ron", b"  \n\t\r\n   \n"),
        ("bom.ron", b"\xef\xbb\xbf"),
        ("bom-blank.ron", b"\xef\xbb\xbf \n"),
        ("comments.ron", b"// nothing yet\n/* still nothing */\n"),
    ] {
        let path = write(dir.path(), name, bytes);
        every_command(&path, 1, "the log is empty");
    }
}

#[test]
fn utf16_files_are_named_as_utf16() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = valid_log();
    for (name, big_endian, bom) in [
        ("utf16le-bom.ron", false, true),
        ("utf16be-bom.ron", true, true),
        ("utf16le.ron", false, false),
        ("utf16be.ron", true, false),
    ] {
        let path = write(dir.path(), name, utf16(&text, big_endian, bom));
        every_command(&path, 1, "UTF-16");
    }
}

#[test]
fn invalid_utf8_and_nul_bytes_are_located() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = valid_log();
    let at = text.find("Kai Brennan").expect("name");
    let mut bytes = text.clone().into_bytes();
    bytes[at + 4] = 0xff;
    let path = write(dir.path(), "bad-utf8.ron", &bytes);
    every_command(
        &path,
        1,
        &format!("invalid UTF-8 at byte offset {}", at + 4),
    );
    let mut bytes = text.clone().into_bytes();
    bytes[at + 4] = 0;
    let path = write(dir.path(), "nul.ron", &bytes);
    every_command(&path, 1, "NUL byte in the file");
    let line = text[..at].lines().count();
    every_command(&path, 1, &format!("nul.ron:{line}:"));
    // A truncated multi-byte character at the very end.
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(&[0xe2, 0x82]);
    let path = write(dir.path(), "cut-char.ron", &bytes);
    every_command(&path, 1, "invalid UTF-8 at byte offset");
}

#[test]
fn ten_thousand_nested_brackets_are_too_deep_not_a_stack_overflow() {
    let dir = tempfile::tempdir().expect("tempdir");
    let depth = 10_000;
    let log = valid_log();
    let cases = [
        ("top-square.ron", "[".repeat(depth) + &"]".repeat(depth)),
        ("top-paren.ron", "(".repeat(depth) + &")".repeat(depth)),
        ("top-brace.ron", "{".repeat(depth) + &"}".repeat(depth)),
        ("unclosed.ron", "[".repeat(depth)),
        (
            "in-moments.ron",
            log.replacen(
                "moments: [",
                &format!("moments: [{}{}", "[".repeat(depth), "]".repeat(depth)),
                1,
            ),
        ),
        (
            "in-a-field.ron",
            log.replacen(
                "reach: Team,",
                &format!(
                    "reach: Team, witnesses: {}{},",
                    "[".repeat(depth),
                    "]".repeat(depth)
                ),
                1,
            ),
        ),
        (
            // After a value, where ron stops with "expected `,`" and promo's own
            // outline reader looks at the rest of the file to tell a cut-off file apart.
            "after-a-value.ron",
            log.replacen(
                "witnesses: [\"Leo Marsh\"]",
                &format!(
                    "witnesses: [\"Leo Marsh\" {}{}]",
                    "[".repeat(depth),
                    "]".repeat(depth)
                ),
                1,
            ),
        ),
    ];
    for (name, text) in cases {
        let path = write(dir.path(), name, text);
        every_command(&path, 1, "error");
        let run = promo().log(&path).args(["check"]).run();
        let err = run.stderr();
        assert!(
            err.contains("nesting is too deep")
                || err.contains("expected opening `(` for struct")
                || err.contains("expected string")
                || err.contains("missing `,` after this value")
                || err.contains("expected identifier"),
            "{name}: {err}"
        );
    }
    // A ladder file is read by the same outline reader.
    let ladder = write(
        dir.path(),
        "ladder.ron",
        "[".repeat(depth) + &"]".repeat(depth),
    );
    let run = promo()
        .fixture("weak-startup-pm.ron")
        .args(["objections", "--ladder"])
        .args([&ladder])
        .run()
        .expect_code(1);
    assert!(!run.stderr().contains("panicked"), "{}", run.stderr());
    assert!(run.stderr().contains("ladder `"), "{}", run.stderr());
    // Nested block comments: ron reads them recursively too.
    let path = write(
        dir.path(),
        "comments.ron",
        "/*".repeat(depth) + &"*/".repeat(depth) + &log,
    );
    every_command(&path, 0, "");
}

/// A 100 MB file is refused by size, before it is read: a sparse file, so the test is
/// fast and takes no disk.
#[test]
fn a_100_mb_file_is_refused_by_the_size_cap() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(100 * 1024 * 1024).expect("sparse file");
    drop(file);
    every_command(
        &path,
        1,
        "is 104857600 bytes, over the 67108864-byte limit for a log",
    );
    // The log is not touched by a refused `add` either.
    promo()
        .log(&path)
        .args([
            "add",
            "decision",
            "Chose",
            "--project",
            "p",
            "--reach",
            "team",
        ])
        .run()
        .expect_code(1)
        .stderr_has("over the 67108864-byte limit");
    assert_eq!(
        std::fs::metadata(&path).expect("stat").len(),
        100 * 1024 * 1024
    );
}

#[test]
fn a_one_megabyte_string_is_read_and_shortened_for_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let long = "Chose to cut the scope again ".repeat(36_000);
    assert!(long.len() > 1_000_000);
    let log = valid_log().replacen(
        "what: \"Decided to keep the old welcome email for now\"",
        &format!("what: \"Decided {long}\""),
        1,
    );
    assert!(log.len() > 1_000_000);
    let path = write(dir.path(), "long-string.ron", &log);
    every_command(&path, 0, "");
    // The one-page outputs shorten it; the map, the owner's own report, shows it whole.
    for args in [
        &["packet", "--format", "md"][..],
        &["packet", "--format", "html"],
        &["restate"],
    ] {
        let out = promo().log(&path).args(args).run().ok().stdout();
        assert!(out.len() < 200_000, "{args:?} printed {} bytes", out.len());
    }
    // The same string, never closed.
    let path = write(
        dir.path(),
        "unclosed-string.ron",
        format!("Log(version: 1, owner: Person(name: \"{long}"),
    );
    every_command(&path, 1, "unexpected end of file");
    // One megabyte of a single word, no spaces to break it at.
    let word = "x".repeat(1_048_576);
    let log = valid_log().replacen("Kai Brennan", &word, 1);
    let path = write(dir.path(), "long-word.ron", &log);
    every_command(&path, 0, "");
}

#[test]
fn a_log_without_moments_is_valid_and_every_report_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = "Log(\n    version: 1,\n    owner: Person(name: \"Ada Moss\", level: \"L5\"),\n    manager: \"Sam Lee\",\n    target: Target(level: \"L6\", submission: \"2027-03-01\"),\n    projects: { \"p\": Project(name: \"P\") },\n    moments: [],\n)\n";
    for (name, text) in [
        ("empty-moments.ron", log.to_string()),
        (
            "no-moments-field.ron",
            log.replace("    moments: [],\n", ""),
        ),
        (
            "no-projects.ron",
            log.replace("    projects: { \"p\": Project(name: \"P\") },\n", ""),
        ),
    ] {
        let path = write(dir.path(), name, text);
        every_command(&path, 0, "");
        promo()
            .log(&path)
            .args(["map"])
            .run()
            .ok()
            .stdout_has("nothing to rank");
        promo()
            .log(&path)
            .args(["check"])
            .run()
            .ok()
            .stdout_has("ok, 0 moments");
    }
}

fn hundred_thousand_moments(dir: &Path) -> PathBuf {
    let text = stress::log_with(100_000, 40, &|i| {
        format!("Chose to consolidate the intake queues, round {i}")
    });
    write(dir, "100000.ron", text)
}

/// 100,000 moments (a 50 MB log): every command reads and renders them, in about
/// 12 s for all five in a release build.
#[test]
fn a_hundred_thousand_moments_are_read_by_every_command() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = hundred_thousand_moments(dir.path());
    let started = std::time::Instant::now();
    every_command(&path, 0, "");
    promo()
        .log(&path)
        .args(["check"])
        .run()
        .ok()
        .stdout_has("ok, 100001 moments (100000 public, 1 private)");
    let out = promo()
        .log(&path)
        .args(["packet", "--format", "md"])
        .run()
        .ok()
        .stdout();
    assert!(!out.contains("PRIVATE-CANARY"));
    assert!(
        started.elapsed() < std::time::Duration::from_secs(300),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn extreme_and_leap_dates_are_read_or_explained() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = valid_log();
    // Valid: the first and the last day a log can name, and a leap day.
    for (name, date) in [
        ("year-1.ron", "0001-01-01"),
        ("year-9999.ron", "9999-12-31"),
        ("leap.ron", "2024-02-29"),
    ] {
        let moment = log.replacen("date: \"2026-05-06\"", &format!("date: \"{date}\""), 1);
        let path = write(dir.path(), &format!("moment-{name}"), &moment);
        every_command(&path, 0, "");
        let submission = log.replacen(
            "submission: \"2027-02-15\"",
            &format!("submission: \"{date}\""),
            1,
        );
        let path = write(dir.path(), &format!("submission-{name}"), &submission);
        every_command(&path, 0, "");
        for args in [
            &["premortem"][..],
            &["premortem", "--format", "html"],
            &["agenda"],
        ] {
            promo().log(&path).args(args).run().ok();
        }
    }
    // A moment in year 9999 is after today: a warning, not an error.
    let path = dir.path().join("moment-year-9999.ron");
    promo()
        .log(&path)
        .args(["check"])
        .run()
        .ok()
        .stderr_has("moment dated 9999-12-31, after today (2026-11-21)");
    // Invalid: not a leap year, and dates past the format.
    for (date, message) in [
        (
            "2025-02-29",
            "impossible date `2025-02-29`: February 2025 has 28 days",
        ),
        (
            "2026-00-10",
            "impossible date `2026-00-10`: there is no month 0",
        ),
        (
            "2026-04-31",
            "impossible date `2026-04-31`: April 2026 has 30 days",
        ),
        (
            "10000-01-01",
            "malformed date `10000-01-01`: write dates as YYYY-MM-DD",
        ),
        ("-001-01-01", "malformed date `-001-01-01`"),
        // Year 0 has no iCalendar form (issue 16, item 7).
        (
            "0000-01-01",
            "impossible date `0000-01-01`: there is no year 0: years run from 0001 to 9999",
        ),
    ] {
        let text = log.replacen("date: \"2026-05-06\"", &format!("date: \"{date}\""), 1);
        let path = write(dir.path(), "bad-date.ron", &text);
        every_command(&path, 1, message);
    }
}

#[test]
fn duplicate_project_keys_are_reported_not_silently_merged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = valid_log().replacen(
        "\"billing\": Project(name: \"Billing page\"),",
        "\"billing\": Project(name: \"Billing page\"),\n        \"onboarding\": Project(name: \"Onboarding again\"),",
        1,
    );
    let path = write(dir.path(), "dup-keys.ron", &log);
    every_command(&path, 1, "duplicate project key `onboarding`");
    every_command(&path, 1, "first defined here");
}
