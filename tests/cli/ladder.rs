//! `promo ladder show`, `promo ladder import` and `promo competencies`: the built-in
//! tracks, a framework file imported and used, and competencies cited, suggested and
//! missing (issue 18; issue 13's ladder bullet).

use std::fs;
use std::path::PathBuf;

use crate::harness::{fixture, promo};

/// `fixtures/ladder/framework.md` imported as L3–L6, in a temporary directory.
fn imported() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("analytics.ron");
    promo()
        .args(["ladder", "import"])
        .args([fixture("ladder/framework.md")])
        .args(["--levels", "L3,L4,L5,L6", "-o"])
        .args([&out])
        .run()
        .ok()
        .stderr_has("4 levels, 3 competencies");
    (dir, out)
}

#[test]
fn an_imported_framework_shows_the_uncited_competency_as_a_gap_everywhere() {
    let (_dir, ladder) = imported();
    let text = fs::read_to_string(&ladder).expect("written");
    assert!(text.contains("name: \"tooling\""), "{text}");
    let log = fixture("ladder/cites-two.ron");
    let json = promo()
        .log(&log)
        .args(["--ladder"])
        .args([&ladder])
        .args(["competencies", "--format", "json"])
        .run()
        .ok()
        .stdout();
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(value["level"], "L5");
    let rows = value["competencies"].as_array().expect("rows");
    let summary: Vec<(String, bool, String, String)> = rows
        .iter()
        .map(|r| {
            (
                r["name"].as_str().expect("name").to_string(),
                r["covered"].as_bool().expect("covered"),
                r["moments"].to_string(),
                r["suggested"].to_string(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("analysis".into(), true, "[\"m001\"]".into(), "[]".into()),
            ("influence".into(), true, "[\"m002\"]".into(), "[]".into()),
            ("tooling".into(), false, "[]".into(), "[\"m003\"]".into()),
        ]
    );
    assert_eq!(
        rows[2]["criteria"][0],
        "Builds dashboards and pipelines that other teams reuse"
    );
    let keys: Vec<&String> = rows[0].as_object().expect("object").keys().collect();
    assert_eq!(
        keys,
        [
            "name",
            "title",
            "criteria",
            "moments",
            "suggested",
            "covered"
        ]
    );
    let objections = promo()
        .log(&log)
        .args(["--ladder"])
        .args([&ladder])
        .args(["objections", "--format", "json"])
        .run()
        .ok()
        .stdout();
    let found: serde_json::Value = serde_json::from_str(&objections).expect("json");
    let gap = found
        .as_array()
        .expect("array")
        .iter()
        .find(|o| o["id"] == "competency-gap")
        .expect("competency-gap raised");
    assert_eq!(gap["title"], "No evidence of “Data tooling” at L5");
    assert_eq!(gap["evidence"][0], "m003");
    let premortem = promo()
        .log(&log)
        .args(["--ladder"])
        .args([&ladder])
        .args(["premortem", "--format", "json"])
        .run()
        .ok()
        .stdout();
    let plan: serde_json::Value = serde_json::from_str(&premortem).expect("json");
    let action = plan["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["objection"] == "competency-gap")
        .expect("a dated action for the gap");
    assert!(action["by"].as_str().is_some_and(|d| d.starts_with("20")));
    assert!(
        action["action"]
            .as_str()
            .expect("action")
            .contains("competencies: [\"tooling\"]"),
        "{action}"
    );
    let matrix = plan["competencies"].as_array().expect("the matrix");
    assert_eq!(matrix.len(), 3);
    assert_eq!(matrix[2]["covered"], false);
}

#[test]
fn citing_every_competency_leaves_no_gap() {
    let (dir, ladder) = imported();
    let text = fs::read_to_string(fixture("ladder/cites-two.ron")).expect("fixture");
    let log = dir.path().join("cites-three.ron");
    let cited = text.replacen(
        "reach: CrossTeam,\n            impact: \"2 teams read",
        "reach: CrossTeam,\n            competencies: [\"tooling\"],\n            impact: \"2 teams read",
        1,
    );
    assert_ne!(cited, text);
    fs::write(&log, cited).expect("write");
    let out = promo()
        .log(&log)
        .args(["--ladder"])
        .args([&ladder])
        .args(["objections", "--format", "json"])
        .run()
        .ok()
        .stdout();
    assert!(!out.contains("competency-gap"), "{out}");
}

#[test]
fn a_malformed_framework_exits_1_with_its_line_number_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("bad.ron");
    let run = promo()
        .args(["ladder", "import"])
        .args([fixture("ladder/malformed.md")])
        .args(["--levels", "L3,L4", "-o"])
        .args([&out])
        .run()
        .expect_code(1);
    let stderr = run.stderr();
    assert!(stderr.contains("malformed.md:10:7: error: "), "{stderr}");
    assert!(stderr.contains("10 |       - level: 2"), "{stderr}");
    assert!(!out.exists());
    // Too few level names for the framework's `levels: 4`, located at that line.
    promo()
        .args(["ladder", "import"])
        .args([fixture("ladder/framework.md")])
        .args(["--levels", "L3,L4", "-o"])
        .args([&out])
        .run()
        .expect_code(1)
        .stderr_has("framework.md:3:1: error: the framework has 4 levels but `--levels` names 2");
}

#[test]
fn a_manager_going_from_m1_to_m2_needs_no_ladder_file() {
    let run = promo()
        .fixture("objections/no-peer-signal.report.quiet.ron")
        .args(["objections"])
        .run()
        .ok();
    assert!(
        run.stdout()
            .contains("case for M2 (Senior Engineering Manager)"),
        "{}",
        run.stdout()
    );
    promo()
        .fixture("objections/no-peer-signal.report.quiet.ron")
        .args(["competencies"])
        .run()
        .ok()
        .stdout_has("Growing people (people)");
}

#[test]
fn ladder_show_prints_each_built_in_track() {
    for (track, level, competency) in [
        ("pm", "L6 (Staff)", "Product judgment (judgment)"),
        ("eng", "L6 (Staff)", "Technical design (design)"),
        (
            "em",
            "M2 (Senior Engineering Manager)",
            "Growing people (people)",
        ),
        ("design", "L5 (Senior)", "Design craft (craft)"),
    ] {
        let out = promo()
            .args(["ladder", "show", "--track", track])
            .run()
            .ok()
            .stdout();
        assert!(
            out.contains(level) && out.contains(competency),
            "{track}:\n{out}"
        );
    }
    let ron = promo()
        .args(["ladder", "show", "--track", "em", "--format", "ron"])
        .run()
        .ok()
        .stdout();
    assert_eq!(
        ron,
        fs::read_to_string(fixture("../templates/ladders/em.ron")).expect("em.ron")
    );
    promo()
        .args(["ladder", "show", "--track", "desgin"])
        .run()
        .expect_code(1)
        .stderr_has("unknown track `desgin`: the built-in tracks are `pm`, `eng`, `em`, `design`; did you mean `design`?");
    // No `--track`: the track the log is judged on (the engineer's role picks `eng`).
    promo()
        .fixture("engineer-l6.ron")
        .args(["ladder", "show"])
        .run()
        .ok()
        .stdout_has("Engineering (individual contributor) (`eng`)");
}

#[test]
fn check_names_an_unknown_competency_with_the_nearest_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("log.ron");
    let text = fs::read_to_string(fixture("objections/competency-gap.fires.ron")).expect("fixture");
    fs::write(&log, text.replacen("[\"leverage\"]", "[\"levrage\"]", 1)).expect("write");
    // A warning: the log stays valid, so check exits 0 as every other command reads it.
    let run = promo().log(&log).args(["check"]).run().ok();
    let stderr = run.stderr();
    assert!(
        stderr.contains(
            "log.ron:34:28: warning: unknown competency `levrage`; did you mean `leverage`?"
        ),
        "{stderr}"
    );
    run.stdout_has(": ok, 6 moments (6 public, 0 private) in 2 projects, 1 warning\n");
    // The unchanged fixture checks clean: every name it cites is on the pm track.
    promo()
        .fixture("objections/competency-gap.fires.ron")
        .args(["check"])
        .run()
        .ok()
        .stdout_has(": ok, ");
}

/// The fuzz finding behind the strict `check` ⇔ load assertion in `tests/cli/pipeline.rs`:
/// a citation mutated to "®" made `check` exit 1 while `map` and `packet` loaded the log.
/// Now `check` warns at the citation, exits 0 and lists it under JSON `warnings`; the
/// commands that load agree.
#[test]
fn a_mutated_citation_is_a_warning_check_and_the_loading_commands_agree() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("log.ron");
    let text = fs::read_to_string(fixture("objections/competency-gap.fires.ron")).expect("fixture");
    let mutated = text.replacen("[\"judgment\"]", "[\"®\"]", 1);
    assert_ne!(mutated, text);
    fs::write(&log, mutated).expect("write");
    promo().log(&log).args(["check"]).run().ok().stderr_has(
        "log.ron:20:28: warning: unknown competency `®`; expected one of `judgment`, \
         `strategy`, `influence`, `outcomes`, `leverage`",
    );
    let json = promo()
        .log(&log)
        .args(["check", "--format", "json"])
        .run()
        .ok()
        .stdout();
    let report: serde_json::Value = serde_json::from_str(&json).expect("check JSON");
    assert_eq!(report["valid"], true, "{json}");
    assert_eq!(report["errors"].as_array().map(Vec::len), Some(0), "{json}");
    let warning = &report["warnings"][0];
    assert_eq!(warning["line"], 20, "{json}");
    assert_eq!(warning["col"], 28, "{json}");
    assert!(
        warning["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("unknown competency `®`")),
        "{json}"
    );
    for command in ["map", "packet", "objections", "competencies"] {
        promo().log(&log).args([command]).run().ok();
    }
}

/// A `target.track` that names no built-in track used to make `check` (and every report
/// that judges the case) fail with no location, while `map` loaded the log. Now `check`
/// warns at the value, exits 0, and every command judges the case on the track the
/// owner's role picks, as it would without the name.
#[test]
fn an_unknown_track_is_a_located_warning_and_the_loading_commands_agree() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("log.ron");
    let text = fs::read_to_string(fixture("objections/competency-gap.fires.ron")).expect("fixture");
    let mutated = text.replacen(
        "level: \"L5\", submission",
        "level: \"L5\", track: \"pmm\", submission",
        1,
    );
    assert_ne!(mutated, text);
    fs::write(&log, &mutated).expect("write");
    let run = promo().log(&log).args(["check"]).run().ok().stderr_has(
        "log.ron:7:40: warning: unknown track `pmm`, so the case is judged on `pm`; \
         did you mean `pm`?",
    );
    run.stdout_has(": ok, 6 moments (6 public, 0 private) in 2 projects, 1 warning\n");
    let json = promo()
        .log(&log)
        .args(["check", "--format", "json"])
        .run()
        .ok()
        .stdout();
    let report: serde_json::Value = serde_json::from_str(&json).expect("check JSON");
    assert_eq!(report["valid"], true, "{json}");
    let warning = &report["warnings"][0];
    assert_eq!(
        (&warning["line"], &warning["col"]),
        (&7.into(), &40.into()),
        "{json}"
    );
    // The reports judge the case on `pm`, exactly as without the unknown name.
    let unnamed = dir.path().join("unnamed.ron");
    fs::write(&unnamed, &text).expect("write");
    for command in ["packet", "objections", "competencies", "map"] {
        let named = promo().log(&log).args([command]).run().ok().stdout();
        let plain = promo().log(&unnamed).args([command]).run().ok().stdout();
        assert_eq!(named, plain, "{command}");
    }
    promo()
        .log(&log)
        .args(["ladder", "show"])
        .run()
        .ok()
        .stdout_has("(`pm`)");
    // `--ladder FILE` replaces the built-in tracks, so the name is not checked.
    let ladder = dir.path().join("ladder.ron");
    fs::write(
        &ladder,
        fs::read_to_string(fixture("../templates/ladders/pm.ron")).expect("pm"),
    )
    .expect("write");
    promo()
        .log(&log)
        .args([std::ffi::OsStr::new("--ladder"), ladder.as_os_str()])
        .args(["check"])
        .run()
        .ok()
        .stdout_has(" in 2 projects, 0 warnings\n");
}

#[test]
fn a_private_moment_never_reaches_the_competencies() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("log.ron");
    let text = fs::read_to_string(fixture("objections/competency-gap.fires.ron")).expect("fixture");
    let private = text.replacen(
        "            competencies: [\"strategy\"],\n",
        "            competencies: [\"strategy\"],\n            private: true,\n",
        1,
    );
    assert_ne!(private, text);
    fs::write(&log, private).expect("write");
    for format in ["text", "md", "html", "json"] {
        let out = promo()
            .log(&log)
            .args(["competencies", "--format", format])
            .run()
            .ok()
            .stdout();
        assert!(!out.contains("m004"), "{format}:\n{out}");
        assert!(!out.contains("Asked Omar"), "{format}:\n{out}");
    }
}
