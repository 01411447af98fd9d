//! Why a log could not be read, checked or written, as data.
//!
//! The log owns this type so that it depends on nothing above it; the command's
//! `crate::error::Error` is made from it where the located problems are rendered
//! (`crate::diagnostic`), keeping every message where it was.

use std::io;
use std::path::PathBuf;

use super::problem::Diagnostic;
use crate::source::{InputError, ReadError, Source};
use crate::store::StoreError;

/// Every way reading, checking or writing a log can fail.
#[derive(Debug)]
pub enum LogError {
    /// No file at the path.
    NotFound {
        /// The path tried.
        path: PathBuf,
    },
    /// A directory where the log file should be.
    IsDirectory {
        /// The path given.
        path: PathBuf,
    },
    /// The file could not be read otherwise (permissions, not a regular file, too large).
    Input(InputError),
    /// The log has errors.
    Invalid {
        /// The text, for pointing at them.
        source: Source,
        /// Every error, located, in file order.
        errors: Vec<Diagnostic>,
    },
    /// Storing failed (writability, lock, backup, atomic write); nothing was changed.
    Store(StoreError),
}

impl LogError {
    /// An I/O error on the log's path, telling a missing log apart.
    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        let path = path.into();
        if source.kind() == io::ErrorKind::NotFound {
            LogError::NotFound { path }
        } else {
            LogError::Input(InputError {
                path,
                error: ReadError::Io(source),
            })
        }
    }
}

impl From<InputError> for LogError {
    fn from(input: InputError) -> Self {
        match input.error {
            ReadError::Io(source) => LogError::io(input.path, source),
            ReadError::NotRegular("a directory") => LogError::IsDirectory { path: input.path },
            error => LogError::Input(InputError {
                path: input.path,
                error,
            }),
        }
    }
}

impl From<StoreError> for LogError {
    fn from(error: StoreError) -> Self {
        LogError::Store(error)
    }
}
