//! Stage benchmarks: each step from a log's text to a rendered report, on synthetic
//! logs of 1,000 and 10,000 moments (`PROMO_BENCH_SIZES=1000,10000,100000` adds more).
//!
//! ```sh
//! cargo bench --bench stages                 # every stage
//! cargo bench --bench stages -- rank         # only the stages whose name matches
//! ```
//!
//! These find where the time goes inside one process; `benches/run.sh` times the
//! whole `promo` command against the targets in `docs/performance.md`.

#[path = "../examples/support/synth.rs"]
mod synth;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{LazyLock, Mutex};

use chrono::NaiveDate;
use divan::{Bencher, black_box};
use promo::evidence::Evidence;
use promo::ladder::Ladder;
use promo::log::load;
use promo::log::raw::RawLog;
use promo::log::{Log, validate};
use promo::objections::Objection;
use promo::render::templates::Templates;
use promo::render::{self, Format, pdf::Paper};
use promo::report::packet::Packet;
use promo::report::premortem::Premortem;
use promo::source::Source;

// The allocator the `promo` binary uses, so stage figures match the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// The sizes benchmarked: 1k and 10k by default, so `cargo bench` stays quick.
fn sizes() -> Vec<usize> {
    std::env::var("PROMO_BENCH_SIZES")
        .ok()
        .map(|list| {
            list.split(',')
                .filter_map(|n| n.trim().parse().ok())
                .collect()
        })
        .filter(|list: &Vec<usize>| !list.is_empty())
        .unwrap_or_else(|| vec![1_000, 10_000])
}

/// The day the synthetic logs are read on: after their last moment.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default()
}

/// The log text of each size, generated once (seed 7, as `benches/run.sh` uses).
fn text(moments: usize) -> &'static str {
    static TEXTS: LazyLock<Mutex<HashMap<usize, &'static str>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    let mut texts = TEXTS.lock().unwrap_or_else(|poison| poison.into_inner());
    texts
        .entry(moments)
        .or_insert_with(|| Box::leak(synth::generate(moments, 7).into_boxed_str()))
}

/// The validated log of each size, loaded once.
fn log(moments: usize) -> &'static Log {
    static LOGS: LazyLock<Mutex<HashMap<usize, &'static Log>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    let mut logs = LOGS.lock().unwrap_or_else(|poison| poison.into_inner());
    logs.entry(moments).or_insert_with(|| {
        let source = Source::new("bench.ron", text(moments).to_string());
        let checked = load::check_source(source, today());
        Box::leak(Box::new(checked.log.expect("the synthetic log is valid")))
    })
}

fn ladder() -> &'static Ladder {
    static LADDER: LazyLock<Ladder> =
        LazyLock::new(|| Ladder::load(None).expect("the built-in ladder loads"));
    &LADDER
}

fn templates() -> &'static Templates {
    static TEMPLATES: LazyLock<Templates> =
        LazyLock::new(|| Templates::load(None).expect("the built-in templates load"));
    &TEMPLATES
}

fn parse(text: &str) -> RawLog {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
        .from_str(text)
        .expect("the synthetic log parses")
}

/// The analysis every report starts from.
fn analysed(moments: usize) -> (&'static Log, Evidence<'static>, Vec<Objection>) {
    let log = log(moments);
    let evidence = Evidence::rank(log, today());
    let objections =
        promo::objections::find(log, &evidence, ladder(), today()).expect("L6 is on the ladder");
    (log, evidence, objections)
}

fn packet(moments: usize) -> Packet {
    let (log, evidence, objections) = analysed(moments);
    let headline = promo::restate::headline(log, &evidence, ladder(), &objections);
    let mut packet = Packet::build(log, &evidence, &objections, headline, today());
    packet.fit_print(false);
    packet
}

/// serde + ron alone: the floor everything else is measured against.
#[divan::bench(args = sizes())]
fn parse_ron(bencher: Bencher, moments: usize) {
    let text = text(moments);
    bencher.bench(|| parse(black_box(text)));
}

#[divan::bench(args = sizes())]
fn validate(bencher: Bencher, moments: usize) {
    let text = text(moments);
    bencher
        .with_inputs(|| parse(text))
        .bench_values(|raw| validate::validate(raw, today()));
}

/// Parse and validate, every warning located (what `promo check` does).
#[divan::bench(args = sizes())]
fn check(bencher: Bencher, moments: usize) {
    let text = text(moments);
    bencher
        .with_inputs(|| Source::new("bench.ron", text.to_string()))
        .bench_values(|source| load::check_source(source, today()));
}

/// Parse and validate for a report: warnings are not located.
#[divan::bench(args = sizes())]
fn load(bencher: Bencher, moments: usize) {
    let text = text(moments);
    bencher
        .with_inputs(|| text.as_bytes().to_vec())
        .bench_values(|bytes| load::load_bytes(PathBuf::from("bench.ron"), bytes, today()));
}

#[divan::bench(args = sizes())]
fn rank(bencher: Bencher, moments: usize) {
    let log = log(moments);
    bencher.bench(|| Evidence::rank(log, today()));
}

/// The parts of ranking, to see which one grows.
#[divan::bench(args = sizes())]
fn rank_score(bencher: Bencher, moments: usize) {
    let log = log(moments);
    bencher.bench(|| {
        log.moments
            .iter()
            .map(|m| promo::evidence::score::score(m, today()).score)
            .sum::<i64>()
    });
}

#[divan::bench(args = sizes())]
fn rank_projects(bencher: Bencher, moments: usize) {
    let log = log(moments);
    let evidence = Evidence::rank(log, today());
    bencher.bench(|| promo::evidence::project::projects(log, &evidence.moments));
}

#[divan::bench(args = sizes())]
fn rank_top_examples(bencher: Bencher, moments: usize) {
    let log = log(moments);
    let evidence = Evidence::rank(log, today());
    let projects = evidence.projects.len();
    bencher.bench(|| promo::evidence::top::top_examples(&evidence.moments, projects));
}

#[divan::bench(args = sizes())]
fn rank_coverage(bencher: Bencher, moments: usize) {
    let log = log(moments);
    let evidence = Evidence::rank(log, today());
    let window = promo::evidence::coverage::window(&log.target);
    bencher.bench(|| promo::evidence::coverage::coverage(&evidence.moments, window, today()));
}

#[divan::bench(args = sizes())]
fn rank_identity(bencher: Bencher, moments: usize) {
    let log = log(moments);
    bencher.bench(|| promo::log::identity::repeats(&log.moments));
}

#[divan::bench(args = sizes())]
fn objections(bencher: Bencher, moments: usize) {
    let log = log(moments);
    let evidence = Evidence::rank(log, today());
    bencher.bench(|| promo::objections::find(log, &evidence, ladder(), today()));
}

#[divan::bench(args = sizes())]
fn restate(bencher: Bencher, moments: usize) {
    let log = log(moments);
    let evidence = Evidence::rank(log, today());
    bencher.bench(|| promo::restate::restate(log, &evidence, ladder(), today(), 150));
}

#[divan::bench(args = sizes())]
fn premortem(bencher: Bencher, moments: usize) {
    let (log, evidence, objections) = analysed(moments);
    bencher.bench(|| Premortem::build(log, &evidence, &objections, log.target.submission, today()));
}

#[divan::bench(args = sizes())]
fn packet_build(bencher: Bencher, moments: usize) {
    let (log, evidence, objections) = analysed(moments);
    let headline = promo::restate::headline(log, &evidence, ladder(), &objections);
    bencher.bench(|| {
        let mut packet = Packet::build(log, &evidence, &objections, headline.clone(), today());
        packet.fit_print(false);
        packet
    });
}

/// Each renderer, on the packet of the biggest log (a packet is one page at any size).
#[divan::bench(args = [Format::Markdown, Format::Html, Format::Pdf, Format::Json])]
fn render_packet(bencher: Bencher, format: Format) {
    let moments = sizes().into_iter().max().unwrap_or(1_000);
    let packet = packet(moments);
    let renderer = render::renderer(format, templates(), Paper::Letter);
    // A renderer is not `Sync`, so this one runs on the main thread only.
    bencher.bench_local(|| renderer.render(&packet).expect("the packet renders"));
}

/// Loading the built-in templates: every templated report pays it once per run.
#[divan::bench]
fn load_templates() -> Templates {
    Templates::load(None).expect("the built-in templates load")
}

/// A log with one moment witnessed by `witnesses` people and, in a second moment,
/// `quotes` quotes by them: the shape that made `vouchers` quadratic (issue 16).
fn crowded_log(witnesses: usize, quotes: usize) -> Log {
    let names: Vec<String> = (0..witnesses).map(|i| format!("\"Person {i}\"")).collect();
    let quoted: Vec<String> = (0..quotes)
        .map(|i| {
            format!(
                "Quote(by: \"Person {}\", role: Peer, text: \"Said {i}.\")",
                i % witnesses.max(1)
            )
        })
        .collect();
    let text = format!(
        "Log(version: 1, owner: Person(name: \"Ada Moss\", level: \"L5\"), manager: \"Sam Lee\", \
         target: Target(level: \"L6\", submission: \"2027-03-01\"), projects: {{ \"p\": Project(name: \"P\") }}, \
         moments: [Moment(id: \"m001\", date: \"2026-10-01\", tag: Decision, project: \"p\", what: \"Chose A\", \
         reach: Org, impact: \"Saved 2 weeks\", witnesses: [{}]), \
         Moment(id: \"m002\", date: \"2026-10-02\", tag: Decision, project: \"p\", what: \"Chose B\", \
         reach: Org, impact: \"Saved 3 weeks\", quotes: [{}])])",
        names.join(", "),
        quoted.join(", ")
    );
    load::load_bytes(PathBuf::from("crowded.ron"), text.into_bytes(), today())
        .expect("the crowded log is valid")
        .0
}

/// Who vouches for one moment with 16k, 32k and 100k witnesses, and 30k quotes in
/// the log: linear now (a hash of names), so 100k costs about 6× 16k, not 40×.
#[divan::bench(args = [16_000, 32_000, 100_000])]
fn vouchers_many_witnesses(bencher: Bencher, witnesses: usize) {
    let log = crowded_log(witnesses, 30_000);
    bencher.bench(|| promo::evidence::vouch::vouchers(black_box(&log.moments[0]), &log));
}

/// The text map of a log whose project name is one 1.6 MB word (issue 16 item 5): the
/// one textwrap wrapper keeps a word wider than the line whole, so the map stays linear
/// (the old hand-written wrapper cut it line by line, about 50 s).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn map_text_long_project_name(bencher: Bencher) {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/weak-startup-pm.ron");
    let text = std::fs::read_to_string(fixture).expect("the fixture reads");
    let long = "x".repeat(1_600_000);
    let text = text.replacen("Onboarding v2", &long, 1);
    let log = load::load_bytes(PathBuf::from("long.ron"), text.into_bytes(), today())
        .expect("the long-name log is valid")
        .0;
    let case = promo::report::case::Case::from_log(PathBuf::from("long.ron"), log, today());
    let renderer = render::renderer(Format::Text, templates(), Paper::Letter);
    bencher.bench_local(|| {
        let report = promo::report::map::MapReport::build(&case, 100, false);
        renderer.render(&report).expect("the map renders")
    });
}

/// A log whose first moment is witnessed and quoted by `quotes` different people, one
/// quote each, then six ordinary moments (so `restate` has a case to tell): the shape
/// that made scoring, the map, `restate` and the packet quadratic (issue 16).
fn quoted_log(quotes: usize) -> Log {
    let witnesses: Vec<String> = (0..quotes).map(|i| format!("\"Person {i}\"")).collect();
    let quoted: Vec<String> = (0..quotes)
        .map(|i| {
            format!("Quote(by: \"Person {i}\", role: Peer, text: \"Said {i} about the org.\")")
        })
        .collect();
    let ordinary: String = (1..=6)
        .map(|k| {
            format!(
                ", Moment(id: \"m10{k}\", date: \"2026-0{k}-03\", tag: Leverage, project: \"p\", \
                 what: \"Led review {k}\", reach: CrossTeam, impact: \"Cut {k} days\", \
                 witnesses: [\"Kim Park\"], quotes: [Quote(by: \"Sam Lee\", role: Manager, \
                 text: \"Raised the bar for the org.\")])"
            )
        })
        .collect();
    let text = format!(
        "Log(version: 1, owner: Person(name: \"Ada Moss\", level: \"L5\"), manager: \"Sam Lee\", \
         target: Target(level: \"L6\", submission: \"2027-03-01\"), projects: {{ \"p\": Project(name: \"P\") }}, \
         moments: [Moment(id: \"m001\", date: \"2026-10-01\", tag: Decision, project: \"p\", what: \"Chose A\", \
         reach: Org, impact: \"Saved 2 weeks\", witnesses: [{}], quotes: [{}]){ordinary}])",
        witnesses.join(", "),
        quoted.join(", ")
    );
    load::load_bytes(PathBuf::from("quoted.ron"), text.into_bytes(), today())
        .expect("the quoted log is valid")
        .0
}

/// What `map --explain`, `restate` and `packet` do after loading, on one moment with
/// 10k and 30k quotes by as many people: linear, so 30k costs about 3× 10k (it cost
/// 17–20 s per command before, issue 16).
#[divan::bench(args = [10_000, 30_000], sample_count = 10)]
fn one_moment_many_quotes(bencher: Bencher, quotes: usize) {
    let log = quoted_log(quotes);
    bencher.bench(|| {
        let evidence = Evidence::rank(black_box(&log), today());
        let map = promo::evidence::map::EvidenceMap::new(&log, &evidence, today(), true);
        let restated = promo::restate::restate(&log, &evidence, ladder(), today(), 150);
        let objections = promo::objections::find(&log, &evidence, ladder(), today())
            .expect("L6 is on the ladder");
        let headline = promo::restate::headline(&log, &evidence, ladder(), &objections);
        let packet = Packet::build(&log, &evidence, &objections, headline, today());
        (map, restated, packet)
    });
}
