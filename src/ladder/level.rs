//! One rung of a ladder: what a promotion case to that level is expected to show.

use serde::{Deserialize, Serialize};

use super::competency::Expected;
use crate::log::Reach;

/// What a case for one level is expected to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Level", deny_unknown_fields)]
pub struct Level {
    /// The level's id, e.g. `L6`.
    pub id: String,
    /// Other names it goes by, e.g. `Staff`, `Lead`.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The widest reach the top examples are expected to get to.
    pub min_reach: Reach,
    /// Percent of the public moments expected to be decisions.
    pub decision_share: u8,
    /// Percent of the public moments expected to be leverage.
    pub leverage_share: u8,
    /// One line on what the level does.
    pub description: String,
    /// The question a reviewer asks of a case for this level when nothing in the log
    /// answers the description, e.g. "Which cross-org strategy did they set?".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probe: Option<String>,
    /// The competencies expected at this level, with their criteria; filled from the
    /// ladder's `competencies` when it is parsed, never written in a `Level(...)`.
    #[serde(skip)]
    pub expected: Vec<Expected>,
    /// Whether growing people, and what reports say about it, counts as evidence
    /// (the management track); copied from the ladder's `people_evidence`.
    #[serde(skip)]
    pub people_evidence: bool,
}

impl Level {
    /// The id with its first alias, for people: `L6 (Staff)`.
    pub fn label(&self) -> String {
        match self.aliases.first() {
            Some(alias) => format!("{} ({alias})", self.id),
            None => self.id.clone(),
        }
    }

    /// Whether `name` is this level's id or one of its aliases, ignoring case and
    /// surrounding space.
    pub fn answers_to(&self, name: &str) -> bool {
        let name = name.trim();
        let name = name.to_lowercase();
        self.names().any(|n| n.to_lowercase() == name)
    }

    /// The id, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// Whether a case for this level is judged as a senior one: its top examples must
    /// reach the whole company, so its description is asked as a question.
    pub fn is_senior(&self) -> bool {
        self.min_reach == Reach::Company
    }
}
