//! Something a person said about the owner's work, and who they are to the owner.

use serde::{Deserialize, Serialize};

/// Who said a quote, relative to the owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// The owner's manager.
    Manager,
    /// The manager's manager.
    Skip,
    /// A peer.
    Peer,
    /// A stakeholder from another function or team.
    Stakeholder,
    /// Someone who reports to the owner.
    Report,
}

impl Role {
    /// Every role, as the log format lists them.
    pub const ALL: [Role; 5] = [
        Role::Manager,
        Role::Skip,
        Role::Peer,
        Role::Stakeholder,
        Role::Report,
    ];

    /// The name as written in a log file.
    pub fn name(self) -> &'static str {
        match self {
            Role::Manager => "Manager",
            Role::Skip => "Skip",
            Role::Peer => "Peer",
            Role::Stakeholder => "Stakeholder",
            Role::Report => "Report",
        }
    }

    /// A lowercase label for people: "manager", "skip-level", ….
    pub fn label(self) -> &'static str {
        match self {
            Role::Manager => "manager",
            Role::Skip => "skip-level",
            Role::Peer => "peer",
            Role::Stakeholder => "stakeholder",
            Role::Report => "report",
        }
    }

    /// Whether this voice is a sponsor's (manager or skip-level).
    pub fn is_sponsor(self) -> bool {
        matches!(self, Role::Manager | Role::Skip)
    }
}

/// A quote attached to a moment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// Who said it.
    pub by: String,
    /// Who they are to the owner.
    pub role: Role,
    /// What they said.
    pub text: String,
}
