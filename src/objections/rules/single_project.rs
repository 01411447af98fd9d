//! The single-project objection: its threshold, its check and, where the packet answers it, its answer.

use super::{ask_manager, ids};
use crate::evidence::{Evidence, ScoredMoment};
use crate::log::Log;
use crate::log::Moment;
use crate::objections::case::Case;
use crate::objections::phrase::{cite, percent};
use crate::objections::rules::Answered;
use crate::objections::{Objection, Rule, Severity};

/// single-project fires when one project carries more than this percent of the score.
pub const SINGLE_PROJECT_PERCENT: usize = 60;

/// single-project: one project carries more than [`SINGLE_PROJECT_PERCENT`]% of the
/// total score (moment scores, floored at zero).
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    // Points by the project's place in the log: one hash lookup per moment, where a
    // map keyed by name compared strings all the way down.
    let mut by_project: Vec<Option<i64>> = vec![None; case.log.projects.len()];
    let mut total: i64 = 0;
    for scored in &case.evidence.moments {
        let points = Case::points(scored);
        total += points;
        if let Some(index) = case
            .log
            .projects
            .get_index_of(scored.moment.project.as_str())
        {
            *by_project[index].get_or_insert(0) += points;
        }
    }
    // Ties go to the project first in rank order, which is what a reader sees first.
    let (key, points) = case
        .evidence
        .projects
        .iter()
        .filter_map(|p| {
            case.log
                .projects
                .get_index_of(p.key.as_str())
                .and_then(|index| by_project[index])
                .map(|points| (p.key.as_str(), points))
        })
        .fold(
            None,
            |best: Option<(&str, i64)>, (key, points)| match best {
                Some((_, best_points)) if best_points >= points => best,
                _ => Some((key, points)),
            },
        )?;
    if total <= 0 || points * 100 <= total * SINGLE_PROJECT_PERCENT as i64 {
        return None;
    }
    let name = case.log.project_name(key).to_string();
    let mine: Vec<&Moment> = case
        .evidence
        .moments
        .iter()
        .map(|s| s.moment)
        .filter(|m| m.project == key)
        .collect();
    let others: Vec<&Moment> = case
        .evidence
        .moments
        .iter()
        .map(|s| s.moment)
        .filter(|m| m.project != key)
        .collect();
    let fix = match others.first() {
        Some(next) => format!(
            "Strengthen the case outside {name}: {} is {} on {}. Log the calls you made there, with who they reached and a number.",
            if others.len() == 1 {
                "the only moment elsewhere".to_string()
            } else {
                format!("the strongest of the {} moments elsewhere", others.len())
            },
            cite(next),
            case.project_name(&next.project)
        ),
        None => format!(
            "Every public moment is in {name}. Log the work you did anywhere else this cycle — an area you covered, a problem you took on — with its reach and impact."
        ),
    };
    Some(Objection {
        id: Rule::SingleProject,
        severity: Severity::Medium,
        title: format!("One project carries the case: {name}"),
        question: "Is this a pattern, or one project that went well?".into(),
        evidence: ids(mine.iter().copied()),
        finding: format!(
            "{name} carries {}% of the evidence score ({} of {} public moments)",
            percent(points.max(0) as usize, total as usize),
            mine.len(),
            case.public().len()
        ),
        fix,
        ask: ask_manager(
            case,
            &format!(
                "Besides {name}, which work of mine would you cite — and is there a second area I can own before {}?",
                case.log.target.submission
            ),
        ),
    })
}

/// The packet's answer to "Is this one hero project?": how many projects and calendar
/// quarters the evidence spans.
pub(super) fn answered(
    _log: &Log,
    evidence: &Evidence<'_>,
    _top: &[&ScoredMoment<'_>],
) -> Option<Answered> {
    let quarters: std::collections::BTreeSet<(i32, u32)> = evidence
        .moments
        .iter()
        .map(|m| {
            (
                chrono::Datelike::year(&m.moment.date),
                chrono::Datelike::month0(&m.moment.date) / 3,
            )
        })
        .collect();
    Some((
        Rule::SingleProject.id(),
        "Is this one hero project?",
        format!(
            "Evidence spans {} projects and {} quarters.",
            evidence.projects.len(),
            quarters.len()
        ),
    ))
}
