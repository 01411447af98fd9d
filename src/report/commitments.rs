//! The commitments context: who owes what by when, overdue first, with the counts of
//! each state, for the table, Markdown, HTML, JSON and iCalendar outputs.
//!
//! The table and the JSON are for the owner and show the open commitments of private
//! moments, marked private (nothing else of those moments). The calendar file is
//! built without them: it is imported into apps that sync elsewhere.

use chrono::NaiveDate;
use serde::Serialize;

use crate::commitments::{self, Entry};
use crate::log::{CommitmentOwner, Log};

/// The commitments of a log, as every format renders them.
#[derive(Clone, Debug, Serialize)]
pub struct Commitments {
    /// The log's owner.
    pub owner: String,
    /// The day the states are computed for.
    pub today: NaiveDate,
    /// Whether only the open ones are listed (`--open`).
    pub open_only: bool,
    /// How many listed are open (overdue included).
    pub open: usize,
    /// How many listed are overdue.
    pub overdue: usize,
    /// How many listed were held.
    pub held: usize,
    /// How many listed were broken.
    pub broken: usize,
    /// How many listed were dropped.
    pub dropped: usize,
    /// The commitments, overdue first (see [`commitments::sort`]).
    pub commitments: Vec<Row>,
}

/// One commitment; `promo commitments --format json` prints a list of these.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// `MOMENT.N`: what `promo done` takes.
    pub id: String,
    /// The moment's id.
    pub moment: String,
    /// The moment's date.
    pub moment_date: NaiveDate,
    /// `me`, `manager` or `other`.
    pub owner: &'static str,
    /// Who owes it, by name.
    pub owner_name: String,
    /// What is owed.
    pub what: String,
    /// The due date, if set.
    pub due: Option<NaiveDate>,
    /// `open`, `held`, `broken` or `dropped`.
    pub status: &'static str,
    /// Whether it is open and past due.
    pub overdue: bool,
    /// Whether its moment is private.
    pub private: bool,
    /// The status word for people: `overdue` for an open commitment past due.
    pub state: &'static str,
    /// Its place in its moment's commitments, from 1.
    pub index: usize,
    /// The moment's text; `None` for a private moment, which shows nothing else.
    pub moment_what: Option<String>,
}

/// The commitments of `log` as of `today`: the open ones of private moments too when
/// `with_private`, and only the open ones when `open_only`.
pub fn build(log: &Log, today: NaiveDate, with_private: bool, open_only: bool) -> Commitments {
    let rows: Vec<Row> = commitments::list(log, today, with_private)
        .iter()
        .filter(|e| !open_only || e.is_open())
        .map(|e| row(log, e, today))
        .collect();
    let count = |state: &str| rows.iter().filter(|r| r.state == state).count();
    Commitments {
        owner: log.owner.name.clone(),
        today,
        open_only,
        open: rows.iter().filter(|r| r.status == "open").count(),
        overdue: count("overdue"),
        held: count("held"),
        broken: count("broken"),
        dropped: count("dropped"),
        commitments: rows,
    }
}

fn row(log: &Log, entry: &Entry<'_>, today: NaiveDate) -> Row {
    Row {
        id: entry.id.clone(),
        moment: entry.moment.id.clone(),
        moment_date: entry.moment.date,
        owner: match entry.commitment.owner {
            CommitmentOwner::Me => "me",
            CommitmentOwner::Manager => "manager",
            CommitmentOwner::Other(_) => "other",
        },
        owner_name: entry.owner(log),
        what: entry.commitment.what.clone(),
        due: entry.commitment.due,
        status: entry.commitment.status.word(),
        overdue: entry.is_overdue(today),
        private: entry.private,
        state: entry.state(today),
        index: entry.index,
        moment_what: (!entry.private).then(|| entry.moment.what.clone()),
    }
}
