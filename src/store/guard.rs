//! What `-o FILE` may never replace: the log a command reads, its backup and its
//! lock (by any name: a symlink, `./x/../`, a hard link), nor a device or a FIFO.
//! Every `-o` writer goes through [`write_output`].

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::StoreError;
use super::atomic::{resolve_for_write, write_atomic};
use super::backup::backup_path;
use super::lock::lock_path;

/// What kind of file `metadata` describes, for a message: "a named pipe (FIFO)".
pub fn kind_of(metadata: &fs::Metadata) -> &'static str {
    let kind = metadata.file_type();
    if kind.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_symlink() {
        return "a symbolic link";
    }
    "not a regular file"
}

/// Refuses `output` when it names one of `logs`, its backup or its lock, or an
/// existing file that is not a regular file; then writes `bytes` there atomically.
pub fn write_output(output: &Path, logs: &[PathBuf], bytes: &[u8]) -> Result<(), StoreError> {
    guard_output(output, logs)?;
    write_atomic(output, bytes)
}

/// The check of [`write_output`], without writing.
pub fn guard_output(output: &Path, logs: &[PathBuf]) -> Result<(), StoreError> {
    let target = normalise(output).map_err(|source| StoreError::Write {
        path: output.to_path_buf(),
        source,
    })?;
    let target_meta = fs::metadata(&target).ok();
    if let Some(metadata) = &target_meta
        && !metadata.is_file()
    {
        return Err(StoreError::NotRegular {
            path: output.to_path_buf(),
            kind: kind_of(metadata),
        });
    }
    for log in logs {
        let protected = [
            (normalise(log).unwrap_or_else(|_| log.clone()), "the log"),
            (backup_path(log), "the backup of the log"),
            (lock_path(log), "the lock file of the log"),
        ];
        for (path, what) in protected {
            if same_file(&target, target_meta.as_ref(), &path) {
                return Err(StoreError::OutputIsLog {
                    output: output.to_path_buf(),
                    what,
                    log: log.clone(),
                });
            }
        }
    }
    Ok(())
}

/// The absolute file `path` would write: through symlinks, with `.` and `..`
/// resolved in its directory, even when the file does not exist yet.
fn normalise(path: &Path) -> io::Result<PathBuf> {
    let target = resolve_for_write(path)?;
    if let Ok(real) = fs::canonicalize(&target) {
        return Ok(real);
    }
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(ToOwned::to_owned)
        .unwrap_or_default();
    Ok(fs::canonicalize(&dir).unwrap_or(dir).join(name))
}

/// Whether `target` and `other` are one file: the same normalised path, or the
/// same device and inode.
fn same_file(target: &Path, target_meta: Option<&fs::Metadata>, other: &Path) -> bool {
    let other_path = normalise(other).unwrap_or_else(|_| other.to_path_buf());
    if other_path == target {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Some(a), Ok(b)) = (target_meta, fs::metadata(&other_path)) {
            return (a.dev(), a.ino()) == (b.dev(), b.ino());
        }
    }
    #[cfg(not(unix))]
    let _ = target_meta;
    false
}
