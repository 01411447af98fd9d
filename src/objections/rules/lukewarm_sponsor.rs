//! The lukewarm-sponsor objection: the manager or skip-level is on record, but hedges, or
//! says nothing a committee can use.

use std::collections::HashSet;

use super::{ask_manager, ids};
use crate::evidence::sponsor::{self, Stance};
use crate::log::{Moment, Quote, Role};
use crate::objections::case::Case;
use crate::objections::phrase::{cite, plural, shorten};
use crate::objections::{Objection, Rule, Severity};

/// lukewarm-sponsor: high when any public manager or skip-level quote hedges
/// ([`sponsor::hedges`]); medium when there are sponsor quotes and every one is
/// generic praise. Quiet when there is no sponsor quote at all (`no-sponsor-signal`
/// says that) or when the sponsor endorses without a hedge.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    let sponsors: Vec<(&Moment, &Quote, Stance)> = case
        .quotes()
        .filter(|(_, q)| q.role.is_sponsor())
        .map(|(m, q)| (m, q, sponsor::stance(&q.text)))
        .collect();
    let hedges: Vec<&(&Moment, &Quote, Stance)> = sponsors
        .iter()
        .filter(|(_, _, stance)| *stance == Stance::Hedging)
        .collect();
    if let Some(&&(first_moment, first, _)) = hedges.first() {
        return Some(hedging(case, &hedges, first_moment, first));
    }
    let (first_moment, first, _) = *sponsors.first()?;
    if sponsors.iter().any(|(_, _, s)| *s == Stance::Endorsing) {
        return None;
    }
    let target = case.best().map_or_else(|| cite(first_moment), cite);
    Some(Objection {
        id: Rule::LukewarmSponsor,
        severity: Severity::Medium,
        title: format!("{} praises, but does not endorse", first.by.trim()),
        question: format!(
            "What does {} actually claim about {}'s level?",
            case.manager(),
            case.first_name()
        ),
        evidence: ids(distinct_moments(sponsors.iter().map(|(m, _, _)| *m))),
        finding: format!(
            "{} sponsor quote{}, all generic praise (“{}”): none claims a level, ownership or a call",
            sponsors.len(),
            plural(sponsors.len()),
            shorten(&first.text, 50)
        ),
        fix: format!(
            "Generic praise from a sponsor is worth little in the room. Get {}'s words on {target}: which call was yours, what you own now, or the level it shows. Log them as a Manager quote.",
            case.manager()
        ),
        ask: ask_manager(
            case,
            &format!(
                "{} In calibration, which call on {} would you say was mine, and what level does it show?",
                you_said(&shorten(&first.text, 40)),
                case.project_name(&first_moment.project)
            ),
        ),
    })
}

/// The high objection: at least one sponsor quote hedges.
fn hedging(
    case: &Case<'_, '_>,
    hedges: &[&(&Moment, &Quote, Stance)],
    first_moment: &Moment,
    first: &Quote,
) -> Objection {
    Objection {
        id: Rule::LukewarmSponsor,
        severity: Severity::High,
        title: format!("{} hedges on the case", first.by.trim()),
        question: format!(
            "Is {} ready for {}, in {}'s own words?",
            case.first_name(),
            case.level.id,
            first.by.trim()
        ),
        evidence: ids(distinct_moments(hedges.iter().map(|(m, _, _)| *m))),
        finding: format!(
            "{} sponsor quote{} hedge{} — “{}” ({}): a room hears doubt, not backing",
            hedges.len(),
            plural(hedges.len()),
            if hedges.len() == 1 { "s" } else { "" },
            shorten(&first.text, 70),
            first_moment.id
        ),
        fix: format!(
            "Turn the hedge into a named gap: ask {} what exactly would change the answer, agree one piece of evidence and a date, deliver it, then ask for the words again and log them. Until then the hedge is the first thing to fix, not a quote to show.",
            first.by.trim()
        ),
        ask: {
            let words = format!(
                "{} What is the one thing I would need to show, and by when, for you to say I already operate at {}? Can we check it together in four weeks?",
                you_said(&shorten(&first.text, 60)),
                case.level.id
            );
            if first.role == Role::Skip {
                format!(
                    "At your next skip-level, ask {}: “{words}”",
                    first.by.trim()
                )
            } else {
                ask_manager(case, &words)
            }
        },
    }
}

/// Each moment once, in the order given.
fn distinct_moments<'m>(moments: impl Iterator<Item = &'m Moment>) -> Vec<&'m Moment> {
    let mut seen: HashSet<&str> = HashSet::new();
    moments.filter(|m| seen.insert(m.id.as_str())).collect()
}

/// “You said ‘…’.”, without a second full stop after a quote that already ends a sentence.
fn you_said(words: &str) -> String {
    if words.ends_with(['.', '!', '?']) {
        format!("You said ‘{words}’")
    } else {
        format!("You said ‘{words}’.")
    }
}
