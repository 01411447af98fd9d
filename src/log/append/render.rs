//! A new moment rendered as RON text in the layout of the moments around it.

use std::fmt::Write as _;

use super::NewMoment;
use crate::log::outline::Node;
use crate::log::ron::splice::{line_indent, starts_line};
use crate::log::{Commitment, CommitmentOwner, Quote, Status};

/// How a new moment is laid out: the indentation of the moment, of its fields,
/// and of the items of its lists; or all on one line, like the moment before it.
pub(super) struct Layout {
    /// The indentation of the moment's own line.
    pub(super) item: String,
    inner: String,
    unit: String,
    one_line: bool,
}

impl Layout {
    /// Copies the layout of an existing moment.
    pub(super) fn like(text: &str, moment: &Node, list_indent: &str, unit: &str) -> Self {
        let item = if starts_line(text, moment.span.start) {
            line_indent(text, moment.span.start).to_string()
        } else {
            format!("{list_indent}{unit}")
        };
        let one_line = !text[moment.span.clone()].contains('\n');
        let inner = moment
            .fields()
            .first()
            .filter(|f| starts_line(text, f.name_span.start))
            .map_or_else(
                || format!("{item}{unit}"),
                |f| line_indent(text, f.name_span.start).to_string(),
            );
        let unit = inner
            .strip_prefix(item.as_str())
            .filter(|u| !u.is_empty())
            .unwrap_or(unit)
            .to_string();
        Self {
            item,
            inner,
            unit,
            one_line,
        }
    }

    /// The layout for the first moment of a list whose field is at `list_indent`.
    pub(super) fn fresh(list_indent: &str, unit: &str) -> Self {
        let item = format!("{list_indent}{unit}");
        Self {
            inner: format!("{item}{unit}"),
            item,
            unit: unit.to_string(),
            one_line: false,
        }
    }

    /// The moment as RON, from `Moment(` to `)`, without the leading indentation
    /// or a trailing comma.
    pub(super) fn render(&self, moment: &NewMoment, nl: &str) -> String {
        let mut fields: Vec<String> = vec![
            format!("id: {}", ron_string(&moment.id)),
            format!("date: {}", ron_string(&moment.date.to_string())),
            format!("tag: {}", moment.tag.name()),
            format!("project: {}", ron_string(&moment.project)),
            format!("what: {}", ron_string(&moment.what)),
            format!("reach: {}", moment.reach.name()),
        ];
        if let Some(impact) = &moment.impact {
            fields.push(format!("impact: {}", ron_string(impact)));
        }
        if !moment.witnesses.is_empty() {
            let names: Vec<String> = moment.witnesses.iter().map(|w| ron_string(w)).collect();
            fields.push(format!("witnesses: [{}]", names.join(", ")));
        }
        let quotes: Vec<String> = moment.quotes.iter().map(quote).collect();
        let commitments: Vec<String> = moment.commitments.iter().map(commitment).collect();
        for (name, items) in [("quotes", quotes), ("commitments", commitments)] {
            if items.is_empty() {
                continue;
            }
            if self.one_line {
                fields.push(format!("{name}: [{}]", items.join(", ")));
            } else {
                let deeper = format!("{}{}", self.inner, self.unit);
                let mut list = format!("{name}: [");
                for item in items {
                    let _ = write!(list, "{nl}{deeper}{item},");
                }
                let _ = write!(list, "{nl}{}]", self.inner);
                fields.push(list);
            }
        }
        if moment.private {
            fields.push("private: true".into());
        }
        if self.one_line {
            format!("Moment({})", fields.join(", "))
        } else {
            let mut text = String::from("Moment(");
            for field in fields {
                let _ = write!(text, "{nl}{}{field},", self.inner);
            }
            let _ = write!(text, "{nl}{})", self.item);
            text
        }
    }
}

fn quote(quote: &Quote) -> String {
    format!(
        "Quote(by: {}, role: {}, text: {})",
        ron_string(&quote.by),
        quote.role.name(),
        ron_string(&quote.text)
    )
}

/// A commitment as RON, `Commitment(owner: …, what: …, status: …)`.
pub fn commitment(commitment: &Commitment) -> String {
    let owner = match &commitment.owner {
        CommitmentOwner::Me => "Me".to_string(),
        CommitmentOwner::Manager => "Manager".to_string(),
        CommitmentOwner::Other(name) => format!("Other({})", ron_string(name)),
    };
    let status = match commitment.status {
        Status::Open => "Open",
        Status::Held => "Held",
        Status::Broken => "Broken",
        Status::Dropped => "Dropped",
    };
    let due = commitment
        .due
        .map(|d| format!(", due: {}", ron_string(&d.to_string())))
        .unwrap_or_default();
    format!(
        "Commitment(owner: {owner}, what: {}{due}, status: {status})",
        ron_string(&commitment.what)
    )
}

/// `text` as a RON string literal: quotes, backslashes and control characters
/// escaped, everything else (accents, emoji, CJK) kept as it is.
pub fn ron_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_for_ron_and_unicode_is_kept() {
        assert_eq!(
            ron_string("a\"b\\c\nd\te\r\u{1b}Zoë"),
            "\"a\\\"b\\\\c\\nd\\te\\r\\u{1b}Zoë\""
        );
    }
}
