//! What a line of notes says, read the way a person skims it: a decision, scope or
//! leverage word, how far it reached, a date, who a name is. Every reader shares
//! these, so the Markdown doc and the jrnl export map the same words the same way.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::People;
use crate::log::validate::parse_date;
use crate::log::{CommitmentOwner, Reach, Tag};

/// Words that make a line a decision: the owner made, forced or pressure-tested a call.
const DECISION_WORDS: &[&str] = &[
    "decided",
    "decide",
    "decides",
    "decision",
    "chose",
    "choose",
    "chosen",
    "cut",
    "cuts",
    "killed",
    "kill",
    "kills",
    "traded off",
    "trade-off",
    "tradeoff",
    "traded",
    "escalated",
    "escalate",
    "pushed back",
    "said no",
    "vetoed",
    "deprioritized",
    "deprioritised",
    "prioritized",
    "prioritised",
    "picked",
    "made the call",
    "go/no-go",
    "stopped",
    "paused",
];

/// Words that make a line scope: ownership asked for or given.
const SCOPE_WORDS: &[&str] = &[
    "asked for",
    "asked to own",
    "took over",
    "take over",
    "taking over",
    "handed me",
    "hand me",
    "given ownership",
    "ownership of",
    "own the",
    "to own",
    "now own",
    "owning",
    "lead the",
    "leading the",
    "stepped in",
    "stepped up",
    "interim",
    "expanded scope",
];

/// Words that make a line leverage: the work changed how others operate.
const LEVERAGE_WORDS: &[&str] = &[
    "unblocked",
    "unblock",
    "unblocks",
    "adopted",
    "adopt",
    "reused",
    "reuse",
    "reusable",
    "template",
    "playbook",
    "standard",
    "framework",
    "other teams",
    "now use",
    "now uses",
    "used by",
    "rolled out to",
    "repeatable",
    "self-serve",
    "trained",
    "mentored",
];

/// Phrases that say how far something reached, narrowest first.
const REACH_WORDS: &[(Reach, &[&str])] = &[
    (Reach::Team, &["team", "my team", "our team", "the team"]),
    (
        Reach::CrossTeam,
        &[
            "cross-team",
            "cross team",
            "crossteam",
            "teams",
            "other teams",
            "several teams",
            "partner team",
            "another team",
        ],
    ),
    (
        Reach::Org,
        &[
            "org-wide",
            "orgwide",
            "org wide",
            "whole org",
            "entire org",
            "across the org",
            "the org",
            "our org",
            "organization",
            "organisation",
            "department",
            "division",
        ],
    ),
    (
        Reach::Company,
        &[
            "company-wide",
            "companywide",
            "company wide",
            "whole company",
            "entire company",
            "across the company",
            "all-hands",
            "all hands",
            "exec staff",
            "ceo",
            "company standard",
            "every team",
        ],
    ),
];

/// The tag a line's words point to: the one whose word comes first (decision-first
/// lines read as decisions even if they mention a template later).
pub fn tag_from_text(text: &str) -> Option<Tag> {
    let lower = text.to_lowercase();
    [
        (Tag::Decision, DECISION_WORDS),
        (Tag::Scope, SCOPE_WORDS),
        (Tag::Leverage, LEVERAGE_WORDS),
    ]
    .into_iter()
    .filter_map(|(tag, words)| {
        words
            .iter()
            .filter_map(|w| find_phrase(&lower, w))
            .min()
            .map(|at| (at, tag))
    })
    .min()
    .map(|(_, tag)| tag)
}

/// The widest reach a line mentions.
pub fn reach_from_text(text: &str) -> Option<Reach> {
    let lower = text.to_lowercase();
    REACH_WORDS
        .iter()
        .rev()
        .find(|(_, words)| words.iter().any(|w| find_phrase(&lower, w).is_some()))
        .map(|(reach, _)| *reach)
}

/// Where `phrase` occurs in `hay` as whole words.
pub fn find_phrase(hay: &str, phrase: &str) -> Option<usize> {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut from = 0;
    while let Some(found) = hay[from..].find(phrase) {
        let at = from + found;
        let before = hay[..at].chars().next_back();
        let after = hay[at + phrase.len()..].chars().next();
        if !is_word(before) && !is_word(after) {
            return Some(at);
        }
        from = at + phrase.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// Markdown formatting a reader does not want in a log: emphasis, code ticks,
/// links (their text is kept), HTML line breaks; white space folded.
pub fn clean_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        // `[text](url)` keeps its text.
        let after = &rest[open + 1..];
        match after.find("](").and_then(|close| {
            after[close + 2..]
                .find(')')
                .map(|end| (close, close + 2 + end))
        }) {
            Some((close, end)) if !after[..close].contains('[') => {
                out.push_str(&rest[..open]);
                out.push_str(&after[..close]);
                rest = &after[end + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let out = out
        .replace("**", "")
        .replace("__", "")
        .replace('`', "")
        .replace("<br>", " ")
        .replace("<br/>", " ");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits "what → impact", "what; impact: …", "what (result: …)" into the two.
pub fn split_impact(text: &str) -> (String, Option<String>) {
    for arrow in ["→", "->", "=>"] {
        if let Some(at) = outside_parentheses(text, arrow) {
            let impact = text[at + arrow.len()..].trim();
            if !impact.is_empty() {
                return (trim_separators(&text[..at]), Some(impact.to_string()));
            }
        }
    }
    let lower = text.to_lowercase();
    for label in ["impact:", "result:", "outcome:"] {
        if let Some(at) = find_phrase(&lower, label.trim_end_matches(':'))
            .filter(|at| lower[*at..].starts_with(label))
            .filter(|at| *at > 0)
        {
            let impact = text[at + label.len()..].trim().trim_end_matches(')').trim();
            if !impact.is_empty() {
                return (trim_separators(&text[..at]), Some(impact.to_string()));
            }
        }
    }
    (text.trim().to_string(), None)
}

/// Where `needle` first occurs outside parentheses: `moved (A → B) → impact`
/// splits at the second arrow.
fn outside_parentheses(text: &str, needle: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 && text[at..].starts_with(needle) => return Some(at),
            _ => {}
        }
    }
    None
}

fn trim_separators(text: &str) -> String {
    text.trim()
        .trim_end_matches(['(', '—', '–', '-', ';', ',', ':'])
        .trim()
        .to_string()
}

/// The first date in `text`, with the byte range it takes: `2026-09-01`,
/// `2026/09/01`, `Sep 1, 2026`, `1 September 2026`. A well-formed date that does
/// not exist comes back as `Err` with the reason.
pub fn find_date(text: &str) -> Option<(Result<NaiveDate, String>, std::ops::Range<usize>)> {
    let numeric = find_numeric_date(text);
    let named = find_named_date(text);
    match (numeric, named) {
        (Some(a), Some(b)) => Some(if a.1.start <= b.1.start { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn find_numeric_date(text: &str) -> Option<(Result<NaiveDate, String>, std::ops::Range<usize>)> {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    for start in 0..bytes.len() {
        if start > 0 && digit(start - 1) {
            continue;
        }
        let end = start + 10;
        let shaped = (0..4).all(|i| digit(start + i))
            && matches!(bytes.get(start + 4), Some(b'-' | b'/' | b'_' | b'.'))
            && bytes.get(start + 7) == bytes.get(start + 4)
            && [5, 6, 8, 9].iter().all(|i| digit(start + i))
            && !digit(end);
        if shaped {
            let iso = text[start..end].replace(['/', '_', '.'], "-");
            let parsed = parse_date(&iso).map_err(|problem| problem.to_string());
            return Some((parsed, start..end));
        }
    }
    None
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_of(word: &str) -> Option<u32> {
    let word = word.to_lowercase();
    let word = word.trim_end_matches('.');
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == word || (m.starts_with(word) && (word.len() == 3 || word == "sept")))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn find_named_date(text: &str) -> Option<(Result<NaiveDate, String>, std::ops::Range<usize>)> {
    // Words with their byte ranges, punctuation trimmed.
    let mut words: Vec<(&str, std::ops::Range<usize>)> = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let part = c.is_alphanumeric() || c == '.';
        match (start, part) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                words.push((&text[s..i], s..i));
                start = None;
            }
            _ => {}
        }
    }
    let day = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        (matches!(suffix, "" | "st" | "nd" | "rd" | "th") && (1..=2).contains(&digits.len()))
            .then(|| digits.parse::<u32>().ok())
            .flatten()
    };
    let year = |w: &str| {
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<i32>().ok())
            .flatten()
    };
    for i in 0..words.len().saturating_sub(2) {
        let (a, b, c) = (&words[i], &words[i + 1], &words[i + 2]);
        let found = match (month_of(a.0), day(b.0), year(c.0)) {
            (Some(m), Some(d), Some(y)) => Some((y, m, d)),
            _ => match (day(a.0), month_of(b.0), year(c.0)) {
                (Some(d), Some(m), Some(y)) => Some((y, m, d)),
                _ => None,
            },
        };
        if let Some((y, m, d)) = found {
            let range = a.1.start..c.1.end;
            let parsed = NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
                let iso = format!("{y:04}-{m:02}-{d:02}");
                parse_date(&iso).map_or_else(|p| p.to_string(), |_| iso)
            });
            return Some((parsed, range));
        }
    }
    None
}

/// Who a name in the notes is: the owner, the manager, or someone else. `@handles`
/// and bare first names of the owner and manager are recognised.
pub fn person(name: &str, people: &People) -> CommitmentOwner {
    let name = name.trim().trim_start_matches('@').trim();
    let lower = name.to_lowercase();
    let first = |full: &str| {
        full.split_whitespace()
            .next()
            .unwrap_or(full)
            .to_lowercase()
    };
    if matches!(lower.as_str(), "me" | "i" | "myself" | "self")
        || lower == people.owner.to_lowercase()
        || lower == first(&people.owner)
    {
        CommitmentOwner::Me
    } else if matches!(lower.as_str(), "manager" | "mgr" | "boss")
        || lower == people.manager.to_lowercase()
        || lower == first(&people.manager)
    {
        CommitmentOwner::Manager
    } else {
        CommitmentOwner::Other(display_name(name))
    }
}

/// A handle written in lowercase (`priya`) as a person would write the name.
pub fn display_name(name: &str) -> String {
    if name.chars().any(char::is_uppercase) {
        return name.to_string();
    }
    name.split(['-', '_', '.', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `text` looks like a person's name or handle: one to four words, no
/// sentence punctuation.
pub fn looks_like_name(text: &str) -> bool {
    let text = text.trim();
    let words = text.split_whitespace().count();
    (1..=4).contains(&words)
        && text.chars().count() <= 40
        && text
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '@' | '.' | '-' | '\'' | '’'))
}

/// The content words of a text (four letters or more), for matching feedback and
/// action items to the moment they are about.
pub fn content_words(text: &str) -> HashSet<String> {
    const COMMON: &[&str] = &[
        "that", "this", "with", "your", "have", "from", "they", "them", "their", "what", "when",
        "were", "will", "would", "about", "into", "just", "more", "than", "then", "been", "very",
        "really", "great", "good", "nice", "well", "made", "make", "need", "needs", "week",
    ];
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && !COMMON.contains(w))
        .map(str::to_string)
        .collect()
}

/// A `Label: rest` prefix that names a project (`Search: cut the synonyms
/// rewrite`): one to three words before the colon, each capitalised, and not a
/// word that labels something else.
pub fn project_prefix(text: &str) -> Option<(&str, &str)> {
    let (label, rest) = text.split_once(':')?;
    let label = label.trim();
    let rest = rest.trim();
    let words: Vec<&str> = label.split_whitespace().collect();
    let labels_something_else = [
        "decided",
        "decision",
        "impact",
        "result",
        "outcome",
        "note",
        "fyi",
        "update",
        "status",
        "todo",
        "done",
        "blocker",
        "ask",
        "question",
        "q",
        "a",
        "re",
        "why",
        "next",
        "shipped",
        "launched",
        "risk",
        "risks",
        "blocked",
        "win",
        "wins",
        "fyi",
        "context",
        "asks",
        "follow up",
        "followup",
        "answer",
        "priority",
        "goal",
        "feedback",
        "date",
        "attendees",
        "status update",
        "eta",
    ]
    .contains(&label.to_lowercase().as_str());
    let capitalised = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    (!words.is_empty()
        && words.len() <= 3
        && capitalised
        && !labels_something_else
        && !rest.is_empty()
        && !label.contains(['"', '“', '(', '['])
        && looks_like_name(&label.replace(|c: char| c.is_ascii_digit(), "x")))
    .then_some((label, rest))
}

/// A project key for a label: lowercase letters, digits and dashes.
pub fn slug(label: &str) -> String {
    let mut key = String::new();
    for c in label.trim().trim_start_matches(['@', '#']).chars() {
        if c.is_alphanumeric() {
            key.extend(c.to_lowercase());
        } else if !key.ends_with('-') && !key.is_empty() {
            key.push('-');
        }
    }
    key.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_evidence_word_decides_the_tag() {
        assert_eq!(
            tag_from_text("Killed the rewrite and wrote a template"),
            Some(Tag::Decision)
        );
        assert_eq!(
            tag_from_text("Checklist template now used by 3 teams"),
            Some(Tag::Leverage)
        );
        assert_eq!(
            tag_from_text("Asked Tess to let me own the roadmap"),
            Some(Tag::Scope)
        );
        assert_eq!(tag_from_text("Onboarding v3 shipped to 100%"), None);
        // Whole words only: "cut" is not in "execution".
        assert_eq!(tag_from_text("execution went fine"), None);
    }

    #[test]
    fn the_widest_reach_mentioned_wins() {
        assert_eq!(
            reach_from_text("roadmap for the whole org"),
            Some(Reach::Org)
        );
        assert_eq!(
            reach_from_text("used by 3 other teams"),
            Some(Reach::CrossTeam)
        );
        assert_eq!(
            reach_from_text("my team and then company-wide"),
            Some(Reach::Company)
        );
        assert_eq!(reach_from_text("Hiring: 2 onsites"), None);
    }

    #[test]
    fn dates_in_several_shapes() {
        fn date(t: &str) -> Option<(Result<NaiveDate, String>, &str)> {
            find_date(t).map(|(d, r)| (d, &t[r]))
        }
        let d = |y, m, day| Ok(NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default());
        assert_eq!(
            date("## 2026-11-17 — 1:1"),
            Some((d(2026, 11, 17), "2026-11-17"))
        );
        assert_eq!(date("2026/09/01"), Some((d(2026, 9, 1), "2026/09/01")));
        assert_eq!(
            date("## Sep 29, 2026"),
            Some((d(2026, 9, 29), "Sep 29, 2026"))
        );
        assert_eq!(
            date("Tue 3rd March 2026"),
            Some((d(2026, 3, 3), "3rd March 2026"))
        );
        let impossible = find_date("## 2026-02-30").map(|(d, _)| d);
        assert_eq!(
            impossible,
            Some(Err(
                "impossible date `2026-02-30`: February 2026 has 28 days".into()
            ))
        );
        assert_eq!(find_date("v2026-1 build 12345678901").map(|(d, _)| d), None);
    }

    #[test]
    fn names_resolve_to_me_the_manager_or_someone() {
        assert_eq!(person("Me", &People::testing()), CommitmentOwner::Me);
        assert_eq!(
            person("@tess", &People::testing()),
            CommitmentOwner::Manager
        );
        assert_eq!(
            person("Tess Obi", &People::testing()),
            CommitmentOwner::Manager
        );
        assert_eq!(
            person("@priya", &People::testing()),
            CommitmentOwner::Other("Priya".into())
        );
    }

    #[test]
    fn inline_markdown_is_cleaned_and_impacts_split() {
        assert_eq!(
            clean_inline("**Cut** the [sync](http://x) `flag`"),
            "Cut the sync flag"
        );
        assert_eq!(
            split_impact("Killed X → freed 2 engineers"),
            (
                "Killed X".to_string(),
                Some("freed 2 engineers".to_string())
            )
        );
        assert_eq!(
            split_impact("Moved checkout (v1 → v2) → p95 down to 2.4s"),
            (
                "Moved checkout (v1 → v2)".to_string(),
                Some("p95 down to 2.4s".to_string())
            )
        );
        assert_eq!(project_prefix("Shipped: the EU launch"), None);
        assert_eq!(
            split_impact("Cut Y (impact: +2% conversion)"),
            ("Cut Y".to_string(), Some("+2% conversion".to_string()))
        );
        assert_eq!(
            project_prefix("Search: killed it"),
            Some(("Search", "killed it"))
        );
        assert_eq!(project_prefix("Decided: day-7 retention"), None);
        assert_eq!(slug("@Search Relevance"), "search-relevance");
    }
}
