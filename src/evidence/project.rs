//! Projects: their moments' scores aggregated with diminishing returns, so one hero
//! project with many moments cannot swamp the rest, plus a bonus for consistency
//! across quarters.

use std::collections::BTreeSet;

use super::quarter::Quarter;
use super::{ProjectEvidence, ScoredMoment, impact};
use crate::log::{Log, Reach, Tag};

/// Bonus per calendar quarter, beyond the first, in which a project has public evidence.
pub const CONSISTENCY_PER_QUARTER: i64 = 10;
/// The most the consistency bonus adds (four quarters of evidence).
pub const CONSISTENCY_CAP: i64 = 30;
/// Impact statements shown per project.
pub const IMPACTS_SHOWN: usize = 2;

/// The diminishing sum of a project's moment scores, strongest first: the best counts
/// in full, the second half, the third a quarter, and so on. Negative scores count as
/// zero, so a weak moment never drags a project below what its strong ones earned.
pub fn diminishing_sum(scores_in_rank_order: impl IntoIterator<Item = i64>) -> i64 {
    scores_in_rank_order
        .into_iter()
        .take(63)
        .enumerate()
        .map(|(i, score)| score.max(0) >> i)
        .sum()
}

/// The consistency bonus for evidence in `quarters` distinct calendar quarters.
pub fn consistency_bonus(quarters: usize) -> i64 {
    let extra = i64::try_from(quarters.saturating_sub(1)).unwrap_or(i64::MAX);
    extra
        .saturating_mul(CONSISTENCY_PER_QUARTER)
        .min(CONSISTENCY_CAP)
}

/// Aggregates ranked moments by project; projects without public evidence are left out.
/// Order: score, then the rank of the project's best moment (so ties break by that
/// moment's date, then id, like everything else).
pub fn projects(log: &Log, moments: &[ScoredMoment<'_>]) -> Vec<ProjectEvidence> {
    let project_of: Vec<Option<usize>> = moments
        .iter()
        .map(|m| log.projects.get_index_of(m.moment.project.as_str()))
        .collect();
    projects_of(log, moments, &project_of)
}

/// [`projects`], given each ranked moment's project as its index in `log.projects`
/// (`None` for a key the log does not define): ranking finds them in file order,
/// which reads memory in order, where rank order jumps around a big log.
pub fn projects_of(
    log: &Log,
    moments: &[ScoredMoment<'_>],
    project_of: &[Option<usize>],
) -> Vec<ProjectEvidence> {
    // One pass sorts the moments into their projects (in rank order); scanning every
    // moment once per project would grow with projects × moments.
    let mut by_project: Vec<Vec<(usize, &ScoredMoment<'_>)>> = vec![Vec::new(); log.projects.len()];
    for (rank, (scored, project)) in moments.iter().zip(project_of).enumerate() {
        if let Some(index) = project {
            by_project[*index].push((rank, scored));
        }
    }
    let mut ranked: Vec<(usize, ProjectEvidence)> = Vec::new();
    for ((key, project), mine) in log.projects.iter().zip(by_project) {
        let Some(&(best, _)) = mine.first() else {
            continue;
        };
        // One pass over the project's moments for everything counted: on a big log each
        // moment read is a cache miss, and reading them once per count added up.
        let mut quarters: BTreeSet<Quarter> = BTreeSet::new();
        let (mut decisions, mut scopes, mut leverages) = (0, 0, 0);
        let mut widest_reach = Reach::Team;
        let mut ids = Vec::with_capacity(mine.len());
        for (_, scored) in &mine {
            let moment = scored.moment;
            quarters.insert(Quarter::of(moment.date));
            match moment.tag {
                Tag::Decision => decisions += 1,
                Tag::Scope => scopes += 1,
                Tag::Leverage => leverages += 1,
            }
            widest_reach = widest_reach.max(moment.reach);
            ids.push(moment.id.clone());
        }
        ranked.push((
            best,
            ProjectEvidence {
                key: key.clone(),
                name: project.name.clone(),
                score: diminishing_sum(mine.iter().map(|(_, m)| m.score))
                    + consistency_bonus(quarters.len()),
                widest_reach,
                decisions,
                scopes,
                leverages,
                impacts: strongest_impacts(mine.iter().map(|(_, m)| *m)),
                moments: ids,
            },
        ));
    }
    ranked.sort_by(|(best_a, a), (best_b, b)| b.score.cmp(&a.score).then(best_a.cmp(best_b)));
    ranked.into_iter().map(|(_, p)| p).collect()
}

/// Up to [`IMPACTS_SHOWN`] impact statements: quantified ones first, each group in
/// moment rank order, the same text once.
fn strongest_impacts<'m, 'a: 'm>(
    ranked: impl Iterator<Item = &'m ScoredMoment<'a>> + Clone,
) -> Vec<String> {
    let texts = ranked.filter_map(|m| m.moment.impact.as_deref());
    let quantified = texts.clone().filter(|t| impact::is_quantified(t));
    let written = texts.filter(|t| !impact::is_quantified(t));
    let mut out: Vec<String> = Vec::new();
    for text in quantified.chain(written) {
        if out.len() == IMPACTS_SHOWN {
            break;
        }
        if !out.iter().any(|t| t == text) {
            out.push(text.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_moment_counts_half_the_one_before() {
        assert_eq!(diminishing_sum([100, 80, 40, 40]), 100 + 40 + 10 + 5);
        assert_eq!(diminishing_sum([100, -20, 40]), 100 + 10);
        assert_eq!(diminishing_sum(std::iter::repeat_n(100, 200)), 197);
        assert_eq!(diminishing_sum([]), 0);
    }

    #[test]
    fn consistency_grows_per_quarter_up_to_the_cap() {
        assert_eq!(
            [0, 1, 2, 3, 4, 9].map(consistency_bonus),
            [0, 0, 10, 20, 30, 30]
        );
    }
}
