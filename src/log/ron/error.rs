//! ron's parse errors as located [`Problem`]s: one mapping for every RON file promo reads.

use super::outline::{self, Span};
use crate::log::problem::Problem;
use crate::source::{Position, Source};
use crate::suggest::did_you_mean;

/// What the mapping needs to know about the kind of file being read.
#[derive(Clone, Copy, Debug)]
pub struct Grammar {
    /// The top-level struct's name, for a field error outside any named struct.
    pub root: &'static str,
    /// What a value of an enum is called in a message, from the enum's name.
    pub enum_kind: fn(Option<&str>) -> &'static str,
    /// Whether a missing `,` and text cut short mid-value are told apart from other
    /// syntax errors (the log's messages do; the ladder's keep ron's wording).
    pub precise_syntax: bool,
}

/// Translates ron's error into a problem and the span to point at.
pub fn problem_of(
    source: &Source,
    error: &ron::error::SpannedError,
    grammar: &Grammar,
) -> (Problem, Span) {
    use ron::error::Error as E;
    let to_offset = |p: ron::error::Position| {
        source.offset(Position {
            line: p.line,
            col: p.col,
        })
    };
    let start = to_offset(error.span.start);
    let end = to_offset(error.span.end).max(start);
    let names = |list: &[&str]| list.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
    let parent = |outer: &Option<String>| outer.clone().unwrap_or_else(|| grammar.root.into());
    // Text that stops mid-value (the outline reader runs off the end) was cut short.
    let runs_off_end = || {
        grammar.precise_syntax
            && outline::parse(source.text()).is_err_and(|e| e.at >= source.text().trim_end().len())
    };
    let precise_comma = grammar.precise_syntax && matches!(error.code, E::ExpectedComma);
    let problem = match &error.code {
        E::Eof
        | E::ExpectedArrayEnd
        | E::ExpectedMapEnd
        | E::ExpectedStructLikeEnd
        | E::ExpectedStringEnd
        | E::ExpectedComma
            if runs_off_end() =>
        {
            Problem::Truncated
        }
        E::Eof | E::UnclosedBlockComment | E::UnclosedLineComment => Problem::Truncated,
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => Problem::UnknownField {
            field: found.clone(),
            parent: parent(outer),
            suggestion: did_you_mean(found, expected.iter().copied()).map(str::to_string),
            expected: names(expected),
        },
        E::MissingStructField { field, outer } => Problem::MissingField {
            field: (*field).to_string(),
            parent: parent(outer),
        },
        E::DuplicateStructField { field, outer } => Problem::DuplicateField {
            field: (*field).to_string(),
            parent: parent(outer),
        },
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => Problem::UnknownVariant {
            kind: (grammar.enum_kind)(outer.as_deref()).to_string(),
            found: found.clone(),
            suggestion: did_you_mean(found, expected.iter().copied()).map(str::to_string),
            expected: names(expected),
        },
        E::ExpectedDifferentStructName { expected, found } => Problem::WrongStructName {
            expected: (*expected).to_string(),
            found: found.clone(),
        },
        E::ExceededRecursionLimit => Problem::TooDeep,
        E::ExpectedComma if precise_comma => Problem::Syntax {
            message: "missing `,` after this value".into(),
        },
        E::InvalidValueForType { expected, found } => Problem::Invalid {
            message: format!("expected {expected}, found {found}"),
        },
        E::Message(message) => Problem::Invalid {
            message: lowercase_first(message),
        },
        other => Problem::Syntax {
            message: lowercase_first(&other.to_string()),
        },
    };
    let span = match &problem {
        Problem::UnknownField { .. }
        | Problem::UnknownVariant { .. }
        | Problem::WrongStructName { .. } => identifier_at(source.text(), start, end),
        Problem::Truncated => {
            let end = source.text().trim_end().len();
            end..end
        }
        // ron stops at the next value; the comma belongs after the previous one.
        Problem::Syntax { .. } if precise_comma => {
            let before = source.text()[..start].trim_end();
            let last = before.chars().next_back().map_or(0, char::len_utf8);
            before.len().saturating_sub(last)..before.len()
        }
        _ => start..end.max(start + 1).min(source.text().len().max(start)),
    };
    (problem, span)
}

/// The identifier ron complained about: inside the span it reports, or just before it.
fn identifier_at(text: &str, start: usize, end: usize) -> Span {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let inside = &text[start..end.min(text.len())];
    if let Some(first) = inside.find(is_ident) {
        let from = start + first;
        let len = text[from..]
            .find(|c: char| !is_ident(c))
            .unwrap_or(text.len() - from);
        return from..from + len;
    }
    let before = &text[..start];
    let trimmed = before.trim_end_matches(|c: char| !is_ident(c));
    let word_start = trimmed.rfind(|c: char| !is_ident(c)).map_or(0, |i| i + 1);
    word_start..trimmed.len()
}

/// ron's message with its first letter in lowercase, to follow "error: ".
pub fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
