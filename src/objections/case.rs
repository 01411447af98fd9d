//! The case under review: what every rule reads — the public log, its ranked
//! evidence, the target level and today — and the names the fixes are written with.

use chrono::NaiveDate;

use crate::evidence::{Evidence, ScoredMoment};
use crate::ladder::Level;
use crate::log::{Log, Moment, Quote};

/// One log's case for one level, as of one day.
pub(super) struct Case<'c, 'l> {
    /// The validated log; rules read only its public moments.
    pub log: &'l Log,
    /// The ranked public evidence.
    pub evidence: &'c Evidence<'l>,
    /// The level the owner is going for.
    pub level: &'c Level,
    /// Today, from `--today` or the clock.
    pub today: NaiveDate,
}

impl<'l> Case<'_, 'l> {
    /// The public moments that count as evidence, in file order: those dated after
    /// today and the repeats of a story already counted are left out
    /// ([`Evidence::counted`]).
    pub fn public(&self) -> Vec<&'l Moment> {
        self.evidence.counted.clone()
    }

    /// The top examples, in rank order.
    pub fn top(&self) -> Vec<&ScoredMoment<'l>> {
        self.evidence.top_examples().collect()
    }

    /// The strongest public moment: the first top example, else the best ranked.
    pub fn best(&self) -> Option<&'l Moment> {
        self.evidence
            .top_examples()
            .next()
            .or_else(|| self.evidence.moments.first())
            .map(|scored| scored.moment)
    }

    /// The owner's first name, as a reviewer would say it.
    pub fn first_name(&self) -> &'l str {
        let name = self.log.owner.name.as_str();
        name.split_whitespace().next().unwrap_or(name)
    }

    /// The manager, by name.
    pub fn manager(&self) -> &'l str {
        &self.log.manager
    }

    /// The target level for people: `L4 (Mid)`.
    pub fn target(&self) -> String {
        self.level.label()
    }

    /// The display name of a project key.
    pub fn project_name(&self, key: &'l str) -> &'l str {
        self.log.project_name(key)
    }

    /// The strongest project's display name, or a generic phrase for an empty log.
    pub fn lead_project(&self) -> String {
        self.evidence
            .projects
            .first()
            .map_or_else(|| "your main project".to_string(), |p| p.name.clone())
    }

    /// Every quote on a public moment, with its moment.
    pub fn quotes(&self) -> impl Iterator<Item = (&'l Moment, &'l Quote)> {
        self.public()
            .into_iter()
            .flat_map(|m| m.quotes.iter().map(move |q| (m, q)))
    }

    /// A moment's score, never below zero, so shares of the total add up.
    pub fn points(scored: &ScoredMoment<'_>) -> i64 {
        scored.score.max(0)
    }
}
