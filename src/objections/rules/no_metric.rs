//! The no-metric objection: its threshold, its check and, where the packet answers it, its answer.

use super::{ask_manager, ids};
use crate::evidence::impact;
use crate::evidence::{Evidence, ScoredMoment};
use crate::log::Log;
use crate::log::Moment;
use crate::objections::case::Case;
use crate::objections::phrase::{list, shorten};
use crate::objections::rules::Answered;
use crate::objections::{Objection, Rule, Severity};

/// no-metric: fewer than half the top examples have an impact with a number in it.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    let top = case.top();
    let quantified = |m: &Moment| m.impact.as_deref().is_some_and(impact::is_quantified);
    let count = top.iter().filter(|s| quantified(s.moment)).count();
    if top.is_empty() || count * 2 >= top.len() {
        return None;
    }
    let bare: Vec<&Moment> = top
        .iter()
        .map(|s| s.moment)
        .filter(|m| !quantified(m))
        .collect();
    let described: Vec<String> = bare
        .iter()
        .take(3)
        .map(|m| match &m.impact {
            Some(text) => format!("{} (“{}”)", m.id, shorten(text, 40)),
            None => format!("{} (no impact written)", m.id),
        })
        .collect();
    let first = bare.first().map_or_else(
        || case.lead_project(),
        |m| case.project_name(&m.project).to_string(),
    );
    Some(Objection {
        id: Rule::NoMetric,
        severity: Severity::Medium,
        title: "Impact without numbers".into(),
        question: "What changed, and by how much?".into(),
        evidence: ids(bare.iter().copied()),
        finding: format!(
            "{count} of the {} top examples {} a number in {} impact",
            top.len(),
            if count == 1 { "has" } else { "have" },
            if count == 1 { "its" } else { "their" }
        ),
        fix: format!(
            "Put a number on {}: a metric that moved, a date held, a cost avoided, hours saved.",
            list(&described)
        ),
        ask: ask_manager(
            case,
            &format!("Who can give me the figure behind {first} — what moved, and by how much?"),
        ),
    })
}

/// The packet's answer to "Where are the numbers?": how many top examples carry a
/// measured outcome.
pub(super) fn answered(
    _log: &Log,
    _evidence: &Evidence<'_>,
    top: &[&ScoredMoment<'_>],
) -> Option<Answered> {
    let quantified = top
        .iter()
        .filter(|m| {
            m.moment
                .impact
                .as_deref()
                .is_some_and(impact::is_quantified)
        })
        .count();
    Some((
        Rule::NoMetric.id(),
        "Where are the numbers?",
        format!(
            "{quantified} of the {} top examples carry a measured outcome.",
            top.len()
        ),
    ))
}
