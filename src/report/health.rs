//! `promo health`: whether the 1:1 channel is working — how many 1:1s were scheduled,
//! held and cancelled, how many produced a moment, a growth ask each month, the
//! manager's follow-through, and the long gaps with no 1:1.
//!
//! The meetings come from the calendar (`promo import ics`) when the log has them;
//! otherwise each day with a moment stands for a held 1:1 and the report says the counts
//! are inferred. Only public moments are read: the report may be shown to the manager,
//! so it neither reveals nor counts private moments.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::evidence::Evidence;
use crate::evidence::sponsor::{self, SponsorRecord};
use crate::log::{Log, MeetingStatus, Tag};
use crate::report::timeline::Timeline;

/// A gap is reported when more than this many cadence periods pass with no 1:1.
pub const GAP_CADENCES: i64 = 2;

/// Height in pixels of the tallest bar of the 1:1 chart.
pub const CHART_HEIGHT: u32 = 120;

/// Pixels per month in the 1:1 chart (two bars and a space).
pub const CHART_SLOT: usize = 44;

/// The 1:1 chart is never narrower than its legend.
pub const CHART_MIN_WIDTH: usize = 280;

/// The health of the 1:1 series.
#[derive(Clone, Debug, Serialize)]
pub struct Health {
    /// The log's owner.
    pub owner: String,
    /// Their manager.
    pub manager: String,
    /// The date the figures are counted up to (excluded).
    pub today: NaiveDate,
    /// The log's cadence, as a word.
    pub cadence: &'static str,
    /// True when the log has no calendar meetings and the counts come from moment dates.
    pub inferred: bool,
    /// 1:1s scheduled before today.
    pub scheduled: usize,
    /// Of those, held.
    pub held: usize,
    /// Of those, cancelled.
    pub cancelled: usize,
    /// The next 1:1 on or after today.
    pub next: NaiveDate,
    /// Every meeting before today, then those ahead, by date.
    pub meetings: Vec<MeetingRow>,
    /// Held 1:1s with at least one moment dated that day.
    pub with_outcome: usize,
    /// `with_outcome` as a whole percentage of `held` (0 when nothing was held).
    pub with_outcome_percent: usize,
    /// One row per month from the first 1:1 to today's month.
    pub months: Vec<MonthRow>,
    /// The months (`YYYY-MM`) with no growth ask (Scope moment).
    pub months_without_ask: Vec<String>,
    /// The manager's follow-through on what they committed to in 1:1s.
    pub manager_commitments: SponsorRecord,
    /// Stretches of more than [`GAP_CADENCES`] cadences with no held 1:1.
    pub gaps: Vec<Gap>,
    /// The tallest bar's value in the chart (at least 1).
    pub chart_max: usize,
    /// The chart's width in pixels: a slot per month, never narrower than its legend.
    pub chart_width: usize,
    /// The evidence over the cycle, drawn under the chart (public moments only).
    pub timeline: Timeline,
}

/// One 1:1.
#[derive(Clone, Debug, Serialize)]
pub struct MeetingRow {
    /// Its day.
    pub date: NaiveDate,
    /// `held`, `cancelled` or `scheduled` (still ahead).
    pub status: &'static str,
    /// Whether a moment is dated that day (held 1:1s only).
    pub outcome: bool,
}

/// One month of the series.
#[derive(Clone, Debug, Serialize)]
pub struct MonthRow {
    /// `YYYY-MM`.
    pub month: String,
    /// A short label for the chart: `Sep 26`.
    pub label: String,
    /// 1:1s held that month.
    pub held: usize,
    /// 1:1s cancelled that month.
    pub cancelled: usize,
    /// Scope moments (growth asks) that month.
    pub growth_asks: usize,
    /// Bar height in pixels for `held` (of [`CHART_HEIGHT`]).
    pub held_px: u32,
    /// Bar height in pixels for `cancelled`.
    pub cancelled_px: u32,
}

/// A stretch with no 1:1.
#[derive(Clone, Debug, Serialize)]
pub struct Gap {
    /// The last 1:1 before it (or the first moment's day).
    pub from: NaiveDate,
    /// The next 1:1 after it, or today when none has been held since.
    pub to: NaiveDate,
    /// Days between the two.
    pub days: i64,
}

/// The health of `log`'s 1:1s before `today`.
pub fn build(log: &Log, today: NaiveDate) -> Health {
    let outcome_days: BTreeSet<NaiveDate> = log.moments.iter().map(|m| m.date).collect();
    let inferred = log.meetings.is_empty();
    let mut meetings: Vec<MeetingRow> = if inferred {
        outcome_days
            .iter()
            .filter(|d| **d < today)
            .map(|d| MeetingRow {
                date: *d,
                status: MeetingStatus::Held.word(),
                outcome: true,
            })
            .collect()
    } else {
        log.meetings
            .iter()
            .map(|m| {
                // A meeting the calendar still had ahead when imported, now past, was held.
                let status = match m.status {
                    MeetingStatus::Cancelled => MeetingStatus::Cancelled,
                    _ if m.date < today => MeetingStatus::Held,
                    _ => MeetingStatus::Scheduled,
                };
                MeetingRow {
                    date: m.date,
                    status: status.word(),
                    outcome: status == MeetingStatus::Held && outcome_days.contains(&m.date),
                }
            })
            .collect()
    };
    meetings.sort_by_key(|m| m.date);
    let past: Vec<&MeetingRow> = meetings.iter().filter(|m| m.date < today).collect();
    let is = |m: &&&MeetingRow, word: &str| m.status == word;
    let held = past.iter().filter(|m| is(m, "held")).count();
    let cancelled = past.iter().filter(|m| is(m, "cancelled")).count();
    let with_outcome = past.iter().filter(|m| m.outcome).count();

    let months = months(log, &past, today);
    let chart_max = months
        .iter()
        .map(|m| m.held.max(m.cancelled))
        .max()
        .unwrap_or(0)
        .max(1);
    let px = |n: usize| {
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        let max = u32::try_from(chart_max).unwrap_or(1);
        n.saturating_mul(CHART_HEIGHT) / max
    };
    let months: Vec<MonthRow> = months
        .into_iter()
        .map(|mut m| {
            m.held_px = px(m.held);
            m.cancelled_px = px(m.cancelled);
            m
        })
        .collect();
    let months_len = months.len();
    let months_without_ask = months
        .iter()
        .filter(|m| m.growth_asks == 0)
        .map(|m| m.month.clone())
        .collect();

    Health {
        owner: log.owner.name.clone(),
        manager: log.manager.clone(),
        today,
        cadence: cadence_word(log),
        inferred,
        scheduled: held + cancelled,
        held,
        cancelled,
        next: log.next_one_on_one(today),
        with_outcome,
        with_outcome_percent: (with_outcome * 100).checked_div(held).unwrap_or(0),
        gaps: gaps(log, &past, today),
        meetings,
        months,
        months_without_ask,
        manager_commitments: sponsor::record(log, today),
        chart_max,
        chart_width: (months_len * CHART_SLOT + 40).max(CHART_MIN_WIDTH),
        timeline: Timeline::of(log, &Evidence::rank(log, today), today),
    }
}

fn cadence_word(log: &Log) -> &'static str {
    match log.cadence {
        crate::log::Cadence::Weekly => "weekly",
        crate::log::Cadence::Biweekly => "biweekly",
        crate::log::Cadence::Monthly => "monthly",
    }
}

fn month_of(date: NaiveDate) -> (i32, u32) {
    (date.year(), date.month())
}

/// Every month from the first 1:1 (or moment) to today's, with its counts.
fn months(log: &Log, past: &[&MeetingRow], today: NaiveDate) -> Vec<MonthRow> {
    // With a calendar the months start at its first 1:1: earlier months are not zeros.
    let first = past.iter().map(|m| m.date).min().or_else(|| {
        log.moments
            .iter()
            .map(|m| m.date)
            .filter(|d| *d < today)
            .min()
    });
    let Some(first) = first else {
        return Vec::new();
    };
    let mut rows: BTreeMap<(i32, u32), MonthRow> = BTreeMap::new();
    let (mut year, mut month) = month_of(first);
    while (year, month) <= month_of(today) {
        rows.insert(
            (year, month),
            MonthRow {
                month: format!("{year:04}-{month:02}"),
                label: NaiveDate::from_ymd_opt(year, month, 1)
                    .map(|d| d.format("%b %y").to_string())
                    .unwrap_or_default(),
                held: 0,
                cancelled: 0,
                growth_asks: 0,
                held_px: 0,
                cancelled_px: 0,
            },
        );
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    for m in past {
        if let Some(row) = rows.get_mut(&month_of(m.date)) {
            match m.status {
                "held" => row.held += 1,
                "cancelled" => row.cancelled += 1,
                _ => {}
            }
        }
    }
    for moment in log
        .moments
        .iter()
        .filter(|m| m.tag == Tag::Scope && m.date < today)
    {
        if let Some(row) = rows.get_mut(&month_of(moment.date)) {
            row.growth_asks += 1;
        }
    }
    rows.into_values().collect()
}

/// The stretches longer than [`GAP_CADENCES`] cadences between held 1:1s, and from
/// the last one to today.
fn gaps(log: &Log, past: &[&MeetingRow], today: NaiveDate) -> Vec<Gap> {
    let limit = log.cadence.days() * GAP_CADENCES;
    let held: Vec<NaiveDate> = past
        .iter()
        .filter(|m| m.status == "held")
        .map(|m| m.date)
        .collect();
    let mut out = Vec::new();
    let ends = held.iter().copied().chain(std::iter::once(today));
    for (from, to) in held.iter().copied().zip(ends.skip(1)) {
        let days = (to - from).num_days();
        if days > limit {
            out.push(Gap { from, to, days });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::testing::{date, log, moment};
    use crate::log::{Meeting, Reach};

    fn meeting(day: &str, status: MeetingStatus) -> Meeting {
        Meeting {
            date: date(day),
            status,
        }
    }

    #[test]
    fn calendar_counts_and_outcomes() {
        let mut log = log(
            &["p"],
            vec![
                moment("a", "2026-11-02", Tag::Scope, Reach::Team),
                moment("b", "2026-11-04", Tag::Decision, Reach::Team),
            ],
        );
        log.meetings = vec![
            meeting("2026-11-02", MeetingStatus::Held),
            meeting("2026-11-09", MeetingStatus::Cancelled),
            meeting("2026-11-16", MeetingStatus::Held),
            meeting("2026-11-23", MeetingStatus::Scheduled),
        ];
        let h = build(&log, date("2026-11-20"));
        assert!(!h.inferred);
        assert_eq!(
            (h.scheduled, h.held, h.cancelled, h.with_outcome),
            (3, 2, 1, 1)
        );
        assert_eq!(h.with_outcome_percent, 50);
        assert_eq!(h.next, date("2026-11-23"));
        assert!(
            h.gaps.is_empty(),
            "14 days is two weekly cadences, not more"
        );
        assert!(h.months_without_ask.is_empty());
    }

    #[test]
    fn a_long_silence_is_a_gap_and_counts_are_inferred_without_a_calendar() {
        let log = log(
            &["p"],
            vec![
                moment("a", "2026-09-01", Tag::Decision, Reach::Team),
                moment("b", "2026-09-08", Tag::Decision, Reach::Team),
                moment("c", "2026-10-06", Tag::Scope, Reach::Team),
            ],
        );
        let h = build(&log, date("2026-10-10"));
        assert!(h.inferred);
        assert_eq!((h.scheduled, h.held, h.cancelled), (3, 3, 0));
        assert_eq!(h.gaps.len(), 1);
        assert_eq!((h.gaps[0].from, h.gaps[0].days), (date("2026-09-08"), 28));
        assert_eq!(h.months_without_ask, vec!["2026-09".to_string()]);
    }
}
