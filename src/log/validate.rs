//! From the log as written to a log the rest of promo can trust: every check in one
//! pass, collecting every problem rather than stopping at the first.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::outline::{Node, Selection, Span};
use super::problem::Problem;
use super::problem::Severity;
use super::raw::{RawCommitment, RawLog, RawMoment};
use super::{Commitment, FORMAT_VERSION, Log, Moment, Person, PrivateMoments, Project, Target};
use crate::suggest::did_you_mean;

/// One step from a value to a value inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A struct field by name.
    Field(&'static str),
    /// A list item by index.
    Item(usize),
    /// The key of a map entry, by entry index.
    Key(usize),
    /// The value of a map entry, by entry index.
    Value(usize),
}

/// Where in the log a problem is, as a path from the top-level `Log(...)`.
pub type Locus = Vec<Step>;

/// A problem and where it is, before positions are known.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// What is wrong.
    pub problem: Problem,
    /// Where.
    pub at: Locus,
    /// A second place that explains it.
    pub related: Option<Locus>,
}

impl Finding {
    fn new(problem: Problem, at: Locus) -> Self {
        Self {
            problem,
            at,
            related: None,
        }
    }
}

/// Follows a locus in an outline; where a step is missing (an absent optional field),
/// stops at the deepest value that exists.
pub fn locate(root: &Node, locus: &[Step]) -> Span {
    let mut node = root;
    let mut span = root.span.clone();
    for step in locus {
        let next = match step {
            Step::Field(name) => node.field(name).map(|f| &f.value),
            Step::Item(i) => node.items().get(*i),
            Step::Key(i) => node.entries().get(*i).map(|(k, _)| k),
            Step::Value(i) => node.entries().get(*i).map(|(_, v)| v),
        };
        match next {
            Some(next) => {
                node = next;
                span = next.span.clone();
            }
            None => {
                // Point at the start of the enclosing value (its name), not all of it.
                let name_end = match &node.kind {
                    super::outline::NodeKind::Named {
                        name: Some((_, s)), ..
                    } => s.end,
                    _ => span.start + 1,
                };
                span = span.start..name_end;
                break;
            }
        }
    }
    span
}

/// Adds a locus to the values an outline must build to [`locate`] it.
pub fn select(selection: &mut Selection, locus: &[Step]) {
    let mut selection = selection;
    for step in locus {
        selection = match step {
            Step::Field(name) => selection.field(name),
            Step::Item(i) => selection.item(*i),
            Step::Key(i) | Step::Value(i) => selection.entry(*i),
        };
    }
}

/// Checks a raw log. Returns the validated log when there is no error, and every
/// finding (errors and warnings) either way.
pub fn validate(raw: RawLog, today: NaiveDate) -> (Option<Log>, Vec<Finding>) {
    validate_for(raw, today, true)
}

/// [`validate`], looking for repeated stories only when `stories` is set: they are
/// warnings, and a command that reads a valid log without showing its warnings need
/// not compare its moments twice (ranking does it again).
pub fn validate_for(raw: RawLog, today: NaiveDate, stories: bool) -> (Option<Log>, Vec<Finding>) {
    let mut findings = Vec::new();
    let top = |name: &'static str| vec![Step::Field(name)];

    if raw.version != FORMAT_VERSION {
        findings.push(Finding::new(
            Problem::UnsupportedVersion { found: raw.version },
            top("version"),
        ));
    }
    require_text(
        &raw.owner.name,
        "owner.name",
        || vec![Step::Field("owner"), Step::Field("name")],
        &mut findings,
    );
    require_text(
        &raw.owner.level,
        "owner.level",
        || vec![Step::Field("owner"), Step::Field("level")],
        &mut findings,
    );
    require_text(&raw.manager, "manager", || top("manager"), &mut findings);
    require_text(
        &raw.target.level,
        "target.level",
        || vec![Step::Field("target"), Step::Field("level")],
        &mut findings,
    );
    let submission = check_date(
        &raw.target.submission,
        || vec![Step::Field("target"), Step::Field("submission")],
        &mut findings,
    );
    let cycle_start = raw.target.cycle_start.as_deref().and_then(|text| {
        check_date(
            text,
            || vec![Step::Field("target"), Step::Field("cycle_start")],
            &mut findings,
        )
    });

    for (key, first, repeat) in &raw.projects.duplicates {
        findings.push(Finding {
            problem: Problem::DuplicateProjectKey { key: key.clone() },
            at: vec![Step::Field("projects"), Step::Key(*repeat)],
            related: Some(vec![Step::Field("projects"), Step::Key(*first)]),
        });
    }
    // Entry index of each kept project, for locating (duplicates shift map indices).
    let mut project_entries: Vec<usize> =
        (0..raw.projects.map.len() + raw.projects.duplicates.len()).collect();
    for (_, _, repeat) in raw.projects.duplicates.iter().rev() {
        project_entries.remove(*repeat);
    }
    let mut projects = indexmap::IndexMap::with_capacity(raw.projects.map.len());
    for (index, (key, project)) in raw.projects.map.into_iter().enumerate() {
        let entry = project_entries.get(index).copied().unwrap_or(index);
        if key.trim().is_empty() {
            findings.push(Finding::new(
                Problem::EmptyText {
                    field: "project key".into(),
                },
                vec![Step::Field("projects"), Step::Key(entry)],
            ));
        }
        require_text(
            &project.name,
            "name",
            || {
                vec![
                    Step::Field("projects"),
                    Step::Value(entry),
                    Step::Field("name"),
                ]
            },
            &mut findings,
        );
        projects.insert(
            key,
            Project {
                name: project.name,
                summary: project.summary.filter(|s| !s.trim().is_empty()),
            },
        );
    }

    let mut moments = Vec::with_capacity(raw.moments.len());
    let mut private = Vec::new();
    // Repeated ids are found first, borrowing each id rather than copying it, so the
    // ids can then move into the moments: the first index of each repeated id.
    let mut repeats: HashMap<usize, usize> = HashMap::new();
    {
        let mut seen_ids: HashMap<&str, usize> = HashMap::with_capacity(raw.moments.len());
        for (index, raw_moment) in raw.moments.iter().enumerate() {
            if let Some(id) = &raw_moment.id {
                if let Some(&first) = seen_ids.get(id.as_str()) {
                    repeats.insert(index, first);
                } else {
                    seen_ids.insert(id, index);
                }
            }
        }
    }
    let mut per_date: HashMap<String, usize> = HashMap::new();
    // The index in the file of each public moment, to point at repeated stories.
    let mut public_index: Vec<usize> = Vec::with_capacity(raw.moments.len());
    for (index, mut raw_moment) in raw.moments.into_iter().enumerate() {
        let at = |field: &'static str| {
            vec![
                Step::Field("moments"),
                Step::Item(index),
                Step::Field(field),
            ]
        };
        let id = match raw_moment.id.take() {
            Some(id) => {
                if !is_valid_id(&id) {
                    findings.push(Finding::new(
                        Problem::InvalidId { id: id.clone() },
                        at("id"),
                    ));
                }
                if let Some(&first) = repeats.get(&index) {
                    findings.push(Finding {
                        problem: Problem::DuplicateId { id: id.clone() },
                        at: at("id"),
                        related: Some(vec![
                            Step::Field("moments"),
                            Step::Item(first),
                            Step::Field("id"),
                        ]),
                    });
                }
                id
            }
            None => {
                let n = per_date.entry(raw_moment.date.clone()).or_insert(0);
                *n += 1;
                format!("{}#{}", raw_moment.date, n)
            }
        };
        if let Some(moment) = check_moment(raw_moment, id, index, &projects, today, &mut findings) {
            if moment.private {
                private.push(moment);
            } else {
                moments.push(moment);
                public_index.push(index);
            }
        }
    }
    // One story logged twice: a warning at the later telling (identity.rs has the rule).
    let repeats = if stories {
        crate::log::identity::repeats(&moments)
    } else {
        Vec::new()
    };
    for repeat in repeats {
        let (later, earlier) = (&moments[repeat.later], &moments[repeat.earlier]);
        let what = |index: usize| {
            vec![
                Step::Field("moments"),
                Step::Item(public_index[index]),
                Step::Field("what"),
            ]
        };
        findings.push(Finding {
            problem: Problem::RepeatedStory {
                id: later.id.clone(),
                earlier: earlier.id.clone(),
                days: (later.date - earlier.date).num_days(),
            },
            at: what(repeat.later),
            related: Some(what(repeat.earlier)),
        });
    }

    let mut meetings = Vec::with_capacity(raw.meetings.len());
    for (index, meeting) in raw.meetings.iter().enumerate() {
        let at = || {
            vec![
                Step::Field("meetings"),
                Step::Item(index),
                Step::Field("date"),
            ]
        };
        if let Some(date) = check_date(&meeting.date, at, &mut findings) {
            meetings.push(crate::log::Meeting {
                date,
                status: meeting.status,
            });
        }
    }
    meetings.sort_by_key(|m| m.date);
    meetings.dedup_by_key(|m| m.date);

    let has_error = findings
        .iter()
        .any(|f| f.problem.severity() == Severity::Error);
    let log = match (has_error, submission) {
        (false, Some(submission)) => Some(Log {
            owner: Person {
                name: raw.owner.name,
                role: raw.owner.role.filter(|r| !r.trim().is_empty()),
                level: raw.owner.level,
                pronouns: raw.owner.pronouns.as_deref().and_then(pronoun_set),
            },
            manager: raw.manager,
            target: Target {
                level: raw.target.level,
                submission,
                cycle: raw.target.cycle.filter(|c| !c.trim().is_empty()),
                cycle_start,
                track: raw.target.track.filter(|t| !t.trim().is_empty()),
            },
            cadence: raw.cadence.unwrap_or_default(),
            projects,
            moments,
            private: PrivateMoments::new(private),
            meetings,
        }),
        _ => None,
    };
    (log, findings)
}

fn check_moment(
    raw: RawMoment,
    id: String,
    index: usize,
    projects: &indexmap::IndexMap<String, Project>,
    today: NaiveDate,
    findings: &mut Vec<Finding>,
) -> Option<Moment> {
    let at = |field: &'static str| {
        vec![
            Step::Field("moments"),
            Step::Item(index),
            Step::Field(field),
        ]
    };
    let date = check_date(&raw.date, || at("date"), findings);
    if !projects.contains_key(&raw.project) {
        let known: Vec<String> = projects.keys().cloned().collect();
        findings.push(Finding::new(
            Problem::UnknownProject {
                suggestion: did_you_mean(&raw.project, known.iter().map(String::as_str))
                    .map(str::to_string),
                key: raw.project.clone(),
                known,
            },
            at("project"),
        ));
    }
    if raw.what.trim().is_empty() {
        findings.push(Finding::new(Problem::EmptyWhat, at("what")));
    }
    for (q, quote) in raw.quotes.iter().enumerate() {
        let quote_at = |field| nested_at(index, "quotes", q, field);
        require_text(&quote.by, "by", || quote_at("by"), findings);
        require_text(&quote.text, "text", || quote_at("text"), findings);
    }
    let mut commitments = Vec::with_capacity(raw.commitments.len());
    for (c, commitment) in raw.commitments.into_iter().enumerate() {
        let commitment_at = |field| nested_at(index, "commitments", c, field);
        if let Some(checked) = check_commitment(commitment, date, &commitment_at, findings) {
            commitments.push(checked);
        }
    }
    let date = date?;
    if date > today {
        findings.push(Finding::new(
            Problem::FutureMoment { date, today },
            at("date"),
        ));
    }
    let impact = raw.impact.filter(|i| !i.trim().is_empty());
    if impact.is_none() && !raw.private {
        findings.push(Finding::new(Problem::NoImpact, at("impact")));
    }
    Some(Moment {
        id,
        date,
        tag: raw.tag,
        project: raw.project,
        what: raw.what,
        reach: raw.reach,
        impact,
        witnesses: raw
            .witnesses
            .into_iter()
            .filter(|w| !w.trim().is_empty())
            .collect(),
        quotes: raw.quotes,
        commitments,
        private: raw.private,
        competencies: raw
            .competencies
            .into_iter()
            .map(|name| name.trim().to_string())
            .filter(|name| !name.is_empty())
            .collect(),
    })
}

fn check_commitment(
    raw: RawCommitment,
    moment_date: Option<NaiveDate>,
    at: &dyn Fn(&'static str) -> Locus,
    findings: &mut Vec<Finding>,
) -> Option<Commitment> {
    require_text(&raw.what, "what", || at("what"), findings);
    let due = match &raw.due {
        Some(text) => Some(check_date(text, || at("due"), findings)?),
        None => None,
    };
    if let (Some(due), Some(date)) = (due, moment_date)
        && due < date
    {
        findings.push(Finding::new(
            Problem::DueBeforeMoment { due, date },
            at("due"),
        ));
    }
    Some(Commitment {
        owner: raw.owner,
        what: raw.what,
        due,
        status: raw.status,
    })
}

/// `at` builds the locus only when there is a problem: most values have none.
/// The path to `field` of item `item` of the list `list` in moment `index`.
fn nested_at(index: usize, list: &'static str, item: usize, field: &'static str) -> Locus {
    vec![
        Step::Field("moments"),
        Step::Item(index),
        Step::Field(list),
        Step::Item(item),
        Step::Field(field),
    ]
}

fn require_text(text: &str, field: &str, at: impl FnOnce() -> Locus, findings: &mut Vec<Finding>) {
    if text.trim().is_empty() {
        findings.push(Finding::new(
            Problem::EmptyText {
                field: field.to_string(),
            },
            at(),
        ));
    }
}

/// Whether an id is easy to type and quote: ASCII letters, digits, `-`, `_`, `.`, `#`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'#'))
}

fn check_date(
    text: &str,
    at: impl FnOnce() -> Locus,
    findings: &mut Vec<Finding>,
) -> Option<NaiveDate> {
    match parse_date(text) {
        Ok(date) => Some(date),
        Err(problem) => {
            findings.push(Finding::new(problem, at()));
            None
        }
    }
}

/// Parses `YYYY-MM-DD`, explaining why a well-formed date does not exist.
pub fn parse_date(text: &str) -> Result<NaiveDate, Problem> {
    // Exactly `DDDD-DD-DD`, checked byte by byte: every moment has a date, and
    // splitting each into a vector of parts was one allocation per date.
    let bytes = text.as_bytes();
    let well_formed = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        return Err(Problem::MalformedDate {
            text: text.to_string(),
        });
    }
    let number = |part: &str| part.parse::<u32>().unwrap_or(0);
    let (year, month, day) = (
        number(&text[..4]) as i32,
        number(&text[5..7]),
        number(&text[8..]),
    );
    if year >= 1
        && let Some(date) = NaiveDate::from_ymd_opt(year, month, day)
    {
        return Ok(date);
    }
    // Years outside 1–9999 cannot be written in a calendar file (RFC 5545).
    let reason = if year < 1 {
        "there is no year 0: years run from 0001 to 9999".to_string()
    } else if !(1..=12).contains(&month) {
        format!("there is no month {month}")
    } else if day == 0 {
        "days start at 1".to_string()
    } else {
        let first = NaiveDate::from_ymd_opt(year, month, 1);
        let days = first
            .and_then(|f| f.checked_add_months(chrono::Months::new(1)))
            .zip(first)
            .map_or(0, |(next, first)| (next - first).num_days());
        let month_name = first.map_or_else(String::new, |f| f.format("%B").to_string());
        format!(
            "{month_name} {} has {days} days",
            first.map_or(year, |f| f.year())
        )
    };
    Err(Problem::ImpossibleDate {
        text: text.to_string(),
        reason,
    })
}

/// The pronoun set a `Person(pronouns: …)` names, by its first word: "she", "she/her"
/// and "She" are all `she`. Anything else falls back to the default (none given).
fn pronoun_set(written: &str) -> Option<String> {
    let first = written.split(['/', ' ', ',']).find(|w| !w.is_empty())?;
    let first = first.to_lowercase();
    ["she", "he", "they"]
        .contains(&first.as_str())
        .then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_and_explained() {
        assert!(parse_date("2024-02-29").is_ok());
        assert_eq!(
            parse_date("2025-02-29").map_err(|p| p.to_string()),
            Err("impossible date `2025-02-29`: February 2025 has 28 days".to_string())
        );
        assert_eq!(
            parse_date("2026-13-01").map_err(|p| p.to_string()),
            Err("impossible date `2026-13-01`: there is no month 13".to_string())
        );
        assert!(matches!(
            parse_date("2026/01/02"),
            Err(Problem::MalformedDate { .. })
        ));
        // Year 0 cannot be written in a calendar file (issue 16, item 7).
        assert!(matches!(
            parse_date("0000-01-01"),
            Err(Problem::ImpossibleDate { reason, .. })
                if reason == "there is no year 0: years run from 0001 to 9999"
        ));
        assert!(parse_date("0001-01-01").is_ok());
        assert!(parse_date("9999-12-31").is_ok());
    }
}
