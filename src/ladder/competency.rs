//! A competency of a progression framework: a named skill with what it looks like at
//! each level, and what one level expects of it.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::Level;

/// A competency as a ladder file writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Competency", deny_unknown_fields)]
pub struct Competency {
    /// The name moments cite it by, e.g. `judgment`.
    pub name: String,
    /// The name people read, e.g. `Product judgment`.
    pub title: String,
    /// What it looks like, by level id (or alias): a few criteria per level. A level
    /// with none expects what the nearest level below it expects.
    #[serde(default)]
    pub criteria: IndexMap<String, Vec<String>>,
}

/// One competency as one level expects it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Expected {
    /// The name moments cite it by.
    pub name: String,
    /// The name people read.
    pub title: String,
    /// Its criteria at the level.
    pub criteria: Vec<String>,
}

impl Competency {
    /// What `levels[index]` expects of this competency: the criteria written for it,
    /// else those of the nearest level below that has some; `None` when no level up
    /// to it has any (the competency is not expected yet).
    pub fn at(&self, levels: &[Level], index: usize) -> Option<Expected> {
        levels
            .iter()
            .take(index.saturating_add(1))
            .rev()
            .find_map(|level| {
                self.criteria
                    .iter()
                    .find(|(key, list)| level.answers_to(key) && !list.is_empty())
                    .map(|(_, list)| list)
            })
            .map(|criteria| Expected {
                name: self.name.clone(),
                title: self.title.clone(),
                criteria: criteria.clone(),
            })
    }
}
