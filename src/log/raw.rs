//! The log exactly as written: what serde and ron read, before any check.
//!
//! Dates are still strings and project keys are unchecked; [`super::validate`]
//! turns a [`RawLog`] into a [`super::Log`] the rest of the program can trust.

use indexmap::IndexMap;
use serde::Deserialize;

use super::{Cadence, CommitmentOwner, MeetingStatus, Quote, Reach, Status, Tag};

/// The top-level `Log(...)` as written.
#[derive(Debug, Deserialize)]
#[serde(rename = "Log", deny_unknown_fields)]
pub struct RawLog {
    /// Format version; only `1` exists.
    pub version: u32,
    /// Whose log this is.
    pub owner: RawPerson,
    /// The owner's manager, by name.
    pub manager: String,
    /// The level and cycle the owner is going for.
    pub target: RawTarget,
    /// How often the owner meets their manager (optional; weekly when absent).
    #[serde(default)]
    pub cadence: Option<Cadence>,
    /// Projects by key, in file order.
    #[serde(default)]
    pub projects: RawProjects,
    /// The moments, in file order.
    #[serde(default)]
    pub moments: RawMoments,
    /// The 1:1s from the calendar (optional; `promo import ics` writes it).
    #[serde(default)]
    pub meetings: Vec<RawMeeting>,
}

/// `Meeting(...)`.
#[derive(Debug, Deserialize)]
#[serde(rename = "Meeting", deny_unknown_fields)]
pub struct RawMeeting {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// `Held`, `Cancelled` or `Scheduled`.
    pub status: MeetingStatus,
}

/// `Person(...)`.
#[derive(Debug, Deserialize)]
#[serde(rename = "Person", deny_unknown_fields)]
pub struct RawPerson {
    /// Full name.
    pub name: String,
    /// Job title.
    #[serde(default)]
    pub role: Option<String>,
    /// Current level, as the company names it.
    pub level: String,
    /// How to refer to them: `"she"`, `"he"` or `"they"` (the default).
    #[serde(default)]
    pub pronouns: Option<String>,
}

/// `Target(...)`.
#[derive(Debug, Deserialize)]
#[serde(rename = "Target", deny_unknown_fields)]
pub struct RawTarget {
    /// The level the owner is going for.
    pub level: String,
    /// When the packet is due, `YYYY-MM-DD`.
    pub submission: String,
    /// The calibration cycle's name.
    #[serde(default)]
    pub cycle: Option<String>,
    /// When the cycle's evidence window opens, `YYYY-MM-DD` (a year before submission when absent).
    #[serde(default)]
    pub cycle_start: Option<String>,
    /// The built-in ladder track the case is judged on (`pm`, `eng`, `em`, `design`).
    #[serde(default)]
    pub track: Option<String>,
}

/// `Project(...)`.
#[derive(Debug, Deserialize)]
#[serde(rename = "Project", deny_unknown_fields)]
pub struct RawProject {
    /// Display name.
    pub name: String,
    /// One line about it.
    #[serde(default)]
    pub summary: Option<String>,
}

/// `Moment(...)`.
#[derive(Debug, Deserialize)]
#[serde(rename = "Moment", deny_unknown_fields)]
pub struct RawMoment {
    /// A stable id; optional in hand-written files.
    #[serde(default)]
    pub id: Option<String>,
    /// When it happened, `YYYY-MM-DD`.
    pub date: String,
    /// What kind of evidence it is.
    pub tag: Tag,
    /// A key of `projects`.
    pub project: String,
    /// What happened, ideally decision-first.
    pub what: String,
    /// How far it reached.
    pub reach: Reach,
    /// The outcome, quantified where possible.
    #[serde(default)]
    pub impact: Option<String>,
    /// Who saw it and can vouch for it.
    #[serde(default)]
    pub witnesses: Vec<String>,
    /// What people said about it.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Who owes what by when.
    #[serde(default)]
    pub commitments: Vec<RawCommitment>,
    /// Private moments never leave the owner's machine.
    #[serde(default)]
    pub private: bool,
    /// The ladder's competencies this moment proves, by name.
    #[serde(default)]
    pub competencies: Vec<String>,
}

/// `Commitment(...)` as written.
#[derive(Debug, Deserialize)]
#[serde(rename = "Commitment", deny_unknown_fields)]
pub struct RawCommitment {
    /// Who owes it.
    pub owner: CommitmentOwner,
    /// What is owed.
    pub what: String,
    /// When it is due, `YYYY-MM-DD`.
    #[serde(default)]
    pub due: Option<String>,
    /// Where it stands.
    pub status: Status,
}

/// The `projects` map as written, remembering keys written twice (RON itself
/// would silently keep the last one).
#[derive(Debug, Default)]
pub struct RawProjects {
    /// Projects by key, first definition wins.
    pub map: IndexMap<String, RawProject>,
    /// For each repeated key: the key, the entry index of its first definition and of the repeat.
    pub duplicates: Vec<(String, usize, usize)>,
}

impl<'de> Deserialize<'de> for RawProjects {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawProjects;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of project keys to `Project(...)`")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut access: A,
            ) -> Result<RawProjects, A::Error> {
                let mut projects = RawProjects::default();
                let mut index = 0;
                // The entry index of each kept project, by its map index.
                let mut entry_of = Vec::new();
                while let Some((key, project)) = access.next_entry::<String, RawProject>()? {
                    match projects.map.get_index_of(&key) {
                        Some(first) => projects.duplicates.push((key, entry_of[first], index)),
                        None => {
                            projects.map.insert(key, project);
                            entry_of.push(index);
                        }
                    }
                    index += 1;
                }
                Ok(projects)
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// The `moments` list as written, read in chunks: one vector of 100,000 moments grown
/// by doubling copies and faults in twice its final size, which cost more than
/// reading them; chunks are never moved, and validation frees each as it goes.
#[derive(Debug, Default)]
pub struct RawMoments {
    chunks: Vec<Vec<RawMoment>>,
    len: usize,
}

impl RawMoments {
    /// Moments per chunk: big enough that chunk bookkeeping is negligible.
    const CHUNK: usize = 4096;

    /// How many moments there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds `later`'s moments after these, in order (the pieces of a list parsed apart).
    pub fn append(&mut self, later: RawMoments) {
        self.len += later.len;
        self.chunks.extend(later.chunks);
    }

    /// The moments, in file order.
    pub fn iter(&self) -> impl Iterator<Item = &RawMoment> {
        self.chunks.iter().flatten()
    }
}

impl IntoIterator for RawMoments {
    type Item = RawMoment;
    type IntoIter = std::iter::Flatten<std::vec::IntoIter<Vec<RawMoment>>>;

    /// The moments, in file order; each chunk is freed once read.
    fn into_iter(self) -> Self::IntoIter {
        self.chunks.into_iter().flatten()
    }
}

impl<'de> Deserialize<'de> for RawMoments {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawMoments;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut access: A,
            ) -> Result<RawMoments, A::Error> {
                let mut moments = RawMoments::default();
                let mut chunk: Vec<RawMoment> = Vec::new();
                while let Some(moment) = access.next_element::<RawMoment>()? {
                    if chunk.len() == RawMoments::CHUNK {
                        moments.chunks.push(std::mem::take(&mut chunk));
                    }
                    if chunk.capacity() == 0 {
                        chunk.reserve_exact(RawMoments::CHUNK);
                    }
                    chunk.push(moment);
                    moments.len += 1;
                }
                if !chunk.is_empty() {
                    moments.chunks.push(chunk);
                }
                Ok(moments)
            }
        }
        deserializer.deserialize_seq(Visitor)
    }
}
