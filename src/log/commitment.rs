//! Who owes what by when, as agreed in a 1:1, and whether it held.

use serde::{Deserialize, Serialize};

/// Who owns a commitment.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CommitmentOwner {
    /// The log's owner.
    Me,
    /// The owner's manager.
    Manager,
    /// Someone else, by name.
    Other(String),
}

impl CommitmentOwner {
    /// A label for people, using the log's names.
    pub fn display(&self, owner: &str, manager: &str) -> String {
        match self {
            CommitmentOwner::Me => owner.to_string(),
            CommitmentOwner::Manager => manager.to_string(),
            CommitmentOwner::Other(name) => name.clone(),
        }
    }
}

/// Where a commitment stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Not yet due or not yet done.
    Open,
    /// Done as promised.
    Held,
    /// Not done as promised.
    Broken,
    /// Agreed to let go.
    Dropped,
}

impl Status {
    /// Every status, as the log format lists them.
    pub const ALL: [Status; 4] = [Status::Open, Status::Held, Status::Broken, Status::Dropped];

    /// The lowercase word used in reports.
    pub fn word(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Held => "held",
            Status::Broken => "broken",
            Status::Dropped => "dropped",
        }
    }
}

/// A commitment made in a 1:1, validated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Commitment {
    /// Who owes it.
    pub owner: CommitmentOwner,
    /// What is owed.
    pub what: String,
    /// When it is due, if a date was agreed.
    pub due: Option<chrono::NaiveDate>,
    /// Where it stands.
    pub status: Status,
}

impl Commitment {
    /// Whether the commitment is still open and its due date has passed.
    pub fn is_overdue(&self, today: chrono::NaiveDate) -> bool {
        self.status == Status::Open && self.due.is_some_and(|due| due < today)
    }
}
