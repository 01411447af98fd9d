//! The evidence map's context: the owner's line, one row per project (Project | Scope
//! | Org-level impact), the top examples with their details and, with `--explain`,
//! each score term by term, and the coverage sentence. Text, Markdown and HTML are
//! drawn from it; `--format json` prints the plain map ([`EvidenceMap`],
//! `docs/map-json.md`), `--context` this whole context.

use serde::Serialize;

use super::case::Case;
use crate::evidence::map::{EvidenceMap, MapCoverage, MapExample, MapRow};

/// What `promo map` renders.
#[derive(Debug, Serialize)]
pub struct MapReport {
    /// "Ana Ruiz, Product Manager · L5 → L6, H1 2027 · 44 public moments in 6 projects".
    pub summary: String,
    /// The log's path, as given.
    pub log: String,
    /// Public moments the map was built from; none means there is nothing to rank.
    pub public_moments: usize,
    /// How many private moments were left out (nothing else of them is here).
    pub private_left_out: usize,
    /// The terminal width the text is wrapped to.
    pub width: usize,
    /// Whether each example shows its score term by term.
    pub explain: bool,
    /// One row per project, strongest first.
    pub projects: Vec<Row>,
    /// The top examples, in rank order.
    pub examples: Vec<Example>,
    /// What the evidence does not cover yet.
    pub coverage: Coverage,
    /// The plain map, as `--format json` prints it.
    #[serde(skip)]
    pub map: EvidenceMap,
}

/// One project's row, with the two lines its Scope cell shows on a terminal.
#[derive(Debug, Serialize)]
pub struct Row {
    /// The map's row.
    #[serde(flatten)]
    pub row: MapRow,
    /// The widest reach, for people ("Cross-team").
    pub reach_label: &'static str,
    /// The counts by tag ("3 decisions, 1 scope, 2 leverage").
    pub counts: String,
}

/// One top example, with what people read besides the map's fields.
#[derive(Debug, Serialize)]
pub struct Example {
    /// The map's example.
    #[serde(flatten)]
    pub example: MapExample,
    /// The project's display name.
    pub project_name: String,
    /// The reach, for people ("Cross-team").
    pub reach_label: &'static str,
    /// Who can vouch for it, joined: "Sam Lee (manager), Dana Whitfield (skip-level)".
    pub vouchers: String,
    /// The score's terms with their points signed ("+12", "-3"), with `--explain`.
    pub explained: Vec<Term>,
}

/// One term of an example's score.
#[derive(Debug, Serialize)]
pub struct Term {
    /// `tag`, `reach`, `impact`…
    pub name: &'static str,
    /// Its points, signed: `+12`, `0`, `-3`.
    pub points: String,
    /// Why, in a few words.
    pub why: String,
}

/// The map's coverage, and the sentence that says it.
#[derive(Debug, Serialize)]
pub struct Coverage {
    /// The map's coverage fields.
    #[serde(flatten)]
    pub coverage: MapCoverage,
    /// Reaches with no public moment, for people ("Cross-team").
    pub missing_reach_labels: Vec<&'static str>,
    /// "no evidence yet at Company reach; none in 2026-Q3."
    pub sentence: String,
}

impl MapReport {
    /// The map of `case`, for a terminal `width` columns wide; `explain` keeps each
    /// example's score terms.
    pub fn build(case: &Case, width: usize, explain: bool) -> Self {
        let log = &case.log;
        let evidence = case.evidence();
        let map = EvidenceMap::new(log, &evidence, case.today, explain);
        let who = match &log.owner.role {
            Some(role) => format!("{}, {role}", log.owner.name),
            None => log.owner.name.clone(),
        };
        let target = match &log.target.cycle {
            Some(cycle) => format!("{} → {}, {cycle}", log.owner.level, log.target.level),
            None => format!("{} → {}", log.owner.level, log.target.level),
        };
        let moments = map.moments;
        let projects = map.projects.len();
        let summary = format!(
            "{who} · {target} · {moments} public moment{} in {projects} project{}",
            plural(moments),
            plural(projects)
        );
        Self {
            summary,
            log: case.path.display().to_string(),
            public_moments: moments,
            private_left_out: log.private.len(),
            width,
            explain,
            projects: map
                .projects
                .iter()
                .map(|row| Row {
                    row: row.clone(),
                    reach_label: row.reach_label,
                    counts: row.counts.clone(),
                })
                .collect(),
            examples: map.examples.iter().map(example).collect(),
            coverage: Coverage {
                coverage: map.coverage.clone(),
                missing_reach_labels: map.coverage.missing_reach_labels.clone(),
                sentence: coverage_sentence(&map.coverage),
            },
            map,
        }
    }
}

fn example(e: &MapExample) -> Example {
    Example {
        example: e.clone(),
        project_name: e.project_name.clone(),
        reach_label: e.reach_label,
        vouchers: e.vouched_by.join(", "),
        explained: e
            .terms
            .iter()
            .flatten()
            .map(|t| Term {
                name: t.name,
                points: if t.points > 0 {
                    format!("+{}", t.points)
                } else {
                    t.points.to_string()
                },
                why: t.why.clone(),
            })
            .collect(),
    }
}

/// The coverage sentence: what a reviewer will find missing.
pub fn coverage_sentence(coverage: &MapCoverage) -> String {
    let reaches = match coverage.missing_reach_labels.as_slice() {
        [] => None,
        labels => Some(format!("no evidence yet at {} reach", or_list(labels))),
    };
    let quarters = match coverage.missing_quarters.as_slice() {
        [] => None,
        [one] => Some(format!("none in {one}")),
        many => Some(format!("none in {}", crate::text::join_names(many))),
    };
    match (reaches, quarters, &coverage.span) {
        (None, None, Some((first, last))) if first == last => {
            format!("evidence at every reach, all of it in {first}.")
        }
        (None, None, Some((first, last))) => {
            format!("evidence at every reach and in every quarter from {first} to {last}.")
        }
        (None, None, None) => "no public evidence yet.".to_string(),
        (Some(r), None, Some((first, last))) => {
            format!("{r}; every quarter from {first} to {last} has some.")
        }
        (Some(r), None, None) => format!("{r}."),
        (None, Some(q), _) => format!("evidence at every reach; {q}."),
        (Some(r), Some(q), _) => format!("{r}; {q}."),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// "Org, Company" → "Org or Company"; "A, B, C" → "A, B or C".
fn or_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_reads_as_a_sentence() {
        let coverage = |reaches: Vec<&'static str>, quarters: Vec<&str>| MapCoverage {
            missing_reaches: Vec::new(),
            missing_reach_labels: reaches,
            missing_quarters: quarters.into_iter().map(String::from).collect(),
            span: Some(("2026-Q1".into(), "2026-Q4".into())),
        };
        assert_eq!(
            coverage_sentence(&coverage(vec![], vec![])),
            "evidence at every reach and in every quarter from 2026-Q1 to 2026-Q4."
        );
        assert_eq!(
            coverage_sentence(&coverage(
                vec!["Cross-team", "Org", "Company"],
                vec!["2026-Q3"]
            )),
            "no evidence yet at Cross-team, Org or Company reach; none in 2026-Q3."
        );
        assert_eq!(
            coverage_sentence(&coverage(vec!["Company"], vec![])),
            "no evidence yet at Company reach; every quarter from 2026-Q1 to 2026-Q4 has some."
        );
        assert_eq!(
            coverage_sentence(&coverage(vec![], vec!["2026-Q2", "2026-Q3"])),
            "evidence at every reach; none in 2026-Q2 and 2026-Q3."
        );
    }
}
