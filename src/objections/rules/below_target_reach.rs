//! The below-target-reach objection: its threshold, its check and, where the packet answers it, its answer.

use super::ask_manager;
use crate::objections::case::Case;
use crate::objections::phrase::{cite, reach_phrase};
use crate::objections::{Objection, Rule, Severity};

/// below-target-reach: the widest reach among the top examples is below the ladder's
/// `min_reach` for the target level. Quiet when thin-scope fires: that says it more strongly.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    let top = case.top();
    let widest = top.iter().map(|s| s.moment.reach).max()?;
    let wanted = case.level.min_reach;
    if widest >= wanted || super::thin_scope::check(case).is_some() {
        return None;
    }
    let outside_top = case
        .evidence
        .moments
        .iter()
        .map(|s| s.moment)
        .find(|m| m.reach >= wanted && !top.iter().any(|t| t.moment.id == m.id));
    let mut finding = format!(
        "the widest reach among the top examples is {}; {} expects {}",
        widest.name(),
        case.target(),
        wanted.name()
    );
    let fix = match outside_top {
        Some(moment) => {
            finding.push_str(&format!(
                "; {} reaches {} but is not a top example",
                moment.id,
                moment.reach.name()
            ));
            format!(
                "Strengthen {}: it already reaches {}. Add a quantified impact and a witness from outside the team so it ranks among the top examples.",
                cite(moment),
                reach_phrase(moment.reach)
            )
        }
        None => format!(
            "Find the moment in {} whose effect reached {} — a plan another group changed, a standard it adopted — and log it with its reach and a witness there. None of the top examples gets that far yet.",
            case.lead_project(),
            reach_phrase(wanted)
        ),
    };
    Some(Objection {
        id: Rule::BelowTargetReach,
        severity: Severity::High,
        title: format!("Top examples stop short of {} reach", case.level.id),
        question: format!(
            "{} work reaches {}: where does {}'s get that far?",
            case.level.id,
            reach_phrase(wanted),
            case.first_name()
        ),
        evidence: top.iter().map(|s| s.moment.id.clone()).collect(),
        finding,
        fix,
        ask: ask_manager(
            case,
            &format!(
                "What would a problem that spans {} look like for me next quarter, and who would need to see me own it?",
                reach_phrase(wanted)
            ),
        ),
    })
}
