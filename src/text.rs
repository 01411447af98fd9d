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

#[cfg(test)]
mod tests {
    use super::*;

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
