//! The owner's follow-through: their commitments on public moments, by status.

use chrono::NaiveDate;
use serde::Serialize;

use crate::log::{CommitmentOwner, Log, Status};

/// The owner's commitments on public moments, by status: follow-through a committee weighs.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Record {
    /// Done as promised.
    pub held: usize,
    /// Not done as promised.
    pub broken: usize,
    /// Let go by agreement.
    pub dropped: usize,
    /// Still open.
    pub open: usize,
    /// Open past their due date.
    pub overdue: usize,
}

/// The owner's commitments on public moments, by status.
pub fn record(log: &Log, today: NaiveDate) -> Record {
    let mut record = Record::default();
    let mine = log
        .moments
        .iter()
        .flat_map(|m| m.commitments.iter())
        .filter(|c| c.owner == CommitmentOwner::Me);
    for c in mine {
        match c.status {
            Status::Held => record.held += 1,
            Status::Broken => record.broken += 1,
            Status::Dropped => record.dropped += 1,
            Status::Open => record.open += 1,
        }
        if c.is_overdue(today) {
            record.overdue += 1;
        }
    }
    record
}
