//! The commitments still open before submission, on both sides, private ones included:
//! what the owner must close (or chase) before the packet is due.

use chrono::NaiveDate;
use serde::Serialize;

use crate::log::{Commitment, CommitmentOwner, Log, Moment, Status};
use crate::text::clamp;

/// A commitment still open.
#[derive(Clone, Debug, Serialize)]
pub struct OpenCommitment {
    /// Due date, `YYYY-MM-DD`, if agreed.
    pub due: Option<String>,
    /// `you`, the manager's name, or the person's name.
    pub owner: String,
    /// `owner`, `manager` or `other`.
    pub side: String,
    /// What is owed.
    pub what: String,
    /// The moment it was agreed in.
    pub moment: String,
    /// Open past its due date.
    pub overdue: bool,
    /// From a private moment: shown here only, never in a shared output.
    pub private: bool,
}

/// Open commitments on both sides, public and private, due before `submission` or
/// undated; soonest first, undated last.
pub fn open_commitments(log: &Log, submission: NaiveDate, today: NaiveDate) -> Vec<OpenCommitment> {
    let public = log.moments.iter().flat_map(|m| {
        m.commitments
            .iter()
            .filter(|c| c.status == Status::Open)
            .map(move |c| (m, c, false))
    });
    let private = log
        .private
        .open_commitments_for_owner()
        .map(|(m, c)| (m, c, true));
    let mut found: Vec<(&Moment, &Commitment, bool)> = public
        .chain(private)
        .filter(|(_, c, _)| c.due.is_none_or(|due| due < submission))
        .collect();
    found.sort_by(|(ma, a, _), (mb, b, _)| {
        (a.due.is_none(), a.due, ma.date, &ma.id).cmp(&(b.due.is_none(), b.due, mb.date, &mb.id))
    });
    found
        .into_iter()
        .map(|(moment, c, private)| {
            let (owner, side) = match &c.owner {
                CommitmentOwner::Me => ("you".to_string(), "owner"),
                CommitmentOwner::Manager => (log.manager.clone(), "manager"),
                CommitmentOwner::Other(name) => (name.clone(), "other"),
            };
            OpenCommitment {
                due: c.due.map(|d| d.to_string()),
                owner,
                side: side.to_string(),
                what: clamp(&c.what, 200),
                moment: moment.id.clone(),
                overdue: c.is_overdue(today),
                private,
            }
        })
        .collect()
}
