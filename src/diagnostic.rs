//! Problems found in a log, located in its text and rendered for a person:
//! `path:line:col: error: message`, the source line, and a caret under the culprit.

use std::fmt::Write as _;

use serde::Serialize;

use crate::error::Error;
use crate::escape::terminal;
use crate::log::LogError;
use crate::log::outline::Span;
pub use crate::log::problem::{Diagnostic, Severity};
use crate::source::Source;

/// A diagnostic as `check --format json` prints it.
#[derive(Clone, Debug, Serialize)]
pub struct DiagnosticJson {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
    /// The message, as in the text form.
    pub message: String,
}

impl Diagnostic {
    /// The JSON form.
    pub fn to_json(&self, source: &Source) -> DiagnosticJson {
        let position = source.position(self.span.start);
        DiagnosticJson {
            line: position.line,
            col: position.col,
            message: self.problem.to_string(),
        }
    }

    /// The text form: a header line, the source line, a caret line, and the related place.
    pub fn render(&self, source: &Source) -> String {
        let mut out = String::new();
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        snippet(
            &mut out,
            source,
            &self.span,
            label,
            &self.problem.to_string(),
        );
        if let Some(related) = &self.related {
            snippet(
                &mut out,
                source,
                related,
                "note",
                self.problem.related_note(),
            );
        }
        out
    }
}

/// Writes `path:line:col: label: message`, the line, and carets under the span.
fn snippet(out: &mut String, source: &Source, span: &Span, label: &str, message: &str) {
    let start = source.position(span.start);
    // The message and the line quote the log: a control or bidi character in it is
    // shown escaped, never sent to the terminal.
    let header = format!(
        "{}:{}:{}: {label}: {message}",
        source.path().display(),
        start.line,
        start.col
    );
    let _ = writeln!(out, "{}", terminal(&header));
    let line = source.line_text(start.line);
    if line.is_empty() && start.line > source.line_count() {
        return;
    }
    let gutter = start.line.to_string().len();
    let end = source.position(span.end.max(span.start));
    let width = if end.line == start.line {
        end.col.saturating_sub(start.col).max(1)
    } else {
        line.chars().count().saturating_sub(start.col - 1).max(1)
    };
    // A very long line (a minified log, a 1 MB string) is shown as a window around
    // the culprit, so the caret still points at it.
    let (line, first_col) = window(line, start.col, width);
    let width = width.min(WINDOW_CHARS);
    // Keep tabs so the caret lines up under tabbed source; an escaped character takes
    // as many columns as its escape.
    let before = start.col - first_col;
    let mut pad = String::new();
    let mut caret = 0;
    let mut shown = String::with_capacity(line.len());
    for (i, c) in line.chars().enumerate() {
        let text = if c == '\t' {
            "\t".to_string()
        } else {
            terminal(c.encode_utf8(&mut [0; 4]))
        };
        let cols = text.chars().count();
        if i < before {
            pad.push_str(&if c == '\t' {
                "\t".to_string()
            } else {
                " ".repeat(cols)
            });
        } else if i < before + width {
            caret += cols;
        }
        shown.push_str(&text);
    }
    // A span past the end of the line (a missing closing bracket) still gets its carets.
    let len = line.chars().count();
    caret += (before + width).saturating_sub(len.max(before));
    let _ = writeln!(out, "{:gutter$} |", "");
    let _ = writeln!(out, "{} | {shown}", start.line);
    let _ = writeln!(out, "{:gutter$} | {pad}{}", "", "^".repeat(caret));
}

/// The most characters of a source line a diagnostic shows.
const WINDOW_CHARS: usize = 160;

/// The part of `line` to show around column `col`, and the column it starts at.
/// Cut ends are marked with `…`.
fn window(line: &str, col: usize, width: usize) -> (String, usize) {
    let count = line.chars().count();
    if count <= WINDOW_CHARS {
        return (line.to_string(), 1);
    }
    let context = WINDOW_CHARS.saturating_sub(width.min(WINDOW_CHARS)) / 2;
    let first = col.saturating_sub(context.max(10)).max(1);
    let shown: String = line.chars().skip(first - 1).take(WINDOW_CHARS).collect();
    let tail = if first - 1 + WINDOW_CHARS < count {
        "…"
    } else {
        ""
    };
    if first > 1 {
        // The leading `…` takes the place of one character, keeping the caret aligned.
        let rest: String = shown.chars().skip(1).collect();
        (format!("…{rest}{tail}"), first)
    } else {
        (format!("{shown}{tail}"), first)
    }
}

/// Renders every diagnostic, errors and warnings in file order, with a summary line.
pub fn render_all(diagnostics: &[Diagnostic], source: &Source) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&diagnostic.render(source));
    }
    out
}

/// A log's failure as the command reports it. It is made here because a refused log
/// shows every error rendered with its source line; the log itself renders nothing.
impl From<LogError> for Error {
    fn from(error: LogError) -> Self {
        match error {
            LogError::NotFound { path } => Error::LogNotFound { path },
            LogError::IsDirectory { path } => Error::IsDirectory { path },
            LogError::Input(input) => Error::from(input),
            LogError::Invalid { source, errors } => Error::InvalidLog {
                path: source.path().to_path_buf(),
                count: errors.len(),
                rendered: errors.iter().map(|d| d.render(&source)).collect(),
            },
            LogError::Store(error) => Error::Store(error),
        }
    }
}
