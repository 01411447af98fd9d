//! Reading quotes: is a quote *specific* — does it say what the owner did and what it
//! changed — or is it generic praise?
//!
//! A calibration room discounts "great to work with" and "a real team player": they say
//! nothing about level. A quote carries weight when its content does: a number, a claim
//! about scope or level, a call that was made, an action with what it changed, or an
//! artefact others now use. The words around the content do not decide it: pronouns
//! (`we`, `our`, `my`) and the word `team` appear in vague praise as often as in real
//! evidence ("our team loved it"), so they count for nothing, and a concrete line
//! without them ("made the case with data and the director agreed") still counts.
//!
//! The packet's three signals (the sponsor, peers, the outcome) are picked here too,
//! so that what the packet shows is what the scoring counted.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::ScoredMoment;
use super::corroboration::is_corroborated;
use super::impact;
use super::sponsor::{self, Stance};
use crate::log::{Quote, Role};

/// Words that claim scope or level: how far the work reached, what the owner owns, or
/// the level it shows.
pub const SCOPE_WORDS: &[&str] = &[
    "own",
    "owned",
    "owns",
    "ownership",
    "owner",
    "scope",
    "org",
    "orgs",
    "company",
    "across",
    "cross-team",
    "level",
    "staff",
    "senior",
    "principal",
    "director",
    "directors",
    "vp",
    "vps",
    "exec",
    "executive",
    "executives",
    "leadership",
];

/// Words that name a call: judgment, a decision, a trade-off.
pub const JUDGMENT_WORDS: &[&str] = &[
    "call",
    "calls",
    "decision",
    "decisions",
    "decided",
    "chose",
    "judgment",
    "judgement",
    "tradeoff",
    "trade-off",
    "trade-offs",
    "killed",
    "vetoed",
    "overruled",
    "prioritised",
    "prioritized",
];

/// Verbs of an action that changed something for someone: what was unblocked, saved,
/// caught, adopted or agreed.
pub const CHANGE_WORDS: &[&str] = &[
    "unblock",
    "unblocked",
    "unblocks",
    "saved",
    "saves",
    "caught",
    "prevented",
    "avoided",
    "switched",
    "reused",
    "adopted",
    "agreed",
    "changed",
    "replaced",
    "reduced",
    "removed",
    "closed",
    "locked",
    "convinced",
    "persuaded",
    "brought",
    "gave",
    "won",
    "protected",
    "escalated",
    "built",
    "rewrote",
    "defined",
    "led",
    "lead",
    "drove",
    "moved",
    "cut",
];

/// Artefacts others use: naming one makes a quote checkable.
pub const ARTEFACT_WORDS: &[&str] = &[
    "template",
    "playbook",
    "runbook",
    "guide",
    "checklist",
    "standard",
    "framework",
    "guardrail",
    "guardrails",
    "dashboard",
    "spec",
    "contract",
    "roadmap",
    "cache",
    "rubric",
    "memo",
    "proposal",
    "plan",
    "pipeline",
    "process",
    "rhythm",
    "format",
];

/// Phrases of two or three words that name a call ("made the case", "said no").
pub const JUDGMENT_PHRASES: &[&str] = &[
    "made the case",
    "said no",
    "pushed back",
    "trade off",
    "traded off",
    "drew the line",
];

/// The words of `text` as written, split at anything that is not a letter, a digit, an
/// apostrophe or a hyphen inside a word.
pub(super) fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
        .collect()
}

/// Whether `words` holds `phrase` (lowercase, space-separated) as consecutive words.
/// Compared in place: this runs for every quote of a log, several phrases each.
/// The phrase is split only where its first word matches: most words of a quote start
/// no phrase, and splitting every phrase at every word was most of reading a quote.
pub(super) fn has_phrase(words: &[&str], phrase: &str) -> bool {
    let (first, rest) = phrase.split_once(' ').unwrap_or((phrase, ""));
    words.iter().enumerate().any(|(i, word)| {
        word.eq_ignore_ascii_case(first) && {
            let mut after = words[i + 1..].iter();
            rest.split(' ')
                .filter(|want| !want.is_empty())
                .all(|want| after.next().is_some_and(|w| w.eq_ignore_ascii_case(want)))
        }
    })
}

/// Every word that makes a quote specific, lowercase: the four lists in one set, built once.
fn specific_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        [SCOPE_WORDS, JUDGMENT_WORDS, CHANGE_WORDS, ARTEFACT_WORDS]
            .iter()
            .flat_map(|list| list.iter().copied())
            .collect()
    })
}

/// Whether `word`, lowercased, is in `set`; lowercases into `buffer` only when needed.
fn in_set(word: &str, set: &HashSet<&str>, buffer: &mut String) -> bool {
    if !word.chars().any(char::is_uppercase) {
        return set.contains(word);
    }
    buffer.clear();
    buffer.extend(word.chars().flat_map(char::to_lowercase));
    set.contains(buffer.as_str())
}

/// Whether the words are specific: a word of the lists (or a part of a hyphenated word:
/// `org-level`), or a judgment phrase.
pub(super) fn specific_in(words: &[&str]) -> bool {
    let set = specific_words();
    let mut buffer = String::new();
    words.iter().any(|word| {
        in_set(word, set, &mut buffer)
            || (word.contains('-') && word.split('-').any(|part| in_set(part, set, &mut buffer)))
    }) || JUDGMENT_PHRASES
        .iter()
        .any(|phrase| has_phrase(words, phrase))
}

/// True when the quote is specific by content: a number, a scope or level claim, a
/// call, an action with what it changed, or a named artefact.
pub fn names_scope_or_leverage(text: &str) -> bool {
    read(text).specific
}

/// What one reading of a quote finds: whether it is specific, and whether it hedges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    /// Specific by content ([`names_scope_or_leverage`]).
    pub specific: bool,
    /// Doubts or conditions the case ([`sponsor::hedges`]).
    pub hedges: bool,
}

impl Reading {
    /// Whether the quote stands behind its moment: specific and not hedging.
    pub fn corroborates(self) -> bool {
        self.specific && !self.hedges
    }

    /// The stance this reading gives a sponsor's quote: a hedge outweighs anything else.
    pub fn stance(self) -> Stance {
        if self.hedges {
            Stance::Hedging
        } else if self.specific {
            Stance::Endorsing
        } else {
            Stance::Generic
        }
    }
}

/// Reads a quote once: its words are split a single time for both questions.
pub fn read(text: &str) -> Reading {
    let words = words(text);
    Reading {
        specific: impact::is_quantified(text) || specific_in(&words),
        hedges: sponsor::hedges_in(&words),
    }
}

/// What the packet can show for the sponsor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SponsorSignal<'a> {
    /// An endorsing quote: the sponsor's signal.
    Endorsing(&'a Quote),
    /// Only generic praise: worth little, and the packet says so.
    GenericOnly(&'a Quote),
    /// Every sponsor quote hedges: never shown as a signal.
    HedgingOnly,
    /// No sponsor quote at all.
    None,
}

/// The sponsor's signal from the strongest moments first: the manager's endorsing
/// quote, else the skip-level's; else the first generic one; a hedge is never picked.
pub fn sponsor_signal<'a>(moments: &[ScoredMoment<'a>]) -> SponsorSignal<'a> {
    let quotes = || moments.iter().flat_map(|m| m.moment.quotes.iter());
    let endorsing = |role: Role| {
        quotes().find(|q| q.role == role && sponsor::stance(&q.text) == Stance::Endorsing)
    };
    if let Some(quote) = endorsing(Role::Manager).or_else(|| endorsing(Role::Skip)) {
        return SponsorSignal::Endorsing(quote);
    }
    let mut sponsors = quotes().filter(|q| q.role.is_sponsor()).peekable();
    if sponsors.peek().is_none() {
        return SponsorSignal::None;
    }
    sponsors
        .find(|q| sponsor::stance(&q.text) == Stance::Generic)
        .map_or(SponsorSignal::HedgingOnly, SponsorSignal::GenericOnly)
}

/// The outcome signal: the first quantified impact of a corroborated moment, the top
/// examples first. A figure nobody else saw is a claim, never the outcome signal.
pub fn outcome<'a>(top: &[&ScoredMoment<'a>], moments: &[ScoredMoment<'a>]) -> Option<&'a str> {
    top.iter()
        .copied()
        .chain(moments.iter())
        .filter(|m| is_corroborated(m.moment))
        .find_map(|m| {
            m.moment
                .impact
                .as_deref()
                .filter(|i| impact::is_quantified(i))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_praise_is_not_specific_even_with_pronouns_or_team() {
        for text in [
            "Ana is great to work with and always responsive.",
            "Ana is a pleasure to work with and always makes time.",
            "Great engineer, always helpful.",
            "Great to work with, always positive in standups.",
            "Nice job on the emails, fun to work with!",
            "A real team player.",
            "Our team loved it.",
            "We all really enjoy working with her, my favourite teammate.",
            "Great launch!",
        ] {
            assert!(!names_scope_or_leverage(text), "{text}");
        }
    }

    #[test]
    fn quotes_that_name_what_changed_are_specific() {
        for text in [
            "Ana's checklist caught a contaminated holdout in our shipping-fee test a week before launch.",
            "We switched on Rafael's cache in an afternoon, from his guide, and never had to ask him a question.",
            "Because Ana locked the contract early, Android didn't lose a single sprint to rework.",
            "Treasury closed July without a single question to product. That runbook is why.",
            "She made the call on sync in one meeting and gave my engineers two weeks back.",
            "The guardrails Ana wrote for pricing are now the company standard.",
            "That is the judgment I want at Staff.",
            "Made the case with data and the director agreed.",
            "She owns the org-level roadmap now.",
            "Review time went from 3 days to 1.",
        ] {
            assert!(names_scope_or_leverage(text), "{text}");
        }
    }

    #[test]
    fn words_are_matched_whole_not_inside_other_words() {
        assert!(!names_scope_or_leverage("Ownerless praise, truly usable"));
        assert!(names_scope_or_leverage("A TRADE-OFF well made"));
        assert!(!names_scope_or_leverage(
            "Calling it a day, a lovely person"
        ));
    }
}
