//! The restatement's context: for each person (one log, several `--log`, or a
//! directory of logs), the one-minute restatement and how long it takes to say.
//! The wording itself is built by [`crate::restate`].

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::case::Case;
use crate::error::Error;
use crate::restate::{Restatement, WORDS_PER_MINUTE, restate};
use crate::settings::Settings;

/// What `promo restate` renders.
#[derive(Debug, Serialize)]
pub struct RestateReport {
    /// Whether the run covers several people (each restatement is then headed by its person).
    pub several: bool,
    /// The people, in the order their logs were given (a directory's sorted by name).
    pub people: Vec<Person>,
}

/// One person's restatement.
#[derive(Debug, Serialize)]
pub struct Person {
    /// The owner's name.
    pub name: String,
    /// The log it came from.
    pub log: String,
    /// The restatement: `text`, `words`, `seconds`.
    #[serde(flatten)]
    pub restatement: Restatement,
    /// "112 words · about 45 seconds at 150 words a minute".
    pub timing: String,
}

impl RestateReport {
    /// The restatements of every log the settings name, in at most `max_words` words
    /// each. Every log is read before anything is rendered: one broken log stops the
    /// run before half the restatements are out.
    pub fn build(settings: &Settings, max_words: usize) -> Result<Self, Error> {
        let (paths, several) = expand(&settings.logs)?;
        let mut people = Vec::with_capacity(paths.len());
        for path in &paths {
            let case = Case::open(path, settings)?;
            let evidence = case.evidence();
            let restatement = restate(&case.log, &evidence, case.ladder()?, case.today, max_words);
            people.push(Person {
                name: case.log.owner.name.clone(),
                log: path.display().to_string(),
                timing: timing(&restatement),
                restatement,
            });
        }
        Ok(Self { several, people })
    }
}

/// "112 words · about 45 seconds at 150 words a minute".
fn timing(r: &Restatement) -> String {
    format!(
        "{} word{} · about {} second{} at {WORDS_PER_MINUTE} words a minute",
        r.words,
        if r.words == 1 { "" } else { "s" },
        r.seconds,
        if r.seconds == 1 { "" } else { "s" }
    )
}

/// The log files to restate, in the order given, a directory standing for every
/// `*.ron` file directly inside it (sorted by name). The flag is true when the run
/// covers several people (more than one `--log`, or a directory).
pub(crate) fn expand(logs: &[PathBuf]) -> Result<(Vec<PathBuf>, bool), Error> {
    let mut paths = Vec::new();
    let mut several = logs.len() > 1;
    for path in logs {
        if path.is_dir() {
            several = true;
            let found = logs_in(path)?;
            if found.is_empty() {
                return Err(Error::NoLogsInDir { dir: path.clone() });
            }
            paths.extend(found);
        } else {
            paths.push(path.clone());
        }
    }
    Ok((paths, several))
}

/// The `*.ron` files directly inside `dir`, sorted by name.
fn logs_in(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::read(dir, source))?;
    let mut found = Vec::new();
    for entry in entries {
        let path = entry.map_err(|source| Error::read(dir, source))?.path();
        if path.extension().is_some_and(|e| e == "ron") && path.is_file() {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}
