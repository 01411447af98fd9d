//! The execution-not-judgment objection: its threshold, its check and, where the packet answers it, its answer.

use super::ids;
use crate::evidence::{Evidence, ScoredMoment};
use crate::log::Log;
use crate::log::{Moment, Tag};
use crate::objections::case::Case;
use crate::objections::phrase::{cite, list, percent};
use crate::objections::rules::Answered;
use crate::objections::{Objection, Rule, Severity};

/// execution-not-judgment fires when fewer top examples than this are decisions. The top
/// examples are picked to spread over decision, scope and leverage, so one decision among
/// them is by design; none means the strongest evidence holds no call at all.
pub const MIN_TOP_DECISIONS: usize = 1;

/// execution-not-judgment: decisions are below the level's `decision_share` of the
/// public moments, or fewer than [`MIN_TOP_DECISIONS`] of the top examples are decisions.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    let n = case.public().len();
    let decisions = case.evidence.count_tag(Tag::Decision);
    let top = case.top();
    let top_decisions = top.iter().filter(|s| s.moment.tag == Tag::Decision).count();
    let expected = usize::from(case.level.decision_share);
    let low_share = decisions * 100 < n * expected;
    let few_on_top = !top.is_empty() && top_decisions < MIN_TOP_DECISIONS;
    if !low_share && !few_on_top {
        return None;
    }
    // The top examples are what a reviewer reads, so they are cited when they lack
    // decisions; otherwise the strongest non-decision moments carry the pattern.
    let not_decisions: Vec<&Moment> = if few_on_top {
        top.iter()
            .map(|s| s.moment)
            .filter(|m| m.tag != Tag::Decision)
            .collect()
    } else {
        case.evidence
            .moments
            .iter()
            .map(|s| s.moment)
            .filter(|m| m.tag != Tag::Decision)
            .collect()
    };
    Some(Objection {
        id: Rule::ExecutionNotJudgment,
        severity: Severity::High,
        title: "Execution, not judgment".into(),
        question: format!(
            "Which calls did {} make, rather than carry out?",
            case.first_name()
        ),
        evidence: ids(not_decisions.iter().copied()),
        finding: format!(
            "{decisions} of {n} public moments {} ({}%; {} expects {expected}%); {top_decisions} of the {} top examples {}",
            if decisions == 1 {
                "is a decision"
            } else {
                "are decisions"
            },
            percent(decisions, n),
            case.target(),
            top.len(),
            if top_decisions == 1 {
                "is a decision"
            } else {
                "are decisions"
            }
        ),
        fix: format!(
            "For {}: write down the call behind the work — the options, what you chose, what you gave up — and log it as a Decision moment where the call was yours.",
            list(
                &not_decisions
                    .iter()
                    .take(3)
                    .map(|m| cite(m))
                    .collect::<Vec<_>>()
            )
        ),
        ask: format!(
            "At your next 1:1, bring {} one open trade-off in {} as a recommendation — “I'd do X over Y because Z; any reason not to?” — and log the call you make.",
            case.manager(),
            case.lead_project()
        ),
    })
}

/// The packet's answer to "Is this judgment, or execution?": the decisions among the
/// moments, and the top examples that open with the call made.
pub(super) fn answered(
    _log: &Log,
    evidence: &Evidence<'_>,
    top: &[&ScoredMoment<'_>],
) -> Option<Answered> {
    let decisions = evidence.count_tag(Tag::Decision);
    let call_first = top
        .iter()
        .filter(|m| {
            crate::evidence::wording::opening(&m.moment.what)
                == crate::evidence::wording::Opening::Decision
        })
        .count();
    Some((
        Rule::ExecutionNotJudgment.id(),
        "Is this judgment, or execution?",
        format!(
            "{decisions} of {} moments are decisions, and {call_first} of the {} top examples open with the call made.",
            evidence.moments.len(),
            top.len()
        ),
    ))
}
