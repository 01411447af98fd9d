//! One function per rule: when it fires (the threshold, documented on each and in
//! `docs/objections.md`), what triggered it, and the fix written for this log.
//!
//! Shares are compared in integers (`part * 100 < whole * percent`), so a case
//! exactly at a threshold is on the quiet side of it.

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};

use super::case::Case;
use super::phrase::{cite, list, percent, plural, reach_phrase, shorten};
use super::{Objection, Rule, Severity};
use crate::evidence::wording::{Opening, opening};
use crate::evidence::{ScoredMoment, impact, signal};
use crate::log::{CommitmentOwner, Moment, Role, Status, Tag};

/// thin-log fires below this many public moments.
pub const THIN_LOG_MIN_MOMENTS: usize = 5;
/// stale-evidence fires when the newest public moment is more than this many days old.
pub const STALE_AFTER_DAYS: i64 = 45;
/// …and is high severity beyond this many days: a whole quarter gone quiet.
pub const STALE_HIGH_AFTER_DAYS: i64 = 90;
/// single-project fires when one project carries more than this percent of the score.
pub const SINGLE_PROJECT_PERCENT: usize = 60;
/// The length of the window one-strong-quarter slides over the moments.
pub const QUARTER_WINDOW_DAYS: i64 = 90;
/// one-strong-quarter fires when one window holds more than this percent of the score.
pub const ONE_QUARTER_PERCENT: usize = 60;
/// execution-not-judgment fires when fewer top examples than this are decisions. The top
/// examples are picked to spread over decision, scope and leverage, so one decision among
/// them is by design; none means the strongest evidence holds no call at all.
pub const MIN_TOP_DECISIONS: usize = 1;
/// no-leverage is high severity when the target level expects at least this leverage share.
pub const VITAL_LEVERAGE_SHARE: u8 = 20;

/// How many moment ids an objection lists at most: enough to find them, short enough to read.
const MAX_EVIDENCE: usize = 5;

/// Runs one rule.
pub(super) fn check(rule: Rule, case: &Case<'_, '_>) -> Option<Objection> {
    // An empty log is one objection, not fifteen: every other rule needs evidence to judge.
    if rule != Rule::ThinLog && case.public().is_empty() {
        return None;
    }
    match rule {
        Rule::ThinLog => thin_log(case),
        Rule::ThinScope => thin_scope(case),
        Rule::BelowTargetReach => below_target_reach(case),
        Rule::ExecutionNotJudgment => execution_not_judgment(case),
        Rule::NoSponsorSignal => no_sponsor_signal(case),
        Rule::NoLeverage => no_leverage(case),
        Rule::NoMetric => no_metric(case),
        Rule::SingleProject => single_project(case),
        Rule::OneStrongQuarter => one_strong_quarter(case),
        Rule::NoPeerSignal => no_peer_signal(case),
        Rule::VaguePeerFeedback => vague_peer_feedback(case),
        Rule::BrokenCommitments => broken_commitments(case),
        Rule::StaleEvidence => stale_evidence(case),
        Rule::TaskFirstWording => task_first_wording(case),
        Rule::ThinLeverage => thin_leverage(case),
    }
}

/// At the next 1:1, ask the manager this.
fn ask_manager(case: &Case<'_, '_>, words: &str) -> String {
    format!("At your next 1:1, ask {}: “{words}”", case.manager())
}

fn ids<'m>(moments: impl IntoIterator<Item = &'m Moment>) -> Vec<String> {
    moments
        .into_iter()
        .take(MAX_EVIDENCE)
        .map(|m| m.id.clone())
        .collect()
}

/// thin-log: fewer than [`THIN_LOG_MIN_MOMENTS`] public moments — nothing to rank, no
/// pattern to show.
fn thin_log(case: &Case<'_, '_>) -> Option<Objection> {
    let n = case.public().len();
    if n >= THIN_LOG_MIN_MOMENTS {
        return None;
    }
    Some(Objection {
        id: Rule::ThinLog,
        severity: Severity::High,
        title: "Too little evidence to make a case".into(),
        question: format!(
            "Is there enough here to judge {} at {} at all?",
            case.first_name(),
            case.target()
        ),
        evidence: ids(case.public()),
        finding: format!(
            "{n} public moment{} in the log; a case needs at least {THIN_LOG_MIN_MOMENTS} to show a pattern",
            plural(n)
        ),
        fix: format!(
            "Log a moment at every 1:1 from now to {}: the call you made, who it reached, what changed (with a number). Go back through your notes on {} for calls you have not logged yet.",
            case.log.target.submission,
            case.lead_project()
        ),
        ask: ask_manager(
            case,
            &format!(
                "Which two or three things I did this cycle would you put in front of the committee for {}? Let's log them now.",
                case.level.id
            ),
        ),
    })
}

/// thin-scope: every public moment has `Team` reach.
fn thin_scope(case: &Case<'_, '_>) -> Option<Objection> {
    let n = case.public().len();
    if case
        .public()
        .iter()
        .any(|m| m.reach > crate::log::Reach::Team)
    {
        return None;
    }
    let lead = case.lead_project();
    Some(Objection {
        id: Rule::ThinScope,
        severity: Severity::High,
        title: "Nothing reaches beyond the team".into(),
        question: format!(
            "What has {} done that mattered outside their own team?",
            case.first_name()
        ),
        evidence: Vec::new(),
        finding: format!(
            "all {n} public moment{} reach only {}'s own team; none is CrossTeam, Org or Company",
            plural(n),
            case.first_name()
        ),
        fix: format!(
            "Go through {} and find where the work changed another team's plans, a shared system or an org decision; log those moments with their real reach and a witness from the other team. If nothing went further, that is the gap to close before {}.",
            list(&project_names(case)),
            case.log.target.submission
        ),
        ask: ask_manager(
            case,
            &format!(
                "Which problem in {lead} crosses into another team, and can I own it through {}?",
                case.log.target.submission
            ),
        ),
    })
}

/// below-target-reach: the widest reach among the top examples is below the ladder's
/// `min_reach` for the target level. Quiet when thin-scope fires: that says it more strongly.
fn below_target_reach(case: &Case<'_, '_>) -> Option<Objection> {
    let top = case.top();
    let widest = top.iter().map(|s| s.moment.reach).max()?;
    let wanted = case.level.min_reach;
    if widest >= wanted || thin_scope(case).is_some() {
        return None;
    }
    let outside_top = case
        .evidence
        .moments
        .iter()
        .map(|s| s.moment)
        .find(|m| m.reach >= wanted && !top.iter().any(|t| t.moment.id == m.id));
    let mut finding = format!(
        "the widest reach among the top examples is {}; {} expects {}",
        widest.name(),
        case.target(),
        wanted.name()
    );
    let fix = match outside_top {
        Some(moment) => {
            finding.push_str(&format!(
                "; {} reaches {} but is not a top example",
                moment.id,
                moment.reach.name()
            ));
            format!(
                "Strengthen {}: it already reaches {}. Add a quantified impact and a witness from outside the team so it ranks among the top examples.",
                cite(moment),
                reach_phrase(moment.reach)
            )
        }
        None => format!(
            "Find the moment in {} whose effect reached {} — a plan another group changed, a standard it adopted — and log it with its reach and a witness there. None of the top examples gets that far yet.",
            case.lead_project(),
            reach_phrase(wanted)
        ),
    };
    Some(Objection {
        id: Rule::BelowTargetReach,
        severity: Severity::High,
        title: format!("Top examples stop short of {} reach", case.level.id),
        question: format!(
            "{} work reaches {}: where does {}'s get that far?",
            case.level.id,
            reach_phrase(wanted),
            case.first_name()
        ),
        evidence: top.iter().map(|s| s.moment.id.clone()).collect(),
        finding,
        fix,
        ask: ask_manager(
            case,
            &format!(
                "What would a problem that spans {} look like for me next quarter, and who would need to see me own it?",
                reach_phrase(wanted)
            ),
        ),
    })
}

/// execution-not-judgment: decisions are below the level's `decision_share` of the
/// public moments, or fewer than [`MIN_TOP_DECISIONS`] of the top examples are decisions.
fn execution_not_judgment(case: &Case<'_, '_>) -> Option<Objection> {
    let n = case.public().len();
    let decisions = case.evidence.count_tag(Tag::Decision);
    let top = case.top();
    let top_decisions = top.iter().filter(|s| s.moment.tag == Tag::Decision).count();
    let expected = usize::from(case.level.decision_share);
    let low_share = decisions * 100 < n * expected;
    let few_on_top = !top.is_empty() && top_decisions < MIN_TOP_DECISIONS;
    if !low_share && !few_on_top {
        return None;
    }
    // The top examples are what a reviewer reads, so they are cited when they lack
    // decisions; otherwise the strongest non-decision moments carry the pattern.
    let not_decisions: Vec<&Moment> = if few_on_top {
        top.iter()
            .map(|s| s.moment)
            .filter(|m| m.tag != Tag::Decision)
            .collect()
    } else {
        case.evidence
            .moments
            .iter()
            .map(|s| s.moment)
            .filter(|m| m.tag != Tag::Decision)
            .collect()
    };
    Some(Objection {
        id: Rule::ExecutionNotJudgment,
        severity: Severity::High,
        title: "Execution, not judgment".into(),
        question: format!(
            "Which calls did {} make, rather than carry out?",
            case.first_name()
        ),
        evidence: ids(not_decisions.iter().copied()),
        finding: format!(
            "{decisions} of {n} public moments {} ({}%; {} expects {expected}%); {top_decisions} of the {} top examples {}",
            if decisions == 1 {
                "is a decision"
            } else {
                "are decisions"
            },
            percent(decisions, n),
            case.target(),
            top.len(),
            if top_decisions == 1 {
                "is a decision"
            } else {
                "are decisions"
            }
        ),
        fix: format!(
            "For {}: write down the call behind the work — the options, what you chose, what you gave up — and log it as a Decision moment where the call was yours.",
            list(
                &not_decisions
                    .iter()
                    .take(3)
                    .map(|m| cite(m))
                    .collect::<Vec<_>>()
            )
        ),
        ask: format!(
            "At your next 1:1, bring {} one open trade-off in {} as a recommendation — “I'd do X over Y because Z; any reason not to?” — and log the call you make.",
            case.manager(),
            case.lead_project()
        ),
    })
}

/// no-sponsor-signal: no public moment quotes the manager or a skip-level.
fn no_sponsor_signal(case: &Case<'_, '_>) -> Option<Objection> {
    if case.quotes().any(|(_, q)| q.role.is_sponsor()) {
        return None;
    }
    let manager = case.manager();
    let (target_moment, about) = match case.best() {
        Some(best) => (cite(best), case.project_name(&best.project).to_string()),
        None => ("your strongest moment".into(), case.lead_project()),
    };
    Some(Objection {
        id: Rule::NoSponsorSignal,
        severity: Severity::High,
        title: format!("No word from {manager}"),
        question: format!(
            "What does {manager} say about {}'s work at {}?",
            case.first_name(),
            case.level.id
        ),
        evidence: Vec::new(),
        finding: format!("no public moment quotes {manager} or a skip-level"),
        fix: format!(
            "Get {manager}'s own words on {target_moment}: what it showed about your level. Add them to that moment as a Manager quote; a skip-level quote counts too."
        ),
        ask: ask_manager(
            case,
            &format!(
                "If you had one minute in calibration, how would you describe what I did on {about}?"
            ),
        ),
    })
}

/// no-leverage: no public moment is tagged `Leverage`. High when the target level
/// expects a leverage share of [`VITAL_LEVERAGE_SHARE`]% or more.
fn no_leverage(case: &Case<'_, '_>) -> Option<Objection> {
    if case.evidence.count_tag(Tag::Leverage) > 0 {
        return None;
    }
    let n = case.public().len();
    let severity = if case.level.leverage_share >= VITAL_LEVERAGE_SHARE {
        Severity::High
    } else {
        Severity::Medium
    };
    Some(Objection {
        id: Rule::NoLeverage,
        severity,
        title: "No leverage".into(),
        question: format!(
            "Whose work got easier or faster because of {}?",
            case.first_name()
        ),
        evidence: Vec::new(),
        finding: format!(
            "none of the {n} public moment{} is tagged Leverage",
            plural(n)
        ),
        fix: format!(
            "Look through {} for work others now reuse or that unblocked another team — a template, a decision doc, a process, an API contract — and log it as Leverage, naming who adopted it.",
            list(&project_names(case))
        ),
        ask: ask_manager(
            case,
            &format!(
                "What from {} could another team reuse, and who should I offer it to this quarter?",
                case.lead_project()
            ),
        ),
    })
}

/// no-metric: fewer than half the top examples have an impact with a number in it.
fn no_metric(case: &Case<'_, '_>) -> Option<Objection> {
    let top = case.top();
    let quantified = |m: &Moment| m.impact.as_deref().is_some_and(impact::is_quantified);
    let count = top.iter().filter(|s| quantified(s.moment)).count();
    if top.is_empty() || count * 2 >= top.len() {
        return None;
    }
    let bare: Vec<&Moment> = top
        .iter()
        .map(|s| s.moment)
        .filter(|m| !quantified(m))
        .collect();
    let described: Vec<String> = bare
        .iter()
        .take(3)
        .map(|m| match &m.impact {
            Some(text) => format!("{} (“{}”)", m.id, shorten(text, 40)),
            None => format!("{} (no impact written)", m.id),
        })
        .collect();
    let first = bare.first().map_or_else(
        || case.lead_project(),
        |m| case.project_name(&m.project).to_string(),
    );
    Some(Objection {
        id: Rule::NoMetric,
        severity: Severity::Medium,
        title: "Impact without numbers".into(),
        question: "What changed, and by how much?".into(),
        evidence: ids(bare.iter().copied()),
        finding: format!(
            "{count} of the {} top examples {} a number in {} impact",
            top.len(),
            if count == 1 { "has" } else { "have" },
            if count == 1 { "its" } else { "their" }
        ),
        fix: format!(
            "Put a number on {}: a metric that moved, a date held, a cost avoided, hours saved.",
            list(&described)
        ),
        ask: ask_manager(
            case,
            &format!("Who can give me the figure behind {first} — what moved, and by how much?"),
        ),
    })
}

/// single-project: one project carries more than [`SINGLE_PROJECT_PERCENT`]% of the
/// total score (moment scores, floored at zero).
fn single_project(case: &Case<'_, '_>) -> Option<Objection> {
    // Points by the project's place in the log: one hash lookup per moment, where a
    // map keyed by name compared strings all the way down.
    let mut by_project: Vec<Option<i64>> = vec![None; case.log.projects.len()];
    let mut total: i64 = 0;
    for scored in &case.evidence.moments {
        let points = Case::points(scored);
        total += points;
        if let Some(index) = case
            .log
            .projects
            .get_index_of(scored.moment.project.as_str())
        {
            *by_project[index].get_or_insert(0) += points;
        }
    }
    // Ties go to the project first in rank order, which is what a reader sees first.
    let (key, points) = case
        .evidence
        .projects
        .iter()
        .filter_map(|p| {
            case.log
                .projects
                .get_index_of(p.key.as_str())
                .and_then(|index| by_project[index])
                .map(|points| (p.key.as_str(), points))
        })
        .fold(
            None,
            |best: Option<(&str, i64)>, (key, points)| match best {
                Some((_, best_points)) if best_points >= points => best,
                _ => Some((key, points)),
            },
        )?;
    if total <= 0 || points * 100 <= total * SINGLE_PROJECT_PERCENT as i64 {
        return None;
    }
    let name = case.log.project_name(key).to_string();
    let mine: Vec<&Moment> = case
        .evidence
        .moments
        .iter()
        .map(|s| s.moment)
        .filter(|m| m.project == key)
        .collect();
    let others: Vec<&Moment> = case
        .evidence
        .moments
        .iter()
        .map(|s| s.moment)
        .filter(|m| m.project != key)
        .collect();
    let fix = match others.first() {
        Some(next) => format!(
            "Strengthen the case outside {name}: {} is {} on {}. Log the calls you made there, with who they reached and a number.",
            if others.len() == 1 {
                "the only moment elsewhere".to_string()
            } else {
                format!("the strongest of the {} moments elsewhere", others.len())
            },
            cite(next),
            case.project_name(&next.project)
        ),
        None => format!(
            "Every public moment is in {name}. Log the work you did anywhere else this cycle — an area you covered, a problem you took on — with its reach and impact."
        ),
    };
    Some(Objection {
        id: Rule::SingleProject,
        severity: Severity::Medium,
        title: format!("One project carries the case: {name}"),
        question: "Is this a pattern, or one project that went well?".into(),
        evidence: ids(mine.iter().copied()),
        finding: format!(
            "{name} carries {}% of the evidence score ({} of {} public moments)",
            percent(points.max(0) as usize, total as usize),
            mine.len(),
            case.public().len()
        ),
        fix,
        ask: ask_manager(
            case,
            &format!(
                "Besides {name}, which work of mine would you cite — and is there a second area I can own before {}?",
                case.log.target.submission
            ),
        ),
    })
}

/// one-strong-quarter: some [`QUARTER_WINDOW_DAYS`]-day window (a moment's date and the
/// 89 days after it) holds more than [`ONE_QUARTER_PERCENT`]% of the total score.
fn one_strong_quarter(case: &Case<'_, '_>) -> Option<Objection> {
    let total: i64 = case.evidence.moments.iter().map(Case::points).sum();
    if total <= 0 {
        return None;
    }
    // Points per day, in date order. A window starting on a day holds every moment of
    // that day, so the best window always starts on the first moment of some day, and
    // only days matter: summing per day and sliding two pointers keeps this linear and
    // free of string comparisons (sorting moments by date and id dominated big logs).
    let mut days: Vec<(NaiveDate, i64)> = case
        .evidence
        .moments
        .iter()
        .map(|s| (s.moment.date, Case::points(s)))
        .collect();
    days.sort_unstable_by_key(|&(date, _)| date);
    days.dedup_by(|later, first| {
        let same = later.0 == first.0;
        if same {
            first.1 += later.1;
        }
        same
    });
    let window = Duration::days(QUARTER_WINDOW_DAYS - 1);
    // The earliest window wins a tie, so the result does not depend on anything but the dates.
    let mut best: Option<(i64, NaiveDate)> = None;
    let mut end_index = 0;
    let mut points: i64 = 0;
    // A window running past the last date there is ends there (adding would panic).
    let end_of = |day: NaiveDate| day.checked_add_signed(window).unwrap_or(NaiveDate::MAX);
    for &(day, day_points) in &days {
        let end = end_of(day);
        while end_index < days.len() && days[end_index].0 <= end {
            points += days[end_index].1;
            end_index += 1;
        }
        if best.is_none_or(|(p, _)| points > p) {
            best = Some((points, day));
        }
        points -= day_points;
    }
    let (points, from) = best?;
    if points * 100 <= total * ONE_QUARTER_PERCENT as i64 {
        return None;
    }
    // The window's moments in rank order: the evidence is ranked by score, date, then id.
    let ranked: Vec<&ScoredMoment<'_>> = case
        .evidence
        .moments
        .iter()
        .filter(|s| from <= s.moment.date && s.moment.date <= end_of(from))
        .collect();
    let inside = ranked.len();
    let to = ranked.iter().map(|s| s.moment.date).max()?;
    Some(Objection {
        id: Rule::OneStrongQuarter,
        severity: Severity::Medium,
        title: "One strong quarter".into(),
        question: format!(
            "What did {} do in the rest of the cycle?",
            case.first_name()
        ),
        evidence: ids(ranked.iter().map(|s| s.moment)),
        finding: format!(
            "{}% of the evidence score falls between {from} and {to} ({inside} of {} public moments)",
            percent(points.max(0) as usize, total as usize),
            case.public().len()
        ),
        fix: format!(
            "Go back through your 1:1 notes from before {from} and after {to} and log the calls you made then; from now to {}, log a moment at every 1:1.",
            case.log.target.submission
        ),
        ask: ask_manager(
            case,
            &format!(
                "Apart from {} to {}, what would you cite from my work this cycle?",
                from.format("%B"),
                to.format("%B")
            ),
        ),
    })
}

/// no-peer-signal: no public moment quotes a peer or stakeholder.
fn no_peer_signal(case: &Case<'_, '_>) -> Option<Objection> {
    if case.quotes().any(|(_, q)| is_peer(q.role)) {
        return None;
    }
    let manager = case.manager();
    let witnesses: Vec<String> = {
        let mut names: Vec<String> = Vec::new();
        for scored in case.top() {
            for name in &scored.moment.witnesses {
                if name != manager && !names.contains(name) {
                    names.push(name.clone());
                }
            }
        }
        names.into_iter().take(3).collect()
    };
    let fix = match (witnesses.is_empty(), case.best()) {
        (false, _) => format!(
            "Ask {} — {} of your top examples — for one line {}on what changed for them, and add it as a Peer or Stakeholder quote.",
            list(&witnesses),
            if witnesses.len() == 1 {
                "a witness"
            } else {
                "witnesses"
            },
            if witnesses.len() == 1 { "" } else { "each " }
        ),
        (true, Some(best)) => format!(
            "Name a witness outside your team for {}, ask them for one line on what changed for them, and add it as a Peer or Stakeholder quote.",
            cite(best)
        ),
        (true, None) => {
            "Ask a peer who saw your strongest work for one line on what changed for them.".into()
        }
    };
    Some(Objection {
        id: Rule::NoPeerSignal,
        severity: Severity::Medium,
        title: "No peer or stakeholder voice".into(),
        question: format!("Who besides {manager} has seen this work?"),
        evidence: Vec::new(),
        finding: "no public moment quotes a peer or stakeholder".into(),
        fix,
        ask: ask_manager(
            case,
            &format!(
                "Who outside our 1:1s would you want to hear from about {}, and may I ask them for a line?",
                case.lead_project()
            ),
        ),
    })
}

/// vague-peer-feedback: peer or stakeholder quotes exist, and none names scope,
/// ownership or leverage (see [`signal::names_scope_or_leverage`]).
fn vague_peer_feedback(case: &Case<'_, '_>) -> Option<Objection> {
    let peer: Vec<(&Moment, &crate::log::Quote)> =
        case.quotes().filter(|(_, q)| is_peer(q.role)).collect();
    if peer.is_empty()
        || peer
            .iter()
            .any(|(_, q)| signal::names_scope_or_leverage(&q.text))
    {
        return None;
    }
    let mut moments: Vec<&Moment> = Vec::new();
    let mut people: Vec<String> = Vec::new();
    // Sets beside the ordered lists keep first-seen order without a quadratic search.
    let mut seen_moments: HashSet<&str> = HashSet::new();
    let mut seen_people: HashSet<&str> = HashSet::new();
    for (moment, quote) in &peer {
        if seen_moments.insert(moment.id.as_str()) {
            moments.push(moment);
        }
        if seen_people.insert(quote.by.as_str()) {
            people.push(quote.by.clone());
        }
    }
    let (example_moment, example_quote) = peer[0];
    Some(Objection {
        id: Rule::VaguePeerFeedback,
        severity: Severity::Medium,
        title: "Peer quotes say nothing about level".into(),
        question: format!(
            "Beyond being good to work with, what did {} change for these people?",
            case.first_name()
        ),
        evidence: ids(moments.iter().copied()),
        finding: format!(
            "{} peer or stakeholder quote{}, none naming scope, ownership or leverage",
            peer.len(),
            plural(peer.len())
        ),
        fix: format!(
            "Go back to {} and ask what they now do differently because of your work — what you owned, what it unblocked. A line like that replaces “{}” on {}.",
            list(&people),
            shorten(&example_quote.text, 50),
            example_moment.id
        ),
        ask: ask_manager(
            case,
            &format!(
                "Who saw what I owned on {} and would say so in a sentence?",
                case.project_name(&example_moment.project)
            ),
        ),
    })
}

/// broken-commitments: a commitment the owner made (owner `Me`, on a public moment) is
/// `Broken`, or `Open` with its due date before today.
fn broken_commitments(case: &Case<'_, '_>) -> Option<Objection> {
    let missed: Vec<(&Moment, &crate::log::Commitment)> = case
        .public()
        .iter()
        .flat_map(|m| m.commitments.iter().map(move |c| (m, c)))
        .filter(|(_, c)| {
            c.owner == CommitmentOwner::Me
                && (c.status == Status::Broken || c.is_overdue(case.today))
        })
        .collect();
    let (first_moment, first) = *missed.first()?;
    let describe = |m: &Moment, c: &crate::log::Commitment| {
        let due = c
            .due
            .map_or_else(|| "no date".to_string(), |d| format!("due {d}"));
        let state = if c.status == Status::Broken {
            "broken".to_string()
        } else {
            let days = c.due.map_or(0, |d| (case.today - d).num_days());
            format!("open, {days} day{} overdue", plural(days as usize))
        };
        format!("{}: “{}” ({due}, {state})", m.id, shorten(&c.what, 50))
    };
    let mut moments: Vec<&Moment> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for (m, _) in &missed {
        if seen.insert(m.id.as_str()) {
            moments.push(m);
        }
    }
    let due = first
        .due
        .map_or_else(String::new, |d| format!(" (due {d})"));
    Some(Objection {
        id: Rule::BrokenCommitments,
        severity: Severity::Medium,
        title: "Commitments not kept".into(),
        question: format!(
            "Does {} follow through on what they commit to?",
            case.first_name()
        ),
        evidence: ids(moments.iter().copied()),
        finding: format!(
            "{} commitment{} {} made {} broken or overdue: {}",
            missed.len(),
            plural(missed.len()),
            case.first_name(),
            if missed.len() == 1 { "is" } else { "are" },
            missed
                .iter()
                .map(|(m, c)| describe(m, c))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        fix: format!(
            "Close each one: deliver it, or agree a new date or an explicit drop with {}, and record the new status in the log (a dropped commitment agreed in a 1:1 is not a broken one). Start with {}.",
            case.manager(),
            first_moment.id
        ),
        ask: ask_manager(
            case,
            &format!(
                "I missed ‘{}’{due}. Can we agree a new date, or drop it explicitly?",
                shorten(&first.what, 60)
            ),
        ),
    })
}

/// stale-evidence: the newest public moment is more than [`STALE_AFTER_DAYS`] days
/// before today; high beyond [`STALE_HIGH_AFTER_DAYS`].
fn stale_evidence(case: &Case<'_, '_>) -> Option<Objection> {
    let newest = case
        .public()
        .iter()
        .max_by(|a, b| a.date.cmp(&b.date).then_with(|| b.id.cmp(&a.id)))?;
    let days = (case.today - newest.date).num_days();
    if days <= STALE_AFTER_DAYS {
        return None;
    }
    Some(Objection {
        id: Rule::StaleEvidence,
        severity: if days > STALE_HIGH_AFTER_DAYS {
            Severity::High
        } else {
            Severity::Medium
        },
        title: "Nothing recent".into(),
        question: format!("What has {} done lately?", case.first_name()),
        evidence: vec![newest.id.clone()],
        finding: format!(
            "the newest public moment, {}, is from {}, {days} days before {}",
            newest.id, newest.date, case.today
        ),
        fix: format!(
            "Log the 1:1s since {}: the calls you made, who they reached, what changed. Then log a moment at every 1:1 until {}.",
            newest.date, case.log.target.submission
        ),
        ask: ask_manager(
            case,
            "What from the last six weeks would you want in my packet?",
        ),
    })
}

/// task-first-wording: more than half the top examples open with a task verb
/// ("Shipped", "Worked on") rather than the call behind the work.
fn task_first_wording(case: &Case<'_, '_>) -> Option<Objection> {
    let top = case.top();
    let task_first: Vec<&Moment> = top
        .iter()
        .map(|s| s.moment)
        .filter(|m| opening(&m.what) == Opening::Task)
        .collect();
    if task_first.len() * 2 <= top.len() {
        return None;
    }
    let example = task_first.first()?;
    Some(Objection {
        id: Rule::TaskFirstWording,
        severity: Severity::Low,
        title: "Top examples read like a diary".into(),
        question: format!(
            "These say what {name} did. What did {name} decide?",
            name = case.first_name()
        ),
        evidence: ids(task_first.iter().copied()),
        finding: format!(
            "{} of the {} top examples open with a task verb ({})",
            task_first.len(),
            top.len(),
            list(&first_words(&task_first))
        ),
        fix: format!(
            "Rewrite them decision first: {} — open with the call you made (“Chose…”, “Cut…”, “Traded off…”) and end with what it changed.",
            cite(example)
        ),
        ask: ask_manager(
            case,
            &format!(
                "In {} — what call did you see me make there?",
                case.project_name(&example.project)
            ),
        ),
    })
}

/// thin-leverage: some leverage, but below the level's `leverage_share` of the
/// public moments.
fn thin_leverage(case: &Case<'_, '_>) -> Option<Objection> {
    let n = case.public().len();
    let leverage: Vec<&Moment> = case
        .evidence
        .moments
        .iter()
        .map(|s| s.moment)
        .filter(|m| m.tag == Tag::Leverage)
        .collect();
    let expected = usize::from(case.level.leverage_share);
    if leverage.is_empty() || leverage.len() * 100 >= n * expected {
        return None;
    }
    let strongest = leverage.first()?;
    Some(Objection {
        id: Rule::ThinLeverage,
        severity: Severity::Low,
        title: format!("Less leverage than {} expects", case.level.id),
        question: format!(
            "Is {} a pattern, or a one-off?",
            list(&ids(leverage.iter().copied()))
        ),
        evidence: ids(leverage.iter().copied()),
        finding: format!(
            "{} of {n} public moments {} leverage ({}%; {} expects {expected}%)",
            leverage.len(),
            if leverage.len() == 1 { "is" } else { "are" },
            percent(leverage.len(), n),
            case.target()
        ),
        fix: format!(
            "Follow up on {}: who else has picked it up since, and what did it save them? Log each adoption as its own Leverage moment.",
            cite(strongest)
        ),
        ask: ask_manager(
            case,
            &format!(
                "Which other team should pick up what I did on {} next, and will you introduce me?",
                case.project_name(&strongest.project)
            ),
        ),
    })
}

fn is_peer(role: Role) -> bool {
    matches!(role, Role::Peer | Role::Stakeholder)
}

/// Display names of the projects with public evidence, strongest first.
fn project_names(case: &Case<'_, '_>) -> Vec<String> {
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

/// The opening word of each line, quoted once each: “Shipped”, “Built”.
fn first_words(moments: &[&Moment]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for moment in moments {
        // The first word with a letter in it, as written: list markers ("-", "1.") are skipped.
        let word = moment
            .what
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .find(|w| w.chars().any(char::is_alphabetic))
            .unwrap_or("");
        let quoted = format!("“{word}”");
        if !word.is_empty() && !words.contains(&quoted) {
            words.push(quoted);
        }
    }
    words
}
