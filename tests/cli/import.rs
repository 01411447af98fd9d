//! `promo import`: each sample in `fixtures/import/` round-trips into a valid log
//! whose guessed fields `check` flags; every line that could not be mapped is
//! reported with its line; the write is an insertion that keeps every other byte.

use std::fs;
use std::path::Path;

use crate::harness::{TODAY, fixture, fresh_log, golden, promo};

const MARKDOWN: &str = "import/running-1on1.md";
const JRNL: &str = "import/jrnl.json";

fn load(path: &Path) -> promo::log::Log {
    match promo::log::load::load(path, TODAY.parse().expect("date"))
        .map_err(promo::error::Error::from)
    {
        Ok((log, _)) => log,
        Err(error) => panic!("{error}\n{}", error.details().unwrap_or("")),
    }
}

fn moment<'a>(log: &'a promo::log::Log, start: &str) -> &'a promo::log::Moment {
    log.moments
        .iter()
        .find(|m| m.what.starts_with(start))
        .unwrap_or_else(|| panic!("no public moment starting {start:?}"))
}

/// `check --format json`: (valid, warning messages).
fn check(path: &Path) -> (bool, Vec<String>) {
    let run = promo()
        .log(path)
        .args(["check", "--format", "json"])
        .run()
        .ok();
    let json: serde_json::Value = serde_json::from_str(&run.stdout()).expect("json");
    let warnings = json["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|w| w["message"].as_str().expect("message").to_string())
        .collect();
    (json["valid"].as_bool().expect("valid"), warnings)
}

/// Asserts `after` is `before` with text inserted and nothing changed or removed
/// (`before` is a subsequence of `after`), and returns the inserted characters.
#[track_caller]
fn inserted(before: &str, after: &str) -> String {
    let mut old = before.chars().peekable();
    let mut added = String::new();
    for c in after.chars() {
        if old.peek() == Some(&c) {
            old.next();
        } else {
            added.push(c);
        }
    }
    assert_eq!(
        old.next(),
        None,
        "an original character was changed or lost"
    );
    added
}

/// Asserts every line of `lines` appears in `text`, in order.
#[track_caller]
fn lines_in_order(lines: &str, text: &str) {
    let mut rest = text.lines();
    for line in lines.lines() {
        assert!(
            rest.any(|l| l == line),
            "{line:?} is not in the log (in that order)"
        );
    }
}

#[test]
fn the_markdown_doc_round_trips_into_a_valid_log_with_guesses_flagged() {
    let (_dir, path) = fresh_log();
    let before = fs::read_to_string(&path).expect("read");
    let run = promo()
        .log(&path)
        .args(["import", "markdown"])
        .args([fixture(MARKDOWN)])
        .run()
        .ok();
    let run = run
        .stdout_has("imported 6 moments (`m001`…`m006`) with 12 commitments and 2 quotes")
        .stdout_has("new projects `imported`, `search`");
    let after = fs::read_to_string(&path).expect("read");
    let added = inserted(&before, &after);
    assert!(
        added.contains("\"search\": Project(name: \"Search\"),"),
        "{added}"
    );

    let (valid, warnings) = check(&path);
    assert!(valid, "the imported log must pass check");
    let guessed = warnings
        .iter()
        .filter(|w| w.contains("guessed by import"))
        .count();
    assert_eq!(guessed, 11, "{warnings:#?}");
    assert!(warnings.contains(
        &"`owner` guessed by import: the action item names no owner; taken as yours".to_string()
    ));
    // Status and blockers are context for the meeting: no moment comes from them.
    assert!(
        !warnings.iter().any(|w| w.contains("(under `Status`)")),
        "{warnings:#?}"
    );
    run.stderr_has("to review: 11 guessed fields and 2 moments without an impact");

    let log = load(&path);
    let killed = moment(&log, "Killed the synonyms rewrite");
    assert_eq!(
        (killed.tag, killed.project.as_str()),
        (promo::log::Tag::Decision, "search")
    );
    assert_eq!(
        killed.impact.as_deref(),
        Some("freed 2 engineers for ranking v2")
    );
    assert_eq!(killed.quotes[0].by, "Tess Obi");
    assert_eq!(killed.quotes[0].role, promo::log::Role::Manager);
    assert_eq!(killed.quotes[1].by, "Priya");
    let priya = killed
        .commitments
        .iter()
        .find(|c| c.owner == promo::log::CommitmentOwner::Other("Priya".into()))
        .expect("Priya's commitment");
    assert_eq!(priya.due, "2026-11-28".parse().ok());

    let scope = moment(
        &log,
        "Asked Tess to let me own the search relevance roadmap",
    );
    assert_eq!(
        (scope.tag, scope.reach),
        (promo::log::Tag::Scope, promo::log::Reach::Org)
    );
    assert_eq!(scope.witnesses, ["Tess Obi", "Dev Patel"]);
    let statuses: Vec<_> = scope
        .commitments
        .iter()
        .map(|c| (c.owner.clone(), c.status))
        .collect();
    assert_eq!(
        statuses,
        [
            (
                promo::log::CommitmentOwner::Manager,
                promo::log::Status::Open
            ),
            (promo::log::CommitmentOwner::Me, promo::log::Status::Held),
            (
                promo::log::CommitmentOwner::Manager,
                promo::log::Status::Dropped
            ),
        ]
    );
    let template = moment(&log, "Onboarding checklist template");
    assert_eq!(
        (template.tag, template.reach),
        (promo::log::Tag::Leverage, promo::log::Reach::CrossTeam)
    );
    // The 2026-09-22 meeting had only action items: a private moment holds them.
    assert_eq!(log.private.len(), 1);
    let held: Vec<&str> = log
        .private
        .open_commitments_for_owner()
        .map(|(_, c)| c.what.as_str())
        .collect();
    assert_eq!(
        held,
        [
            "Introduce me to the Ads PM lead",
            "Share the Q4 search plan draft"
        ]
    );
    // "by next Friday", said in the 1:1 of Tuesday 2026-09-29: the Friday of the week after.
    let metric = moment(&log, "Which onboarding metric");
    assert_eq!(
        metric.commitments[1].due,
        "2026-10-09".parse().ok(),
        "{:?}",
        metric.commitments
    );
    // Oldest first, whatever the doc's order.
    let dates: Vec<_> = log.moments.iter().map(|m| m.date).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
}

#[test]
fn every_line_that_is_not_imported_is_reported_with_its_line() {
    let (dir, path) = fresh_log();
    let run = promo()
        .log(&path)
        .args(["import", "markdown", "--dry-run"])
        .args([fixture(MARKDOWN)])
        .run()
        .ok();
    let stderr = run
        .stderr()
        .replace(&dir.path().display().to_string(), "<tmp>");
    golden("import-markdown-remarks.txt", &stderr);
    for line in [3, 10, 11, 22, 23, 29, 51, 59, 61, 62, 63, 69, 84, 86] {
        assert!(
            stderr.contains(&format!("running-1on1.md:{line}: not imported: ")),
            "line {line} not reported:\n{stderr}"
        );
    }
    // "by next Friday" is read against the meeting's date: no caveat.
    assert!(!stderr.contains("running-1on1.md:73: note"), "{stderr}");
    assert!(stderr.contains("14 lines of"), "{stderr}");
}

#[test]
fn a_dry_run_prints_the_moments_and_writes_nothing() {
    let (dir, path) = fresh_log();
    let before = fs::read(&path).expect("read");
    let run = promo()
        .log(&path)
        .args(["import", "markdown", "--dry-run"])
        .args([fixture(MARKDOWN)])
        .run()
        .ok();
    assert_eq!(
        fs::read(&path).expect("read"),
        before,
        "a dry run writes nothing"
    );
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["promo.ron"],
        "no lock, no backup, no temporary file"
    );
    let run = run
        .stderr_has("would import 6 moments")
        .stderr_has("(dry run: nothing was written)");
    golden("import-markdown-dry-run.ron", &run.stdout());
    // What the dry run shows is exactly what the import writes.
    promo()
        .log(&path)
        .args(["import", "markdown"])
        .args([fixture(MARKDOWN)])
        .run()
        .ok();
    let after = fs::read_to_string(&path).expect("read");
    inserted(&String::from_utf8(before).expect("utf8"), &after);
    lines_in_order(&run.stdout(), &after);
    assert_eq!(run.stdout().matches("Moment(").count(), 6);
}

#[test]
fn importing_the_doc_again_adds_nothing_and_says_why() {
    let (_dir, path) = fresh_log();
    promo()
        .log(&path)
        .args(["import", "markdown"])
        .args([fixture(MARKDOWN)])
        .run()
        .ok();
    let once = fs::read(&path).expect("read");
    let run = promo()
        .log(&path)
        .args(["import", "md"])
        .args([fixture(MARKDOWN)])
        .run()
        .ok();
    run.stdout_has("nothing to import from")
        .stderr_has("imported before (the same notes item); what the log says now is kept");
    assert_eq!(fs::read(&path).expect("read"), once);
}

#[test]
fn the_jrnl_export_round_trips_with_tags_mapped() {
    let (_dir, path) = fresh_log();
    let run = promo()
        .log(&path)
        .args(["import", "jrnl"])
        .args([fixture(JRNL)])
        .run()
        .ok();
    run.stdout_has("imported 5 moments (`m001`…`m005`) with 2 commitments and 1 quote")
        .stdout_has("new projects `search`, `onboarding`")
        .stderr_has("jrnl.json:13: note: the star is not imported")
        .stderr_has("jrnl.json:53: not imported: entry dated wrongly (impossible date `2026-13-02`: there is no month 13): \"Planning offsite prep\"")
        .stderr_has("jrnl.json:61: not imported: an empty entry")
        .stderr_has("jrnl.json:37: note: tag `@hiring` not used: a moment belongs to one project, and `@onboarding` came first");
    let (valid, warnings) = check(&path);
    assert!(valid);
    assert!(
        warnings.iter().any(
            |w| w.starts_with("`tag` guessed by import: no @decision, @scope or @leverage tag")
        ),
        "{warnings:#?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w == "`name` guessed by import: named after the tag `search` in the notes"),
        "{warnings:#?}"
    );

    let log = load(&path);
    let cut = moment(&log, "Cut the federated search prototype from Q3");
    assert_eq!(
        (cut.tag, cut.project.as_str()),
        (promo::log::Tag::Decision, "search")
    );
    assert_eq!(cut.impact.as_deref(), Some("saved 3 engineer-months"));
    assert_eq!(cut.quotes[0].role, promo::log::Role::Manager);
    assert_eq!(cut.commitments[0].due, "2026-08-21".parse().ok());
    assert!(!cut.what.contains('@'), "tags are not text: {}", cut.what);
    let scope = moment(&log, "Took over the onboarding funnel");
    assert_eq!(scope.tag, promo::log::Tag::Scope);
    assert_eq!(scope.witnesses, ["Tess Obi", "Kim Park"]);
    let notebook = moment(&log, "My query-debugging notebook");
    assert_eq!(
        (notebook.tag, notebook.reach),
        (promo::log::Tag::Leverage, promo::log::Reach::Org)
    );
    let cadence = moment(&log, "Chose weekly releases");
    assert_eq!(
        cadence.commitments[0].owner,
        promo::log::CommitmentOwner::Manager
    );
}

#[test]
fn a_file_that_is_not_a_jrnl_export_is_an_error_at_its_line() {
    let (dir, path) = fresh_log();
    let bad = dir.path().join("export.json");
    fs::write(
        &bad,
        "{\n  \"entries\": [\n    {\"title\": \"x\" \"date\": \"2026-01-01\"}\n  ]\n}\n",
    )
    .expect("write");
    let before = fs::read(&path).expect("read");
    let run = promo()
        .log(&path)
        .args(["import", "jrnl"])
        .args([bad.clone()])
        .run()
        .expect_code(1);
    run.stderr_has("export.json:3:19: cannot import: not a jrnl JSON export: expected `,` or `}`");
    assert_eq!(fs::read(&path).expect("read"), before);
}

#[test]
fn projects_come_from_the_text_then_the_flag() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    fs::write(
        &path,
        "Log(\n    version: 1,\n    owner: Person(name: \"Mara Chen\", level: \"L5\"),\n    manager: \"Tess Obi\",\n    target: Target(level: \"L6\", submission: \"2027-03-01\"),\n    projects: {\"search\": Project(name: \"Search relevance\"), \"growth\": Project(name: \"Growth\")},\n    moments: [],\n)\n",
    )
    .expect("write");
    let notes = dir.path().join("notes.md");
    fs::write(&notes, "## 2026-11-17\n### Wins\n- Cut the search relevance backlog in half\n- Shipped the pricing page\n").expect("write");
    promo()
        .log(&path)
        .args(["import", "markdown", "--project", "growht"])
        .args([notes.clone()])
        .run()
        .expect_code(2)
        .stderr_has("`--project growht`: the log has no such project; did you mean `growth`?");
    promo()
        .log(&path)
        .args(["import", "markdown", "--project", "growth"])
        .args([notes.clone()])
        .run()
        .ok();
    let log = load(&path);
    assert_eq!(moment(&log, "Cut the search").project, "search");
    assert_eq!(moment(&log, "Shipped the pricing page").project, "growth");
    let text = fs::read_to_string(&path).expect("read");
    assert!(text.contains("projects: {\"search\": Project(name: \"Search relevance\"), \"growth\": Project(name: \"Growth\")},"), "projects untouched");
}

#[test]
fn check_reads_the_marker_and_deleting_it_confirms_the_guess() {
    let (_dir, path) = fresh_log();
    promo()
        .log(&path)
        .args(["import", "jrnl"])
        .args([fixture(JRNL)])
        .run()
        .ok();
    let (_, warnings) = check(&path);
    assert!(warnings.iter().any(|w| w.contains("guessed by import")));
    let text = fs::read_to_string(&path).expect("read");
    let mut confirmed = String::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find(" /* promo:guessed") {
        confirmed.push_str(&rest[..start]);
        let end = rest[start..].find("*/").expect("closed") + start + 2;
        rest = &rest[end..];
    }
    confirmed.push_str(rest);
    fs::write(&path, confirmed).expect("write");
    let (valid, warnings) = check(&path);
    assert!(valid);
    assert!(
        !warnings.iter().any(|w| w.contains("guessed")),
        "{warnings:#?}"
    );
}

#[test]
fn a_bom_and_crlf_log_keeps_both() {
    let (_dir, path) = fresh_log();
    let text = fs::read_to_string(&path)
        .expect("read")
        .replace('\n', "\r\n");
    fs::write(&path, format!("\u{feff}{text}")).expect("write");
    promo()
        .log(&path)
        .args(["import", "jrnl"])
        .args([fixture(JRNL)])
        .run()
        .ok();
    let after = fs::read(&path).expect("read");
    assert!(after.starts_with("\u{feff}".as_bytes()), "BOM kept");
    let after = String::from_utf8(after).expect("utf8");
    assert!(!after.replace("\r\n", "").contains('\n'), "CRLF throughout");
    assert!(check(&path).0);
}

#[test]
fn an_invalid_log_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    fs::copy(fixture("invalid/unknown-tag.ron"), &path).expect("copy");
    let before = fs::read(&path).expect("read");
    promo()
        .log(&path)
        .args(["import", "jrnl"])
        .args([fixture(JRNL)])
        .run()
        .expect_code(1)
        .stderr_has("has 1 error");
    assert_eq!(fs::read(&path).expect("read"), before);
}
