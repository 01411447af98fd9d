//! The split parse agrees with the whole-text parse: on every fixture, on synthetic logs,
//! and on fixtures damaged at random; and it gives up on every text the whole parse
//! rejects, so every diagnostic still comes from the one parse.

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::{split, whole};
use crate::log::raw::RawLog;

/// Everything the raw log holds, written out; the moments one by one, since the
/// pieces' chunks are laid out differently.
fn shown(raw: &RawLog) -> String {
    let moments: Vec<_> = raw.moments.iter().collect();
    format!(
        "{} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {}",
        raw.version,
        raw.owner,
        raw.manager,
        raw.target,
        raw.cadence,
        raw.projects,
        moments,
        raw.meetings,
        raw.moments.len(),
        moments.len(),
    )
}

/// What the split parse says of `text`, checked against the whole parse: `true` when it
/// took the split path. Panics when they disagree.
fn agrees(text: &str, pieces: usize) -> bool {
    match (split(text, pieces), whole(text)) {
        (Some(fast), Ok(plain)) => {
            assert_eq!(shown(&fast), shown(&plain), "pieces {pieces}:\n{text}");
            true
        }
        (Some(_), Err(error)) => panic!("split parsed what ron rejects ({error}):\n{text}"),
        (None, _) => false,
    }
}

fn fixtures(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            fixtures(&path, found);
        } else if path.extension().is_some_and(|e| e == "ron") {
            found.push(path);
        }
    }
}

fn all_fixtures() -> Vec<(PathBuf, String)> {
    let mut paths = Vec::new();
    fixtures(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        &mut paths,
    );
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            Some((path, text))
        })
        .collect()
}

#[test]
fn every_fixture_parses_the_same_in_pieces_or_gives_up() {
    let fixtures = all_fixtures();
    assert!(fixtures.len() > 50, "{} fixtures", fixtures.len());
    let mut split_logs = 0;
    for (path, text) in &fixtures {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut took = false;
        for pieces in [1, 2, 3, 7, 64, 10_000] {
            took |= agrees(text, pieces);
        }
        if took {
            // The checks run on the same data: the same log and the same findings, which
            // the diagnostics are located from (in the text, not the parse).
            let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
            let checked = |raw: RawLog| {
                let (log, findings) = crate::log::validate::validate_for(raw, today, true);
                format!("{log:?} {findings:?}")
            };
            let (fast, plain) = (split(text, 3), whole(text).ok());
            assert_eq!(fast.map(checked), plain.map(checked), "{}", path.display());
        }
        split_logs += usize::from(took);
    }
    // The path is taken on most logs, so the comparison above is not empty.
    assert!(
        split_logs > 30,
        "only {split_logs} fixtures took the split path"
    );
}

#[test]
fn every_invalid_fixture_is_left_to_the_whole_parse() {
    for (path, text) in all_fixtures() {
        if whole(&text).is_err() {
            assert!(split(&text, 4).is_none(), "{}", path.display());
        }
    }
}

#[test]
fn synthetic_logs_parse_the_same_in_pieces() {
    for (moments, seed) in [(1, 1), (2, 7), (37, 3), (500, 7), (2_000, 11)] {
        let text = crate::synth::generate(moments, seed);
        for pieces in [2, 5, 64] {
            assert!(agrees(&text, pieces), "{moments} moments, seed {seed}");
        }
    }
}

#[test]
fn tricky_texts_parse_the_same_or_give_up() {
    let head = r#"Log(version: 1, owner: Person(name: "A", level: "L5"), manager: "M",
        target: Target(level: "L6", submission: "2027-03-01"), projects: {"p": Project(name: "P")},"#;
    let moment = |what: &str| {
        format!(
            r#"Moment(date: "2026-01-02", tag: Decision, project: "p", what: {what}, reach: Team)"#
        )
    };
    let cases = [
        format!(
            "{head} moments: [{}, {}])",
            moment(r#""a, b], c""#),
            moment(r#""\"],[""#)
        ),
        format!(
            "{head} moments: [{}, /* ], [ /* nested */ */ {},])",
            moment(r##"r#"x"], "#"##),
            moment("r\"y,\"")
        ),
        format!(
            "{head} moments: [\n// ], \n{}, {}\n], meetings: [])",
            moment(r#""q""#),
            moment(r#""w""#)
        ),
        format!(
            "{head} moments: [{},, {}])",
            moment(r#""a""#),
            moment(r#""b""#)
        ),
        format!(
            "{head} moments: [{}], moments: [{}])",
            moment(r#""a""#),
            moment(r#""b""#)
        ),
        format!(
            "{head} moments: [{}, {}]) trailing",
            moment(r#""a""#),
            moment(r#""b""#)
        ),
        format!(
            "{head} moments: [{}, {}, 'c'])",
            moment(r#""a""#),
            moment(r#""b""#)
        ),
        format!(
            "#![enable(unwrap_newtypes)]\n{head} moments: [{}, {}])",
            moment(r#""a""#),
            moment(r#""b""#)
        ),
        format!(
            "{head} moments: [{}, {}, Moment(date: \"2026-01-02\")])",
            moment(r#""a""#),
            moment(r#""b""#)
        ),
        format!(
            "{head} moments: [{}, {}] /* open",
            moment(r#""a""#),
            moment(r#""b""#)
        ),
    ];
    let mut took = 0;
    for text in &cases {
        for pieces in [2, 3, 100] {
            took += usize::from(agrees(text, pieces));
        }
    }
    assert!(
        took >= 9,
        "the well-formed cases took the split path {took} times"
    );
}

/// What a random edit inserts: the characters the scan treats specially.
const SNIPPETS: &[&str] = &[
    ",",
    "]",
    "[",
    "(",
    ")",
    "\"",
    "\\",
    "/*",
    "*/",
    "//",
    "\n",
    "'",
    "#",
    "r#\"",
    "\"#",
    "Moment(",
    "moments: [",
    ": ",
    " ",
    "é",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_damaged_log_parses_the_same_in_pieces_or_gives_up(
        fixture in 0usize..1000,
        edits in proptest::collection::vec((0usize..100_000, 0usize..SNIPPETS.len(), 0usize..4), 1..4),
        pieces in 2usize..9,
    ) {
        let fixtures = all_fixtures();
        let mut text = fixtures[fixture % fixtures.len()].1.clone();
        for (at, snippet, cut) in edits {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.replace_range(at..end.max(at), SNIPPETS[snippet]);
        }
        agrees(&text, pieces);
    }
}
