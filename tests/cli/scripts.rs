//! Every script a name is written in reaches the PDF: CJK from a fallback font, Hebrew
//! in right-to-left order, still one page, same bytes every run. Read back with poppler's
//! `pdftotext` and `pdfinfo`, as a person copying from the page would see it.

use std::path::Path;
use std::process::Command;

use crate::harness::{fixture, promo};

/// The engineer fixture with a Chinese owner, a Japanese project and a Hebrew peer.
fn mixed_log(dir: &Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(fixture("engineer-l6.ron")).expect("fixture");
    let text = text
        .replace("Rafael Costa", "张伟")
        .replace("Search cluster migration", "検索")
        // A peer the packet shows (a voucher of the top examples).
        .replace("Björn Lindqvist", "דוד כהן");
    let path = dir.join("log.ron");
    std::fs::write(&path, text).expect("write log");
    path
}

fn packet_pdf(log: &Path, extra: &[&str]) -> (Vec<u8>, String) {
    let run = promo()
        .log(log)
        .args(extra)
        .args(["packet", "--format", "pdf"])
        .run()
        .ok();
    (run.0.stdout.clone(), run.stderr())
}

/// Runs a poppler tool on `pdf` and returns its standard output.
fn poppler(tool: &str, pdf: &Path, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) must be installed: {e}"));
    assert!(out.status.success(), "{tool} failed: {out:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

fn pages(pdf: &Path) -> String {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().to_string())
        .unwrap_or_default()
}

#[test]
fn cjk_and_hebrew_names_come_out_as_real_text_on_one_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = mixed_log(dir.path());
    let (bytes, stderr) = packet_pdf(&log, &[]);
    assert!(
        !stderr.contains("no glyph"),
        "every character had a font: {stderr}"
    );
    let pdf = dir.path().join("packet.pdf");
    std::fs::write(&pdf, &bytes).expect("write pdf");
    assert_eq!(pages(&pdf), "1");
    // pdftotext marks right-to-left runs with U+202B … U+202C and gives them back in
    // logical order when they were drawn in visual order.
    let text: String = poppler("pdftotext", &pdf, &[])
        .chars()
        .filter(|c| !matches!(c, '\u{202B}' | '\u{202C}'))
        .collect();
    let owner = text.find("张伟").expect("owner name in CJK");
    let project = text.find("検索").expect("project name in CJK");
    assert!(
        owner < project,
        "title first, then the evidence map:\n{text}"
    );
    assert!(!text.contains('\u{FFFD}'), "no replacement marks:\n{text}");
    assert!(
        text.contains("דוד כהן"),
        "Hebrew name in logical order:\n{text}"
    );
    assert!(
        !text.contains("ןהכ"),
        "Hebrew must not come out reversed:\n{text}"
    );
    // Only the glyphs used are embedded.
    assert!(
        bytes.len() < 80_000,
        "subset fonts keep it small: {}",
        bytes.len()
    );
}

#[test]
fn mixed_script_pdf_is_byte_identical_across_runs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = mixed_log(dir.path());
    let (a, _) = packet_pdf(&log, &[]);
    let (b, _) = packet_pdf(&log, &[]);
    assert!(a == b, "two runs differ");
}

/// `--font FILE` is the font the PDF tries first: a CJK face given by hand is embedded;
/// a file that is no font is refused with its path, and nothing is written.
#[test]
fn the_font_option_chooses_the_font_and_refuses_a_non_font() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = mixed_log(dir.path());
    let cjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    assert!(
        Path::new(cjk).is_file(),
        "fonts-noto-cjk must be installed (.ci/run installs it)"
    );
    let out = dir.path().join("packet.pdf");
    promo()
        .log(&log)
        .args(["--font", cjk, "packet", "-o"])
        .args([&out])
        .run()
        .ok();
    let fonts = Command::new("pdffonts")
        .arg(&out)
        .output()
        .expect("pdffonts (poppler-utils) must be installed");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(
        fonts.contains("NotoSansCJK"),
        "the given font is embedded:\n{fonts}"
    );

    let bogus = dir.path().join("not-a-font.ttf");
    std::fs::write(&bogus, "plain text, not a font").expect("write");
    let refused = dir.path().join("refused.pdf");
    let run = promo()
        .log(&log)
        .args(["packet", "--font"])
        .args([&bogus])
        .args(["-o"])
        .args([&refused])
        .run();
    let stderr = run.stderr();
    assert_eq!(run.0.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("cannot use the font {}", bogus.display())),
        "{stderr}"
    );
    assert!(!refused.exists(), "nothing written");
}
