//! `promo add --edit` with a fake editor: a script that fills in the skeleton,
//! leaves it as it is, or empties it.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::harness::promo;

fn log(dir: &Path) -> PathBuf {
    let path = dir.join("promo.ron");
    crate::harness::init_log(&path);
    promo()
        .log(&path)
        .args(["project", "add", "search", "Search relevance"])
        .run()
        .ok();
    path
}

/// An editor script running `body` with the file as `$1`.
fn editor(dir: &Path, body: &str) -> PathBuf {
    let script = dir.join("fake-editor.sh");
    fs::write(&script, format!("#!/bin/sh\n{body}\n")).expect("write");
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).expect("chmod");
    script
}

#[test]
fn the_saved_moment_is_added_and_the_skeleton_lists_what_to_fill() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = log(dir.path());
    let seen = dir.path().join("seen.ron");
    let script = editor(
        dir.path(),
        &format!(
            "cp \"$1\" {seen}\nsed -i 's/what: \"\",/what: \"Killed the rewrite\",/; s/project: \"\",/project: \"search\",/' \"$1\"",
            seen = seen.display()
        ),
    );
    let before = fs::read_to_string(&path).expect("read");
    promo()
        .log(&path)
        .env("VISUAL", script.as_os_str())
        .args(["add", "--edit"])
        .run()
        .ok()
        .stdout_has("m001");
    let skeleton = fs::read_to_string(&seen).expect("skeleton");
    for line in [
        "    id: \"m001\",",
        "    date: \"2026-11-21\",",
        "    what: \"\",",
        "    project: \"\",",
        "// Projects: search (Search relevance)",
        "// Tags: Decision, Scope, Leverage. Reaches: Team, CrossTeam, Org, Company.",
    ] {
        assert!(
            skeleton.lines().any(|l| l == line),
            "{line:?} not in\n{skeleton}"
        );
    }
    let after = fs::read_to_string(&path).expect("read");
    assert!(
        after.contains("            what: \"Killed the rewrite\",\n"),
        "{after}"
    );
    // An insertion: the old text is all still there, in order.
    let mut old = before.chars().peekable();
    for c in after.chars() {
        if old.peek() == Some(&c) {
            old.next();
        }
    }
    assert_eq!(old.next(), None, "an original byte was changed");
    promo().log(&path).args(["check"]).run().ok();
}

#[test]
fn saved_unchanged_or_emptied_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = log(dir.path());
    let before = fs::read(&path).expect("read");
    for body in ["true", ": > \"$1\""] {
        let script = editor(dir.path(), body);
        promo()
            .log(&path)
            .env("VISUAL", script.as_os_str())
            .args(["add", "--edit"])
            .run()
            .ok()
            .stdout_has("nothing written");
        assert_eq!(fs::read(&path).expect("read"), before, "{body}");
    }
}

#[test]
fn a_moment_that_does_not_check_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = log(dir.path());
    let before = fs::read(&path).expect("read");
    let script = editor(
        dir.path(),
        "sed -i 's/what: \"\",/what: \"x\",/; s/project: \"\",/project: \"nope\",/' \"$1\"",
    );
    promo()
        .log(&path)
        .env("EDITOR", script.as_os_str())
        .env("VISUAL", "")
        .args(["add", "--edit"])
        .run()
        .expect_code(1)
        .stderr_has("the moment was not added");
    assert_eq!(fs::read(&path).expect("read"), before);
}

#[test]
fn add_without_its_fields_and_no_terminal_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = log(dir.path());
    let before = fs::read(&path).expect("read");
    promo()
        .log(&path)
        .args(["add", "Decision", "Killed it"])
        .run()
        .expect_code(2)
        .stderr_has("`promo add` needs --project, --reach (or `promo add --edit`");
    assert_eq!(fs::read(&path).expect("read"), before);
}
