//! The one-strong-quarter objection: its threshold, its check and, where the packet answers it, its answer.

use chrono::{Duration, NaiveDate};

use super::{ask_manager, ids};
use crate::evidence::ScoredMoment;
use crate::objections::case::Case;
use crate::objections::phrase::percent;
use crate::objections::{Objection, Rule, Severity};

/// The length of the window one-strong-quarter slides over the moments.
pub const QUARTER_WINDOW_DAYS: i64 = 90;
/// one-strong-quarter fires when one window holds more than this percent of the score.
pub const ONE_QUARTER_PERCENT: usize = 60;
/// The last stretch of the cycle a crammed log fills: six weeks.
pub const LAST_WEEKS_DAYS: i64 = 42;
/// one-strong-quarter fires, as cramming, when the last [`LAST_WEEKS_DAYS`] days hold
/// more than this percent of the score.
pub const LAST_WEEKS_PERCENT: usize = 50;

/// one-strong-quarter, high: more than [`LAST_WEEKS_PERCENT`]% of the total score is
/// dated in the [`LAST_WEEKS_DAYS`] days up to today (or the submission, if earlier) —
/// a log crammed before the deadline — or some [`QUARTER_WINDOW_DAYS`]-day window (a
/// moment's date and the 89 days after it) holds more than [`ONE_QUARTER_PERCENT`]%.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    let total: i64 = case.evidence.moments.iter().map(Case::points).sum();
    if total <= 0 {
        return None;
    }
    if let Some(crammed) = crammed(case, total) {
        return Some(crammed);
    }
    // Points per day, in date order. A window starting on a day holds every moment of
    // that day, so the best window always starts on the first moment of some day, and
    // only days matter: summing per day and sliding two pointers keeps this linear and
    // free of string comparisons (sorting moments by date and id dominated big logs).
    let mut days: Vec<(NaiveDate, i64)> = case
        .evidence
        .moments
        .iter()
        .map(|s| (s.moment.date, Case::points(s)))
        .collect();
    days.sort_unstable_by_key(|&(date, _)| date);
    days.dedup_by(|later, first| {
        let same = later.0 == first.0;
        if same {
            first.1 += later.1;
        }
        same
    });
    let window = Duration::days(QUARTER_WINDOW_DAYS - 1);
    // The earliest window wins a tie, so the result does not depend on anything but the dates.
    let mut best: Option<(i64, NaiveDate)> = None;
    let mut end_index = 0;
    let mut points: i64 = 0;
    // A window running past the last date there is ends there (adding would panic).
    let end_of = |day: NaiveDate| day.checked_add_signed(window).unwrap_or(NaiveDate::MAX);
    for &(day, day_points) in &days {
        let end = end_of(day);
        while end_index < days.len() && days[end_index].0 <= end {
            points += days[end_index].1;
            end_index += 1;
        }
        if best.is_none_or(|(p, _)| points > p) {
            best = Some((points, day));
        }
        points -= day_points;
    }
    let (points, from) = best?;
    if points * 100 <= total * ONE_QUARTER_PERCENT as i64 {
        return None;
    }
    // The window's moments in rank order: the evidence is ranked by score, date, then id.
    let ranked: Vec<&ScoredMoment<'_>> = case
        .evidence
        .moments
        .iter()
        .filter(|s| from <= s.moment.date && s.moment.date <= end_of(from))
        .collect();
    let inside = ranked.len();
    let to = ranked.iter().map(|s| s.moment.date).max()?;
    Some(Objection {
        id: Rule::OneStrongQuarter,
        severity: Severity::High,
        title: "One strong quarter".into(),
        question: format!(
            "What did {} do in the rest of the cycle?",
            case.first_name()
        ),
        evidence: ids(ranked.iter().map(|s| s.moment)),
        finding: format!(
            "{}% of the evidence score falls {} ({inside} of {} public moments)",
            percent(points.max(0) as usize, total as usize),
            if from == to {
                format!("on {from}")
            } else {
                format!("between {from} and {to}")
            },
            case.public().len()
        ),
        // Notes "after" the window exist only when it ended before today.
        fix: if to < case.today {
            format!(
                "Go back through your 1:1 notes from before {from} and after {to} and log the calls you made then; from now to {}, log a moment at every 1:1.",
                case.log.target.submission
            )
        } else {
            format!(
                "Go back through your 1:1 notes from before {from} and log the calls you made then; from now to {}, log a moment at every 1:1.",
                case.log.target.submission
            )
        },
        ask: ask_manager(
            case,
            &if from.format("%Y-%m").to_string() == to.format("%Y-%m").to_string() {
                format!(
                    "Apart from {}, what would you cite from my work this cycle?",
                    from.format("%B")
                )
            } else {
                format!(
                    "Apart from {} to {}, what would you cite from my work this cycle?",
                    from.format("%B"),
                    to.format("%B")
                )
            },
        ),
    })
}

/// The cramming clause: most of the score in the last six weeks.
fn crammed(case: &Case<'_, '_>, total: i64) -> Option<Objection> {
    let end = case.today.min(case.log.target.submission);
    let from = end.checked_sub_signed(Duration::days(LAST_WEEKS_DAYS - 1))?;
    let inside: Vec<&ScoredMoment<'_>> = case
        .evidence
        .moments
        .iter()
        .filter(|s| from <= s.moment.date && s.moment.date <= end)
        .collect();
    let points: i64 = inside.iter().map(|s| Case::points(s)).sum();
    if points * 100 <= total * LAST_WEEKS_PERCENT as i64 {
        return None;
    }
    let first = inside.iter().map(|s| s.moment.date).min()?;
    Some(Objection {
        id: Rule::OneStrongQuarter,
        severity: Severity::High,
        title: "One strong quarter".into(),
        question: format!(
            "Is this a cycle of judgment, or a few busy weeks before the deadline? What did {} do before {}?",
            case.first_name(),
            first.format("%B")
        ),
        evidence: ids(inside.iter().map(|s| s.moment)),
        finding: format!(
            "{}% of the evidence score is dated in the last six weeks ({from} to {end}: {} of {} public moments)",
            percent(points.max(0) as usize, total as usize),
            inside.len(),
            case.public().len()
        ),
        fix: format!(
            "Go back through your 1:1 notes from before {from} and log the calls you made then, with their dates: a log written in the last weeks reads as one strong month."
        ),
        ask: ask_manager(
            case,
            &format!(
                "Looking back before {}, which of my calls this cycle would you cite?",
                from.format("%B")
            ),
        ),
    })
}
