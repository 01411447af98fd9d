//! The objection rules, one file per rule, and the registry that runs them.
//!
//! Each file holds its threshold (documented on it and in `docs/objections.md`), its
//! check, and — for the questions the packet answers — its answer. This file is the
//! registry: adding a rule is one new file, its variant in [`Rule`](super::Rule), a
//! `mod` line and one arm in [`check`] (plus one entry in [`ANSWERS`] if the packet
//! should answer it).
//!
//! Shares are compared in integers (`part * 100 < whole * percent`), so a case
//! exactly at a threshold is on the quiet side of it.

mod below_target_reach;
mod broken_commitments;
mod competency_gap;
mod execution_not_judgment;
mod level_question;
mod lukewarm_sponsor;
mod no_leverage;
mod no_metric;
mod no_peer_signal;
mod no_scope;
mod no_sponsor_signal;
mod one_strong_quarter;
mod single_project;
mod sponsor_follow_through;
mod stale_evidence;
mod task_first_wording;
mod thin_leverage;
mod thin_log;
mod thin_scope;
mod uncorroborated;
mod vague_peer_feedback;

use super::case::Case;
use super::{Objection, Rule};
use crate::evidence::{Evidence, ScoredMoment};
use crate::log::{Log, Moment, Role};

pub use execution_not_judgment::MIN_TOP_DECISIONS;
pub use no_leverage::VITAL_LEVERAGE_SHARE;
pub use one_strong_quarter::{ONE_QUARTER_PERCENT, QUARTER_WINDOW_DAYS};
pub use single_project::SINGLE_PROJECT_PERCENT;
pub use sponsor_follow_through::{SPONSOR_BROKEN_MIN, SPONSOR_BROKEN_PERCENT};
pub use stale_evidence::{STALE_AFTER_DAYS, STALE_HIGH_AFTER_DAYS};
pub use thin_log::THIN_LOG_MIN_MOMENTS;
pub use uncorroborated::{UNCORROBORATED_HIGH_PERCENT, UNCORROBORATED_PERCENT};

/// How many moment ids an objection lists at most: enough to find them, short enough to read.
const MAX_EVIDENCE: usize = 5;

/// Runs one rule.
pub(super) fn check(rule: Rule, case: &Case<'_, '_>) -> Option<Objection> {
    // An empty log is one objection, not eighteen: every other rule needs evidence to judge.
    if rule != Rule::ThinLog && case.public().is_empty() {
        return None;
    }
    match rule {
        Rule::ThinLog => thin_log::check(case),
        Rule::ThinScope => thin_scope::check(case),
        Rule::NoScope => no_scope::check(case),
        Rule::LevelQuestion => level_question::check(case),
        Rule::CompetencyGap => competency_gap::check(case),
        Rule::BelowTargetReach => below_target_reach::check(case),
        Rule::ExecutionNotJudgment => execution_not_judgment::check(case),
        Rule::NoSponsorSignal => no_sponsor_signal::check(case),
        Rule::LukewarmSponsor => lukewarm_sponsor::check(case),
        Rule::SponsorFollowThrough => sponsor_follow_through::check(case),
        Rule::NoLeverage => no_leverage::check(case),
        Rule::NoMetric => no_metric::check(case),
        Rule::SingleProject => single_project::check(case),
        Rule::OneStrongQuarter => one_strong_quarter::check(case),
        Rule::NoPeerSignal => no_peer_signal::check(case),
        Rule::VaguePeerFeedback => vague_peer_feedback::check(case),
        Rule::Uncorroborated => uncorroborated::check(case),
        Rule::BrokenCommitments => broken_commitments::check(case),
        Rule::StaleEvidence => stale_evidence::check(case),
        Rule::TaskFirstWording => task_first_wording::check(case),
        Rule::ThinLeverage => thin_leverage::check(case),
    }
}

/// One answered packet question: the rule's catalog id, the committee's question, and the
/// answer this evidence gives.
pub type Answered = (&'static str, &'static str, String);

/// A rule's answer to its packet question, given the log, its evidence and the top examples.
type Answer = fn(&Log, &Evidence<'_>, &[&ScoredMoment<'_>]) -> Option<Answered>;

/// The questions the packet answers, in the packet's order (not the attack order).
const ANSWERS: [Answer; 5] = [
    thin_scope::answered,
    execution_not_judgment::answered,
    single_project::answered,
    no_metric::answered,
    no_sponsor_signal::answered,
];

/// The questions a committee asks of every packet, with the answer this evidence gives.
pub(super) fn answered(log: &Log, evidence: &Evidence<'_>) -> Vec<Answered> {
    let top: Vec<&ScoredMoment<'_>> = evidence.top_examples().collect();
    ANSWERS
        .iter()
        .filter_map(|answer| answer(log, evidence, &top))
        .collect()
}

/// At the next 1:1, ask the manager this.
pub(super) fn ask_manager(case: &Case<'_, '_>, words: &str) -> String {
    format!("At your next 1:1, ask {}: “{words}”", case.manager())
}

/// The ids of the first few of `moments`, for an objection's evidence list.
pub(super) fn ids<'m>(moments: impl IntoIterator<Item = &'m Moment>) -> Vec<String> {
    moments
        .into_iter()
        .take(MAX_EVIDENCE)
        .map(|m| m.id.clone())
        .collect()
}

/// Whether a quote from `role` counts as peer corroboration.
pub(super) fn is_peer(role: Role) -> bool {
    matches!(role, Role::Peer | Role::Stakeholder)
}

/// Words that say a moment grew someone: on the management track that is leverage.
const GROWS_PEOPLE: &[&str] = &[
    "coached",
    "mentored",
    "promoted",
    "grew",
    "hired",
    "onboarded",
    "sponsored",
    "developed",
];

/// Whether `moment` grew people — coached, mentored, promoted, hired someone — on a
/// ladder where growing people is evidence (the management track); never elsewhere.
pub(super) fn grows_people(case: &Case<'_, '_>, moment: &Moment) -> bool {
    case.level.people_evidence
        && moment
            .what
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| crate::text::is_one_of(word, GROWS_PEOPLE))
}

/// Whether `quote` counts as a peer's voice in this case: a peer's or stakeholder's,
/// or — on a ladder where growing people is evidence (the management track) — a
/// report's that names what changed.
pub(super) fn speaks_as_peer(case: &Case<'_, '_>, quote: &crate::log::Quote) -> bool {
    is_peer(quote.role)
        || (case.level.people_evidence
            && quote.role == Role::Report
            && crate::evidence::signal::names_scope_or_leverage(&quote.text))
}

/// Display names of the projects with public evidence, strongest first.
pub(super) fn project_names(case: &Case<'_, '_>) -> Vec<String> {
    let names: Vec<String> = case
        .evidence
        .projects
        .iter()
        .map(|p| p.name.clone())
        .collect();
    if names.is_empty() {
        vec![case.lead_project()]
    } else {
        names
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::evidence::Evidence;
    use crate::log::{Log, load};

    fn fixture(name: &str) -> Log {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).expect("a date");
        load::load(&path, today).expect("a valid fixture").0
    }

    fn answered(name: &str) -> Vec<(&'static str, &'static str, String)> {
        let log = fixture(name);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).expect("a date");
        let evidence = Evidence::rank(&log, today);
        crate::objections::answered(&log, &evidence)
    }

    fn rows(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected
            .iter()
            .map(|(id, answer)| ((*id).to_string(), (*answer).to_string()))
            .collect()
    }

    fn ids_and_answers(name: &str) -> Vec<(String, String)> {
        answered(name)
            .into_iter()
            .map(|(id, _, answer)| (id.to_string(), answer))
            .collect()
    }

    #[test]
    fn answers_the_packet_questions_in_the_packet_order() {
        // The first four rows are the ones `tests/golden/packet-strong-pm.md` prints.
        assert_eq!(
            ids_and_answers("strong-pm.ron"),
            rows(&[
                (
                    "thin-scope",
                    "37 of 44 moments reach beyond the team; the widest is Company (Pay later)."
                ),
                (
                    "execution-not-judgment",
                    "20 of 44 moments are decisions, and 3 of the 5 top examples open with the call made."
                ),
                (
                    "single-project",
                    "Evidence spans 6 projects and 4 quarters."
                ),
                (
                    "no-metric",
                    "5 of the 5 top examples carry a measured outcome."
                ),
                (
                    "no-sponsor-signal",
                    "6 endorsing quotes from Sam Lee and the skip-level are on record."
                ),
            ])
        );
        assert_eq!(
            ids_and_answers("weak-startup-pm.ron"),
            rows(&[
                (
                    "thin-scope",
                    "0 of 12 moments reach beyond the team; the widest is Team (Onboarding v2)."
                ),
                (
                    "execution-not-judgment",
                    "2 of 12 moments are decisions, and 2 of the 3 top examples open with the call made."
                ),
                (
                    "single-project",
                    "Evidence spans 2 projects and 3 quarters."
                ),
                (
                    "no-metric",
                    "0 of the 3 top examples carry a measured outcome."
                ),
            ])
        );
        let questions: Vec<&str> = answered("engineer-l6.ron")
            .iter()
            .map(|row| row.1)
            .collect();
        assert_eq!(
            questions,
            [
                "Is this bigger than the owner's own team?",
                "Is this judgment, or execution?",
                "Is this one hero project?",
                "Where are the numbers?",
                "Does the manager back this?",
            ]
        );
    }
}
