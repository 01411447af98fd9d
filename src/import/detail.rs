//! The lines under a moment (nested bullets in Markdown, body lines in jrnl) and
//! what they add to it: an impact, witnesses, a quote, an action item, or more
//! of its text.

use super::action::{self, Action};
use super::feedback;
use super::{Draft, DraftQuote, People, Remark};
use crate::log::Status;

/// What one line under a moment adds to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detail {
    /// `Impact: …`, `Result: …`, `Outcome: …`.
    Impact(String),
    /// `Witnesses: A, B and C`, `Seen by: …`.
    Witnesses(Vec<String>),
    /// A quote with quotation marks and a speaker.
    Quote(DraftQuote),
    /// An action item in one of the explicit shapes.
    Action(Action),
    /// Anything else: more of the moment's text.
    Text(String),
}

/// Reads one line under a moment.
pub fn classify(
    text: &str,
    checkbox: Option<Status>,
    meeting: Option<chrono::NaiveDate>,
    people: &People,
) -> Detail {
    let text = text.trim();
    let lower = text.to_lowercase();
    for label in ["impact:", "result:", "outcome:", "metric:"] {
        if lower.starts_with(label) {
            return Detail::Impact(text[label.len()..].trim().to_string());
        }
    }
    for label in ["witnesses:", "witness:", "seen by:", "vouchers:"] {
        if lower.starts_with(label) {
            let names = text[label.len()..]
                .split([',', '&', ';'])
                .flat_map(|part| part.split(" and "))
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_string)
                .collect();
            return Detail::Witnesses(names);
        }
    }
    if let Some(action) = action::parse(text, checkbox, false, meeting, people) {
        return Detail::Action(action);
    }
    if let Some(quote) = feedback::parse(text, true, people) {
        return Detail::Quote(quote);
    }
    Detail::Text(text.to_string())
}

/// Adds a detail to a draft; `line` is where it was, for caveats.
pub fn apply(draft: &mut Draft, detail: Detail, line: usize, remarks: &mut Vec<Remark>) {
    match detail {
        Detail::Impact(impact) if !impact.is_empty() => match &mut draft.impact {
            Some(existing) => {
                existing.push_str("; ");
                existing.push_str(&impact);
            }
            None => draft.impact = Some(impact),
        },
        Detail::Impact(_) => {}
        Detail::Witnesses(names) => {
            for name in names {
                if !draft.witnesses.contains(&name) {
                    draft.witnesses.push(name);
                }
            }
        }
        Detail::Quote(quote) => draft.quotes.push(quote),
        Detail::Action(action) => {
            if let Some(note) = action.note {
                remarks.push(Remark::note(line, note));
            }
            draft.commitments.push(action.commitment);
        }
        Detail::Text(text) => {
            // Sentences stay sentences; a fragment after a fragment reads as a list.
            let joiner = if draft.what.ends_with(['.', '!', '?']) {
                " "
            } else if text.starts_with(char::is_uppercase) {
                ". "
            } else {
                "; "
            };
            draft.what.push_str(joiner);
            draft.what.push_str(&text);
        }
    }
}
