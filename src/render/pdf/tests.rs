//! Tests of the whole engine: render pages (a realistic packet and absurd stress
//! cases), read the PDF back with lopdf, and check one page, margins, real text,
//! Unicode, missing glyphs, determinism, size and speed.

use std::collections::BTreeMap;
use std::time::Instant;

use lopdf::content::Content;
use lopdf::{Document, Object};

use super::font::{Face, FontSet, Measurer, fonts};
use super::layout::{Geometry, Kind, fit};
use super::*;

// ---------------------------------------------------------------------------
// Read-back helpers (lopdf)
// ---------------------------------------------------------------------------

/// One text-showing operation read back from the page's content stream.
#[derive(Clone, Debug)]
struct Shown {
    /// Font resource name.
    font: Vec<u8>,
    /// Font size.
    size: f32,
    /// Text matrix origin (PDF coordinates, bottom-up).
    x: f32,
    y: f32,
    /// Text decoded through the font's /ToUnicode map.
    text: String,
    /// Width from the embedded font's /W widths (what a viewer draws).
    pdf_width: f32,
}

/// Everything the tests need from a rendered PDF.
struct ReadBack {
    doc: Document,
    shown: Vec<Shown>,
    /// Font resource name → /BaseFont.
    base_fonts: BTreeMap<Vec<u8>, String>,
    /// Font resource names whose font has a /ToUnicode map.
    to_unicode: Vec<Vec<u8>>,
}

fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        other => panic!("not a number: {other:?}"),
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).expect("dereference").1
}

/// CID → width (in 1/1000 em) from a Type0 font's descendant /W array.
fn cid_widths(doc: &Document, font: &lopdf::Dictionary) -> BTreeMap<u16, f32> {
    let mut out = BTreeMap::new();
    let Ok(desc) = font.get(b"DescendantFonts") else {
        return out;
    };
    let desc = deref(doc, desc).as_array().expect("DescendantFonts array");
    let cid_font = deref(doc, &desc[0]).as_dict().expect("CIDFont dict");
    let w = deref(doc, cid_font.get(b"W").expect("/W"))
        .as_array()
        .expect("/W array");
    let mut i = 0;
    while i < w.len() {
        let first = num(&w[i]) as u16;
        match deref(doc, &w[i + 1]) {
            Object::Array(ws) => {
                for (k, v) in ws.iter().enumerate() {
                    out.insert(first + k as u16, num(v));
                }
                i += 2;
            }
            last => {
                let last = num(last) as u16;
                let v = num(&w[i + 2]);
                for c in first..=last {
                    out.insert(c, v);
                }
                i += 3;
            }
        }
    }
    out
}

/// Parses `bytes` and reads back every text-showing operation of page 1.
fn read_back(bytes: &[u8]) -> ReadBack {
    let doc = Document::load_mem(bytes).expect("lopdf parses the output");
    let pages = doc.get_pages();
    let page_id = *pages.get(&1).expect("a first page");
    let fonts = doc.get_page_fonts(page_id).expect("page fonts");
    let mut encodings = BTreeMap::new();
    let mut widths = BTreeMap::new();
    let mut base_fonts = BTreeMap::new();
    let mut to_unicode = Vec::new();
    for (name, dict) in &fonts {
        if dict.has(b"ToUnicode") {
            to_unicode.push(name.clone());
        }
        encodings.insert(
            name.clone(),
            dict.get_font_encoding(&doc).expect("encoding"),
        );
        widths.insert(name.clone(), cid_widths(&doc, dict));
        let base = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        base_fonts.insert(name.clone(), base);
    }
    let content = Content::decode(&doc.get_page_content(page_id)).expect("content decodes");
    let mut shown = Vec::new();
    let (mut font, mut size, mut x, mut y) = (Vec::new(), 0.0f32, 0.0f32, 0.0f32);
    for op in &content.operations {
        match op.operator.as_str() {
            "BT" => {
                x = 0.0;
                y = 0.0;
            }
            "Tf" => {
                font = op.operands[0].as_name().expect("font name").to_vec();
                size = num(&op.operands[1]);
            }
            "Tm" => {
                x = num(&op.operands[4]);
                y = num(&op.operands[5]);
            }
            "Td" | "TD" | "T*" | "'" | "\"" | "TJ" => {
                panic!(
                    "the engine positions every run with Tm + Tj, found {}",
                    op.operator
                )
            }
            "Tj" => {
                let bytes = op.operands[0].as_str().expect("string operand");
                let enc = encodings.get(&font).expect("known font");
                let text = Document::decode_text(enc, bytes).expect("decodable text");
                let w = widths.get(&font).expect("widths");
                let units: f32 = bytes
                    .chunks(2)
                    .map(|c| {
                        let cid = u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]);
                        *w.get(&cid).unwrap_or(&1000.0)
                    })
                    .sum();
                shown.push(Shown {
                    font: font.clone(),
                    size,
                    x,
                    y,
                    text,
                    pdf_width: units * size / 1000.0,
                });
            }
            _ => {}
        }
    }
    ReadBack {
        doc,
        shown,
        base_fonts,
        to_unicode,
    }
}

/// lopdf's own text extraction of page 1.
fn extract(bytes: &[u8]) -> String {
    let doc = Document::load_mem(bytes).expect("parse");
    assert_eq!(doc.get_pages().len(), 1, "exactly one page");
    doc.extract_text(&[1]).expect("lopdf extracts text")
}

/// Renders with the embedded faces only, so these tests do not depend on installed fonts.
fn render_ok(page: &Page, paper: Paper) -> (Vec<u8>, LayoutReport) {
    render_with(page, paper, &FontOptions::default()).expect("render succeeds")
}

/// The CJK collection CI installs (`fonts-noto-cjk`).
const NOTO_CJK: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

fn item(lead: &str, text: &str, detail: Option<&str>) -> ListItem {
    ListItem {
        lead: lead.to_string(),
        text: text.to_string(),
        detail: detail.map(str::to_string),
    }
}

fn heading(s: &str) -> Block {
    Block::Heading(s.to_string())
}

fn para(text: &str) -> Block {
    Block::Paragraph {
        text: text.to_string(),
        bold_lead: None,
    }
}

fn list(items: Vec<ListItem>, min_items: usize, more: Option<&str>) -> Block {
    Block::List {
        items,
        min_items,
        more: more.map(str::to_string),
    }
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// A realistic packet page.
fn sample_page() -> Page {
    let case = "Ana moved from owning one workflow to setting direction for the whole \
        onboarding surface. In H2 she reframed activation around time-to-first-value, \
        aligned design, data and three engineering teams on a single metric, and killed \
        two roadmap items that did not move it. Activation rose from 38% to 51% across \
        all self-serve plans, support tickets per new account fell by a third, and the \
        approach is now the template other product areas use for their planning. She \
        already operates at L6 scope: she writes the strategy, negotiates trade-offs with \
        peer managers, and grows the people around her — two PMs she mentored now lead \
        their own launches. The ask is to recognise the level she is already working at.";
    let rows = [
        [
            "Activation redesign",
            "Org (4 teams)",
            "Activation 38% → 51% on all self-serve plans; pattern reused by Billing and Growth",
        ],
        [
            "Onboarding metrics",
            "Org",
            "Single time-to-first-value metric adopted in every quarterly review",
        ],
        [
            "Legacy importer sunset",
            "Product area",
            "Retired 2 services, saved ~3 eng-months per quarter",
        ],
        [
            "Support deflection",
            "Cross-org",
            "Tickets per new account down 33%; support hiring plan revised",
        ],
        [
            "PM mentoring",
            "Team",
            "Two PMs promoted to own launches; onboarding guide used by 9 new hires",
        ],
        [
            "Pricing experiment",
            "Company",
            "Ran the first company-wide price test with finance and legal sign-off",
        ],
    ];
    let examples = [
        (
            "Decided to cut two roadmap items",
            "freed a quarter of capacity for the activation work, which drove the 13-point lift.",
        ),
        (
            "Decided to merge three onboarding flows",
            "one flow for all plans, 40% less code to maintain and one owner.",
        ),
        (
            "Decided to measure time-to-first-value",
            "gave design, data and engineering one number to argue about instead of five.",
        ),
        (
            "Decided to run the pricing test company-wide",
            "answered a two-year-old question in six weeks with finance on board.",
        ),
        (
            "Decided to hand the importer sunset to a junior PM",
            "she shipped it on time; it is now her promotion evidence too.",
        ),
    ];
    let mut blocks = vec![
        heading("The one-minute case"),
        Block::Paragraph {
            text: case.to_string(),
            bold_lead: Some("Operating one level up: ".to_string()),
        },
        heading("Evidence map"),
        Block::Table {
            headers: strings(&["Project", "Scope", "Org-level impact"]),
            widths: vec![0.25, 0.2, 0.55],
            rows: rows.iter().map(|r| strings(r)).collect(),
            min_rows: 3,
            more: Some("+{n} more in the full map".to_string()),
        },
        heading("Top examples"),
    ];
    blocks.push(list(
        examples
            .iter()
            .enumerate()
            .map(|(i, (lead, text))| {
                item(
                    lead,
                    text,
                    Some(&format!(
                        "m0{:02} · 2026-08-{:02} · Company · vouched by Sam Lee (manager)",
                        12 + i,
                        14 + i
                    )),
                )
            })
            .collect(),
        3,
        Some("+{n} more examples in the evidence map"),
    ));
    blocks.push(heading("Signals"));
    blocks.push(list(
        vec![
            item(
                "Scope",
                "sets direction for 4 teams; peers ask her to review their plans.",
                None,
            ),
            item(
                "Influence",
                "design and data leads cite her framing in their own reviews.",
                None,
            ),
            item(
                "Multiplier",
                "two mentees now lead launches on their own.",
                None,
            ),
        ],
        1,
        None,
    ));
    blocks.push(heading("Likely objections, and their answers"));
    blocks.push(list(
        vec![
            item(
                "“It was a team effort.”",
                "It was; she set the metric and made the trade-offs that made it work.",
                Some("m031 · 2026-09-02 · vouched by Priya N. (design lead)"),
            ),
            item(
                "“Only one big launch.”",
                "Six projects on the map, four at org level or above.",
                None,
            ),
            item(
                "“Not enough time at L5.”",
                "Eighteen months, with L6 scope for the last nine.",
                None,
            ),
            item(
                "“Impact may not last.”",
                "The activation gain has held for two quarters.",
                Some("m044 · 2026-10-30 · Data review"),
            ),
        ],
        2,
        None,
    ));
    Page {
        title: "Ana Ruiz".to_string(),
        subtitle:
            "Product Manager · L5 → L6 · H1 2027 · submission 2027-03-01 · generated 2026-11-21"
                .to_string(),
        blocks,
        footer: "3 private moments left out · generated by promo".to_string(),
    }
}

/// A page full of non-ASCII text the fonts can draw.
fn unicode_page() -> Page {
    let unicode = "Zoë Łukasz Søren café — “quoted” → done";
    Page {
        title: "Łucja Ørsted".to_string(),
        subtitle: "Product Manager · L5 → L6".to_string(),
        blocks: vec![
            heading("Café “résumé” — notes"),
            Block::Paragraph {
                text: unicode.to_string(),
                bold_lead: Some("Headline: ".to_string()),
            },
            Block::Table {
                headers: strings(&["Naïve", "Größe"]),
                widths: vec![0.5, 0.5],
                rows: vec![strings(&["ñandú → jalapeño", "Ærø — ø"])],
                min_rows: 1,
                more: None,
            },
            list(
                vec![item("Décidé", "“quoted” → shipped", Some("m001 · Zoë"))],
                1,
                None,
            ),
        ],
        footer: "généré — promo".to_string(),
    }
}

/// A page with characters neither face has.
fn missing_glyph_page() -> Page {
    Page {
        title: "Team 中文".to_string(),
        subtitle: String::new(),
        blocks: vec![para("Launch 🚀 went well, 中文 too")],
        footer: String::new(),
    }
}

fn lorem(chars: usize) -> String {
    let base = "Evidence of org-level impact across planning, delivery and people growth, \
        measured against the rubric and vouched by peers. ";
    base.chars().cycle().take(chars).collect()
}

/// All the absurd inputs requirement 1 lists, one page each.
fn stress_pages() -> Vec<(&'static str, Page)> {
    let long_word: String = "x".repeat(300);
    let base = |blocks: Vec<Block>| Page {
        title: "Stress".to_string(),
        subtitle: "absurd input".to_string(),
        blocks,
        footer: "footer".to_string(),
    };
    vec![
        (
            "2000-char paragraph and 300-char word",
            base(vec![
                heading("Long"),
                para(&lorem(2000)),
                para(&format!("before {long_word} after")),
            ]),
        ),
        (
            "2000-char cells",
            base(vec![Block::Table {
                headers: strings(&["A", "B"]),
                widths: vec![0.3, 0.7],
                rows: vec![vec![lorem(2000), format!("{long_word} {}", lorem(2000))]; 3],
                min_rows: 1,
                more: None,
            }]),
        ),
        (
            "60 table rows",
            base(vec![
                heading("Map"),
                Block::Table {
                    headers: strings(&["Project", "Scope", "Impact"]),
                    widths: vec![0.25, 0.2, 0.55],
                    rows: (1..=60)
                        .map(|i| strings(&[&format!("row {i:02}"), "Org", &lorem(140)]))
                        .collect(),
                    min_rows: 5,
                    more: Some("+{n} more in the full map".to_string()),
                },
            ]),
        ),
        (
            "1000 list items",
            base(vec![
                heading("Items"),
                list(
                    (1..=1000)
                        .map(|i| {
                            item(
                                &format!("Item {i}"),
                                &lorem(90),
                                Some("detail · 2026-01-01"),
                            )
                        })
                        .collect(),
                    3,
                    Some("+{n} more items"),
                ),
            ]),
        ),
        (
            "empty strings and blocks",
            Page {
                title: String::new(),
                subtitle: String::new(),
                blocks: vec![
                    heading(""),
                    para(""),
                    Block::Paragraph {
                        text: String::new(),
                        bold_lead: Some(String::new()),
                    },
                    Block::Table {
                        headers: vec![],
                        widths: vec![],
                        rows: vec![],
                        min_rows: 0,
                        more: None,
                    },
                    Block::Table {
                        headers: strings(&["", ""]),
                        widths: vec![f32::NAN, -1.0],
                        rows: vec![vec![], vec![String::new(); 2]],
                        min_rows: 0,
                        more: None,
                    },
                    list(vec![], 0, None),
                    list(vec![item("", "", None), item("", "", Some(""))], 0, None),
                ],
                footer: String::new(),
            },
        ),
        (
            "undroppable overflow",
            base(
                (0..120)
                    .flat_map(|i| [heading(&format!("Section {i}")), para(&lorem(400))])
                    .collect(),
            ),
        ),
        (
            "many narrow columns",
            base(vec![Block::Table {
                headers: (0..40).map(|i| format!("Col{i}")).collect(),
                widths: vec![],
                rows: vec![(0..40).map(|_| "WWWWWWWW".to_string()).collect(); 4],
                min_rows: 4,
                more: None,
            }]),
        ),
    ]
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[test]
fn short_page_renders_at_natural_size() {
    let page = Page {
        title: "Ana Ruiz".to_string(),
        subtitle: "Product Manager".to_string(),
        blocks: vec![heading("Case"), para("Short and sweet.")],
        footer: "footer".to_string(),
    };
    let (bytes, report) = render_ok(&page, Paper::Letter);
    assert_eq!(report.font_size, 10.0);
    let rb = read_back(&bytes);
    let sizes: Vec<f32> = rb.shown.iter().map(|s| s.size).collect();
    assert_eq!(sizes.first(), Some(&18.0), "title at 18 pt: {sizes:?}");
    assert!(sizes.contains(&10.0), "body at 10 pt: {sizes:?}");
}

#[test]
fn sample_fits_one_page_with_nothing_dropped() {
    for (paper, w, h) in [
        (Paper::Letter, 612.0, 792.0),
        (Paper::A4, 595.2756, 841.8898),
    ] {
        let (bytes, report) = render_ok(&sample_page(), paper);
        assert!(report.font_size >= 9.0, "{paper:?}: {report:?}");
        assert!(report.dropped.is_empty(), "{report:?}");
        assert_eq!(report.truncated_cells, 0);
        assert!(report.missing_glyphs.is_empty());
        assert_eq!(report.cut_at_block, None);
        let rb = read_back(&bytes);
        assert_eq!(rb.doc.get_pages().len(), 1);
        let page_id = rb.doc.get_pages()[&1];
        let page = rb.doc.get_dictionary(page_id).expect("page dict");
        let mb = page
            .get(b"MediaBox")
            .and_then(Object::as_array)
            .expect("MediaBox");
        assert!((num(&mb[2]) - w).abs() < 0.01 && (num(&mb[3]) - h).abs() < 0.01);
    }
}

#[test]
fn text_stays_inside_the_margins_and_measured_widths_fit() {
    let set = FontSet::embedded(fonts().expect("fonts"));
    let m = Measurer::new(&set);
    let f = fonts().expect("fonts");
    let mut pages = vec![("sample", sample_page())];
    pages.extend(stress_pages());
    for paper in [Paper::Letter, Paper::A4] {
        let geo = Geometry::new(paper);
        for (name, page) in &pages {
            let (bytes, _) = render_ok(page, paper);
            let rb = read_back(&bytes);
            for s in &rb.shown {
                let face = if rb.base_fonts[&s.font].contains("Bold") {
                    Face::Bold
                } else {
                    Face::Regular
                };
                let measured = m.width(face, &s.text, s.size);
                let ctx = format!("{paper:?} {name}: {s:?} measured {measured}");
                // Our measurer agrees with the widths the viewer will use...
                assert!(
                    (measured - s.pdf_width).abs() <= 0.01 * measured + 0.1,
                    "{ctx}"
                );
                // ...and the text fits horizontally by both.
                let eps = 0.05;
                assert!(s.x >= geo.left - eps, "{ctx}");
                assert!(s.x + measured <= geo.right + eps, "{ctx}");
                assert!(s.x + s.pdf_width <= geo.right + 0.2, "{ctx}");
                // Vertically, ascenders and descenders stay inside the box.
                let top = s.y + f.regular.ascent * s.size;
                let bottom = s.y - f.regular.descent * s.size;
                assert!(top <= geo.height - geo.top + eps, "{ctx}");
                assert!(bottom >= geo.height - geo.bottom - eps, "{ctx}");
            }
        }
    }
}

#[test]
fn text_is_real_and_unicode_round_trips() {
    let page = unicode_page();
    let (bytes, report) = render_ok(&page, Paper::A4);
    assert!(report.missing_glyphs.is_empty(), "{report:?}");
    let text = extract(&bytes);
    for expected in [
        "Łucja Ørsted",
        "Product Manager · L5 → L6",
        "Café “résumé” — notes",
        "Headline: Zoë Łukasz Søren café — “quoted” → done",
        "ñandú → jalapeño",
        "Ærø — ø",
        "Décidé — “quoted” → shipped",
        "m001 · Zoë",
        "généré — promo",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text:?}");
    }
    // The sample page is fully searchable too.
    let sample = extract(&render_ok(&sample_page(), Paper::Letter).0);
    assert!(sample.contains("Ana Ruiz"));
    assert!(sample.contains("Activation redesign") && !sample.contains("{n}"));
    assert!(sample.contains("3 private moments left out · generated by promo"));
}

#[test]
fn missing_glyphs_are_drawn_visibly_and_reported() {
    let page = missing_glyph_page();
    let (bytes, report) = render_ok(&page, Paper::Letter);
    assert_eq!(report.missing_glyphs, vec!['中', '文', '🚀']);
    let text = extract(&bytes);
    assert!(
        text.contains("Launch \u{FFFD} went well, \u{FFFD}\u{FFFD} too"),
        "{text:?}"
    );
    assert!(!text.contains('中'));
    // The replacement is a real glyph with a real width, not a silent blank.
    let rb = read_back(&bytes);
    let run = rb
        .shown
        .iter()
        .find(|s| s.text.contains('\u{FFFD}'))
        .expect("replacement drawn");
    assert!(run.pdf_width > 0.0);
}

#[test]
fn system_fonts_draw_what_dejavu_lacks() {
    let page = missing_glyph_page();
    let opts = FontOptions {
        file: None,
        system: true,
    };
    let (bytes, report) = render_with(&page, Paper::Letter, &opts).expect("render");
    assert!(
        !report.missing_glyphs.contains(&'中') && !report.missing_glyphs.contains(&'文'),
        "CJK came from a system font: {report:?}"
    );
    let text = extract(&bytes);
    assert!(text.contains("Team 中文"), "{text:?}");
    let rb = read_back(&bytes);
    assert!(
        rb.base_fonts.values().any(|f| f.contains("CJK")),
        "{:?}",
        rb.base_fonts
    );
    // Same bytes again: the fallback choice does not depend on listing order.
    let (again, _) = render_with(&page, Paper::Letter, &opts).expect("render");
    assert!(again == bytes, "fallback output differs between runs");
}

#[test]
fn a_font_file_is_tried_first_and_a_bad_one_is_an_error() {
    let page = missing_glyph_page();
    let opts = FontOptions {
        file: Some(NOTO_CJK.into()),
        system: false,
    };
    let (bytes, report) = render_with(&page, Paper::Letter, &opts).expect("render");
    assert_eq!(report.missing_glyphs, vec!['🚀']);
    assert!(extract(&bytes).contains("中文 too"));
    let bad = FontOptions {
        file: Some("/nonexistent/font.ttf".into()),
        system: false,
    };
    let err = render_with(&page, Paper::Letter, &bad).expect_err("missing font file");
    assert!(
        err.to_string()
            .starts_with("cannot use the font /nonexistent/font.ttf: "),
        "{err}"
    );
    let not_a_font = FontOptions {
        file: Some(std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")),
        system: false,
    };
    let err = render_with(&page, Paper::Letter, &not_a_font).expect_err("not a font");
    assert!(
        err.to_string()
            .ends_with("Cargo.toml: not a TrueType/OpenType font"),
        "{err}"
    );
}

/// Writes the sample's bytes where the parent test asks (only when run as a child).
#[test]
fn determinism_child() {
    if let Some(path) = std::env::var_os("PROMO_PDF_DETERMINISM_OUT") {
        let (bytes, _) = render_ok(&sample_page(), Paper::Letter);
        std::fs::write(path, bytes).expect("write child output");
    }
}

#[test]
fn output_is_byte_identical_across_runs_and_processes() {
    let (a, ra) = render_ok(&sample_page(), Paper::Letter);
    let (b, rb) = render_ok(&sample_page(), Paper::Letter);
    assert_eq!(ra, rb);
    assert!(a == b, "two renders in one process differ");
    let text = String::from_utf8_lossy(&a);
    assert!(!text.contains("/CreationDate") && !text.contains("/ModDate"));
    assert!(text.contains("/ID"), "a content-derived /ID is present");
    assert!(!text.contains("00000000000000000000000000000000"));

    // A fresh process (printpdf's id generator starts over there).
    let exe = std::env::current_exe().expect("test binary");
    let module = module_path!()
        .split_once("::")
        .map_or(module_path!(), |(_, rest)| rest);
    let out =
        std::env::temp_dir().join(format!("promo-pdf-determinism-{}.pdf", std::process::id()));
    let status = std::process::Command::new(exe)
        .args([
            &format!("{module}::determinism_child"),
            "--exact",
            "--test-threads=1",
        ])
        .env("PROMO_PDF_DETERMINISM_OUT", &out)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run child");
    assert!(status.success());
    let c = std::fs::read(&out).expect("child wrote the pdf");
    let _ = std::fs::remove_file(&out);
    assert!(a == c, "a render in another process differs");
}

#[test]
fn sample_is_small_fast_and_subset() {
    let page = sample_page();
    let cold = Instant::now();
    let _ = render_ok(&page, Paper::Letter); // warms the font cache (if no test did yet)
    eprintln!("first render in this process: {:?}", cold.elapsed());
    let runs = 20;
    let start = Instant::now();
    let mut size = 0;
    for _ in 0..runs {
        size = render_ok(&page, Paper::Letter).0.len();
    }
    let per = start.elapsed() / runs;
    eprintln!("sample page: {size} bytes, {per:?} per render");
    assert!(size < 100 * 1024, "{size} bytes");
    assert!(per.as_millis() < 500, "{per:?} per render");
    let rb = read_back(&render_ok(&page, Paper::Letter).0);
    assert_eq!(rb.base_fonts.len(), 2);
    assert_eq!(rb.to_unicode.len(), 2, "both subset fonts carry /ToUnicode");
    for base in rb.base_fonts.values() {
        let (tag, name) = base.split_once('+').expect("subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{base}"
        );
        assert!(name.starts_with("DejaVuSans"), "{base}");
    }
}

#[test]
fn every_stress_case_is_exactly_one_page() {
    for paper in [Paper::Letter, Paper::A4] {
        for (name, page) in stress_pages() {
            let (bytes, report) = render_ok(&page, paper);
            let doc = Document::load_mem(&bytes).expect("parse");
            assert_eq!(doc.get_pages().len(), 1, "{name}");
            assert!(
                report.font_size >= 7.0 && report.font_size <= 10.0,
                "{name}"
            );
        }
    }
}

#[test]
fn long_paragraph_and_unbroken_word_are_wrapped_not_lost() {
    let word = "x".repeat(300);
    let page = Page {
        title: "T".to_string(),
        blocks: vec![para(&lorem(2000)), para(&format!("before {word} after"))],
        ..Page::default()
    };
    let (bytes, report) = render_ok(&page, Paper::Letter);
    assert_eq!(report.truncated_cells, 0, "{report:?}");
    let text: String = extract(&bytes)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(text.contains(&format!("before{word}after")));
    // The word was broken over several lines, each inside the margins (checked above).
    let rb = read_back(&bytes);
    assert!(
        rb.shown
            .iter()
            .filter(|s| s.text.starts_with("xxxx"))
            .count()
            >= 2
    );
}

#[test]
fn sixty_rows_are_dropped_from_the_end_with_a_more_line() {
    let (_, page) = stress_pages()
        .into_iter()
        .find(|(n, _)| *n == "60 table rows")
        .expect("case");
    let (bytes, report) = render_ok(&page, Paper::Letter);
    assert_eq!(report.font_size, 7.0, "shrinks fully before dropping");
    assert_eq!(report.dropped.len(), 1);
    let (block, n) = report.dropped[0];
    assert_eq!(block, 1);
    assert!(n > 0 && n <= 55, "{n}");
    let text = extract(&bytes);
    assert!(
        text.contains(&format!("+{n} more in the full map")),
        "{text}"
    );
    let kept = 60 - n;
    assert!(text.contains(&format!("row {kept:02}")));
    assert!(!text.contains(&format!("row {:02}", kept + 1)));
}

#[test]
fn a_thousand_items_are_dropped_with_a_more_line() {
    let (_, page) = stress_pages()
        .into_iter()
        .find(|(n, _)| *n == "1000 list items")
        .expect("case");
    let start = Instant::now();
    let (bytes, report) = render_ok(&page, Paper::A4);
    eprintln!("1000 items: {:?}", start.elapsed());
    let (block, n) = report.dropped[0];
    assert_eq!(block, 1);
    let text = extract(&bytes);
    assert!(text.contains(&format!("+{n} more items")));
    assert!(text.contains(&format!("Item {}", 1000 - n)));
    assert!(!text.contains(&format!("Item {} ", 1001 - n)));
}

#[test]
fn a_missing_more_template_still_says_how_many_were_dropped() {
    let (_, page) = stress_pages()
        .into_iter()
        .find(|(n, _)| *n == "2000-char cells")
        .expect("case");
    let (bytes, report) = render_ok(&page, Paper::Letter);
    let (_, n) = report.dropped[0];
    assert!(
        extract(&bytes).contains(&format!("+{n} more")),
        "{report:?}"
    );
}

#[test]
fn empty_input_renders_an_empty_page() {
    let (bytes, report) = render_ok(&Page::default(), Paper::Letter);
    assert_eq!(
        Document::load_mem(&bytes).expect("parse").get_pages().len(),
        1
    );
    assert_eq!(report.cut_at_block, None);
    let (_, page) = stress_pages()
        .into_iter()
        .find(|(n, _)| *n == "empty strings and blocks")
        .expect("case");
    let (bytes, report) = render_ok(&page, Paper::Letter);
    assert!(report.dropped.is_empty() && report.truncated_cells == 0);
    assert_eq!(
        Document::load_mem(&bytes).expect("parse").get_pages().len(),
        1
    );
}

#[test]
fn clamps_cells_with_an_ellipsis_when_dropping_is_not_enough() {
    let page = Page {
        title: "Clamp".to_string(),
        blocks: vec![Block::Table {
            headers: strings(&["A", "B"]),
            widths: vec![0.4, 0.6],
            rows: (0..25)
                .map(|i| vec![format!("r{i} {}", lorem(2000)), lorem(2000)])
                .collect(),
            min_rows: 25,
            more: None,
        }],
        ..Page::default()
    };
    let (bytes, report) = render_ok(&page, Paper::Letter);
    assert!(
        report.dropped.is_empty(),
        "min_rows is respected: {report:?}"
    );
    assert!(report.truncated_cells >= 25, "{report:?}");
    assert_eq!(report.cut_at_block, None);
    let text = extract(&bytes);
    assert!(text.contains('…'));
    assert!(text.contains("r24 "), "all rows kept");
}

#[test]
fn shrinks_type_before_dropping_anything() {
    let mut page = sample_page();
    page.blocks.push(heading("More context"));
    page.blocks.push(para(&lorem(1800)));
    let (_, report) = render_ok(&page, Paper::Letter);
    assert!(
        report.font_size < 10.0 && report.font_size >= 7.0,
        "{report:?}"
    );
    assert!(report.dropped.is_empty(), "{report:?}");
}

#[test]
fn drops_from_the_largest_block_first() {
    let set = FontSet::embedded(fonts().expect("fonts"));
    let m = Measurer::new(&set);
    let geo = Geometry::new(Paper::Letter);
    let items = |n: usize, tag: &str| {
        (0..n)
            .map(|i| item(&format!("{tag}{i}"), &lorem(200), Some("detail")))
            .collect::<Vec<_>>()
    };
    let page = Page {
        title: "Drops".to_string(),
        blocks: vec![list(items(12, "a"), 2, None), list(items(40, "b"), 2, None)],
        ..Page::default()
    };
    let laid = fit(&page, &geo, &m);
    let dropped: BTreeMap<usize, usize> = laid.report.dropped.iter().copied().collect();
    let shown_a = 12 - dropped.get(&0).copied().unwrap_or(0);
    let shown_b = 40 - dropped.get(&1).copied().unwrap_or(0);
    assert!(
        dropped.contains_key(&1),
        "the big block loses items: {dropped:?}"
    );
    if dropped.contains_key(&0) {
        // The small block is only touched once the big one has come down to its size.
        assert!(shown_b <= shown_a, "a={shown_a} b={shown_b}");
    }
    assert!(shown_a >= 2 && shown_b >= 2);
}

#[test]
fn headings_are_never_orphaned() {
    let set = FontSet::embedded(fonts().expect("fonts"));
    let m = Measurer::new(&set);
    // Empty sections: the heading is not drawn at all.
    let page = Page {
        title: "Orphans".to_string(),
        blocks: vec![
            heading("Empty section"),
            list(vec![], 0, None),
            heading("Real section"),
            para("content"),
            heading("Trailing heading"),
        ],
        ..Page::default()
    };
    let text = extract(&render_ok(&page, Paper::Letter).0);
    assert!(!text.contains("Empty section") && !text.contains("Trailing heading"));
    assert!(text.contains("Real section") && text.contains("content"));

    // Overflowing undroppable content: every placed heading has content right after it.
    let (_, page) = stress_pages()
        .into_iter()
        .find(|(n, _)| *n == "undroppable overflow")
        .expect("case");
    for paper in [Paper::Letter, Paper::A4] {
        let laid = fit(&page, &Geometry::new(paper), &m);
        assert!(
            laid.report.cut_at_block.is_some(),
            "this input cannot fit whole"
        );
        assert!(laid.report.truncated_cells > 0);
        let kinds: Vec<Kind> = laid.placed.iter().map(|p| p.0).collect();
        assert_eq!(kinds.last(), Some(&Kind::Content));
        for w in kinds.windows(2) {
            if w[0] == Kind::Heading {
                assert_eq!(w[1], Kind::Content, "{kinds:?}");
            }
        }
    }
}

#[test]
fn table_columns_are_aligned_to_the_given_widths() {
    let geo = Geometry::new(Paper::Letter);
    let (bytes, report) = render_ok(&sample_page(), Paper::Letter);
    let table_size = (report.font_size * 0.9 * 100.0).round() / 100.0;
    let rb = read_back(&bytes);
    let mut xs: Vec<f32> = rb
        .shown
        .iter()
        .filter(|s| (s.size - table_size).abs() < 1e-3)
        .map(|s| (s.x * 10.0).round() / 10.0)
        .collect();
    xs.sort_by(f32::total_cmp);
    xs.dedup();
    assert_eq!(xs.len(), 3, "three column edges: {xs:?}");
    let w = geo.right - geo.left;
    assert!((xs[1] - xs[0] - 0.25 * w).abs() < 0.5, "{xs:?}");
    assert!((xs[2] - xs[1] - 0.2 * w).abs() < 0.5, "{xs:?}");
    // Header band and row hairlines are filled rectangles.
    let doc = &rb.doc;
    let content = Content::decode(&doc.get_page_content(doc.get_pages()[&1])).expect("content");
    let rects = content
        .operations
        .iter()
        .filter(|o| o.operator == "re")
        .count();
    assert!(
        rects >= 1 + 1 + 6,
        "title rule, header band, six row lines: {rects}"
    );
    assert!(content.operations.iter().any(|o| o.operator == "f"));
}

/// Writes sample PDFs for a visual check when `PROMO_PDF_SAMPLE_DIR` is set.
#[test]
fn write_samples_for_visual_check() {
    let Some(dir) = std::env::var_os("PROMO_PDF_SAMPLE_DIR") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let mut pages = vec![
        ("sample".to_string(), sample_page()),
        ("unicode".to_string(), unicode_page()),
        ("missing".to_string(), missing_glyph_page()),
    ];
    pages.extend(
        stress_pages()
            .into_iter()
            .map(|(n, p)| (n.replace(' ', "_"), p)),
    );
    for (name, page) in pages {
        for (paper, tag) in [(Paper::Letter, "letter"), (Paper::A4, "a4")] {
            let (bytes, report) = render_ok(&page, paper);
            eprintln!("{name} {tag}: {} bytes {report:?}", bytes.len());
            std::fs::write(dir.join(format!("{name}-{tag}.pdf")), bytes).expect("write");
        }
    }
}

// ---------------------------------------------------------------------------
// The evidence timeline block
// ---------------------------------------------------------------------------

fn timeline(projects: usize) -> crate::report::timeline::Timeline {
    let mut names = String::new();
    let mut moments = String::new();
    for p in 0..projects {
        names.push_str(&format!(
            "\"p{p}\": Project(name: \"Project {p} with a name far too long for the label\"),\n"
        ));
        for (i, month) in [1, 2, 5, 10].into_iter().enumerate() {
            let tag = ["Decision", "Scope", "Leverage"][(p + i) % 3];
            let reach = ["Team", "CrossTeam", "Org", "Company"][(p + i) % 4];
            moments.push_str(&format!(
                "Moment(id: \"m{p}x{i}\", date: \"2026-{month:02}-1{i}\", tag: {tag}, project: \"p{p}\", what: \"Chose plan {i} over the rest\", reach: {reach}),\n"
            ));
        }
    }
    let text = format!(
        r#"Log(version: 1, owner: Person(name: "Ana", level: "L5"), manager: "Sam",
        target: Target(level: "L6", submission: "2027-01-15", cycle_start: "2026-01-10"),
        projects: {{ {names} }}, moments: [ {moments} ])"#
    );
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).expect("a date");
    let log = crate::log::load::load_bytes("t.ron".into(), text.into_bytes(), today)
        .expect("a valid log")
        .0;
    let evidence = crate::evidence::Evidence::rank(&log, today);
    crate::report::timeline::Timeline::of(&log, &evidence, today)
}

fn timeline_page(projects: usize, items: usize) -> Page {
    Page {
        title: "Timeline".into(),
        subtitle: "test".into(),
        blocks: vec![
            heading("Evidence over the cycle"),
            Block::Timeline(Box::new(timeline(projects))),
            heading("Items"),
            list(
                (0..items)
                    .map(|i| item(&format!("Item {i}"), &lorem(120), None))
                    .collect(),
                1,
                Some("+{n} more items"),
            ),
        ],
        footer: "footer".into(),
    }
}

#[test]
fn the_timeline_keeps_its_height_and_the_list_below_loses_items() {
    let set = FontSet::embedded(fonts().expect("fonts"));
    let m = Measurer::new(&set);
    for paper in [Paper::Letter, Paper::A4] {
        let geo = Geometry::new(paper);
        let height = |page: &Page| {
            let laid = fit(page, &geo, &m);
            let h = laid
                .placed
                .iter()
                .find(|p| p.1 == 1)
                .map(|p| p.3)
                .expect("the timeline is placed");
            (laid, h)
        };
        let (_, short) = height(&timeline_page(6, 1));
        let (laid, full) = height(&timeline_page(6, 400));
        assert!(
            laid.report.dropped.iter().any(|d| d.0 == 3),
            "{:?}",
            laid.report
        );
        assert_eq!(laid.report.cut_at_block, None);
        // Same rows, smaller type: the block scales with the type, nothing else.
        let ratio = laid.report.font_size / 10.0;
        assert!(
            (full - short * ratio).abs() < short * 0.08,
            "{short} {full}"
        );
        // 6 rows × 4 marks + 7 in the key, all inside the margin box.
        let marks: Vec<&layout::Cmd> = laid
            .cmds
            .iter()
            .filter(|c| matches!(c, layout::Cmd::Mark { .. }))
            .collect();
        assert_eq!(marks.len(), 6 * 4 + 7);
        for c in marks {
            if let layout::Cmd::Mark { cx, cy, r, .. } = c {
                assert!(cx - r >= geo.left && cx + r <= geo.right, "{c:?}");
                assert!(cy - r >= geo.top && cy + r <= geo.bottom, "{c:?}");
            }
        }
        // Long project names are cut with an ellipsis and stay left of the plot.
        let labels: Vec<(f32, f32, &str)> = laid
            .cmds
            .iter()
            .filter_map(|c| match c {
                layout::Cmd::Text { x, width, text, .. } if text.starts_with("Project ") => {
                    Some((*x, *width, text.as_str()))
                }
                _ => None,
            })
            .collect();
        assert_eq!(labels.len(), 6, "{labels:?}");
        let plot = geo.left + (geo.right - geo.left) * 0.25;
        for (x, w, text) in labels {
            assert!(x >= geo.left && x + w <= plot, "{text} at {x}+{w}");
            assert!(text.ends_with('…'), "{text}");
        }
    }
}

#[test]
fn more_projects_than_rows_are_counted_under_the_timeline() {
    let (bytes, report) = render_ok(&timeline_page(11, 3), Paper::Letter);
    assert_eq!(report.cut_at_block, None);
    let text = extract(&bytes);
    assert!(text.contains("+3 more projects"), "{text}");
    assert!(text.contains("2026-Q3"), "{text}");
    assert!(text.contains("no moment"), "{text}");
    assert!(text.contains("over 11 projects"), "{text}");
}
