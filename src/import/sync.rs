//! Re-import as a sync. Every imported moment carries the fingerprint of the
//! notes item it came from (`id: "m007" /* promo:source 9f2c… */`), and the log
//! keeps a ledger of every fingerprint it ever took, one line comment per import
//! right after `version` (`// promo:imported 2026-11-21: 9f2c… 41ab…`). So an item
//! comes once: importing the notes again skips it, even when its moment was
//! edited or deleted in the log since. A known item whose action items changed in
//! the notes (a box ticked, a due date moved) updates those commitments in place.
//! Each action item has a fingerprint of its own (its moment's and its text), kept
//! in the same ledger: an item added later under a meeting already imported is
//! added to that moment as a new commitment, once; one whose commitment was
//! edited or deleted in the log is not brought back. (Items imported before
//! commitments had fingerprints are matched by their text only.)
//! A log without these comments (any v1 log) is as valid as before.

use std::collections::{HashMap, HashSet};

use super::Draft;
use crate::log::outline::{Node, Span};
use crate::log::ron::splice::{closing, has_comma_after, line_indent, starts_line};

/// The comment marker on a moment's `id`.
pub const SOURCE: &str = "promo:source ";
/// The ledger's line-comment marker.
pub const LEDGER: &str = "// promo:imported ";

/// A notes item's fingerprint: its meeting's date and its text, white space and
/// case folded (16 hex digits of FNV-1a).
pub fn fingerprint(draft: &Draft) -> String {
    fnv(&format!("{}\n{}", draft.date, fold(&draft.what)))
}

/// An action item's fingerprint: its moment's fingerprint and its text, folded.
pub fn item_fingerprint(moment: &str, what: &str) -> String {
    fnv(&format!("{moment}\n{}", fold(what)))
}

/// 16 hex digits of FNV-1a.
fn fnv(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// A commitment already in the log, with where its values are.
#[derive(Clone, Debug)]
pub struct Held {
    /// Its text, folded.
    pub what: String,
    /// Its status, as written (`Open`).
    pub status: Option<(String, Span)>,
    /// Its due date and the span of the string, when it has one.
    pub due: Option<(String, Span)>,
    /// Where its `what` value ends, to add a due date after it.
    pub what_end: usize,
}

/// What the log remembers of earlier imports.
#[derive(Debug, Default)]
pub struct Memory {
    /// Every fingerprint in the ledger or on a moment.
    pub seen: HashSet<String>,
    /// The moments that carry a fingerprint, with their commitments.
    pub moments: HashMap<String, Known>,
}

/// A moment of an earlier import, as the log has it now.
#[derive(Clone, Debug)]
pub struct Known {
    /// Its commitments.
    pub held: Vec<Held>,
    /// Where new commitments go; `None` when the moment's text cannot take one.
    pub slot: Option<Slot>,
}

/// Where new commitments go in a moment: the bytes `at` become `keep` followed by
/// the new items, in the moment's own layout.
#[derive(Clone, Debug)]
pub struct Slot {
    /// The bytes replaced: from a value missing its comma to the insertion point
    /// (empty when no comma is missing).
    pub at: Span,
    /// What those bytes become before the items: a comma and the same bytes.
    pub keep: String,
    /// The `commitments: [` line and its `],` when the moment has no such field.
    pub field: Option<(String, String)>,
    /// The indentation of an item.
    pub indent: String,
    /// The indentation of the closing bracket, when it shares a line with the
    /// last value and is moved to a line of its own.
    pub close_indent: String,
    /// Whether the closing bracket starts its line (items go before that line).
    pub own_line: bool,
    /// The file's newline.
    pub nl: &'static str,
}

impl Slot {
    /// Where the RON `items` go and the text put there.
    pub fn fill(&self, items: &[String]) -> (Span, String) {
        let nl = self.nl;
        let lines: Vec<String> = match &self.field {
            None => items
                .iter()
                .map(|i| format!("{}{i},", self.indent))
                .collect(),
            Some((open, close)) => {
                let mut block = open.clone();
                for item in items {
                    block.push_str(&format!("{nl}{}{item},", self.indent));
                }
                block.push_str(&format!("{nl}{close}"));
                vec![block]
            }
        };
        let block: String = if self.own_line {
            lines.iter().map(|l| format!("{l}{nl}")).collect()
        } else {
            let mut block: String = lines.iter().map(|l| format!("{nl}{l}")).collect();
            block.push_str(nl);
            block.push_str(&self.close_indent);
            block
        };
        (self.at.clone(), format!("{}{block}", self.keep))
    }

    /// The slot of `moment` in `text`.
    fn of(text: &str, moment: &Node) -> Option<Self> {
        let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let unit = "    ";
        let field_indent = moment
            .fields()
            .first()
            .map_or("", |f| line_indent(text, f.name_span.start))
            .to_string();
        let (last_end, close, close_indent, indent, field) = match moment.field("commitments") {
            Some(list) => {
                let close_indent = line_indent(text, list.name_span.start).to_string();
                let indent = match list.value.items().last() {
                    Some(item) if starts_line(text, item.span.start) => {
                        line_indent(text, item.span.start).to_string()
                    }
                    _ => format!("{close_indent}{unit}"),
                };
                let last = list.value.items().last().map(|i| i.span.end);
                (
                    last,
                    closing(text, &list.value).ok()?,
                    close_indent,
                    indent,
                    None,
                )
            }
            None => {
                let last = moment.fields().last().map(|f| f.value.span.end);
                let open = format!("{field_indent}commitments: [");
                let shut = format!("{field_indent}],");
                (
                    last,
                    closing(text, moment).ok()?,
                    line_indent(text, moment.span.start).to_string(),
                    format!("{field_indent}{unit}"),
                    Some((open, shut)),
                )
            }
        };
        let own_line = starts_line(text, close);
        let at = if own_line {
            text[..close].rfind('\n').map_or(0, |i| i + 1)
        } else {
            close
        };
        let (at, keep) = match last_end {
            Some(end) if !has_comma_after(text, end) && end <= at => {
                (end..at, format!(",{}", text.get(end..at)?))
            }
            _ => (at..at, String::new()),
        };
        Some(Self {
            at,
            keep,
            field,
            indent,
            close_indent,
            own_line,
            nl,
        })
    }
}

impl Memory {
    /// Reads the ledger lines and the moments' source marks.
    pub fn read(text: &str, moments: &[Node]) -> Self {
        let mut memory = Self::default();
        for line in text.lines() {
            if let Some(at) = line.find(LEDGER) {
                let rest = &line[at + LEDGER.len()..];
                let rest = rest.split_once(':').map_or(rest, |(_, fps)| fps);
                memory
                    .seen
                    .extend(rest.split_whitespace().map(str::to_string));
            }
        }
        for node in moments {
            let Some(body) = text.get(node.span.start..node.span.end) else {
                continue;
            };
            let Some(at) = body.find(SOURCE) else {
                continue;
            };
            let fp: String = body[at + SOURCE.len()..]
                .chars()
                .take_while(char::is_ascii_hexdigit)
                .collect();
            let held = node
                .field("commitments")
                .map_or(&[][..], |f| f.value.items())
                .iter()
                .filter_map(|c| {
                    let what = c.field("what")?;
                    let value = |name: &str| {
                        c.field(name).map(|f| {
                            let span = f.value.span.clone();
                            let raw = text.get(span.start..span.end).unwrap_or("");
                            (raw.trim_matches('"').to_string(), span)
                        })
                    };
                    Some(Held {
                        what: fold(what.value.as_str().unwrap_or("")),
                        status: value("status"),
                        due: value("due"),
                        what_end: what.value.span.end,
                    })
                })
                .collect();
            memory.seen.insert(fp.clone());
            let slot = Slot::of(text, node);
            memory.moments.insert(fp, Known { held, slot });
        }
        memory
    }
}

/// White space folded, lower case: how commitments are matched.
pub fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
