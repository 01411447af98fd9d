//! The map for a terminal: an aligned three-column table wrapped to the width, the
//! numbered top examples and the coverage line. Widths count characters, so names
//! like "Zoë Łukasiewicz" line up; wide (East Asian) characters are not measured.

use crate::evidence::map::{EvidenceMap, MapCoverage, MapExample, MapRow};
use crate::log::Log;

/// Space between two columns.
const GAP: &str = "  ";
/// Indent of an example's details under its number.
const INDENT: &str = "   ";

/// Renders the map for a terminal `width` characters wide.
pub fn render(log: &Log, map: &EvidenceMap, width: usize) -> String {
    let mut out = String::new();
    push_wrapped(&mut out, &heading(log, map), width, "", "");
    out.push('\n');
    table(&mut out, &map.projects, width);
    out.push('\n');
    out.push_str("Top examples\n\n");
    for (n, example) in map.examples.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        example_block(&mut out, n + 1, example, width);
    }
    out.push('\n');
    push_wrapped(
        &mut out,
        &format!("Coverage: {}", coverage_text(&map.coverage)),
        width,
        "",
        "",
    );
    out
}

/// "Evidence map · Ana Ruiz, Product Manager · L5 → L6, H1 2027 · 44 public moments in 6 projects".
fn heading(log: &Log, map: &EvidenceMap) -> String {
    format!("Evidence map · {}", heading_details(log, map))
}

/// "Ana Ruiz, Product Manager · L5 → L6, H1 2027 · 44 public moments in 6 projects".
pub fn heading_details(log: &Log, map: &EvidenceMap) -> String {
    let who = match &log.owner.role {
        Some(role) => format!("{}, {role}", log.owner.name),
        None => log.owner.name.clone(),
    };
    let target = match &log.target.cycle {
        Some(cycle) => format!("{} → {}, {cycle}", log.owner.level, log.target.level),
        None => format!("{} → {}", log.owner.level, log.target.level),
    };
    let moments = map.moments;
    let projects = map.projects.len();
    format!(
        "{who} · {target} · {moments} public moment{} in {projects} project{}",
        plural(moments),
        plural(projects)
    )
}

/// The coverage sentence, shared with Markdown: what a reviewer will find missing.
pub fn coverage_text(coverage: &MapCoverage) -> String {
    let reaches = match coverage.missing_reach_labels.as_slice() {
        [] => None,
        labels => Some(format!("no evidence yet at {} reach", or_list(labels))),
    };
    let quarters = match coverage.missing_quarters.as_slice() {
        [] => None,
        [one] => Some(format!("none in {one}")),
        many => Some(format!("none in {}", and_list(many))),
    };
    match (reaches, quarters, &coverage.span) {
        (None, None, Some((first, last))) if first == last => {
            format!("evidence at every reach, all of it in {first}.")
        }
        (None, None, Some((first, last))) => {
            format!("evidence at every reach and in every quarter from {first} to {last}.")
        }
        (None, None, None) => "no public evidence yet.".to_string(),
        (Some(r), None, Some((first, last))) => {
            format!("{r}; every quarter from {first} to {last} has some.")
        }
        (Some(r), None, None) => format!("{r}."),
        (None, Some(q), _) => format!("evidence at every reach; {q}."),
        (Some(r), Some(q), _) => format!("{r}; {q}."),
    }
}

fn table(out: &mut String, rows: &[MapRow], width: usize) {
    let header = ["Project", "Scope", "Org-level impact"];
    let cells: Vec<[Vec<String>; 3]> = rows
        .iter()
        .map(|row| {
            [
                vec![row.name.clone()],
                vec![row.reach_label.to_string(), row.counts.clone()],
                impact_lines(&row.impact),
            ]
        })
        .collect();
    let widths = column_widths(&header, &cells, width);
    let header_cells = header.map(|h| vec![h.to_string()]);
    push_row(out, &header_cells, &widths);
    let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
    out.push_str(rule.join(GAP).trim_end());
    out.push('\n');
    for (n, row) in cells.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        push_row(out, row, &widths);
    }
}

/// One paragraph per impact statement; a bullet marks each when there are several.
fn impact_lines(impacts: &[String]) -> Vec<String> {
    match impacts {
        [] => vec!["—".to_string()],
        [one] => vec![one.clone()],
        many => many.iter().map(|i| format!("• {i}")).collect(),
    }
}

/// Column widths that fit `width`: each column gets what it needs up to a share of
/// the line, the impact column takes the rest, and room it does not need goes back.
fn column_widths(header: &[&str; 3], cells: &[[Vec<String>; 3]], width: usize) -> [usize; 3] {
    let natural: Vec<usize> = (0..3)
        .map(|c| {
            cells
                .iter()
                .flat_map(|row| row[c].iter())
                .map(|p| chars(p))
                .chain([chars(header[c])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let available = width.saturating_sub(2 * GAP.len());
    let mut project = natural[0].min((available / 4).max(12));
    let mut scope = natural[1].min((available / 3).max(14));
    let impact = natural[2]
        .min(available.saturating_sub(project + scope))
        .max(1);
    let mut spare = available.saturating_sub(project + scope + impact);
    let more = (natural[0] - project).min(spare);
    project += more;
    spare -= more;
    scope += (natural[1] - scope).min(spare);
    [project.max(1), scope.max(1), impact]
}

/// Writes one table row: each cell's paragraphs wrapped to its column, side by side.
fn push_row(out: &mut String, cells: &[Vec<String>; 3], widths: &[usize; 3]) {
    let columns: Vec<Vec<String>> = cells
        .iter()
        .zip(widths)
        .map(|(paragraphs, &w)| {
            paragraphs
                .iter()
                .flat_map(|p| {
                    let hang = if p.starts_with("• ") { "  " } else { "" };
                    wrap(p, w, "", hang)
                })
                .collect()
        })
        .collect();
    let height = columns.iter().map(Vec::len).max().unwrap_or(0);
    for line in 0..height {
        let mut text = String::new();
        for (c, column) in columns.iter().enumerate() {
            let cell = column.get(line).map_or("", String::as_str);
            text.push_str(cell);
            if c + 1 < columns.len() {
                text.push_str(&" ".repeat(widths[c].saturating_sub(chars(cell))));
                text.push_str(GAP);
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
}

fn example_block(out: &mut String, n: usize, example: &MapExample, width: usize) {
    let number = format!("{n}. ");
    push_wrapped(out, &example.what, width, &number, INDENT);
    let details = format!(
        "{} · {} · {} reach · {}",
        example.id, example.date, example.reach_label, example.project_name
    );
    push_wrapped(out, &details, width, INDENT, INDENT);
    let impact = example.impact.as_deref().unwrap_or("none written");
    push_wrapped(out, &format!("Impact: {impact}"), width, INDENT, INDENT);
    let vouched = if example.vouched_by.is_empty() {
        "nobody named yet".to_string()
    } else {
        example.vouched_by.join(", ")
    };
    push_wrapped(
        out,
        &format!("Vouched for by: {vouched}"),
        width,
        INDENT,
        INDENT,
    );
    if let Some(terms) = &example.terms {
        out.push_str(INDENT);
        out.push_str("Score, term by term:\n");
        let name_width = terms.iter().map(|t| t.name.len()).max().unwrap_or(0);
        for term in terms {
            let lead = format!(
                "{INDENT}  {:>4}  {:<name_width$}  ",
                signed(term.points),
                term.name
            );
            let hang = " ".repeat(chars(&lead));
            push_wrapped(out, &term.why, width, &lead, &hang);
        }
        out.push_str(&format!("{INDENT}  {:>4}  total\n", example.score));
    }
}

fn signed(points: i64) -> String {
    if points > 0 {
        format!("+{points}")
    } else {
        points.to_string()
    }
}

/// Appends `text` wrapped to `width`: the first line after `first`, the rest after `rest`.
fn push_wrapped(out: &mut String, text: &str, width: usize, first: &str, rest: &str) {
    let room = width.saturating_sub(chars(first).max(chars(rest))).max(1);
    for (i, line) in wrap(text, room, "", "").into_iter().enumerate() {
        out.push_str(if i == 0 { first } else { rest });
        out.push_str(&line);
        out.push('\n');
    }
}

/// Greedy word wrap to `width` characters (newlines in user text fold into spaces;
/// a word longer than the line is cut). Lines after the first start with `hang`.
pub fn wrap(text: &str, width: usize, first: &str, hang: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = first.to_string();
    let mut fresh = true;
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        loop {
            let needed = chars(&word) + usize::from(!fresh);
            if chars(&line) + needed <= width {
                if !fresh {
                    line.push(' ');
                }
                line.push_str(&word);
                fresh = false;
                break;
            }
            if !fresh {
                lines.push(std::mem::replace(&mut line, hang.to_string()));
                fresh = true;
                continue;
            }
            // A word longer than a whole line: cut it.
            let room = width.saturating_sub(chars(&line)).max(1);
            let head: String = word.chars().take(room).collect();
            let tail: String = word.chars().skip(room).collect();
            line.push_str(&head);
            lines.push(std::mem::replace(&mut line, hang.to_string()));
            if tail.is_empty() {
                break;
            }
            word = tail;
        }
    }
    if !fresh || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// "Org, Company" → "Org or Company"; "A, B, C" → "A, B or C".
fn or_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_words_cuts_long_words_and_hangs() {
        assert_eq!(
            wrap("one two three four", 9, "", ""),
            ["one two", "three", "four"]
        );
        assert_eq!(
            wrap("abcdefghij xy", 4, "", ""),
            ["abcd", "efgh", "ij", "xy"]
        );
        assert_eq!(wrap("• alpha beta", 8, "", "  "), ["• alpha", "  beta"]);
        assert_eq!(wrap("a\nb", 10, "", ""), ["a b"]);
        assert_eq!(wrap("", 10, "", ""), [""]);
    }

    #[test]
    fn every_line_fits_its_width() {
        let text = "Traded off a 0.2 pt higher chargeback rate on low-risk digital goods for removing 3DS friction at checkout";
        for width in 1..40 {
            for line in wrap(text, width, "", "  ") {
                assert!(chars(&line) <= width.max(3), "{width}: {line:?}");
            }
        }
    }

    #[test]
    fn coverage_reads_as_a_sentence() {
        let coverage = |reaches: Vec<&'static str>, quarters: Vec<&str>| MapCoverage {
            missing_reaches: Vec::new(),
            missing_reach_labels: reaches,
            missing_quarters: quarters.into_iter().map(String::from).collect(),
            span: Some(("2026-Q1".into(), "2026-Q4".into())),
        };
        assert_eq!(
            coverage_text(&coverage(vec![], vec![])),
            "evidence at every reach and in every quarter from 2026-Q1 to 2026-Q4."
        );
        assert_eq!(
            coverage_text(&coverage(
                vec!["Cross-team", "Org", "Company"],
                vec!["2026-Q3"]
            )),
            "no evidence yet at Cross-team, Org or Company reach; none in 2026-Q3."
        );
        assert_eq!(
            coverage_text(&coverage(vec!["Company"], vec![])),
            "no evidence yet at Company reach; every quarter from 2026-Q1 to 2026-Q4 has some."
        );
        assert_eq!(
            coverage_text(&coverage(vec![], vec!["2026-Q2", "2026-Q3"])),
            "evidence at every reach; none in 2026-Q2 and 2026-Q3."
        );
    }
}
