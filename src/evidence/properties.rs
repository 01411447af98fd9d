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

proptest! {
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
