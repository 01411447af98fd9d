//! One writer at a time: an exclusive advisory lock on a sidecar file next to the
//! log, `<log>.lock`.
//!
//! The log itself cannot carry the lock, because every write renames a new file
//! over it and a lock belongs to the old inode. The sidecar is never renamed nor
//! deleted (deleting it while another process waits would let two writers lock
//! two different files). The OS drops the lock when its holder exits, however it
//! exits, so a killed process never blocks the next one.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::StoreError;
use super::atomic::{resolve, sidecar_path};
use super::guard::kind_of;
use super::permissions::PRIVATE_FILE_MODE;

/// How long a writer waits for another one before giving up with a clear error.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// The sidecar lock file of a log: next to the file it resolves to, so every
/// symlink to one log shares one lock.
pub fn lock_path(log: &Path) -> PathBuf {
    sidecar_path(log, ".lock")
}

/// A held lock on a log; released when dropped (or when the process dies).
#[derive(Debug)]
pub struct Lock {
    file: File,
    path: PathBuf,
}

impl Lock {
    /// Locks `log`, waiting up to [`LOCK_WAIT`] for another writer to finish.
    pub fn acquire(log: &Path) -> Result<Self, StoreError> {
        Self::acquire_within(log, LOCK_WAIT)
    }

    /// Locks `log`, waiting up to `wait`.
    pub fn acquire_within(log: &Path, wait: Duration) -> Result<Self, StoreError> {
        // A FIFO or a device as the log would block or never end: refused before
        // anything is locked or created next to it.
        if let Ok(metadata) = std::fs::metadata(log)
            && !metadata.is_file()
        {
            return Err(StoreError::NotRegular {
                path: log.to_path_buf(),
                kind: kind_of(&metadata),
            });
        }
        let path = lock_path(log);
        let file = open_lock(&path)?;
        let started = Instant::now();
        let mut round: u32 = 0;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {
                    if started.elapsed() >= wait {
                        return Err(StoreError::LockTimeout {
                            holder: Self::holder(&path),
                            path,
                            waited_secs: wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
                        });
                    }
                    std::thread::sleep(backoff(round));
                    round = round.saturating_add(1);
                }
                Err(TryLockError::Error(source)) => {
                    return Err(StoreError::Lock { path, source });
                }
            }
        }
        let mut lock = Self { file, path };
        lock.note_holder();
        // No other writer can be mid-write now: copies left by killed ones go.
        if let Ok(target) = resolve(log) {
            let dir = super::permissions::parent_dir(&target).to_path_buf();
            super::atomic::sweep_all_temps(&target, &super::backup::backup_path(&target), &dir);
        }
        Ok(lock)
    }

    /// Where the lock file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The process id written by the last holder, for a person wondering who
    /// holds the lock.
    pub fn holder(path: &Path) -> Option<u32> {
        let mut text = String::new();
        File::open(path).ok()?.read_to_string(&mut text).ok()?;
        text.trim().parse().ok()
    }

    /// Records our pid in the lock file; only a courtesy, so failures are ignored.
    fn note_holder(&mut self) {
        let pid = std::process::id().to_string();
        let _ = self
            .file
            .set_len(0)
            .and_then(|()| self.file.seek(SeekFrom::Start(0)))
            .and_then(|_| self.file.write_all(pid.as_bytes()));
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Closing the file releases the lock too; unlocking first makes the
        // release immediate even if a clone of the handle were alive.
        let _ = self.file.unlock();
    }
}

/// Opens (or creates) the lock file without following a symlink planted at its
/// name, and checks that what was opened is a regular file.
fn open_lock(path: &Path) -> Result<File, StoreError> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(PRIVATE_FILE_MODE)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let planted = |kind| StoreError::LockNotRegular {
        path: path.to_path_buf(),
        kind,
    };
    let file = match options.open(path) {
        Ok(file) => file,
        #[cfg(unix)]
        Err(error) if error.raw_os_error() == Some(libc::ELOOP) => {
            return Err(planted("a symbolic link"));
        }
        Err(source) => {
            return Err(StoreError::LockOpen {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let metadata = file.metadata().map_err(|source| StoreError::LockOpen {
        path: path.to_path_buf(),
        source,
    })?;
    if !metadata.is_file() {
        return Err(planted(kind_of(&metadata)));
    }
    Ok(file)
}

/// A short, growing, jittered pause between attempts, so that many waiting
/// writers do not retry in lock-step.
fn backoff(round: u32) -> Duration {
    let base = 2u64.saturating_mul(u64::from(round.min(5)) + 1);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let jitter = now.subsec_nanos() ^ std::process::id();
    Duration::from_millis(base + u64::from(jitter % 7))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_waits_then_times_out_with_the_lock_path() {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = dir.path().join("log.ron");
        std::fs::write(&log, "x").expect("write");
        let held = Lock::acquire(&log).expect("first lock");
        assert_eq!(
            held.path(),
            dir.path()
                .canonicalize()
                .expect("canon")
                .join("log.ron.lock")
        );
        assert_eq!(Lock::holder(held.path()), Some(std::process::id()));
        let started = Instant::now();
        let error = Lock::acquire_within(&log, Duration::from_millis(300)).expect_err("held");
        assert!(started.elapsed() >= Duration::from_millis(300));
        assert!(
            matches!(
                &error,
                StoreError::LockTimeout { path, holder, .. }
                    if path == held.path() && *holder == Some(std::process::id())
            ),
            "{error:?}"
        );
        drop(held);
        let again = Lock::acquire_within(&log, Duration::from_millis(300)).expect("released");
        assert!(again.path().exists(), "the lock file is never deleted");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_to_one_log_share_one_lock() {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = dir.path().join("real.ron");
        let link = dir.path().join("link.ron");
        std::fs::write(&log, "x").expect("write");
        std::os::unix::fs::symlink(&log, &link).expect("symlink");
        let held = Lock::acquire(&link).expect("lock through the link");
        assert!(held.path().ends_with("real.ron.lock"));
        assert!(Lock::acquire_within(&log, Duration::from_millis(50)).is_err());
    }
}
