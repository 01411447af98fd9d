//! Evidence identity: two moments that tell the same story — the same call logged twice
//! in other words, or once as a decision and once as the leverage it gave — are one
//! piece of evidence. `check` warns about them, and ranking counts the story once.
//!
//! Two moments are one story when they belong to the same project, are dated at most
//! [`WINDOW_DAYS`] apart, and their text (`what` and `impact`) either shares a figure
//! and [`WITH_FIGURE_PERCENT`]% of its words, or shares [`WORDS_PERCENT`]% of its words
//! (both shares are of the shorter text's words), or has exactly the same words and
//! figures. `docs/ranking.md` explains the words
//! read. Moments are bucketed by project and sorted by date, and each is compared with
//! at most [`LOOKBACK`] earlier moments of its bucket inside the window, so a big log
//! costs about as many comparisons as it has moments.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::log::Moment;

/// The most days between two moments of one story.
pub const WINDOW_DAYS: i64 = 14;
/// Share (percent) of the shorter text's words two moments must have in common to be
/// one story on words alone.
pub const WORDS_PERCENT: usize = 60;
/// Share (percent) of the shorter text's words enough when the two also share a figure.
pub const WITH_FIGURE_PERCENT: usize = 30;
/// Texts with fewer distinct words than this are never matched on words alone: three
/// words in common say nothing.
pub const MIN_WORDS: usize = 4;
/// Earlier moments of the same project a moment is compared with, nearest in date first.
pub const LOOKBACK: usize = 8;

/// One moment that repeats another's story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repeat {
    /// Index (in the slice given) of the later moment: the one `check` points at.
    pub later: usize,
    /// Index of the earlier moment of the same story.
    pub earlier: usize,
}

/// What a moment's text is made of, for comparing: hashed words and figures, sorted
/// and deduplicated.
#[derive(Clone, Copy)]
struct Print<'a> {
    words: &'a [u64],
    figures: &'a [u64],
}

/// Every moment's print, made once, in file order (memory order: on a big log, reading
/// the moments' text in bucket order missed the cache), and kept in one arena: two small
/// vectors per moment were a fifth of the search on a big log.
struct Prints {
    /// Words then figures of each moment, back to back.
    values: Vec<u64>,
    /// Per moment: where its words start, where its figures start and end.
    at: Vec<(u32, u32, u32)>,
}

impl Prints {
    /// The prints of `moments`, or `None` when the arena would outgrow `u32` offsets.
    /// A big log's moments are printed in runs on both cores, joined in file order.
    fn of(moments: &[Moment]) -> Option<Self> {
        let parallel = crate::parallel::worth_it(moments.len());
        if !parallel {
            return Self::of_run(moments);
        }
        let runs: Vec<&[Moment]> = moments.chunks(moments.len().div_ceil(16)).collect();
        let mut printed = crate::parallel::map_each(parallel, &runs, |run| Self::of_run(run));
        let mut all = printed.first_mut()?.take()?;
        for run in printed.into_iter().skip(1) {
            let run = run?;
            let base = all.values.len();
            let shift = |offset: u32| u32::try_from(base + offset as usize).ok();
            for (start, middle, end) in run.at {
                all.at.push((shift(start)?, shift(middle)?, shift(end)?));
            }
            all.values.extend_from_slice(&run.values);
        }
        Some(all)
    }

    /// The prints of a run of moments, offsets from the run's start.
    fn of_run(moments: &[Moment]) -> Option<Self> {
        let mut scratch = Scratch::default();
        let mut values = Vec::with_capacity(moments.len() * 16);
        let mut at = Vec::with_capacity(moments.len());
        for moment in moments {
            let texts = std::iter::once(moment.what.as_str()).chain(moment.impact.as_deref());
            scratch.fill(texts);
            let start = u32::try_from(values.len()).ok()?;
            values.extend_from_slice(&scratch.words);
            let middle = u32::try_from(values.len()).ok()?;
            values.extend_from_slice(&scratch.figures);
            let end = u32::try_from(values.len()).ok()?;
            at.push((start, middle, end));
        }
        Some(Self { values, at })
    }

    fn get(&self, index: usize) -> Print<'_> {
        let (start, middle, end) = self.at[index];
        let (start, middle, end) = (start as usize, middle as usize, end as usize);
        Print {
            words: &self.values[start..middle],
            figures: &self.values[middle..end],
        }
    }
}

/// Every pair of moments that tell one story, each later moment paired with the
/// nearest earlier one it repeats (ordered by date, then id, so the file's order does
/// not matter). Sorted by `later`.
pub fn repeats(moments: &[Moment]) -> Vec<Repeat> {
    // Dates side by side, so sorting and the window test do not follow each moment's
    // pointer; ids are compared only on a tie.
    let dates: Vec<NaiveDate> = moments.iter().map(|m| m.date).collect();
    let buckets = by_project(moments);
    if buckets.values().all(|bucket| bucket.len() < 2) {
        return Vec::new();
    }
    let Some(prints) = Prints::of(moments) else {
        return plain_repeats(moments);
    };
    // Each bucket is searched on its own (on both cores in a big log); the pairs are
    // sorted at the end, so the order buckets are visited in does not show.
    let parallel = crate::parallel::worth_it(moments.len());
    let buckets: Vec<Vec<usize>> = buckets.into_values().filter(|b| b.len() >= 2).collect();
    let mut found: Vec<Repeat> = crate::parallel::map_owned(parallel, buckets, |mut bucket| {
        let mut found = Vec::new();
        bucket.sort_unstable_by(|&a, &b| {
            dates[a]
                .cmp(&dates[b])
                .then_with(|| moments[a].id.cmp(&moments[b].id))
        });
        for (position, &later) in bucket.iter().enumerate() {
            let date = dates[later];
            let start = position.saturating_sub(LOOKBACK);
            for &earlier in bucket[start..position].iter().rev() {
                if !close(dates[earlier], date) {
                    break;
                }
                if same_story(prints.get(later), prints.get(earlier)) {
                    found.push(Repeat { later, earlier });
                    break;
                }
            }
        }
        found
    })
    .into_iter()
    .flatten()
    .collect();
    found.sort_unstable_by_key(|r| (r.later, r.earlier));
    found
}

/// The moments' indices, in file order, under each project key: only moments of one
/// project can tell one story.
fn by_project(moments: &[Moment]) -> HashMap<&str, Vec<usize>> {
    let mut buckets: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, moment) in moments.iter().enumerate() {
        buckets
            .entry(moment.project.as_str())
            .or_default()
            .push(index);
    }
    buckets
}

/// [`repeats`] as the rule says it, with each pair's prints made afresh: what the fast
/// path must agree with (a unit test holds them together), and the fallback for an
/// arena past `u32` offsets.
fn plain_repeats(moments: &[Moment]) -> Vec<Repeat> {
    let mut buckets = by_project(moments);
    let print = |moment: &Moment| {
        let mut scratch = Scratch::default();
        scratch.fill(std::iter::once(moment.what.as_str()).chain(moment.impact.as_deref()));
        (scratch.words, scratch.figures)
    };
    let mut found = Vec::new();
    for bucket in buckets.values_mut() {
        bucket.sort_unstable_by(|&a, &b| {
            let (a, b) = (&moments[a], &moments[b]);
            a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id))
        });
        for (position, &later) in bucket.iter().enumerate() {
            let start = position.saturating_sub(LOOKBACK);
            for &earlier in bucket[start..position].iter().rev() {
                if !close(moments[earlier].date, moments[later].date) {
                    break;
                }
                let (a, b) = (print(&moments[later]), print(&moments[earlier]));
                let (a, b) = (
                    Print {
                        words: &a.0,
                        figures: &a.1,
                    },
                    Print {
                        words: &b.0,
                        figures: &b.1,
                    },
                );
                if same_story(a, b) {
                    found.push(Repeat { later, earlier });
                    break;
                }
            }
        }
    }
    found.sort_unstable_by_key(|r| (r.later, r.earlier));
    found
}

/// Whether two texts tell one story (see the module documentation).
pub fn same_text_story(a: &str, b: &str) -> bool {
    let mut scratch = Scratch::default();
    scratch.fill([a]);
    let (words, figures) = (scratch.words.clone(), scratch.figures.clone());
    scratch.fill([b]);
    same_story(
        Print {
            words: &words,
            figures: &figures,
        },
        Print {
            words: &scratch.words,
            figures: &scratch.figures,
        },
    )
}

fn close(earlier: NaiveDate, later: NaiveDate) -> bool {
    (later - earlier).num_days() <= WINDOW_DAYS
}

fn same_story(a: Print<'_>, b: Print<'_>) -> bool {
    let shorter = a.words.len().min(b.words.len());
    if shorter == 0 {
        return false;
    }
    let shared = common(a.words, b.words);
    // The same words and figures exactly: the same line, however short.
    if shared == a.words.len() && shared == b.words.len() && a.figures == b.figures {
        return true;
    }
    // Below the lower share neither rule can hold: the figures need not be compared.
    if shared * 100 < shorter * WITH_FIGURE_PERCENT {
        return false;
    }
    let figure = common(a.figures, b.figures) > 0;
    if figure {
        return true;
    }
    shorter >= MIN_WORDS && shared * 100 >= shorter * WORDS_PERCENT
}

/// How many values two sorted, deduplicated lists share.
fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Buffers reused from moment to moment, so a big log allocates no word: the text is
/// lowercased into `lower` once, and words are read as slices of it.
#[derive(Default)]
struct Scratch {
    lower: String,
    words: Vec<u64>,
    figures: Vec<u64>,
}

impl Scratch {
    /// The print of `texts`, left sorted and deduplicated in `words` and `figures`.
    fn fill<'t>(&mut self, texts: impl IntoIterator<Item = &'t str>) {
        self.words.clear();
        self.figures.clear();
        for text in texts {
            self.lower.clear();
            if text.is_ascii() {
                self.lower.push_str(text);
                self.lower.make_ascii_lowercase();
            } else {
                self.lower.extend(text.chars().flat_map(char::to_lowercase));
            }
            if self.lower.is_ascii() {
                ascii_tokens(&self.lower, &mut self.words, &mut self.figures);
            } else {
                for raw in self.lower.split_whitespace() {
                    let token =
                        raw.trim_matches(|c: char| !(c.is_alphanumeric() || c == '%' || c == '$'));
                    token_into(token, &mut self.words, &mut self.figures, |c| {
                        !c.is_alphanumeric()
                    });
                }
            }
        }
        for list in [&mut self.words, &mut self.figures] {
            list.sort_unstable();
            list.dedup();
        }
    }
}

/// The tokens of lowercase ASCII text, found byte by byte: the same tokens as the
/// general path (split at whitespace, trimmed to letters, digits, `%` and `$`), without
/// decoding characters. Most logs are ASCII, and this is most of a print.
fn ascii_tokens(text: &str, words: &mut Vec<u64>, figures: &mut Vec<u64>) {
    let bytes = text.as_bytes();
    let keep = |b: u8| b.is_ascii_alphanumeric() || b == b'%' || b == b'$';
    let mut i = 0;
    while i < bytes.len() {
        // `char::is_whitespace` on ASCII: tab, line feed, vertical tab, form feed,
        // carriage return and space.
        let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
        while i < bytes.len() && space(bytes[i]) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !space(bytes[i]) {
            i += 1;
        }
        let raw = &bytes[start..i];
        let Some(first) = raw.iter().position(|&b| keep(b)) else {
            continue;
        };
        let last = raw.iter().rposition(|&b| keep(b)).unwrap_or(first);
        let token = &text[start + first..start + last + 1];
        token_into(token, words, figures, |c| !c.is_ascii_alphanumeric());
    }
}

/// One trimmed, lowercase token: a figure when it holds a digit, else its words.
fn token_into(
    token: &str,
    words: &mut Vec<u64>,
    figures: &mut Vec<u64>,
    apart: impl Fn(char) -> bool,
) {
    if token.bytes().any(|b| b.is_ascii_digit()) {
        if is_figure(token) {
            figures.push(hash(token));
        }
        return;
    }
    for word in token.split(apart) {
        if word.len() < 3 || (word.len() <= 6 && is_stopword(word)) {
            continue;
        }
        words.push(hash(stem(word)));
    }
}

/// Words of three letters or more too common to say which story a line tells.
fn is_stopword(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "and"
            | "for"
            | "with"
            | "from"
            | "into"
            | "onto"
            | "that"
            | "this"
            | "these"
            | "those"
            | "was"
            | "were"
            | "are"
            | "our"
            | "their"
            | "his"
            | "her"
            | "its"
            | "they"
            | "them"
            | "then"
            | "than"
            | "but"
            | "not"
            | "all"
            | "any"
            | "out"
            | "off"
            | "over"
            | "after"
            | "before"
            | "about"
            | "also"
            | "now"
            | "new"
            | "one"
            | "two"
            | "who"
            | "which"
            | "what"
            | "when"
            | "while"
            | "per"
            | "via"
    )
}

/// A figure worth matching on: two characters or more ("18%", "$4.8m", "12"), and not a
/// year or a quarter ("2026", "q3"), which many unrelated moments share.
fn is_figure(token: &str) -> bool {
    let digits = token.chars().filter(char::is_ascii_digit).count();
    let is_year = digits == 4 && token.len() == 4;
    let is_period = token.len() == 2 && (token.starts_with('q') || token.starts_with('h'));
    token.chars().count() >= 2 && !is_year && !is_period
}

/// A crude stem, so "templates" and "template", "adopted" and "adopt" meet.
fn stem(word: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.len() >= 4
        {
            return stem;
        }
    }
    word
}

/// FNV-1a: stable across runs and platforms, so the output never depends on a seed.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::testing::moment;
    use crate::log::{Reach, Tag};

    fn m(id: &str, day: &str, project: &str, what: &str, impact: Option<&str>) -> Moment {
        let mut m = moment(id, day, Tag::Decision, Reach::Org);
        m.project = project.into();
        m.what = what.into();
        m.impact = impact.map(str::to_string);
        m
    }

    #[test]
    fn a_decision_and_its_leverage_sharing_a_figure_are_one_story() {
        let moments = [
            m(
                "d",
                "2026-05-04",
                "exp",
                "Chose one shared experiment template for every checkout test",
                Some("Analysis time down from 5 days to 1; 14 tests read the same way"),
            ),
            m(
                "l",
                "2026-05-11",
                "exp",
                "The experiment template is now how the payments and growth teams run tests",
                Some("14 tests in a month use it"),
            ),
        ];
        assert_eq!(
            repeats(&moments),
            [Repeat {
                later: 1,
                earlier: 0
            }]
        );
    }

    #[test]
    fn a_reworded_line_is_one_story_on_words_alone() {
        assert!(same_text_story(
            "Cut the loyalty tier from v1 to hold the freeze date with the mobile team",
            "Held the freeze date by cutting the loyalty tier from v1, agreed with mobile"
        ));
    }

    #[test]
    fn other_projects_far_dates_and_other_stories_stay_apart() {
        let what = "Chose one shared experiment template for every checkout test";
        let same = |id, day, project| m(id, day, project, what, Some("14 tests"));
        // Another project, or more than two weeks apart: not one story.
        assert!(repeats(&[same("a", "2026-05-04", "x"), same("b", "2026-05-04", "y")]).is_empty());
        assert!(repeats(&[same("a", "2026-05-04", "x"), same("b", "2026-05-19", "x")]).is_empty());
        assert_eq!(
            repeats(&[same("a", "2026-05-04", "x"), same("b", "2026-05-18", "x")]).len(),
            1
        );
        // Same project, same week, different calls.
        assert!(!same_text_story(
            "Killed the in-house lending build after pressure-testing the credit model",
            "Set the Q3 roadmap for seller fees with Finance and Sales"
        ));
        // A shared figure with almost no words in common is not enough.
        assert!(!same_text_story(
            "Cut the onboarding survey to 12 questions",
            "Hired 12 contractors for the holiday support queue"
        ));
    }

    /// The fast path (prints made once in file order, dates side by side; on a big log,
    /// printed in runs and searched bucket by bucket on both cores) finds exactly the
    /// pairs the rule as written finds, on a log with many near-duplicates, ties in date
    /// and moments outside the window.
    #[test]
    fn the_fast_search_agrees_with_the_plain_one() {
        for count in [600, crate::parallel::MIN_MOMENTS * 2] {
            fast_and_plain_agree(count);
        }
    }

    fn fast_and_plain_agree(count: usize) {
        let lines = [
            (
                "Chose one shared experiment template for every checkout test",
                Some("14 tests"),
            ),
            (
                "Shared experiment template now used for checkout tests",
                Some("14 tests read alike"),
            ),
            ("Cut the loyalty tier from v1 to hold the freeze date", None),
            (
                "Held the freeze date by cutting the loyalty tier from v1",
                Some("Shipped on 3 May"),
            ),
            (
                "Set the Q3 roadmap for seller fees with Finance and Sales",
                Some("Fees up 2%"),
            ),
            (
                "Hired 12 contractors for the holiday support queue",
                Some("Queue down 40%"),
            ),
        ];
        let mut state: u64 = 7;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) % n
        };
        let days = 60 * (count as u64).div_ceil(600);
        let moments: Vec<Moment> = (0..count)
            .map(|_| {
                let (what, impact) = lines[next(lines.len() as u64) as usize];
                let day = 1 + next(days);
                let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
                    .and_then(|d| d.checked_add_days(chrono::Days::new(day)))
                    .expect("a date");
                let id = format!("m{:05}", next(count as u64 * 2 / 3));
                let project = ["a", "b", "c", "d", "e"][next(5) as usize];
                m(&id, &date.to_string(), project, what, impact)
            })
            .collect();
        let fast = repeats(&moments);
        assert!(fast.len() > count / 6, "{count}: {}", fast.len());
        assert_eq!(fast, plain_repeats(&moments), "{count} moments");
    }

    #[test]
    fn the_file_order_does_not_change_the_pairs() {
        let a = m(
            "a",
            "2026-05-04",
            "x",
            "Cut the loyalty tier from v1 to hold the freeze date",
            None,
        );
        let b = m(
            "b",
            "2026-05-06",
            "x",
            "Held the freeze date by cutting the loyalty tier from v1",
            None,
        );
        let forward = repeats(&[a.clone(), b.clone()]);
        let backward = repeats(&[b, a]);
        assert_eq!(
            forward,
            [Repeat {
                later: 1,
                earlier: 0
            }]
        );
        assert_eq!(
            backward,
            [Repeat {
                later: 0,
                earlier: 1
            }]
        );
    }
}
