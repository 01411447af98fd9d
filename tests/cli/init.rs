//! `promo init`: a valid, commented, private log, and never over an existing file.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::harness::{TODAY, promo};

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

const ARGS: [&str; 11] = [
    "init",
    "--name",
    "Ana Ruiz",
    "--manager",
    "Sam Lee",
    "--level",
    "L5",
    "--target-level",
    "L6",
    "--submission",
    "2027-03-01",
];

#[test]
fn init_writes_a_valid_commented_private_log_in_new_private_directories() {
    let root = tempfile::tempdir().expect("tempdir");
    fs::set_permissions(root.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    let path = root.path().join("career/2027/promo.ron");
    promo()
        .log(&path)
        .args(ARGS)
        .args(["--role", "Product Manager", "--cycle", "H1 2027"])
        .run()
        .ok()
        .stdout_has("created `")
        .stdout_has("promo.ron` (readable by you only)");
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&root.path().join("career")), 0o700);
    assert_eq!(mode(&root.path().join("career/2027")), 0o700);
    assert_eq!(
        mode(root.path()),
        0o755,
        "an existing directory keeps its mode"
    );

    let text = fs::read_to_string(&path).expect("read");
    for needle in [
        "owner: Person(name: \"Ana Ruiz\", role: \"Product Manager\", level: \"L5\"),",
        "manager: \"Sam Lee\",",
        "target: Target(level: \"L6\", submission: \"2027-03-01\", cycle: \"H1 2027\"),",
        "    projects: {\n        // \"checkout\": Project(name:",
        "    moments: [],\n)\n",
        "// Decision | Scope | Leverage",
        "// Team | CrossTeam | Org | Company",
        "// role: Manager | Skip | Peer | Stakeholder | Report",
    ] {
        assert!(text.contains(needle), "lacks {needle:?}:\n{text}");
    }
    promo()
        .log(&path)
        .args(["check"])
        .run()
        .ok()
        .stdout_has(": ok, 0 moment");
    let (log, _) = promo::log::load::load(&path, TODAY.parse().expect("date")).expect("valid");
    assert_eq!(log.owner.name, "Ana Ruiz");
    assert_eq!(log.target.cycle.as_deref(), Some("H1 2027"));
    assert!(log.projects.is_empty());
}

#[test]
fn init_refuses_to_overwrite_an_existing_file_or_symlink() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    fs::write(&path, "months of notes").expect("write");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
    promo()
        .log(&path)
        .args(ARGS)
        .run()
        .expect_code(1)
        .stderr_has("promo.ron` already exists; promo will not overwrite it");
    assert_eq!(fs::read_to_string(&path).expect("read"), "months of notes");
    assert_eq!(mode(&path), 0o644);

    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(dir.path().join("nowhere.ron"), &link).expect("symlink");
    promo()
        .log(&link)
        .args(ARGS)
        .run()
        .expect_code(1)
        .stderr_has("already exists");
    assert!(!dir.path().join("nowhere.ron").exists());
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["link.ron", "promo.ron"], "no temporary file left");
}

#[test]
fn init_escapes_what_it_is_given() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    let name = "Ana \"AJ\" Ruiz \\ Zoë";
    promo()
        .log(&path)
        .args([
            "init",
            "--name",
            name,
            "--manager",
            "Sam // not a comment",
            "--level",
            "L5",
        ])
        .args(["--target-level", "L6", "--submission", "2027-03-01"])
        .run()
        .ok();
    let (log, _) = promo::log::load::load(&path, TODAY.parse().expect("date")).expect("valid");
    assert_eq!(log.owner.name, name);
    assert_eq!(log.manager, "Sam // not a comment");
    promo()
        .log(dir.path().join("other.ron"))
        .args(["init", "--name", " ", "--manager", "Sam", "--level", "L5"])
        .args(["--target-level", "L6", "--submission", "2027-03-01"])
        .run()
        .expect_code(2)
        .stderr_has("`--name` is empty");
    assert!(!dir.path().join("other.ron").exists());
}

#[test]
fn a_new_log_takes_moments_once_it_has_a_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    promo().log(&path).args(ARGS).run().ok();
    let add = || {
        promo()
            .log(&path)
            .args([
                "add",
                "decision",
                "Cut the loyalty tier to hold the freeze date",
                "--project",
                "checkout",
            ])
            .args(["--reach", "cross-team", "--impact", "Freeze date held"])
    };
    add().run().expect_code(1).stderr_has(
        "unknown project `checkout`: the log has no projects yet; add one under `projects` first",
    );

    // The owner uncomments the example project, as the file suggests.
    let text = fs::read_to_string(&path).expect("read");
    let edited = text.replacen(
        "        // \"checkout\": Project(",
        "        \"checkout\": Project(",
        1,
    );
    assert_ne!(edited, text);
    fs::write(&path, &edited).expect("write");
    add().run().ok().stdout_has("m001\n");
    let after = fs::read_to_string(&path).expect("read");
    assert!(
        after.ends_with("    moments: [\n        Moment(\n            id: \"m001\",\n            date: \"2026-11-21\",\n            tag: Decision,\n            project: \"checkout\",\n            what: \"Cut the loyalty tier to hold the freeze date\",\n            reach: CrossTeam,\n            impact: \"Freeze date held\",\n        ),\n    ],\n)\n"),
        "{after}"
    );
    assert!(after.starts_with(&edited[..edited.find("    moments: [],").expect("moments")]));
    assert_eq!(mode(&path), 0o600, "the mode stays 0600");
    promo()
        .log(&path)
        .args(["check"])
        .run()
        .ok()
        .stdout_has(": ok, 1 moment");
}

#[test]
fn init_on_a_full_disk_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    promo()
        .log(&path)
        .args(ARGS)
        .env("PROMO_TEST_FAIL_WRITE_AFTER", "10")
        .run()
        .expect_code(1)
        .stderr_has("no space left on device");
    assert!(!path.exists(), "no half-written log");
    assert_eq!(
        fs::read_dir(dir.path()).expect("dir").count(),
        0,
        "no temporary file"
    );
}
