//! The 1:1 log: reading, checking and editing the file, and the validated types every later stage reads.
//!
//! The 1:1 log: its format as written ([`raw`]), the checks ([`validate`]) and the
//! validated [`Log`] every later stage reads.

pub mod append;
mod cadence;
mod commitment;
pub mod edit;
pub mod error;
pub mod guessed;
pub mod identity;
pub mod load;
mod meeting;
mod moment;
pub mod parse;
mod private;
pub mod problem;
mod quote;
pub mod raw;
mod reach;
pub mod ron;
mod schedule;
pub mod share;
mod tag;
pub mod validate;

pub use ron::outline;

use chrono::NaiveDate;
use indexmap::IndexMap;
use serde::Serialize;

pub use cadence::Cadence;
pub use commitment::{Commitment, CommitmentOwner, Status};
pub use error::LogError;
pub use meeting::{Meeting, MeetingStatus};
pub use moment::Moment;
pub use private::PrivateMoments;
pub use quote::{Quote, Role};
pub use reach::Reach;
pub use tag::Tag;

/// The only log format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A validated log. Private moments are kept apart in [`PrivateMoments`], so nothing
/// that builds a shared output can reach their text by accident.
#[derive(Clone, Debug)]
pub struct Log {
    /// Whose log this is.
    pub owner: Person,
    /// The owner's manager.
    pub manager: String,
    /// The level and cycle the owner is going for.
    pub target: Target,
    /// How often the owner meets their manager.
    pub cadence: Cadence,
    /// Projects by key, in file order.
    pub projects: IndexMap<String, Project>,
    /// Public moments, in file order: the only evidence.
    pub moments: Vec<Moment>,
    /// Private moments, sealed.
    pub private: PrivateMoments,
    /// The 1:1s from the calendar, by date (empty when none were imported).
    pub meetings: Vec<Meeting>,
}

/// The owner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Person {
    /// Full name.
    pub name: String,
    /// Job title, if given.
    pub role: Option<String>,
    /// Current level.
    pub level: String,
    /// `she`, `he` or `they`, when the log says; none means "they".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pronouns: Option<String>,
}

/// The promotion being prepared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Target {
    /// The level the owner is going for.
    pub level: String,
    /// When the packet is due.
    pub submission: NaiveDate,
    /// The calibration cycle's name, if given.
    pub cycle: Option<String>,
    /// When the cycle's evidence window opens, if given (else a year before submission).
    pub cycle_start: Option<NaiveDate>,
    /// The built-in ladder track named in the log, if any.
    pub track: Option<String>,
}

/// A project moments belong to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Project {
    /// Display name.
    pub name: String,
    /// One line about it, if given.
    pub summary: Option<String>,
}

impl Log {
    /// The display name of a project key (the key itself if unknown, which validation rules out).
    pub fn project_name<'a>(&'a self, key: &'a str) -> &'a str {
        self.projects.get(key).map_or(key, |p| p.name.as_str())
    }
}
