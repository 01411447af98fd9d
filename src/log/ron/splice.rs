//! Splicing text into RON in the file's own style: where a node's closing bracket
//! is, whether a comma follows a value, lines and their indentation, and a block of
//! items put before a closing bracket.

use std::fmt::Write as _;

use super::outline::Node;
use super::trivia::skip_trivia;

/// A list or struct whose span does not end at a closing bracket (the text was
/// checked first, so this is a bug in promo).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unclosed {
    /// Where the bracket was expected.
    pub at: usize,
}

/// Where the closing bracket of a list or struct is.
pub fn closing(text: &str, node: &Node) -> Result<usize, Unclosed> {
    let close = node.span.end.saturating_sub(1);
    match text.as_bytes().get(close) {
        Some(b']' | b')' | b'}') => Ok(close),
        _ => Err(Unclosed { at: close }),
    }
}

/// The insertion of `items` before the closing bracket at `close`: as whole lines
/// before the bracket's line when it starts its line, else on new lines with the
/// bracket moved to a line of its own, indented like its opening line.
pub fn block_before(
    text: &str,
    close: usize,
    items: &[String],
    close_indent: &str,
    nl: &str,
) -> (usize, String) {
    if starts_line(text, close) {
        let at = line_start(text, close);
        let block: String = items.iter().map(|item| format!("{item}{nl}")).collect();
        (at, block)
    } else {
        let mut block: String = items.iter().map(|item| format!("{nl}{item}")).collect();
        let _ = write!(block, "{nl}{close_indent}");
        (close, block)
    }
}

/// Whether the value ending at `end` is followed by a comma (comments skipped).
pub fn has_comma_after(text: &str, end: usize) -> bool {
    text.as_bytes().get(skip_trivia(text, end)) == Some(&b',')
}

/// The indentation step of the file: how much deeper its first field sits than
/// the top-level struct (four spaces when that cannot be seen).
pub fn indent_unit(text: &str, root: &Node) -> String {
    let root_indent = line_indent(text, root.span.start);
    root.fields()
        .first()
        .filter(|f| starts_line(text, f.name_span.start))
        .and_then(|f| line_indent(text, f.name_span.start).strip_prefix(root_indent))
        .filter(|unit| !unit.is_empty())
        .unwrap_or("    ")
        .to_string()
}

/// The offset where the line holding `at` starts.
pub fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// Whether only spaces and tabs precede `at` on its line.
pub fn starts_line(text: &str, at: usize) -> bool {
    text[line_start(text, at)..at]
        .bytes()
        .all(|b| b == b' ' || b == b'\t')
}

/// The spaces and tabs that open the line holding `at`.
pub fn line_indent(text: &str, at: usize) -> &str {
    let start = line_start(text, at);
    let rest = &text[start..];
    let len = rest
        .find(|c: char| c != ' ' && c != '\t')
        .unwrap_or(rest.len());
    &rest[..len]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_are_found_past_comments_and_lines_measured() {
        let text = "a /* x /* y */ */ // z\n  ,\n\tb";
        assert!(has_comma_after(text, 1));
        assert!(!has_comma_after(text, text.len()));
        assert_eq!(line_indent(text, text.len() - 1), "\t");
        assert!(starts_line(text, text.len() - 1));
        assert!(!starts_line(text, 2));
    }
}
