//! The pre-mortem: run 60 to 120 days before the packet is due, while weak evidence
//! can still be fixed. It lists the objections in attack order with a dated plan for
//! each (what to gather, which ask to bring to which 1:1), the open commitments due
//! before submission, the owner's record, and the top examples whose proof is stale.
//!
//! This report is for the owner only, so — unlike every shared output — it shows the
//! open commitments of private moments, marked private (never their moment's text).
//! [`Premortem`] is the one context every format renders; the judgments it gathers
//! live in `src/premortem/`.

use chrono::NaiveDate;
use serde::Serialize;

use super::case::Case;
use crate::error::Error;
use crate::evidence::Evidence;
use crate::log::Log;
use crate::objections::Objection;
use crate::objections::Severity;
use crate::premortem::{
    OpenCommitment, PrivateStrongest, ReadinessStep, Record, StaleProof, Window, open, plan,
    private_proof, proof, readiness, record,
};

/// Open commitments listed at most: past this, the count says the rest.
pub const OPEN_COMMITMENTS_SHOWN: usize = 40;
/// In a tight window, fixes planned at most: the rest will not land.
pub const TIGHT_TOP_FIXES: usize = 3;
/// With this many high objections and under [`NEXT_CYCLE_UNDER_DAYS`] days, the verdict
/// is the next cycle.
pub const NEXT_CYCLE_HIGHS: usize = 2;
/// See [`NEXT_CYCLE_HIGHS`].
pub const NEXT_CYCLE_UNDER_DAYS: i64 = 90;
/// Without a 1:1 to hang it on, the first step is this many days out.
const FALLBACK_MEETING_DAYS: i64 = 7;

/// Rules whose fix takes months of real work (earning scope, a second project, leverage
/// others adopt): they start now and get a midpoint check. Every other fix is cheap
/// and lands at the next 1:1s.
const LONG_LEAD: &[&str] = &[
    "thin-scope",
    "no-scope",
    "below-target-reach",
    "execution-not-judgment",
    "no-leverage",
    "thin-leverage",
    "single-project",
    "one-strong-quarter",
];

/// The pre-mortem's context. `docs/premortem.md` lists every field.
#[derive(Clone, Debug, Serialize)]
pub struct Premortem {
    /// Who it is for.
    pub owner: String,
    /// The owner's job title, if given.
    pub role: Option<String>,
    /// Current level.
    pub level: String,
    /// Target level.
    pub target_level: String,
    /// Calibration cycle, if given.
    pub cycle: Option<String>,
    /// The manager.
    pub manager: String,
    /// The date the report is as of (`--today`), `YYYY-MM-DD`.
    pub today: String,
    /// When the packet is due, `YYYY-MM-DD` (`--submission` or the log's).
    pub submission: String,
    /// Days from today to submission (negative once it has passed).
    pub days_left: i64,
    /// `too-late`, `tight`, `ideal` or `early`.
    pub window: Window,
    /// What the window means, in a sentence or two.
    pub window_advice: String,
    /// `weekly`, `biweekly` or `monthly`: how the upcoming 1:1s are counted.
    pub cadence: String,
    /// Every fix should land by this date, two weeks before submission; `None` when
    /// no dated plan is given (too late).
    pub land_by: Option<String>,
    /// Upcoming 1:1s up to `land_by`, `YYYY-MM-DD`.
    pub one_on_ones: Vec<String>,
    /// The objections, in attack order.
    pub objections: Vec<ObjectionItem>,
    /// The dated plan, most urgent first: by severity, then long-lead fixes (started
    /// now, with a midpoint check) before cheap ones (at the next 1:1s). Empty when too
    /// late; the top three only in a tight window.
    pub actions: Vec<Action>,
    /// Why `actions` is empty, when it is.
    pub no_plan: Option<String>,
    /// Titles of the objections left out of a tight window's plan: they will not land
    /// this cycle.
    pub will_not_land: Vec<String>,
    /// "Next cycle: …" when two or more high objections meet under 90 days.
    pub verdict: Option<String>,
    /// Calibration readiness, always given: dated steps before the room.
    pub readiness: Vec<ReadinessStep>,
    /// Open commitments (both sides, private ones included) due before submission
    /// or undated, soonest first.
    pub open_commitments: Vec<OpenCommitment>,
    /// Open commitments due before submission beyond the [`OPEN_COMMITMENTS_SHOWN`] listed.
    pub open_commitments_more: usize,
    /// How many open commitments due before submission are overdue (listed or not).
    pub overdue: usize,
    /// The owner's own commitments on public moments, by status.
    pub record: Record,
    /// The manager's commitments to the owner on public moments, by status: what the
    /// owner should know about their sponsor (`evidence::sponsor::record`).
    pub manager_record: crate::evidence::sponsor::SponsorRecord,
    /// Top examples whose proof is weak: no number in the impact, or no witness.
    pub stale_proof: Vec<StaleProof>,
    /// Private open commitments due before submission (listed or not).
    pub private_commitments: usize,
    /// The competency × evidence matrix at the target level, when the log cites
    /// competencies (see [`crate::report::competencies::matrix`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub competencies: Vec<crate::report::competencies::CompetencyRow>,
    /// When a private moment outscores every public one: its id and what a shareable
    /// version would need (never its text).
    pub private_strongest: Option<PrivateStrongest>,
    /// The public evidence by project and quarter over the cycle window (private
    /// moments are never drawn, even here: see [`crate::report::timeline`]).
    pub timeline: crate::report::timeline::Timeline,
}

/// One objection, as the pre-mortem shows it.
#[derive(Clone, Debug, Serialize)]
pub struct ObjectionItem {
    /// 1 for the first a reviewer attacks.
    pub rank: usize,
    /// The rule's id, e.g. `no-metric`.
    pub id: String,
    /// `high`, `medium` or `low`.
    pub severity: String,
    /// A short title.
    pub title: String,
    /// The reviewer's likely question.
    pub question: String,
    /// What triggered it.
    pub finding: String,
    /// Ids of the public moments behind it.
    pub evidence: Vec<String>,
    /// What to gather or change.
    pub fix: String,
    /// The ask to bring to a 1:1.
    pub ask: String,
    /// Its step of the dated plan, when it has one.
    pub plan: Option<Action>,
}

/// A dated step of the plan.
#[derive(Clone, Debug, Serialize)]
pub struct Action {
    /// When the evidence should be in the log, `YYYY-MM-DD`.
    pub by: String,
    /// The objection's id.
    pub objection: String,
    /// The objection's title.
    pub title: String,
    /// What to gather.
    pub action: String,
    /// The 1:1 to bring the ask to, `YYYY-MM-DD`; `None` when no 1:1 falls before
    /// `by` (then: ask for one).
    pub one_on_one: Option<String>,
    /// The ask, e.g. "Ask Sam Lee: “…”".
    pub ask: String,
    /// `long` (start now, check at the midpoint) or `short` (next 1:1).
    pub lead: String,
    /// The 1:1 to check progress at, `YYYY-MM-DD`, for a long-lead fix.
    pub check: Option<String>,
}

impl Premortem {
    /// The pre-mortem of `case` for a packet due on `submission`.
    pub fn of(case: &Case, submission: NaiveDate) -> Result<Self, Error> {
        let evidence = case.evidence();
        let (log, ladder, today) = (&case.log, case.ladder()?, case.today);
        // The objections and the competency matrix only read the log: side by side on a
        // big one; the objections' error, if any, still comes first.
        let parallel = crate::parallel::worth_it(log.moments.len());
        let (objections, (competencies, timeline)) = crate::parallel::join(
            parallel,
            || crate::objections::find(log, &evidence, ladder, today),
            || {
                crate::parallel::join(
                    parallel,
                    || crate::report::competencies::cited_matrix(log, ladder),
                    || crate::report::timeline::Timeline::of(log, &evidence, today),
                )
            },
        );
        let objections = objections?;
        let mut report = Self::build_with(log, &evidence, &objections, submission, today, timeline);
        report.competencies = competencies?;
        Ok(report)
    }

    /// Gathers the pre-mortem of `log` for a packet due on `submission`, as of `today`,
    /// from its ranked evidence and its objections (attack order).
    pub fn build(
        log: &Log,
        evidence: &Evidence<'_>,
        objections: &[Objection],
        submission: NaiveDate,
        today: NaiveDate,
    ) -> Self {
        let timeline = crate::report::timeline::Timeline::of(log, evidence, today);
        Self::build_with(log, evidence, objections, submission, today, timeline)
    }

    /// [`Self::build`] with the timeline drawn already.
    fn build_with(
        log: &Log,
        evidence: &Evidence<'_>,
        objections: &[Objection],
        submission: NaiveDate,
        today: NaiveDate,
        timeline: crate::report::timeline::Timeline,
    ) -> Self {
        let days_left = (submission - today).num_days();
        let window = Window::of(days_left);
        let deadline = plan::deadline(submission);
        let planned = window != Window::TooLate;
        let meetings = if planned {
            log.one_on_ones(today, deadline)
        } else {
            Vec::new()
        };
        let mut items: Vec<ObjectionItem> = objections
            .iter()
            .enumerate()
            .map(|(i, o)| ObjectionItem {
                rank: i + 1,
                id: o.id.id().to_string(),
                severity: o.severity.word().to_string(),
                title: o.title.clone(),
                question: o.question.clone(),
                finding: o.finding.clone(),
                evidence: o.evidence.clone(),
                fix: o.fix.clone(),
                ask: bare_ask(&o.ask),
                plan: None,
            })
            .collect();
        let highs = objections
            .iter()
            .filter(|o| o.severity == Severity::High)
            .count();
        let (actions, will_not_land) = if planned && deadline > today {
            schedule(objections, &items, window, today, deadline, &meetings)
        } else {
            (Vec::new(), Vec::new())
        };
        for item in &mut items {
            item.plan = actions.iter().find(|a| a.objection == item.id).cloned();
        }
        let verdict = (highs >= NEXT_CYCLE_HIGHS && days_left < NEXT_CYCLE_UNDER_DAYS).then(|| {
            format!(
                "Next cycle: {highs} high objections with {days_left} days to go will not all close before {submission}. Build the case for the next cycle with this plan, and ask {} to say so at calibration rather than put a weak packet in.",
                log.manager
            )
        });
        let no_plan = if !planned && days_left < 0 {
            Some("No dated plan: the submission date has passed.".to_string())
        } else if !planned && objections.is_empty() {
            Some(format!(
                "No fixes to plan before {submission}: what is left is calibration readiness, below."
            ))
        } else if !planned {
            Some(format!(
                "No dated plan for the fixes: new evidence could not land before {submission}. Treat the fixes above as polish, most important first."
            ))
        } else if objections.is_empty() {
            Some("No objection to plan for: keep logging a moment at every 1:1, and re-run this a month from now.".to_string())
        } else {
            None
        };
        let mut open_commitments = open::open_commitments(log, submission, today);
        let overdue = open_commitments.iter().filter(|c| c.overdue).count();
        let private_commitments = open_commitments.iter().filter(|c| c.private).count();
        let open_commitments_more = open_commitments
            .len()
            .saturating_sub(OPEN_COMMITMENTS_SHOWN);
        open_commitments.truncate(OPEN_COMMITMENTS_SHOWN);
        let before_submission = if days_left > 0 {
            log.one_on_ones(today, submission)
        } else {
            Vec::new()
        };
        let readiness = readiness::readiness(
            &log.manager,
            &before_submission,
            today,
            submission,
            &open_commitments,
        );
        Self {
            owner: log.owner.name.clone(),
            role: log.owner.role.clone(),
            level: log.owner.level.clone(),
            target_level: log.target.level.clone(),
            cycle: log.target.cycle.clone(),
            manager: log.manager.clone(),
            today: today.to_string(),
            submission: submission.to_string(),
            days_left,
            window,
            window_advice: window.advice(days_left),
            cadence: cadence_word(log.cadence).to_string(),
            land_by: planned.then(|| deadline.to_string()),
            one_on_ones: meetings.iter().map(NaiveDate::to_string).collect(),
            objections: items,
            actions,
            no_plan,
            will_not_land,
            verdict,
            readiness,
            overdue,
            private_commitments,
            open_commitments,
            open_commitments_more,
            record: record::record(log, today),
            manager_record: crate::evidence::sponsor::record(log, today),
            stale_proof: proof::stale_proof(evidence),
            competencies: Vec::new(),
            private_strongest: private_proof::private_strongest(log, evidence, today),
            timeline,
        }
    }
}

/// The plan, most urgent first, and the titles a tight window leaves out. Long-lead
/// fixes start at the next 1:1, are checked at the 1:1 nearest the midpoint and land
/// by `deadline`; cheap ones are asked at the next 1:1 and land at the one after.
fn schedule(
    objections: &[Objection],
    items: &[ObjectionItem],
    window: Window,
    today: NaiveDate,
    deadline: NaiveDate,
    meetings: &[NaiveDate],
) -> (Vec<Action>, Vec<String>) {
    let day = chrono::Duration::days;
    let next = meetings
        .first()
        .copied()
        .unwrap_or_else(|| (today + day(FALLBACK_MEETING_DAYS)).min(deadline));
    let following = meetings
        .get(1)
        .copied()
        .unwrap_or_else(|| (next + day(FALLBACK_MEETING_DAYS)).min(deadline));
    let middle = today + day((deadline - today).num_days() / 2);
    let check = meetings
        .iter()
        .copied()
        .filter(|m| *m > next && *m < deadline)
        .min_by_key(|m| (*m - middle).num_days().abs())
        .unwrap_or(middle.max(next));
    let long = |o: &Objection| LONG_LEAD.contains(&o.id.id());
    let mut order: Vec<usize> = (0..objections.len()).collect();
    order.sort_by_key(|&i| (objections[i].severity, !long(&objections[i]), i));
    let keep = if window == Window::Tight {
        TIGHT_TOP_FIXES
    } else {
        order.len()
    };
    let will_not_land = order
        .iter()
        .skip(keep)
        .map(|&i| items[i].title.clone())
        .collect();
    let actions = order
        .iter()
        .take(keep)
        .map(|&i| {
            let (o, item) = (&objections[i], &items[i]);
            let is_long = long(o);
            Action {
                by: if is_long { deadline } else { following }.to_string(),
                objection: item.id.clone(),
                title: item.title.clone(),
                action: item.fix.clone(),
                one_on_one: Some(next.to_string()),
                ask: item.ask.clone(),
                lead: if is_long { "long" } else { "short" }.to_string(),
                check: is_long.then(|| check.to_string()),
            }
        })
        .collect();
    (actions, will_not_land)
}

fn cadence_word(cadence: crate::log::Cadence) -> &'static str {
    match cadence {
        crate::log::Cadence::Weekly => "weekly",
        crate::log::Cadence::Biweekly => "biweekly",
        crate::log::Cadence::Monthly => "monthly",
    }
}

/// The ask without "At your next 1:1, ": the plan says which 1:1.
fn bare_ask(ask: &str) -> String {
    let trimmed = ask.trim();
    let rest = ["At your next 1:1, ", "At the next 1:1, "]
        .iter()
        .find_map(|prefix| trimmed.strip_prefix(prefix))
        .unwrap_or(trimmed);
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::testing::{date, log, moment};
    use crate::log::{Commitment, CommitmentOwner, Reach, Status, Tag};

    fn commitment(
        owner: CommitmentOwner,
        what: &str,
        due: Option<&str>,
        status: Status,
    ) -> Commitment {
        Commitment {
            owner,
            what: what.into(),
            due: due.map(date),
            status,
        }
    }

    #[test]
    fn private_open_commitments_show_marked_and_their_moment_text_never() {
        let mut public = moment("m1", "2026-10-01", Tag::Decision, Reach::Org);
        public.commitments = vec![
            commitment(
                CommitmentOwner::Me,
                "Send the plan",
                Some("2026-11-01"),
                Status::Open,
            ),
            commitment(
                CommitmentOwner::Manager,
                "Back it at staff",
                Some("2027-01-10"),
                Status::Open,
            ),
            commitment(
                CommitmentOwner::Me,
                "After submission",
                Some("2027-03-10"),
                Status::Open,
            ),
            commitment(CommitmentOwner::Me, "Old", Some("2026-05-01"), Status::Held),
            commitment(
                CommitmentOwner::Me,
                "Missed",
                Some("2026-05-01"),
                Status::Broken,
            ),
        ];
        let mut secret = moment("m2", "2026-10-08", Tag::Scope, Reach::Team);
        secret.what = "SECRET-WHAT".into();
        secret.private = true;
        secret.commitments = vec![commitment(
            CommitmentOwner::Manager,
            "Ask HR about my band",
            None,
            Status::Open,
        )];
        let log = log(&["p"], vec![public, secret]);
        let today = date("2026-11-21");
        let evidence = Evidence::rank(&log, today);
        let report = Premortem::build(&log, &evidence, &[], date("2027-03-01"), today);
        let rows: Vec<(Option<&str>, &str, bool, bool)> = report
            .open_commitments
            .iter()
            .map(|c| (c.due.as_deref(), c.what.as_str(), c.overdue, c.private))
            .collect();
        assert_eq!(
            rows,
            [
                (Some("2026-11-01"), "Send the plan", true, false),
                (Some("2027-01-10"), "Back it at staff", false, false),
                (None, "Ask HR about my band", false, true),
            ]
        );
        assert_eq!((report.overdue, report.private_commitments), (1, 1));
        assert_eq!(
            (
                report.record.held,
                report.record.broken,
                report.record.open,
                report.record.overdue
            ),
            (1, 1, 2, 1)
        );
        let json = serde_json::to_string(&report).expect("json");
        assert!(!json.contains("SECRET-WHAT"), "{json}");
        assert_eq!(report.window, Window::Ideal);
        assert_eq!(report.days_left, 100);
    }

    #[test]
    fn asks_lose_the_generic_prefix() {
        assert_eq!(bare_ask("At your next 1:1, ask Sam: “x”"), "Ask Sam: “x”");
        assert_eq!(bare_ask("Bring data"), "Bring data");
    }
}
