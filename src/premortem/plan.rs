//! The calendar of the plan: the upcoming 1:1s by the log's cadence, and a "by" date
//! for each objection, spread from today to two weeks before submission so the last
//! fix still lands before the packet is written.

use chrono::{Duration, NaiveDate};

use crate::log::Cadence;

/// The last "by" date is at least this many days before submission: time to write
/// the packet around what was gathered.
pub const LAND_BEFORE_DAYS: i64 = 14;
/// Each objection gets at most this many days more than the one before it: a fix
/// that needs longer than four weekly 1:1s needs splitting, not more runway.
pub const MAX_STEP_DAYS: i64 = 28;

/// When one objection's work happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// The 1:1 to bring the ask to; `None` when no 1:1 falls before the deadline.
    pub ask_at: Option<NaiveDate>,
    /// When the evidence should be in the log.
    pub by: NaiveDate,
}

/// The date every fix should land by: [`LAND_BEFORE_DAYS`] before submission.
pub fn deadline(submission: NaiveDate) -> NaiveDate {
    submission - Duration::days(LAND_BEFORE_DAYS)
}

/// The 1:1s after `today` up to `until` (included), every `cadence` from `anchor` — the
/// last 1:1 on record, so the plan keeps the meeting's weekday; `today` when there is none.
pub fn upcoming(
    anchor: Option<NaiveDate>,
    cadence: Cadence,
    today: NaiveDate,
    until: NaiveDate,
) -> Vec<NaiveDate> {
    let step = cadence.days();
    let anchor = anchor.filter(|a| *a <= today).unwrap_or(today);
    // The first meeting strictly after today on the anchor's rhythm.
    let elapsed = (today - anchor).num_days();
    let first = anchor + Duration::days((elapsed / step + 1) * step);
    std::iter::successors(Some(first), |d| Some(*d + Duration::days(step)))
        .take_while(|d| *d <= until)
        .collect()
}

/// One step per objection, in attack order: `by` dates spread evenly from `today` to
/// `deadline` (at most [`MAX_STEP_DAYS`] apart, none in the past or after the deadline,
/// never decreasing) and each snapped to
/// the last 1:1 on or before it, so the evidence is shown at a meeting; the ask goes
/// to a 1:1 before that, the first objections to the first meetings. Empty when the
/// deadline is not after today: dates that cannot be met are not invented.
pub fn steps(
    count: usize,
    today: NaiveDate,
    deadline: NaiveDate,
    meetings: &[NaiveDate],
) -> Vec<Step> {
    let span = (deadline - today).num_days();
    if count == 0 || span <= 0 {
        return Vec::new();
    }
    let n = i64::try_from(count).unwrap_or(i64::MAX);
    let k = meetings.len();
    let mut out: Vec<Step> = Vec::with_capacity(count);
    for i in 0..count {
        let step_no = i64::try_from(i).unwrap_or(i64::MAX) + 1;
        // Ceiling, so the first step is never today and, when the runway is short
        // enough, the last is the deadline.
        let raw =
            today + Duration::days(((span * step_no + n - 1) / n).min(MAX_STEP_DAYS * step_no));
        let ask_at = (k > 0).then(|| meetings[i * k / count]);
        let snapped = meetings
            .iter()
            .rev()
            .copied()
            .find(|m| *m <= raw && ask_at.is_none_or(|a| *m > a));
        let mut by = match (snapped, ask_at) {
            (Some(m), _) => m,
            (None, Some(a)) if raw > a => raw,
            // Crowded plan: more objections than 1:1s. Bring it to the next one.
            (None, Some(a)) => meetings
                .iter()
                .copied()
                .find(|m| *m > a)
                .unwrap_or(deadline),
            (None, None) => raw,
        };
        if let Some(previous) = out.last() {
            by = by.max(previous.by);
        }
        out.push(Step {
            ask_at,
            by: by.min(deadline),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn meetings_keep_the_weekday_of_the_last_one() {
        let today = date("2026-11-21");
        let weekly = upcoming(
            Some(date("2026-11-16")),
            Cadence::Weekly,
            today,
            date("2026-12-14"),
        );
        assert_eq!(
            weekly,
            [
                date("2026-11-23"),
                date("2026-11-30"),
                date("2026-12-07"),
                date("2026-12-14")
            ]
        );
        let biweekly = upcoming(
            Some(date("2026-10-01")),
            Cadence::Biweekly,
            today,
            date("2026-12-31"),
        );
        assert_eq!(
            biweekly,
            [date("2026-11-26"), date("2026-12-10"), date("2026-12-24")]
        );
        let none = upcoming(None, Cadence::Monthly, today, date("2027-01-31"));
        assert_eq!(none, [date("2026-12-19"), date("2027-01-16")]);
        // A meeting today has happened: the next one is a week on.
        assert_eq!(
            upcoming(Some(today), Cadence::Weekly, today, date("2026-11-28")),
            [date("2026-11-28")]
        );
    }

    #[test]
    fn by_dates_spread_to_the_deadline_at_meetings() {
        let today = date("2026-11-21");
        let deadline = deadline(date("2027-03-01"));
        assert_eq!(deadline, date("2027-02-15"));
        let meetings = upcoming(Some(date("2026-11-16")), Cadence::Weekly, today, deadline);
        let plan = steps(4, today, deadline, &meetings);
        let by: Vec<NaiveDate> = plan.iter().map(|s| s.by).collect();
        assert_eq!(
            by,
            [
                date("2026-12-07"),
                date("2026-12-28"),
                date("2027-01-25"),
                date("2027-02-15")
            ]
        );
        let asks: Vec<Option<NaiveDate>> = plan.iter().map(|s| s.ask_at).collect();
        assert_eq!(
            asks,
            [
                Some(date("2026-11-23")),
                Some(date("2026-12-14")),
                Some(date("2027-01-04")),
                Some(date("2027-01-25"))
            ]
        );
        // One objection on a long runway is due within four weeks, not at the deadline.
        let one = steps(1, today, deadline, &meetings);
        assert_eq!(
            one,
            [Step {
                ask_at: Some(date("2026-11-23")),
                by: date("2026-12-14")
            }]
        );
        for step in &plan {
            assert!(step.ask_at.is_some_and(|a| a < step.by), "{step:?}");
        }
    }

    #[test]
    fn a_crowded_plan_never_passes_the_deadline_or_goes_back() {
        let today = date("2026-11-21");
        let deadline = date("2026-12-10");
        let meetings = upcoming(Some(date("2026-11-16")), Cadence::Weekly, today, deadline);
        let plan = steps(9, today, deadline, &meetings);
        assert_eq!(plan.len(), 9);
        for pair in plan.windows(2) {
            assert!(pair[0].by <= pair[1].by);
        }
        for step in &plan {
            assert!(step.by > today && step.by <= deadline, "{step:?}");
            assert!(step.ask_at.is_none_or(|a| a <= step.by), "{step:?}");
        }
        assert!(steps(3, today, today, &meetings).is_empty());
        let no_meetings = steps(2, today, deadline, &[]);
        assert_eq!(
            no_meetings.iter().map(|s| s.by).collect::<Vec<_>>(),
            [date("2026-12-01"), deadline]
        );
    }
}
