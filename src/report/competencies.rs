//! The competencies report's context: for the target level, each competency the
//! ladder expects with its criteria, the public moments that cite it, the ones promo
//! suggests for it, and whether it is covered (by cited moments only). The packet and
//! the pre-mortem show the same rows as their competency × evidence matrix.

use serde::Serialize;

use super::case::Case;
use crate::error::Error;
use crate::ladder::Level;
use crate::ladder::cite::{cites, suggested};
use crate::log::Log;
use crate::text::clamp;

/// Longest `what` shown for a moment, in characters.
const WHAT_CHARS: usize = 100;

/// What `promo competencies` renders.
#[derive(Clone, Debug, Serialize)]
pub struct CompetenciesReport {
    /// The log owner's name.
    pub owner: String,
    /// The target level's id, e.g. `L6`.
    pub level: String,
    /// The target level's label, e.g. `L6 (Staff)`.
    pub label: String,
    /// The ladder's track (`pm`, `eng`, `em`, `design`), if it names one.
    pub track: Option<String>,
    /// The ladder's title, if it gives one.
    pub track_title: Option<String>,
    /// How many competencies are covered by a cited moment.
    pub covered: usize,
    /// Whether any public moment cites a competency at all.
    pub cited_any: bool,
    /// One row per competency the level expects, in ladder order.
    pub competencies: Vec<CompetencyRow>,
}

/// One competency at the target level and its evidence.
#[derive(Clone, Debug, Serialize)]
pub struct CompetencyRow {
    /// The name moments cite it by.
    pub name: String,
    /// The name people read.
    pub title: String,
    /// Its criteria at the level.
    pub criteria: Vec<String>,
    /// Ids of the public moments that cite it, in file order.
    pub moments: Vec<String>,
    /// Ids of the public moments promo suggests for it (they cite nothing).
    pub suggested: Vec<String>,
    /// Whether a cited moment covers it (suggestions never do).
    pub covered: bool,
    /// The moments behind `moments` then `suggested`, for the templates.
    pub evidence: Vec<EvidenceLine>,
}

/// A moment in a competency's row.
#[derive(Clone, Debug, Serialize)]
pub struct EvidenceLine {
    /// The moment's id.
    pub id: String,
    /// What happened, shortened.
    pub what: String,
    /// Suggested by promo, not cited by the owner.
    pub suggested: bool,
}

/// `promo competencies --format json`: the level and, per competency, the six fields.
#[derive(Serialize)]
pub struct CompetenciesJson<'a> {
    /// The target level's id.
    pub level: &'a str,
    /// One entry per competency.
    pub competencies: Vec<CompetencyJson<'a>>,
}

/// One competency in the JSON.
#[derive(Serialize)]
pub struct CompetencyJson<'a> {
    /// The name moments cite it by.
    pub name: &'a str,
    /// The name people read.
    pub title: &'a str,
    /// Its criteria at the level.
    pub criteria: &'a [String],
    /// Ids of the cited moments.
    pub moments: &'a [String],
    /// Ids of the suggested moments.
    pub suggested: &'a [String],
    /// Covered by a cited moment.
    pub covered: bool,
}

impl CompetenciesReport {
    /// The competencies of `case`'s target level and their evidence.
    pub fn build(case: &Case) -> Result<Self, Error> {
        let level = case.level()?;
        let competencies = matrix(&case.log, level);
        Ok(Self {
            owner: case.log.owner.name.clone(),
            level: level.id.clone(),
            label: level.label(),
            track: case.ladder()?.track.clone(),
            track_title: case.ladder()?.title.clone(),
            covered: competencies.iter().filter(|c| c.covered).count(),
            cited_any: cites_any(&case.log),
            competencies,
        })
    }

    /// The JSON form: `{"level", "competencies": [{"name", "title", "criteria",
    /// "moments", "suggested", "covered"}]}`.
    pub fn json(&self) -> CompetenciesJson<'_> {
        CompetenciesJson {
            level: &self.level,
            competencies: self
                .competencies
                .iter()
                .map(|c| CompetencyJson {
                    name: &c.name,
                    title: &c.title,
                    criteria: &c.criteria,
                    moments: &c.moments,
                    suggested: &c.suggested,
                    covered: c.covered,
                })
                .collect(),
        }
    }
}

/// The matrix of `log`'s target level on `ladder` when the log cites competencies,
/// else empty: the packet and the pre-mortem show it only once the owner maps evidence.
pub fn cited_matrix(
    log: &Log,
    ladder: &crate::ladder::Ladder,
) -> Result<Vec<CompetencyRow>, Error> {
    if !cites_any(log) {
        return Ok(Vec::new());
    }
    Ok(matrix(log, ladder.find(&log.target.level)?))
}

/// A competency as the shared packet shows it: no moment ids and no suggestions,
/// only what the committee reads.
#[derive(Clone, Debug, Serialize)]
pub struct SharedRow {
    /// The name people read.
    pub title: String,
    /// Whether a cited moment covers it.
    pub covered: bool,
    /// What the first cited moments say, shortened.
    pub proof: Vec<String>,
}

/// How many cited moments a packet row quotes.
const SHARED_PROOF: usize = 2;

/// The packet's rows of a matrix.
pub fn shared(rows: &[CompetencyRow]) -> Vec<SharedRow> {
    rows.iter()
        .map(|row| SharedRow {
            title: row.title.clone(),
            covered: row.covered,
            proof: row
                .evidence
                .iter()
                .filter(|e| !e.suggested)
                .take(SHARED_PROOF)
                .map(|e| e.what.clone())
                .collect(),
        })
        .collect()
}

/// Whether any public moment cites a competency: the owner has started mapping
/// evidence to the ladder, so an uncited competency is a gap, not a blank.
pub fn cites_any(log: &Log) -> bool {
    log.moments.iter().any(|m| !m.competencies.is_empty())
}

/// The competency × evidence rows of `level` over the public moments of `log`.
pub fn matrix(log: &Log, level: &Level) -> Vec<CompetencyRow> {
    level
        .expected
        .iter()
        .map(|expected| {
            let cited: Vec<_> = log
                .moments
                .iter()
                .filter(|m| cites(m, &expected.name))
                .collect();
            let hinted: Vec<_> = log
                .moments
                .iter()
                .filter(|m| {
                    suggested(m, &level.expected)
                        .iter()
                        .any(|s| s.name == expected.name)
                })
                .collect();
            let line = |m: &crate::log::Moment, suggested: bool| EvidenceLine {
                id: m.id.clone(),
                what: clamp(&m.what, WHAT_CHARS),
                suggested,
            };
            CompetencyRow {
                name: expected.name.clone(),
                title: expected.title.clone(),
                criteria: expected.criteria.clone(),
                moments: cited.iter().map(|m| m.id.clone()).collect(),
                suggested: hinted.iter().map(|m| m.id.clone()).collect(),
                covered: !cited.is_empty(),
                evidence: cited
                    .iter()
                    .map(|m| line(m, false))
                    .chain(hinted.iter().map(|m| line(m, true)))
                    .collect(),
            }
        })
        .collect()
}
