//! The sponsor model: what the manager and the skip-level say about the owner, and what
//! the manager does with the promises they made in 1:1s.
//!
//! A sponsor quote is not sponsorship by being a sponsor's. It *endorses* when it claims a
//! level, ownership or a call, or names what the owner changed (it is specific by content,
//! [`signal::names_scope_or_leverage`]) without hedging; it *hedges* when it doubts or
//! conditions the case ("not sure they are ready", "needs to show more … before the next
//! level"); anything else is *generic* ("great launch"). A hedge is the loudest warning a
//! packet can carry: it earns nothing and is never shown as a signal.

use chrono::NaiveDate;
use serde::Serialize;

use super::signal::{self, has_phrase, words};
use crate::log::{CommitmentOwner, Log, Status};
use crate::text::is_one_of;

/// What a sponsor quote says about the case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Claims a level, ownership or a call, or names what the owner changed.
    Endorsing,
    /// Doubts or conditions the case.
    Hedging,
    /// Praise that claims nothing.
    Generic,
}

impl Stance {
    /// The lowercase word used in explanations.
    pub fn word(self) -> &'static str {
        match self {
            Stance::Endorsing => "endorsing",
            Stance::Hedging => "hedging",
            Stance::Generic => "generic",
        }
    }
}

/// Phrases that doubt the case or put a condition on it, matched as whole words.
pub const HEDGE_PHRASES: &[&str] = &[
    "not sure",
    "not yet",
    "not ready",
    "not there",
    "not quite",
    "not convinced",
    "isn't ready",
    "is not ready",
    "would like to see",
    "want to see",
    "wants to see",
    "getting there",
    "too early",
    "too soon",
    "next cycle",
    "still learning",
    "still growing",
];

/// Phrases of need ("needs to show more"), which hedge unless negated ("I didn't have
/// to step in").
pub const NEED_PHRASES: &[&str] = &["needs to", "need to", "has to", "have to"];

/// Words that negate a following need.
const NEGATIONS: &[&str] = &[
    "didn't",
    "didn’t",
    "don't",
    "don’t",
    "doesn't",
    "doesn’t",
    "never",
    "not",
    "no",
];

/// Words that put a condition on the case wherever they appear.
pub const HEDGE_WORDS: &[&str] = &["if", "unless", "until"];

/// Words after `before` that make it a condition on the case ("before the next level",
/// "before she is ready"), not a date ("a week before launch").
pub const BEFORE_CONDITIONS: &[&str] = &[
    "next",
    "promotion",
    "promoting",
    "calibration",
    "being",
    "moving",
    "stepping",
    "taking",
    "they",
    "she",
    "he",
    "i",
    "we",
    "staff",
    "senior",
    "principal",
];

/// Words after `once` that make it a condition ("once she shows it"), not a count
/// ("I didn't have to step in once").
pub const ONCE_CONDITIONS: &[&str] = &[
    "she", "he", "they", "we", "i", "there", "she's", "he's", "they've", "we've", "that", "this",
];

/// Whether `word` is a level name such as `L6` or `M2`.
fn is_level_name(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(chars.next(), Some('l' | 'L' | 'm' | 'M'))
        && chars.clone().next().is_some()
        && chars.all(|c| c.is_ascii_digit())
}

/// Whether `text` doubts or conditions the case.
pub fn hedges(text: &str) -> bool {
    hedges_in(&words(text))
}

/// [`hedges`] on the words of a quote, split once by the caller.
pub(super) fn hedges_in(words: &[&str]) -> bool {
    if words.iter().any(|word| is_one_of(word, HEDGE_WORDS)) {
        return true;
    }
    let conditional = |at: &str, after: &[&str]| {
        words.windows(2).any(|pair| {
            is_one_of(pair[0], &[at])
                && (is_one_of(pair[1], after) || (at == "before" && is_level_name(pair[1])))
        })
    };
    // Every need phrase is two words: the need, then `to`.
    let needs = NEED_PHRASES.iter().any(|phrase| {
        let (need, to) = phrase.split_once(' ').unwrap_or((phrase, ""));
        words.windows(2).enumerate().any(|(i, pair)| {
            pair[0].eq_ignore_ascii_case(need)
                && pair[1].eq_ignore_ascii_case(to)
                && (i == 0 || !is_one_of(words[i - 1], NEGATIONS))
        })
    });
    needs
        || conditional("before", BEFORE_CONDITIONS)
        || conditional("once", ONCE_CONDITIONS)
        || HEDGE_PHRASES.iter().any(|phrase| has_phrase(words, phrase))
}

/// The stance of a manager's or skip-level's quote: a hedge outweighs anything else
/// the quote claims.
pub fn stance(text: &str) -> Stance {
    signal::read(text).stance()
}

/// One of the manager's commitments that was not kept, with its moment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Missed {
    /// The id of the public moment it was made on.
    pub moment: String,
    /// What the manager promised.
    pub what: String,
    /// When it was due, if a date was agreed.
    pub due: Option<NaiveDate>,
    /// `broken`, or `overdue` for one still open past its date.
    pub state: &'static str,
}

/// The manager's own follow-through: the commitments they made in 1:1s, by status.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SponsorRecord {
    /// Done as promised.
    pub held: usize,
    /// Marked broken.
    pub broken: usize,
    /// Still open past their due date: broken in all but name.
    pub overdue: usize,
    /// Open and not yet due.
    pub open: usize,
    /// Let go by agreement: neither kept nor broken.
    pub dropped: usize,
    /// The broken and overdue ones, in file order.
    pub missed: Vec<Missed>,
}

impl SponsorRecord {
    /// The commitments that count: every one not dropped by agreement.
    pub fn total(&self) -> usize {
        self.held + self.broken + self.overdue + self.open
    }

    /// Broken or overdue: promises the manager did not keep.
    pub fn not_kept(&self) -> usize {
        self.broken + self.overdue
    }

    /// One line for the owner: "2 held, 3 broken, 1 open (1 overdue)".
    pub fn summary(&self) -> String {
        let open = self.open + self.overdue;
        let mut line = format!("{} held, {} broken, {open} open", self.held, self.broken);
        if self.overdue > 0 {
            line.push_str(&format!(" ({} overdue)", self.overdue));
        }
        if self.dropped > 0 {
            line.push_str(&format!(", {} dropped", self.dropped));
        }
        line
    }
}

/// The manager's record over the public moments of `log`, as of `today`.
pub fn record(log: &Log, today: NaiveDate) -> SponsorRecord {
    let mut record = SponsorRecord::default();
    for moment in &log.moments {
        for c in moment
            .commitments
            .iter()
            .filter(|c| c.owner == CommitmentOwner::Manager)
        {
            let missed = match c.status {
                Status::Held => {
                    record.held += 1;
                    None
                }
                Status::Dropped => {
                    record.dropped += 1;
                    None
                }
                Status::Broken => {
                    record.broken += 1;
                    Some("broken")
                }
                Status::Open if c.is_overdue(today) => {
                    record.overdue += 1;
                    Some("overdue")
                }
                Status::Open => {
                    record.open += 1;
                    None
                }
            };
            if let Some(state) = missed {
                record.missed.push(Missed {
                    moment: moment.id.clone(),
                    what: c.what.clone(),
                    due: c.due,
                    state,
                });
            }
        }
    }
    record
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::testing::{date, log, moment};
    use crate::log::{Commitment, Reach, Tag};

    #[test]
    fn hedges_from_the_issue_hedge_whatever_else_they_claim() {
        for text in [
            "Not sure they are ready to own an org-level area yet.",
            "Needs to show more leadership before the next level.",
            "He is doing staff-level work. I need to see the same pattern on a second system.",
            "If she keeps this up, L6 next year.",
            "Once she shows it across the org, I'll back it.",
            "Strong, but I want to see it before L6.",
        ] {
            assert_eq!(stance(text), Stance::Hedging, "{text}");
        }
    }

    #[test]
    fn endorsements_and_generic_praise() {
        for text in [
            "That is an L6 call.",
            "She brought Seller Tools round with data, not escalation. I didn't have to step in once.",
            "Her checklist caught it a week before launch.",
            "She owns the org-level roadmap now.",
            "Right call, and early.",
        ] {
            assert_eq!(stance(text), Stance::Endorsing, "{text}");
        }
        for text in [
            "Great launch!",
            "Nice work, really proud of you.",
            "A real team player.",
        ] {
            assert_eq!(stance(text), Stance::Generic, "{text}");
        }
    }

    #[test]
    fn the_managers_record_counts_only_the_managers_public_commitments() {
        let commitment = |owner, status, due: &str| Commitment {
            owner,
            what: "raise the scope ask".into(),
            due: Some(date(due)),
            status,
        };
        let mut m = moment("m1", "2026-07-07", Tag::Scope, Reach::Team);
        m.commitments = vec![
            commitment(CommitmentOwner::Manager, Status::Held, "2026-07-10"),
            commitment(CommitmentOwner::Manager, Status::Broken, "2026-07-10"),
            commitment(CommitmentOwner::Manager, Status::Open, "2026-08-10"),
            commitment(CommitmentOwner::Manager, Status::Open, "2026-12-10"),
            commitment(CommitmentOwner::Manager, Status::Dropped, "2026-07-10"),
            commitment(CommitmentOwner::Me, Status::Broken, "2026-07-10"),
        ];
        let mut hidden = moment("m2", "2026-07-08", Tag::Scope, Reach::Team);
        hidden.private = true;
        hidden.commitments = vec![commitment(
            CommitmentOwner::Manager,
            Status::Broken,
            "2026-07-10",
        )];
        let record = record(&log(&["p"], vec![m, hidden]), date("2026-11-21"));
        assert_eq!(
            (
                record.held,
                record.broken,
                record.overdue,
                record.open,
                record.dropped
            ),
            (1, 1, 1, 1, 1)
        );
        assert_eq!(record.total(), 4);
        assert_eq!(record.not_kept(), 2);
        assert_eq!(
            record.summary(),
            "1 held, 1 broken, 2 open (1 overdue), 1 dropped"
        );
        let states: Vec<(&str, &str)> = record
            .missed
            .iter()
            .map(|m| (m.moment.as_str(), m.state))
            .collect();
        assert_eq!(states, [("m1", "broken"), ("m1", "overdue")]);
    }
}
