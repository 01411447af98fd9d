//! Why a command failed, as data: each variant carries the paths and names a person
//! needs to act on it.

use std::io;
use std::path::PathBuf;

use thiserror::Error;

/// Every way a promo command can fail.
#[derive(Debug, Error)]
pub enum Error {
    /// The log file does not exist.
    #[error(
        "no log at `{path}`: start one with `promo init`, or point `--log` / `PROMO_LOG` at your log"
    )]
    LogNotFound {
        /// The path tried.
        path: PathBuf,
    },
    /// A file could not be read.
    #[error("cannot read `{path}`")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// A directory was given where a file was expected.
    #[error("`{path}` is a directory, not a log file")]
    IsDirectory {
        /// The path given.
        path: PathBuf,
    },
    /// A file over the size promo reads.
    #[error(
        "`{path}` is {size} bytes, over the {limit}-byte limit for a log: is it the right file?"
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The log has errors; `rendered` shows each with its source line.
    #[error("`{path}` has {count} error{}; fix {} and run the command again", if *count == 1 { "" } else { "s" }, if *count == 1 { "it" } else { "them" })]
    InvalidLog {
        /// The log.
        path: PathBuf,
        /// How many errors.
        count: usize,
        /// The diagnostics, rendered.
        rendered: String,
    },
    /// A file could not be written; nothing was changed.
    #[error("cannot write `{path}`; the file was left as it was")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// Writing to standard output failed (other than a closed pipe).
    #[error("cannot write the output")]
    Output(#[source] io::Error),
    /// Standard output was closed early (`promo map | head -1`): not a failure.
    #[error("output closed")]
    BrokenPipe,
    /// A command-line value promo could not use.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// A read error.
    pub fn read(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Read {
            path: path.into(),
            source,
        }
    }

    /// A read error on the log, telling a missing log apart.
    pub fn read_log(path: impl Into<PathBuf>, source: io::Error) -> Self {
        let path = path.into();
        if source.kind() == io::ErrorKind::NotFound {
            Error::LogNotFound { path }
        } else {
            Error::Read { path, source }
        }
    }

    /// An output error, telling a closed pipe apart.
    pub fn output(source: io::Error) -> Self {
        if source.kind() == io::ErrorKind::BrokenPipe {
            Error::BrokenPipe
        } else {
            Error::Output(source)
        }
    }

    /// Details to show before the message: the rendered diagnostics of an invalid log.
    pub fn details(&self) -> Option<&str> {
        match self {
            Error::InvalidLog { rendered, .. } => Some(rendered),
            _ => None,
        }
    }

    /// The process exit code for this error: 2 for usage, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::BrokenPipe => 0,
            _ => 1,
        }
    }
}
