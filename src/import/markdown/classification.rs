//! What a heading, a label or a line means in a running 1:1 document: which
//! section it opens (wins and decisions hold moments; status, questions,
//! blockers and priorities are context for the meeting; feedback holds quotes;
//! action items hold commitments), whether a line is an unfilled template
//! placeholder, and whether a paragraph is a page's property lines (Notion's
//! `Date:` / `Attendees:` / `Status:`).

/// What the items under a heading are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Wins, highlights, accomplishments: moments.
    Wins,
    /// Decisions made: moments tagged `Decision`.
    Decisions,
    /// Questions and decisions the manager is asked for: agenda, unless answered.
    Questions,
    /// Context for the meeting, not moments: status, blockers, priorities, agenda.
    Context(&'static str),
    /// Quotes.
    Feedback,
    /// Commitments.
    Actions,
    /// Right under the meeting's date, or under a heading naming the 1:1: read like Wins.
    General,
    /// A heading promo does not map (Personal, Notes…): reported, never imported.
    Unknown,
}

/// Heading words, checked in this order (a "Decisions / Questions" heading asks
/// questions; "Wins this week" holds wins), and what they mean.
const WORDS: &[(&[&str], Kind)] = &[
    (
        &[
            "question",
            "questions",
            "needed",
            "input",
            "ask",
            "asks",
            "open",
        ],
        Kind::Questions,
    ),
    (
        &["feedback", "calibration", "kudos", "praise"],
        Kind::Feedback,
    ),
    (
        &[
            "action",
            "actions",
            "todo",
            "todos",
            "to do",
            "to dos",
            "next steps",
            "follow up",
            "follow ups",
            "tasks",
            "who owes what",
        ],
        Kind::Actions,
    ),
    (
        &[
            "wins",
            "win",
            "highlights",
            "accomplishments",
            "shipped",
            "done",
        ],
        Kind::Wins,
    ),
    (&["decisions", "decision", "decided"], Kind::Decisions),
    (
        &["status", "updates", "update", "progress"],
        Kind::Context("status is context for the 1:1, not a moment"),
    ),
    (
        &["blockers", "blocker", "blocked", "risks", "risk"],
        Kind::Context("a blocker is context for the 1:1, not a moment"),
    ),
    (
        &[
            "priorities",
            "priority",
            "this week",
            "focus",
            "goals",
            "plan",
        ],
        Kind::Context("a priority is context for the 1:1, not a moment"),
    ),
    (
        &["agenda", "topics", "discussion", "discuss"],
        Kind::Context("an agenda item, not a moment"),
    ),
];

/// A label's words, lower case, punctuation as spaces.
fn words(label: &str) -> String {
    let norm: String = label
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    format!(
        " {} ",
        norm.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// What a heading (or a label on a line of its own) opens, if promo maps it.
pub fn kind_of(label: &str) -> Option<Kind> {
    let norm = words(label);
    WORDS
        .iter()
        .find(|(list, _)| list.iter().any(|w| norm.contains(&format!(" {w} "))))
        .map(|(_, kind)| *kind)
}

/// Words a section's name is made of, besides [`WORDS`].
const LABEL_FILLERS: &[&str] = &[
    "items", "item", "and", "my", "the", "top", "made", "needed", "for", "from", "of", "s",
];

/// Whether a line is only a section's name (`Wins`, `Action items`, `Decisions
/// needed`), not an item that happens to use one of its words.
pub fn is_label(text: &str) -> bool {
    let norm = words(text.trim_end_matches(':'));
    let list: Vec<&str> = norm.split_whitespace().collect();
    !list.is_empty()
        && list.len() <= 4
        && list.iter().all(|w| {
            LABEL_FILLERS.contains(w)
                || WORDS
                    .iter()
                    .any(|(vocab, _)| vocab.iter().any(|v| v.split(' ').any(|p| p == *w)))
        })
}

/// Whether a heading names the 1:1 itself ("1:1 with Tess", "Meeting notes"):
/// its items are the meeting's.
pub fn names_the_meeting(label: &str) -> bool {
    let norm = words(label);
    [
        " 1 1 ",
        " 1on1 ",
        " 1 on 1 ",
        " one on one ",
        " meeting ",
        " sync ",
        " 1x1 ",
    ]
    .iter()
    .any(|w| norm.contains(w))
}

/// Words that fill no template slot: a line of only these (and markers) is a
/// placeholder.
const EMPTY_WORDS: &[&str] = &[
    "none", "n/a", "na", "nothing", "tbd", "tbc", "this", "week", "yet", "by", "me", "manager",
    "todo", "nil", "no", "new", "-", "—", "–", "...", "…", "?",
];

/// Whether a line is an unfilled template slot: `-`, `1)`, `___`, `[Me] ___ by ___`,
/// "none", "n/a", "None this week", "Risk: none".
pub fn is_placeholder(text: &str) -> bool {
    let mut text = text.trim().replace("~~", "");
    // A leading `[Owner]` or `Label:` says whose or what slot it is.
    if let Some(rest) = text.strip_prefix('[')
        && let Some((_, tail)) = rest.split_once(']')
    {
        text = tail.to_string();
    }
    if let Some((label, rest)) = text.split_once(':')
        && label.split_whitespace().count() <= 2
    {
        text = rest.to_string();
    }
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '(' | ')' | '!')))
        .filter(|w| !w.is_empty())
        .all(|w| {
            let lower = w.to_lowercase();
            EMPTY_WORDS.contains(&lower.as_str())
                || w.chars()
                    .all(|c| matches!(c, '_' | '-' | '.' | '*' | ')' | '(' | '#'))
                || (w.len() <= 3
                    && w.trim_end_matches([')', '.'])
                        .chars()
                        .all(|c| c.is_ascii_digit()))
        })
}

/// Keys of a page's property lines (Notion, Confluence exports).
const PROPERTY_KEYS: &[&str] = &[
    "date",
    "attendees",
    "participants",
    "status",
    "created",
    "created by",
    "last edited",
    "last edited time",
    "tags",
    "type",
    "owner",
    "when",
    "meeting date",
];

/// The `Key: value` pairs of a paragraph that is a page's property lines: every
/// line a short key and a value, at least one key a known property.
pub fn properties(lines: &[(usize, String)]) -> Option<Vec<(String, String)>> {
    let pairs: Vec<(String, String)> = lines
        .iter()
        .map(|(_, line)| {
            let (key, value) = line.split_once(':')?;
            let key = key.trim().to_lowercase();
            (key.split_whitespace().count() <= 3 && !key.is_empty())
                .then(|| (key, value.trim().to_string()))
        })
        .collect::<Option<_>>()?;
    pairs
        .iter()
        .any(|(key, _)| PROPERTY_KEYS.contains(&key.as_str()))
        .then_some(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_headings_are_read_by_meaning() {
        assert_eq!(
            kind_of("This week (top priorities)"),
            Some(Kind::Context(
                "a priority is context for the 1:1, not a moment"
            ))
        );
        assert_eq!(kind_of("Wins"), Some(Kind::Wins));
        assert!(matches!(
            kind_of("Status (3 bullets)"),
            Some(Kind::Context(_))
        ));
        assert_eq!(
            kind_of("Decisions / Questions (manager input needed)"),
            Some(Kind::Questions)
        );
        assert_eq!(kind_of("Decisions"), Some(Kind::Decisions));
        assert!(matches!(kind_of("Blockers"), Some(Kind::Context(_))));
        assert_eq!(kind_of("Feedback / Calibration"), Some(Kind::Feedback));
        assert_eq!(kind_of("Action items"), Some(Kind::Actions));
        assert_eq!(kind_of("Notes"), None);
        assert_eq!(kind_of("Personal"), None);
        assert!(names_the_meeting("1:1 with Tess"));
        assert!(!names_the_meeting("Notes"));
    }

    #[test]
    fn placeholders_are_unfilled_slots_only() {
        for empty in [
            "-",
            "1)",
            "___",
            "[Me] ___ by ___",
            "[Manager] ___ by ___",
            "_ by _",
            "none",
            "n/a",
            "None this week",
            "Risk: none",
            "Shipped:",
            "TBD",
        ] {
            assert!(is_placeholder(empty), "{empty:?}");
        }
        for full in [
            "[Me] send the readout by Friday",
            "Risk: the EU launch slips",
            "None of the partner teams were blocked after the fix",
        ] {
            assert!(!is_placeholder(full), "{full:?}");
        }
    }

    #[test]
    fn property_lines_need_a_known_key() {
        let lines =
            |t: &[&str]| -> Vec<(usize, String)> { t.iter().map(|l| (1, l.to_string())).collect() };
        assert!(
            properties(&lines(&[
                "Date: November 17, 2026",
                "Attendees: Mara, Tess"
            ]))
            .is_some()
        );
        assert!(properties(&lines(&["Search: killed the rewrite"])).is_none());
        assert!(properties(&lines(&["Date: Nov 17", "We shipped it and it went well"])).is_none());
    }
}
