//! Adding moments to a log as text insertions written in the file's own style.
//!
//! Adding moments to a log by inserting text, never by re-serialising it: the new
//! moment is written in the file's own style (its indentation, its line endings,
//! one line or several) right after the last moment, and every other byte of the
//! file (comments, order, formatting, a BOM) stays exactly as it was.
//!
//! [`Appender`] reads where things are with [`super::outline`]; [`Insertion`]
//! holds the new file and re-checks it before anyone writes it to disk.

mod render;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use thiserror::Error;

use crate::log::edit::{Change, Recheck, Splice};
use crate::log::load::Checked;
use crate::log::outline::{self, Body, Node, NodeKind, OutlineError, Span};
use crate::log::problem::Problem;
use crate::log::ron::splice::{
    Unclosed, block_before, closing, has_comma_after, indent_unit, line_indent, starts_line,
};
use crate::log::validate::is_valid_id;
use crate::log::{Log, Moment};
use render::Layout;

use crate::source::Source;
use crate::suggest::did_you_mean;
pub use render::commitment as ron_commitment;
pub use render::ron_string;

/// A moment to add: exactly what the log will hold once it is written. Its `id` is
/// the one written ([`Appender::next_free_id`] gives the next `mNNN`).
pub type NewMoment = Moment;

/// Why a moment cannot be added. Nothing was written in any case.
#[derive(Debug, Error)]
pub enum AppendError {
    /// The moment names a project the log does not define.
    #[error("unknown project `{key}`{}", known_projects(suggestion, known))]
    UnknownProject {
        /// The key given.
        key: String,
        /// The nearest known key.
        suggestion: Option<String>,
        /// Every key the log defines, in file order.
        known: Vec<String>,
    },
    /// Another moment already has this id.
    #[error("the id `{id}` is already used by a moment in the log: choose another")]
    DuplicateId {
        /// The id.
        id: String,
    },
    /// An id the log format does not accept.
    #[error("invalid id `{id}`: use at most 64 letters, digits, `-`, `_`, `.` or `#`")]
    InvalidId {
        /// The id.
        id: String,
    },
    /// The text has no `Log(...)` with fields at its top level.
    #[error("the log's top level is not `Log(...)` with fields")]
    NotALog,
    /// The outline reader could not follow the text (the log was checked first, so
    /// this is a bug in promo, reported rather than risking the file).
    #[error("cannot find where the moments end (at byte {at}); please report this")]
    Unreadable {
        /// Where the reader stopped.
        at: usize,
    },
    /// The new text does not re-check: the moment itself is invalid.
    #[error(
        "the new moment would make the log invalid: {}",
        join_problems(problems)
    )]
    WouldBreakLog {
        /// The errors the re-check found.
        problems: Vec<Problem>,
    },
    /// The new text re-checks but does not hold what was added (a bug in promo).
    #[error(
        "the log would hold {found} moments instead of {expected} after the insertion; please report this"
    )]
    Miscounted {
        /// Moments expected.
        expected: usize,
        /// Moments found.
        found: usize,
    },
}

fn known_projects(suggestion: &Option<String>, known: &[String]) -> String {
    let list = known
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match (suggestion, known.is_empty()) {
        (_, true) => ": the log has no projects yet; add one under `projects` first".into(),
        (Some(s), false) => format!("; did you mean `{s}`? the log's projects are {list}"),
        (None, false) => format!("; the log's projects are {list}"),
    }
}

fn join_problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// A log's text, read for inserting moments into it.
#[derive(Debug)]
pub struct Appender<'a> {
    source: &'a Source,
    root: Node,
}

/// The new file: the old bytes with the moments inserted.
#[derive(Debug)]
pub struct Insertion {
    /// The new file and where the inserted text is in it; everything outside the
    /// spliced ranges is the old text, byte for byte.
    pub change: Change,
    /// How many moments the log holds after the insertion.
    expected_moments: usize,
}

impl<'a> Appender<'a> {
    /// Reads where the parts of `source` are.
    pub fn new(source: &'a Source) -> Result<Self, AppendError> {
        // Where things are is all an insertion needs, and the ids: the moments' other
        // values are only skimmed (building them all was a third of `add` on a big log).
        let mut wanted = outline::Selection::default();
        wanted.field("moments").every_item().field("id");
        let root = outline::parse_selected(source.text(), &wanted)
            .map_err(|error| AppendError::Unreadable { at: error.at })?;
        match &root.kind {
            NodeKind::Named {
                body: Body::Struct(fields),
                ..
            } if !fields.is_empty() => Ok(Self { source, root }),
            _ => Err(AppendError::NotALog),
        }
    }

    fn moments(&self) -> &[Node] {
        self.root
            .field("moments")
            .map_or(&[], |field| field.value.items())
    }

    /// The ids written in the file, private moments' included.
    pub fn ids(&self) -> Vec<&str> {
        self.moments()
            .iter()
            .filter_map(|m| m.field("id").and_then(|f| f.value.as_str()))
            .collect()
    }

    /// The next free `mNNN`: one more than the highest `m<digits>` id, with at
    /// least three digits (or as many as the highest one has).
    pub fn next_free_id(&self) -> String {
        let ids = self.ids();
        let (highest, width) = ids
            .iter()
            .filter_map(|id| {
                let digits = id.strip_prefix('m')?;
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                Some((digits.parse::<u128>().ok()?, digits.len()))
            })
            .max()
            .unwrap_or((0, 3));
        let taken: HashSet<&str> = ids.into_iter().collect();
        let mut next = highest.saturating_add(1);
        loop {
            let id = format!("m{next:0width$}", width = width.max(3));
            if !taken.contains(id.as_str()) {
                return id;
            }
            next = next.saturating_add(1);
        }
    }

    /// Refuses moments that name an unknown project, or whose id is invalid or
    /// already used (in the file, or earlier in `moments`).
    pub fn check(&self, log: &Log, moments: &[NewMoment]) -> Result<(), AppendError> {
        let mut taken: HashSet<&str> = self
            .ids()
            .into_iter()
            .chain(log.moments.iter().map(|m| m.id.as_str()))
            .collect();
        for moment in moments {
            if !log.projects.contains_key(&moment.project) {
                let known: Vec<String> = log.projects.keys().cloned().collect();
                return Err(AppendError::UnknownProject {
                    suggestion: did_you_mean(&moment.project, known.iter().map(String::as_str))
                        .map(str::to_string),
                    key: moment.project.clone(),
                    known,
                });
            }
            if !is_valid_id(&moment.id) {
                return Err(AppendError::InvalidId {
                    id: moment.id.clone(),
                });
            }
            if !taken.insert(&moment.id) {
                return Err(AppendError::DuplicateId {
                    id: moment.id.clone(),
                });
            }
        }
        Ok(())
    }

    /// The new file with `moments` inserted after the last moment, in the file's style.
    pub fn insert(&self, moments: &[NewMoment]) -> Result<Insertion, AppendError> {
        let text = self.source.text();
        let style = Style::of(text, &self.root);
        let nl = style.newline;
        let mut edits: Vec<(usize, String)> = Vec::new();
        match self.root.field("moments") {
            Some(field) => {
                let list = &field.value;
                if !matches!(list.kind, NodeKind::List(_)) {
                    return Err(AppendError::NotALog);
                }
                let close = closing(text, list)?;
                let field_indent = line_indent(text, field.name_span.start);
                let layout = match list.items().last() {
                    Some(last) => {
                        if !has_comma_after(text, last.span.end) {
                            edits.push((last.span.end, ",".into()));
                        }
                        Layout::like(text, last, field_indent, &style.unit)
                    }
                    None => Layout::fresh(field_indent, &style.unit),
                };
                let rendered: Vec<String> = moments
                    .iter()
                    .map(|m| format!("{}{},", layout.item, layout.render(m, nl)))
                    .collect();
                edits.push(block_before(text, close, &rendered, field_indent, nl));
            }
            None => {
                let fields = self.root.fields();
                let last = fields.last().ok_or(AppendError::NotALog)?;
                let close = closing(text, &self.root)?;
                if !has_comma_after(text, last.value.span.end) {
                    edits.push((last.value.span.end, ",".into()));
                }
                let root_indent = line_indent(text, self.root.span.start);
                let field_indent = if starts_line(text, last.name_span.start) {
                    line_indent(text, last.name_span.start).to_string()
                } else {
                    format!("{root_indent}{}", style.unit)
                };
                let layout = Layout::fresh(&field_indent, &style.unit);
                let mut field_text = format!("{field_indent}moments: [");
                for moment in moments {
                    let _ = write!(
                        field_text,
                        "{nl}{}{},",
                        layout.item,
                        layout.render(moment, nl)
                    );
                }
                let _ = write!(field_text, "{nl}{field_indent}],");
                edits.push(block_before(text, close, &[field_text], root_indent, nl));
            }
        }
        Ok(self.apply(edits, moments.len()))
    }

    fn apply(&self, edits: Vec<(usize, String)>, added: usize) -> Insertion {
        let splices = edits
            .into_iter()
            .map(|(at, text)| Splice::insert(at, text))
            .collect();
        Insertion {
            change: Change::splice(self.source, splices),
            expected_moments: self.moments().len() + added,
        }
    }
}

impl Insertion {
    /// Checks the new file as `promo check` would, refusing it if it has an error
    /// or does not hold exactly the moments expected. Returns the check, whose
    /// warnings may concern the new moments ([`Insertion::is_inserted`]).
    pub fn verify(&self, path: &Path, today: NaiveDate) -> Result<Checked, AppendError> {
        self.change
            .recheck(path, today, self.expected_moments)
            .map_err(AppendError::from)
    }

    /// Whether a span of the new text (e.g. a warning's) lies in inserted text.
    pub fn is_inserted(&self, span: &Span) -> bool {
        self.change.is_spliced(span.start)
    }
}

impl From<OutlineError> for AppendError {
    fn from(error: OutlineError) -> Self {
        Self::Unreadable { at: error.at }
    }
}

impl From<Unclosed> for AppendError {
    fn from(unclosed: Unclosed) -> Self {
        Self::Unreadable { at: unclosed.at }
    }
}

impl From<Recheck> for AppendError {
    fn from(refused: Recheck) -> Self {
        match refused {
            Recheck::Invalid { problems } => Self::WouldBreakLog { problems },
            Recheck::Miscounted { expected, found } => Self::Miscounted { expected, found },
        }
    }
}

/// How the file writes things: its line ending and its indentation step.
struct Style {
    newline: &'static str,
    unit: String,
}

impl Style {
    fn of(text: &str, root: &Node) -> Self {
        let crlf = text.matches("\r\n").count();
        let lf = text.matches('\n').count() - crlf;
        let newline = if crlf > 0 && crlf >= lf { "\r\n" } else { "\n" };
        // The step is how much deeper the top-level fields sit than `Log(`.
        let unit = indent_unit(text, root);
        Self { newline, unit }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::load;
    use crate::log::{Commitment, CommitmentOwner, Quote, Reach, Role, Status, Tag};

    const TODAY: &str = "2026-11-21";

    fn today() -> NaiveDate {
        TODAY.parse().expect("date")
    }

    fn moment(id: &str) -> NewMoment {
        NewMoment {
            competencies: Vec::new(),
            id: id.into(),
            date: "2026-11-20".parse().expect("date"),
            tag: Tag::Decision,
            project: "search".into(),
            what: "Chose \"ranking\" over C:\\synonyms\tnow\nZoë 🚀\u{7}".into(),
            reach: Reach::CrossTeam,
            impact: Some("Freed 2 engineers".into()),
            witnesses: vec!["Tess Obi".into(), "José".into()],
            quotes: vec![Quote {
                by: "Tess Obi".into(),
                role: Role::Manager,
                text: "Right \"call\".".into(),
            }],
            commitments: vec![Commitment {
                owner: CommitmentOwner::Other("Kim".into()),
                what: "Share the plan".into(),
                due: Some("2026-11-27".parse().expect("date")),
                status: Status::Open,
            }],
            private: false,
        }
    }

    const HEAD: &str = "Log(\n    version: 1,\n    owner: Person(name: \"Mara\", level: \"L5\"),\n    manager: \"Tess\",\n    target: Target(level: \"L6\", submission: \"2027-03-01\"),\n    projects: {\"search\": Project(name: \"Search\")},\n";

    /// Inserts one moment, checks the result re-parses with the moment's fields,
    /// and that removing the inserted ranges gives back the original exactly.
    fn insert_into(text: &str) -> String {
        let source = Source::new("t.ron", text.to_string());
        let checked = load::check_source(Source::new("t.ron", text.to_string()), today());
        let (log, _) = checked.into_log().expect("the original is valid");
        let appender = Appender::new(&source).expect("outline");
        let new = moment(&appender.next_free_id());
        appender
            .check(&log, std::slice::from_ref(&new))
            .expect("acceptable");
        let insertion = appender.insert(std::slice::from_ref(&new)).expect("insert");
        insertion
            .verify(Path::new("t.ron"), today())
            .expect("re-checks");
        let new_text = String::from_utf8(insertion.change.bytes.clone()).expect("utf8");
        let new_text = new_text
            .strip_prefix('\u{feff}')
            .unwrap_or(&new_text)
            .to_string();
        let mut kept = String::new();
        let mut at = 0;
        for range in &insertion.change.spliced {
            kept.push_str(&new_text[at..range.start]);
            at = range.end;
        }
        kept.push_str(&new_text[at..]);
        assert_eq!(
            kept,
            text.strip_prefix('\u{feff}').unwrap_or(text),
            "only insertions"
        );
        let (log, _) = load::check_bytes("t.ron".into(), insertion.change.bytes, today())
            .into_log()
            .expect("valid");
        let added = log.moments.last().expect("a moment");
        assert_eq!(added.what, new.what);
        assert_eq!(added.quotes, new.quotes);
        assert_eq!(added.commitments, new.commitments);
        assert_eq!(added.witnesses, new.witnesses);
        new_text
    }

    #[test]
    fn inserts_after_the_last_moment_in_its_style() {
        let text = format!(
            "{HEAD}    moments: [\n      Moment(\n        id: \"m007\",\n        date: \"2026-09-10\",\n        tag: Scope,\n        project: \"search\",\n        what: \"x\",\n        reach: Team,\n      ),\n    ],\n)\n"
        );
        let new = insert_into(&text);
        assert!(
            new.contains(
                "      ),\n      Moment(\n        id: \"m008\",\n        date: \"2026-11-20\",\n"
            ),
            "{new}"
        );
        assert!(new.contains("\n        quotes: [\n          Quote(by: \"Tess Obi\", role: Manager, text: \"Right \\\"call\\\".\"),\n        ],\n"), "{new}");
        assert!(
            new.contains(
                "Other(\"Kim\"), what: \"Share the plan\", due: \"2026-11-27\", status: Open)"
            ),
            "{new}"
        );
        assert!(new.ends_with("      ),\n    ],\n)\n"), "{new}");
    }

    #[test]
    fn adds_the_missing_trailing_comma_and_keeps_comments_and_crlf() {
        let text = format!(
            "{HEAD}    moments: [\n        Moment(id: \"a\", date: \"2026-09-10\", tag: Scope, project: \"search\", what: \"x\", reach: Team) // last\n        // more to come\n    ] /* end */,\n)\n"
        )
        .replace('\n', "\r\n");
        let new = insert_into(&text);
        assert!(new.contains("reach: Team), // last\r\n        // more to come\r\n        Moment(id: \"m001\", date: \"2026-11-20\""), "{new}");
        assert!(!new.replace("\r\n", "").contains('\n'), "CRLF throughout");
    }

    #[test]
    fn fills_an_empty_list_and_creates_a_missing_field() {
        let empty = insert_into(&format!("{HEAD}    moments: [],\n)\n"));
        assert!(
            empty.contains("    moments: [\n        Moment(\n            id: \"m001\","),
            "{empty}"
        );
        assert!(empty.ends_with("        ),\n    ],\n)\n"), "{empty}");
        // No `moments` field, and no comma after the last field.
        let missing = insert_into(&format!("{}\n)", HEAD.trim_end_matches(",\n")));
        assert!(
            missing.contains("Project(name: \"Search\")},\n    moments: [\n        Moment(\n"),
            "{missing}"
        );
        assert!(missing.ends_with("        ),\n    ],\n)"), "{missing}");
    }

    #[test]
    fn keeps_a_bom_and_tabs() {
        let text = format!("\u{feff}{}    moments: [\n    ]\n)\n", HEAD).replace("    ", "\t");
        let new_bytes = {
            let source = Source::new("t.ron", text.clone());
            Appender::new(&source)
                .expect("outline")
                .insert(&[moment("m001")])
                .expect("insert")
                .change
                .bytes
        };
        assert!(new_bytes.starts_with("\u{feff}Log(\n\tversion".as_bytes()));
        let new = String::from_utf8(new_bytes).expect("utf8");
        assert!(
            new.contains("\tmoments: [\n\t\tMoment(\n\t\t\tid: \"m001\",\n"),
            "{new}"
        );
        insert_into(&text);
    }

    #[test]
    fn next_free_id_follows_the_highest_number() {
        let ids = |list: &str| {
            let text = format!("{HEAD}    moments: [{list}],\n)");
            let source = Source::new("t.ron", text);
            Appender::new(&source).expect("outline").next_free_id()
        };
        let m = |id: &str| {
            format!(
                "Moment(id: \"{id}\", date: \"2026-01-01\", tag: Scope, project: \"search\", what: \"x\", reach: Team),"
            )
        };
        assert_eq!(ids(""), "m001");
        assert_eq!(ids(&(m("m009") + &m("m002") + &m("x77"))), "m010");
        assert_eq!(ids(&m("m999")), "m1000");
        assert_eq!(ids(&m("m0041")), "m0042");
    }

    #[test]
    fn refuses_unknown_projects_and_taken_ids() {
        let text = format!(
            "{HEAD}    moments: [Moment(id: \"m001\", date: \"2026-01-01\", tag: Scope, project: \"search\", what: \"x\", reach: Team)],\n)"
        );
        let source = Source::new("t.ron", text.clone());
        let (log, _) = load::check_source(Source::new("t.ron", text), today())
            .into_log()
            .expect("valid");
        let appender = Appender::new(&source).expect("outline");
        let mut wrong = moment("m002");
        wrong.project = "serch".into();
        let error = appender.check(&log, &[wrong]).expect_err("unknown");
        assert_eq!(
            error.to_string(),
            "unknown project `serch`; did you mean `search`? the log's projects are `search`"
        );
        assert!(matches!(
            appender.check(&log, &[moment("m001")]),
            Err(AppendError::DuplicateId { .. })
        ));
        assert!(matches!(
            appender.check(&log, &[moment("m2"), moment("m2")]),
            Err(AppendError::DuplicateId { .. })
        ));
        assert!(matches!(
            appender.check(&log, &[moment("a b")]),
            Err(AppendError::InvalidId { .. })
        ));
    }

    #[test]
    fn an_invalid_moment_is_refused_by_the_re_check() {
        let text = format!("{HEAD}    moments: [],\n)");
        let source = Source::new("t.ron", text);
        let mut empty = moment("m001");
        empty.what = "  ".into();
        let insertion = Appender::new(&source)
            .expect("outline")
            .insert(&[empty])
            .expect("insert");
        let error = insertion
            .verify(Path::new("t.ron"), today())
            .expect_err("empty what");
        assert!(error.to_string().contains("empty `what`"), "{error}");
    }
}
