//! The calendar's meetings put into the log's text: only the `meetings` field changes.
//!
//! The imported meetings are merged with those already in the log (the calendar's
//! word wins for a date it has; dates it no longer lists are kept), and the field is
//! written whole, one `Meeting(...)` a line, in date order. When the merged list reads
//! exactly as the field already does, there is nothing to write, so importing the same
//! file twice leaves the log byte for byte as it was.

use std::collections::BTreeMap;

use crate::log::edit::Splice;
use crate::log::outline::Node;
use crate::log::ron::splice::{block_before, closing, has_comma_after, indent_unit, line_indent};
use crate::log::{Meeting, MeetingStatus};

/// What the import does to the text.
#[derive(Debug)]
pub struct MeetingsEdit {
    /// The splices; empty when nothing changes.
    pub splices: Vec<Splice>,
    /// The merged meetings.
    pub meetings: Vec<Meeting>,
    /// Dates new to the log, and dates whose status changed.
    pub added: usize,
    /// Dates whose status changed.
    pub changed: usize,
}

/// The splices writing `imported` into the log `text` (whose outline is `root`).
pub fn plan(text: &str, root: &Node, existing: &[Meeting], imported: &[Meeting]) -> MeetingsEdit {
    let mut merged: BTreeMap<_, MeetingStatus> =
        existing.iter().map(|m| (m.date, m.status)).collect();
    let (mut added, mut changed) = (0, 0);
    for m in imported {
        match merged.insert(m.date, m.status) {
            None => added += 1,
            Some(old) if old != m.status => changed += 1,
            Some(_) => {}
        }
    }
    let meetings: Vec<Meeting> = merged
        .into_iter()
        .map(|(date, status)| Meeting { date, status })
        .collect();
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let unit = indent_unit(text, root);
    let root_indent = line_indent(text, root.span.start).to_string();
    let field_indent = format!("{root_indent}{unit}");
    let list = list_text(&meetings, &field_indent, &unit, nl);
    let mut splices = Vec::new();
    match root.field("meetings") {
        Some(field) => {
            let span = field.value.span.clone();
            if text.get(span.clone()) != Some(list.as_str()) {
                splices.push(Splice::replace(span, list));
            }
        }
        None if meetings.is_empty() => {}
        None => {
            if let Some(last) = root.fields().last()
                && !has_comma_after(text, last.value.span.end)
            {
                splices.push(Splice::insert(last.value.span.end, ","));
            }
            if let Ok(close) = closing(text, root) {
                let (at, block) = block_before(
                    text,
                    close,
                    &[format!("{field_indent}meetings: {list},")],
                    &root_indent,
                    nl,
                );
                splices.push(Splice::insert(at, block));
            }
        }
    }
    MeetingsEdit {
        splices,
        meetings,
        added,
        changed,
    }
}

/// `[`, one `Meeting(date: "…", status: …),` a line, `]`.
fn list_text(meetings: &[Meeting], field_indent: &str, unit: &str, nl: &str) -> String {
    if meetings.is_empty() {
        return "[]".into();
    }
    let mut out = format!("[{nl}");
    for m in meetings {
        let status = match m.status {
            MeetingStatus::Held => "Held",
            MeetingStatus::Cancelled => "Cancelled",
            MeetingStatus::Scheduled => "Scheduled",
        };
        out.push_str(&format!(
            "{field_indent}{unit}Meeting(date: \"{}\", status: {status}),{nl}",
            m.date
        ));
    }
    out.push_str(field_indent);
    out.push(']');
    out
}
