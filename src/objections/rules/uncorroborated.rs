//! The uncorroborated objection: the case rests on moments nobody else stands behind.

use super::{ask_manager, ids};
use crate::evidence::corroboration::is_corroborated;
use crate::evidence::impact;
use crate::log::{Moment, Reach};
use crate::objections::case::Case;
use crate::objections::phrase::{cite, percent, plural};
use crate::objections::{Objection, Rule, Severity};

/// The share, in percent, of the claims with no witness and no corroborating quote
/// above which the rule fires (medium).
pub const UNCORROBORATED_PERCENT: usize = 40;
/// Above this share, in percent, it is high: most of what the case claims is unverified.
pub const UNCORROBORATED_HIGH_PERCENT: usize = 60;

/// Whether a moment claims something a committee would check: a reach beyond the
/// owner's team, or a figure.
fn claims(moment: &Moment) -> bool {
    moment.reach > Reach::Team || moment.impact.as_deref().is_some_and(impact::is_quantified)
}

/// uncorroborated: among the public moments that claim something (a reach beyond the
/// team or a figure), more than [`UNCORROBORATED_PERCENT`]% have no witness and no
/// specific, unhedged quote; high above [`UNCORROBORATED_HIGH_PERCENT`]%.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    // Rank order, so the evidence and the fix start with the claims that weigh most.
    let claimed: Vec<&Moment> = case
        .evidence
        .moments
        .iter()
        .map(|m| m.moment)
        .filter(|m| claims(m))
        .collect();
    let unverified: Vec<&Moment> = claimed
        .iter()
        .copied()
        .filter(|m| !is_corroborated(m))
        .collect();
    let (n, whole) = (unverified.len(), claimed.len());
    if n == 0 || n * 100 <= whole * UNCORROBORATED_PERCENT {
        return None;
    }
    let severity = if n * 100 > whole * UNCORROBORATED_HIGH_PERCENT {
        Severity::High
    } else {
        Severity::Medium
    };
    let first = unverified[0];
    Some(Objection {
        id: Rule::Uncorroborated,
        severity,
        title: "Claims nobody else stands behind".into(),
        question: format!("Who besides {} saw this happen?", case.first_name()),
        evidence: ids(unverified.iter().copied()),
        finding: format!(
            "{n} of {whole} moment{} claiming a reach beyond the team or a figure ({}%) {} no witness and no specific quote; ranking counts a third of {} reach and impact",
            plural(whole),
            percent(n, whole),
            if n == 1 { "has" } else { "have" },
            if n == 1 { "its" } else { "their" }
        ),
        fix: format!(
            "Start with {}: name who saw it, and get one line from them on what changed. A witness or a quote that says what moved turns the claim into evidence.",
            cite(first)
        ),
        ask: ask_manager(
            case,
            &format!(
                "Who else saw {} and could say in a sentence what it changed?",
                case.project_name(&first.project)
            ),
        ),
    })
}
