//! A moment's score: seven named integer terms, each one monotonic in what it reads,
//! so a wider reach, a figure, a witness or a sponsor's quote can only add, and a
//! commitment the owner broke can only take away. `docs/ranking.md` lists every point.

use chrono::NaiveDate;

use super::wording::{self, Opening};
use super::{ScoredMoment, Term, impact, signal};
use crate::log::{Commitment, CommitmentOwner, Moment, Quote, Reach, Role, Status, Tag};

/// Points for the tag: a decision is the clearest proof of judgment, leverage next,
/// a scope grant (authorization, not yet a result) last.
pub fn tag_points(tag: Tag) -> i64 {
    match tag {
        Tag::Decision => 30,
        Tag::Leverage => 25,
        Tag::Scope => 15,
    }
}

/// Points for the reach: the owner's own team is the job description, so it adds nothing.
pub fn reach_points(reach: Reach) -> i64 {
    match reach {
        Reach::Team => 0,
        Reach::CrossTeam => 15,
        Reach::Org => 30,
        Reach::Company => 45,
    }
}

/// Points for an impact with a figure in it.
pub const IMPACT_QUANTIFIED: i64 = 20;
/// Points for an impact written without a figure.
pub const IMPACT_WRITTEN: i64 = 5;

/// Points per distinct witness.
pub const WITNESS: i64 = 2;
/// Witnesses counted at most: a crowd of onlookers is not a stronger signal.
pub const WITNESS_CAP: usize = 3;

/// A manager or skip-level quote that names scope, judgment or leverage.
pub const QUOTE_SPONSOR_SPECIFIC: i64 = 15;
/// Any other manager or skip-level quote: the sponsor spoke, which always counts.
pub const QUOTE_SPONSOR: i64 = 10;
/// A peer or stakeholder quote that names scope, judgment or leverage.
pub const QUOTE_PEER_SPECIFIC: i64 = 6;
/// A report's quote that names scope, judgment or leverage.
pub const QUOTE_REPORT_SPECIFIC: i64 = 4;
/// The most quotes can add to one moment.
pub const QUOTES_CAP: i64 = 25;

/// A commitment the owner held.
pub const HELD_BY_OWNER: i64 = 3;
/// A commitment someone else (the manager, a partner) held: follow-through on both sides.
pub const HELD_BY_OTHER: i64 = 2;
/// The most held commitments can add to one moment.
pub const HELD_CAP: i64 = 6;
/// A commitment the owner broke.
pub const BROKEN_BY_OWNER: i64 = -10;
/// A commitment the owner left open past its due date.
pub const OVERDUE_FOR_OWNER: i64 = -5;

/// A `what` that opens with a decision verb.
pub const WORDING_DECISION: i64 = 10;
/// A `what` that opens with a task verb.
pub const WORDING_TASK: i64 = -10;
/// A leverage moment that opens with a task verb: building the thing others now use
/// is the point of leverage, so the verb costs half; the rest of the line carries it.
pub const WORDING_TASK_LEVERAGE: i64 = -5;

/// Scores one public moment as of `today` (which decides what is overdue).
pub fn score(moment: &Moment, today: NaiveDate) -> ScoredMoment<'_> {
    let terms = vec![
        Term {
            name: "tag",
            points: tag_points(moment.tag),
            why: moment.tag.word().to_string(),
        },
        Term {
            name: "reach",
            points: reach_points(moment.reach),
            why: format!("{} reach", moment.reach.label()),
        },
        impact_term(moment.impact.as_deref()),
        witnesses_term(&moment.witnesses),
        quotes_term(&moment.quotes),
        commitments_term(&moment.commitments, today),
        wording_term(&moment.what, moment.tag),
    ];
    ScoredMoment {
        moment,
        score: terms.iter().map(|t| t.points).sum(),
        terms,
    }
}

fn impact_term(text: Option<&str>) -> Term {
    let (points, why) = match text {
        Some(text) if impact::is_quantified(text) => (IMPACT_QUANTIFIED, "quantified impact"),
        Some(_) => (IMPACT_WRITTEN, "impact without a figure"),
        None => (0, "no impact written"),
    };
    Term {
        name: "impact",
        points,
        why: why.into(),
    }
}

fn witnesses_term(witnesses: &[String]) -> Term {
    let mut distinct: Vec<String> = witnesses.iter().map(|w| normal_name(w)).collect();
    distinct.sort();
    distinct.dedup();
    let counted = distinct.len().min(WITNESS_CAP);
    let why = match distinct.len() {
        0 => "no witness".to_string(),
        1 => "1 witness".to_string(),
        n if n > WITNESS_CAP => format!("{n} witnesses, {WITNESS_CAP} counted"),
        n => format!("{n} witnesses"),
    };
    Term {
        name: "witnesses",
        points: WITNESS * i64::try_from(counted).unwrap_or(0),
        why,
    }
}

/// What one quote is worth: sponsors highest, then specific peers and stakeholders;
/// generic praise from anyone but a sponsor is worth nothing.
pub fn quote_points(quote: &Quote) -> i64 {
    let specific = signal::names_scope_or_leverage(&quote.text);
    match (quote.role, specific) {
        (Role::Manager | Role::Skip, true) => QUOTE_SPONSOR_SPECIFIC,
        (Role::Manager | Role::Skip, false) => QUOTE_SPONSOR,
        (Role::Peer | Role::Stakeholder, true) => QUOTE_PEER_SPECIFIC,
        (Role::Report, true) => QUOTE_REPORT_SPECIFIC,
        (_, false) => 0,
    }
}

fn quotes_term(quotes: &[Quote]) -> Term {
    // One voice counts once (its best quote), so repeating a person adds nothing.
    let mut voices: Vec<(String, i64, &Quote)> = Vec::new();
    for quote in quotes {
        let name = normal_name(&quote.by);
        let points = quote_points(quote);
        match voices.iter_mut().find(|(n, _, _)| *n == name) {
            Some(voice) if voice.1 < points => *voice = (name, points, quote),
            Some(_) => {}
            None => voices.push((name, points, quote)),
        }
    }
    let sum: i64 = voices.iter().map(|(_, p, _)| p).sum();
    let points = sum.min(QUOTES_CAP);
    let mut parts: Vec<String> = voices
        .iter()
        .map(|(_, p, quote)| {
            let kind = if signal::names_scope_or_leverage(&quote.text) {
                "specific"
            } else {
                "generic"
            };
            format!("{} ({kind}) +{p}", quote.role.label())
        })
        .collect();
    if parts.is_empty() {
        parts.push("no quote".into());
    }
    if sum > QUOTES_CAP {
        parts.push(format!("capped at {QUOTES_CAP}"));
    }
    Term {
        name: "quotes",
        points,
        why: parts.join(", "),
    }
}

fn commitments_term(commitments: &[Commitment], today: NaiveDate) -> Term {
    let mine = |c: &&Commitment| c.owner == CommitmentOwner::Me;
    let held_mine = commitments
        .iter()
        .filter(mine)
        .filter(|c| c.status == Status::Held)
        .count();
    let held_others = commitments
        .iter()
        .filter(|c| c.owner != CommitmentOwner::Me && c.status == Status::Held)
        .count();
    let broken = commitments
        .iter()
        .filter(mine)
        .filter(|c| c.status == Status::Broken)
        .count();
    let overdue = commitments
        .iter()
        .filter(mine)
        .filter(|c| c.is_overdue(today))
        .count();
    let held_points =
        (HELD_BY_OWNER * count(held_mine) + HELD_BY_OTHER * count(held_others)).min(HELD_CAP);
    let points = held_points + BROKEN_BY_OWNER * count(broken) + OVERDUE_FOR_OWNER * count(overdue);
    let mut parts = Vec::new();
    if held_mine > 0 {
        parts.push(format!("{held_mine} held by the owner"));
    }
    if held_others > 0 {
        parts.push(format!("{held_others} held by others"));
    }
    if HELD_BY_OWNER * count(held_mine) + HELD_BY_OTHER * count(held_others) > HELD_CAP {
        parts.push(format!("capped at {HELD_CAP}"));
    }
    if broken > 0 {
        parts.push(format!("{broken} broken by the owner"));
    }
    if overdue > 0 {
        parts.push(format!("{overdue} overdue for the owner"));
    }
    if parts.is_empty() {
        parts.push("none held or broken".into());
    }
    Term {
        name: "commitments",
        points,
        why: parts.join(", "),
    }
}

fn wording_term(what: &str, tag: Tag) -> Term {
    let word = wording::first_word(what);
    let (points, why) = match wording::opening(what) {
        Opening::Decision => (WORDING_DECISION, format!("opens with a decision: “{word}”")),
        Opening::Task if tag == Tag::Leverage => (
            WORDING_TASK_LEVERAGE,
            format!("opens with a task: “{word}” (half on leverage)"),
        ),
        Opening::Task => (WORDING_TASK, format!("opens with a task: “{word}”")),
        Opening::Other if word.is_empty() => (0, "opens with no word".to_string()),
        Opening::Other => (0, format!("opens with neither: “{word}”")),
    };
    Term {
        name: "wording",
        points,
        why,
    }
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A person's name for comparisons: trimmed, lowercase, inner spaces collapsed.
pub fn normal_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::testing::{date, moment};

    #[test]
    fn the_seven_terms_sum_to_the_score() {
        let mut m = moment("m1", "2026-07-07", Tag::Decision, Reach::Company);
        m.what = "Killed the lending build".into();
        m.impact = Some("$4.8M avoided".into());
        m.witnesses = vec![
            "Sam Lee".into(),
            "Dana".into(),
            "Marcus".into(),
            "sam  lee".into(),
        ];
        m.quotes = vec![
            Quote {
                by: "Sam Lee".into(),
                role: Role::Manager,
                text: "That is an L6 call.".into(),
            },
            Quote {
                by: "Marcus".into(),
                role: Role::Stakeholder,
                text: "Saved the company a year.".into(),
            },
            Quote {
                by: "Zoë".into(),
                role: Role::Peer,
                text: "Great to work with.".into(),
            },
        ];
        let scored = score(&m, date("2026-11-21"));
        let names: Vec<&str> = scored.terms.iter().map(|t| t.name).collect();
        assert_eq!(
            names,
            [
                "tag",
                "reach",
                "impact",
                "witnesses",
                "quotes",
                "commitments",
                "wording"
            ]
        );
        let points: Vec<i64> = scored.terms.iter().map(|t| t.points).collect();
        assert_eq!(points, [30, 45, 20, 6, 21, 0, 10]);
        assert_eq!(scored.score, 132);
        assert_eq!(scored.terms[3].why, "3 witnesses");
        assert_eq!(
            scored.terms[4].why,
            "manager (specific) +15, stakeholder (specific) +6, peer (generic) +0"
        );
        assert_eq!(scored.terms[6].why, "opens with a decision: “Killed”");
    }

    #[test]
    fn quotes_count_once_per_voice_and_are_capped() {
        let mut m = moment("m1", "2026-07-07", Tag::Scope, Reach::Team);
        let quote = |by: &str, role| Quote {
            by: by.into(),
            role,
            text: "She owned it.".into(),
        };
        m.quotes = vec![quote("Sam", Role::Manager), quote("Sam", Role::Manager)];
        assert_eq!(score(&m, date("2026-11-21")).terms[4].points, 15);
        m.quotes.push(quote("Dana", Role::Skip));
        let scored = score(&m, date("2026-11-21"));
        assert_eq!(scored.terms[4].points, QUOTES_CAP);
        assert!(
            scored.terms[4].why.ends_with("capped at 25"),
            "{}",
            scored.terms[4].why
        );
    }

    #[test]
    fn commitments_reward_follow_through_and_punish_the_owners_lapses_only() {
        let commitment = |owner, status, due: &str| Commitment {
            owner,
            what: "x".into(),
            due: Some(date(due)),
            status,
        };
        let mut m = moment("m1", "2026-07-07", Tag::Scope, Reach::Team);
        m.commitments = vec![
            commitment(CommitmentOwner::Me, Status::Held, "2026-07-10"),
            commitment(CommitmentOwner::Manager, Status::Held, "2026-07-10"),
            commitment(CommitmentOwner::Manager, Status::Broken, "2026-07-10"),
            commitment(
                CommitmentOwner::Other("Aiko".into()),
                Status::Open,
                "2026-07-10",
            ),
        ];
        let today = date("2026-11-21");
        let term = &score(&m, today).terms[5];
        assert_eq!(
            (term.points, term.why.as_str()),
            (5, "1 held by the owner, 1 held by others")
        );
        m.commitments.push(commitment(
            CommitmentOwner::Me,
            Status::Broken,
            "2026-07-10",
        ));
        m.commitments
            .push(commitment(CommitmentOwner::Me, Status::Open, "2026-11-01"));
        m.commitments
            .push(commitment(CommitmentOwner::Me, Status::Open, "2026-12-01"));
        m.commitments.push(commitment(
            CommitmentOwner::Me,
            Status::Dropped,
            "2026-08-01",
        ));
        let term = &score(&m, today).terms[5];
        assert_eq!(term.points, 5 - 10 - 5);
        assert_eq!(
            term.why,
            "1 held by the owner, 1 held by others, 1 broken by the owner, 1 overdue for the owner"
        );
    }

    #[test]
    fn a_task_opening_costs_half_on_a_leverage_moment() {
        let mut m = moment("m1", "2026-07-07", Tag::Scope, Reach::Team);
        m.what = "Built a cache the web team now uses".into();
        assert_eq!(score(&m, date("2026-11-21")).terms[6].points, WORDING_TASK);
        m.tag = Tag::Leverage;
        let term = &score(&m, date("2026-11-21")).terms[6];
        assert_eq!(
            (term.points, term.why.as_str()),
            (-5, "opens with a task: “Built” (half on leverage)")
        );
    }

    #[test]
    fn a_bare_team_scope_moment_scores_its_tag_only() {
        let m = moment("m1", "2026-07-07", Tag::Scope, Reach::Team);
        let scored = score(&m, date("2026-11-21"));
        assert_eq!(scored.score, 15);
        let whys: Vec<&str> = scored.terms.iter().map(|t| t.why.as_str()).collect();
        assert_eq!(
            whys,
            [
                "scope",
                "Team reach",
                "no impact written",
                "no witness",
                "no quote",
                "none held or broken",
                "opens with neither: “Owned”"
            ]
        );
    }
}
