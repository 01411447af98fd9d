//! The objections report's context: the owner, the target level and the objections a
//! calibration reviewer raises, in attack order.

use serde::Serialize;

use super::case::Case;
use crate::error::Error;
use crate::objections::{self, Objection, Severity};

/// What `promo objections` renders.
#[derive(Debug, Serialize)]
pub struct ObjectionsReport {
    /// The log owner's name.
    pub owner: String,
    /// The target level's label, e.g. `L4 (Mid)`.
    pub level: String,
    /// `3 high, 4 medium, 1 low`, leaving out severities with none.
    pub tally: String,
    /// The objections, in attack order.
    pub objections: Vec<Objection>,
}

impl ObjectionsReport {
    /// Finds the objections to `case` for its target level.
    pub fn build(case: &Case) -> Result<Self, Error> {
        let level = case.level()?;
        let evidence = case.evidence();
        let found = objections::find_for_level(&case.log, &evidence, level, case.today);
        Ok(Self {
            owner: case.log.owner.name.clone(),
            level: level.label(),
            tally: tally(&found),
            objections: found,
        })
    }
}

/// `3 high, 4 medium, 1 low`, leaving out severities with none.
fn tally(found: &[Objection]) -> String {
    [Severity::High, Severity::Medium, Severity::Low]
        .into_iter()
        .filter_map(|severity| {
            let n = found.iter().filter(|o| o.severity == severity).count();
            (n > 0).then(|| format!("{n} {}", severity.word()))
        })
        .collect::<Vec<_>>()
        .join(", ")
}
