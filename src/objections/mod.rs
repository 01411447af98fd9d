//! The calibration objections: what a skeptical reviewer attacks first, and the answers.
//!
//! One rule per objection (`rules/<rule>.rs`) runs over the ranked evidence and its gaps;
//! each objection carries the moments (or the absence) that triggered it and what would
//! answer it.
//!
//! Attack order is severity (high, then medium, then low), then centrality: the order
//! of [`Rule::ALL`], from "is there a case at all" down to polish. `docs/objections.md`
//! lists every rule, its threshold and why.
//!
//! Objections are a shared output: the rules read only public moments (`log.moments`)
//! and the evidence ranked from them, never `log.private`.

mod case;
mod phrase;
mod rule;
mod rules;

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::Error;
use crate::evidence::Evidence;
use crate::ladder::{Ladder, Level};
use crate::log::Log;

pub use rule::Rule;
pub use rules::{
    MIN_TOP_DECISIONS, ONE_QUARTER_PERCENT, QUARTER_WINDOW_DAYS, SINGLE_PROJECT_PERCENT,
    SPONSOR_BROKEN_MIN, SPONSOR_BROKEN_PERCENT, STALE_AFTER_DAYS, STALE_HIGH_AFTER_DAYS,
    THIN_LOG_MIN_MOMENTS, UNCORROBORATED_HIGH_PERCENT, UNCORROBORATED_PERCENT,
    VITAL_LEVERAGE_SHARE,
};

/// The questions a committee asks of every packet, each with the answer this evidence
/// gives, as (rule id, question, answer), in the packet's order.
pub fn answered(log: &Log, evidence: &Evidence<'_>) -> Vec<(&'static str, &'static str, String)> {
    rules::answered(log, evidence)
}

/// How hard an objection hits if it goes unanswered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Can sink the case on its own.
    High,
    /// Weakens the case; a reviewer will ask.
    Medium,
    /// Polish: easy to answer, costly to leave.
    Low,
}

impl Severity {
    /// The lowercase word used in every output.
    pub fn word(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }
}

/// One objection a calibration reviewer is likely to raise, and its answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Objection {
    /// The rule that raised it; serialised as its catalog id (`thin-scope`, …).
    pub id: Rule,
    /// How hard it hits.
    pub severity: Severity,
    /// A short title.
    pub title: String,
    /// The reviewer's likely question, in one line.
    pub question: String,
    /// Ids of the public moments that triggered it; empty when an absence did.
    pub evidence: Vec<String>,
    /// What the rule measured: the counts and shares, or the absence, that triggered it.
    pub finding: String,
    /// What to gather or change, written for this log.
    pub fix: String,
    /// A concrete ask to bring to the next 1:1.
    pub ask: String,
}

/// The objections to `log`'s case for its target level on `ladder`, in attack order.
/// Fails only when the target level is not on the ladder.
pub fn find<'a>(
    log: &'a Log,
    evidence: &Evidence<'a>,
    ladder: &Ladder,
    today: NaiveDate,
) -> Result<Vec<Objection>, Error> {
    let level = ladder.find(&log.target.level)?;
    Ok(find_for_level(log, evidence, level, today))
}

/// The objections to `log`'s case for `level`, in attack order.
pub fn find_for_level<'a>(
    log: &'a Log,
    evidence: &Evidence<'a>,
    level: &Level,
    today: NaiveDate,
) -> Vec<Objection> {
    let case = case::Case {
        log,
        evidence,
        level,
        today,
    };
    // Each rule only reads the case: on a big log they share the cores, collected in
    // rule order.
    let parallel = crate::parallel::worth_it(log.moments.len());
    let mut found: Vec<Objection> =
        crate::parallel::map_each(parallel, &Rule::ALL, |&rule| rules::check(rule, &case))
            .into_iter()
            .flatten()
            .collect();
    // Rule order is centrality, so a stable sort by severity keeps it within each severity.
    found.sort_by_key(|objection| (objection.severity, objection.id));
    found
}
