//! The recap context: the decisions, what else happened, and who owes what by when,
//! from the moments dated on the day of a 1:1.
//!
//! A recap is sent to the manager, so it is built from the public moments only: the
//! validated log keeps private moments sealed apart.

use chrono::NaiveDate;
use serde::Serialize;

use crate::log::{Log, Moment, Status, Tag};

/// The recap of one 1:1, as every format renders it.
#[derive(Clone, Debug, Serialize)]
pub struct Recap {
    /// The log's owner.
    pub owner: String,
    /// Their manager.
    pub manager: String,
    /// The 1:1's date.
    pub date: NaiveDate,
    /// The decisions taken that day.
    pub decisions: Vec<Line>,
    /// Every other moment of that day.
    pub others: Vec<Line>,
    /// The commitments made that day, by due date (undated last).
    pub owed: Vec<Owed>,
    /// The 1:1 after this one (calendar first, else the cadence).
    pub next: NaiveDate,
}

/// One moment of the day.
#[derive(Clone, Debug, Serialize)]
pub struct Line {
    /// What happened.
    pub what: String,
    /// The project's name.
    pub project: String,
    /// The moment's tag word.
    pub tag: &'static str,
    /// Its impact, when written down.
    pub impact: Option<String>,
}

/// One commitment made that day.
#[derive(Clone, Debug, Serialize)]
pub struct Owed {
    /// Who owes it, by name.
    pub who: String,
    /// What is owed.
    pub what: String,
    /// By when, if a date was set.
    pub due: Option<NaiveDate>,
    /// Its status word unless it is still open.
    pub status: Option<&'static str>,
}

impl Recap {
    /// Whether nothing was recorded that day.
    pub fn is_empty(&self) -> bool {
        self.decisions.is_empty() && self.others.is_empty()
    }
}

/// The recap of the 1:1 of `date`, from the log's public moments of that day.
pub fn build(log: &Log, date: NaiveDate) -> Recap {
    let moments: Vec<&Moment> = log.moments.iter().filter(|m| m.date == date).collect();
    let line = |m: &&Moment| Line {
        what: m.what.clone(),
        project: log.project_name(&m.project).to_string(),
        tag: m.tag.word(),
        impact: m.impact.clone(),
    };
    let mut owed: Vec<_> = moments.iter().flat_map(|m| m.commitments.iter()).collect();
    owed.sort_by_key(|c| (c.due.is_none(), c.due));
    Recap {
        owner: log.owner.name.clone(),
        manager: log.manager.clone(),
        date,
        decisions: moments
            .iter()
            .filter(|m| m.tag == Tag::Decision)
            .map(line)
            .collect(),
        others: moments
            .iter()
            .filter(|m| m.tag != Tag::Decision)
            .map(line)
            .collect(),
        owed: owed
            .into_iter()
            .map(|c| Owed {
                who: c.owner.display(&log.owner.name, &log.manager),
                what: c.what.clone(),
                due: c.due,
                status: match c.status {
                    Status::Open => None,
                    other => Some(other.word()),
                },
            })
            .collect(),
        next: log.next_one_on_one(date + chrono::Duration::days(1)),
    }
}
