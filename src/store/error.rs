//! Why a write to disk did not happen, as data: the path involved and the OS error.

use std::io;
use std::path::PathBuf;

use thiserror::Error;

/// Every way storing a file can fail. Unless the message says otherwise, the file
/// on disk was left exactly as it was.
#[derive(Debug, Error)]
pub enum StoreError {
    /// `init` and other creators never replace an existing file.
    #[error("`{path}` already exists; promo will not overwrite it")]
    AlreadyExists {
        /// The existing file.
        path: PathBuf,
    },
    /// The file's permissions say it must not be written.
    #[error(
        "`{path}` is read-only; make it writable (`chmod u+w`) to change it; it was left as it was"
    )]
    ReadOnlyFile {
        /// The file.
        path: PathBuf,
    },
    /// A new version is written next to the file, so its directory must be writable.
    #[error(
        "the directory `{dir}` is read-only, and promo writes the new version of `{path}` there first; it was left as it was"
    )]
    ReadOnlyDir {
        /// The file to be written.
        path: PathBuf,
        /// Its directory.
        dir: PathBuf,
    },
    /// A missing parent directory could not be created.
    #[error("cannot create the directory `{path}`")]
    CreateDir {
        /// The directory.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// The temporary file that becomes the new version could not be created.
    #[error("cannot create a temporary file in `{dir}` to write `{path}`; it was left as it was")]
    TempFile {
        /// The file to be written.
        path: PathBuf,
        /// Where the temporary file was to go.
        dir: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// Writing, syncing or renaming the new version failed.
    #[error("cannot write `{path}`; it was left as it was")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// The new version is in place, but the directory entry may not be on disk yet.
    #[error(
        "`{path}` was written, but its directory `{dir}` could not be synced: a power cut now could undo the change"
    )]
    SyncDir {
        /// The file written.
        path: PathBuf,
        /// Its directory.
        dir: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// The sidecar lock file could not be opened or created.
    #[error("cannot open the lock file `{path}` (promo keeps it next to the log)")]
    LockOpen {
        /// The lock file.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// Locking failed for a reason other than another holder.
    #[error("cannot lock `{path}`")]
    Lock {
        /// The lock file.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// Another process held the lock for the whole wait.
    #[error(
        "another promo is still writing this log: `{path}` stayed locked for {waited_secs} s{}; try again in a moment",
        holder.map(|pid| format!(" by process {pid}")).unwrap_or_default()
    )]
    LockTimeout {
        /// The lock file.
        path: PathBuf,
        /// How long promo waited, in seconds.
        waited_secs: u64,
        /// The process id the holder wrote into the lock file, if readable.
        holder: Option<u32>,
    },
    /// The file to back up could not be read.
    #[error("cannot read `{path}` to back it up; it was left as it was")]
    BackupRead {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// `-o` named the log being read, its backup or its lock.
    #[error(
        "refusing to write `{output}`: it is {what} `{log}`, which would be lost; choose another `-o` file"
    )]
    OutputIsLog {
        /// The `-o` path given.
        output: PathBuf,
        /// Which protected file it is: "the log", "the backup of the log"…
        what: &'static str,
        /// The log concerned.
        log: PathBuf,
    },
    /// A device, FIFO, socket or directory where promo needs a regular file.
    #[error("`{path}` is {kind}, not a regular file; promo reads and writes only regular files")]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is instead, e.g. "a named pipe (FIFO)".
        kind: &'static str,
    },
    /// The lock file is a symlink or not a regular file: someone planted it.
    #[error(
        "the lock file `{path}` is {kind}, not a regular file; promo will not write through it (remove it if you did not make it)"
    )]
    LockNotRegular {
        /// The lock file.
        path: PathBuf,
        /// What it is, e.g. "a symbolic link".
        kind: &'static str,
    },
    /// The new version of a log would be over the size promo reads.
    #[error(
        "refusing to write `{path}`: it would be {size} bytes, over the {limit}-byte limit for a log, and no command could read it again; it was left as it was"
    )]
    LogTooLarge {
        /// The log.
        path: PathBuf,
        /// The size of the new version.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The backup taken before a rewrite could not be written, so the log was
    /// not touched either.
    #[error(
        "cannot write the backup `{backup}` that is kept before changing `{log}`, so `{log}` was not changed"
    )]
    BackupWrite {
        /// The log.
        log: PathBuf,
        /// The backup file.
        backup: PathBuf,
        /// Why.
        #[source]
        source: Box<StoreError>,
    },
}
