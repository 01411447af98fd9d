//! One thing that happened in a 1:1 worth remembering, validated.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Commitment, Quote, Reach, Tag};

/// A validated 1:1 moment: its date is real and its project exists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Moment {
    /// The id written in the file, or `<date>#<n>` (n-th moment of that date) when absent.
    pub id: String,
    /// When it happened.
    pub date: NaiveDate,
    /// What kind of evidence it is.
    pub tag: Tag,
    /// The key of its project in [`super::Log::projects`].
    pub project: String,
    /// What happened.
    pub what: String,
    /// How far it reached.
    pub reach: Reach,
    /// The outcome, if written.
    pub impact: Option<String>,
    /// Who can vouch for it.
    pub witnesses: Vec<String>,
    /// What people said about it.
    pub quotes: Vec<Quote>,
    /// Who owes what by when.
    pub commitments: Vec<Commitment>,
    /// Whether it must stay on the owner's machine.
    pub private: bool,
    /// The ladder competencies it cites, by name, as written (the ladder checks them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub competencies: Vec<String>,
}
