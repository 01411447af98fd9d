//! Choosing the top examples: the 3 to 5 moments a sponsor would read out, picked for
//! strength first, then for spread across projects and across kinds of evidence.

use std::collections::{BTreeSet, HashMap};

use super::ScoredMoment;
use crate::log::Tag;

/// Examples shown when there are enough public moments.
pub const MIN_EXAMPLES: usize = 3;
/// Examples shown at most: more than five is an archive, not a case.
pub const MAX_EXAMPLES: usize = 5;
/// With this many projects or more, no project gives more than [`PER_PROJECT`] examples.
pub const SPREAD_FROM_PROJECTS: usize = 3;
/// Examples one project may give when the evidence spans several projects.
pub const PER_PROJECT: usize = 2;
/// Points within which a moment of a kind not yet shown (decision, scope, leverage)
/// is preferred to a stronger one of a kind already shown: one reach step.
pub const CLOSE: i64 = 15;
/// A fourth or fifth example must score at least this share (numerator, denominator)
/// of the first: a weak example dilutes a strong case.
pub const EXTRA_SHARE: (i64, i64) = (2, 3);

/// Picks the top examples among ranked `moments` of a log whose evidence spans
/// `projects` projects. Returns indices into `moments`, in rank order.
pub fn top_examples(moments: &[ScoredMoment<'_>], projects: usize) -> Vec<usize> {
    let per_project = if projects >= SPREAD_FROM_PROJECTS {
        PER_PROJECT
    } else {
        usize::MAX
    };
    // Moments are read only as far as the search needs: on a ranked list (scores never
    // rise) both searches stop once scores fall too low, so a big log costs about as
    // much as a small one. Each moment's project becomes a small number the first time
    // it is needed, so the searches compare numbers, not keys.
    let ranked = moments.windows(2).all(|w| w[0].score >= w[1].score);
    let mut numbers: HashMap<&str, usize> = HashMap::new();
    let mut project_of: Vec<Option<usize>> = vec![None; moments.len()];
    let mut project = |i: usize| -> usize {
        *project_of[i].get_or_insert_with(|| {
            let next = numbers.len();
            *numbers
                .entry(moments[i].moment.project.as_str())
                .or_insert(next)
        })
    };
    let mut chosen: Vec<usize> = Vec::new();
    let mut taken: HashMap<usize, usize> = HashMap::new();
    let mut shown: BTreeSet<Tag> = BTreeSet::new();
    while chosen.len() < MAX_EXAMPLES {
        // Past the minimum, only moments strong enough next to the first one qualify.
        let floor = chosen
            .first()
            .filter(|_| chosen.len() >= MIN_EXAMPLES)
            .map(|&first| moments[first].score);
        let strong_enough = |i: usize| {
            floor.is_none_or(|first| moments[i].score * EXTRA_SHARE.1 >= first * EXTRA_SHARE.0)
        };
        let mut eligible = |i: usize| {
            !chosen.contains(&i)
                && strong_enough(i)
                && taken.get(&project(i)).copied().unwrap_or(0) < per_project
        };
        let mut strongest = None;
        for i in 0..moments.len() {
            if ranked && !strong_enough(i) {
                break;
            }
            if eligible(i) {
                strongest = Some(i);
                break;
            }
        }
        let Some(strongest) = strongest else {
            break;
        };
        let mut pick = strongest;
        if shown.contains(&moments[strongest].moment.tag) {
            for i in strongest..moments.len() {
                let close = moments[strongest].score - moments[i].score <= CLOSE;
                if ranked && !close {
                    break;
                }
                if close && eligible(i) && !shown.contains(&moments[i].moment.tag) {
                    pick = i;
                    break;
                }
            }
        }
        chosen.push(pick);
        *taken.entry(project(pick)).or_insert(0) += 1;
        shown.insert(moments[pick].moment.tag);
    }
    chosen.sort_unstable();
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::testing::moment;
    use crate::log::{Moment, Reach};

    fn scored(moments: &[Moment], scores: &[i64]) -> Vec<ScoredMoment<'static>> {
        let leaked: &'static [Moment] = Box::leak(moments.to_vec().into_boxed_slice());
        leaked
            .iter()
            .zip(scores)
            .map(|(moment, &score)| ScoredMoment { moment, score })
            .collect()
    }

    fn m(id: &str, project: &str, tag: Tag) -> Moment {
        let mut m = moment(id, "2026-05-01", tag, Reach::Org);
        m.project = project.into();
        m
    }

    #[test]
    fn no_project_gives_more_than_two_when_three_have_evidence() {
        let moments = [
            m("a1", "a", Tag::Decision),
            m("a2", "a", Tag::Decision),
            m("a3", "a", Tag::Decision),
            m("b1", "b", Tag::Decision),
            m("c1", "c", Tag::Decision),
        ];
        let top = top_examples(&scored(&moments, &[100, 99, 98, 97, 96]), 3);
        assert_eq!(top, [0, 1, 3, 4]);
    }

    #[test]
    fn one_project_may_give_every_example_when_it_is_the_only_one() {
        let moments: Vec<Moment> = (1..=6)
            .map(|i| m(&format!("a{i}"), "a", Tag::Decision))
            .collect();
        let top = top_examples(&scored(&moments, &[100, 99, 98, 97, 96, 95]), 1);
        assert_eq!(top, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_close_moment_of_a_missing_kind_is_preferred() {
        let moments = [
            m("d1", "a", Tag::Decision),
            m("d2", "a", Tag::Decision),
            m("d3", "a", Tag::Decision),
            m("d4", "a", Tag::Decision),
            m("d5", "a", Tag::Decision),
            m("l1", "b", Tag::Leverage),
        ];
        // l1 is 15 points below d2: close enough to show leverage instead of a fifth decision.
        let top = top_examples(&scored(&moments, &[100, 95, 94, 93, 92, 80]), 2);
        assert_eq!(top, [0, 1, 2, 3, 5]);
        // 16 points below even the fifth decision: strength wins.
        let top = top_examples(&scored(&moments, &[100, 95, 94, 93, 92, 76]), 2);
        assert_eq!(top, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_close_kind_too_weak_for_a_fourth_slot_gives_way_to_a_strong_one() {
        let moments = [
            m("d1", "a", Tag::Decision),
            m("l1", "b", Tag::Leverage),
            m("d2", "c", Tag::Decision),
            m("l2", "c", Tag::Leverage),
            m("s1", "d", Tag::Scope),
        ];
        // s1 is within 15 of l2 but below two thirds of d1: l2 takes the fourth slot.
        let top = top_examples(&scored(&moments, &[120, 100, 90, 81, 66]), 4);
        assert_eq!(top, [0, 1, 2, 3]);
    }

    #[test]
    fn weak_fourth_and_fifth_examples_are_left_out_but_three_always_shown() {
        let moments: Vec<Moment> = (1..=5)
            .map(|i| m(&format!("a{i}"), "a", Tag::Decision))
            .collect();
        assert_eq!(
            top_examples(&scored(&moments, &[100, 90, 20, 67, 66]), 1),
            [0, 1, 2, 3]
        );
        assert_eq!(top_examples(&scored(&moments[..2], &[100, 90]), 1), [0, 1]);
        assert!(top_examples(&[], 0).is_empty());
    }
}
