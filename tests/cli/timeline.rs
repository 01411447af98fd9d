//! The evidence timeline in the HTML packet and pre-mortem: drawn, labelled, and
//! never showing a private moment's project in the shared packet.

use std::process::Command;

use crate::browser::chromium;
use crate::harness::{fixture, promo};

/// A log whose only moment on "Secret project" is private.
const PRIVATE_ONLY: &str = r#"Log(
    version: 1,
    owner: Person(name: "Ana", level: "L5"),
    manager: "Sam",
    target: Target(level: "L6", submission: "2027-01-15"),
    projects: {
        "open": Project(name: "Open <work> & more"),
        "secret": Project(name: "Secret project"),
    },
    moments: [
        Moment(id: "m1", date: "2026-03-02", tag: Decision, project: "open", what: "Chose web first over both apps", reach: Org),
        Moment(id: "m2", date: "2026-05-04", tag: Leverage, project: "open", what: "Wrote the guardrail others reuse", reach: Team),
        Moment(id: "m3", date: "2026-06-01", tag: Decision, project: "secret", what: "Vent about the reorg", reach: Company, private: true),
    ],
)"#;

#[test]
fn the_html_packet_and_premortem_carry_a_labelled_accessible_timeline() {
    for command in ["packet", "premortem"] {
        let html = promo()
            .fixture("strong-pm.ron")
            .args([command, "--format", "html"])
            .run()
            .ok()
            .stdout();
        let svg_at = html.find("<svg ").expect("an inline svg");
        let svg = &html[svg_at..html[svg_at..].find("</svg>").expect("svg ends") + svg_at];
        assert!(svg.contains(r#"role="img""#), "{command}: {svg}");
        assert!(
            svg.contains("aria-label=\"Evidence timeline, "),
            "{command}"
        );
        assert!(svg.contains("<title id=\"timeline-title\">"), "{command}");
        for label in [
            "Pay later",
            "Checkout redesign",
            "2026-Q3",
            "decision",
            "Company",
        ] {
            assert!(
                svg.contains(label),
                "{command}: no {label:?} in the timeline"
            );
        }
        assert!(svg.contains("<circle") && svg.contains("<polygon") && svg.contains("<rect"));
        assert!(!svg.contains("http"), "{command}: the svg loads nothing");
    }
}

#[test]
fn a_private_moments_project_never_reaches_the_packet_timeline() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("log.ron");
    std::fs::write(&log, PRIVATE_ONLY).expect("write log");
    let html = promo()
        .log(&log)
        .args(["packet", "--format", "html"])
        .run()
        .ok()
        .stdout();
    assert!(!html.contains("Secret project"), "{html}");
    assert!(
        html.contains("Open &lt;work&gt; &amp; more"),
        "project names are escaped"
    );
    let json = promo()
        .log(&log)
        .args(["packet", "--format", "json"])
        .run()
        .ok()
        .stdout();
    let context: serde_json::Value = serde_json::from_str(&json).expect("json");
    let rows = context["timeline"]["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["marks"].as_array().map(Vec::len), Some(2));
    assert!(!json.contains("Secret"), "{json}");
}

/// Headless Chromium lays out the page; a script writes the SVG's box and its text
/// into the DOM, which `--dump-dom` prints.
#[test]
fn chromium_shows_the_timeline_with_its_labels() {
    let Some(browser) = chromium() else {
        if std::env::var_os("PROMO_REQUIRE_CHROMIUM").is_some_and(|v| v == "1") {
            panic!("PROMO_REQUIRE_CHROMIUM=1 but chromium is not installed");
        }
        eprintln!("SKIPPED: chromium not installed; the timeline was not checked in a browser");
        return;
    };
    for command in ["packet", "premortem"] {
        let html = promo()
            .log(fixture("strong-pm.ron"))
            .args([command, "--format", "html"])
            .run()
            .ok()
            .stdout();
        let probe = r#"<script>
const s = document.querySelector('figure.timeline svg');
const b = s.getBoundingClientRect();
document.body.setAttribute('data-probe', [Math.round(b.width), Math.round(b.height), s.querySelectorAll('circle,rect,polygon').length, s.textContent.includes('Pay later')].join(','));
</script></body>"#;
        let work = tempfile::tempdir().expect("tempdir");
        let page = work.path().join("page.html");
        std::fs::write(&page, html.replace("</body>", probe)).expect("write html");
        let out = Command::new(&browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
            ])
            .arg(format!(
                "--user-data-dir={}",
                work.path().join("profile").display()
            ))
            .arg("--window-size=1000,1400")
            .arg("--dump-dom")
            .arg(format!("file://{}", page.display()))
            .output()
            .expect("run chromium");
        let dom = String::from_utf8_lossy(&out.stdout);
        let at = dom.find("data-probe=\"").expect("the probe ran") + "data-probe=\"".len();
        let probe: Vec<&str> = dom[at..dom[at..].find('"').expect("end") + at]
            .split(',')
            .collect();
        let number = |i: usize| probe[i].parse::<u32>().expect("a number");
        assert!(
            number(0) > 500,
            "{command}: the timeline is {} px wide",
            number(0)
        );
        assert!(
            number(1) > 80,
            "{command}: the timeline is {} px tall",
            number(1)
        );
        assert!(number(2) > 20, "{command}: {} shapes drawn", number(2));
        assert_eq!(
            probe[3], "true",
            "{command}: project labels not in the drawn svg"
        );
    }
}

/// `promo premortem --format pdf` on `log`: the page count (pdfinfo), the text
/// (pdftotext, white space removed) and how often each path operator occurs in the
/// page's content stream.
fn premortem_pdf(
    log: &std::path::Path,
) -> (usize, String, std::collections::BTreeMap<String, usize>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("premortem.pdf");
    promo()
        .log(log)
        .args(["premortem", "--format", "pdf", "-o"])
        .args([&out])
        .run()
        .ok();
    let tool = |name: &str, args: &[&std::ffi::OsStr]| {
        let run = Command::new(name)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{name} (poppler-utils) must be installed: {e}"));
        assert!(run.status.success(), "{name} failed: {run:?}");
        String::from_utf8(run.stdout).expect("utf-8")
    };
    let info = tool("pdfinfo", &[out.as_os_str()]);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    let text: String = tool("pdftotext", &[out.as_os_str(), "-".as_ref()])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let bytes = std::fs::read(&out).expect("the pdf");
    let doc = lopdf::Document::load_mem(&bytes).expect("lopdf reads it");
    let page = *doc.get_pages().values().next().expect("a page");
    let content = doc.get_page_content(page);
    let mut ops = std::collections::BTreeMap::new();
    for op in lopdf::content::Content::decode(&content)
        .expect("a content stream")
        .operations
    {
        *ops.entry(op.operator).or_insert(0) += 1;
    }
    (pages, text, ops)
}

fn count(ops: &std::collections::BTreeMap<String, usize>, op: &str) -> usize {
    ops.get(op).copied().unwrap_or(0)
}

#[test]
fn the_premortem_pdf_draws_the_timeline_with_projects_quarters_and_marks() {
    let (pages, text, ops) = premortem_pdf(&fixture("strong-pm.ron"));
    assert_eq!(pages, 1);
    for label in [
        "Evidenceoverthecycle",
        "Paylater",
        "Checkoutredesign",
        "Experimentstandards",
        "2026-Q1",
        "2026-Q3",
        "2027-Q1",
        "12moments",
        "ahead",
        "size=reach:",
        "Cross-team",
        "Evidencetimeline,2026-Q1to2027-Q1:44publicmomentsover6projects.",
    ] {
        assert!(text.contains(label), "no {label:?} in\n{text}");
    }
    // Above the objections, as in the HTML pre-mortem.
    let at = |s: &str| text.find(s).expect(s);
    assert!(at("Evidenceoverthecycle") < at("Objections"));
    // 44 marks and 7 in the key: each is a closed filled and stroked path, and the
    // circles are drawn as four curves each.
    assert_eq!(count(&ops, "b"), 44 + 7, "{ops:?}");
    assert!(count(&ops, "c") >= 4 * 7, "{ops:?}");
    assert!(count(&ops, "m") >= 51, "{ops:?}");
}

#[test]
fn an_empty_quarter_is_hatched_and_a_private_project_is_not_drawn() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("log.ron");
    std::fs::write(&log, PRIVATE_ONLY).expect("write log");
    let (pages, text, ops) = premortem_pdf(&log);
    assert_eq!(pages, 1);
    assert!(text.contains("Open<work>&more"), "{text}");
    assert!(text.contains("2026-Q3nomoment"), "{text}");
    assert!(text.contains("nopublicmomentin2026-Q3and2026-Q4"), "{text}");
    assert!(!text.contains("Secret"), "{text}");
    assert!(!text.contains("reorg"), "{text}");
    // Two marks and seven in the key; the hatching of two empty quarters is stroked.
    assert_eq!(count(&ops, "b"), 2 + 7, "{ops:?}");
    assert!(count(&ops, "S") >= 10, "{ops:?}");
}

#[test]
fn a_long_log_keeps_the_timeline_on_one_page_with_the_rest_counted() {
    let mut projects = String::new();
    let mut moments = String::new();
    for p in 0..14 {
        projects.push_str(&format!(
            "\"p{p}\": Project(name: \"Project number {p} with a long descriptive name\"),\n"
        ));
        for i in 0..20 {
            let tag = ["Decision", "Scope", "Leverage"][(p + i) % 3];
            let reach = ["Team", "CrossTeam", "Org", "Company"][(p * 3 + i) % 4];
            moments.push_str(&format!(
                "Moment(id: \"m{p}x{i}\", date: \"2026-{:02}-{:02}\", tag: {tag}, project: \"p{p}\", what: \"Chose plan {i} of {p} over the rest because it cut the risk\", reach: {reach}, commitments: [Commitment(owner: Me, what: \"Send the follow-up {i} on {p}\", due: \"2027-01-{:02}\", status: Open)]),\n",
                1 + (i * 7 + p) % 11,
                1 + (i + p) % 27,
                1 + i % 28,
            ));
        }
    }
    let text = format!(
        r#"Log(version: 1, owner: Person(name: "Ana", level: "L5"), manager: "Sam",
        target: Target(level: "L6", submission: "2027-03-01"), projects: {{ {projects} }}, moments: [ {moments} ])"#
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("log.ron");
    std::fs::write(&log, text).expect("write log");
    let (pages, text, ops) = premortem_pdf(&log);
    assert_eq!(pages, 1, "{text}");
    assert!(text.contains("Evidenceoverthecycle"), "{text}");
    assert!(text.contains("+6moreprojects"), "{text}");
    assert!(text.contains("Projectnumber"), "{text}");
    assert!(count(&ops, "b") > 7, "{ops:?}");
}

#[test]
fn a_log_without_public_moments_has_no_timeline_on_the_pdf() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("log.ron");
    std::fs::write(
        &log,
        r#"Log(version: 1, owner: Person(name: "Ana", level: "L5"), manager: "Sam",
        target: Target(level: "L6", submission: "2027-01-15"),
        projects: { "secret": Project(name: "Secret project") },
        moments: [
            Moment(id: "m1", date: "2026-06-01", tag: Decision, project: "secret", what: "PRIVATE-CANARY vent about the reorg", reach: Company, private: true),
        ])"#,
    )
    .expect("write log");
    let (pages, text, ops) = premortem_pdf(&log);
    assert_eq!(pages, 1);
    assert!(text.contains("Pre-mortem:Ana"), "{text}");
    assert!(!text.contains("Evidenceoverthecycle"), "{text}");
    assert!(!text.contains("2026-Q3"), "{text}");
    assert!(!text.contains("Secretproject"), "{text}");
    assert_eq!(count(&ops, "b"), 0, "no marks: {ops:?}");
}
