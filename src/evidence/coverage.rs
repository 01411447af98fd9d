//! Coverage: the reaches and calendar quarters the public evidence does not touch yet,
//! which is where a reviewer will say "one level of scope" or "one strong quarter".

use std::collections::BTreeSet;

use chrono::{Months, NaiveDate};

use super::quarter::Quarter;
use super::{Coverage, ScoredMoment};
use crate::log::{Reach, Target};

/// The cycle window's length when the log gives no `target.cycle_start`.
pub const CYCLE_MONTHS: u32 = 12;

/// The cycle window, first and last day: from `target.cycle_start`, or the
/// [`CYCLE_MONTHS`] months before submission, to the submission date.
pub fn window(target: &Target) -> (NaiveDate, NaiveDate) {
    let start = target.cycle_start.unwrap_or_else(|| {
        target
            .submission
            .checked_sub_months(Months::new(CYCLE_MONTHS))
            .unwrap_or(NaiveDate::MIN)
    });
    (start.min(target.submission), target.submission)
}

/// The reaches with no public moment, narrowest first, and the quarters of the cycle
/// `window` up to `today` (or the submission, if earlier) with no public moment, oldest
/// first: the window, not the first moment, decides where counting starts, so a log
/// begun late shows its empty quarters.
pub fn coverage(
    moments: &[ScoredMoment<'_>],
    window: (NaiveDate, NaiveDate),
    today: NaiveDate,
) -> Coverage {
    let missing_reaches = Reach::ALL
        .into_iter()
        .filter(|r| !moments.iter().any(|m| m.moment.reach == *r))
        .collect();
    let (start, submission) = window;
    let end = today.min(submission);
    let covered: BTreeSet<Quarter> = moments.iter().map(|m| Quarter::of(m.moment.date)).collect();
    let (first, last) = (Quarter::of(start), Quarter::of(end));
    let (missing_quarters, span) = if moments.is_empty() || end < start {
        (Vec::new(), None)
    } else {
        (
            Quarter::range(first, last)
                .filter(|q| !covered.contains(q))
                .map(|q| q.to_string())
                .collect(),
            Some((first.to_string(), last.to_string())),
        )
    };
    Coverage {
        missing_reaches,
        missing_quarters,
        span,
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
        let window = (date("2025-10-01"), date("2027-01-15"));
        let coverage = coverage(&scored, window, date("2026-11-21"));
        assert_eq!(coverage.missing_reaches, [Reach::CrossTeam, Reach::Company]);
        assert_eq!(coverage.missing_quarters, ["2026-Q1", "2026-Q3", "2026-Q4"]);
    }

    #[test]
    fn quarters_count_from_the_cycle_start_not_the_first_moment() {
        // Everything logged in the three weeks before submission: the cycle's empty
        // quarters show.
        let moments = [
            moment("a", "2026-11-02", Tag::Decision, Reach::Org),
            moment("b", "2026-11-16", Tag::Scope, Reach::Org),
        ];
        let scored: Vec<ScoredMoment<'_>> = moments
            .iter()
            .map(|moment| ScoredMoment { moment, score: 0 })
            .collect();
        let window = (date("2025-11-21"), date("2026-11-21"));
        let coverage = coverage(&scored, window, date("2026-11-21"));
        assert_eq!(
            coverage.missing_quarters,
            ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
        );
        assert_eq!(coverage.span, Some(("2025-Q4".into(), "2026-Q4".into())));
        // Today after submission: counting stops at the submission.
        let late = coverage_of(
            &scored,
            (date("2026-01-10"), date("2026-03-01")),
            "2026-11-21",
        );
        assert_eq!(late.missing_quarters, ["2026-Q1"]);
    }

    fn coverage_of(
        scored: &[ScoredMoment<'_>],
        window: (NaiveDate, NaiveDate),
        today: &str,
    ) -> Coverage {
        coverage(scored, window, date(today))
    }

    #[test]
    fn the_window_is_a_year_before_submission_unless_the_cycle_start_is_given() {
        let mut target = crate::log::Target {
            track: None,
            level: "L6".into(),
            submission: date("2027-03-01"),
            cycle: None,
            cycle_start: None,
        };
        assert_eq!(window(&target), (date("2026-03-01"), date("2027-03-01")));
        target.cycle_start = Some(date("2026-07-01"));
        assert_eq!(window(&target), (date("2026-07-01"), date("2027-03-01")));
    }

    #[test]
    fn no_evidence_misses_every_reach_and_no_quarter() {
        let window = (date("2025-11-21"), date("2026-11-21"));
        let coverage = coverage(&[], window, date("2026-11-21"));
        assert_eq!(coverage.missing_reaches, Reach::ALL);
        assert!(coverage.missing_quarters.is_empty());
    }
}
