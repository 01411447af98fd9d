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
