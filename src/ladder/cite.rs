//! Evidence → competency: the competencies a moment cites (checked against the ladder,
//! located in the log's text), and the ones promo suggests for a moment that cites
//! none, from the words the moment shares with the criteria.

use std::collections::BTreeSet;

use super::{Expected, Ladder};
use crate::diagnostic::Diagnostic;
use crate::log::Moment;
use crate::log::outline;
use crate::log::problem::Problem;
use crate::source::Source;
use crate::suggest::did_you_mean;

/// A suggestion needs at least this many distinct word stems in common with a
/// competency's title and criteria: one shared word ("team") is chance.
pub const MIN_SHARED_STEMS: usize = 2;

/// Letters a word is cut to before comparing, so "decided" and "decides", "teams" and
/// "team's" meet; short enough to join word forms, long enough to keep words apart.
const STEM_CHARS: usize = 5;

/// Words too common in 1:1 notes and criteria to say which competency a moment is about.
const STOP_WORDS: &[&str] = &[
    "about", "after", "across", "before", "being", "their", "there", "these", "those", "which",
    "while", "with", "without", "would", "could", "should", "other", "others", "every", "into",
    "from", "that", "this", "them", "they", "than", "then", "what", "when", "where", "work",
    "works", "worked", "each", "also", "only", "over", "more", "most", "some", "such", "made",
    "make", "makes", "team", "teams", "level",
];

/// Every citation of a competency the ladder does not have, located in the log's
/// text (`moments[i].competencies[j]`), with the nearest name. Reads the text, not the
/// validated log, so private moments are checked too and each name is pointed at.
/// Only the citations are built from the text (the rest is skimmed), and a log that
/// never writes `competencies` is not read again at all: building the whole outline
/// of a 100,000-moment log cost `check` more than ron's own parse.
pub fn unknown(source: &Source, ladder: &Ladder) -> Vec<Diagnostic> {
    if !source.text().contains("competencies") {
        return Vec::new();
    }
    let mut wanted = outline::Selection::default();
    wanted
        .field("moments")
        .every_item()
        .field("competencies")
        .every_item();
    let Ok(root) = outline::parse_selected(source.text(), &wanted) else {
        return Vec::new();
    };
    let known: Vec<String> = ladder
        .competencies()
        .iter()
        .map(|c| c.name.clone())
        .collect();
    let Some(moments) = root.field("moments") else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for moment in moments.value.items() {
        let Some(cited) = moment.field("competencies") else {
            continue;
        };
        for name in cited.value.items() {
            let Some(text) = name.as_str() else { continue };
            if text.trim().is_empty() || ladder.competency(text).is_some() {
                continue;
            }
            let suggestion =
                did_you_mean(text.trim(), known.iter().map(String::as_str)).map(str::to_string);
            found.push(Diagnostic::new(
                Problem::UnknownCompetency {
                    name: text.to_string(),
                    suggestion,
                    known: known.clone(),
                },
                name.span.clone(),
            ));
        }
    }
    found
}

/// Whether `moment` cites `competency` (by name, ignoring case).
pub fn cites(moment: &Moment, competency: &str) -> bool {
    moment
        .competencies
        .iter()
        .any(|c| c.trim().eq_ignore_ascii_case(competency))
}

/// The competencies of `expected` that promo suggests for `moment`: none when it cites
/// any (the owner has mapped it), else the ones sharing the most word stems with the
/// moment's `what` and impact, at least [`MIN_SHARED_STEMS`], in ladder order.
pub fn suggested<'e>(moment: &Moment, expected: &'e [Expected]) -> Vec<&'e Expected> {
    if !moment.competencies.is_empty() {
        return Vec::new();
    }
    let mut text = moment.what.clone();
    if let Some(impact) = &moment.impact {
        text.push(' ');
        text.push_str(impact);
    }
    let words = stems(&text);
    let shared: Vec<usize> = expected
        .iter()
        .map(|e| {
            let mut theirs = stems(&e.title);
            for criterion in &e.criteria {
                theirs.extend(stems(criterion));
            }
            words.intersection(&theirs).count()
        })
        .collect();
    let best = shared.iter().copied().max().unwrap_or(0);
    if best < MIN_SHARED_STEMS {
        return Vec::new();
    }
    expected
        .iter()
        .zip(&shared)
        .filter(|(_, n)| **n == best)
        .map(|(e, _)| e)
        .collect()
}

/// The distinct stems of a text's meaningful words.
fn stems(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 4 && !STOP_WORDS.contains(&w.as_str()))
        .map(|w| w.chars().take(STEM_CHARS).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::testing::moment;
    use crate::log::{Reach, Tag};

    fn expected(name: &str, criteria: &[&str]) -> Expected {
        Expected {
            name: name.into(),
            title: name.into(),
            criteria: criteria.iter().map(|c| (*c).to_string()).collect(),
        }
    }

    #[test]
    fn a_moment_sharing_words_with_the_criteria_is_suggested_for_them() {
        let ladder = [
            expected(
                "reliability",
                &["Raises the reliability and latency of a shared system"],
            ),
            expected("people", &["Coaches reports, who get promoted"]),
        ];
        let mut m = moment("m1", "2026-10-01", Tag::Leverage, Reach::Org);
        m.what = "Cut p99 latency of the shared search system in half".into();
        let names: Vec<&str> = suggested(&m, &ladder)
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(names, ["reliability"]);
        // One shared word is not enough.
        m.what = "Coached the new hire".into();
        assert!(suggested(&m, &ladder).is_empty());
        // A moment that cites a competency gets no suggestion.
        m.what = "Cut p99 latency of the shared search system in half".into();
        m.competencies = vec!["people".into()];
        assert!(suggested(&m, &ladder).is_empty());
        assert!(cites(&m, "People"));
        assert!(!cites(&m, "reliability"));
    }
}
