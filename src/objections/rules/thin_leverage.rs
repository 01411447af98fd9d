//! The thin-leverage objection: its threshold, its check and, where the packet answers it, its answer.

use super::{ask_manager, ids};
use crate::log::{Moment, Tag};
use crate::objections::case::Case;
use crate::objections::phrase::{cite, list, percent};
use crate::objections::{Objection, Rule, Severity};

/// thin-leverage: some leverage, but below the level's `leverage_share` of the
/// public moments.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    let n = case.public().len();
    let leverage: Vec<&Moment> = case
        .evidence
        .moments
        .iter()
        .map(|s| s.moment)
        .filter(|m| m.tag == Tag::Leverage)
        .collect();
    let expected = usize::from(case.level.leverage_share);
    if leverage.is_empty() || leverage.len() * 100 >= n * expected {
        return None;
    }
    let strongest = leverage.first()?;
    Some(Objection {
        id: Rule::ThinLeverage,
        severity: Severity::Low,
        title: format!("Less leverage than {} expects", case.level.id),
        question: format!(
            "Is {} a pattern, or a one-off?",
            list(&ids(leverage.iter().copied()))
        ),
        evidence: ids(leverage.iter().copied()),
        finding: format!(
            "{} of {n} public moments {} leverage ({}%; {} expects {expected}%)",
            leverage.len(),
            if leverage.len() == 1 { "is" } else { "are" },
            percent(leverage.len(), n),
            case.target()
        ),
        fix: format!(
            "Follow up on {}: who else has picked it up since, and what did it save them? Log each adoption as its own Leverage moment.",
            cite(strongest)
        ),
        ask: ask_manager(
            case,
            &format!(
                "Which other team should pick up what I did on {} next, and will you introduce me?",
                case.project_name(&strongest.project)
            ),
        ),
    })
}
