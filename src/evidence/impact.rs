//! Whether an impact statement is quantified: a number, a percentage, money, a date held.
//!
//! A figure is what lets a committee compare outcomes across people, so any digit
//! counts ("+2.1%", "$4.8M", "3 teams", "held the 2026-12-01 date"), and so do
//! spelled-out amounts ("zero unreconciled payouts", "a two-month extension",
//! "review time halved"). "One" is left out: it is a pronoun more often than a count.

/// Spelled-out numbers and multipliers that make a statement measurable.
pub const NUMBER_WORDS: &[&str] = &[
    "zero",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "dozen",
    "dozens",
    "percent",
    "doubled",
    "halved",
    "tripled",
    "twice",
    "tenfold",
];

/// True when the text carries a measurable figure.
pub fn is_quantified(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        || text
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| crate::text::is_one_of(word, NUMBER_WORDS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_and_spelled_out_amounts_are_quantified() {
        for text in [
            "$4.8M of projected FY27 credit losses avoided",
            "Web checkout conversion +2.1% over 4 weeks",
            "Contract signed 2026-04-09",
            "Zero unreconciled payouts during beta",
            "Two-month budget extension granted",
            "Review time halved",
        ] {
            assert!(is_quantified(text), "{text}");
        }
    }

    #[test]
    fn vague_outcomes_are_not() {
        for text in [
            "Users seem to like the new flow",
            "Fewer complaints about billing, I think",
            "Roadmap ownership for next half agreed in principle",
            "No one complained",
            "Teams said the sessions were useful",
            "",
        ] {
            assert!(!is_quantified(text), "{text}");
        }
    }
}
