//! The map as Markdown that pastes cleanly into a doc or a wiki: a table whose cells
//! cannot be broken by user text, then the top examples as a numbered list.

use super::text::{coverage_text, heading_details};
use crate::evidence::map::{EvidenceMap, MapExample};
use crate::log::Log;

/// Renders the map as Markdown.
pub fn render(log: &Log, map: &EvidenceMap) -> String {
    let mut out = String::new();
    out.push_str("# Evidence map\n\n");
    out.push_str(&inline(&heading_details(log, map)));
    out.push_str("\n\n| Project | Scope | Org-level impact |\n|---|---|---|\n");
    for row in &map.projects {
        let impact = if row.impact.is_empty() {
            "—".to_string()
        } else {
            row.impact
                .iter()
                .map(|i| cell(i))
                .collect::<Vec<_>>()
                .join("<br>")
        };
        out.push_str(&format!(
            "| {} | {} | {impact} |\n",
            cell(&row.name),
            cell(&row.scope)
        ));
    }
    out.push_str("\n## Top examples\n\n");
    for (n, example) in map.examples.iter().enumerate() {
        push_example(&mut out, n + 1, example);
    }
    out.push_str(&format!(
        "\n**Coverage:** {}\n",
        inline(&coverage_text(&map.coverage))
    ));
    out
}

fn push_example(out: &mut String, n: usize, example: &MapExample) {
    out.push_str(&format!("{n}. {}\n", inline(&example.what)));
    out.push_str(&format!(
        "   - `{}` · {} · {} reach · {}\n",
        example.id.replace('`', "'"),
        example.date,
        example.reach_label,
        inline(&example.project_name)
    ));
    let impact = example
        .impact
        .as_deref()
        .map_or_else(|| "none written".to_string(), inline);
    out.push_str(&format!("   - Impact: {impact}\n"));
    let vouched = if example.vouched_by.is_empty() {
        "nobody named yet".to_string()
    } else {
        inline(&example.vouched_by.join(", "))
    };
    out.push_str(&format!("   - Vouched for by: {vouched}\n"));
    if let Some(terms) = &example.terms {
        out.push_str(&format!(
            "   - Score **{}**, term by term:\n",
            example.score
        ));
        for term in terms {
            let points = if term.points > 0 {
                format!("+{}", term.points)
            } else {
                term.points.to_string()
            };
            out.push_str(&format!(
                "     - {points} {}: {}\n",
                term.name,
                inline(&term.why)
            ));
        }
    }
}

/// User text inside a table cell: escaped, and a line break becomes `<br>` so the row
/// stays one line.
pub fn cell(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(inline)
        .collect();
    lines.join("<br>")
}

/// User text in running Markdown: characters that carry structure are backslash-escaped
/// (including `|`, `#`, `$` which some renderers read as math, and a leading `-`, `+` or
/// `1.` that would start a list), and newlines fold into spaces.
pub fn inline(text: &str) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(folded.len() + 8);
    for c in folded.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '$' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    if out.starts_with('-') || out.starts_with('+') || out.starts_with('=') {
        out.insert(0, '\\');
    }
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    // Control and bidi characters are shown escaped: Markdown is read in terminals too.
    crate::render::escape::terminal(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes_hashes_and_newlines_cannot_break_the_table() {
        assert_eq!(cell("a | b\n# c"), "a \\| b<br>\\# c");
        assert_eq!(cell("line one\r\n\r\nline two"), "line one<br>line two");
        assert_eq!(
            inline("# heading\nnext | cell"),
            "\\# heading next \\| cell"
        );
    }

    #[test]
    fn markup_money_and_list_starts_are_inert() {
        assert_eq!(inline("$220K vs $1.4M"), "\\$220K vs \\$1.4M");
        assert_eq!(
            inline("<b>*x*</b> [l](u)"),
            "\\<b\\>\\*x\\*\\</b\\> \\[l\\](u)"
        );
        assert_eq!(inline("- not a list"), "\\- not a list");
        assert_eq!(inline("2026. A year"), "2026\\. A year");
        assert_eq!(inline("3 teams"), "3 teams");
        assert_eq!(inline("Zoë → “ok” — fine"), "Zoë → “ok” — fine");
    }
}
