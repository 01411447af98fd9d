//! Re-import of a running doc that grew under a meeting already imported: a new
//! action item becomes one new commitment on that meeting's moment, once, and
//! nothing else in the log moves. (Helpers are local so this file merges apart
//! from the other import tests.)

use std::fs;
use std::path::{Path, PathBuf};

use crate::harness::promo;

const WEEK: &str = "## 2026-11-17\n### Wins\n- Killed the legacy export → saved 3 days a month\n- Took over the billing on-call\n### Action items\n- [ ] [Me] Send the sunset note by Friday\n";
const LATER: &str = "- [ ] [Me] Draft the migration guide by Friday\n";
const NEW: &str = "                Commitment(owner: Me, what: \"Draft the migration guide\", due: \"2026-11-20\", status: Open),\n";

/// A log with `WEEK` imported, and the notes file.
fn synced() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("promo.ron");
    crate::harness::init_log(&log);
    let notes = dir.path().join("notes.md");
    fs::write(&notes, WEEK).expect("write");
    import(&log, &notes);
    (dir, log, notes)
}

fn import(log: &Path, notes: &Path) -> (String, String) {
    let run = promo()
        .log(log)
        .args(["import", "markdown"])
        .args([notes])
        .run()
        .ok();
    (run.stdout(), run.stderr())
}

/// `after` is `before` with exactly one new line, returned.
fn one_line_more(before: &str, after: &str) -> String {
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    assert_eq!(new.len(), old.len() + 1, "{after}");
    let at = old
        .iter()
        .zip(&new)
        .position(|(a, b)| a != b)
        .unwrap_or(old.len());
    assert_eq!(&new[..at], &old[..at]);
    assert_eq!(&new[at + 1..], &old[at..], "only one line differs");
    new[at].to_string()
}

#[test]
fn an_action_item_added_under_an_imported_meeting_becomes_one_new_commitment() {
    let (_dir, log, notes) = synced();
    let before = fs::read_to_string(&log).expect("read");
    fs::write(&notes, format!("{WEEK}{LATER}")).expect("write");
    let (stdout, stderr) = import(&log, &notes);
    assert!(
        stdout.contains("imported no new moment") && stdout.contains("; 1 new commitment on"),
        "{stdout}"
    );
    assert!(
        stderr.contains("notes.md:3: added: \"Draft the migration guide\""),
        "{stderr}"
    );
    let after = fs::read_to_string(&log).expect("read");
    // The commitment goes right after the one the meeting already gave…
    let sent = "what: \"Send the sunset note\", due: \"2026-11-20\", status: Open),\n";
    let with_item = before.replace(sent, &format!("{sent}{NEW}"));
    assert_ne!(with_item, before, "the old commitment is there");
    // …and the ledger gains one line; no other byte changes.
    let ledger = one_line_more(&with_item, &after);
    assert!(
        ledger.starts_with("    // promo:imported 2026-11-21: "),
        "{ledger}"
    );
    assert_eq!(
        ledger.split_whitespace().count(),
        4,
        "one fingerprint: {ledger}"
    );
    assert_eq!(after.matches("Draft the migration guide").count(), 1);

    // Importing the same notes again changes nothing.
    let (stdout, _) = import(&log, &notes);
    assert!(stdout.contains("nothing to import"), "{stdout}");
    assert_eq!(fs::read_to_string(&log).expect("read"), after);
}

#[test]
fn a_known_action_item_whose_commitment_was_deleted_or_edited_is_not_added_back() {
    let (_dir, log, notes) = synced();
    fs::write(&notes, format!("{WEEK}{LATER}")).expect("write");
    import(&log, &notes);
    // The owner deletes the new commitment and rewords the first one.
    let text = fs::read_to_string(&log).expect("read");
    let edited = text.replace(NEW, "").replace(
        "\"Send the sunset note\"",
        "\"Send the sunset note to finance\"",
    );
    assert_ne!(edited, text);
    fs::write(&log, &edited).expect("write");
    let (stdout, stderr) = import(&log, &notes);
    assert!(stdout.contains("nothing to import"), "{stdout}");
    assert!(!stderr.contains("added:"), "{stderr}");
    assert_eq!(fs::read_to_string(&log).expect("read"), edited);
}

#[test]
fn a_new_action_item_on_a_moment_without_commitments_opens_the_list() {
    // The meeting gave no action item at first: the moment has no `commitments`.
    let (_dir, log, notes) = synced();
    let bare = "## 2026-11-10\n### Wins\n- Shipped the usage report\n";
    fs::write(&notes, bare).expect("write");
    import(&log, &notes);
    let before = fs::read_to_string(&log).expect("read");
    fs::write(&notes, format!("{bare}### Action items\n{LATER}")).expect("write");
    let (stdout, _) = import(&log, &notes);
    assert!(stdout.contains("1 new commitment"), "{stdout}");
    let after = fs::read_to_string(&log).expect("read");
    let (log_value, _) = promo::log::load::load(&log, "2026-11-21".parse().expect("date"))
        .expect("the log still checks");
    let moment = log_value
        .moments
        .iter()
        .find(|m| m.what == "Shipped the usage report")
        .expect("the moment");
    assert_eq!(moment.commitments.len(), 1);
    assert_eq!(moment.commitments[0].what, "Draft the migration guide");
    let others: Vec<_> = log_value
        .moments
        .iter()
        .filter(|m| m.what != "Shipped the usage report")
        .map(|m| m.commitments.len())
        .collect();
    assert_eq!(others, [1, 0], "the other moments keep theirs");
    assert!(after.len() > before.len());
}
