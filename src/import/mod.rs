//! Import: notes kept in other tools (a Markdown 1:1 document, a jrnl export) added to the log.
//!
//! Importing the notes people already keep: a running 1:1 document in Markdown
//! ([`markdown`]) or a jrnl JSON export ([`jrnl`]).
//!
//! Data flows one way: a reader turns its file into [`Draft`]s (moments as far as
//! the notes say) and [`Remark`]s (every line it could not map, with its line
//! number); [`plan`] then resolves projects against the log, drops what the log
//! already holds and gives ids; [`mod@write`] inserts the result into the log's text,
//! marking each guessed field with a `promo:guessed` comment
//! ([`crate::log::guessed`]) so `promo check` warns about it until the owner looks.
//! `docs/import.md` describes every mapping.

mod action;
mod detail;
mod due;
mod feedback;
pub mod ics;
pub mod ics_write;
mod infer;
pub mod jrnl;
pub mod markdown;
mod plan;
pub mod sync;
pub mod write;

use chrono::NaiveDate;

use crate::log::{Commitment, Quote, Reach, Tag};

pub use plan::{Existing, FALLBACK_PROJECT, NewProject, Plan, Planned, Step, Update, plan};

/// A value and, when the notes did not say it, why it was chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guess<T> {
    /// The value.
    pub value: T,
    /// Why it was guessed; `None` when the notes said so.
    pub note: Option<String>,
}

impl<T> Guess<T> {
    /// A value the notes state.
    pub fn sure(value: T) -> Self {
        Self { value, note: None }
    }

    /// A value the import chose, and why.
    pub fn guessed(value: T, note: impl Into<String>) -> Self {
        Self {
            value,
            note: Some(note.into()),
        }
    }
}

/// Where a moment's project comes from, before the log's projects are known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProjectHint {
    /// Nothing explicit: the text is searched for a project's key or name.
    Text,
    /// A label the notes put on it (a `Search:` prefix, a jrnl tag), as written.
    Named(String),
}

/// A quote, with the fields that were guessed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftQuote {
    /// The quote.
    pub quote: Quote,
    /// Guessed fields (`by`, `role`) and why.
    pub guesses: Vec<(&'static str, String)>,
}

/// A commitment, with its owner perhaps guessed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftCommitment {
    /// The commitment.
    pub commitment: Commitment,
    /// Why the owner was guessed, if it was.
    pub owner_note: Option<String>,
}

/// A moment as far as the notes say it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// Which of the imported files it comes from, from 0.
    pub file: usize,
    /// The line of the notes it comes from.
    pub line: usize,
    /// When it happened.
    pub date: NaiveDate,
    /// What kind of evidence it is.
    pub tag: Guess<Tag>,
    /// Where its project comes from.
    pub project: ProjectHint,
    /// What happened.
    pub what: String,
    /// How far it reached.
    pub reach: Guess<Reach>,
    /// The outcome, if the notes give one.
    pub impact: Option<String>,
    /// Who saw it.
    pub witnesses: Vec<String>,
    /// What people said.
    pub quotes: Vec<DraftQuote>,
    /// Who owes what by when.
    pub commitments: Vec<DraftCommitment>,
    /// Whether it stays on the owner's machine.
    pub private: Guess<bool>,
}

/// What a reader says about a line it could not map, or mapped with a caveat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remark {
    /// Which of the imported files, from 0.
    pub file: usize,
    /// The line, from 1.
    pub line: usize,
    /// Whether the line's content is in the log.
    pub kind: RemarkKind,
    /// Why, for a person.
    pub message: String,
}

/// Whether a remark's line made it into the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RemarkKind {
    /// The line is not in the log.
    NotImported,
    /// The line is in the log, with a caveat.
    Note,
}

impl Remark {
    /// A line that is not in the log, and why.
    pub fn not_imported(line: usize, reason: impl Into<String>, text: &str) -> Self {
        Self {
            file: 0,
            line,
            kind: RemarkKind::NotImported,
            message: format!("{}: \"{}\"", reason.into(), shorten(text)),
        }
    }

    /// A line that is in the log with a caveat.
    pub fn note(line: usize, message: impl Into<String>) -> Self {
        Self {
            file: 0,
            line,
            kind: RemarkKind::Note,
            message: message.into(),
        }
    }

    /// `path:line: not imported: …` or `path:line: note: …`.
    pub fn render(&self, path: &std::path::Path) -> String {
        let label = match self.kind {
            RemarkKind::NotImported => "not imported",
            RemarkKind::Note => "note",
        };
        format!(
            "{}:{}: {label}: {}",
            path.display(),
            self.line,
            self.message
        )
    }
}

impl Parsed {
    /// Marks everything as coming from file number `file`, and adds it to `self`.
    pub fn absorb(&mut self, mut other: Parsed, file: usize) {
        for draft in &mut other.drafts {
            draft.file = file;
        }
        for remark in &mut other.remarks {
            remark.file = file;
        }
        self.drafts.append(&mut other.drafts);
        self.remarks.append(&mut other.remarks);
    }
}

/// What a reader made of a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The moments, in the file's order.
    pub drafts: Vec<Draft>,
    /// Lines not imported, and caveats.
    pub remarks: Vec<Remark>,
}

/// What a reader knows of the log: whose notes these are and who the manager is,
/// to tell "me" and "my manager" from other people, and today, to leave upcoming
/// 1:1s alone.
#[derive(Clone, Debug)]
pub struct People {
    /// The owner's full name.
    pub owner: String,
    /// The manager's full name.
    pub manager: String,
    /// Today.
    pub today: NaiveDate,
}

#[cfg(test)]
impl People {
    /// The people of the import unit tests: Mara Chen, managed by Tess Obi, on 2026-11-21.
    pub(crate) fn testing() -> People {
        People {
            owner: "Mara Chen".into(),
            manager: "Tess Obi".into(),
            today: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default(),
        }
    }
}

/// At most 80 characters of a line, for a remark.
fn shorten(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= 80 {
        text.to_string()
    } else {
        let cut: String = text.chars().take(79).collect();
        format!("{cut}…")
    }
}
