//! Why a command failed, as data: each variant carries the paths and names a person
//! needs to act on it.

use std::io;
use std::path::{Path, PathBuf};

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
    /// A directory given as `--log` (to `restate`) holds no log.
    #[error(
        "no `*.ron` log in `{dir}`: give the log files with `--log`, or a directory that holds them"
    )]
    NoLogsInDir {
        /// The directory.
        dir: PathBuf,
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
    /// The ladder file has errors; `rendered` shows each with its source line.
    #[error("ladder `{path}` has {count} error{}; fix {} and run the command again", if *count == 1 { "" } else { "s" }, if *count == 1 { "it" } else { "them" })]
    InvalidLadder {
        /// The ladder file.
        path: PathBuf,
        /// How many errors.
        count: usize,
        /// The diagnostics, rendered.
        rendered: String,
    },
    /// A level (e.g. the log's `target.level`) that is not on the ladder.
    #[error(
        "unknown level `{level}`: {} has {}{}",
        ladder_name(ladder.as_deref()),
        level_names(known, names),
        suggestion.as_ref().map_or_else(String::new, |s| format!("; did you mean `{s}`?"))
    )]
    UnknownLevel {
        /// The level as written.
        level: String,
        /// The ladder file, or `None` for the built-in ladder.
        ladder: Option<PathBuf>,
        /// Every level id, lowest first.
        known: Vec<String>,
        /// Every alias, lowest level first.
        names: Vec<String>,
        /// The nearest id or alias.
        suggestion: Option<String>,
    },
    /// A ladder track (the log's `target.track`, `--track`) that is not built in.
    #[error(
        "unknown track `{track}`: the built-in tracks are {}{}",
        known.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", "),
        suggestion.as_ref().map_or_else(String::new, |s| format!("; did you mean `{s}`?"))
    )]
    UnknownTrack {
        /// The track as written.
        track: String,
        /// Every built-in track.
        known: Vec<String>,
        /// The nearest one.
        suggestion: Option<String>,
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
    /// A template failed to load or render; `cause` is tera's whole explanation.
    #[error("template `{name}` ({path}) failed: {cause}")]
    Template {
        /// The template's name, e.g. `packet.md`.
        name: String,
        /// Where it came from (a file, or the built-in set).
        path: PathBuf,
        /// What tera said, with its causes.
        cause: String,
    },
    /// A template file that resolves outside the template directory.
    #[error(
        "template `{path}` leads outside `{dir}`: templates are read only from inside the template directory"
    )]
    TemplateOutsideDir {
        /// The file.
        path: PathBuf,
        /// The template directory.
        dir: PathBuf,
    },
    /// The PDF could not be drawn.
    #[error("cannot draw the PDF: {0}")]
    Pdf(String),
    /// Writing to standard output failed (other than a closed pipe).
    #[error("cannot write the output")]
    Output(#[source] io::Error),
    /// Standard output was closed early (`promo map | head -1`): not a failure.
    #[error("output closed")]
    BrokenPipe,
    /// A command-line value promo could not use.
    #[error("{0}")]
    Usage(String),
    /// `promo serve` could not listen or run (the port taken, no randomness).
    #[error("cannot serve on `{address}`: {cause}")]
    Serve {
        /// The address it tried.
        address: String,
        /// What went wrong.
        cause: String,
    },
    /// Storing a file failed (atomic write, lock, backup); the message says what was left.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// A moment could not be added; the log was not written.
    #[error("nothing was added to `{path}`")]
    Append {
        /// The log.
        path: PathBuf,
        /// Why.
        #[source]
        source: crate::log::append::AppendError,
    },
    /// The config file cannot be read as a config.
    #[error("{}:{line}:{col}: invalid config: {message}", path.display())]
    Config {
        /// The config file.
        path: PathBuf,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        col: usize,
        /// What is wrong.
        message: String,
    },
    /// A file given to `promo import` cannot be read in the format named.
    #[error("{}:{line}:{col}: cannot import: {message}", path.display())]
    ImportFile {
        /// The file.
        path: PathBuf,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        col: usize,
        /// What is wrong.
        message: String,
    },
    /// No commitment has this id.
    #[error("no commitment `{id}` in the log{}; `promo commitments` lists every id (`MOMENT.N`)", suggestion.as_ref().map_or_else(String::new, |s| format!(" (did you mean `{s}`?)")))]
    UnknownCommitment {
        /// The id given.
        id: String,
        /// The nearest id.
        suggestion: Option<String>,
    },
    /// A moment id was given where its commitments are several (or none).
    #[error("moment `{id}` has {} commitments: name one of them{}", choices.len(), if choices.is_empty() { String::new() } else { format!(" ({})", choices.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")) })]
    AmbiguousCommitment {
        /// The moment id given.
        id: String,
        /// The commitment ids of that moment.
        choices: Vec<String>,
    },
    /// An in-place edit was refused after its re-check (a bug in promo, reported
    /// rather than risking the file).
    #[error("`{path}` was left as it was: {reason}; please report this")]
    Rewrite {
        /// The log.
        path: PathBuf,
        /// What the re-check found.
        reason: String,
    },
    /// `promo share` would renumber public moments that have no `id`.
    #[error(
        "nothing was written: leaving the private moments out of `{path}` would renumber the public moment `{id}` (moments without an `id` are numbered by date); give the moments of that date an `id` and run `promo share` again"
    )]
    ShareRenumbers {
        /// The log.
        path: PathBuf,
        /// The first public moment whose id would change.
        id: String,
    },
    /// Several logs of one run are invalid; `rendered` shows every log's problems.
    #[error(
        "{count} of the {total} logs are invalid; fix them and run the command again (nothing was written)"
    )]
    InvalidLogs {
        /// How many logs are invalid.
        count: usize,
        /// How many logs the run read.
        total: usize,
        /// Each invalid log's diagnostics and summary line, in the order given.
        rendered: String,
    },
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
            Error::InvalidLadder { rendered, .. } => Some(rendered),
            Error::InvalidLogs { rendered, .. } => Some(rendered),
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

/// A value that cannot be written as JSON is an output that failed (exit 1), never a
/// usage error: the command line was fine.
impl From<serde_json::Error> for Error {
    fn from(error: serde_json::Error) -> Self {
        Error::Output(io::Error::other(error))
    }
}

impl From<crate::source::InputError> for Error {
    fn from(input: crate::source::InputError) -> Self {
        use crate::source::ReadError;
        let path = input.path;
        match input.error {
            ReadError::Io(source) => Error::Read { path, source },
            ReadError::NotRegular(kind) => {
                Error::Store(crate::store::StoreError::NotRegular { path, kind })
            }
            ReadError::TooLarge(size) => Error::TooLarge {
                path,
                size,
                limit: crate::source::MAX_INPUT_BYTES,
            },
        }
    }
}

/// How a message names a ladder: the built-in one (and how to replace it), or its file.
fn ladder_name(origin: Option<&Path>) -> String {
    match origin {
        Some(path) => format!("the ladder `{}`", path.display()),
        None => "the built-in ladder (`--ladder FILE` replaces it)".to_string(),
    }
}

/// The level ids, then their aliases: `` `L3`, `L4` (also named `Junior`, `Mid`) ``.
fn level_names(ids: &[String], aliases: &[String]) -> String {
    let quoted = |names: &[String]| {
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (ids.is_empty(), aliases.is_empty()) {
        (true, _) => "no levels".to_string(),
        (false, true) => quoted(ids),
        (false, false) => format!("{} (also named {})", quoted(ids), quoted(aliases)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_that_cannot_be_written_exits_1_and_a_usage_error_2() {
        // A map with non-string keys is the one thing serde_json refuses to write.
        let refused = serde_json::to_string(&std::collections::BTreeMap::from([((1, 2), 3)]))
            .expect_err("non-string keys");
        let error = Error::from(refused);
        assert_eq!(error.exit_code(), 1);
        assert!(
            error.to_string().starts_with("cannot write the output"),
            "{error}"
        );
        assert_eq!(Error::Usage("bad flag".into()).exit_code(), 2);
    }
}
