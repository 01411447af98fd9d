//! Feedback lines as quotes: `Tess: "…"`, `Priya (peer): …`, `"…" — Dana (skip)`.
//! A line with no speaker is taken as the manager's (feedback in a 1:1 doc usually
//! is), and a speaker who is not the manager as a peer: both are marked guessed.

use super::infer::{looks_like_name, person};
use super::{DraftQuote, People};
use crate::log::{CommitmentOwner, Quote, Role};

/// Reads a feedback line. `quoted_only` accepts only lines with quotation marks
/// (for lines outside a Feedback heading, where plain text is something else).
pub fn parse(text: &str, quoted_only: bool, people: &People) -> Option<DraftQuote> {
    let text = text.trim();
    let (speaker, said) = split_speaker(text);
    let unquoted = unquote(said);
    if unquoted.is_empty() || (quoted_only && (speaker.is_none() || unquoted == said.trim())) {
        return None;
    }
    let mut guesses = Vec::new();
    let (by, role) = match speaker {
        Some((name, role_word)) => {
            let resolved = person(name, people);
            let by = match resolved {
                CommitmentOwner::Manager => people.manager.clone(),
                CommitmentOwner::Me => people.owner.clone(),
                CommitmentOwner::Other(name) => name,
            };
            let role = match role_word.and_then(role_of) {
                Some(role) => role,
                None if by == people.manager => Role::Manager,
                None => {
                    guesses.push((
                        "role",
                        format!("{by}'s role is not in the notes; taken as a peer"),
                    ));
                    Role::Peer
                }
            };
            (by, role)
        }
        None => {
            guesses.push((
                "by",
                "the feedback names no one; taken as your manager's".to_string(),
            ));
            (people.manager.clone(), Role::Manager)
        }
    };
    Some(DraftQuote {
        quote: Quote {
            by,
            role,
            text: unquoted,
        },
        guesses,
    })
}

/// A speaker label: `Name` or `Name (role)`.
fn named(label: &str) -> Option<(&str, Option<&str>)> {
    let label = label.trim();
    let (name, role) = match label.split_once('(') {
        Some((name, rest)) => (name.trim(), Some(rest.trim_end_matches(')').trim())),
        None => (label, None),
    };
    // "Good call: ship it" is not a speaker: names are capitalised or @handles.
    let capitalised = name
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '@'));
    (looks_like_name(name) && capitalised).then_some((name, role))
}

/// `Name (role): said` or `"said" — Name (role)` → the speaker (with a role word,
/// if given) and what was said.
fn split_speaker(text: &str) -> (Option<(&str, Option<&str>)>, &str) {
    if let Some((label, said)) = text.split_once(':')
        && let Some(speaker) = named(label)
    {
        return (Some(speaker), said.trim());
    }
    for dash in [" — ", " – ", " - ", "—"] {
        if let Some((said, label)) = text.rsplit_once(dash)
            && is_quoted(said)
            && let Some(speaker) = named(label)
        {
            return (Some(speaker), said.trim());
        }
    }
    (None, text)
}

fn is_quoted(text: &str) -> bool {
    let text = text.trim();
    ["\"", "“", "'", "‘"].iter().any(|q| text.starts_with(q))
}

fn unquote(text: &str) -> String {
    text.trim()
        .trim_start_matches(['"', '“', '”', '\'', '‘'])
        .trim_end_matches(['"', '“', '”', '\'', '’'])
        .trim()
        .to_string()
}

fn role_of(word: &str) -> Option<Role> {
    match word.to_lowercase().as_str() {
        "manager" | "mgr" => Some(Role::Manager),
        "skip" | "skip-level" | "skip level" => Some(Role::Skip),
        "peer" => Some(Role::Peer),
        "stakeholder" | "partner" => Some(Role::Stakeholder),
        "report" | "direct report" => Some(Role::Report),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_roles_and_guesses() {
        let q = parse("Tess: \"Good call.\"", false, &People::testing()).expect("quote");
        assert_eq!(
            (q.quote.by.as_str(), q.quote.role, q.quote.text.as_str()),
            ("Tess Obi", Role::Manager, "Good call.")
        );
        assert!(q.guesses.is_empty());
        let q = parse(
            "Priya (peer): saved my team a sprint",
            false,
            &People::testing(),
        )
        .expect("quote");
        assert_eq!((q.quote.by.as_str(), q.quote.role), ("Priya", Role::Peer));
        let q = parse("“Ship it.” — Dana Reyes (skip)", false, &People::testing()).expect("quote");
        assert_eq!(
            (q.quote.by.as_str(), q.quote.role, q.quote.text.as_str()),
            ("Dana Reyes", Role::Skip, "Ship it.")
        );
        let q = parse("Push harder on scope", false, &People::testing()).expect("plain");
        assert_eq!(q.quote.by, "Tess Obi");
        assert_eq!(q.guesses.len(), 1);
        let q = parse("Kim: clear writing", false, &People::testing()).expect("peer guess");
        assert_eq!((q.quote.role, q.guesses[0].0), (Role::Peer, "role"));
        assert!(parse("Impact: +2%", true, &People::testing()).is_none());
        let q = parse("Good call: ship it", false, &People::testing()).expect("no speaker");
        assert_eq!(
            (q.quote.by.as_str(), q.quote.text.as_str()),
            ("Tess Obi", "Good call: ship it")
        );
    }
}
