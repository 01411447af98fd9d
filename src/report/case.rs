//! The case a report is about: one log, read and validated once, with the level ladder
//! and the date it is judged on. Every report command builds its context from a
//! [`Case`]; several logs (`restate` over a directory) are several cases.

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
    /// The level ladder (`--ladder`, the config's, or the built-in one).
    pub ladder: Ladder,
    /// The date the case is judged on.
    pub today: NaiveDate,
}

impl Case {
    /// Reads the log at `path` and the ladder the settings name.
    pub fn open(path: &Path, settings: &Settings) -> Result<Self, Error> {
        let (log, _source) = load::load(path, settings.today)?;
        let ladder = Ladder::for_log(settings.ladder.as_deref(), &log)?;
        Ok(Self {
            path: path.to_path_buf(),
            log,
            ladder,
            today: settings.today,
        })
    }

    /// The log's evidence, scored and ranked.
    pub fn evidence(&self) -> Evidence<'_> {
        Evidence::rank(&self.log, self.today)
    }

    /// The target level on the ladder; an error naming the ladder's levels if absent.
    pub fn level(&self) -> Result<&Level, Error> {
        self.ladder.find(&self.log.target.level)
    }

    /// The objections to the case, in attack order.
    pub fn objections(&self, evidence: &Evidence<'_>) -> Result<Vec<Objection>, Error> {
        crate::objections::find(&self.log, evidence, &self.ladder, self.today)
    }
}
