//! The stale-evidence objection: its threshold, its check and, where the packet answers it, its answer.

use super::ask_manager;
use crate::objections::case::Case;
use crate::objections::{Objection, Rule, Severity};

/// stale-evidence fires when the newest public moment is more than this many days old.
pub const STALE_AFTER_DAYS: i64 = 45;
/// …and is high severity beyond this many days: a whole quarter gone quiet.
pub const STALE_HIGH_AFTER_DAYS: i64 = 90;

/// stale-evidence: the newest public moment is more than [`STALE_AFTER_DAYS`] days
/// before today; high beyond [`STALE_HIGH_AFTER_DAYS`].
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    let newest = case
        .public()
        .into_iter()
        .max_by(|a, b| a.date.cmp(&b.date).then_with(|| b.id.cmp(&a.id)))?;
    let days = (case.today - newest.date).num_days();
    if days <= STALE_AFTER_DAYS {
        return None;
    }
    Some(Objection {
        id: Rule::StaleEvidence,
        severity: if days > STALE_HIGH_AFTER_DAYS {
            Severity::High
        } else {
            Severity::Medium
        },
        title: "Nothing recent".into(),
        question: format!("What has {} done lately?", case.first_name()),
        evidence: vec![newest.id.clone()],
        finding: format!(
            "the newest public moment, {}, is from {}, {days} days before {}",
            newest.id, newest.date, case.today
        ),
        fix: format!(
            "Log the 1:1s since {}: the calls you made, who they reached, what changed. Then log a moment at every 1:1 until {}.",
            newest.date, case.log.target.submission
        ),
        ask: ask_manager(
            case,
            &format!(
                "What from my work since {} would you want in my packet?",
                newest.date.format("%B")
            ),
        ),
    })
}
