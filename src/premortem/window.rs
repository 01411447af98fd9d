//! How far the submission is, as a window: whether weak evidence can still be fixed.

use serde::Serialize;

/// Below this many days to submission, only polishing is possible.
pub const TIGHT_FROM_DAYS: i64 = 30;
/// From this many days out, there is time to gather what is missing.
pub const IDEAL_FROM_DAYS: i64 = 60;
/// Beyond this many days out, the pre-mortem is early.
pub const IDEAL_UNTIL_DAYS: i64 = 120;

/// Where today falls before the submission date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Window {
    /// Under 30 days (or past): polish only.
    TooLate,
    /// 30 to 59 days: time for the most important fixes only.
    Tight,
    /// 60 to 120 days: the time to run a pre-mortem.
    Ideal,
    /// More than 120 days.
    Early,
}

impl Window {
    /// The window `days_left` days before submission.
    pub fn of(days_left: i64) -> Self {
        if days_left < TIGHT_FROM_DAYS {
            Window::TooLate
        } else if days_left < IDEAL_FROM_DAYS {
            Window::Tight
        } else if days_left <= IDEAL_UNTIL_DAYS {
            Window::Ideal
        } else {
            Window::Early
        }
    }

    /// The kebab-case word every output uses.
    pub fn word(self) -> &'static str {
        match self {
            Window::TooLate => "too-late",
            Window::Tight => "tight",
            Window::Ideal => "ideal",
            Window::Early => "early",
        }
    }

    /// What the window means for the owner, in a sentence or two.
    pub fn advice(self, days_left: i64) -> String {
        match self {
            Window::TooLate if days_left < 0 => format!(
                "The submission date passed {} day{} ago: nothing can be gathered for it now. Use this list to prepare the next cycle.",
                -days_left,
                if days_left == -1 { "" } else { "s" }
            ),
            Window::TooLate => "Under 30 days to submission, only polishing is possible now: reword the top examples decision-first, put the figures you already have on them, and settle overdue commitments. New evidence would not land in time.".to_string(),
            Window::Tight => "30 to 59 days out: time for the most important fixes, not all of them. Work the objections in order and let the low ones go if you must.".to_string(),
            Window::Ideal => "60 to 120 days out: the right time. There are enough 1:1s left to gather what is missing before the packet is due.".to_string(),
            Window::Early => "More than 120 days out: early, which is good. Start on the first objections now, and run this again 60 to 120 days before submission.".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_boundary_falls_on_the_documented_side() {
        let cases = [
            (-5, Window::TooLate),
            (0, Window::TooLate),
            (29, Window::TooLate),
            (30, Window::Tight),
            (59, Window::Tight),
            (60, Window::Ideal),
            (120, Window::Ideal),
            (121, Window::Early),
        ];
        for (days, window) in cases {
            assert_eq!(Window::of(days), window, "{days} days");
        }
        assert_eq!(
            serde_json::to_string(&Window::TooLate).expect("json"),
            "\"too-late\""
        );
    }
}
