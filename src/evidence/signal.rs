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

use super::ScoredMoment;
use super::corroboration::is_corroborated;
use super::impact;
use super::sponsor::{self, Stance};
use crate::log::{Quote, Role};
use crate::text::is_one_of;

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

/// The words of `text` as written, split at anything that is not a letter, a digit or
/// a hyphen inside a word.
pub(super) fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
        .collect()
}

/// Whether `words` holds `phrase` (lowercase, space-separated) as consecutive words.
pub(super) fn has_phrase(words: &[&str], phrase: &str) -> bool {
    let wanted: Vec<&str> = phrase.split(' ').collect();
    words.windows(wanted.len()).any(|window| {
        window
            .iter()
            .zip(&wanted)
            .all(|(word, want)| is_one_of(word, &[want]))
    })
}

/// Whether one word (or a part of a hyphenated one: `org-level`) is in `list`.
fn word_in(word: &str, list: &[&str]) -> bool {
    is_one_of(word, list)
        || (word.contains('-') && word.split('-').any(|part| is_one_of(part, list)))
}

/// True when the quote is specific by content: a number, a scope or level claim, a
/// call, an action with what it changed, or a named artefact.
pub fn names_scope_or_leverage(text: &str) -> bool {
    if impact::is_quantified(text) {
        return true;
    }
    let words = words(text);
    words.iter().any(|word| {
        word_in(word, SCOPE_WORDS)
            || word_in(word, JUDGMENT_WORDS)
            || word_in(word, CHANGE_WORDS)
            || word_in(word, ARTEFACT_WORDS)
    }) || JUDGMENT_PHRASES
        .iter()
        .any(|phrase| has_phrase(&words, phrase))
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
