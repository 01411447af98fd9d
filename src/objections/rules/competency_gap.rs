//! The competency-gap objection: a competency the target level expects that no public
//! moment cites.

use super::{ask_manager, ids};
use crate::ladder::Expected;
use crate::ladder::cite::{cites, suggested};
use crate::log::Moment;
use crate::objections::case::Case;
use crate::objections::phrase::{cite, list};
use crate::objections::{Objection, Rule, Severity};

/// competency-gap: the log cites competencies (so the owner has mapped their evidence
/// to the ladder), and some competency the target level expects has no cited public
/// moment. Quiet on a log that cites none: promo cannot tell a gap from evidence not
/// yet mapped (`promo competencies` shows its suggestions then). High when more than
/// half of the level's competencies are gaps.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    let expected = &case.level.expected;
    if !case.public().iter().any(|m| !m.competencies.is_empty()) {
        return None;
    }
    let gaps: Vec<&Expected> = expected
        .iter()
        .filter(|e| !case.public().iter().any(|m| cites(m, &e.name)))
        .collect();
    let first = gaps.first()?;
    let titles: Vec<String> = gaps.iter().map(|e| format!("“{}”", e.title)).collect();
    // Moments that cite nothing and read like a gap: the first place to look.
    let candidates: Vec<&Moment> = case
        .public()
        .into_iter()
        .filter(|m| {
            suggested(m, expected)
                .iter()
                .any(|s| gaps.iter().any(|g| g.name == s.name))
        })
        .collect();
    let severity = if gaps.len() * 2 > expected.len() {
        Severity::High
    } else {
        Severity::Medium
    };
    let per_gap: Vec<String> = gaps
        .iter()
        .map(|gap| {
            let hint = case
                .public()
                .into_iter()
                .find(|m| suggested(m, expected).iter().any(|s| s.name == gap.name));
            let look = match hint {
                Some(moment) => format!(
                    "{} may show it: if it does, cite it with `competencies: [\"{}\"]`",
                    cite(moment),
                    gap.name
                ),
                None => format!(
                    "log the moment that shows it and cite it with `competencies: [\"{}\"]`",
                    gap.name
                ),
            };
            format!(
                "for {} the level expects “{}”; {look}",
                gap.title,
                gap.criteria.first().map_or("", String::as_str)
            )
        })
        .collect();
    Some(Objection {
        id: Rule::CompetencyGap,
        severity,
        title: format!("No evidence of {} at {}", list(&titles), case.level.id),
        question: format!(
            "Where has {} shown {} at {}?",
            case.first_name(),
            first.title,
            case.target()
        ),
        evidence: ids(candidates),
        finding: format!(
            "{} of the {} competenc{} {} expects {} no cited moment: {}",
            gaps.len(),
            expected.len(),
            if expected.len() == 1 { "y" } else { "ies" },
            case.target(),
            if gaps.len() == 1 { "has" } else { "have" },
            list(&titles)
        ),
        fix: format!(
            "Gather the evidence before {}: {}.",
            case.log.target.submission,
            per_gap.join("; ")
        ),
        ask: ask_manager(
            case,
            &format!(
                "Which work could show {} before {}? At {} the ladder asks for this: {}",
                first.title.to_lowercase(),
                case.log.target.submission,
                case.level.id,
                first.criteria.first().map_or("", String::as_str)
            ),
        ),
    })
}
