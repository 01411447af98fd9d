//! The broken-commitments objection: its threshold, its check and, where the packet answers it, its answer.

use std::collections::HashSet;

use super::{ask_manager, ids};
use crate::log::{CommitmentOwner, Moment, Status};
use crate::objections::case::Case;
use crate::objections::phrase::{plural, shorten};
use crate::objections::{Objection, Rule, Severity};

/// broken-commitments: a commitment the owner made (owner `Me`, on a public moment) is
/// `Broken`, or `Open` with its due date before today.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    let missed: Vec<(&Moment, &crate::log::Commitment)> = case
        .public()
        .into_iter()
        .flat_map(|m| m.commitments.iter().map(move |c| (m, c)))
        .filter(|(_, c)| {
            c.owner == CommitmentOwner::Me
                && (c.status == Status::Broken || c.is_overdue(case.today))
        })
        .collect();
    let (first_moment, first) = *missed.first()?;
    let describe = |m: &Moment, c: &crate::log::Commitment| {
        let due = c
            .due
            .map_or_else(|| "no date".to_string(), |d| format!("due {d}"));
        let state = if c.status == Status::Broken {
            "broken".to_string()
        } else {
            let days = c.due.map_or(0, |d| (case.today - d).num_days());
            format!("open, {days} day{} overdue", plural(days as usize))
        };
        format!("{}: “{}” ({due}, {state})", m.id, shorten(&c.what, 50))
    };
    let mut moments: Vec<&Moment> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for (m, _) in &missed {
        if seen.insert(m.id.as_str()) {
            moments.push(m);
        }
    }
    let due = first
        .due
        .map_or_else(String::new, |d| format!(" (due {d})"));
    Some(Objection {
        id: Rule::BrokenCommitments,
        severity: Severity::Medium,
        title: "Commitments not kept".into(),
        question: format!(
            "Does {} follow through on what they commit to?",
            case.first_name()
        ),
        evidence: ids(moments.iter().copied()),
        finding: format!(
            "{} commitment{} {} made {} broken or overdue: {}",
            missed.len(),
            plural(missed.len()),
            case.first_name(),
            if missed.len() == 1 { "is" } else { "are" },
            missed
                .iter()
                .map(|(m, c)| describe(m, c))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        fix: format!(
            "Close each one: deliver it, or agree a new date or an explicit drop with {}, and record the new status in the log (a dropped commitment agreed in a 1:1 is not a broken one). Start with {}.",
            case.manager(),
            first_moment.id
        ),
        ask: ask_manager(
            case,
            &format!(
                "I missed ‘{}’{due}. Can we agree a new date, or drop it explicitly?",
                shorten(&first.what, 60)
            ),
        ),
    })
}
