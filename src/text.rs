//! Small text helpers shared by the reports: shortening, joining names, first names.

/// Shortens `text` to at most `max` characters, cutting at a word boundary when one
/// is near and ending with `…`. Folds newlines and runs of white space into one space.
pub fn clamp(text: &str, max: usize) -> String {
    let folded: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= max {
        return folded;
    }
    let cut: String = folded.chars().take(max.saturating_sub(1)).collect();
    let at_word = match cut.rfind(' ') {
        Some(i) if cut[..i].chars().count() * 4 >= max * 3 => &cut[..i],
        _ => cut.as_str(),
    };
    format!(
        "{}…",
        at_word.trim_end_matches([',', ';', ':', ' ', '.', '-', '—'])
    )
}

/// Joins names as people write them: "A", "A and B", "A, B and C".
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The first word of a name ("Ana" of "Ana Ruiz").
pub fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// Whether `word`, lowercased, is one of `lowercase_words`. Words are compared in
/// place when ASCII (the scoring lists are), so matching a moment's words against a
/// list allocates nothing; other words are lowercased first, as `str::to_lowercase` does.
pub fn is_one_of(word: &str, lowercase_words: &[&str]) -> bool {
    if word.is_ascii() {
        lowercase_words.iter().any(|w| w.eq_ignore_ascii_case(word))
    } else {
        let lower = word.to_lowercase();
        lowercase_words.contains(&lower.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_match_any_case_and_whole_words_only() {
        assert!(is_one_of("Chose", &["chose", "cut"]));
        assert!(is_one_of("CUT", &["chose", "cut"]));
        assert!(!is_one_of("cuts", &["chose", "cut"]));
        assert!(!is_one_of("", &["chose", "cut"]));
        assert!(is_one_of("ÉTÉ", &["été"]));
    }

    #[test]
    fn clamps_at_words_and_folds_lines() {
        assert_eq!(clamp("short", 10), "short");
        assert_eq!(clamp("one two three four five", 14), "one two three…");
        assert_eq!(clamp("a\nb", 10), "a b");
        assert_eq!(clamp(&"x".repeat(300), 10).chars().count(), 10);
    }

    #[test]
    fn joins_names() {
        let names = ["A".to_string(), "B".to_string(), "C".to_string()];
        assert_eq!(join_names(&names), "A, B and C");
        assert_eq!(join_names(&names[..1]), "A");
    }
}
