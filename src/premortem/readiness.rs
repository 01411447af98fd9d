//! Calibration readiness: the steps every case needs before the room, strong or weak —
//! the manager says the case back, a dry run with someone who sits in calibration, a
//! skip-level check, and the manager's own open promises about the packet. Each step
//! is dated at a coming 1:1 (or, with none left, a few days apart before submission).

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::OpenCommitment;

/// Without a 1:1 to hang a step on, steps are this many days apart.
pub const FALLBACK_STEP_DAYS: i64 = 4;

/// One dated readiness step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReadinessStep {
    /// When, `YYYY-MM-DD`: a 1:1 when one falls in time.
    pub by: String,
    /// What to do.
    pub step: String,
}

/// The readiness steps for a packet due on `submission`, dated at the 1:1s in
/// `meetings` (after today, before submission), and the manager's open commitments.
/// Empty when there is no day left before submission.
pub fn readiness(
    manager: &str,
    meetings: &[NaiveDate],
    today: NaiveDate,
    submission: NaiveDate,
    open: &[OpenCommitment],
) -> Vec<ReadinessStep> {
    let before: Vec<NaiveDate> = meetings
        .iter()
        .copied()
        .filter(|d| *d > today && *d < submission)
        .collect();
    let mut dates: Vec<NaiveDate> = Vec::new();
    for i in 0..3 {
        let date = before.get(i).copied().or_else(|| {
            let previous = dates.last().copied().unwrap_or(today);
            let next = previous + Duration::days(FALLBACK_STEP_DAYS);
            (next < submission).then_some(next)
        });
        match date {
            Some(date) => dates.push(date),
            None => break,
        }
    }
    let mut texts = vec![
        format!(
            "At this 1:1, ask {manager} to say your case back to you in one minute, from `promo restate`; note where it stalls or changes words."
        ),
        format!(
            "Ask {manager} to dry-run the case with someone who sits in calibration, and log the question that was hardest to answer."
        ),
        "Check the case with your skip-level: would they say the same about you in the room?"
            .to_string(),
    ];
    let promised: Vec<&OpenCommitment> = open.iter().filter(|c| c.side == "manager").collect();
    if !promised.is_empty() {
        let what: Vec<String> = promised
            .iter()
            .map(|c| match &c.due {
                Some(due) => format!("{} (due {due})", c.what),
                None => c.what.clone(),
            })
            .collect();
        texts[0].push_str(&format!(
            " Go through what {manager} still owes you: {}.",
            what.join("; ")
        ));
    }
    dates
        .into_iter()
        .zip(texts)
        .map(|(by, step)| ReadinessStep {
            by: by.to_string(),
            step,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn steps_sit_at_the_coming_one_on_ones_or_a_few_days_apart() {
        let today = date("2027-02-09");
        let submission = date("2027-03-01");
        let meetings = [date("2027-02-15"), date("2027-02-22"), date("2027-03-01")];
        let steps = readiness("Sam Lee", &meetings, today, submission, &[]);
        let by: Vec<&str> = steps.iter().map(|s| s.by.as_str()).collect();
        // The third 1:1 is the submission day itself: too late, so four days on.
        assert_eq!(by, ["2027-02-15", "2027-02-22", "2027-02-26"]);
        assert!(steps[0].step.contains("say your case back"), "{steps:?}");
        let none = readiness("Sam Lee", &[], today, submission, &[]);
        assert_eq!(none.len(), 3);
        assert!(readiness("Sam Lee", &[], submission, submission, &[]).is_empty());
    }

    #[test]
    fn the_managers_open_promises_are_named() {
        let open = [OpenCommitment {
            due: Some("2027-01-10".into()),
            owner: "Sam Lee".into(),
            side: "manager".into(),
            what: "Review the packet draft".into(),
            moment: "m1".into(),
            overdue: false,
            private: false,
        }];
        let steps = readiness(
            "Sam Lee",
            &[],
            date("2026-11-21"),
            date("2027-03-01"),
            &open,
        );
        assert!(
            steps[0]
                .step
                .contains("still owes you: Review the packet draft (due 2027-01-10)."),
            "{steps:?}"
        );
        let mine = [OpenCommitment {
            side: "owner".into(),
            ..open[0].clone()
        }];
        let steps = readiness(
            "Sam Lee",
            &[],
            date("2026-11-21"),
            date("2027-03-01"),
            &mine,
        );
        assert!(!steps[0].step.contains("owes"), "{steps:?}");
    }
}
