//! Calendar quarters: the unit of "several quarters" in consistency and coverage.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// A calendar quarter, e.g. `2026-Q3`. Ordered by time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quarter {
    /// The year.
    pub year: i32,
    /// 1 to 4.
    pub number: u32,
}

impl Quarter {
    /// The quarter a date falls in.
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            number: date.month0() / 3 + 1,
        }
    }

    /// The quarter after this one.
    pub fn next(self) -> Self {
        if self.number >= 4 {
            Self {
                year: self.year + 1,
                number: 1,
            }
        } else {
            Self {
                year: self.year,
                number: self.number + 1,
            }
        }
    }

    /// Every quarter from `first` to `last`, both included (none when `first > last`).
    pub fn range(first: Quarter, last: Quarter) -> impl Iterator<Item = Quarter> {
        std::iter::successors(Some(first), |q| Some(q.next())).take_while(move |q| *q <= last)
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn quarters_follow_the_calendar() {
        assert_eq!(Quarter::of(date("2026-01-01")).to_string(), "2026-Q1");
        assert_eq!(Quarter::of(date("2026-03-31")).to_string(), "2026-Q1");
        assert_eq!(Quarter::of(date("2026-04-01")).to_string(), "2026-Q2");
        assert_eq!(Quarter::of(date("2026-12-31")).to_string(), "2026-Q4");
    }

    #[test]
    fn a_range_crosses_the_year_and_is_empty_when_reversed() {
        let labels: Vec<String> = Quarter::range(
            Quarter::of(date("2025-11-02")),
            Quarter::of(date("2026-05-01")),
        )
        .map(|q| q.to_string())
        .collect();
        assert_eq!(labels, ["2025-Q4", "2026-Q1", "2026-Q2"]);
        let reversed = Quarter::range(
            Quarter::of(date("2026-05-01")),
            Quarter::of(date("2025-11-02")),
        );
        assert_eq!(reversed.count(), 0);
    }
}
