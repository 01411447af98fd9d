//! Every commitment of a log with its id (`MOMENT.N`: the moment's id and the
//! commitment's place in it, from 1), in the order a person wants to see them:
//! overdue first, then open ones by due date, then the settled ones. The agenda, the
//! recap, `promo commitments` and its iCalendar export all read this list.
//!
//! Private moments are sealed in the validated log: only their open commitments
//! come out, marked private, and only for reports that say they may show them.

use chrono::NaiveDate;

use crate::log::{Commitment, Log, Moment, Status};

/// One commitment, with where it comes from.
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    /// `MOMENT.N`: what `promo done` and `promo broken` take.
    pub id: String,
    /// Its place in its moment's `commitments`, from 1.
    pub index: usize,
    /// The moment that made it.
    pub moment: &'a Moment,
    /// The commitment.
    pub commitment: &'a Commitment,
    /// Whether its moment is private.
    pub private: bool,
}

impl Entry<'_> {
    /// Whether it is open and past its due date.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.commitment.is_overdue(today)
    }

    /// Whether it is still open.
    pub fn is_open(&self) -> bool {
        self.commitment.status == Status::Open
    }

    /// The status word for people, `overdue` for an open commitment past due.
    pub fn state(&self, today: NaiveDate) -> &'static str {
        if self.is_overdue(today) {
            "overdue"
        } else {
            self.commitment.status.word()
        }
    }

    /// Who owes it, by name.
    pub fn owner(&self, log: &Log) -> String {
        self.commitment.owner.display(&log.owner.name, &log.manager)
    }
}

/// The id `promo done` takes for the `index`-th (from 1) commitment of a moment.
pub fn id_of(moment_id: &str, index: usize) -> String {
    format!("{moment_id}.{index}")
}

/// Every commitment of the public moments, plus the open ones of private moments
/// when `with_private`, sorted ([`sort`]).
pub fn list(log: &Log, today: NaiveDate, with_private: bool) -> Vec<Entry<'_>> {
    let mut entries: Vec<Entry<'_>> = log
        .moments
        .iter()
        .flat_map(|moment| {
            moment
                .commitments
                .iter()
                .enumerate()
                .map(move |(i, commitment)| Entry {
                    id: id_of(&moment.id, i + 1),
                    index: i + 1,
                    moment,
                    commitment,
                    private: false,
                })
        })
        .collect();
    if with_private {
        for (moment, commitment) in log.private.open_commitments_for_owner() {
            // The commitment is borrowed from its moment's list, so its place is found by address.
            let index = moment
                .commitments
                .iter()
                .position(|c| std::ptr::eq(c, commitment))
                .map_or(0, |i| i + 1);
            entries.push(Entry {
                id: id_of(&moment.id, index),
                index,
                moment,
                commitment,
                private: true,
            });
        }
    }
    sort(&mut entries, today);
    entries
}

/// Overdue first (the longest overdue first), then open by due date (undated last),
/// then held, broken and dropped by due date; ties by id.
pub fn sort(entries: &mut [Entry<'_>], today: NaiveDate) {
    entries.sort_by(|a, b| {
        let rank = |e: &Entry<'_>| match (e.is_overdue(today), e.commitment.status) {
            (true, _) => 0,
            (false, Status::Open) => 1,
            (false, Status::Held) => 2,
            (false, Status::Broken) => 3,
            (false, Status::Dropped) => 4,
        };
        let due = |e: &Entry<'_>| (e.commitment.due.is_none(), e.commitment.due);
        rank(a)
            .cmp(&rank(b))
            .then(due(a).cmp(&due(b)))
            .then(a.moment.date.cmp(&b.moment.date))
            .then(a.id.cmp(&b.id))
    });
}
