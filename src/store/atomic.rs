//! Whole-file replacement that is atomic and durable: readers see the old
//! version or the new one, never a mix, and once a write returns it survives a
//! power cut.
//!
//! The new version goes to a temporary file in the same directory (a rename is
//! only atomic within one file system), is synced, renamed over the old one, and
//! the directory is synced so the rename itself is on disk.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use super::StoreError;
use super::permissions::{PRIVATE_FILE_MODE, create_private_dir_all, ensure_writable, parent_dir};
use super::writer::{Writer, writer_from_env};

/// Temporary files end with this, after `.<file name>.<pid>.<n>`.
const TEMP_SUFFIX: &str = ".promo-tmp";

/// A temporary file left by a dead process is removed once it is this old, so a
/// writer that is merely slow, or lives in another PID namespace, is never raced.
const STALE_TEMP_AGE: Duration = Duration::from_secs(60);

/// The file a path names, through any symlinks: the file that must be replaced.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    fs::canonicalize(path)
}

/// A file kept next to the one `log` resolves to, named after it plus `suffix`
/// (`.lock`, `.bak`): every symlink to one log shares it.
pub fn sidecar_path(log: &Path, suffix: &str) -> PathBuf {
    let resolved = resolve(log).unwrap_or_else(|_| log.to_path_buf());
    let mut name = resolved
        .file_name()
        .map(ToOwned::to_owned)
        .unwrap_or_default();
    name.push(suffix);
    resolved.with_file_name(name)
}

/// Replaces the file at `path` with `bytes`, or creates it (mode 0600, missing
/// directories 0700). A symlink is followed and its target replaced; the symlink
/// stays. The replaced file keeps its mode (and owner, where allowed).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic_with(path, bytes, &*writer_from_env())
}

/// [`write_atomic`] for a log: refuses a new version over `limit` bytes (the size
/// promo reads), so a write can never lock every command out of the log; the
/// file is then left as it was.
pub fn write_log(path: &Path, bytes: &[u8], limit: u64) -> Result<(), StoreError> {
    check_log_size(path, bytes, limit)?;
    write_atomic(path, bytes)
}

/// Refuses `bytes` as the new text of log `path` when promo could not read it back.
pub fn check_log_size(path: &Path, bytes: &[u8], limit: u64) -> Result<(), StoreError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > limit {
        return Err(StoreError::LogTooLarge {
            path: path.to_path_buf(),
            size,
            limit,
        });
    }
    Ok(())
}

/// [`write_atomic`] with the writer given: the seam for tests.
pub fn write_atomic_with(path: &Path, bytes: &[u8], writer: &dyn Writer) -> Result<(), StoreError> {
    let target = resolve_for_write(path).map_err(|source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    replace(&target, bytes, writer, None)
}

/// The file to replace or create for `path`: the end of its symlink chain, even
/// when that file does not exist yet (as a shell's `>` would), so a symlink is
/// never replaced by a regular file.
pub(super) fn resolve_for_write(path: &Path) -> io::Result<PathBuf> {
    match resolve(path) {
        Ok(target) => return Ok(target),
        Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
        Err(_) => {}
    }
    let mut target = path.to_path_buf();
    // The limit Linux itself puts on a chain of symlinks.
    for _ in 0..40 {
        match fs::symlink_metadata(&target) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let link = fs::read_link(&target)?;
                target = parent_dir(&target).join(link);
            }
            _ => return Ok(target),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

/// Creates a new file at `path` holding `bytes`, atomically: the file appears
/// complete or not at all, and an existing file (or symlink) is never replaced.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_new_with(path, bytes, &*writer_from_env())
}

/// [`write_new`] with the writer given: the seam for tests.
pub fn write_new_with(path: &Path, bytes: &[u8], writer: &dyn Writer) -> Result<(), StoreError> {
    let exists = || StoreError::AlreadyExists {
        path: path.to_path_buf(),
    };
    if fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    let dir = parent_dir(path);
    create_private_dir_all(dir)?;
    ensure_writable(path)?;
    let mut temp = TempFile::create(path, dir, PRIVATE_FILE_MODE)?;
    temp.fill(path, bytes, writer)?;
    // A hard link fails if the name is taken, so a file created meanwhile by
    // someone else is never clobbered.
    match fs::hard_link(&temp.path, path) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => return Err(exists()),
        // Some file systems have no hard links: fall back to a rename, re-checking
        // the name just before.
        Err(_) => {
            if fs::symlink_metadata(path).is_ok() {
                return Err(exists());
            }
            temp.persist(path)?;
            return sync_dir(path, dir);
        }
    }
    drop(temp);
    sync_dir(path, dir)
}

/// Writes `bytes` over `target` (already resolved), keeping its mode unless
/// `mode` is given; a missing `target` is created with `mode` or 0600.
pub(super) fn replace(
    target: &Path,
    bytes: &[u8],
    writer: &dyn Writer,
    mode: Option<u32>,
) -> Result<(), StoreError> {
    let dir = parent_dir(target);
    create_private_dir_all(dir)?;
    ensure_writable(target)?;
    let existing = fs::metadata(target).ok();
    let mode = mode.unwrap_or_else(|| existing.as_ref().map_or(PRIVATE_FILE_MODE, file_mode));
    sweep_stale_temps(target, dir);
    let mut temp = TempFile::create(target, dir, mode)?;
    temp.fill(target, bytes, writer)?;
    if let Some(existing) = &existing {
        keep_owner(&temp.file, existing);
    }
    temp.persist(target)?;
    sync_dir(target, dir)
}

/// A temporary file next to its target, removed on drop unless persisted.
struct TempFile {
    path: PathBuf,
    file: File,
    persisted: bool,
}

impl TempFile {
    /// Creates a fresh temporary file for `target` in `dir` with `mode`.
    fn create(target: &Path, dir: &Path, mode: u32) -> Result<Self, StoreError> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let name = target
            .file_name()
            .map_or_else(|| "promo".into(), |n| n.to_string_lossy().into_owned());
        let mut attempt = 0;
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!(".{name}.{}.{n}{TEMP_SUFFIX}", std::process::id()));
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(mode);
            }
            match options.open(&path) {
                Ok(file) => {
                    let temp = Self {
                        path,
                        file,
                        persisted: false,
                    };
                    // The umask may have narrowed the mode given at creation;
                    // a replaced file keeps exactly the mode it had.
                    temp.set_mode(target, mode)?;
                    return Ok(temp);
                }
                // A leftover of an earlier process with the same pid.
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(source) => {
                    return Err(StoreError::TempFile {
                        path: target.to_path_buf(),
                        dir: dir.to_path_buf(),
                        source,
                    });
                }
            }
        }
    }

    #[cfg(unix)]
    fn set_mode(&self, target: &Path, mode: u32) -> Result<(), StoreError> {
        use std::os::unix::fs::PermissionsExt;
        self.file
            .set_permissions(fs::Permissions::from_mode(mode))
            .map_err(|source| write_error(target, source))
    }

    #[cfg(not(unix))]
    fn set_mode(&self, _target: &Path, _mode: u32) -> Result<(), StoreError> {
        Ok(())
    }

    /// Writes all of `bytes` and syncs them to disk.
    fn fill(&mut self, target: &Path, bytes: &[u8], writer: &dyn Writer) -> Result<(), StoreError> {
        writer
            .write(&mut self.file, bytes)
            .and_then(|()| self.file.sync_all())
            .map_err(|source| write_error(target, source))
    }

    /// Renames the temporary file over `target`.
    fn persist(mut self, target: &Path) -> Result<(), StoreError> {
        fs::rename(&self.path, target).map_err(|source| write_error(target, source))?;
        self.persisted = true;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.persisted {
            // Best effort: the original is untouched either way, and a leftover is
            // swept by a later write.
            let _ = fs::remove_file(&self.path);
        }
    }
}

fn write_error(path: &Path, source: io::Error) -> StoreError {
    StoreError::Write {
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(unix)]
fn file_mode(metadata: &fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    metadata.permissions().mode() & 0o777
}

#[cfg(not(unix))]
fn file_mode(_metadata: &fs::Metadata) -> u32 {
    PRIVATE_FILE_MODE
}

/// Gives the new version the old one's owner and group. Only root may change the
/// owner, so failure is expected and harmless: the file then belongs to whoever
/// wrote it, as any editor's save would.
#[cfg(unix)]
fn keep_owner(file: &File, old: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    if let Ok(new) = file.metadata()
        && (new.uid(), new.gid()) != (old.uid(), old.gid())
    {
        let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _old: &fs::Metadata) {}

/// Syncs the directory so the rename is durable.
fn sync_dir(path: &Path, dir: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        let synced = File::open(dir).and_then(|d| d.sync_all());
        match synced {
            Ok(()) => {}
            // Some file systems cannot sync a directory; there is nothing more to do.
            Err(error)
                if matches!(
                    error.kind(),
                    io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported
                ) => {}
            Err(source) => {
                return Err(StoreError::SyncDir {
                    path: path.to_path_buf(),
                    dir: dir.to_path_buf(),
                    source,
                });
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (path, dir);
    Ok(())
}

/// Removes temporary files of `target` left by processes that were killed
/// mid-write: they hold a copy of private text nobody will ever rename.
fn sweep_stale_temps(target: &Path, dir: &Path) {
    sweep_temps(target, dir, false);
}

/// Removes every temporary copy of the log at `log` and of its backup, at once,
/// when no writer holds the log's lock: a log's temporary files are only ever
/// written under that lock, so none of them belongs to a live write. Called by
/// every command that reads a log; a held lock (even our own) means "leave them".
/// Without a lock file, the age rule of the writers applies.
pub fn sweep_unlocked(log: &Path) {
    let Ok(target) = resolve(log) else {
        return;
    };
    let dir = parent_dir(&target).to_path_buf();
    let backup = super::backup::backup_path(&target);
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let lock = options
        .open(super::lock::lock_path(&target))
        .ok()
        .filter(|file| file.metadata().is_ok_and(|m| m.is_file()));
    match lock {
        Some(file) => {
            if file.try_lock().is_ok() {
                sweep_all_temps(&target, &backup, &dir);
                let _ = file.unlock();
            }
        }
        None => {
            sweep_temps(&target, &dir, false);
            sweep_temps(&backup, &dir, false);
        }
    }
}

/// Under the log's lock: every temporary copy of the log and of its backup is a
/// leftover of a killed writer, whatever its age.
pub(super) fn sweep_all_temps(target: &Path, backup: &Path, dir: &Path) {
    sweep_temps(target, dir, true);
    sweep_temps(backup, dir, true);
}

/// Removes temporary files of `target` in `dir`: those of dead processes older
/// than [`STALE_TEMP_AGE`], or, with `all`, every one not of this process.
fn sweep_temps(target: &Path, dir: &Path, all: bool) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    // Only where a process's liveness can be told (Linux's /proc).
    if !all && !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
            .and_then(|n| n.split_once('.'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let alive = Path::new("/proc").join(pid.to_string()).exists();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .is_some_and(|age| age >= STALE_TEMP_AGE);
        let stale = if all {
            pid != std::process::id()
        } else {
            !alive && old
        };
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::super::writer::{DirectWriter, FailAfter};
    use super::*;

    /// A temporary directory holding `log.ron` with `text`.
    fn log_with(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = dir.path().join("log.ron");
        fs::write(&log, text).expect("write");
        (dir, log)
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).expect("metadata").permissions().mode() & 0o777
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_keeping_the_mode_and_creates_new_files_private() {
        let (dir, log) = log_with("old");
        fs::set_permissions(&log, fs::Permissions::from_mode(0o640)).expect("chmod");
        write_atomic_with(&log, b"new", &DirectWriter).expect("replace");
        assert_eq!(fs::read(&log).expect("read"), b"new");
        assert_eq!(mode(&log), 0o640);

        let fresh = dir.path().join("deep/er/fresh.ron");
        write_atomic_with(&fresh, b"x", &DirectWriter).expect("create");
        assert_eq!(mode(&fresh), 0o600);
        assert_eq!(mode(&dir.path().join("deep")), 0o700);
        assert_eq!(mode(&dir.path().join("deep/er")), 0o700);
        assert_eq!(names(dir.path()), ["deep", "log.ron"]);
    }

    #[test]
    fn a_full_disk_leaves_the_original_and_no_temporary_file() {
        let (dir, log) = log_with("the original");
        let error = write_atomic_with(&log, b"a much longer new version", &FailAfter(5))
            .expect_err("disk full");
        assert!(matches!(error, StoreError::Write { .. }), "{error:?}");
        assert_eq!(fs::read(&log).expect("read"), b"the original");
        assert_eq!(names(dir.path()), ["log.ron"]);
    }

    fn assert_is_symlink(path: &Path) {
        let kind = fs::symlink_metadata(path).expect("lstat").file_type();
        assert!(kind.is_symlink(), "{} is no longer a link", path.display());
    }

    #[test]
    fn symlinks_are_written_through() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("real.ron");
        let link = dir.path().join("link.ron");
        fs::write(&target, "old").expect("write");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        write_atomic_with(&link, b"new", &DirectWriter).expect("write");
        assert_is_symlink(&link);
        assert_eq!(fs::read(&target).expect("read"), b"new");
    }

    #[test]
    fn a_dangling_symlink_is_written_through_to_its_missing_target() {
        let dir = tempfile::tempdir().expect("tempdir");
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink("sub/real.ron", &link).expect("symlink");
        write_atomic_with(&link, b"new", &DirectWriter).expect("write");
        assert_is_symlink(&link);
        assert_eq!(
            fs::read(dir.path().join("sub/real.ron")).expect("read"),
            b"new"
        );
        assert_eq!(mode(&dir.path().join("sub/real.ron")), 0o600);
        assert_eq!(mode(&dir.path().join("sub")), 0o700);
    }

    #[test]
    fn write_new_never_replaces_anything() {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = dir.path().join("log.ron");
        write_new_with(&log, b"first", &DirectWriter).expect("create");
        assert_eq!(mode(&log), 0o600);
        let error = write_new_with(&log, b"second", &DirectWriter).expect_err("exists");
        assert!(matches!(error, StoreError::AlreadyExists { .. }));
        assert_eq!(fs::read(&log).expect("read"), b"first");
        let dangling = dir.path().join("dangling.ron");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).expect("symlink");
        assert!(write_new_with(&dangling, b"x", &DirectWriter).is_err());
        assert!(!dir.path().join("nowhere").exists());
        assert_eq!(names(dir.path()), ["dangling.ron", "log.ron"]);
    }

    #[test]
    fn stale_temporary_files_of_dead_processes_are_swept() {
        let (dir, log) = log_with("old");
        // pid 0 is never a user process; a live one (ours) must be kept.
        let dead = dir.path().join(format!(".log.ron.0.7{TEMP_SUFFIX}"));
        let live = dir
            .path()
            .join(format!(".log.ron.{}.999{TEMP_SUFFIX}", std::process::id()));
        let young = dir.path().join(format!(".log.ron.0.8{TEMP_SUFFIX}"));
        for path in [&dead, &live, &young] {
            fs::write(path, "partial").expect("write");
        }
        let long_ago = SystemTime::now() - Duration::from_secs(3600);
        for path in [&dead, &live] {
            File::options()
                .write(true)
                .open(path)
                .and_then(|f| f.set_modified(long_ago))
                .expect("age");
        }
        write_atomic_with(&log, b"new", &DirectWriter).expect("write");
        assert!(!dead.exists(), "a dead process's temporary file is swept");
        assert!(live.exists(), "a live process's temporary file is kept");
        assert!(young.exists(), "a recent temporary file is kept");
    }
}
