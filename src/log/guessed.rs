//! Fields an import had to guess, marked in the log itself so `promo check` keeps
//! warning about them until the owner has looked.
//!
//! The mark is a RON comment right after the field's value, on the same line:
//!
//! ```ron
//! reach: Team /* promo:guessed: the notes do not say how far it reached */,
//! ```
//!
//! A comment, not a field, so the v1 format is unchanged: every v1 reader (older
//! promo builds, other RON tools) reads a marked log as it always did, and the owner
//! confirms a guess by deleting the comment. `docs/format.md` documents it.

use super::outline::{self, Body, Node, NodeKind};
use super::problem::Diagnostic;
use super::problem::Problem;
use crate::source::Source;

/// What a comment starts with to mark the field before it as guessed.
pub const MARKER: &str = "promo:guessed";

/// A warning for every marked field of the log's text, in file order. Text the
/// outline reader cannot follow has no diagnostics here (ron reports its errors).
pub fn diagnostics(source: &Source) -> Vec<Diagnostic> {
    let text = source.text();
    let Ok(root) = outline::parse(text) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    walk(text, &root, &mut found);
    found
}

fn walk(text: &str, node: &Node, found: &mut Vec<Diagnostic>) {
    match &node.kind {
        NodeKind::Named { body, .. } => match body {
            Body::Struct(fields) => {
                for field in fields {
                    if let Some(note) = marker_after(text, field.value.span.end) {
                        found.push(Diagnostic::new(
                            Problem::Guessed {
                                field: format!("`{}`", field.name),
                                note,
                            },
                            field.value.span.clone(),
                        ));
                    }
                    walk(text, &field.value, found);
                }
            }
            Body::Tuple(items) => items.iter().for_each(|item| walk(text, item, found)),
            Body::None => {}
        },
        NodeKind::List(items) => items.iter().for_each(|item| walk(text, item, found)),
        NodeKind::Map(entries) => {
            for (key, value) in entries {
                walk(text, key, found);
                walk(text, value, found);
            }
        }
        NodeKind::Str(_) | NodeKind::Scalar(_) => {}
    }
}

/// The note of a marker comment following a value that ends at `end`: after spaces
/// and at most one comma, on the same line. `None` when there is none.
pub fn marker_after(text: &str, end: usize) -> Option<String> {
    let rest = text.get(end..)?;
    let rest = rest.trim_start_matches([' ', '\t']);
    let rest = rest
        .strip_prefix(',')
        .map_or(rest, |r| r.trim_start_matches([' ', '\t']));
    let body = if let Some(block) = rest.strip_prefix("/*") {
        &block[..block.find("*/")?]
    } else if let Some(line) = rest.strip_prefix("//") {
        line.split(['\n', '\r']).next().unwrap_or("")
    } else {
        return None;
    };
    let note = body.trim().strip_prefix(MARKER)?;
    let note = note.trim_start_matches([':', ' ', '\t']).trim();
    Some(if note.is_empty() {
        "confirm it, then delete the `promo:guessed` comment".to_string()
    } else {
        note.to_string()
    })
}

/// The comment that marks a value as guessed, `note` made safe inside a block comment.
pub fn marker(note: &str) -> String {
    let note = note.replace("*/", "* /").replace("/*", "/ *");
    let note: String = note
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    format!("/* {MARKER}: {} */", note.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notes(text: &str) -> Vec<(String, String)> {
        let source = Source::new("t.ron", text.to_string());
        diagnostics(&source)
            .into_iter()
            .map(|d| match d.problem {
                Problem::Guessed { field, note } => (field, note),
                other => panic!("unexpected {other:?}"),
            })
            .collect()
    }

    #[test]
    fn finds_block_and_line_markers_after_values() {
        let text = "Log(moments: [Moment(tag: Decision /* promo:guessed: no verb */, reach: Team, // promo:guessed\n quotes: [Quote(role: Peer /* promo:guessed: unknown person */)])])";
        assert_eq!(
            notes(text),
            vec![
                ("`tag`".to_string(), "no verb".to_string()),
                (
                    "`reach`".to_string(),
                    "confirm it, then delete the `promo:guessed` comment".to_string()
                ),
                ("`role`".to_string(), "unknown person".to_string()),
            ]
        );
    }

    #[test]
    fn ignores_other_comments_and_markers_on_other_lines() {
        assert!(notes("Log(a: 1 /* guessed */, b: 2,\n // promo:guessed\n c: 3)").is_empty());
    }

    #[test]
    fn a_marker_never_closes_its_comment_early() {
        let mark = marker("a */ b\nc");
        assert_eq!(mark, "/* promo:guessed: a * / b c */");
        assert_eq!(
            marker_after(&format!("x {mark}"), 1).as_deref(),
            Some("a * / b c")
        );
    }
}
