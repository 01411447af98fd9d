//! Which public moments count, and for how much, before anything is ranked: a moment
//! dated after today is not evidence yet, a story told twice counts once (its strongest
//! telling), and a quote's text counts on the first moment that carries it (by date,
//! then id). `docs/ranking.md` ("One story, one count") explains the rules.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::{Folded, score};
use crate::log::identity;
use crate::log::{Log, Moment};

/// The moments that count, with their scores, and what was left out.
pub(super) struct Counting {
    /// (index in `log.moments`, score), in file order.
    pub kept: Vec<(usize, i64)>,
    /// Moments folded into another telling of their story, by id.
    pub folded: Vec<Folded>,
    /// Per kept moment (by id), the quotes not counted again.
    pub repeated_quotes: Vec<(String, Vec<usize>)>,
}

impl Counting {
    pub fn of(log: &Log, today: NaiveDate) -> Self {
        let moments = &log.moments;
        let due: Vec<bool> = moments.iter().map(|m| m.date <= today).collect();
        // Scoring and the search for repeated stories only read the moments: side by
        // side on a big log, each result in file order.
        let parallel = crate::parallel::worth_it(moments.len());
        let ((mut scores, quote_texts), repeats) = crate::parallel::join(
            parallel,
            || {
                crate::parallel::join(
                    parallel,
                    || {
                        crate::parallel::map(parallel, moments, |m| {
                            if m.date <= today {
                                score::score(m, today).score
                            } else {
                                0
                            }
                        })
                    },
                    || {
                        crate::parallel::map(parallel, moments, |m| {
                            m.quotes
                                .iter()
                                .map(|q| normal(&q.text))
                                .collect::<Vec<u64>>()
                        })
                    },
                )
            },
            || identity::repeats(moments),
        );

        // Stories: moments joined by a repeat, each story's best telling kept.
        let mut parent: Vec<usize> = (0..moments.len()).collect();
        for repeat in repeats {
            if due[repeat.later] && due[repeat.earlier] {
                let (a, b) = (
                    root(&mut parent, repeat.later),
                    root(&mut parent, repeat.earlier),
                );
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
        let better = |a: usize, b: usize| {
            let (ma, mb) = (&moments[a], &moments[b]);
            scores[b]
                .cmp(&scores[a])
                .then(ma.date.cmp(&mb.date))
                .then_with(|| ma.id.cmp(&mb.id))
                .then(a.cmp(&b))
                .is_lt()
        };
        let mut best: Vec<usize> = (0..moments.len()).collect();
        for index in 0..moments.len() {
            let story = root(&mut parent, index);
            if story != index && better(index, best[story]) {
                best[story] = index;
            }
        }
        let mut kept_index: Vec<usize> = Vec::with_capacity(moments.len());
        // (folded moment, the telling kept), by index: ids are copied once sorted.
        let mut folded_into: Vec<(usize, usize)> = Vec::new();
        for index in (0..moments.len()).filter(|&i| due[i]) {
            let kept = best[root(&mut parent, index)];
            if kept == index {
                kept_index.push(index);
            } else {
                folded_into.push((index, kept));
            }
        }

        // What was folded, and which quotes repeat, only read the moments: side by side.
        let (folded, repeated) = crate::parallel::join(
            parallel,
            || {
                folded_into.sort_by(|&(a, a_into), &(b, b_into)| {
                    moments[a]
                        .id
                        .cmp(&moments[b].id)
                        .then_with(|| moments[a_into].id.cmp(&moments[b_into].id))
                });
                folded_into
                    .iter()
                    .map(|&(index, kept)| Folded {
                        id: moments[index].id.clone(),
                        into: moments[kept].id.clone(),
                    })
                    .collect::<Vec<Folded>>()
            },
            || repeated_quotes_of(moments, &kept_index, &quote_texts, parallel, today),
        );
        let mut repeated_quotes = Vec::with_capacity(repeated.len());
        for (index, dropped, score) in repeated {
            scores[index] = score;
            repeated_quotes.push((moments[index].id.clone(), dropped));
        }
        let kept = kept_index.into_iter().map(|i| (i, scores[i])).collect();
        Self {
            kept,
            folded,
            repeated_quotes,
        }
    }
}

/// The kept moments that repeat a quote text an earlier moment (by date, then id)
/// carries: (index, the quotes not counted again, the score without them).
fn repeated_quotes_of(
    moments: &[Moment],
    kept_index: &[usize],
    quote_texts: &[Vec<u64>],
    parallel: bool,
    today: NaiveDate,
) -> Vec<(usize, Vec<usize>, i64)> {
    // Quotes: each text counts on its first moment, by date then id.
    // Sorted on a compact (date, index) key, ids compared only on a tie: the same
    // order as a stable sort of the indices, without following a pointer per compare.
    let mut by_date: Vec<(NaiveDate, usize)> =
        kept_index.iter().map(|&i| (moments[i].date, i)).collect();
    by_date
        .sort_by(|&(da, a), &(db, b)| da.cmp(&db).then_with(|| moments[a].id.cmp(&moments[b].id)));
    let mut seen: HashSet<u64, Premixed> = HashSet::default();
    let mut repeating: Vec<(usize, Vec<usize>)> = Vec::new();
    for (_, index) in by_date {
        let texts = &quote_texts[index];
        let dropped: Vec<usize> = (0..texts.len())
            .filter(|&q| seen.contains(&texts[q]))
            .collect();
        seen.extend(texts.iter().copied());
        if !dropped.is_empty() {
            repeating.push((index, dropped));
        }
    }
    // Each moment that repeats a quote is scored again without it, side by side.
    let rescored = crate::parallel::map(parallel, &repeating, |(index, dropped)| {
        score::score(&without(&moments[*index], dropped), today).score
    });
    repeating
        .into_iter()
        .zip(rescored)
        .map(|((index, dropped), score)| (index, dropped, score))
        .collect()
}

/// A copy of `moment` without the quotes at `dropped`.
pub(super) fn without(moment: &Moment, dropped: &[usize]) -> Moment {
    let mut copy = moment.clone();
    copy.quotes = moment
        .quotes
        .iter()
        .enumerate()
        .filter(|(q, _)| !dropped.contains(q))
        .map(|(_, quote)| quote.clone())
        .collect();
    copy
}

/// A quote's text as compared — lower case, its letters and digits only, one space
/// between words — hashed (FNV-1a), so no text is copied.
fn normal(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |c: char| {
        let mut bytes = [0; 4];
        for &b in c.encode_utf8(&mut bytes).as_bytes() {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for (n, word) in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        if n > 0 {
            eat(' ');
        }
        word.chars().flat_map(char::to_lowercase).for_each(&mut eat);
    }
    hash
}

/// Hashing for keys that are hashes already ([`normal`]'s): one multiply to spread
/// them, instead of SipHash. A crafted collision only slows its own log down.
#[derive(Clone, Copy, Default)]
struct Premixed;

impl std::hash::BuildHasher for Premixed {
    type Hasher = PremixedHasher;
    fn build_hasher(&self) -> PremixedHasher {
        PremixedHasher(0)
    }
}

struct PremixedHasher(u64);

impl std::hash::Hasher for PremixedHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

fn root(parent: &mut [usize], mut index: usize) -> usize {
    while parent[index] != index {
        parent[index] = parent[parent[index]];
        index = parent[index];
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::Evidence;
    use crate::evidence::testing::{date, log, moment};
    use crate::log::{Quote, Reach, Role, Tag};

    fn story(id: &str, day: &str, tag: Tag, what: &str) -> Moment {
        let mut m = moment(id, day, tag, Reach::Org);
        m.what = what.into();
        m.impact = Some("Analysis time down from 5 days to 1 across 14 tests".into());
        m
    }

    #[test]
    fn a_story_told_twice_is_counted_once_at_its_best() {
        let log = log(
            &["p"],
            vec![
                story(
                    "d",
                    "2026-05-04",
                    Tag::Decision,
                    "Chose one experiment template for checkout tests",
                ),
                story(
                    "l",
                    "2026-05-08",
                    Tag::Leverage,
                    "Experiment template now used for checkout tests",
                ),
                story(
                    "x",
                    "2026-08-04",
                    Tag::Scope,
                    "Given the pricing area to own",
                ),
            ],
        );
        let evidence = Evidence::rank(&log, date("2026-11-21"));
        let ids: Vec<&str> = evidence
            .moments
            .iter()
            .map(|m| m.moment.id.as_str())
            .collect();
        assert_eq!(ids, ["d", "x"]);
        assert_eq!(
            evidence.folded,
            [Folded {
                id: "l".into(),
                into: "d".into()
            }]
        );
        assert_eq!(evidence.count_tag(Tag::Leverage), 0);
        assert_eq!(evidence.counted.len(), 2);
        assert_eq!(evidence.projects[0].moments, ["d", "x"]);
    }

    #[test]
    fn a_moment_after_today_is_not_evidence() {
        let log = log(
            &["p"],
            vec![
                story("now", "2026-11-20", Tag::Decision, "Chose the pricing test"),
                story(
                    "later",
                    "2026-11-22",
                    Tag::Scope,
                    "Given the pricing area to own",
                ),
            ],
        );
        let evidence = Evidence::rank(&log, date("2026-11-21"));
        assert!(evidence.find("later").is_none());
        assert!(evidence.find("now").is_some());
        assert_eq!(evidence.counted.len(), 1);
        assert!(evidence.folded.is_empty());
    }

    #[test]
    fn a_quote_text_counts_once_per_log() {
        let quote = Quote {
            by: "Sam Lee".into(),
            role: Role::Manager,
            text: "That is an L6 call.".into(),
        };
        let mut first = moment("a", "2026-03-02", Tag::Decision, Reach::Org);
        first.what = "Killed the lending build".into();
        first.quotes.push(quote.clone());
        let mut second = moment("b", "2026-06-01", Tag::Decision, Reach::Org);
        second.what = "Set the seller fee roadmap".into();
        let bare = score::score(&second, date("2026-11-21")).score;
        second.quotes.push(Quote {
            text: "That is an L6 call!".into(),
            ..quote
        });
        let log = log(&["p"], vec![second, first]);
        let evidence = Evidence::rank(&log, date("2026-11-21"));
        let b = evidence.find("b").expect("b counts");
        assert_eq!(b.score, bare);
        assert_eq!(evidence.repeated_quotes, [("b".to_string(), vec![0])]);
        let sum: i64 = evidence
            .terms(b.moment, date("2026-11-21"))
            .iter()
            .map(|t| t.points)
            .sum();
        assert_eq!(sum, b.score);
        assert!(evidence.find("a").expect("a counts").score > bare);
    }
}
