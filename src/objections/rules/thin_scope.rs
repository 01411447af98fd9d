//! The thin-scope objection: its threshold, its check and, where the packet answers it, its answer.

use super::{ask_manager, project_names};
use crate::evidence::{Evidence, ScoredMoment};
use crate::log::Log;
use crate::objections::case::Case;
use crate::objections::phrase::{list, plural};
use crate::objections::rules::Answered;
use crate::objections::{Objection, Rule, Severity};

/// thin-scope: every public moment has `Team` reach. High when the target level expects
/// more than the team (`min_reach` above `Team`); medium when the team is all the level
/// asks for: a reviewer still asks, but it does not sink the case on its own.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    let n = case.public().len();
    if case
        .public()
        .iter()
        .any(|m| m.reach > crate::log::Reach::Team)
    {
        return None;
    }
    let lead = case.lead_project();
    Some(Objection {
        id: Rule::ThinScope,
        severity: if case.level.min_reach > crate::log::Reach::Team {
            Severity::High
        } else {
            Severity::Medium
        },
        title: "Nothing reaches beyond the team".into(),
        question: format!(
            "What has {} done that mattered outside their own team?",
            case.first_name()
        ),
        evidence: Vec::new(),
        finding: format!(
            "all {n} public moment{} reach only {}'s own team; none is CrossTeam, Org or Company",
            plural(n),
            case.first_name()
        ),
        fix: format!(
            "Go through {} and find where the work changed another team's plans, a shared system or an org decision; log those moments with their real reach and a witness from the other team. If nothing went further, that is the gap to close before {}.",
            list(&project_names(case)),
            case.log.target.submission
        ),
        ask: ask_manager(
            case,
            &format!(
                "Which problem in {lead} crosses into another team, and can I own it through {}?",
                case.log.target.submission
            ),
        ),
    })
}

/// The packet's answer to "Is this bigger than the owner's own team?": how many moments
/// reach beyond the team, and the widest of the top examples (the first in rank order)
/// with its project: the packet names no moment ids.
pub(super) fn answered(
    log: &Log,
    evidence: &Evidence<'_>,
    top: &[&ScoredMoment<'_>],
) -> Option<Answered> {
    let reach = top.iter().map(|m| m.moment.reach).max()?;
    let widest = top.iter().find(|m| m.moment.reach == reach)?;
    let beyond = evidence
        .moments
        .iter()
        .filter(|m| m.moment.reach > crate::log::Reach::Team)
        .count();
    Some((
        Rule::ThinScope.id(),
        "Is this bigger than the owner's own team?",
        format!(
            "{beyond} of {} moments reach beyond the team; the widest is {} ({}).",
            evidence.moments.len(),
            widest.moment.reach.label(),
            log.project_name(&widest.moment.project)
        ),
    ))
}
