//! Reading quotes: does a quote name scope, ownership or leverage, or is it generic praise?

/// Words that tie a quote to scope, ownership or leverage rather than to likeability.
pub const SUBSTANTIVE_WORDS: &[&str] = &[
    "own",
    "owned",
    "owns",
    "ownership",
    "scope",
    "team",
    "teams",
    "org",
    "company",
    "unblock",
    "unblocked",
    "unblocks",
    "reuse",
    "reused",
    "adopted",
    "template",
    "playbook",
    "decision",
    "decided",
    "call",
    "trade-off",
    "tradeoff",
    "led",
    "lead",
    "drove",
    "across",
    "every",
    "standard",
    "framework",
    "guardrail",
    "guardrails",
];

/// True when the quote names scope, ownership or leverage.
pub fn names_scope_or_leverage(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(str::to_lowercase)
        .any(|word| SUBSTANTIVE_WORDS.contains(&word.as_str()))
}
