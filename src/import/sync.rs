//! Re-import as a sync. Every imported moment carries the fingerprint of the
//! notes item it came from (`id: "m007" /* promo:source 9f2c… */`), and the log
//! keeps a ledger of every fingerprint it ever took, one line comment per import
//! right after `version` (`// promo:imported 2026-11-21: 9f2c… 41ab…`). So an item
//! comes once: importing the notes again skips it, even when its moment was
//! edited or deleted in the log since. A known item whose action items changed in
//! the notes (a box ticked, a due date moved) updates those commitments in place.
//! A log without these comments (any v1 log) is as valid as before.

use std::collections::{HashMap, HashSet};

use super::Draft;
use crate::log::outline::{Node, Span};

/// The comment marker on a moment's `id`.
pub const SOURCE: &str = "promo:source ";
/// The ledger's line-comment marker.
pub const LEDGER: &str = "// promo:imported ";

/// A notes item's fingerprint: its meeting's date and its text, white space and
/// case folded (16 hex digits of FNV-1a).
pub fn fingerprint(draft: &Draft) -> String {
    let text = format!(
        "{}\n{}",
        draft.date,
        draft
            .what
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    );
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
    pub moments: HashMap<String, Vec<Held>>,
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
            memory.moments.insert(fp, held);
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
