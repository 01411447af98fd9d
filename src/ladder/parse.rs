//! Reading a ladder file: RON → levels and competencies, then the checks serde cannot
//! make (unique names, shares that are percents, criteria on known levels), every
//! problem located as `path:line:col`.

use serde::Deserialize;

use super::{Competency, Level};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::log::outline;
use crate::log::problem::Problem;
use crate::log::ron::{Grammar, problem_of};
use crate::log::validate::{Step, locate};
use crate::source::Source;
use crate::suggest::did_you_mean;

/// `Ladder(...)` as written.
#[derive(Debug, Deserialize)]
#[serde(rename = "Ladder", deny_unknown_fields)]
struct RawLadder {
    #[serde(default)]
    track: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    people_evidence: bool,
    levels: Vec<Level>,
    #[serde(default)]
    competencies: Vec<Competency>,
}

/// A checked ladder's parts.
pub(super) struct Parsed {
    pub track: Option<String>,
    pub title: Option<String>,
    pub levels: Vec<Level>,
    pub competencies: Vec<Competency>,
    pub people_evidence: bool,
}

/// A problem found after parsing, and where it is, before positions are known.
struct Finding {
    problem: Problem,
    at: Vec<Step>,
}

/// The checked ladder in a text, or every problem in it.
pub(super) fn ladder(source: &Source) -> Result<Parsed, Error> {
    let options = ron::Options::default()
        .with_recursion_limit(32)
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let raw: RawLadder = match options.from_str(source.text()) {
        Ok(raw) => raw,
        Err(error) => {
            let (problem, span) = problem_of(source, &error, &LADDER_GRAMMAR);
            return Err(invalid(source, vec![Diagnostic::new(problem, span)]));
        }
    };
    let mut findings = check(&raw.levels);
    findings.extend(check_competencies(&raw.levels, &raw.competencies));
    if findings.is_empty() {
        let mut levels = raw.levels;
        for index in 0..levels.len() {
            let expected = raw
                .competencies
                .iter()
                .filter_map(|c| c.at(&levels, index))
                .collect();
            levels[index].expected = expected;
            levels[index].people_evidence = raw.people_evidence;
        }
        return Ok(Parsed {
            track: raw.track.filter(|t| !t.trim().is_empty()),
            title: raw.title.filter(|t| !t.trim().is_empty()),
            levels,
            competencies: raw.competencies,
            people_evidence: raw.people_evidence,
        });
    }
    // The text parsed as RON, so the outline reads it too; if not, point at the start.
    let root = outline::parse(source.text()).ok();
    let diagnostics = findings
        .into_iter()
        .map(|finding| {
            let span = root.as_ref().map_or(0..0, |root| locate(root, &finding.at));
            Diagnostic::new(finding.problem, span)
        })
        .collect();
    Err(invalid(source, diagnostics))
}

fn invalid(source: &Source, diagnostics: Vec<Diagnostic>) -> Error {
    Error::InvalidLadder {
        path: source.path().to_path_buf(),
        count: diagnostics.len(),
        rendered: diagnostics.iter().map(|d| d.render(source)).collect(),
    }
}

/// Every name unique across ids and aliases (a lookup must never be ambiguous) and
/// every share a percent.
fn check(levels: &[Level]) -> Vec<Finding> {
    let mut findings = Vec::new();
    if levels.is_empty() {
        findings.push(Finding {
            problem: invalid_problem(
                "the ladder has no levels: list at least one `Level(...)`".into(),
            ),
            at: vec![Step::Field("levels")],
        });
    }
    let mut seen: Vec<(String, &str)> = Vec::new();
    for (index, level) in levels.iter().enumerate() {
        let at = |steps: &[Step]| {
            let mut locus = vec![Step::Field("levels"), Step::Item(index)];
            locus.extend_from_slice(steps);
            locus
        };
        let names =
            std::iter::once((level.id.as_str(), at(&[Step::Field("id")]))).chain(
                level.aliases.iter().enumerate().map(|(i, alias)| {
                    (alias.as_str(), at(&[Step::Field("aliases"), Step::Item(i)]))
                }),
            );
        for (name, locus) in names {
            let key = name.trim().to_lowercase();
            if key.is_empty() {
                findings.push(Finding {
                    problem: invalid_problem(
                        "empty level name: give the level an id and aliases people use".into(),
                    ),
                    at: locus,
                });
            } else if let Some((_, owner)) = seen.iter().find(|(k, _)| *k == key) {
                findings.push(Finding {
                    problem: invalid_problem(format!(
                        "level name `{name}` is already used by level `{owner}`: ids and aliases must be unique, ignoring case"
                    )),
                    at: locus,
                });
            } else {
                seen.push((key, level.id.as_str()));
            }
        }
        for (field, share) in [
            ("decision_share", level.decision_share),
            ("leverage_share", level.leverage_share),
        ] {
            if share > 100 {
                findings.push(Finding {
                    problem: invalid_problem(format!(
                        "`{field}` is {share}: a share is a percent from 0 to 100"
                    )),
                    at: at(&[Step::Field(field)]),
                });
            }
        }
    }
    findings
}

/// Competency names unique, citable and non-empty, titles given, and every criteria
/// key a level of the ladder.
fn check_competencies(levels: &[Level], competencies: &[Competency]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (index, competency) in competencies.iter().enumerate() {
        let at = |steps: &[Step]| {
            let mut locus = vec![Step::Field("competencies"), Step::Item(index)];
            locus.extend_from_slice(steps);
            locus
        };
        let key = competency.name.trim().to_lowercase();
        if !is_citable(&key) {
            findings.push(Finding {
                problem: invalid_problem(format!(
                    "competency name `{}` cannot be cited: use lowercase letters, digits, `-` and `_`, e.g. `judgment`",
                    competency.name
                )),
                at: at(&[Step::Field("name")]),
            });
        } else if seen.contains(&key) {
            findings.push(Finding {
                problem: invalid_problem(format!(
                    "competency `{}` is listed twice: names must be unique, ignoring case",
                    competency.name
                )),
                at: at(&[Step::Field("name")]),
            });
        } else {
            seen.push(key);
        }
        if competency.title.trim().is_empty() {
            findings.push(Finding {
                problem: invalid_problem(format!(
                    "competency `{}` has an empty title: give the name people read",
                    competency.name
                )),
                at: at(&[Step::Field("title")]),
            });
        }
        for (entry, (level, criteria)) in competency.criteria.iter().enumerate() {
            if !levels.iter().any(|l| l.answers_to(level)) {
                let suggestion = did_you_mean(level, levels.iter().flat_map(Level::names));
                findings.push(Finding {
                    problem: invalid_problem(format!(
                        "criteria for unknown level `{level}` in competency `{}`{}",
                        competency.name,
                        suggestion.map_or_else(String::new, |s| format!("; did you mean `{s}`?"))
                    )),
                    at: at(&[Step::Field("criteria"), Step::Key(entry)]),
                });
            }
            for (i, criterion) in criteria.iter().enumerate() {
                if criterion.trim().is_empty() {
                    findings.push(Finding {
                        problem: invalid_problem("empty criterion: say what the level does".into()),
                        at: at(&[Step::Field("criteria"), Step::Value(entry), Step::Item(i)]),
                    });
                }
            }
        }
    }
    findings
}

/// Whether a competency name is easy to write in a log: lowercase ASCII letters,
/// digits, `-` and `_`, starting with a letter.
pub(super) fn is_citable(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_'))
}

fn invalid_problem(message: String) -> Problem {
    Problem::Invalid { message }
}

/// How a ladder's RON reads in messages: its only enum is a reach.
const LADDER_GRAMMAR: Grammar = Grammar {
    root: "Ladder",
    enum_kind: |_| "reach",
    precise_syntax: false,
};
