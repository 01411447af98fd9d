//! Shorter versions of a log's lines, cut only where a clause ends, never in the
//! middle of one.

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
