//! The case a report is about: one log, read and validated once, with the level ladder
//! and the date it is judged on. Every report command builds its context from a
//! [`Case`]; several logs (`restate` over a directory) are several cases.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::Error;
use crate::evidence::Evidence;
use crate::ladder::{Ladder, Level};
use crate::log::{Log, load};
use crate::objections::Objection;
use crate::settings::Settings;

/// One person's case: their log, the ladder it is judged against, and today.
pub struct Case {
    /// The log file it was read from.
    pub path: PathBuf,
    /// The validated log.
    pub log: Log,
    /// The date the case is judged on.
    pub today: NaiveDate,
    /// The ladder file the settings name (`--ladder`, the config's), `None` for the built-in one.
    ladder_path: Option<PathBuf>,
    /// The ladder, read the first time a report asks for it: the map needs none, so a
    /// broken ladder file cannot stop it.
    ladder: OnceCell<Ladder>,
}

impl Case {
    /// Reads the log at `path`; the ladder the settings name is read when first needed.
    pub fn open(path: &Path, settings: &Settings) -> Result<Self, Error> {
        let (log, _source) = load::load(path, settings.today)?;
        Ok(Self {
            path: path.to_path_buf(),
            log,
            today: settings.today,
            ladder_path: settings.ladder.clone(),
            ladder: OnceCell::new(),
        })
    }

    /// A case over a log already loaded, judged on `today` against the built-in ladder
    /// (benchmarks and tests build cases this way).
    pub fn from_log(path: PathBuf, log: Log, today: NaiveDate) -> Self {
        Self {
            path,
            log,
            today,
            ladder_path: None,
            ladder: OnceCell::new(),
        }
    }

    /// The level ladder (`--ladder`, the config's, or the built-in track the log picks), read once.
    pub fn ladder(&self) -> Result<&Ladder, Error> {
        if let Some(ladder) = self.ladder.get() {
            return Ok(ladder);
        }
        let ladder = Ladder::for_log(self.ladder_path.as_deref(), &self.log)?;
        Ok(self.ladder.get_or_init(|| ladder))
    }

    /// The log's evidence, scored and ranked.
    pub fn evidence(&self) -> Evidence<'_> {
        Evidence::rank(&self.log, self.today)
    }

    /// The target level on the ladder; an error naming the ladder's levels if absent.
    pub fn level(&self) -> Result<&Level, Error> {
        self.ladder()?.find(&self.log.target.level)
    }

    /// The objections to the case, in attack order.
    pub fn objections(&self, evidence: &Evidence<'_>) -> Result<Vec<Objection>, Error> {
        crate::objections::find(&self.log, evidence, self.ladder()?, self.today)
    }
}
