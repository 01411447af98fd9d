//! Whether an impact statement is quantified: a number, a percentage, money, a date held.

/// True when the text carries a measurable figure (any digit counts: "+2.1%",
/// "$4.8M", "3 teams", "held the 2026-12-01 date").
pub fn is_quantified(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
}
