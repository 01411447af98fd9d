//! Coverage: the reaches and calendar quarters the public evidence does not touch yet,
//! which is where a reviewer will say "one level of scope" or "one strong quarter".

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::quarter::Quarter;
use super::{Coverage, ScoredMoment};
use crate::log::Reach;

/// The reaches with no public moment, narrowest first, and the quarters from the first
/// public moment's quarter to `today`'s with no public moment, oldest first.
pub fn coverage(moments: &[ScoredMoment<'_>], today: NaiveDate) -> Coverage {
    let missing_reaches = Reach::ALL
        .into_iter()
        .filter(|r| !moments.iter().any(|m| m.moment.reach == *r))
        .collect();
    let covered: BTreeSet<Quarter> = moments.iter().map(|m| Quarter::of(m.moment.date)).collect();
    let missing_quarters = match covered.first() {
        Some(&first) => Quarter::range(first, Quarter::of(today))
            .filter(|q| !covered.contains(q))
            .map(|q| q.to_string())
            .collect(),
        None => Vec::new(),
    };
    Coverage {
        missing_reaches,
        missing_quarters,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::ScoredMoment;
    use crate::evidence::testing::{date, moment};
    use crate::log::Tag;

    #[test]
    fn gaps_in_reach_and_in_quarters_up_to_today() {
        let moments = [
            moment("a", "2025-11-03", Tag::Decision, Reach::Team),
            moment("b", "2026-04-10", Tag::Scope, Reach::Org),
        ];
        let scored: Vec<ScoredMoment<'_>> = moments
            .iter()
            .map(|moment| ScoredMoment { moment, score: 0 })
            .collect();
        let coverage = coverage(&scored, date("2026-11-21"));
        assert_eq!(coverage.missing_reaches, [Reach::CrossTeam, Reach::Company]);
        assert_eq!(coverage.missing_quarters, ["2026-Q1", "2026-Q3", "2026-Q4"]);
    }

    #[test]
    fn no_evidence_misses_every_reach_and_no_quarter() {
        let coverage = coverage(&[], date("2026-11-21"));
        assert_eq!(coverage.missing_reaches, Reach::ALL);
        assert!(coverage.missing_quarters.is_empty());
    }
}
