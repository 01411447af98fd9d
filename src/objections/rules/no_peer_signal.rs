//! The no-peer-signal objection: its threshold, its check and, where the packet answers it, its answer.

use super::{ask_manager, speaks_as_peer};
use crate::objections::case::Case;
use crate::objections::phrase::{cite, list};
use crate::objections::{Objection, Rule, Severity};

/// no-peer-signal: no public moment quotes a peer or stakeholder.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    if case.quotes().any(|(_, q)| speaks_as_peer(case, q)) {
        return None;
    }
    let manager = case.manager();
    let witnesses: Vec<String> = {
        let mut names: Vec<String> = Vec::new();
        for scored in case.top() {
            for name in &scored.moment.witnesses {
                if name != manager && !names.contains(name) {
                    names.push(name.clone());
                }
            }
        }
        names.into_iter().take(3).collect()
    };
    let fix = match (witnesses.is_empty(), case.best()) {
        (false, _) => format!(
            "Ask {} — {} of your top examples — for one line {}on what changed for them, and add it as a Peer or Stakeholder quote.",
            list(&witnesses),
            if witnesses.len() == 1 {
                "a witness"
            } else {
                "witnesses"
            },
            if witnesses.len() == 1 { "" } else { "each " }
        ),
        (true, Some(best)) => format!(
            "Name a witness outside your team for {}, ask them for one line on what changed for them, and add it as a Peer or Stakeholder quote.",
            cite(best)
        ),
        (true, None) => {
            "Ask a peer who saw your strongest work for one line on what changed for them.".into()
        }
    };
    Some(Objection {
        id: Rule::NoPeerSignal,
        severity: Severity::Medium,
        title: "No peer or stakeholder voice".into(),
        question: format!("Who besides {manager} has seen this work?"),
        evidence: Vec::new(),
        finding: "no public moment quotes a peer or stakeholder".into(),
        fix,
        ask: ask_manager(
            case,
            &format!(
                "Who outside our 1:1s would you want to hear from about {}, and may I ask them for a line?",
                case.lead_project()
            ),
        ),
    })
}
