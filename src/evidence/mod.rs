//! Scoring and ranking: from public moments to the evidence hierarchy a calibration
//! committee would accept — ranked moments, ranked projects, and the top examples.
//!
//! The model is documented in `docs/ranking.md`. Every score is a sum of named,
//! integer terms, so `--explain` can show exactly where it comes from.

pub mod impact;
pub mod score;
pub mod signal;
pub mod wording;

use chrono::NaiveDate;
use serde::Serialize;

use crate::log::{Log, Moment, Reach, Tag};

/// One named part of a moment's score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Term {
    /// Short name: `tag`, `reach`, `impact`, `witnesses`, `quotes`, `commitments`, `wording`.
    pub name: &'static str,
    /// Points this term adds (negative: subtracts).
    pub points: i64,
    /// Why, in a few words ("Company reach", "2 witnesses").
    pub why: String,
}

/// A public moment with its score.
#[derive(Clone, Debug, Serialize)]
pub struct ScoredMoment<'a> {
    /// The moment.
    pub moment: &'a Moment,
    /// The total: the sum of `terms`.
    pub score: i64,
    /// The score, term by term.
    pub terms: Vec<Term>,
}

/// A project's evidence, aggregated.
#[derive(Clone, Debug, Serialize)]
pub struct ProjectEvidence {
    /// The project key.
    pub key: String,
    /// Its display name.
    pub name: String,
    /// Aggregate score (see `docs/ranking.md`).
    pub score: i64,
    /// The widest reach any of its public moments reached.
    pub widest_reach: Reach,
    /// Public moments by tag.
    pub decisions: usize,
    /// Public scope moments.
    pub scopes: usize,
    /// Public leverage moments.
    pub leverages: usize,
    /// Its strongest impact statements, quantified ones first.
    pub impacts: Vec<String>,
    /// Its public moments' ids, in rank order.
    pub moments: Vec<String>,
}

/// What the evidence does not cover yet.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Coverage {
    /// Reaches with no public moment.
    pub missing_reaches: Vec<Reach>,
    /// Quarters (e.g. `2026-Q2`) between the first moment and today with no public moment.
    pub missing_quarters: Vec<String>,
}

/// The ranked evidence of one log.
#[derive(Clone, Debug, Serialize)]
pub struct Evidence<'a> {
    /// Every public moment, strongest first.
    pub moments: Vec<ScoredMoment<'a>>,
    /// Projects with public evidence, strongest first.
    pub projects: Vec<ProjectEvidence>,
    /// Indices into `moments` of the 3–5 top examples, in rank order.
    pub top: Vec<usize>,
    /// What is not covered yet.
    pub coverage: Coverage,
}

impl<'a> Evidence<'a> {
    /// Scores and ranks the public moments of `log`, as of `today`.
    pub fn rank(log: &'a Log, today: NaiveDate) -> Self {
        let mut moments: Vec<ScoredMoment<'a>> = log.moments.iter().map(score::score).collect();
        moments.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(a.moment.date.cmp(&b.moment.date))
                .then(a.moment.id.cmp(&b.moment.id))
        });
        let projects = score::projects(log, &moments);
        let top = score::top_examples(&moments, projects.len());
        let coverage = score::coverage(&moments, today);
        Self {
            moments,
            projects,
            top,
            coverage,
        }
    }

    /// The top examples, in rank order.
    pub fn top_examples(&self) -> impl Iterator<Item = &ScoredMoment<'a>> {
        self.top.iter().filter_map(|&i| self.moments.get(i))
    }

    /// The sum of every public moment's score.
    pub fn total_score(&self) -> i64 {
        self.moments.iter().map(|m| m.score.max(0)).sum()
    }

    /// Public moments with a given tag.
    pub fn count_tag(&self, tag: Tag) -> usize {
        self.moments.iter().filter(|m| m.moment.tag == tag).count()
    }
}
