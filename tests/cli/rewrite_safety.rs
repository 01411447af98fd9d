//! Nothing lost when a command rewrites the log in place (`done`, `broken`): a private
//! backup of the old version first, and on any failure the log byte-identical.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::harness::promo;

const LOG: &str = "\u{feff}// kept as is\r\nLog(\r\n    version: 1,\r\n    owner: Person(name: \"Ada Moss\", level: \"L5\"),\r\n    manager: \"Sam Lee\",\r\n    target: Target(level: \"L6\", submission: \"2027-03-01\"),\r\n    projects: { \"p\": Project(name: \"P\") },\r\n    moments: [\r\n        Moment(id: \"m001\", date: \"2026-10-01\", tag: Decision, project: \"p\", what: \"Chose A\", reach: Org, impact: \"Saved 2 weeks\",\r\n            commitments: [Commitment(owner: Me, what: \"Send the memo\", due: \"2026-12-01\", status: Open)]),\r\n    ],\r\n)\r\n";

fn log_in(dir: &Path, mode: u32) -> PathBuf {
    let path = dir.join("promo.ron");
    std::fs::write(&path, LOG).expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    path
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).expect("stat").permissions().mode() & 0o777
}

/// The backup is the old version, byte for byte, and private whatever the log's mode;
/// the log keeps its own mode.
#[test]
fn a_rewrite_keeps_a_private_byte_identical_backup_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = log_in(dir.path(), 0o644);
    promo().log(&path).args(["done", "m001.1"]).run().ok();
    let backup = dir.path().join("promo.ron.bak");
    assert_eq!(std::fs::read(&backup).expect("backup"), LOG.as_bytes());
    assert_eq!(mode(&backup), 0o600, "the backup must be private");
    assert_eq!(mode(&path), 0o644, "the log keeps its mode");
    let after = std::fs::read_to_string(&path).expect("read");
    assert_eq!(after, LOG.replace("status: Open", "status: Held"));
    // The next rewrite replaces the backup with the version it changes.
    promo().log(&path).args(["broken", "m001.1"]).run().ok();
    assert_eq!(std::fs::read_to_string(&backup).expect("backup"), after);
    assert_eq!(mode(&backup), 0o600);
}

/// A full disk during the rewrite (or during the backup) leaves the log as it was.
#[test]
fn a_full_disk_during_a_rewrite_leaves_the_log_byte_identical() {
    for after in ["0", "100", "400"] {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = log_in(dir.path(), 0o600);
        let run = promo()
            .log(&path)
            .env("PROMO_TEST_FAIL_WRITE_AFTER", after)
            .args(["done", "m001.1"])
            .run()
            .expect_code(1);
        assert!(
            run.stderr().contains("no space left on device"),
            "{}",
            run.stderr()
        );
        assert_eq!(
            std::fs::read(&path).expect("read"),
            LOG.as_bytes(),
            "failing after {after} bytes changed the log"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("promo-tmp"))
            .collect();
        assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    }
}

/// An invalid log is refused before anything is written, backup included.
#[test]
fn a_rewrite_of_an_invalid_log_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    let broken = LOG.replace("reach: Org", "reach: Orgg");
    std::fs::write(&path, &broken).expect("write");
    promo()
        .log(&path)
        .args(["done", "m001.1"])
        .run()
        .expect_code(1)
        .stderr_has("unknown reach `Orgg`");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), broken);
    assert!(!dir.path().join("promo.ron.bak").exists());
}
