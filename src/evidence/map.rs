//! The evidence map as a context every format renders: ranked project rows
//! (Project | Scope | Org-level impact), the top examples and the coverage gaps.
//! Serialised, it is exactly the `promo map --format json` shape (`docs/map-json.md`);
//! the fields marked `skip` are labels the text and Markdown renderers need.

use chrono::NaiveDate;
use serde::Serialize;

use super::vouch::{self, Voucher};
use super::{Evidence, ProjectEvidence, ScoredMoment, Term};
use crate::log::{Log, Reach};

/// The evidence map of one log.
#[derive(Clone, Debug, Serialize)]
pub struct EvidenceMap {
    /// Public moments counted as evidence (a story told twice counts once; not in the JSON).
    #[serde(skip)]
    pub moments: usize,
    /// One row per project with public evidence, strongest first.
    pub projects: Vec<MapRow>,
    /// The top examples, in rank order.
    pub examples: Vec<MapExample>,
    /// What the evidence does not cover yet.
    pub coverage: MapCoverage,
}

/// One project's row.
#[derive(Clone, Debug, Serialize)]
pub struct MapRow {
    /// The project key.
    pub project: String,
    /// Its display name.
    pub name: String,
    /// "Company · 3 decisions, 1 scope, 2 leverage".
    pub scope: String,
    /// Its strongest impact statements, quantified first.
    pub impact: Vec<String>,
    /// The aggregate score.
    pub score: i64,
    /// Its public moments' ids, in rank order.
    pub moments: Vec<String>,
    /// The widest reach, for people ("Cross-team").
    #[serde(skip)]
    pub reach_label: &'static str,
    /// The counts by tag ("3 decisions, 1 scope, 2 leverage").
    #[serde(skip)]
    pub counts: String,
}

/// One top example.
#[derive(Clone, Debug, Serialize)]
pub struct MapExample {
    /// The moment id.
    pub id: String,
    /// The project key.
    pub project: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `decision`, `scope` or `leverage`.
    pub tag: &'static str,
    /// `team`, `cross-team`, `org` or `company`.
    pub reach: &'static str,
    /// What happened, as written.
    pub what: String,
    /// The impact, as written.
    pub impact: Option<String>,
    /// The moment's score.
    pub score: i64,
    /// The score term by term (with `--explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terms: Option<Vec<Term>>,
    /// The project's display name.
    #[serde(skip)]
    pub project_name: String,
    /// The reach, for people ("Cross-team").
    #[serde(skip)]
    pub reach_label: &'static str,
    /// Who can vouch for it, with roles ("Sam Lee (manager)").
    #[serde(skip)]
    pub vouched_by: Vec<String>,
}

/// What the evidence does not cover yet.
#[derive(Clone, Debug, Serialize)]
pub struct MapCoverage {
    /// Reaches with no public moment, narrowest first (`team` … `company`).
    pub missing_reaches: Vec<&'static str>,
    /// Quarters (`2026-Q2`) of the cycle window, up to today, with none.
    pub missing_quarters: Vec<String>,
    /// Reaches with no public moment, for people ("Cross-team").
    #[serde(skip)]
    pub missing_reach_labels: Vec<&'static str>,
    /// The quarters looked at, first and last, when there is any evidence.
    #[serde(skip)]
    pub span: Option<(String, String)>,
}

impl EvidenceMap {
    /// Builds the map of `evidence`, ranked from `log` as of `today`; `explain` keeps
    /// each example's terms.
    pub fn new(log: &Log, evidence: &Evidence<'_>, today: NaiveDate, explain: bool) -> Self {
        let projects = evidence.projects.iter().map(row).collect();
        let examples = evidence
            .top_examples()
            .map(|scored| example(log, evidence, scored, today, explain))
            .collect();
        Self {
            moments: evidence.counted.len(),
            projects,
            examples,
            coverage: MapCoverage {
                missing_reaches: evidence
                    .coverage
                    .missing_reaches
                    .iter()
                    .map(|r| r.word())
                    .collect(),
                missing_quarters: evidence.coverage.missing_quarters.clone(),
                missing_reach_labels: evidence
                    .coverage
                    .missing_reaches
                    .iter()
                    .map(|r| r.label())
                    .collect(),
                span: evidence.coverage.span.clone(),
            },
        }
    }
}

/// "3 decisions, 1 scope, 2 leverage", leaving out kinds with none.
pub fn tag_counts(decisions: usize, scopes: usize, leverages: usize) -> String {
    let mut parts = Vec::new();
    match decisions {
        0 => {}
        1 => parts.push("1 decision".to_string()),
        n => parts.push(format!("{n} decisions")),
    }
    if scopes > 0 {
        parts.push(format!("{scopes} scope"));
    }
    if leverages > 0 {
        parts.push(format!("{leverages} leverage"));
    }
    parts.join(", ")
}

/// "Company · 3 decisions, 1 scope, 2 leverage".
pub fn scope_label(reach: Reach, counts: &str) -> String {
    format!("{} · {counts}", reach.label())
}

/// The map row of one project's evidence (the packet shortens it to fit its page).
pub fn row(project: &ProjectEvidence) -> MapRow {
    let counts = tag_counts(project.decisions, project.scopes, project.leverages);
    MapRow {
        project: project.key.clone(),
        name: project.name.clone(),
        scope: scope_label(project.widest_reach, &counts),
        impact: project.impacts.clone(),
        score: project.score,
        moments: project.moments.clone(),
        reach_label: project.widest_reach.label(),
        counts,
    }
}

fn example(
    log: &Log,
    evidence: &Evidence<'_>,
    scored: &ScoredMoment<'_>,
    today: NaiveDate,
    explain: bool,
) -> MapExample {
    let moment = scored.moment;
    MapExample {
        id: moment.id.clone(),
        project: moment.project.clone(),
        date: moment.date.format("%Y-%m-%d").to_string(),
        tag: moment.tag.word(),
        reach: moment.reach.word(),
        what: moment.what.clone(),
        impact: moment.impact.clone(),
        score: scored.score,
        terms: explain.then(|| evidence.terms(moment, today)),
        project_name: log.project_name(&moment.project).to_string(),
        reach_label: moment.reach.label(),
        vouched_by: vouch::vouchers(moment, log)
            .iter()
            .map(Voucher::label)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_leave_out_kinds_with_none() {
        assert_eq!(tag_counts(3, 1, 2), "3 decisions, 1 scope, 2 leverage");
        assert_eq!(tag_counts(1, 0, 1), "1 decision, 1 leverage");
        assert_eq!(tag_counts(0, 4, 0), "4 scope");
        assert_eq!(
            scope_label(Reach::CrossTeam, "1 decision"),
            "Cross-team · 1 decision"
        );
    }
}
