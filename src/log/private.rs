//! Private moments, sealed: only a count and the owner's own open commitments come out.

use super::{Commitment, Moment, Status};

/// The moments marked `private: true`. Deliberately not `Serialize`: a shared
/// output can show how many there are, and nothing else of them.
#[derive(Clone, Debug, Default)]
pub struct PrivateMoments {
    moments: Vec<Moment>,
}

impl PrivateMoments {
    /// Seals the given moments.
    pub(crate) fn new(moments: Vec<Moment>) -> Self {
        Self { moments }
    }

    /// How many private moments the log has.
    pub fn len(&self) -> usize {
        self.moments.len()
    }

    /// Whether the log has no private moment.
    pub fn is_empty(&self) -> bool {
        self.moments.is_empty()
    }

    /// The id and score of the private moment `score` rates highest (ties: the first
    /// in file order), for the owner-only pre-mortem: never its text.
    pub fn strongest_for_owner(&self, score: impl Fn(&Moment) -> i64) -> Option<(String, i64)> {
        let mut best: Option<(&Moment, i64)> = None;
        for moment in &self.moments {
            let points = score(moment);
            if best.is_none_or(|(_, b)| points > b) {
                best = Some((moment, points));
            }
        }
        best.map(|(m, points)| (m.id.clone(), points))
    }

    /// Open commitments of private moments, with their moment's id and date: for
    /// reports that only the owner reads (the pre-mortem; the agenda with `--private`).
    pub fn open_commitments_for_owner(&self) -> impl Iterator<Item = (&Moment, &Commitment)> {
        self.moments.iter().flat_map(|m| {
            m.commitments
                .iter()
                .filter(|c| c.status == Status::Open)
                .map(move |c| (m, c))
        })
    }
}
