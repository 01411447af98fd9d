//! What a calibration reader would pick first, held against the real fixtures: the
//! whole ranking, not just the top examples `tests/cli/map.rs` sees.

use std::path::PathBuf;

use super::wording::{self, Opening};
use super::{Evidence, ScoredMoment, impact};
use crate::log::{Log, Reach, Tag, load};

fn fixture(name: &str) -> Log {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    load::load(&path, today()).expect("a valid fixture").0
}

fn today() -> chrono::NaiveDate {
    super::testing::date("2026-11-21")
}

fn rank_of(evidence: &Evidence<'_>, id: &str) -> usize {
    evidence
        .position(id)
        .unwrap_or_else(|| panic!("{id} is not public"))
}

fn term(scored: &ScoredMoment<'_>, name: &str) -> i64 {
    super::score::terms(scored.moment, today())
        .iter()
        .find(|t| t.name == name)
        .map_or(0, |t| t.points)
}

fn decision_first_with_a_figure(m: &ScoredMoment<'_>) -> bool {
    wording::opening(&m.moment.what) == Opening::Decision
        && m.moment
            .impact
            .as_deref()
            .is_some_and(impact::is_quantified)
}

#[test]
fn strong_pm() {
    let log = fixture("strong-pm.ron");
    let evidence = Evidence::rank(&log, today());
    assert_eq!(evidence.moments.len(), 44);
    // The company-wide call with $4.8M and a manager quote heads everything, and
    // outranks every Team-reach moment and every scope moment.
    assert_eq!(rank_of(&evidence, "m026"), 0);
    let m026 = evidence.moments[0].score;
    assert!(
        evidence.moments[1..].iter().all(|m| m.score < m026 - 20),
        "m026 should lead clearly"
    );
    assert!(
        evidence
            .moments
            .iter()
            .filter(|m| m.moment.reach == Reach::Team || m.moment.tag == Tag::Scope)
            .all(|m| m.score + 50 < m026)
    );
    // Next in line, per the fixture's README: all in the top third.
    for id in ["m033", "m009", "m020", "m014", "m024"] {
        assert!(
            rank_of(&evidence, id) < 15,
            "{id} ranks {}",
            rank_of(&evidence, id)
        );
    }
    // Diary lines rank below every decision-first line with a figure, m032's $18M included.
    for diary in ["m011", "m022", "m032"] {
        let rank = rank_of(&evidence, diary);
        for (i, m) in evidence.moments.iter().enumerate() {
            if decision_first_with_a_figure(m) {
                assert!(
                    i < rank,
                    "{} ({}) should outrank {diary} ({rank})",
                    m.moment.id,
                    i
                );
            }
        }
    }
    // Generic peer praise counts for nothing; no commitment counts against her.
    for id in ["m007", "m038"] {
        let scored = evidence.find(id).expect("public");
        assert_eq!(term(scored, "quotes"), 0, "{id}");
    }
    assert!(evidence.moments.iter().all(|m| term(m, "commitments") >= 0));
    for id in ["m018", "m027", "m040"] {
        assert!(evidence.find(id).is_none(), "private {id} was ranked");
    }
}

#[test]
fn weak_startup_pm() {
    let log = fixture("weak-startup-pm.ron");
    let evidence = Evidence::rank(&log, today());
    // The two decisions are his best evidence, and nothing reaches beyond the team.
    assert_eq!(rank_of(&evidence, "m004"), 0);
    assert_eq!(rank_of(&evidence, "m012"), 1);
    assert!(evidence.moments.iter().all(|m| term(m, "reach") == 0));
    // The broken commitment (m005) puts its moment last, below zero; the overdue one
    // (m012, due 2026-11-07) costs 5.
    let last = evidence.moments.last().expect("moments");
    assert_eq!(
        (last.moment.id.as_str(), term(last, "commitments")),
        ("m005", -10)
    );
    assert!(last.score < 0);
    assert_eq!(
        term(evidence.find("m012").expect("public"), "commitments"),
        -5
    );
    // Both peer quotes are generic praise.
    for id in ["m003", "m013"] {
        assert_eq!(
            term(evidence.find(id).expect("public"), "quotes"),
            0,
            "{id}"
        );
    }
    // Even his best example is weaker than the strong PM's weakest shown example.
    assert!(evidence.moments[0].score < 60);
}

#[test]
fn engineer_l6() {
    let log = fixture("engineer-l6.ron");
    let evidence = Evidence::rank(&log, today());
    // The intended top example: the Org-wide SDK trade-off with a manager quote.
    assert_eq!(rank_of(&evidence, "m014"), 0);
    // His leverage is real: the cleanup bot and the cache default outrank his search work.
    for leverage in ["m010", "m012"] {
        for search in ["m002", "m004", "m009", "m011", "m015"] {
            assert!(
                rank_of(&evidence, leverage) < rank_of(&evidence, search),
                "{leverage} vs {search}"
            );
        }
    }
    // The search project reads as execution: its task lines are at the bottom.
    let n = evidence.moments.len();
    assert!(rank_of(&evidence, "m004") >= n - 2 && rank_of(&evidence, "m009") >= n - 2);
    // The broken sizing doc costs m006; the generic peer quote on m017 counts for nothing.
    assert_eq!(
        term(evidence.find("m006").expect("public"), "commitments"),
        -10
    );
    assert_eq!(term(evidence.find("m017").expect("public"), "quotes"), 0);
    assert_eq!(evidence.coverage.missing_reaches, [Reach::Company]);
}
