//! Everything `promo check` can find wrong in a log, as data, and where each one is.

use chrono::NaiveDate;
use serde::Serialize;
use thiserror::Error;

use super::ron::outline::Span;

/// How bad a problem is (re-exported as `crate::diagnostic::Severity`): errors make a log invalid, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The log cannot be used until this is fixed.
    Error,
    /// Worth fixing; the log still works.
    Warning,
}

/// One problem and where it is. `crate::diagnostic` renders it for a person (the
/// source line and a caret) and as JSON; the log only locates it.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub problem: Problem,
    /// Where, in the BOM-stripped text.
    pub span: Span,
    /// A second place that explains the first (e.g. where a duplicate id was first used).
    pub related: Option<Span>,
}

impl Diagnostic {
    /// A diagnostic with the problem's own severity.
    pub fn new(problem: Problem, span: Span) -> Self {
        Self {
            severity: problem.severity(),
            problem,
            span,
            related: None,
        }
    }

    /// Adds the place that explains this one.
    pub fn with_related(mut self, related: Span) -> Self {
        self.related = Some(related);
        self
    }
}

/// One kind of problem, with the names and values needed to explain it.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Problem {
    /// The bytes are not UTF-8.
    #[error("invalid UTF-8 at byte offset {byte}: promo logs must be saved as UTF-8")]
    InvalidUtf8 {
        /// Offset of the first bad byte in the file.
        byte: usize,
    },
    /// The file is UTF-16.
    #[error("the file is UTF-16 encoded: save it as UTF-8")]
    Utf16,
    /// Nothing but white space and comments.
    #[error("the log is empty: start one with `promo init`")]
    Empty,
    /// A line ending that is a carriage return alone: ron reads a comment (or a
    /// whole CR-only file) as running on past it, so say so instead.
    #[error("{}", if *mixed {
        "this line ends with a bare carriage return (CR) while others end with LF: save the file with one kind of line ending (LF or CRLF)"
    } else {
        "the lines end with a bare carriage return (CR, as old Mac files do): save the file with LF or CRLF line endings"
    })]
    BareCarriageReturn {
        /// Whether other lines end with LF.
        mixed: bool,
    },
    /// A NUL byte, which no text log contains.
    #[error("NUL byte in the file: is this a binary file, or was it damaged?")]
    NulByte,
    /// The text ended in the middle of a value.
    #[error("unexpected end of file: the file may be truncated")]
    Truncated,
    /// RON syntax the reader could not follow.
    #[error("{message}")]
    Syntax {
        /// What the RON reader said, lowercased.
        message: String,
    },
    /// A value of the wrong type or form.
    #[error("{message}")]
    Invalid {
        /// What was expected and found.
        message: String,
    },
    /// Nesting deeper than the reader allows.
    #[error("nesting is too deep: the log format needs only a few levels")]
    TooDeep,
    /// A field the format does not have.
    #[error("unknown field `{field}` in `{parent}`{}", hint(suggestion, expected))]
    UnknownField {
        /// The field as written.
        field: String,
        /// The struct it appeared in.
        parent: String,
        /// The nearest known field.
        suggestion: Option<String>,
        /// Every field the struct has.
        expected: Vec<String>,
    },
    /// A required field is missing.
    #[error("missing field `{field}` in `{parent}`")]
    MissingField {
        /// The field's name.
        field: String,
        /// The struct that needs it.
        parent: String,
    },
    /// A field given twice.
    #[error("field `{field}` given twice in `{parent}`")]
    DuplicateField {
        /// The field's name.
        field: String,
        /// The struct it appeared in.
        parent: String,
    },
    /// An enum value the format does not have.
    #[error("unknown {kind} `{found}`{}", hint(suggestion, expected))]
    UnknownVariant {
        /// What kind of value: `tag`, `reach`, `role`, ….
        kind: String,
        /// The value as written.
        found: String,
        /// The nearest known value.
        suggestion: Option<String>,
        /// Every value allowed.
        expected: Vec<String>,
    },
    /// A struct written with the wrong name, e.g. `Momnet(`.
    #[error("expected `{expected}(...)`, found `{found}(...)`")]
    WrongStructName {
        /// The right name.
        expected: String,
        /// The name as written.
        found: String,
    },
    /// A format version this build does not read.
    #[error("unsupported log version {found}: this promo reads version 1")]
    UnsupportedVersion {
        /// The version written.
        found: u32,
    },
    /// A moment names a project that `projects` does not have.
    #[error("unknown project `{key}`{}", hint(suggestion, known))]
    UnknownProject {
        /// The key as written.
        key: String,
        /// The nearest known key.
        suggestion: Option<String>,
        /// Every known key.
        known: Vec<String>,
    },
    /// A moment cites a competency the ladder does not have: a warning, because the
    /// moment is still evidence (only that citation counts for nothing) and the same log
    /// may be judged on another ladder (`--ladder`, `target.track`).
    #[error("unknown competency `{name}`{}", hint(suggestion, known))]
    UnknownCompetency {
        /// The name as written.
        name: String,
        /// The nearest competency name.
        suggestion: Option<String>,
        /// Every competency of the ladder.
        known: Vec<String>,
    },
    /// `target.track` names no built-in track: a warning, because every command still
    /// judges the case, on the track the owner's role or the target level picks, and the
    /// log loads as before (`--ladder FILE` ignores the name altogether).
    #[error(
        "unknown track `{name}`, so the case is judged on `{used}`{}",
        hint(suggestion, known)
    )]
    UnknownTrack {
        /// The name as written.
        name: String,
        /// The built-in track used instead.
        used: String,
        /// The nearest built-in track.
        suggestion: Option<String>,
        /// Every built-in track.
        known: Vec<String>,
    },
    /// Two projects with the same key (RON would silently keep the last).
    #[error("duplicate project key `{key}`")]
    DuplicateProjectKey {
        /// The key.
        key: String,
    },
    /// Two moments with the same id.
    #[error("duplicate moment id `{id}`")]
    DuplicateId {
        /// The id.
        id: String,
    },
    /// An id that is empty or has characters that make it hard to type.
    #[error("invalid moment id `{id}`: use letters, digits, `-`, `_` or `.`")]
    InvalidId {
        /// The id as written.
        id: String,
    },
    /// A date in the right shape that does not exist.
    #[error("impossible date `{text}`: {reason}")]
    ImpossibleDate {
        /// The date as written.
        text: String,
        /// Why it does not exist.
        reason: String,
    },
    /// A date not written as `YYYY-MM-DD`.
    #[error("malformed date `{text}`: write dates as YYYY-MM-DD")]
    MalformedDate {
        /// The date as written.
        text: String,
    },
    /// A moment with nothing in `what`.
    #[error("empty `what`: say what happened, decision first")]
    EmptyWhat,
    /// A required name or text left empty.
    #[error("empty `{field}`")]
    EmptyText {
        /// The field left empty.
        field: String,
    },
    /// A moment dated after today.
    #[error("moment dated {date}, after today ({today}): it is not evidence until that day")]
    FutureMoment {
        /// The moment's date.
        date: NaiveDate,
        /// Today, as given by `--today` or the clock.
        today: NaiveDate,
    },
    /// A commitment due before the 1:1 that made it.
    #[error("commitment due {due}, before its moment ({date})")]
    DueBeforeMoment {
        /// When it is due.
        due: NaiveDate,
        /// When the moment happened.
        date: NaiveDate,
    },
    /// A public moment that tells the same story as an earlier one (same project, close
    /// dates, shared figures or most words): ranking counts the story once.
    #[error("moment `{id}` tells the same story as `{earlier}` ({days} day{} apart, same project): it counts once; merge them, or say what is different", if *days == 1 { "" } else { "s" })]
    RepeatedStory {
        /// The later moment's id.
        id: String,
        /// The earlier moment's id.
        earlier: String,
        /// Days between them.
        days: i64,
    },
    /// A public moment with no impact written.
    #[error("no impact: what changed because of this? a number makes it evidence")]
    NoImpact,
    /// A field an import had to guess.
    #[error("{field} guessed by import: {note}")]
    Guessed {
        /// The guessed field.
        field: String,
        /// What was guessed and why.
        note: String,
    },
}

fn hint(suggestion: &Option<String>, expected: &[String]) -> String {
    match suggestion {
        Some(s) => format!("; did you mean `{s}`?"),
        None if expected.is_empty() => String::new(),
        None if expected.len() <= 6 => format!(
            "; expected one of {}",
            expected
                .iter()
                .map(|e| format!("`{e}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => String::new(),
    }
}

impl Problem {
    /// Errors make the log unusable; the rest are warnings.
    pub fn severity(&self) -> Severity {
        match self {
            Problem::FutureMoment { .. }
            | Problem::DueBeforeMoment { .. }
            | Problem::NoImpact
            | Problem::RepeatedStory { .. }
            | Problem::Guessed { .. }
            | Problem::UnknownCompetency { .. }
            | Problem::UnknownTrack { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// What many problems of this kind are called, for `check`'s line after the
    /// first few of them ("… and 12 more near-duplicate pairs").
    pub fn plural_kind(&self) -> &'static str {
        match self {
            Problem::RepeatedStory { .. } => "near-duplicate pairs",
            Problem::NoImpact => "moments without an impact",
            Problem::FutureMoment { .. } => "moments dated after today",
            Problem::DueBeforeMoment { .. } => "commitments due before their moment",
            Problem::Guessed { .. } => "guessed fields",
            Problem::UnknownCompetency { .. } => "unknown competencies",
            _ => "problems of this kind",
        }
    }

    /// What the related place of a diagnostic is, for its `note:` line.
    pub fn related_note(&self) -> &'static str {
        match self {
            Problem::DuplicateId { .. } => "first used here",
            Problem::DuplicateProjectKey { .. } => "first defined here",
            Problem::DuplicateField { .. } => "first given here",
            Problem::RepeatedStory { .. } => "the earlier telling",
            _ => "related",
        }
    }
}
