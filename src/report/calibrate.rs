//! The calibration brief's context: a manager's team, one shared log per report, each
//! judged by its own [`Case`] (in parallel, with rayon) and put in submission order.
//! Per report: the readiness verdict and its one-line reason, the one-minute case in
//! the manager's voice, the first thing the room attacks and the answer, and the
//! manager's own open and broken commitments to that person.
//!
//! Built from public moments only. A log that still holds private moments is read
//! with them sealed, as everywhere, and the brief says its owner should send the
//! output of `promo share` instead; it never says what or how many.

use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::case::Case;
use crate::error::Error;
use crate::evidence::sponsor::{self, Stance};
use crate::log::{CommitmentOwner, Log, Status};
use crate::objections::{Objection, Rule, Severity};
use crate::settings::Settings;
use crate::text::first_name;

/// With this many high objections a case is `not-this-cycle`: a room will not clear
/// two open attacks in the minute it gives a case (the pre-mortem's threshold).
pub const NOT_THIS_CYCLE_HIGHS: usize = crate::report::premortem::NEXT_CYCLE_HIGHS;

/// What `promo calibrate` renders. `docs/calibrate.md` lists every field.
#[derive(Debug, Serialize)]
pub struct Calibration {
    /// One entry per report, by submission date, then owner.
    pub reports: Vec<ReportBrief>,
    /// Owners whose log still holds private moments (read sealed): each should send
    /// the output of `promo share` instead. Names only, in report order.
    pub share_first: Vec<String>,
}

/// The readiness verdict a calibration room would give.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Readiness {
    /// No high objection and no sponsor problem: defend it this cycle.
    Ready,
    /// One high objection, or a sponsor problem: it can pass, but not as it stands.
    AtRisk,
    /// Two or more high objections: build it for the next cycle.
    NotThisCycle,
}

impl Readiness {
    /// The word every output shows.
    pub fn word(self) -> &'static str {
        match self {
            Readiness::Ready => "ready",
            Readiness::AtRisk => "at-risk",
            Readiness::NotThisCycle => "not-this-cycle",
        }
    }
}

/// One report's page of the brief.
#[derive(Debug, Serialize)]
pub struct ReportBrief {
    /// The report's name.
    pub owner: String,
    /// Their current level.
    pub level: String,
    /// The level they are put up for.
    pub target_level: String,
    /// When the packet is due, `YYYY-MM-DD`.
    pub submission: String,
    /// `ready`, `at-risk` or `not-this-cycle`.
    pub readiness: Readiness,
    /// Why, in one line, addressed to the manager.
    pub reason: String,
    /// The one-minute case in the manager's voice (at most 150 words).
    pub restatement: String,
    /// The first objection in attack order and its answer; `None` when none fires.
    pub first_objection: Option<FirstObjection>,
    /// The manager's own open (overdue included) and broken commitments to this
    /// person, on public moments: broken and overdue first, then by due date.
    pub manager_commitments: Vec<ManagerCommitment>,
}

/// The first attack and the answer to bring.
#[derive(Debug, Serialize)]
pub struct FirstObjection {
    /// The rule's id, e.g. `no-metric`.
    pub id: String,
    /// `high`, `medium` or `low`.
    pub severity: String,
    /// A short title.
    pub title: String,
    /// The room's question.
    pub question: String,
    /// What the log shows that raises it.
    pub finding: String,
    /// What answers it: the evidence to gather or the change to make before the room.
    pub answer: String,
}

/// One commitment the manager made to the report and has not kept yet.
#[derive(Debug, Serialize)]
pub struct ManagerCommitment {
    /// What the manager promised.
    pub what: String,
    /// The 1:1 it was made in, `YYYY-MM-DD`.
    pub made: String,
    /// When it is due, `YYYY-MM-DD`, if a date was agreed.
    pub due: Option<String>,
    /// `broken`, `overdue` (open past its date) or `open`.
    pub state: String,
    /// The public moment it was made on.
    pub moment: String,
}

impl Calibration {
    /// The brief over `logs` (files, or directories of `*.ron`), each judged as of the
    /// settings' today. Every log is read before anything is built: any invalid log
    /// stops the run, with every invalid log's own diagnostics.
    pub fn build(logs: &[PathBuf], settings: &Settings) -> Result<Self, Error> {
        let (paths, _) = super::restate::expand(logs)?;
        let results: Vec<Result<(ReportBrief, bool), Error>> = paths
            .par_iter()
            .map(|path| {
                let case = Case::open(path, settings)?;
                Ok((brief(&case)?, !case.log.private.is_empty()))
            })
            .collect();
        let total = results.len();
        let (mut briefs, errors): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
        let mut errors: Vec<Error> = errors.into_iter().filter_map(Result::err).collect();
        if errors.len() == 1 {
            if let Some(error) = errors.pop() {
                return Err(error);
            }
        } else if !errors.is_empty() {
            return Err(several(&errors, total));
        }
        let mut reports: Vec<(ReportBrief, bool)> =
            briefs.drain(..).filter_map(Result::ok).collect();
        reports.sort_by(|(a, _), (b, _)| (&a.submission, &a.owner).cmp(&(&b.submission, &b.owner)));
        let share_first = reports
            .iter()
            .filter(|(_, private)| *private)
            .map(|(r, _)| r.owner.clone())
            .collect();
        Ok(Self {
            reports: reports.into_iter().map(|(r, _)| r).collect(),
            share_first,
        })
    }
}

/// One error holding every failed log's own diagnostics and summary line.
fn several(errors: &[Error], total: usize) -> Error {
    let mut rendered = String::new();
    for error in errors {
        if let Some(details) = error.details() {
            rendered.push_str(details);
        }
        rendered.push_str(&format!(
            "error: {}\n",
            crate::escape::terminal(&crate::error_chain(error))
        ));
    }
    Error::InvalidLogs {
        count: errors.len(),
        total,
        rendered,
    }
}

/// The brief of one case.
pub fn brief(case: &Case) -> Result<ReportBrief, Error> {
    let evidence = case.evidence();
    let objections = case.objections(&evidence)?;
    let ladder = case.ladder()?;
    let log = &case.log;
    let restatement = crate::restate::headline(log, &evidence, ladder, &objections);
    let (readiness, reason) = verdict(log, &objections, case.today);
    Ok(ReportBrief {
        owner: log.owner.name.clone(),
        level: log.owner.level.clone(),
        target_level: log.target.level.clone(),
        submission: log.target.submission.to_string(),
        readiness,
        reason,
        restatement,
        first_objection: objections.first().map(|o| FirstObjection {
            id: o.id.id().to_string(),
            severity: o.severity.word().to_string(),
            title: o.title.clone(),
            question: o.question.clone(),
            finding: o.finding.clone(),
            answer: o.fix.clone(),
        }),
        manager_commitments: manager_commitments(log, case.today),
    })
}

/// The verdict and its reason. Two or more high objections: `not-this-cycle`. Else a
/// sponsor problem (the manager hedges on record, or does not keep their promises) or
/// one high objection: `at-risk`. Else `ready`. A sponsor problem is never `ready`.
pub fn verdict(log: &Log, objections: &[Objection], today: NaiveDate) -> (Readiness, String) {
    let name = first_name(&log.owner.name);
    let highs: Vec<&Objection> = objections
        .iter()
        .filter(|o| o.severity == Severity::High)
        .collect();
    let hedge = objections
        .iter()
        .any(|o| o.id == Rule::LukewarmSponsor && o.severity == Severity::High)
        .then(|| first_hedge(log))
        .flatten();
    let broken = objections
        .iter()
        .any(|o| o.id == Rule::SponsorFollowThrough)
        .then(|| sponsor::record(log, today));
    let sponsor_problem = match (&hedge, &broken) {
        (Some(quote), Some(record)) => Some(format!(
            "you hedge on record (“{quote}”) and did not keep {} of the {} commitments you made to {name}",
            record.not_kept(),
            record.total()
        )),
        (Some(quote), None) => Some(format!(
            "you hedge on record (“{quote}”): the room hears doubt before it hears the case"
        )),
        (None, Some(record)) => Some(format!(
            "you did not keep {} of the {} commitments you made to {name} ({})",
            record.not_kept(),
            record.total(),
            record.summary()
        )),
        (None, None) => None,
    };
    if highs.len() >= NOT_THIS_CYCLE_HIGHS {
        let titles: Vec<&str> = highs.iter().map(|o| o.title.as_str()).collect();
        return (
            Readiness::NotThisCycle,
            format!(
                "{} high objections ({}): more than one minute in the room can answer; build it for the next cycle.",
                highs.len(),
                titles.join("; ")
            ),
        );
    }
    if let Some(problem) = sponsor_problem {
        return (Readiness::AtRisk, format!("Sponsor problem: {problem}."));
    }
    if let Some(high) = highs.first() {
        return (
            Readiness::AtRisk,
            format!(
                "One high objection open: {}; answer it before the room or it decides the case.",
                high.title
            ),
        );
    }
    let reason = match objections.first() {
        Some(first) => format!(
            "No high objection and no sponsor problem; the first question ({}) has its answer below.",
            first.title
        ),
        None => "No objection a room would press, and no sponsor problem.".to_string(),
    };
    (Readiness::Ready, reason)
}

/// The first hedging manager or skip-level quote on a public moment, shortened.
fn first_hedge(log: &Log) -> Option<String> {
    log.moments
        .iter()
        .flat_map(|m| &m.quotes)
        .find(|q| q.role.is_sponsor() && sponsor::stance(&q.text) == Stance::Hedging)
        .map(|q| crate::text::clamp(q.text.trim(), 80))
}

/// The manager's open and broken commitments on public moments: broken and overdue
/// first, then open; each group by due date (undated last), then file order.
fn manager_commitments(log: &Log, today: NaiveDate) -> Vec<ManagerCommitment> {
    let mut found: Vec<(u8, Option<NaiveDate>, usize, ManagerCommitment)> = Vec::new();
    for moment in &log.moments {
        for c in moment
            .commitments
            .iter()
            .filter(|c| c.owner == CommitmentOwner::Manager)
        {
            let (rank, state) = match c.status {
                Status::Broken => (0, "broken"),
                Status::Open if c.is_overdue(today) => (0, "overdue"),
                Status::Open => (1, "open"),
                Status::Held | Status::Dropped => continue,
            };
            let order = found.len();
            found.push((
                rank,
                c.due,
                order,
                ManagerCommitment {
                    what: c.what.clone(),
                    made: moment.date.to_string(),
                    due: c.due.map(|d| d.to_string()),
                    state: state.to_string(),
                    moment: moment.id.clone(),
                },
            ));
        }
    }
    found.sort_by_key(|(rank, due, order, _)| (*rank, due.is_none(), *due, *order));
    found.into_iter().map(|(.., c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::testing::{date, log, moment};
    use crate::log::{Commitment, Quote, Reach, Role, Tag};

    fn objection(id: Rule, severity: Severity, title: &str) -> Objection {
        Objection {
            id,
            severity,
            title: title.into(),
            question: "?".into(),
            evidence: Vec::new(),
            finding: "found".into(),
            fix: "fix".into(),
            ask: "ask".into(),
        }
    }

    fn hedged_log() -> Log {
        let mut m = moment("m1", "2026-10-01", Tag::Decision, Reach::Org);
        m.quotes = vec![Quote {
            by: "Sam Lee".into(),
            role: Role::Manager,
            text: "Not sure she is ready yet.".into(),
        }];
        log(&["p"], vec![m])
    }

    #[test]
    fn two_highs_are_not_this_cycle_one_is_at_risk_none_is_ready() {
        let log = log(
            &["p"],
            vec![moment("m1", "2026-10-01", Tag::Decision, Reach::Org)],
        );
        let today = date("2026-11-21");
        let high = |title| objection(Rule::NoMetric, Severity::High, title);
        let two = [high("No metric"), high("One project")];
        assert_eq!(verdict(&log, &two, today).0, Readiness::NotThisCycle);
        let (one, reason) = verdict(&log, &two[..1], today);
        assert_eq!(one, Readiness::AtRisk);
        assert!(
            reason.contains("One high objection open: No metric"),
            "{reason}"
        );
        let medium = [objection(Rule::NoMetric, Severity::Medium, "No metric")];
        let (ready, reason) = verdict(&log, &medium, today);
        assert_eq!(ready, Readiness::Ready);
        assert!(
            reason.contains("the first question (No metric)"),
            "{reason}"
        );
        assert_eq!(verdict(&log, &[], today).0, Readiness::Ready);
    }

    #[test]
    fn a_hedging_manager_is_never_ready_generic_praise_alone_can_be() {
        let log = hedged_log();
        let today = date("2026-11-21");
        let hedge = [objection(Rule::LukewarmSponsor, Severity::High, "hedges")];
        let (readiness, reason) = verdict(&log, &hedge, today);
        assert_eq!(readiness, Readiness::AtRisk);
        assert!(
            reason
                .starts_with("Sponsor problem: you hedge on record (“Not sure she is ready yet.”)"),
            "{reason}"
        );
        let generic = [objection(
            Rule::LukewarmSponsor,
            Severity::Medium,
            "generic",
        )];
        assert_eq!(verdict(&log, &generic, today).0, Readiness::Ready);
    }

    #[test]
    fn broken_manager_promises_are_never_ready_and_are_listed_dated() {
        let mut m = moment("m1", "2026-08-18", Tag::Scope, Reach::Team);
        let promise = |what: &str, due: &str, status| Commitment {
            owner: CommitmentOwner::Manager,
            what: what.into(),
            due: Some(date(due)),
            status,
        };
        m.commitments = vec![
            promise("Later", "2027-01-10", Status::Open),
            promise("Intro", "2026-09-15", Status::Broken),
            promise("Review", "2026-10-01", Status::Open),
            promise("Kept", "2026-09-01", Status::Held),
        ];
        let log = log(&["p"], vec![m]);
        let today = date("2026-11-21");
        let follow = [objection(Rule::SponsorFollowThrough, Severity::High, "x")];
        let (readiness, reason) = verdict(&log, &follow, today);
        assert_eq!(readiness, Readiness::AtRisk);
        assert!(
            reason.contains("did not keep 2 of the 4 commitments"),
            "{reason}"
        );
        let found = manager_commitments(&log, today);
        let rows: Vec<(&str, &str)> = found
            .iter()
            .map(|c| (c.what.as_str(), c.state.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("Intro", "broken"),
                ("Review", "overdue"),
                ("Later", "open")
            ]
        );
        assert!(found.iter().all(|c| c.made == "2026-08-18"));
    }
}
