//! The no-scope objection: nothing in the log says the owner was given, or asked for,
//! something larger to own.

use super::ask_manager;
use crate::log::{Reach, Tag};
use crate::objections::case::Case;
use crate::objections::{Objection, Rule, Severity};

/// no-scope: no public moment is tagged `Scope`. High when the target level expects
/// Org reach or more (a case for such a level is a case that ownership grew), medium
/// below.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    if case.public().iter().any(|m| m.tag == Tag::Scope) {
        return None;
    }
    let severity = if case.level.min_reach >= Reach::Org {
        Severity::High
    } else {
        Severity::Medium
    };
    let n = case.public().len();
    Some(Objection {
        id: Rule::NoScope,
        severity,
        title: "Nothing shows ownership growing".into(),
        question: format!(
            "What has {} been given to own that is bigger than last year?",
            case.first_name()
        ),
        evidence: Vec::new(),
        finding: format!(
            "none of the {n} public moment{} is a Scope moment: no area, team or problem handed over or asked for",
            if n == 1 { "" } else { "s" }
        ),
        fix: format!(
            "Log the moments your remit grew — an area handed to you, a problem you asked to own, a team you took on — with who decided it. If there are none, ask for one in {} before {}.",
            case.lead_project(),
            case.log.target.submission
        ),
        ask: ask_manager(
            case,
            &format!(
                "What would I need to show for you to hand me the next larger problem in {}?",
                case.lead_project()
            ),
        ),
    })
}
