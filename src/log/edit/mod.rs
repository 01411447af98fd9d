//! One edit transaction for a log: lock, read and check, splice, re-check, back up, write.
//!
//! Every command that changes a log goes through [`Edit`], so the store's order is
//! written once:
//!
//! ```text
//! let edit = Edit::open(&path)?;                  // resolve, refuse a directory, lock, read
//! let (log, source) = edit.check(today)?;         // the log as it is, valid or refused
//! let change = Change::splice(&source, splices);  // the old bytes with a few ranges replaced
//! let checked = change.recheck(edit.path(), today, expected_moments)?;
//! edit.commit(&change)?;                         // temp + fsync + rename + dir fsync
//! ```
//!
//! The lock is held from [`Edit::open`] until the [`Edit`] is dropped, so nothing
//! read under it can be stale when [`Edit::commit`] writes. A [`Change`] is built
//! from [`Splice`]s of the original text: every byte outside them stays as it was
//! (a BOM included). [`Change::recheck`] checks the new text as `promo check`
//! would and refuses it if it is invalid or holds a different number of moments.
//! A change that is not a pure insertion is written with [`Edit::commit_with_backup`].
//!
//! Later writers (`amend ID`, `project add`, a web form posting a moment, import
//! sync) only compute their splices; [`Edit::preview`] reads without locking for a
//! dry run that writes nothing.

mod splice;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::Log;
use super::error::LogError;
use super::load::{self, Checked};
use super::problem::Problem;
use crate::source::Source;
use crate::store;

pub use splice::{Change, Splice};

/// A log opened for an edit: resolved, locked (unless a preview) and read.
#[derive(Debug)]
pub struct Edit {
    /// The path as the user gave it, for messages.
    path: PathBuf,
    /// The file written: `path` with symlinks followed.
    target: PathBuf,
    /// The bytes read under the lock.
    bytes: Vec<u8>,
    /// Held until the edit is dropped; `None` for a preview.
    _lock: Option<store::Lock>,
}

/// Why a re-check refused a change. Nothing was written.
#[derive(Clone, Debug, PartialEq)]
pub enum Recheck {
    /// The new text has errors.
    Invalid {
        /// The errors, in file order.
        problems: Vec<Problem>,
    },
    /// The new text is valid but holds another number of moments.
    Miscounted {
        /// Moments expected.
        expected: usize,
        /// Moments found.
        found: usize,
    },
}

impl Edit {
    /// Resolves `path`, refuses a directory or a read-only file, takes the lock and
    /// reads the log under it (a writer that finished a moment ago is seen).
    pub fn open(path: &Path) -> Result<Self, LogError> {
        Self::open_with(path, true)
    }

    /// Like [`Edit::open`] but without the lock or the writability check: for a
    /// dry run, which must never [`Edit::commit`].
    pub fn preview(path: &Path) -> Result<Self, LogError> {
        Self::open_with(path, false)
    }

    fn open_with(path: &Path, lock: bool) -> Result<Self, LogError> {
        let target = store::resolve(path).map_err(|source| LogError::io(path, source))?;
        if target.is_dir() {
            return Err(LogError::IsDirectory {
                path: path.to_path_buf(),
            });
        }
        let lock = if lock {
            store::ensure_writable(&target)?;
            Some(store::Lock::acquire(&target)?)
        } else {
            None
        };
        let bytes = load::read_bytes(&target)?;
        Ok(Self {
            path: path.to_path_buf(),
            target,
            bytes,
            _lock: lock,
        })
    }

    /// The path as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The bytes read under the lock.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The log as read, with every warning located, or an error showing every problem.
    pub fn check(&self, today: NaiveDate) -> Result<(Log, Source), LogError> {
        load::check_bytes(self.path.clone(), self.bytes.clone(), today).into_log()
    }

    /// The log as read, or an error showing every problem; a valid log's warnings
    /// are not located (cheaper on a big log when nobody shows them).
    pub fn load(&self, today: NaiveDate) -> Result<(Log, Source), LogError> {
        load::load_bytes(self.path.clone(), self.bytes.clone(), today)
    }

    /// Writes a pure insertion atomically and durably while the lock is still held:
    /// the old text is all still in `change`, so no backup is kept.
    pub fn commit(self, change: &Change) -> Result<(), LogError> {
        store::write_log(&self.target, &change.bytes, load::MAX_LOG_BYTES)?;
        Ok(())
    }

    /// Writes a change that rewrites existing bytes: keeps the previous version
    /// beside the log first, then writes like [`Edit::commit`]. Returns the backup's path.
    pub fn commit_with_backup(self, change: &Change) -> Result<PathBuf, LogError> {
        // Refused before the backup, so a log too large to read again leaves no trace.
        store::check_log_size(&self.target, &change.bytes, load::MAX_LOG_BYTES)?;
        let kept = store::backup(&self.target)?;
        store::write_log(&self.target, &change.bytes, load::MAX_LOG_BYTES)?;
        Ok(kept)
    }
}

impl Change {
    /// Checks the new file as `promo check` would: refused if it has an error or
    /// does not hold exactly `expected` moments (public and private).
    pub fn recheck(
        &self,
        path: &Path,
        today: NaiveDate,
        expected: usize,
    ) -> Result<Checked, Recheck> {
        let checked = load::check_bytes(path.to_path_buf(), self.bytes.clone(), today);
        let Some(log) = &checked.log else {
            return Err(Recheck::Invalid {
                problems: checked.errors().map(|d| d.problem.clone()).collect(),
            });
        };
        let found = moment_count(log);
        if found != expected {
            return Err(Recheck::Miscounted { expected, found });
        }
        Ok(checked)
    }
}

/// How many moments a log holds, private ones included.
pub fn moment_count(log: &Log) -> usize {
    log.moments.len() + log.private.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "Log(\n    version: 1,\n    owner: Person(name: \"Mara\", level: \"L5\"),\n    manager: \"Tess\",\n    target: Target(level: \"L6\", submission: \"2027-03-01\"),\n    projects: {\"search\": Project(name: \"Search\")},\n    // kept\n    moments: [Moment(id: \"m1\", date: \"2026-01-01\", tag: Scope, project: \"search\", what: \"x\", reach: Team)],\n)\n";

    fn today() -> NaiveDate {
        "2026-11-21".parse().expect("date")
    }

    #[test]
    fn a_commit_writes_the_change_and_keeps_every_other_byte() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("log.ron");
        std::fs::write(&path, LOG).expect("write");
        let edit = Edit::open(&path).expect("open");
        let (log, source) = edit.check(today()).expect("valid");
        let at = source.text().find("Scope").expect("tag");
        let change = Change::splice(
            &source,
            vec![Splice::replace(at..at + "Scope".len(), "Leverage")],
        );
        change
            .recheck(edit.path(), today(), moment_count(&log))
            .expect("re-checks");
        let backup = edit.commit_with_backup(&change).expect("commit");
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            LOG.replace("Scope", "Leverage")
        );
        assert_eq!(std::fs::read_to_string(backup).expect("backup"), LOG);
    }

    #[test]
    fn a_recheck_refuses_an_invalid_or_miscounted_change() {
        let source = Source::new("t.ron", LOG.to_string());
        let at = source.text().find("Scope").expect("tag");
        let broken = Change::splice(&source, vec![Splice::replace(at..at + 5, "Nope")]);
        assert!(matches!(
            broken.recheck(Path::new("t.ron"), today(), 1),
            Err(Recheck::Invalid { problems }) if !problems.is_empty()
        ));
        let same = Change::splice(&source, vec![]);
        assert_eq!(
            same.recheck(Path::new("t.ron"), today(), 2).map(|_| ()),
            Err(Recheck::Miscounted {
                expected: 2,
                found: 1
            })
        );
    }

    #[test]
    fn a_directory_is_refused_before_any_lock() {
        let dir = tempfile::tempdir().expect("tempdir");
        let error = Edit::open(dir.path()).expect_err("a directory");
        assert!(matches!(error, LogError::IsDirectory { .. }), "{error:?}");
    }
}
