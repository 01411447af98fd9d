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

/// Space between two table columns.
const GAP: &str = "  ";

/// A three-column terminal table `width` columns wide: the header, a rule, then each
/// row (its cells' paragraphs wrapped to their column, side by side) with a blank line
/// between rows. A paragraph starting with `• ` hangs under its text. The first two
/// columns get what they need up to a share of the line (a quarter, a third), the last
/// takes the rest, and room it does not need goes back to the first two.
pub fn table(header: [&str; 3], rows: &[[Vec<String>; 3]], width: usize) -> String {
    let widths = column_widths(&header, rows, width);
    let mut out = String::new();
    push_row(&mut out, &header.map(|h| vec![h.to_string()]), &widths);
    let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
    out.push_str(rule.join(GAP).trim_end());
    out.push('\n');
    for (n, row) in rows.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        push_row(&mut out, row, &widths);
    }
    out
}

/// Display columns `text` takes.
fn columns(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

fn column_widths(header: &[&str; 3], rows: &[[Vec<String>; 3]], width: usize) -> [usize; 3] {
    let natural: Vec<usize> = (0..3)
        .map(|c| {
            rows.iter()
                .flat_map(|row| row[c].iter())
                .map(|p| columns(p))
                .chain([columns(header[c])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let available = width.saturating_sub(2 * GAP.len());
    let mut first = natural[0].min((available / 4).max(12));
    let mut second = natural[1].min((available / 3).max(14));
    let last = natural[2]
        .min(available.saturating_sub(first + second))
        .max(1);
    let mut spare = available.saturating_sub(first + second + last);
    let more = (natural[0] - first).min(spare);
    first += more;
    spare -= more;
    second += (natural[1] - second).min(spare);
    [first.max(1), second.max(1), last]
}

fn push_row(out: &mut String, cells: &[Vec<String>; 3], widths: &[usize; 3]) {
    let wrapped: Vec<Vec<String>> = cells
        .iter()
        .zip(widths)
        .map(|(paragraphs, &w)| {
            paragraphs
                .iter()
                .flat_map(|p| {
                    let hang = if p.starts_with("• ") { "  " } else { "" };
                    wrap(p, w, "", hang)
                        .lines()
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .collect()
        })
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(0);
    for line in 0..height {
        let mut text = String::new();
        for (c, column) in wrapped.iter().enumerate() {
            let cell = column.get(line).map_or("", String::as_str);
            text.push_str(cell);
            if c + 1 < wrapped.len() {
                text.push_str(&" ".repeat(widths[c].saturating_sub(columns(cell))));
                text.push_str(GAP);
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
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

    #[test]
    fn a_table_lines_its_columns_up_and_hangs_bullets() {
        let rows = [[
            vec!["Pay later".to_string()],
            vec!["Company".to_string(), "2 decisions".to_string()],
            vec!["• one two three".to_string(), "• four".to_string()],
        ]];
        assert_eq!(
            table(["Project", "Scope", "Impact"], &rows, 35),
            "Project    Scope        Impact\n\
             ─────────  ───────────  ───────────\n\
             Pay later  Company      • one two\n\
             \x20          2 decisions    three\n\
             \x20                       • four\n"
        );
    }

    #[test]
    fn a_word_wider_than_the_line_stays_whole_and_costs_linear_time() {
        let long = "x".repeat(200_000);
        let started = std::time::Instant::now();
        let out = wrap(&format!("a {long} b"), 20, "", "");
        assert_eq!(out, format!("a\n{long}\nb\n"));
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }
}
