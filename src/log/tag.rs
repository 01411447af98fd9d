//! The kind of evidence a moment is: a decision, a scope grant, or leverage.

use serde::{Deserialize, Serialize};

/// What a 1:1 moment proves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Tag {
    /// The owner made, forced or pressure-tested a decision.
    Decision,
    /// The owner asked for, or was given, ownership of something larger.
    Scope,
    /// The owner's work changed how others operate, unblocked them, or repeated.
    Leverage,
}

impl Tag {
    /// Every tag, in the order the log format lists them.
    pub const ALL: [Tag; 3] = [Tag::Decision, Tag::Scope, Tag::Leverage];

    /// The name as written in a log file.
    pub fn name(self) -> &'static str {
        match self {
            Tag::Decision => "Decision",
            Tag::Scope => "Scope",
            Tag::Leverage => "Leverage",
        }
    }

    /// The lowercase word used on the command line and in reports.
    pub fn word(self) -> &'static str {
        match self {
            Tag::Decision => "decision",
            Tag::Scope => "scope",
            Tag::Leverage => "leverage",
        }
    }
}
