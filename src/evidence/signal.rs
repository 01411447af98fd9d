//! Reading quotes: does a quote name scope, ownership, judgment or leverage, or is it
//! generic praise?
//!
//! A calibration room discounts "great to work with": it says nothing about level. A
//! quote carries weight when it names what the owner owned or decided, an artifact
//! others now use, or what changed for the speaker's own team ("gave my engineers two
//! weeks back", "we reused that format"). The word lists below encode exactly that.

/// Words that tie a quote to scope, ownership, judgment or leverage rather than to
/// likeability. First-person words (`we`, `our`, `my`) are here because a peer who
/// speaks for their own team is describing leverage: the owner changed their work.
pub const SUBSTANTIVE_WORDS: &[&str] = &[
    // scope and ownership
    "own",
    "owned",
    "owns",
    "ownership",
    "owner",
    "scope",
    "team",
    "teams",
    "org",
    "orgs",
    "company",
    "across",
    "every",
    "led",
    "lead",
    "drove",
    // judgment
    "decision",
    "decisions",
    "decided",
    "call",
    "calls",
    "trade-off",
    "tradeoff",
    "judgment",
    "judgement",
    // leverage and artifacts others use
    "unblock",
    "unblocked",
    "unblocks",
    "reuse",
    "reused",
    "adopted",
    "template",
    "playbook",
    "runbook",
    "guide",
    "checklist",
    "handover",
    "standard",
    "framework",
    "guardrail",
    "guardrails",
    "because",
    // the speaker's own team changed
    "we",
    "us",
    "our",
    "my",
];

/// True when the quote names scope, ownership, judgment or leverage.
pub fn names_scope_or_leverage(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|word| crate::text::is_one_of(word, SUBSTANTIVE_WORDS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_praise_in_the_fixtures_is_not_substantive() {
        for text in [
            "Ana is great to work with and always responsive.",
            "Ana is a pleasure to work with and always makes time.",
            "Great engineer, always helpful.",
            "Great to work with, always positive in standups.",
            "Nice job on the emails, fun to work with!",
        ] {
            assert!(!names_scope_or_leverage(text), "{text}");
        }
    }

    #[test]
    fn quotes_that_name_what_changed_are_substantive() {
        for text in [
            "Ana's checklist caught a contaminated holdout in our shipping-fee test a week before launch.",
            "We switched on Rafael's cache in an afternoon, from his guide, and never had to ask him a question.",
            "Because Ana locked the contract early, Android didn't lose a single sprint to rework.",
            "Treasury closed July without a single question to product. That runbook is why.",
            "She made the call on sync in one meeting and gave my engineers two weeks back.",
            "The guardrails Ana wrote for pricing are now the company standard.",
            "That is the judgment I want at Staff.",
        ] {
            assert!(names_scope_or_leverage(text), "{text}");
        }
    }

    #[test]
    fn words_are_matched_whole_not_inside_other_words() {
        assert!(!names_scope_or_leverage("Ownerless praise, truly usable"));
        assert!(names_scope_or_leverage("A TRADE-OFF well made"));
    }
}
