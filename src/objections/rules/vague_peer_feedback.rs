//! The vague-peer-feedback objection: its threshold, its check and, where the packet answers it, its answer.

use std::collections::HashSet;

use super::{ask_manager, ids, speaks_as_peer};
use crate::evidence::signal;
use crate::log::Moment;
use crate::objections::case::Case;
use crate::objections::phrase::{list, plural, shorten};
use crate::objections::{Objection, Rule, Severity};

/// vague-peer-feedback: peer or stakeholder quotes exist, and none names scope,
/// ownership or leverage (see [`signal::names_scope_or_leverage`]).
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    let peer: Vec<(&Moment, &crate::log::Quote)> = case
        .quotes()
        .filter(|(_, q)| speaks_as_peer(case, q))
        .collect();
    if peer.is_empty()
        || peer
            .iter()
            .any(|(_, q)| signal::names_scope_or_leverage(&q.text))
    {
        return None;
    }
    let mut moments: Vec<&Moment> = Vec::new();
    let mut people: Vec<String> = Vec::new();
    // Sets beside the ordered lists keep first-seen order without a quadratic search.
    let mut seen_moments: HashSet<&str> = HashSet::new();
    let mut seen_people: HashSet<&str> = HashSet::new();
    for (moment, quote) in &peer {
        if seen_moments.insert(moment.id.as_str()) {
            moments.push(moment);
        }
        if seen_people.insert(quote.by.as_str()) {
            people.push(quote.by.clone());
        }
    }
    let (example_moment, example_quote) = peer[0];
    Some(Objection {
        id: Rule::VaguePeerFeedback,
        severity: Severity::Medium,
        title: "Peer quotes say nothing about level".into(),
        question: format!(
            "Beyond being good to work with, what did {} change for these people?",
            case.first_name()
        ),
        evidence: ids(moments.iter().copied()),
        finding: format!(
            "{} peer or stakeholder quote{}, none naming scope, ownership or leverage",
            peer.len(),
            plural(peer.len())
        ),
        fix: format!(
            "Go back to {} and ask what they now do differently because of your work — what you owned, what it unblocked. A line like that replaces “{}” on {}.",
            list(&people),
            shorten(&example_quote.text, 50),
            example_moment.id
        ),
        ask: ask_manager(
            case,
            &format!(
                "Who saw what I owned on {} and would say so in a sentence?",
                case.project_name(&example_moment.project)
            ),
        ),
    })
}
