//! The one terminal word-wrapper: `textwrap`, greedy, by Unicode display width,
//! breaking only at spaces and never inside a word or at a hyphen.

use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm};

/// Wraps `text` to `width` display columns: the first line starts with `first`, the
/// rest with `hang` (both counted in the width). Runs of white space, newlines
/// included, fold into one space; a word longer than a line stays whole. Every line
/// ends with `\n`; trailing spaces are trimmed.
pub fn wrap(text: &str, width: usize, first: &str, hang: &str) -> String {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let options = Options::new(width.max(1))
        .initial_indent(first)
        .subsequent_indent(hang)
        .break_words(false)
        .word_separator(WordSeparator::AsciiSpace)
        .word_splitter(WordSplitter::NoHyphenation)
        .wrap_algorithm(WrapAlgorithm::FirstFit);
    if words.is_empty() {
        return format!("{}\n", first.trim_end());
    }
    let mut out = String::with_capacity(words.len() + 16);
    for line in textwrap::wrap(&words, &options) {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_greedily_at_spaces_with_a_hanging_indent() {
        assert_eq!(
            wrap("one two  three\nfour five", 12, "1. ", "   "),
            "1. one two\n   three\n   four five\n"
        );
        assert_eq!(
            wrap("cross-team sign-off", 8, "", ""),
            "cross-team\nsign-off\n"
        );
        assert_eq!(wrap("", 10, "Fix: ", ""), "Fix:\n");
    }

    #[test]
    fn east_asian_text_wraps_by_display_width() {
        // Each ideograph is two columns wide: three of them fill six columns.
        assert_eq!(wrap("決定 範囲 影響", 10, "", ""), "決定 範囲\n影響\n");
        assert_eq!(wrap("決定 範囲 影響", 14, "", ""), "決定 範囲 影響\n");
    }
}
