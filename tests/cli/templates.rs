//! Every report renders through the one template layer: `templates export` writes a
//! template for each report's formats (and the shared HTML base), a user override of
//! any one of them is used, and `--context` prints the JSON each report renders from.

use std::path::Path;

use serde_json::Value;

use crate::harness::promo;

/// Every template `templates export` writes: each report's text, Markdown and HTML
/// (the packet has no text, the PDF is laid out in code) the base every HTML extends, and the
/// timeline partial the packet and pre-mortem include.
const EXPORTED: &[&str] = &[
    "agenda.html",
    "agenda.md",
    "agenda.txt",
    "base.html",
    "calibrate.html",
    "calibrate.md",
    "calibrate.txt",
    "commitments.html",
    "commitments.md",
    "commitments.txt",
    "competencies.html",
    "competencies.md",
    "competencies.txt",
    "health.html",
    "health.md",
    "health.txt",
    "map.html",
    "map.md",
    "map.txt",
    "objections.html",
    "objections.md",
    "objections.txt",
    "packet.html",
    "packet.md",
    "premortem.html",
    "premortem.md",
    "premortem.txt",
    "recap.html",
    "recap.md",
    "recap.txt",
    "restate.html",
    "restate.md",
    "restate.txt",
    "serve_home.html",
    "timeline.html",
];

fn export(dir: &Path) {
    promo().args(["templates", "export"]).args([dir]).run().ok();
}

#[test]
fn export_writes_every_report_template_and_the_base() {
    let dir = tempfile::tempdir().expect("tempdir");
    export(dir.path());
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, EXPORTED);
    let map = std::fs::read_to_string(dir.path().join("map.html")).expect("map.html");
    assert!(map.contains("{% extends \"base.html\" %}"), "{map}");
}

#[test]
fn a_user_map_txt_replaces_the_built_in_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("map.txt"),
        "Mine: {{ examples | length }} examples, first {{ examples[0].id }}, width {{ width }}\n",
    )
    .expect("write");
    let out = promo()
        .fixture("strong-pm.ron")
        .env("COLUMNS", "100")
        .args(["map", "--templates"])
        .args([dir.path()])
        .run()
        .ok()
        .stdout();
    assert_eq!(out, "Mine: 5 examples, first m026, width 100\n");
    // Without the override the built-in table is back.
    let built_in = promo()
        .fixture("strong-pm.ron")
        .args(["map"])
        .run()
        .ok()
        .stdout();
    assert!(
        built_in.starts_with("Evidence map · Ana Ruiz"),
        "{built_in}"
    );
}

#[test]
fn a_user_objections_md_replaces_the_built_in_one_and_is_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("objections.md"),
        "{% for o in objections %}{{ o.id | safe }}: {{ o.severity }}\n{% endfor %}",
    )
    .expect("write");
    let out = promo()
        .fixture("weak-startup-pm.ron")
        .args(["objections", "--format", "md", "--templates"])
        .args([dir.path()])
        .run()
        .ok()
        .stdout();
    let first = out.lines().next().expect("a line");
    assert!(first.ends_with(": high"), "{out}");
    assert!(!out.contains("# Objections"), "{out}");
    // The text format still comes from the built-in template.
    promo()
        .fixture("weak-startup-pm.ron")
        .args(["objections", "--templates"])
        .args([dir.path()])
        .run()
        .ok()
        .stdout_has("Objections");
}

#[test]
fn a_user_base_html_is_the_head_of_every_report_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("base.html"),
        // A base must define every block the reports fill in, even to drop it.
        "<!-- house style -->{% block title %}{% endblock title %}{% block width %}{% endblock width %}{% block style %}{% endblock style %}|{% block body %}{% endblock body %}\n",
    )
    .expect("write");
    for report in ["map", "agenda", "commitments", "objections", "restate"] {
        let out = promo()
            .fixture("strong-pm.ron")
            .args([report, "--format", "html", "--templates"])
            .args([dir.path()])
            .run()
            .ok()
            .stdout();
        assert!(out.starts_with("<!-- house style -->"), "{report}: {out}");
        assert!(!out.contains("<!DOCTYPE html>"), "{report}: {out}");
    }
}

/// `promo <args> --context`, parsed.
fn context(args: &[&str]) -> Value {
    let run = promo()
        .fixture("strong-pm.ron")
        .args(args.iter().copied())
        .args(["--context"])
        .run()
        .ok();
    serde_json::from_str(&run.stdout()).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

#[test]
fn every_report_prints_its_context_as_json() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["map"],
            &["summary", "projects", "examples", "coverage", "width"],
        ),
        (&["restate"], &["several", "people"]),
        (
            &["agenda"],
            &["owner", "manager", "commitments", "objection", "proof"],
        ),
        (
            &["recap", "--date", "2026-11-10"],
            &["owner", "date", "decisions", "others", "owed"],
        ),
        (
            &["commitments"],
            &["owner", "today", "open", "overdue", "commitments"],
        ),
        (&["objections"], &["owner", "level", "tally", "objections"]),
    ];
    for (args, keys) in cases {
        let value = context(args);
        let object = value
            .as_object()
            .unwrap_or_else(|| panic!("{args:?}: {value}"));
        for key in *keys {
            assert!(object.contains_key(*key), "{args:?} lacks `{key}`: {value}");
        }
    }
    let map = context(&["map"]);
    assert_eq!(map["examples"][0]["id"], "m026");
    assert_eq!(map["projects"][0]["reach_label"], "Company");
    let restate = context(&["restate"]);
    assert_eq!(restate["people"][0]["name"], "Ana Ruiz");
}
