//! The no-leverage objection: its threshold, its check and, where the packet answers it, its answer.

use super::{ask_manager, project_names};
use crate::log::Tag;
use crate::objections::case::Case;
use crate::objections::phrase::{list, plural};
use crate::objections::{Objection, Rule, Severity};

/// no-leverage is high severity when the target level expects at least this leverage share.
pub const VITAL_LEVERAGE_SHARE: u8 = 20;

/// no-leverage: no public moment is tagged `Leverage` (on the management track, none
/// grows people either: see [`super::grows_people`]). High when the target level
/// expects a leverage share of [`VITAL_LEVERAGE_SHARE`]% or more.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    if case.evidence.count_tag(Tag::Leverage) > 0
        || case.public().iter().any(|m| super::grows_people(case, m))
    {
        return None;
    }
    let n = case.public().len();
    let severity = if case.level.leverage_share >= VITAL_LEVERAGE_SHARE {
        Severity::High
    } else {
        Severity::Medium
    };
    Some(Objection {
        id: Rule::NoLeverage,
        severity,
        title: "No leverage".into(),
        question: format!(
            "Whose work got easier or faster because of {}?",
            case.first_name()
        ),
        evidence: Vec::new(),
        finding: format!(
            "none of the {n} public moment{} is tagged Leverage",
            plural(n)
        ),
        fix: format!(
            "Look through {} for work others now reuse or that unblocked another team — a template, a decision doc, a process, an API contract — and log it as Leverage, naming who adopted it.",
            list(&project_names(case))
        ),
        ask: ask_manager(
            case,
            &format!(
                "What from {} could another team reuse, and who should I offer it to this quarter?",
                case.lead_project()
            ),
        ),
    })
}
