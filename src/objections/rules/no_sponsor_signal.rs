//! The no-sponsor-signal objection: its threshold, its check and, where the packet answers it, its answer.

use super::ask_manager;
use crate::evidence::sponsor::{self, Stance};
use crate::evidence::{Evidence, ScoredMoment};
use crate::log::Log;
use crate::objections::case::Case;
use crate::objections::phrase::cite;
use crate::objections::rules::Answered;
use crate::objections::{Objection, Rule, Severity};

/// no-sponsor-signal: no public moment quotes the manager or a skip-level.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    if case.quotes().any(|(_, q)| q.role.is_sponsor()) {
        return None;
    }
    let manager = case.manager();
    let (target_moment, about) = match case.best() {
        Some(best) => (cite(best), case.project_name(&best.project).to_string()),
        None => ("your strongest moment".into(), case.lead_project()),
    };
    Some(Objection {
        id: Rule::NoSponsorSignal,
        severity: Severity::High,
        title: format!("No word from {manager}"),
        question: format!(
            "What does {manager} say about {}'s work at {}?",
            case.first_name(),
            case.level.id
        ),
        evidence: Vec::new(),
        finding: format!("no public moment quotes {manager} or a skip-level"),
        fix: format!(
            "Get {manager}'s own words on {target_moment}: what it showed about your level. Add them to that moment as a Manager quote; a skip-level quote counts too."
        ),
        ask: ask_manager(
            case,
            &format!(
                "If you had one minute in calibration, how would you describe what I did on {about}?"
            ),
        ),
    })
}

/// The packet's answer to "Does the manager back this?": how many endorsing sponsor
/// quotes are on record. No answer when none endorses: a hedge or generic praise is not
/// backing (`lukewarm-sponsor` says so).
pub(super) fn answered(
    log: &Log,
    evidence: &Evidence<'_>,
    _top: &[&ScoredMoment<'_>],
) -> Option<Answered> {
    let sponsor_quotes = evidence
        .moments
        .iter()
        .flat_map(|m| m.moment.quotes.iter())
        .filter(|q| q.role.is_sponsor() && sponsor::stance(&q.text) == Stance::Endorsing)
        .count();
    if sponsor_quotes == 0 {
        return None;
    }
    Some((
        Rule::NoSponsorSignal.id(),
        "Does the manager back this?",
        format!(
            "{sponsor_quotes} endorsing quote{} from {} and the skip-level {} on record.",
            if sponsor_quotes == 1 { "" } else { "s" },
            log.manager,
            if sponsor_quotes == 1 { "is" } else { "are" }
        ),
    ))
}
