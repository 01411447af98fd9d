//! The HTML packet, printed by a real browser: headless Chromium prints
//! `promo packet --format html` to PDF, and the PDF must be one page with the
//! owner's name on it.
//!
//! Where Chromium is not installed the test says so and stops, unless
//! `PROMO_REQUIRE_CHROMIUM=1` (set by `.ci/run`, which installs Debian's
//! `chromium`): then a missing browser is a failure, so CI cannot skip it silently.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::harness::{fixture, promo};

/// Set to `1` where the browser test must run (CI).
const REQUIRE: &str = "PROMO_REQUIRE_CHROMIUM";

/// The first Chromium found: `$PROMO_CHROMIUM`, then the usual names on `PATH`.
pub(crate) fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("PROMO_CHROMIUM").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| {
            ["chromium", "chromium-browser", "google-chrome"].map(|name| dir.join(name))
        })
        .find(|candidate| candidate.is_file())
}

/// Prints `html` to a PDF with headless Chromium and returns the PDF's bytes.
fn print_to_pdf(browser: &Path, html: &Path, work: &Path) -> Vec<u8> {
    let out = work.join("packet.pdf");
    let profile = work.join("profile");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", out.display()))
        .arg(format!("file://{}", html.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start chromium");
    // A browser that hangs must fail the test, not the CI job's clock.
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait for chromium").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish printing within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let output = child.wait_with_output().expect("chromium output");
    std::fs::read(&out).unwrap_or_else(|_| {
        panic!(
            "chromium wrote no PDF ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

#[test]
fn the_html_packet_prints_to_one_page_with_the_owners_name() {
    let Some(browser) = chromium() else {
        if std::env::var_os(REQUIRE).is_some_and(|v| v == "1") {
            panic!("{REQUIRE}=1 but chromium is not installed: install Debian's `chromium`");
        }
        eprintln!(
            "SKIPPED: chromium not installed; the HTML packet was not printed in a real browser"
        );
        return;
    };
    let log = fixture("strong-pm.ron");
    let context = promo()
        .log(&log)
        .args(["packet", "--format", "json"])
        .run()
        .ok()
        .stdout();
    let context: serde_json::Value = serde_json::from_str(&context).expect("json context");
    let owner = context["owner"]["name"]
        .as_str()
        .expect("owner name")
        .to_string();
    // Chromium honours the template's `@page` size: letter is 612 pt wide, A4 595.
    for (paper, width) in [("letter", 612.0), ("a4", 595.0)] {
        let html = promo()
            .log(&log)
            .args(["packet", "--format", "html", "--paper", paper])
            .run()
            .ok()
            .stdout();
        assert!(html.contains(&owner), "the HTML itself names the owner");
        let work = tempfile::tempdir().expect("tempdir");
        let page = work.path().join("packet.html");
        std::fs::write(&page, &html).expect("write html");
        let pdf = print_to_pdf(&browser, &page, work.path());

        let document = lopdf::Document::load_mem(&pdf).expect("chromium wrote a readable PDF");
        let pages: Vec<u32> = document.get_pages().keys().copied().collect();
        assert_eq!(
            pages.len(),
            1,
            "on {paper}, the HTML packet prints to {} pages in Chromium; templates/packet.html must fit one",
            pages.len()
        );
        assert!(
            (page_width(&document) - width).abs() < 1.0,
            "{paper}: printed on the wrong paper"
        );
        let text = document.extract_text(&pages).expect("text of the page");
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert!(
            squash(&text).contains(&squash(&owner)),
            "the printed page does not show {owner:?}:\n{text}"
        );
        assert!(
            !text.contains("PRIVATE-CANARY"),
            "private text in the printed packet"
        );
    }
}

/// The width of the first page, in points, from its `MediaBox` (or its parent's).
fn page_width(document: &lopdf::Document) -> f32 {
    let (_, id) = document.get_pages().into_iter().next().expect("a page");
    let mut dict = document.get_dictionary(id).expect("page dictionary");
    loop {
        if let Ok(lopdf::Object::Array(rect)) = dict.get(b"MediaBox") {
            let number = |o: &lopdf::Object| {
                o.as_float()
                    .or_else(|_| o.as_i64().map(|i| i as f32))
                    .expect("number")
            };
            return number(&rect[2]) - number(&rect[0]);
        }
        let parent = dict
            .get(b"Parent")
            .and_then(lopdf::Object::as_reference)
            .expect("a MediaBox somewhere");
        dict = document.get_dictionary(parent).expect("parent dictionary");
    }
}
