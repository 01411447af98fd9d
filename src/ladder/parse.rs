//! Reading a ladder file: RON → levels, then the checks serde cannot make (unique
//! names, shares that are percents), every problem located as `path:line:col`.

use serde::Deserialize;

use super::Level;
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::log::outline;
use crate::log::problem::Problem;
use crate::log::ron::{Grammar, problem_of};
use crate::log::validate::{Step, locate};
use crate::source::Source;

/// `Ladder(...)` as written.
#[derive(Debug, Deserialize)]
#[serde(rename = "Ladder", deny_unknown_fields)]
struct RawLadder {
    levels: Vec<Level>,
}

/// A problem found after parsing, and where it is, before positions are known.
struct Finding {
    problem: Problem,
    at: Vec<Step>,
}

/// The checked levels of a ladder's text, or every problem in it.
pub(super) fn levels(source: &Source) -> Result<Vec<Level>, Error> {
    let options = ron::Options::default().with_recursion_limit(32);
    let raw: RawLadder = match options.from_str(source.text()) {
        Ok(raw) => raw,
        Err(error) => {
            let (problem, span) = problem_of(source, &error, &LADDER_GRAMMAR);
            return Err(invalid(source, vec![Diagnostic::new(problem, span)]));
        }
    };
    let findings = check(&raw.levels);
    if findings.is_empty() {
        return Ok(raw.levels);
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

fn invalid_problem(message: String) -> Problem {
    Problem::Invalid { message }
}

/// How a ladder's RON reads in messages: its only enum is a reach.
const LADDER_GRAMMAR: Grammar = Grammar {
    root: "Ladder",
    enum_kind: |_| "reach",
    precise_syntax: false,
};
