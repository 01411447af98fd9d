//! Reading a log file: bytes → text → RON → [`super::raw::RawLog`] → validated
//! [`Log`], with every problem turned into a located [`Diagnostic`].

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::Log;
use super::error::LogError;
use super::outline;
use super::problem::{Diagnostic, Problem, Severity};
use super::raw::RawLog;
use super::ron::{Grammar, problem_of, trivia};
use super::validate::{self, Finding};
use crate::source::{self, Source};

/// Logs larger than this are refused: the limit of every file promo reads.
pub const MAX_LOG_BYTES: u64 = source::MAX_INPUT_BYTES;

/// A log file read and checked: the validated log when it has no error, and every
/// diagnostic either way.
#[derive(Debug)]
pub struct Checked {
    /// The text, for pointing at problems and for byte-preserving edits.
    pub source: Source,
    /// The validated log, when there is no error.
    pub log: Option<Log>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }

    /// The warnings only.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    /// The validated log, or an error that holds every problem.
    pub fn into_log(self) -> Result<(Log, Source), LogError> {
        match self.log {
            Some(log) => Ok((log, self.source)),
            None => Err(LogError::Invalid {
                errors: self.errors().cloned().collect(),
                source: self.source,
            }),
        }
    }
}

/// Reads the file at `path` (through symlinks), refusing missing and oversized files.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, LogError> {
    crate::store::sweep_unlocked(path);
    Ok(source::read_input(path)?)
}

/// Reads and checks the log at `path`. Only I/O problems are `Err`; a log with
/// problems comes back as [`Checked`] with diagnostics.
pub fn check_file(path: &Path, today: NaiveDate) -> Result<Checked, LogError> {
    let bytes = read_bytes(path)?;
    Ok(check_bytes(path.to_path_buf(), bytes, today))
}

/// Reads, checks and returns the validated log at `path`, or an error showing every problem.
pub fn load(path: &Path, today: NaiveDate) -> Result<(Log, Source), LogError> {
    let bytes = read_bytes(path)?;
    load_bytes(path.to_path_buf(), bytes, today)
}

/// Checks a log's bytes and returns the validated log, or an error showing every problem.
/// Like [`check_bytes`] then [`Checked::into_log`], but a valid log's warnings are not
/// located: nobody shows them, and locating thousands of them in a big log costs more
/// than reading it.
pub fn load_bytes(
    path: PathBuf,
    bytes: Vec<u8>,
    today: NaiveDate,
) -> Result<(Log, Source), LogError> {
    check_bytes_for(path, bytes, today, Report::Errors).into_log()
}

/// Which diagnostics a check locates.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Report {
    /// Every error and warning.
    Everything,
    /// Only what makes the log invalid: a valid log comes back with no diagnostics.
    Errors,
}

/// Checks a log's bytes.
pub fn check_bytes(path: PathBuf, bytes: Vec<u8>, today: NaiveDate) -> Checked {
    check_bytes_for(path, bytes, today, Report::Everything)
}

fn check_bytes_for(path: PathBuf, bytes: Vec<u8>, today: NaiveDate, report: Report) -> Checked {
    if bytes.starts_with(&[0xff, 0xfe])
        || bytes.starts_with(&[0xfe, 0xff])
        || is_bomless_utf16(&bytes)
    {
        let source = Source::new(path, String::new());
        return fail(source, Problem::Utf16, 0..0);
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let byte = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let source = Source::new(path, lossy);
            // A BOM shifts text offsets by three bytes; the reported byte is the file's.
            let offset = if source.has_bom() {
                byte.saturating_sub(3)
            } else {
                byte
            };
            return fail(source, Problem::InvalidUtf8 { byte }, offset..offset + 1);
        }
    };
    check_source_for(Source::new(path, text), today, report)
}

/// Whether the bytes look like UTF-16 saved without a byte-order mark: ASCII text with
/// a NUL before (big-endian) or after (little-endian) every character. Named as UTF-16
/// rather than as a NUL byte, which would send the person looking for damage.
fn is_bomless_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64) & !1];
    head.len() >= 4
        && (0..2).any(|nul| {
            head.chunks_exact(2)
                .all(|pair| pair[nul] == 0 && pair[1 - nul] != 0 && pair[1 - nul].is_ascii())
        })
}

/// Checks a log's text.
pub fn check_source(source: Source, today: NaiveDate) -> Checked {
    check_source_for(source, today, Report::Everything)
}

fn check_source_for(source: Source, today: NaiveDate, report: Report) -> Checked {
    if let Some(nul) = source.text().find('\0') {
        return fail(source, Problem::NulByte, nul..nul + 1);
    }
    let bytes = source.text().as_bytes();
    if let Some(cr) = source
        .text()
        .match_indices('\r')
        .map(|(i, _)| i)
        .find(|&i| bytes.get(i + 1) != Some(&b'\n'))
    {
        let mixed = source.text().contains('\n');
        return fail(source, Problem::BareCarriageReturn { mixed }, cr..cr + 1);
    }
    if trivia::is_blank(source.text()) {
        return fail(source, Problem::Empty, 0..0);
    }
    let raw: RawLog = match super::parse::raw_log(source.text()) {
        Ok(raw) => raw,
        Err(error) => {
            let (problem, span) = problem_of(&source, &error, &LOG_GRAMMAR);
            return fail(source, problem, span);
        }
    };
    let (log, findings) = validate::validate_for(raw, today, report == Report::Everything);
    if report == Report::Errors && log.is_some() {
        return Checked {
            source,
            log,
            diagnostics: Vec::new(),
        };
    }
    let mut diagnostics = if findings.is_empty() {
        Vec::new()
    } else {
        locate_all(&source, &findings)
    };
    // Fields an import guessed carry a comment mark: warnings until the owner looks.
    if source.text().contains(super::guessed::MARKER) {
        diagnostics.extend(super::guessed::diagnostics(&source));
        diagnostics.sort_by_key(|d| (d.span.start, d.severity));
    }
    Checked {
        source,
        log,
        diagnostics,
    }
}

fn fail(source: Source, problem: Problem, span: outline::Span) -> Checked {
    Checked {
        diagnostics: vec![Diagnostic::new(problem, span)],
        source,
        log: None,
    }
}

/// Turns findings into located diagnostics, in file order.
fn locate_all(source: &Source, findings: &[Finding]) -> Vec<Diagnostic> {
    // The text parsed as RON already, so the outline reads it too; if it ever does
    // not, point at the start rather than lose the finding. Only the values on the
    // findings' paths are built: a big log with many warnings has little to build.
    let mut selection = outline::Selection::default();
    for finding in findings {
        validate::select(&mut selection, &finding.at);
        if let Some(related) = &finding.related {
            validate::select(&mut selection, related);
        }
    }
    let root = outline::parse_selected(source.text(), &selection).ok();
    let mut diagnostics: Vec<Diagnostic> = findings
        .iter()
        .map(|finding| {
            let span = root
                .as_ref()
                .map_or(0..0, |root| validate::locate(root, &finding.at));
            let diagnostic = Diagnostic::new(finding.problem.clone(), span);
            match (&finding.related, &root) {
                (Some(related), Some(root)) => {
                    diagnostic.with_related(validate::locate(root, related))
                }
                _ => diagnostic,
            }
        })
        .collect();
    diagnostics.sort_by_key(|d| (d.span.start, d.severity));
    diagnostics
}

/// How the log's RON reads in messages.
const LOG_GRAMMAR: Grammar = Grammar {
    root: "Log",
    enum_kind,
    precise_syntax: true,
};

/// What a log's enum is called in a message.
fn enum_kind(outer: Option<&str>) -> &'static str {
    match outer {
        Some("Tag") => "tag",
        Some("Reach") => "reach",
        Some("Role") => "role",
        Some("Status") => "status",
        Some("CommitmentOwner") => "commitment owner",
        Some("Cadence") => "cadence",
        _ => "value",
    }
}
