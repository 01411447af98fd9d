//! When the next 1:1s are: one answer for every report.
//!
//! The calendar's meetings win when the log has any ahead of today; otherwise, and after
//! the last one the calendar knows, the log's cadence counts on from the last 1:1 on
//! record (the latest meeting or moment on or before today), keeping its weekday.

use chrono::{Duration, NaiveDate};

use super::{Log, MeetingStatus};

impl Log {
    /// The next 1:1 on or after `today`.
    pub fn next_one_on_one(&self, today: NaiveDate) -> NaiveDate {
        let far = today + Duration::days(self.cadence.days() * 2);
        self.one_on_ones(today, far)
            .first()
            .copied()
            .unwrap_or(today)
    }

    /// The 1:1s from `today` (included) up to `until` (included), in date order: the
    /// calendar's meetings that are not cancelled, then the cadence after them.
    pub fn one_on_ones(&self, today: NaiveDate, until: NaiveDate) -> Vec<NaiveDate> {
        let step = self.cadence.days();
        let mut dates: Vec<NaiveDate> = self
            .meetings
            .iter()
            .filter(|m| m.status != MeetingStatus::Cancelled && m.date >= today && m.date <= until)
            .map(|m| m.date)
            .collect();
        let calendar_end = self.meetings.iter().map(|m| m.date).max();
        let mut next = match calendar_end.filter(|end| *end >= today) {
            // The calendar reaches past today: the cadence resumes after its last meeting.
            Some(end) => end + Duration::days(step),
            None => match self.last_one_on_one(today) {
                Some(anchor) => {
                    let elapsed = (today - anchor).num_days();
                    // On or after today, never the last meeting itself.
                    let periods = ((elapsed + step - 1) / step).max(1);
                    anchor + Duration::days(step * periods)
                }
                // Nothing on record: the next 1:1 may be today.
                None => today,
            },
        };
        while next <= until {
            dates.push(next);
            next += Duration::days(step);
        }
        dates
    }

    /// The last 1:1 on record on or before `today`: a held calendar meeting, else the
    /// latest moment's date.
    fn last_one_on_one(&self, today: NaiveDate) -> Option<NaiveDate> {
        let held = self
            .meetings
            .iter()
            .filter(|m| m.status != MeetingStatus::Cancelled && m.date <= today)
            .map(|m| m.date)
            .max();
        held.or_else(|| {
            self.moments
                .iter()
                .map(|m| m.date)
                .filter(|d| *d <= today)
                .max()
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::evidence::testing::{date, log, moment};
    use crate::log::{Meeting, MeetingStatus};
    use crate::log::{Reach, Tag};

    #[test]
    fn the_cadence_counts_on_from_the_last_moment() {
        let today = date("2026-11-20");
        assert_eq!(log(&[], Vec::new()).next_one_on_one(today), today);
        let weekly = log(
            &["p"],
            vec![moment("a", "2026-11-10", Tag::Decision, Reach::Team)],
        );
        assert_eq!(weekly.next_one_on_one(today), date("2026-11-24"));
        let on_the_day = log(
            &["p"],
            vec![moment("a", "2026-11-13", Tag::Decision, Reach::Team)],
        );
        assert_eq!(on_the_day.next_one_on_one(today), today);
    }

    #[test]
    fn the_calendar_wins_and_skips_cancelled_meetings() {
        let mut log = log(&[], Vec::new());
        log.meetings = vec![
            Meeting {
                date: date("2026-11-16"),
                status: MeetingStatus::Held,
            },
            Meeting {
                date: date("2026-11-23"),
                status: MeetingStatus::Cancelled,
            },
            Meeting {
                date: date("2026-11-25"),
                status: MeetingStatus::Scheduled,
            },
        ];
        let today = date("2026-11-20");
        assert_eq!(log.next_one_on_one(today), date("2026-11-25"));
        assert_eq!(
            log.one_on_ones(today, date("2026-12-09")),
            vec![date("2026-11-25"), date("2026-12-02"), date("2026-12-09")]
        );
    }

    #[test]
    fn past_the_calendar_the_cadence_keeps_the_last_held_weekday() {
        let mut log = log(&[], Vec::new());
        log.meetings = vec![Meeting {
            date: date("2026-11-02"),
            status: MeetingStatus::Held,
        }];
        assert_eq!(log.next_one_on_one(date("2026-11-20")), date("2026-11-23"));
    }
}
