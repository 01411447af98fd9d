//! Properties of the scoring model, each a proptest: the model only moves the way a
//! calibration reader would expect, privacy holds, and the output is deterministic.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::select;

use super::map::EvidenceMap;
use super::testing::log;
use super::{Evidence, score};
use crate::log::{Commitment, CommitmentOwner, Moment, Quote, Reach, Role, Status, Tag};

const TODAY: &str = "2026-11-21";
const PROJECTS: [&str; 4] = ["a", "b", "c", "d"];
const NAMES: [&str; 6] = ["Sam Lee", "Dana", "Priya", "Marcus", "Zoë", "sam lee"];
const WORDS: [&str; 32] = [
    "Killed", "Shipped", "Set", "up", "Said", "no", "Asked", "Worked", "on", "Traded", "off",
    "the", "team", "org", "we", "our", "great", "to", "work", "with", "3", "$4M", "zero", "guide",
    "always", "helpful", "|", "#", "\n", "—", "Zoë", "12%",
];

fn today() -> NaiveDate {
    super::testing::date(TODAY)
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (0u64..640).prop_map(|n| super::testing::date("2025-03-01") + Days::new(n))
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(select(WORDS.to_vec()), 0..8).prop_map(|w| w.join(" "))
}

fn name() -> impl Strategy<Value = String> {
    select(NAMES.to_vec()).prop_map(str::to_string)
}

fn quote() -> impl Strategy<Value = Quote> {
    (name(), select(Role::ALL.to_vec()), text()).prop_map(|(by, role, text)| Quote {
        by,
        role,
        text,
    })
}

fn owner() -> impl Strategy<Value = CommitmentOwner> {
    prop_oneof![
        Just(CommitmentOwner::Me),
        Just(CommitmentOwner::Manager),
        name().prop_map(CommitmentOwner::Other),
    ]
}

fn commitment() -> impl Strategy<Value = Commitment> {
    (
        owner(),
        select(Status::ALL.to_vec()),
        prop::option::of(day()),
    )
        .prop_map(|(owner, status, due)| Commitment {
            owner,
            what: "follow up".into(),
            due,
            status,
        })
}

fn moment() -> impl Strategy<Value = Moment> {
    (
        (
            select(Tag::ALL.to_vec()),
            select(Reach::ALL.to_vec()),
            day(),
            select(PROJECTS.to_vec()),
        ),
        (text(), prop::option::of(text())),
        prop::collection::vec(name(), 0..5),
        prop::collection::vec(quote(), 0..4),
        prop::collection::vec(commitment(), 0..4),
    )
        .prop_map(
            |((tag, reach, date, project), (what, impact), witnesses, quotes, commitments)| {
                Moment {
                    id: String::new(),
                    date,
                    tag,
                    project: project.into(),
                    what,
                    reach,
                    impact,
                    witnesses,
                    quotes,
                    commitments,
                    private: false,
                    competencies: Vec::new(),
                }
            },
        )
}

/// Moments with unique ids; some are copies of others under a new id (and sometimes a
/// new date) so that equal scores, and so tie-breaks, are common.
fn moments() -> impl Strategy<Value = Vec<Moment>> {
    (
        prop::collection::vec(moment(), 0..14),
        prop::collection::vec(
            (any::<prop::sample::Index>(), prop::option::of(day())),
            0..6,
        ),
    )
        .prop_map(|(mut moments, copies)| {
            if !moments.is_empty() {
                for (index, date) in copies {
                    let mut copy = moments[index.index(moments.len())].clone();
                    if let Some(date) = date {
                        copy.date = date;
                    }
                    moments.push(copy);
                }
            }
            for (i, m) in moments.iter_mut().enumerate() {
                // Ids out of date order, so "date, then id" is really tested.
                m.id = format!("m{:03}", (i * 7) % 100);
            }
            moments.sort_by(|a, b| a.id.cmp(&b.id));
            moments.dedup_by(|a, b| a.id == b.id);
            moments
        })
}

fn points(moment: &Moment) -> i64 {
    score::score(moment, today()).score
}

/// Everything ranking produces, as one text: what "byte-identical" compares.
fn ranked_json(moments: Vec<Moment>) -> String {
    let log = log(&PROJECTS, moments);
    let evidence = Evidence::rank(&log, today());
    let map = EvidenceMap::new(&log, &evidence, today(), true);
    format!(
        "{}\n{}",
        serde_json::to_string(&evidence).expect("evidence json"),
        serde_json::to_string(&map).expect("map json")
    )
}

/// Generic praise a manager gives a launch: no level, ownership, call or change.
const GENERIC_PRAISE: [&str; 4] = [
    "Great launch!",
    "Nice work.",
    "Well done, team!",
    "Proud of this one.",
];

/// A "Launched X" line: any tag, Company reach, any impact, no witness, only generic
/// manager praise, any commitments.
fn launch() -> impl Strategy<Value = Moment> {
    (
        moment(),
        prop::collection::vec(select(GENERIC_PRAISE.to_vec()), 0..3),
        select(vec!["company-wide", "to every market", "for all sellers"]),
    )
        .prop_map(|(mut m, praise, wide)| {
            m.what = format!("Launched price alerts {wide}");
            m.reach = Reach::Company;
            m.witnesses.clear();
            m.quotes = praise
                .into_iter()
                .map(|text| Quote {
                    by: "Sam Lee".into(),
                    role: Role::Manager,
                    text: text.into(),
                })
                .collect();
            m
        })
}

/// A decision at Org reach with a metric and at least one witness, opening with the
/// call; any quotes, no commitments.
fn witnessed_decision() -> impl Strategy<Value = Moment> {
    (
        moment(),
        name(),
        0u32..100,
        select(vec!["Chose", "Cut", "Killed", "Traded off"]),
    )
        .prop_map(|(mut m, witness, figure, verb)| {
            m.tag = Tag::Decision;
            m.reach = Reach::Org;
            m.what = format!("{verb} the legacy path");
            m.impact = Some(format!("Latency down {figure}%"));
            m.witnesses.push(witness);
            m.commitments.clear();
            m
        })
}

proptest! {
    #[test]
    fn a_witnessed_org_decision_with_a_metric_outranks_an_uncorroborated_company_launch(
        decision in witnessed_decision(),
        launch in launch(),
    ) {
        prop_assert!(points(&decision) > points(&launch), "{} vs {}", points(&decision), points(&launch));
    }

    #[test]
    fn a_task_opening_costs_more_than_a_reach_step(m in moment()) {
        let mut task = m.clone();
        task.tag = Tag::Decision;
        task.what = "Shipped the thing".into();
        let mut neither = task.clone();
        neither.what = "Owned the thing".into();
        prop_assert!(points(&neither) - points(&task) > score::reach_points(Reach::CrossTeam));
    }

    #[test]
    fn a_hedging_sponsor_quote_adds_nothing(m in moment(), by in name(), skip in any::<bool>()) {
        let mut with = m.clone();
        let role = if skip { Role::Skip } else { Role::Manager };
        with.quotes.push(Quote { by, role, text: "Not sure she owns it yet.".into() });
        prop_assert_eq!(points(&with), points(&m));
    }

    #[test]
    fn a_wider_reach_never_lowers_a_score(m in moment(), a in select(Reach::ALL.to_vec()), b in select(Reach::ALL.to_vec())) {
        let (narrow, wide) = if a <= b { (a, b) } else { (b, a) };
        let mut narrower = m.clone();
        narrower.reach = narrow;
        let mut wider = m;
        wider.reach = wide;
        prop_assert!(points(&narrower) <= points(&wider));
    }

    #[test]
    fn a_quantified_impact_never_lowers_a_score(m in moment(), figure in 0u32..10_000) {
        let mut with = m.clone();
        with.impact = Some(format!("{} {figure}%", m.impact.clone().unwrap_or_default()));
        prop_assert!(points(&m) <= points(&with));
    }

    #[test]
    fn a_witness_never_lowers_a_score(m in moment(), witness in name()) {
        let mut with = m.clone();
        with.witnesses.push(witness);
        prop_assert!(points(&m) <= points(&with));
    }

    #[test]
    fn a_manager_quote_never_lowers_a_score(m in moment(), by in name(), text in text()) {
        let mut with = m.clone();
        with.quotes.push(Quote { by, role: Role::Manager, text });
        prop_assert!(points(&m) <= points(&with));
    }

    #[test]
    fn any_quote_never_lowers_a_score(m in moment(), q in quote()) {
        let mut with = m.clone();
        with.quotes.push(q);
        prop_assert!(points(&m) <= points(&with));
    }

    #[test]
    fn a_broken_commitment_of_the_owner_never_raises_a_score(m in moment(), due in prop::option::of(day())) {
        let mut with = m.clone();
        with.commitments.push(Commitment { owner: CommitmentOwner::Me, what: "x".into(), due, status: Status::Broken });
        prop_assert!(points(&with) <= points(&m));
    }

    #[test]
    fn others_broken_commitments_do_not_count_against_the_owner(m in moment(), owner in owner(), due in prop::option::of(day())) {
        prop_assume!(owner != CommitmentOwner::Me);
        let mut with = m.clone();
        with.commitments.push(Commitment { owner, what: "x".into(), due, status: Status::Broken });
        prop_assert_eq!(points(&with), points(&m));
    }

    #[test]
    fn terms_sum_to_the_score(m in moment()) {
        let scored = score::score(&m, today());
        let terms = score::terms(&m, today());
        prop_assert_eq!(terms.len(), 7);
        prop_assert_eq!(terms.iter().map(|t| t.points).sum::<i64>(), scored.score);
    }

    #[test]
    fn a_story_logged_twice_never_adds(moments in moments(), pick in any::<prop::sample::Index>()) {
        prop_assume!(!moments.is_empty());
        let original = moments[pick.index(moments.len())].clone();
        let text = format!("{} {}", original.what, original.impact.clone().unwrap_or_default());
        // A line with words, and a project not so busy that the look-back is the limit.
        prop_assume!(crate::log::identity::same_text_story(&text, &text));
        let near = moments
            .iter()
            .filter(|m| m.project == original.project)
            .filter(|m| (m.date - original.date).num_days().abs() <= crate::log::identity::WINDOW_DAYS)
            .count();
        prop_assume!(near < crate::log::identity::LOOKBACK);
        let before_log = log(&PROJECTS, moments.clone());
        let before = Evidence::rank(&before_log, today());
        let mut copy = original;
        copy.id = "zzz".into();
        let mut with = moments.clone();
        with.push(copy);
        let after_log = log(&PROJECTS, with);
        let after = Evidence::rank(&after_log, today());
        prop_assert_eq!(after.counted.len(), before.counted.len());
        prop_assert_eq!(after.total_score(), before.total_score());
        prop_assert!(after.find("zzz").is_none());
    }

    #[test]
    fn private_moments_change_nothing(public in moments(), private in prop::collection::vec(moment(), 0..6)) {
        let without = ranked_json(public.clone());
        let mut with = public;
        for (i, mut m) in private.into_iter().enumerate() {
            m.private = true;
            m.id = format!("p{i}");
            with.push(m);
        }
        prop_assert_eq!(ranked_json(with), without);
    }

    #[test]
    fn output_is_byte_identical_across_runs_and_file_orders(moments in moments(), seed in any::<u64>()) {
        let first = ranked_json(moments.clone());
        prop_assert_eq!(&ranked_json(moments.clone()), &first);
        let mut shuffled = moments;
        let len = shuffled.len().max(1);
        shuffled.rotate_left(usize::try_from(seed).unwrap_or(0) % len);
        shuffled.reverse();
        prop_assert_eq!(ranked_json(shuffled), first);
    }

    #[test]
    fn ties_break_by_date_then_id(moments in moments()) {
        let log = log(&PROJECTS, moments);
        let evidence = Evidence::rank(&log, today());
        for pair in evidence.moments.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            prop_assert!(a.score >= b.score);
            if a.score == b.score {
                prop_assert!((a.moment.date, &a.moment.id) < (b.moment.date, &b.moment.id));
            }
        }
        for pair in evidence.projects.windows(2) {
            let best = |key: &str| evidence.moments.iter().position(|m| m.moment.project == key);
            prop_assert!(pair[0].score >= pair[1].score);
            if pair[0].score == pair[1].score {
                prop_assert!(best(&pair[0].key) < best(&pair[1].key));
            }
        }
    }

    #[test]
    fn top_examples_are_three_to_five_strongest_first_and_spread(moments in moments()) {
        let log = log(&PROJECTS, moments);
        let evidence = Evidence::rank(&log, today());
        let n = evidence.moments.len();
        prop_assert!(evidence.top.len() >= n.min(3) && evidence.top.len() <= 5);
        prop_assert!(evidence.top.windows(2).all(|w| w[0] < w[1]));
        if n > 0 {
            prop_assert_eq!(evidence.top[0], 0);
        }
        if evidence.projects.len() >= 3 {
            for project in &evidence.projects {
                let from_it = evidence.top_examples().filter(|m| m.moment.project == project.key).count();
                prop_assert!(from_it <= 2, "{} examples from {}", from_it, project.key);
            }
        }
    }
}
