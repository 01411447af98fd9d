//! `promo objections`: every rule both ways on its purpose-built fixtures, the three
//! shared fixtures, the output formats, privacy, and the level ladder.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::harness::{fixture, golden, promo, root};

/// The catalog: every rule id, in centrality order. A contract with the issue.
const CATALOG: [&str; 21] = [
    "thin-log",
    "thin-scope",
    "no-scope",
    "below-target-reach",
    "level-question",
    "execution-not-judgment",
    "competency-gap",
    "no-sponsor-signal",
    "lukewarm-sponsor",
    "sponsor-follow-through",
    "no-leverage",
    "no-metric",
    "single-project",
    "one-strong-quarter",
    "no-peer-signal",
    "vague-peer-feedback",
    "uncorroborated",
    "broken-commitments",
    "stale-evidence",
    "task-first-wording",
    "thin-leverage",
];

/// What a fixture's first line promises.
#[derive(Debug)]
enum Expect {
    /// `// fires: RULE SEVERITY evidence: ID ID …`
    Fires {
        rule: String,
        severity: String,
        evidence: Vec<String>,
    },
    /// `// quiet: RULE`, or `// quiet: all` for no objection at all.
    Quiet { rule: String },
}

fn expectation(path: &Path) -> Expect {
    let text = std::fs::read_to_string(path).expect("fixture");
    let first = text.lines().next().expect("a first line");
    if let Some(rest) = first.strip_prefix("// fires: ") {
        let (head, ids) = rest
            .split_once(" evidence:")
            .expect("`evidence:` in a fires line");
        let mut words = head.split_whitespace();
        Expect::Fires {
            rule: words.next().expect("rule").to_string(),
            severity: words.next().expect("severity").to_string(),
            evidence: ids.split_whitespace().map(str::to_string).collect(),
        }
    } else if let Some(rule) = first.strip_prefix("// quiet: ") {
        Expect::Quiet {
            rule: rule.trim().to_string(),
        }
    } else {
        panic!(
            "{} must start with `// fires: …` or `// quiet: …`",
            path.display()
        );
    }
}

/// Every `.ron` under `fixtures/objections`, sorted.
fn objection_fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/objections"))
        .expect("fixtures/objections")
        .map(|entry| entry.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

fn json(run_args: &[&str], log: &Path) -> Vec<Value> {
    let run = promo()
        .log(log)
        .args(["objections", "--format", "json"])
        .args(run_args)
        .run()
        .ok();
    match serde_json::from_str(&run.stdout()).expect("objections JSON") {
        Value::Array(items) => items,
        other => panic!("expected an array, got {other}"),
    }
}

fn ids(objections: &[Value]) -> Vec<&str> {
    objections
        .iter()
        .map(|o| o["id"].as_str().expect("id"))
        .collect()
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .expect("array")
        .iter()
        .map(|v| v.as_str().expect("string"))
        .collect()
}

/// A copy of a fixture with one piece of text replaced, in a temporary directory.
fn variant(name: &str, from: &str, to: &str) -> (tempfile::TempDir, PathBuf) {
    let text = std::fs::read_to_string(fixture(name)).expect("fixture");
    assert!(text.contains(from), "{name} lacks {from:?}");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("log.ron");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write variant");
    (dir, path)
}

#[test]
fn every_rule_fires_on_its_fixture_and_stays_quiet_one_step_short() {
    let mut fired: Vec<String> = Vec::new();
    let mut quiet: Vec<String> = Vec::new();
    for path in objection_fixtures() {
        let found = json(&[], &path);
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        match expectation(&path) {
            Expect::Fires {
                rule,
                severity,
                evidence,
            } => {
                let objection = found
                    .iter()
                    .find(|o| o["id"] == rule.as_str())
                    .unwrap_or_else(|| {
                        panic!("{name} should raise `{rule}`, raised {:?}", ids(&found))
                    });
                assert_eq!(
                    objection["severity"],
                    severity.as_str(),
                    "{name}: severity of `{rule}`"
                );
                assert_eq!(
                    strings(&objection["evidence"]),
                    evidence,
                    "{name}: evidence of `{rule}`"
                );
                assert!(
                    name.starts_with(&format!("{rule}.")),
                    "{name} is named after its rule"
                );
                fired.push(rule);
            }
            Expect::Quiet { rule } if rule == "all" => {
                assert!(
                    found.is_empty(),
                    "{name} should raise nothing, raised {:?}",
                    ids(&found)
                );
            }
            Expect::Quiet { rule } => {
                assert!(
                    !ids(&found).contains(&rule.as_str()),
                    "{name} must not raise `{rule}`: {found:#?}"
                );
                assert!(
                    name.starts_with(&format!("{rule}.")),
                    "{name} is named after its rule"
                );
                quiet.push(rule);
            }
        }
    }
    for rule in CATALOG {
        assert!(
            fired.iter().any(|r| r == rule),
            "no fixture makes `{rule}` fire"
        );
        assert!(
            quiet.iter().any(|r| r == rule),
            "no fixture keeps `{rule}` one step short"
        );
    }
}

#[test]
fn objection_fixtures_are_valid_logs() {
    for path in objection_fixtures() {
        promo()
            .log(&path)
            .args(["check"])
            .run()
            .ok()
            .stdout_has(": ok, ");
    }
}

#[test]
fn weak_startup_pm_raises_scope_judgment_and_sponsor_first() {
    let found = json(&[], &fixture("weak-startup-pm.ron"));
    assert_eq!(
        ids(&found)[..3],
        [
            "execution-not-judgment",
            "no-sponsor-signal",
            "uncorroborated"
        ],
        "the high objections lead, in centrality order (its only figure has no witness or quote); thin-scope is medium for L4, whose ladder asks only for Team reach"
    );
    for id in [
        "no-leverage",
        "no-metric",
        "vague-peer-feedback",
        "broken-commitments",
    ] {
        assert!(
            ids(&found).contains(&id),
            "weak-startup-pm should raise `{id}`: {:?}",
            ids(&found)
        );
    }
    let broken = found
        .iter()
        .find(|o| o["id"] == "broken-commitments")
        .expect("broken-commitments");
    assert_eq!(strings(&broken["evidence"]), ["m005", "m012"]);
    let finding = broken["finding"].as_str().expect("finding");
    assert!(finding.contains("due 2026-07-10, broken"), "{finding}");
    assert!(
        finding.contains("due 2026-11-07, open, 14 days overdue"),
        "{finding}"
    );
    let vague = found
        .iter()
        .find(|o| o["id"] == "vague-peer-feedback")
        .expect("vague");
    assert_eq!(strings(&vague["evidence"]), ["m003", "m013"]);
    let sponsor = found
        .iter()
        .find(|o| o["id"] == "no-sponsor-signal")
        .expect("sponsor");
    assert!(
        sponsor["ask"]
            .as_str()
            .expect("ask")
            .contains("Rachel Odum"),
        "the ask names the manager"
    );
}

#[test]
fn weak_startup_pm_text_matches_the_golden_file() {
    let run = promo()
        .fixture("weak-startup-pm.ron")
        .args(["objections"])
        .run()
        .ok();
    let text = run.stdout();
    assert!(
        text.lines()
            .nth(2)
            .expect("first objection")
            .ends_with("— the first attack point"),
        "{text}"
    );
    assert_eq!(
        text.matches("the first attack point").count(),
        1,
        "only the first is marked"
    );
    golden("objections-weak-startup-pm.txt", &text);
}

#[test]
fn weak_startup_pm_markdown_matches_the_golden_file() {
    let run = promo()
        .fixture("weak-startup-pm.ron")
        .args(["objections", "--format", "md"])
        .run()
        .ok();
    let md = run.stdout();
    assert!(
        md.starts_with("# Objections: Kai Brennan → L4 (Mid)\n"),
        "{md}"
    );
    assert!(
        md.contains("## 1. Execution, not judgment — first attack point\n"),
        "{md}"
    );
    // L4 asks only for Team reach: thin scope is asked about, not case-sinking.
    assert!(
        md.contains("- **Severity:** medium · **Rule:** `thin-scope`"),
        "{md}"
    );
    golden("objections-weak-startup-pm.md", &md);
}

#[test]
fn strong_pm_raises_no_high_severity_objection() {
    let found = json(&[], &fixture("strong-pm.ron"));
    let high: Vec<&str> = found
        .iter()
        .filter(|o| o["severity"] == "high")
        .map(|o| o["id"].as_str().expect("id"))
        .collect();
    assert!(
        high.is_empty(),
        "strong-pm raised high objections: {high:?}"
    );
}

#[test]
fn json_is_an_array_in_attack_order_with_the_documented_fields() {
    let found = json(&[], &fixture("weak-startup-pm.ron"));
    assert!(found.len() >= 3);
    let rank = |s: &str| {
        ["high", "medium", "low"]
            .iter()
            .position(|x| *x == s)
            .expect("known severity")
    };
    let mut last = (0, 0);
    for objection in &found {
        let object = objection.as_object().expect("object");
        let keys: Vec<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "id", "severity", "title", "question", "evidence", "finding", "fix", "ask"
            ]
        );
        let id = objection["id"].as_str().expect("id");
        let centrality = CATALOG.iter().position(|c| *c == id).expect("a catalog id");
        let key = (
            rank(objection["severity"].as_str().expect("severity")),
            centrality,
        );
        assert!(key > last || last == (0, 0), "{id} is out of attack order");
        last = key;
        for field in ["title", "question", "finding", "fix", "ask"] {
            let text = objection[field].as_str().expect("string field");
            assert!(
                !text.is_empty() && !text.contains('\n'),
                "{id}.{field} is one non-empty line"
            );
        }
        assert!(
            objection["evidence"]
                .as_array()
                .expect("evidence array")
                .iter()
                .all(Value::is_string)
        );
    }
}

#[test]
fn output_is_byte_identical_across_runs() {
    for format in ["text", "md", "json"] {
        let once = promo()
            .fixture("engineer-l6.ron")
            .args(["objections", "--format", format])
            .run()
            .ok()
            .stdout();
        let again = promo()
            .fixture("engineer-l6.ron")
            .args(["objections", "--format", format])
            .run()
            .ok()
            .stdout();
        assert_eq!(once, again, "{format}");
    }
}

#[test]
fn private_moments_never_reach_any_format() {
    let logs = [
        fixture("strong-pm.ron"),
        fixture("weak-startup-pm.ron"),
        fixture("objections/no-sponsor-signal.fires.ron"),
        fixture("objections/broken-commitments.quiet.ron"),
    ];
    let private_ids: [&[&str]; 4] = [&["m018", "m027", "m040"], &["m007"], &["m007"], &["m007"]];
    for (log, private) in logs.iter().zip(private_ids) {
        for format in ["text", "md", "json"] {
            let out = promo()
                .log(log)
                .args(["objections", "--format", format])
                .run()
                .ok()
                .stdout();
            assert!(
                !out.contains("PRIVATE-CANARY"),
                "{} leaked in {format}:\n{out}",
                log.display()
            );
            for id in private {
                assert!(
                    !out.contains(id),
                    "{} cites private {id} in {format}:\n{out}",
                    log.display()
                );
            }
        }
    }
}

#[test]
fn a_log_without_objections_says_so_plainly() {
    promo()
        .fixture("objections/clean.ron")
        .args(["objections"])
        .run()
        .ok()
        .stdout_has(
            "No objections: nothing in Nora Quinn's case for L5 (Senior) trips a calibration rule",
        );
    let out = promo()
        .fixture("objections/clean.ron")
        .args(["objections", "--format", "json"])
        .run()
        .ok()
        .stdout();
    assert_eq!(out, "[]\n");
}

#[test]
fn no_leverage_is_high_where_the_level_expects_leverage() {
    let found = json(&[], &fixture("objections/no-leverage.fires.ron"));
    let severity = |found: &[Value]| {
        found
            .iter()
            .find(|o| o["id"] == "no-leverage")
            .map(|o| o["severity"].as_str().expect("severity").to_string())
    };
    assert_eq!(
        severity(&found).as_deref(),
        Some("medium"),
        "Senior expects 10% leverage"
    );
    let (_dir, staff) = variant(
        "objections/no-leverage.fires.ron",
        "level: \"L5\"",
        "level: \"L6\"",
    );
    assert_eq!(
        severity(&json(&[], &staff)).as_deref(),
        Some("high"),
        "Staff expects 20% leverage"
    );
}

#[test]
fn stale_evidence_turns_high_after_a_quarter() {
    let run = promo()
        .real_today()
        .fixture("objections/stale-evidence.fires.ron")
        .args(["objections", "--format", "json", "--today", "2027-01-10"])
        .run()
        .ok();
    let found: Vec<Value> = serde_json::from_str(&run.stdout()).expect("json");
    let stale = found
        .iter()
        .find(|o| o["id"] == "stale-evidence")
        .expect("stale-evidence");
    assert_eq!(stale["severity"], "high");
    assert_eq!(
        stale["finding"],
        "the newest public moment, m005, is from 2026-10-06, 96 days before 2027-01-10"
    );
}

#[test]
fn an_unknown_target_level_lists_the_known_ones() {
    let (_dir, log) = variant("weak-startup-pm.ron", "level: \"L4\"", "level: \"L9\"");
    let run = promo().log(&log).args(["objections"]).run().expect_code(1);
    assert_eq!(
        run.stderr(),
        "error: unknown level `L9`: the built-in ladder (`--ladder FILE` replaces it) has `L3`, \
         `L4`, `L5`, `L6`, `L7`, `L8` (also named `Associate`, `Junior`, `Mid`, `Intermediate`, \
         `Senior`, `Staff`, `Lead`, `Senior Staff`, `Principal`, `Distinguished`, \
         `Senior Principal`); did you mean `L8`?\n"
    );
    assert!(run.stdout().is_empty());
}

const CUSTOM_LADDER: &str = r#"// Our ladder: Staff needs company-wide reach.
Ladder(levels: [
    Level(id: "IC4", aliases: ["Senior"], min_reach: CrossTeam, decision_share: 25, leverage_share: 10, description: "Owns a project."),
    Level(id: "IC5", aliases: ["Staff"], min_reach: Company, decision_share: 30, leverage_share: 20, description: "Moves the company."),
])
"#;

#[test]
fn a_ladder_file_replaces_the_built_in_one() {
    let engineer = fixture("engineer-l6.ron");
    assert!(
        !ids(&json(&[], &engineer)).contains(&"below-target-reach"),
        "built-in Staff (L6) expects Org reach"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let ladder = dir.path().join("ladder.ron");
    std::fs::write(&ladder, CUSTOM_LADDER).expect("write ladder");
    let ladder_arg = ladder.to_str().expect("utf-8 path");
    let found = json(&["--ladder", ladder_arg], &engineer);
    let below = found
        .iter()
        .find(|o| o["id"] == "below-target-reach")
        .expect("below-target-reach with the custom ladder");
    assert_eq!(below["severity"], "high");
    assert_eq!(
        below["finding"],
        "the widest reach among the top examples is Org; IC5 (Staff) expects Company"
    );
    // The top examples, led by the one the fixture is built around (see fixtures/README.md).
    let evidence = strings(&below["evidence"]);
    assert!(
        (3..=5).contains(&evidence.len()) && evidence[0] == "m014",
        "{evidence:?}"
    );

    // The built-in levels are gone: L4 is unknown now, and the error names the file's levels.
    promo()
        .fixture("weak-startup-pm.ron")
        .args(["objections", "--ladder", ladder_arg])
        .run()
        .expect_code(1)
        .stderr_has("error: unknown level `L4`: the ladder `")
        .stderr_has("` has `IC4`, `IC5` (also named `Senior`, `Staff`)\n");
}

#[test]
fn a_broken_ladder_file_is_reported_with_its_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ladder = dir.path().join("ladder.ron");
    std::fs::write(
        &ladder,
        CUSTOM_LADDER.replace("min_reach: Company", "min_reach: Compnay"),
    )
    .expect("write");
    let run = promo()
        .fixture("engineer-l6.ron")
        .args([
            "objections",
            "--ladder",
            ladder.to_str().expect("utf-8 path"),
        ])
        .run()
        .expect_code(1);
    let err = run
        .stderr()
        .replace(&format!("{}", ladder.display()), "ladder.ron");
    assert!(
        err.starts_with(
            "ladder.ron:4:53: error: unknown reach `Compnay`; did you mean `Company`?\n"
        ),
        "{err}"
    );
    assert!(
        err.contains("\n  |                                                     ^^^^^^^\n"),
        "{err}"
    );
    assert!(
        err.ends_with("error: ladder `ladder.ron` has 1 error; fix it and run the command again\n"),
        "{err}"
    );
    assert!(run.stdout().is_empty());
}
