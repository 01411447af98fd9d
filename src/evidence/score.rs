//! A moment's score: seven named integer terms, each one monotonic in what it reads,
//! so a wider reach, a figure, a witness or a sponsor's quote can only add, and a
//! commitment the owner broke can only take away. `docs/ranking.md` lists every point.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::corroboration::{discounted, is_corroborated};
use super::signal::Reading;
use super::sponsor::{self, Stance};
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

/// Up to this many names, comparing each with the earlier ones costs less than writing
/// them out to hash them; past it, names are hashed so a crowd stays linear.
const FEW_NAMES: usize = 32;

/// A manager or skip-level quote that endorses: claims a level, ownership or a call.
pub const QUOTE_SPONSOR_ENDORSING: i64 = 15;
/// A manager or skip-level quote of generic praise: worth little.
pub const QUOTE_SPONSOR_GENERIC: i64 = 5;
/// A manager or skip-level quote that hedges: it earns nothing.
pub const QUOTE_SPONSOR_HEDGING: i64 = 0;
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
/// A `what` that opens with a task verb: more than one reach step (15), so a launch
/// line cannot buy its way above a decision by claiming a wider surface.
pub const WORDING_TASK: i64 = -20;
/// A leverage moment that opens with a task verb: building the thing others now use
/// is the point of leverage, so the verb costs a quarter (what it cost before task
/// openings went up to 20); the rest of the line carries it.
pub const WORDING_TASK_LEVERAGE: i64 = -5;

/// Scores one public moment as of `today` (which decides what is overdue).
///
/// Only the points are added up here; [`terms`] explains them. Ranking scores every
/// moment but explains only the few it shows, and writing seven explanations per
/// moment was most of the cost of ranking a big log. Both use the same per-term
/// functions, and a property test holds the terms' sum to this score.
pub fn score(moment: &Moment, today: NaiveDate) -> ScoredMoment<'_> {
    // Each quote is read once, for its points and for corroboration.
    let readings: Vec<Reading> = moment
        .quotes
        .iter()
        .map(|q| signal::read(&q.text))
        .collect();
    let corroborated = moment.witnesses.iter().any(|w| !w.trim().is_empty())
        || readings.iter().any(|r| r.corroborates());
    let points: Vec<i64> = moment
        .quotes
        .iter()
        .zip(&readings)
        .map(|(q, r)| points_for(q.role, *r))
        .collect();
    let score = tag_points(moment.tag)
        + counted(reach_points(moment.reach), corroborated)
        + counted(impact_points(moment.impact.as_deref()), corroborated)
        + witnesses_points(distinct_witnesses(&moment.witnesses))
        + quotes_points(&moment.quotes, &points)
        + commitments_points(&Follow::of(&moment.commitments, today))
        + wording_points(wording::opening(&moment.what), moment.tag);
    ScoredMoment { moment, score }
}

/// A moment's score term by term, each with why: the seven terms sum to [`score`].
pub fn terms(moment: &Moment, today: NaiveDate) -> Vec<Term> {
    let corroborated = is_corroborated(moment);
    let mut reach = Term {
        name: "reach",
        points: reach_points(moment.reach),
        why: format!("{} reach", moment.reach.label()),
    };
    let mut impact = impact_term(moment.impact.as_deref());
    if !corroborated {
        for term in [&mut reach, &mut impact] {
            let full = term.points;
            term.points = discounted(full);
            if full > 0 {
                term.why
                    .push_str(&format!(", uncorroborated: {} of {full}", term.points));
            }
        }
    }
    vec![
        Term {
            name: "tag",
            points: tag_points(moment.tag),
            why: moment.tag.word().to_string(),
        },
        reach,
        impact,
        witnesses_term(&moment.witnesses),
        quotes_term(&moment.quotes),
        commitments_term(&moment.commitments, today),
        wording_term(&moment.what, moment.tag),
    ]
}

/// `points` of reach or impact as counted: a third of them when nobody corroborates
/// the moment (`corroboration`).
fn counted(points: i64, corroborated: bool) -> i64 {
    if corroborated {
        points
    } else {
        discounted(points)
    }
}

fn impact_points(text: Option<&str>) -> i64 {
    match text {
        Some(text) if impact::is_quantified(text) => IMPACT_QUANTIFIED,
        Some(_) => IMPACT_WRITTEN,
        None => 0,
    }
}

fn impact_term(text: Option<&str>) -> Term {
    let why = match text {
        Some(text) if impact::is_quantified(text) => "quantified impact",
        Some(_) => "impact without a figure",
        None => "no impact written",
    };
    Term {
        name: "impact",
        points: impact_points(text),
        why: why.into(),
    }
}

/// How many different people vouch, names compared as [`normal_name`] writes them:
/// the names not written the same as an earlier one (a moment has a few).
fn distinct_witnesses(witnesses: &[String]) -> usize {
    if witnesses.len() > FEW_NAMES {
        let names: HashSet<String> = witnesses.iter().map(|w| normal_name(w)).collect();
        return names.len();
    }
    (0..witnesses.len())
        .filter(|&i| !witnesses[..i].iter().any(|w| same_person(w, &witnesses[i])))
        .count()
}

fn witnesses_points(distinct: usize) -> i64 {
    WITNESS * i64::try_from(distinct.min(WITNESS_CAP)).unwrap_or(0)
}

fn witnesses_term(witnesses: &[String]) -> Term {
    let distinct = distinct_witnesses(witnesses);
    let why = match distinct {
        0 => "no witness".to_string(),
        1 => "1 witness".to_string(),
        n if n > WITNESS_CAP => format!("{n} witnesses, {WITNESS_CAP} counted"),
        n => format!("{n} witnesses"),
    };
    Term {
        name: "witnesses",
        points: witnesses_points(distinct),
        why,
    }
}

/// What one quote is worth: an endorsing sponsor highest, then specific peers and
/// stakeholders; a sponsor's generic praise is worth little, a hedge nothing, and
/// generic praise from anyone else nothing.
pub fn quote_points(quote: &Quote) -> i64 {
    points_for(quote.role, signal::read(&quote.text))
}

/// [`quote_points`] of a quote by `role` already read.
fn points_for(role: Role, reading: Reading) -> i64 {
    if role.is_sponsor() {
        return match reading.stance() {
            Stance::Endorsing => QUOTE_SPONSOR_ENDORSING,
            Stance::Generic => QUOTE_SPONSOR_GENERIC,
            Stance::Hedging => QUOTE_SPONSOR_HEDGING,
        };
    }
    match (role, reading.specific) {
        (Role::Peer | Role::Stakeholder, true) => QUOTE_PEER_SPECIFIC,
        (Role::Report, true) => QUOTE_REPORT_SPECIFIC,
        // Sponsors were judged by their stance above.
        (Role::Manager | Role::Skip, _) | (_, false) => 0,
    }
}

/// Each voice once, with its best quote: repeating a person adds nothing.
fn voices(quotes: &[Quote]) -> Vec<(String, i64, &Quote)> {
    let mut voices: Vec<(String, i64, &Quote)> = Vec::new();
    // Each voice's place in `voices`: one lookup per quote, so 30,000 quotes by as
    // many people stay linear (issue 16).
    let mut places: HashMap<String, usize> = HashMap::new();
    for quote in quotes {
        let name = normal_name(&quote.by);
        let points = quote_points(quote);
        match places.get(&name).and_then(|&i| voices.get_mut(i)) {
            Some(voice) if voice.1 < points => *voice = (name, points, quote),
            Some(_) => {}
            None => {
                places.insert(name.clone(), voices.len());
                voices.push((name, points, quote));
            }
        }
    }
    voices
}

/// The sum over voices of each one's best quote, capped: [`voices`] without writing
/// any name out.
fn quotes_points(quotes: &[Quote], points: &[i64]) -> i64 {
    if quotes.len() > FEW_NAMES {
        // Many quotes: each voice's best by normal name, in one pass (issue 16).
        let mut best: HashMap<String, i64> = HashMap::new();
        for (quote, &points) in quotes.iter().zip(points) {
            let entry = best.entry(normal_name(&quote.by)).or_insert(points);
            *entry = (*entry).max(points);
        }
        return best.values().sum::<i64>().min(QUOTES_CAP);
    }
    let sum: i64 = (0..quotes.len())
        // Each voice is counted at its first quote, with the best of its quotes.
        .filter(|&i| {
            !quotes[..i]
                .iter()
                .any(|q| same_person(&q.by, &quotes[i].by))
        })
        .map(|i| {
            quotes[i..]
                .iter()
                .zip(&points[i..])
                .filter(|(q, _)| same_person(&q.by, &quotes[i].by))
                .map(|(_, &p)| p)
                .max()
                .unwrap_or(0)
        })
        .sum();
    sum.min(QUOTES_CAP)
}

fn quotes_term(quotes: &[Quote]) -> Term {
    let voices = voices(quotes);
    let sum: i64 = voices.iter().map(|(_, p, _)| p).sum();
    let each: Vec<i64> = quotes.iter().map(quote_points).collect();
    let points = quotes_points(quotes, &each);
    let mut parts: Vec<String> = voices
        .iter()
        .map(|(_, p, quote)| {
            let kind = if quote.role.is_sponsor() {
                sponsor::stance(&quote.text).word()
            } else if signal::names_scope_or_leverage(&quote.text) {
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

/// What a moment's commitments came to, as of a day.
struct Follow {
    held_mine: usize,
    held_others: usize,
    broken: usize,
    overdue: usize,
}

impl Follow {
    fn of(commitments: &[Commitment], today: NaiveDate) -> Self {
        let mine = |c: &&Commitment| c.owner == CommitmentOwner::Me;
        Self {
            held_mine: commitments
                .iter()
                .filter(mine)
                .filter(|c| c.status == Status::Held)
                .count(),
            held_others: commitments
                .iter()
                .filter(|c| c.owner != CommitmentOwner::Me && c.status == Status::Held)
                .count(),
            broken: commitments
                .iter()
                .filter(mine)
                .filter(|c| c.status == Status::Broken)
                .count(),
            overdue: commitments
                .iter()
                .filter(mine)
                .filter(|c| c.is_overdue(today))
                .count(),
        }
    }
}

fn commitments_points(follow: &Follow) -> i64 {
    let held_points = (HELD_BY_OWNER * count(follow.held_mine)
        + HELD_BY_OTHER * count(follow.held_others))
    .min(HELD_CAP);
    held_points + BROKEN_BY_OWNER * count(follow.broken) + OVERDUE_FOR_OWNER * count(follow.overdue)
}

fn commitments_term(commitments: &[Commitment], today: NaiveDate) -> Term {
    let follow = Follow::of(commitments, today);
    let points = commitments_points(&follow);
    let Follow {
        held_mine,
        held_others,
        broken,
        overdue,
    } = follow;
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

fn wording_points(opening: Opening, tag: Tag) -> i64 {
    match opening {
        Opening::Decision => WORDING_DECISION,
        Opening::Task if tag == Tag::Leverage => WORDING_TASK_LEVERAGE,
        Opening::Task => WORDING_TASK,
        Opening::Other => 0,
    }
}

fn wording_term(what: &str, tag: Tag) -> Term {
    let word = wording::first_word(what);
    let opening = wording::opening(what);
    let why = match opening {
        Opening::Decision => format!("opens with a decision: “{word}”"),
        Opening::Task if tag == Tag::Leverage => {
            format!("opens with a task: “{word}” (a quarter on leverage)")
        }
        Opening::Task => format!("opens with a task: “{word}”"),
        Opening::Other if word.is_empty() => "opens with no word".to_string(),
        Opening::Other => format!("opens with neither: “{word}”"),
    };
    Term {
        name: "wording",
        points: wording_points(opening, tag),
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

/// Whether `name` is `normal` once written as [`normal_name`] writes it, without
/// writing it out: names are compared against every quote of a log, and copying
/// each one was most of the cost on big logs.
pub fn is_normal_name(name: &str, normal: &str) -> bool {
    match normal_chars(name) {
        Some(chars) => chars.eq(normal.chars()),
        None => normal_name(name) == normal,
    }
}

/// Whether two names are one person's: the same once written as [`normal_name`]
/// writes them, compared without writing them out.
pub fn same_person(a: &str, b: &str) -> bool {
    // The usual cases first: written alike, or plain ASCII (compared word by word).
    if a == b {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        let (mut left, mut right) = (a.split_whitespace(), b.split_whitespace());
        return loop {
            match (left.next(), right.next()) {
                (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {}
                (None, None) => break true,
                _ => break false,
            }
        };
    }
    match (normal_chars(a), normal_chars(b)) {
        (Some(a), Some(b)) => a.eq(b),
        _ => normal_name(a) == normal_name(b),
    }
}

/// The characters of [`normal_name`]`(name)`, one by one. Lowercasing character by
/// character is what `str::to_lowercase` does except for a final capital sigma, which
/// depends on what follows it: `None` for a name with one.
fn normal_chars(name: &str) -> Option<impl Iterator<Item = char> + '_> {
    if name.contains('Σ') {
        return None;
    }
    Some(name.split_whitespace().enumerate().flat_map(|(i, word)| {
        (i > 0)
            .then_some(' ')
            .into_iter()
            .chain(word.chars().flat_map(char::to_lowercase))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::testing::{date, moment};

    /// A crowd of quotes and witnesses, with a few people written two ways.
    fn crowd(people: usize) -> (Vec<String>, Vec<Quote>) {
        let mut witnesses: Vec<String> = (0..people).map(|i| format!("Person {i}")).collect();
        witnesses.extend(["person 3".into(), "  PERSON   4 ".into()]);
        let mut quotes: Vec<Quote> = (0..people)
            .map(|i| Quote {
                by: format!("Person {i}"),
                role: Role::Peer,
                text: "Great to work with.".into(),
            })
            .collect();
        for (by, role, text) in [
            ("Sam Lee", Role::Manager, "Great to work with."),
            ("  sam   LEE", Role::Manager, "Great, again."),
            ("person 2", Role::Peer, "She wrote the runbook we reuse."),
            ("Person 2", Role::Peer, "Nice."),
        ] {
            quotes.push(Quote {
                by: by.into(),
                role,
                text: text.into(),
            });
        }
        (witnesses, quotes)
    }

    #[test]
    fn crowds_count_each_person_once_whether_compared_in_pairs_or_hashed() {
        // Under FEW_NAMES names are compared pairwise, over it they are hashed: both
        // count Sam Lee once (generic praise), person 2 once at their best (6), and generic peers 0.
        for people in [5, FEW_NAMES * 4] {
            let (witnesses, quotes) = crowd(people);
            assert_eq!(distinct_witnesses(&witnesses), people, "{people} people");
            let points: Vec<i64> = quotes.iter().map(quote_points).collect();
            assert_eq!(
                quotes_points(&quotes, &points),
                QUOTE_SPONSOR_GENERIC + QUOTE_PEER_SPECIFIC,
                "{people} people"
            );
            let voices = voices(&quotes);
            assert_eq!(voices.len(), people + 1, "{people} people");
            let sam = voices.iter().find(|(name, _, _)| name == "sam lee");
            assert_eq!(
                sam.map(|(_, points, q)| (*points, q.by.as_str())),
                Some((QUOTE_SPONSOR_GENERIC, "Sam Lee"))
            );
            let two = voices.iter().find(|(name, _, _)| name == "person 2");
            assert_eq!(two.map(|(_, points, _)| *points), Some(QUOTE_PEER_SPECIFIC));
        }
    }

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
        let terms = terms(&m, date("2026-11-21"));
        let names: Vec<&str> = terms.iter().map(|t| t.name).collect();
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
        let points: Vec<i64> = terms.iter().map(|t| t.points).collect();
        assert_eq!(points, [30, 45, 20, 6, 21, 0, 10]);
        assert_eq!(scored.score, 132);
        assert_eq!(terms[3].why, "3 witnesses");
        assert_eq!(
            terms[4].why,
            "manager (endorsing) +15, stakeholder (specific) +6, peer (generic) +0"
        );
        assert_eq!(terms[6].why, "opens with a decision: “Killed”");
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
        assert_eq!(terms(&m, date("2026-11-21"))[4].points, 15);
        assert_eq!(score(&m, date("2026-11-21")).score, 15 + 15);
        m.quotes.push(quote("Dana", Role::Skip));
        let terms = terms(&m, date("2026-11-21"));
        assert_eq!(terms[4].points, QUOTES_CAP);
        assert_eq!(score(&m, date("2026-11-21")).score, 15 + QUOTES_CAP);
        assert!(terms[4].why.ends_with("capped at 25"), "{}", terms[4].why);
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
        let term = &terms(&m, today)[5];
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
        let term = &terms(&m, today)[5];
        assert_eq!(term.points, 5 - 10 - 5);
        assert_eq!(
            term.why,
            "1 held by the owner, 1 held by others, 1 broken by the owner, 1 overdue for the owner"
        );
    }

    #[test]
    fn a_task_opening_costs_a_quarter_on_a_leverage_moment() {
        let mut m = moment("m1", "2026-07-07", Tag::Scope, Reach::Team);
        m.what = "Built a cache the web team now uses".into();
        assert_eq!(terms(&m, date("2026-11-21"))[6].points, WORDING_TASK);
        m.tag = Tag::Leverage;
        let term = &terms(&m, date("2026-11-21"))[6];
        assert_eq!(
            (term.points, term.why.as_str()),
            (-5, "opens with a task: “Built” (a quarter on leverage)")
        );
    }

    #[test]
    fn names_compare_as_normal_names_do() {
        for (name, other) in [
            ("Sam Lee", "sam  lee"),
            ("  Sam\tLee ", "Sam Lee"),
            ("Sam Lee", "Sam Le"),
            ("Sam", "Sam Lee"),
            ("", ""),
            ("", "  "),
            ("Sam", ""),
            ("ZOË", "zoë"),
            ("Zoë Łukasiewicz", "zoë łukasiewicz"),
            ("Σam", "σam"),
            ("ΟΔΟΣ Lee", "οδος lee"),
            ("İz", "i̇z"),
        ] {
            let normal = normal_name(other);
            assert_eq!(
                is_normal_name(name, &normal),
                normal_name(name) == normal,
                "{name:?} and {other:?}"
            );
            assert_eq!(
                same_person(name, other),
                normal_name(name) == normal,
                "{name:?} and {other:?}"
            );
        }
    }

    #[test]
    fn a_bare_team_scope_moment_scores_its_tag_only() {
        let m = moment("m1", "2026-07-07", Tag::Scope, Reach::Team);
        let scored = score(&m, date("2026-11-21"));
        assert_eq!(scored.score, 15);
        let terms = terms(&m, date("2026-11-21"));
        let whys: Vec<&str> = terms.iter().map(|t| t.why.as_str()).collect();
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
