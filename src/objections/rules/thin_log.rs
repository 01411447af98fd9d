//! The thin-log objection: its threshold, its check and, where the packet answers it, its answer.

use super::{ask_manager, ids};
use crate::objections::case::Case;
use crate::objections::phrase::plural;
use crate::objections::{Objection, Rule, Severity};

/// thin-log fires below this many public moments.
pub const THIN_LOG_MIN_MOMENTS: usize = 5;

/// thin-log: fewer than [`THIN_LOG_MIN_MOMENTS`] public moments — nothing to rank, no
/// pattern to show.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    let n = case.public().len();
    if n >= THIN_LOG_MIN_MOMENTS {
        return None;
    }
    Some(Objection {
        id: Rule::ThinLog,
        severity: Severity::High,
        title: "Too little evidence to make a case".into(),
        question: format!(
            "Is there enough here to judge {} at {} at all?",
            case.first_name(),
            case.target()
        ),
        evidence: ids(case.public()),
        finding: format!(
            "{n} public moment{} in the log; a case needs at least {THIN_LOG_MIN_MOMENTS} to show a pattern",
            plural(n)
        ),
        fix: format!(
            "Log a moment at every 1:1 from now to {}: the call you made, who it reached, what changed (with a number). Go back through your notes on {} for calls you have not logged yet.",
            case.log.target.submission,
            case.lead_project()
        ),
        ask: ask_manager(
            case,
            &format!(
                "Which two or three things I did this cycle would you put in front of the committee for {}? Let's log them now.",
                case.level.id
            ),
        ),
    })
}
