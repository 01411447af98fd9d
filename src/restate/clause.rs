//! Turning a log's first-person notes into what a manager can say aloud about the
//! owner: third person, a natural first letter, and shorter versions cut only where
//! a clause ends, never in the middle of one.

use std::collections::HashSet;

use crate::log::Log;

/// Words that start a subordinate clause: cutting just before one leaves the main
/// clause whole ("Killed the fee test | once the guardrail showed…").
const CLAUSE_OPENERS: &[&str] = &[
    "after", "because", "once", "so", "rather", "instead", "when", "while", "since", "until",
    "before", "which", "whereas", "although", "though", "unless",
];

/// Words a shortened clause must not end on: it would leave the listener hanging.
const DANGLING: &[&str] = &[
    "a", "an", "the", "to", "of", "for", "with", "and", "or", "but", "by", "in", "on", "at",
    "from", "into", "as", "that", "than", "my", "our", "their", "its", "his", "her", "is", "are",
    "was", "were", "be", "not", "no",
];

/// A shortened clause keeps at least this many words, so it still says something.
const MIN_CLAUSE_WORDS: usize = 3;

/// `text` with white space folded and closing punctuation removed, then every shorter
/// version that ends where a clause ends, longest first. Each is a whole clause: it
/// never ends on an article or a preposition, or inside quotes or parentheses.
pub fn prefixes(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    let full = trim_end(&words.join(" "));
    if full.is_empty() {
        return out;
    }
    out.push(full);
    for end in (MIN_CLAUSE_WORDS..words.len()).rev() {
        let last = words[end - 1];
        let next = words[end];
        let ends_clause = last.ends_with([',', ';', ':'])
            || (last.ends_with(['.', '!', '?']) && next.starts_with(char::is_uppercase))
            || matches!(next, "—" | "–" | "-" | "--")
            || CLAUSE_OPENERS.contains(&bare(next).to_lowercase().as_str());
        if !ends_clause || !balanced(&words[..end]) {
            continue;
        }
        let candidate = trim_end(&words[..end].join(" "));
        let last_word = candidate.rsplit(' ').next().map(bare).unwrap_or_default();
        if DANGLING.contains(&last_word.to_lowercase().as_str()) {
            continue;
        }
        if candidate.split_whitespace().count() >= MIN_CLAUSE_WORDS && !out.contains(&candidate) {
            out.push(candidate);
        }
    }
    out
}

/// Removes closing punctuation and dashes a clause of our own will replace.
fn trim_end(text: &str) -> String {
    text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '—' | '–' | '-')
    })
    .to_string()
}

/// Whether quotes and parentheses opened in `words` are closed again.
fn balanced(words: &[&str]) -> bool {
    let mut parens = 0i32;
    let mut straight = 0usize;
    let mut curly = 0i32;
    for c in words.iter().flat_map(|w| w.chars()) {
        match c {
            '(' => parens += 1,
            ')' => parens -= 1,
            '"' => straight += 1,
            '“' => curly += 1,
            '”' => curly -= 1,
            _ => {}
        }
    }
    parens == 0 && curly == 0 && straight.is_multiple_of(2)
}

/// A word without the punctuation around it.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// How a restatement speaks about the owner: by first name, and with the log's own
/// capitalisation deciding which words are names.
pub struct Voice {
    /// The owner's first name.
    first: String,
    /// Words the log writes capitalised in mid-sentence, or that are part of a
    /// person's name: they keep their capital at the start of a clause.
    proper: HashSet<String>,
}

impl Voice {
    /// Learns the names and proper nouns of `log` (public text only).
    pub fn new(log: &Log) -> Self {
        let mut proper: HashSet<String> = HashSet::new();
        // Project names are left out: they are often common words ("Pay later").
        let mut names: Vec<&str> = vec![log.owner.name.as_str(), log.manager.as_str()];
        for moment in &log.moments {
            names.extend(moment.witnesses.iter().map(String::as_str));
            names.extend(moment.quotes.iter().map(|q| q.by.as_str()));
            for text in std::iter::once(moment.what.as_str()).chain(moment.impact.as_deref()) {
                collect_mid_sentence_capitals(text, &mut proper);
            }
        }
        // The same few names come back on every moment: read each one once.
        let mut seen: HashSet<&str> = HashSet::new();
        for name in names.into_iter().filter(|name| seen.insert(name)) {
            for word in name.split_whitespace().map(core) {
                if !proper.contains(word) {
                    proper.insert(word.to_string());
                }
            }
        }
        let first = crate::text::first_name(&log.owner.name).to_string();
        Self { first, proper }
    }

    /// The owner's first name.
    pub fn first(&self) -> &str {
        &self.first
    }

    /// `text` said about the owner: "me", "my", "I" become the owner's first name, and
    /// the first letter is lowered unless the first word is a name or an acronym.
    pub fn speak(&self, text: &str) -> String {
        let spoken = self.third_person(text);
        self.lower_first(&spoken)
    }

    /// Whether `text` (already in third person) opens with a verb, so it reads after
    /// the owner's name: "Killed…", "Asked…", "Took…".
    pub fn opens_with_verb(text: &str) -> bool {
        let first = text
            .split_whitespace()
            .next()
            .map(bare)
            .unwrap_or_default()
            .to_lowercase();
        use crate::evidence::wording::{DECISION_VERBS, TASK_VERBS};
        first.len() > 3 && first.ends_with("ed")
            || DECISION_VERBS.contains(&first.as_str())
            || TASK_VERBS.contains(&first.as_str())
            || IRREGULAR_PAST.contains(&first.as_str())
    }

    /// Rewrites the owner's first-person words in third person.
    fn third_person(&self, text: &str) -> String {
        let first = self.first.as_str();
        let mut out: Vec<String> = Vec::new();
        for word in text.split_whitespace() {
            let start = word
                .find(|c: char| c.is_alphanumeric())
                .unwrap_or(word.len());
            let end = word
                .rfind(|c: char| c.is_alphanumeric())
                .map_or(start, |i| {
                    i + word[i..].chars().next().map_or(1, char::len_utf8)
                });
            let (before, middle, after) = (
                &word[..start],
                &word[start..end.max(start)],
                &word[end.max(start)..],
            );
            let normal = middle.replace('’', "'");
            let replaced = match normal.as_str() {
                "I" | "me" | "Me" | "myself" | "Myself" => Some(first.to_string()),
                "my" | "My" | "mine" | "Mine" => Some(format!("{first}'s")),
                "I'm" => Some(format!("{first} is")),
                "I've" => Some(format!("{first} has")),
                "I'd" => Some(format!("{first} would")),
                "I'll" => Some(format!("{first} will")),
                _ => None,
            };
            match replaced {
                Some(new) => out.push(format!("{before}{new}{after}")),
                None => out.push(word.to_string()),
            }
        }
        out.join(" ")
    }

    /// Lowers the first letter unless the first word is a proper noun or an acronym.
    fn lower_first(&self, text: &str) -> String {
        let Some(word) = text.split_whitespace().next() else {
            return String::new();
        };
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        let capitalised = letters.first().is_some_and(|c| c.is_uppercase())
            && letters.iter().skip(1).all(|c| c.is_lowercase())
            && !word.chars().any(|c| c.is_ascii_digit());
        if !capitalised || self.proper.contains(core(word)) || word.starts_with(['“', '"', '\''])
        {
            return text.to_string();
        }
        let mut chars = text.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

/// Common irregular past-tense verbs a `what` opens with.
const IRREGULAR_PAST: &[&str] = &[
    "took",
    "got",
    "wrote",
    "ran",
    "made",
    "built",
    "led",
    "gave",
    "brought",
    "set",
    "cut",
    "put",
    "sent",
    "told",
    "kept",
    "held",
    "chose",
    "drove",
    "won",
    "began",
    "drew",
    "found",
    "hit",
    "left",
    "met",
    "paid",
    "saw",
    "sold",
    "spent",
    "stood",
    "taught",
    "thought",
    "went",
    "bet",
    "rebuilt",
    "undertook",
    "overrode",
    "withdrew",
    "froze",
    "shut",
    "split",
    "spun",
    "sought",
    "taught",
    "caught",
    "fought",
    "struck",
    "became",
    "brokered",
    "said",
    "turned",
    "handed",
];

/// A word without surrounding punctuation or a possessive ending.
fn core(word: &str) -> &str {
    let bare = bare(word);
    bare.strip_suffix("'s")
        .or_else(|| bare.strip_suffix("’s"))
        .unwrap_or(bare)
}

/// Adds the capitalised words of `text` that do not open a sentence: the log's own
/// proper nouns ("Treasury", "Legal").
fn collect_mid_sentence_capitals(text: &str, into: &mut HashSet<String>) {
    // Most lines have no capital past their first letter, and that is quick to see in
    // plain ASCII: every word but the first is lowercase then, so there is nothing to add.
    if text.is_ascii() && !text.bytes().skip(1).any(|b| b.is_ascii_uppercase()) {
        return;
    }
    let mut sentence_start = true;
    for word in text.split_whitespace() {
        let core = core(word);
        if !sentence_start
            && core.chars().next().is_some_and(char::is_uppercase)
            && !into.contains(core)
        {
            into.insert(core.to_string());
        }
        sentence_start = word.ends_with(['.', '!', '?', ':', ';']);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::testing::{log, moment};
    use crate::log::{Reach, Tag};

    #[test]
    fn shorter_versions_end_where_a_clause_ends() {
        let cuts = prefixes(
            "Killed the in-house pay-later lending build and recommended a partner integration, after pressure-testing the credit-loss model with Finance.",
        );
        assert_eq!(
            cuts,
            [
                "Killed the in-house pay-later lending build and recommended a partner integration, after pressure-testing the credit-loss model with Finance",
                "Killed the in-house pay-later lending build and recommended a partner integration",
            ]
        );
        let cuts = prefixes(
            "Killed the flat 1% seller fee increase test once the long-tail guardrail showed new listings falling",
        );
        assert_eq!(cuts[1], "Killed the flat 1% seller fee increase test");
        assert!(prefixes("   ").is_empty());
    }

    #[test]
    fn no_cut_inside_quotes_or_after_an_article() {
        let cuts = prefixes("Said “no, because the data is thin” to the plan, after the review");
        assert_eq!(
            cuts,
            [
                "Said “no, because the data is thin” to the plan, after the review",
                "Said “no, because the data is thin” to the plan"
            ]
        );
        let cuts = prefixes("Moved the launch to the, because reasons");
        assert_eq!(cuts.len(), 1);
    }

    #[test]
    fn first_person_becomes_the_owner_and_names_keep_their_capital() {
        let mut m = moment("m1", "2026-01-01", Tag::Scope, Reach::Team);
        m.what = "Took on discovery with Treasury when Sam asked me".into();
        m.impact = Some("Payouts brief approved".into());
        let voice = Voice::new(&log(&["p"], vec![m]));
        assert_eq!(
            voice.speak("Asked Sam to hand me my first fee test"),
            "asked Sam to hand Ana Ana's first fee test"
        );
        assert_eq!(
            voice.speak("Treasury's buffer left intact"),
            "Treasury's buffer left intact"
        );
        assert_eq!(
            voice.speak("Payouts close cut to 1.5 days"),
            "payouts close cut to 1.5 days"
        );
        assert_eq!(voice.speak("GA on 2026-09-15"), "GA on 2026-09-15");
        assert_eq!(
            voice.speak("iOS kept its launches"),
            "iOS kept its launches"
        );
        assert_eq!(
            voice.speak("I’m the owner (me)."),
            "Ana is the owner (Ana)."
        );
    }

    #[test]
    fn verbs_are_told_from_noun_phrases() {
        for text in [
            "Killed the build",
            "Asked for the roadmap",
            "Took over",
            "Wrote a guide",
            "Unblocked Risk",
        ] {
            assert!(Voice::opens_with_verb(text), "{text}");
        }
        for text in [
            "Ana's proposal was adopted",
            "The payments roadmap was cut",
            "Finance agreed",
        ] {
            assert!(!Voice::opens_with_verb(text), "{text}");
        }
    }
}
