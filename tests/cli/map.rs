//! `promo map`: what a calibration reader would pick first on each fixture, the
//! `--explain` arithmetic, Markdown that pastes cleanly, the JSON shape, terminal
//! widths, privacy, and golden files for the strong PM's text and Markdown.

use serde_json::Value;

use crate::harness::{fixture, golden, promo, root};

/// `promo map --format json [extra]` on a fixture, parsed.
fn map_json(name: &str, extra: &[&str]) -> Value {
    let run = promo()
        .fixture(name)
        .args(["map", "--format", "json"])
        .args(extra.iter().copied())
        .run()
        .ok();
    serde_json::from_str(&run.stdout()).expect("map JSON")
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|v| {
            v["id"]
                .as_str()
                .or_else(|| v["project"].as_str())
                .expect("id")
                .to_string()
        })
        .collect()
}

fn strings(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|v| v.as_str().expect("string").to_string())
        .collect()
}

/// The text map of a fixture at a fixed width.
fn map_text(name: &str, columns: &str, extra: &[&str]) -> String {
    promo()
        .fixture(name)
        .env("COLUMNS", columns)
        .args(["map"])
        .args(extra.iter().copied())
        .run()
        .ok()
        .stdout()
}

#[test]
fn strong_pm_leads_with_the_company_decision_and_spreads_the_rest() {
    let map = map_json("strong-pm.ron", &[]);
    // m026: a Company-reach decision with $4.8M and a manager quote naming the level.
    // Then the loyalty call the manager praised, the company-wide scorecard (the
    // skip-level credits the operating rhythm Ana built: an endorsement), the guardrails
    // made company standard, and the payouts trade-off with money attached: every kind
    // of judgment, four projects.
    assert_eq!(
        ids(&map["examples"]),
        ["m026", "m015", "m047", "m033", "m009"]
    );
    assert_eq!(map["examples"][0]["reach"], "company");
    assert_eq!(map["examples"][0]["tag"], "decision");
    let projects = ids(&map["projects"]);
    assert_eq!(
        projects,
        ["paylater", "checkout", "payouts", "xp", "pricing", "trust"]
    );
    assert_eq!(
        map["projects"][0]["scope"],
        "Company · 2 decisions, 2 scope, 2 leverage"
    );
    // Quantified impacts first: the pay-later row opens with the $4.8M statement.
    assert!(
        map["projects"][0]["impact"][0]
            .as_str()
            .expect("impact")
            .starts_with("$4.8M")
    );
    // Diary lines ("Shipped…", "Worked on…") are listed last in their project.
    let pricing = strings(&map["projects"][4]["moments"]);
    assert_eq!(&pricing[pricing.len() - 2..], ["m011", "m022"]);
    assert_eq!(map["coverage"]["missing_reaches"], serde_json::json!([]));
    assert_eq!(map["coverage"]["missing_quarters"], serde_json::json!([]));
}

#[test]
fn weak_startup_pm_leads_with_its_only_two_decisions_and_shows_the_gaps() {
    let map = map_json("weak-startup-pm.ron", &[]);
    // Two Team-level decisions, then the onboarding launch a peer saw. The +3%
    // completion (m011) has no witness and no quote: a figure nobody else saw keeps a
    // third of its points, and a task line on top of that is not shown.
    assert_eq!(ids(&map["examples"]), ["m004", "m012", "m003"]);
    assert_eq!(ids(&map["projects"]), ["onboarding", "billing"]);
    // The moment whose commitment he broke is the weakest of its project.
    let billing = strings(&map["projects"][1]["moments"]);
    assert_eq!(billing.last().map(String::as_str), Some("m005"));
    assert_eq!(
        map["coverage"]["missing_reaches"],
        serde_json::json!(["cross-team", "org", "company"])
    );
    // The cycle window opens a year before the 2027-02-15 submission: the log starts in
    // May, so 2026-Q1 is an empty quarter of the cycle (docs/ranking.md, "Coverage").
    assert_eq!(
        map["coverage"]["missing_quarters"],
        serde_json::json!(["2026-Q1"])
    );
    let text = map_text("weak-startup-pm.ron", "200", &[]);
    assert!(
        text.contains(
            "Coverage: no evidence yet at Cross-team, Org or Company reach; none in 2026-Q1.\n"
        ),
        "{text}"
    );
}

#[test]
fn engineer_leads_with_the_flag_trade_off_and_shows_his_leverage() {
    let map = map_json("engineer-l6.ron", &[]);
    // m014: an Org-wide trade-off with a measured result and a manager quote about
    // judgment. At most two from the flag service: the latency freeze, not the SDK
    // deprecation (m020), whose manager quote hedges ("I need to see the same pattern on
    // a second system") and so earns nothing. The scan trade-off AppSec agreed to, and
    // the build-cache default that every repo now gets is the leverage example.
    assert_eq!(ids(&map["examples"]), ["m014", "m008", "m016", "m012"]);
    assert_eq!(map["examples"][3]["tag"], "leverage");
    assert_eq!(ids(&map["projects"]), ["flags", "ci", "search"]);
    assert_eq!(
        map["projects"][0]["scope"],
        "Org · 3 decisions, 3 scope, 3 leverage"
    );
    assert_eq!(
        map["coverage"]["missing_reaches"],
        serde_json::json!(["company"])
    );
}

#[test]
fn no_project_gives_more_than_two_examples_when_three_have_evidence() {
    for name in ["strong-pm.ron", "engineer-l6.ron"] {
        let map = map_json(name, &[]);
        let examples = map["examples"].as_array().expect("examples");
        assert!(
            (3..=5).contains(&examples.len()),
            "{name}: {} examples",
            examples.len()
        );
        for project in ids(&map["projects"]) {
            let n = examples
                .iter()
                .filter(|e| e["project"] == project.as_str())
                .count();
            assert!(n <= 2, "{name}: {n} examples from {project}");
        }
    }
}

#[test]
fn ties_break_by_date_then_id() {
    let map = map_json("map/ties.ron", &[]);
    assert_eq!(ids(&map["examples"]), ["m-b", "m-a", "m-c"]);
    let scores: Vec<i64> = map["examples"]
        .as_array()
        .expect("examples")
        .iter()
        .map(|e| e["score"].as_i64().expect("score"))
        .collect();
    // No witness, no quote: a third of the Org reach (10) and of the figure (6) count.
    assert_eq!(scores, [56, 56, 56]);
}

#[test]
fn explain_terms_sum_to_each_score_in_json() {
    for name in ["strong-pm.ron", "weak-startup-pm.ron", "engineer-l6.ron"] {
        let map = map_json(name, &["--explain"]);
        for example in map["examples"].as_array().expect("examples") {
            let terms = example["terms"].as_array().expect("terms");
            let names: Vec<&str> = terms
                .iter()
                .map(|t| t["name"].as_str().expect("name"))
                .collect();
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
            let sum: i64 = terms
                .iter()
                .map(|t| t["points"].as_i64().expect("points"))
                .sum();
            assert_eq!(
                sum,
                example["score"].as_i64().expect("score"),
                "{name} {}",
                example["id"]
            );
            assert!(
                terms
                    .iter()
                    .all(|t| !t["why"].as_str().expect("why").is_empty())
            );
        }
    }
    // Without --explain there are no terms.
    let plain = map_json("strong-pm.ron", &[]);
    assert!(plain["examples"][0].get("terms").is_none());
}

/// The seven terms of a score, in the order `--explain` shows them.
const TERMS: [&str; 7] = [
    "tag",
    "reach",
    "impact",
    "witnesses",
    "quotes",
    "commitments",
    "wording",
];

#[test]
fn explain_terms_sum_to_each_total_in_text() {
    let text = map_text("strong-pm.ron", "100", &["--explain"]);
    let mut blocks = 0;
    let mut sum: Option<i64> = None;
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if line.trim() == "Score, term by term:" {
            sum = Some(0);
        } else if let (Some(total), [points, "total"]) = (sum, words.as_slice()) {
            assert_eq!(total, points.parse::<i64>().expect("total"), "{line}");
            blocks += 1;
            sum = None;
        } else if let (Some(total), [points, name, ..]) = (sum, words.as_slice())
            && TERMS.contains(name)
        {
            let points: i64 = points.trim_start_matches('+').parse().expect("points");
            sum = Some(total + points);
        }
    }
    assert_eq!(blocks, 5, "{text}");
    assert!(
        text.contains("      +45  reach        Company reach\n"),
        "{text}"
    );
    assert!(text.contains("      137  total\n"), "{text}");
}

#[test]
fn generic_peer_praise_counts_for_nothing() {
    // m007 and m038 carry only "great to work with" quotes from peers.
    let text = map_text("strong-pm.ron", "100", &["--explain"]);
    assert!(!text.contains("peer (generic) +6"));
    // The strongest moment with a "great to work with" peer quote shows it at zero.
    let text = map_text("weak-startup-pm.ron", "100", &["--explain"]);
    assert!(text.contains("peer (generic) +0"), "{text}");
}

#[test]
fn json_has_exactly_the_documented_shape_in_rank_order() {
    let map = map_json("strong-pm.ron", &["--explain"]);
    let keys = |v: &Value| {
        v.as_object()
            .expect("object")
            .keys()
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&map), ["projects", "examples", "coverage"]);
    assert_eq!(
        keys(&map["projects"][0]),
        ["project", "name", "scope", "impact", "score", "moments"]
    );
    assert_eq!(
        keys(&map["examples"][0]),
        [
            "id", "project", "date", "tag", "reach", "what", "impact", "score", "terms"
        ]
    );
    assert_eq!(
        keys(&map["examples"][0]["terms"][0]),
        ["name", "points", "why"]
    );
    assert_eq!(
        keys(&map["coverage"]),
        ["missing_reaches", "missing_quarters"]
    );
    let m026 = &map["examples"][0];
    assert_eq!(m026["id"], "m026");
    assert_eq!(m026["project"], "paylater");
    assert_eq!(m026["date"], "2026-07-07");
    assert_eq!(m026["score"], 137);
    let scores = |list: &Value| {
        list.as_array()
            .expect("array")
            .iter()
            .map(|v| v["score"].as_i64().expect("score"))
            .collect::<Vec<_>>()
    };
    for list in [&map["projects"], &map["examples"]] {
        let s = scores(list);
        assert!(
            s.windows(2).all(|w| w[0] >= w[1]),
            "not in rank order: {s:?}"
        );
    }
    // The documentation names every key.
    let doc = std::fs::read_to_string(root().join("docs/map-json.md")).expect("docs/map-json.md");
    for key in [
        "projects",
        "project",
        "name",
        "scope",
        "impact",
        "score",
        "moments",
        "examples",
        "id",
        "date",
        "tag",
        "reach",
        "what",
        "terms",
        "points",
        "why",
        "coverage",
        "missing_reaches",
        "missing_quarters",
    ] {
        assert!(
            doc.contains(&format!("`{key}`")),
            "docs/map-json.md does not name `{key}`"
        );
    }
}

#[test]
fn markdown_escapes_pipes_newlines_and_markup_in_user_text() {
    let md = promo()
        .fixture("map/escaping.ron")
        .args(["map", "--format", "md"])
        .run()
        .ok()
        .stdout();
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(
        rows,
        [
            "| Project | Scope | Org-level impact |",
            "|---|---|---|",
            "| API \\| v2 \\#rollout | Org · 1 decision | p99 \\| 40 ms<br>held for \\$2M of traffic |",
            "| \\# Docs<br>portal | Cross-team · 1 leverage | 3 teams \\| 0 tickets |",
            "| Ops \\<b\\>rota\\</b\\> | Team · 1 scope | \\[link\\](javascript:alert(1)) rota owned |",
        ]
    );
    assert!(
        md.contains("\n1. \\# Chose option A \\| not B after the load test\n"),
        "{md}"
    );
    assert!(
        md.contains("\n2. \\- Wrote the \\*docs\\* template\\_v2 that 3 teams reuse\n"),
        "{md}"
    );
    assert!(
        md.contains("\n3. 1\\. Asked to own the \\<script\\>on-call\\</script\\> rota\n"),
        "{md}"
    );
    assert!(md.contains("Lee \\*Pipe\\* Quinn, PM \\| Platform"), "{md}");
    // No line of user text starts a heading or a list of its own.
    assert_eq!(md.lines().filter(|l| l.starts_with('#')).count(), 2, "{md}");
}

#[test]
fn text_wraps_to_columns_and_clamps_it() {
    let narrow = map_text("strong-pm.ron", "60", &["--explain"]);
    let longest = narrow.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(
        longest <= 60,
        "a line of {longest} characters at COLUMNS=60"
    );
    assert!(narrow.lines().all(|l| l == l.trim_end()), "trailing spaces");
    assert_eq!(
        map_text("strong-pm.ron", "10", &[]),
        map_text("strong-pm.ron", "60", &[])
    );
    assert_eq!(
        map_text("strong-pm.ron", "not a number", &[]),
        map_text("strong-pm.ron", "100", &[])
    );
    assert_eq!(
        map_text("strong-pm.ron", "5000", &[]),
        map_text("strong-pm.ron", "200", &[])
    );
    let wide = map_text("strong-pm.ron", "200", &[]);
    assert!(wide.lines().map(|l| l.chars().count()).max().unwrap_or(0) > 100);
    assert!(wide.lines().all(|l| l.chars().count() <= 200));
}

#[test]
fn output_is_byte_identical_across_runs() {
    for format in ["text", "md", "json"] {
        let run = || {
            promo()
                .fixture("strong-pm.ron")
                .env("COLUMNS", "100")
                .args(["map", "--explain", "--format", format])
                .run()
                .ok()
                .stdout()
        };
        assert_eq!(run(), run(), "{format}");
    }
}

#[test]
fn private_moments_never_reach_the_map() {
    for format in ["text", "md", "json"] {
        for name in ["strong-pm.ron", "weak-startup-pm.ron"] {
            let run = promo()
                .fixture(name)
                .args(["map", "--explain", "--format", format])
                .run()
                .ok();
            assert!(!run.stdout().contains("PRIVATE-CANARY"), "{name} {format}");
            for id in ["m018", "m027", "m040"]
                .iter()
                .filter(|_| name == "strong-pm.ron")
            {
                assert!(
                    !run.stdout().contains(&format!("\"{id}\""))
                        && !run.stdout().contains(&format!("{id} ·")),
                    "{id} in {format}"
                );
            }
        }
    }
    promo()
        .fixture("strong-pm.ron")
        .args(["map"])
        .run()
        .ok()
        .stderr_has("note: 3 private moments are left out of the map");
}

#[test]
fn a_log_with_no_public_moment_says_so_and_points_at_add() {
    let run = promo()
        .fixture("map/only-private.ron")
        .args(["map"])
        .run()
        .ok();
    let out = run.stdout();
    assert!(out.starts_with("No public moments in `"), "{out}");
    assert!(out.contains("(its 2 private moments stay out of every shared output), so there is nothing to rank.\n"), "{out}");
    assert!(out.contains("`promo add decision"), "{out}");
    assert!(!out.contains("PRIVATE-CANARY") && !run.stderr().contains("PRIVATE-CANARY"));
    let json = map_json("map/only-private.ron", &[]);
    assert_eq!(json["projects"], serde_json::json!([]));
    assert_eq!(json["examples"], serde_json::json!([]));
}

#[test]
fn an_invalid_log_shows_every_diagnostic_and_exits_1() {
    let run = promo()
        .log(fixture("invalid/crlf-multiple-errors.ron"))
        .args(["map"])
        .run()
        .expect_code(1);
    assert!(run.stdout().is_empty());
    let stderr = run.stderr().replace(&format!("{}/", root().display()), "");
    for needle in [
        "fixtures/invalid/crlf-multiple-errors.ron:14:19: error: malformed date `2026-9-10`",
        "fixtures/invalid/crlf-multiple-errors.ron:25:17: error: duplicate moment id `m001`",
        "fixtures/invalid/crlf-multiple-errors.ron:28:22: error: unknown project `onbording`; did you mean `onboarding`?",
        "error: `fixtures/invalid/crlf-multiple-errors.ron` has 3 errors; fix them and run the command again",
    ] {
        assert!(
            stderr.contains(needle),
            "stderr lacks {needle:?}:\n{stderr}"
        );
    }
    promo()
        .log(root().join("no-such-log.ron"))
        .args(["map"])
        .run()
        .expect_code(1)
        .stderr_has("no log at");
}

#[test]
fn golden_text_and_markdown_for_the_strong_pm() {
    golden("map-strong-pm.txt", &map_text("strong-pm.ron", "100", &[]));
    golden(
        "map-strong-pm-explain.txt",
        &map_text("strong-pm.ron", "100", &["--explain"]),
    );
    let md = promo()
        .fixture("strong-pm.ron")
        .args(["map", "--format", "md"])
        .run()
        .ok()
        .stdout();
    golden("map-strong-pm.md", &md);
}

#[test]
fn east_asian_project_names_line_up_by_display_width() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(fixture("strong-pm.ron")).expect("fixture");
    let text = text.replacen("\"Pay later\"", "\"後払い 決済\"", 1);
    let log = dir.path().join("cjk.ron");
    std::fs::write(&log, text).expect("write");
    let out = promo()
        .log(&log)
        .env("COLUMNS", "100")
        .args(["map"])
        .run()
        .ok()
        .stdout();
    let column = |line: &str, needle: &str| {
        let at = line.find(needle).expect("needle");
        unicode_width::UnicodeWidthStr::width(&line[..at])
    };
    let header = out
        .lines()
        .find(|l| l.starts_with("Project"))
        .expect("header");
    let row = out
        .lines()
        .find(|l| l.starts_with("後払い 決済"))
        .unwrap_or_else(|| panic!("{out}"));
    // The Scope column starts at the same screen column under the header: each
    // ideograph takes two columns, and the padding counts them so.
    assert_eq!(column(row, "Company"), column(header, "Scope"), "{out}");
}

#[test]
fn the_map_reads_no_ladder_so_a_broken_one_cannot_stop_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ladder = dir.path().join("ladder.ron");
    std::fs::write(&ladder, "Ladder(levels: [oops").expect("write");
    promo()
        .fixture("strong-pm.ron")
        .args(["map", "--ladder"])
        .args([&ladder])
        .run()
        .ok()
        .stdout_has("Evidence map");
    // A report that judges against the ladder reads it, and says what is wrong.
    promo()
        .fixture("strong-pm.ron")
        .args(["objections", "--ladder"])
        .args([&ladder])
        .run()
        .expect_code(1);
}
