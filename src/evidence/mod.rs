//! Evidence: public moments scored and ranked into what a calibration committee accepts.
//!
//! Scoring and ranking: from public moments to the evidence hierarchy a calibration
//! committee would accept — ranked moments, ranked projects, the top examples and
//! what the evidence does not cover yet.
//!
//! The model is documented in `docs/ranking.md`. Every score is a sum of named,
//! integer terms, so `--explain` can show exactly where it comes from. Only
//! [`Log::moments`] is read: private moments cannot change anything here.

pub mod corroboration;
mod counting;
pub mod coverage;
pub mod impact;
pub mod map;
pub mod project;
pub mod quarter;
pub mod score;
pub mod signal;
pub mod sponsor;
pub mod top;
pub mod vouch;
pub mod wording;

#[cfg(test)]
mod calibration;
#[cfg(test)]
mod properties;
#[cfg(test)]
pub(crate) mod testing;

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
    /// The total: the sum of its terms ([`score::terms`] explains it).
    pub score: i64,
}

/// A project's evidence, aggregated.
#[derive(Clone, Debug, Serialize)]
pub struct ProjectEvidence {
    /// The project key.
    pub key: String,
    /// Its display name.
    pub name: String,
    /// Aggregate score (see [`project`] and `docs/ranking.md`).
    pub score: i64,
    /// The widest reach any of its public moments reached.
    pub widest_reach: Reach,
    /// Public decision moments.
    pub decisions: usize,
    /// Public scope moments.
    pub scopes: usize,
    /// Public leverage moments.
    pub leverages: usize,
    /// Its strongest impact statements (at most two), quantified ones first.
    pub impacts: Vec<String>,
    /// Its public moments' ids, in rank order.
    pub moments: Vec<String>,
}

/// What the evidence does not cover yet.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Coverage {
    /// Reaches with no public moment.
    pub missing_reaches: Vec<Reach>,
    /// Quarters (e.g. `2026-Q2`) of the cycle window, up to today, with no public moment
    /// (see [`coverage::window`]).
    pub missing_quarters: Vec<String>,
    /// The first and last quarter looked at, when the window has begun.
    pub span: Option<(String, String)>,
}

/// A moment not counted because another moment tells the same story
/// ([`crate::log::identity`]): the one with the higher score is kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Folded {
    /// The id of the moment left out.
    pub id: String,
    /// The id of the moment that tells the story and is counted.
    pub into: String,
}

/// The ranked evidence of one log.
#[derive(Clone, Debug, Serialize)]
pub struct Evidence<'a> {
    /// Every public moment, strongest first; ties by date, then id.
    pub moments: Vec<ScoredMoment<'a>>,
    /// Projects with public evidence, strongest first.
    pub projects: Vec<ProjectEvidence>,
    /// Indices into `moments` of the 3–5 top examples, in rank order.
    pub top: Vec<usize>,
    /// What is not covered yet.
    pub coverage: Coverage,
    /// The public moments that count as evidence, in file order: every public moment
    /// except those dated after today and those [`folded`](Self::folded) into another.
    /// Not serialised: it is the ranked moments again, in the file's order.
    #[serde(skip)]
    pub counted: Vec<&'a Moment>,
    /// Moments left out as repeats of a story already counted, by id.
    pub folded: Vec<Folded>,
    /// Per counted moment (by id), the indices of its quotes not counted because the
    /// same text was quoted on an earlier moment: a quote counts once per log.
    pub repeated_quotes: Vec<(String, Vec<usize>)>,
}

impl<'a> Evidence<'a> {
    /// Scores and ranks the public moments of `log`, as of `today`: moments dated after
    /// today are not evidence yet, a story told by several moments counts once (its
    /// strongest telling), and a quote's text counts on one moment only.
    pub fn rank(log: &'a Log, today: NaiveDate) -> Self {
        let counting = counting::Counting::of(log, today);
        // Scored in file order, which is memory order, and sorted on a compact key: on a
        // big log, following each moment's pointer at every comparison cost more than
        // the scoring. Ties in score, date and id keep file order, as a stable sort would.
        let mut keyed: Vec<(i64, NaiveDate, usize)> = counting
            .kept
            .iter()
            .map(|&(index, score)| (score, log.moments[index].date, index))
            .collect();
        // Each moment's project, looked up in file order for the same reason.
        let project_in_file: Vec<Option<usize>> = log
            .moments
            .iter()
            .map(|m| log.projects.get_index_of(m.project.as_str()))
            .collect();
        keyed.sort_unstable_by(|a, b| {
            b.0.cmp(&a.0)
                .then(a.1.cmp(&b.1))
                .then_with(|| log.moments[a.2].id.cmp(&log.moments[b.2].id))
                .then(a.2.cmp(&b.2))
        });
        let project_of: Vec<Option<usize>> = keyed
            .iter()
            .map(|&(_, _, index)| project_in_file[index])
            .collect();
        let moments: Vec<ScoredMoment<'a>> = keyed
            .into_iter()
            .map(|(score, _, index)| ScoredMoment {
                moment: &log.moments[index],
                score,
            })
            .collect();
        let projects = project::projects_of(log, &moments, &project_of);
        let top = top::top_examples(&moments, projects.len());
        let coverage = coverage::coverage(&moments, coverage::window(&log.target), today);
        let counted = counting
            .kept
            .iter()
            .map(|&(index, _)| &log.moments[index])
            .collect();
        Self {
            moments,
            projects,
            top,
            coverage,
            counted,
            folded: counting.folded,
            repeated_quotes: counting.repeated_quotes,
        }
    }

    /// A counted moment's score terms, with the quotes it repeats from earlier moments
    /// left out, so they add up to its score here.
    pub fn terms(&self, moment: &Moment, today: NaiveDate) -> Vec<Term> {
        match self.repeated_quotes.iter().find(|(id, _)| *id == moment.id) {
            Some((_, dropped)) => score::terms(&counting::without(moment, dropped), today),
            None => score::terms(moment, today),
        }
    }

    /// The top examples, in rank order.
    pub fn top_examples(&self) -> impl Iterator<Item = &ScoredMoment<'a>> {
        self.top.iter().filter_map(|&i| self.moments.get(i))
    }

    /// The sum of every public moment's score, negative ones counted as zero.
    pub fn total_score(&self) -> i64 {
        self.moments.iter().map(|m| m.score.max(0)).sum()
    }

    /// Public moments with a given tag.
    pub fn count_tag(&self, tag: Tag) -> usize {
        self.moments.iter().filter(|m| m.moment.tag == tag).count()
    }

    /// The scored moment with this id, if it is public.
    pub fn find(&self, id: &str) -> Option<&ScoredMoment<'a>> {
        self.moments.iter().find(|m| m.moment.id == id)
    }

    /// The 0-based rank of the moment with this id, if it is public.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.moments.iter().position(|m| m.moment.id == id)
    }
}
