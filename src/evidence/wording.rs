//! Whether a `what` opens with a decision ("Cut", "Chose") or a task ("Shipped", "Worked on").
//!
//! Calibration readers judge altitude from the first words: the same work reads as
//! judgment when it opens with the call that was made, and as a diary when it opens
//! with the activity. Only the opening is read, so the rule is easy to predict and to fix.

use crate::text::is_one_of;

/// How a moment's description opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    /// A decision verb: reads as judgment.
    Decision,
    /// A task verb: reads as activity.
    Task,
    /// Neither.
    Other,
}

/// Verbs (lowercase) that open a sentence about judgment.
pub const DECISION_VERBS: &[&str] = &[
    "decided",
    "chose",
    "cut",
    "killed",
    "traded",
    "escalated",
    "dropped",
    "stopped",
    "paused",
    "prioritised",
    "prioritized",
    "deprioritised",
    "deprioritized",
    "vetoed",
    "pushed",
    "reframed",
    "rejected",
    "redirected",
    "descoped",
    "bet",
    "committed",
    "set",
    "negotiated",
    "overruled",
    "scoped",
    "sequenced",
    "consolidated",
    "proposed",
    "convinced",
    "changed",
    "moved",
    "delayed",
    "held",
    "pulled",
    "reversed",
    "merged",
    "retired",
    "picked",
    "declined",
    "deferred",
    "postponed",
    "refused",
    "opted",
    "insisted",
    "argued",
    "recommended",
    "challenged",
    "froze",
    "capped",
];

/// Verbs (lowercase) that open a sentence about a task.
pub const TASK_VERBS: &[&str] = &[
    "shipped",
    "built",
    "worked",
    "launched",
    "helped",
    "ran",
    "did",
    "made",
    "created",
    "wrote",
    "updated",
    "fixed",
    "attended",
    "completed",
    "finished",
    "implemented",
    "delivered",
    "supported",
    "organised",
    "organized",
    "presented",
    "handled",
    "managed",
    "coordinated",
    "released",
    "started",
    "continued",
    "drafted",
    "prepared",
    "reviewed",
    "documented",
    "tested",
    "migrated",
    "participated",
    "joined",
    "assisted",
    "answered",
    "groomed",
];

/// Openings of two or three words that read differently from their first word alone
/// ("set up" is a task although "set" alone is a call; "said no" is a call).
pub const PHRASES: &[(&str, Opening)] = &[
    ("said no", Opening::Decision),
    ("pushed back", Opening::Decision),
    ("traded off", Opening::Decision),
    ("called off", Opening::Decision),
    ("turned down", Opening::Decision),
    ("pulled the plug", Opening::Decision),
    ("drew the line", Opening::Decision),
    ("set up", Opening::Task),
    ("worked on", Opening::Task),
    ("helped with", Opening::Task),
    ("followed up", Opening::Task),
    ("picked up", Opening::Other),
    ("moved on", Opening::Other),
];

/// The words of `what` as written, without surrounding punctuation, skipping leading
/// tokens with no letter (a list marker like `-`, `#` or `1.`).
fn words(what: &str) -> impl Iterator<Item = &str> {
    what.split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .skip_while(|word| !word.chars().any(char::is_alphabetic))
}

/// Classifies the opening of `what`: a known phrase first, then the first word.
/// Words are compared without copying them: this runs for every moment, more than once.
pub fn opening(what: &str) -> Opening {
    let mut first = [""; 3];
    let mut n = 0;
    for (slot, word) in first.iter_mut().zip(words(what)) {
        *slot = word;
        n += 1;
    }
    let words = &first[..n];
    for (phrase, kind) in PHRASES {
        // The words lead the zip, so a phrase longer than the words is left unfinished.
        let mut wanted = phrase.split(' ');
        if words
            .iter()
            .zip(wanted.by_ref())
            .all(|(word, wanted)| is_one_of(word, &[wanted]))
            && wanted.next().is_none()
        {
            return *kind;
        }
    }
    let first = words.first().copied().unwrap_or("");
    if is_one_of(first, DECISION_VERBS) {
        Opening::Decision
    } else if is_one_of(first, TASK_VERBS) {
        Opening::Task
    } else {
        Opening::Other
    }
}

/// The opening word of `what` as written, for explanations ("“Killed”").
pub fn first_word(what: &str) -> &str {
    words(what).next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_and_task_openings_from_the_fixtures() {
        for what in [
            "Killed the in-house pay-later lending build",
            "Traded off same-second payouts for a 30-minute SLA",
            "Chose the existing ledger service",
            "Said no to a custom experiment dashboard",
            "Set listing drop-off, seller churn and support contacts as the required guardrails",
            "Picked the annual plan toggle over the coupon field",
            "  \"Decided\" to hold the beta",
            "# Chose option A",
            "1. - Cut the scope",
        ] {
            assert_eq!(opening(what), Opening::Decision, "{what}");
        }
        for what in [
            "Shipped the seller fee dashboard",
            "Worked on the Q3 fee test roadmap",
            "Launched pay-later with the partner",
            "Set up a weekly design/eng/product triage",
            "Presented the fee guardrails at the company product review",
            "Ran sprint planning",
        ] {
            assert_eq!(opening(what), Opening::Task, "{what}");
        }
        for what in [
            "Asked Sam to hand me the seller fee experiments",
            "Picked up the chargeback rules backlog",
            "Unblocked the partner integration",
            "",
            "Said",
        ] {
            assert_eq!(opening(what), Opening::Other, "{what}");
        }
    }

    #[test]
    fn first_word_keeps_the_case_and_drops_punctuation() {
        assert_eq!(first_word("“Killed” the build"), "Killed");
        assert_eq!(first_word("- 1. Wrote it"), "Wrote");
        assert_eq!(first_word(""), "");
    }
}
