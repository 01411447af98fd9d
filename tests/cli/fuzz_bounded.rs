//! The fuzz target, bounded, in `cargo test`: random bytes, RON token soup and mutated
//! fixtures go through [`pipeline::run`] — check never panics and always explains an
//! invalid log; for a valid log every renderer succeeds. `PROPTEST_CASES` raises the
//! number of cases (256 per property by default); the unbounded version is
//! `cargo +nightly fuzz run parse_and_render` (see `docs/reliability.md`).

use proptest::prelude::*;
use proptest::strategy::ValueTree;

use crate::harness::{fixture, root};
use crate::pipeline::{self, Outcome};

/// Every fixture log, valid or not: the seeds that mutations start from.
fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut seeds = Vec::new();
    for dir in ["", "invalid", "edge", "map", "objections"] {
        let dir = root().join("fixtures").join(dir);
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("fixtures folder")
            .map(|entry| entry.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        paths.sort();
        for path in paths {
            let name = path
                .strip_prefix(root())
                .expect("under root")
                .display()
                .to_string();
            seeds.push((name, std::fs::read(&path).expect("read fixture")));
        }
    }
    seeds
}

/// Pieces of RON and of the log format, for token soup and insertions.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "\\",
    "'",
    " ",
    "\n",
    "\r\n",
    "\t",
    "//",
    "/*",
    "*/",
    "r#\"",
    "\"#",
    "0",
    "1",
    "-1",
    "1e999",
    "0x1F",
    "18446744073709551616",
    "true",
    "false",
    "Some(",
    "None",
    "Log(",
    "version: 1,",
    "owner:",
    "Person(",
    "name:",
    "level:",
    "manager:",
    "target:",
    "Target(",
    "submission:",
    "projects:",
    "Project(",
    "moments:",
    "Moment(",
    "id:",
    "date:",
    "tag:",
    "Decision",
    "Scope",
    "Leverage",
    "project:",
    "what:",
    "reach:",
    "Team",
    "CrossTeam",
    "Org",
    "Company",
    "impact:",
    "witnesses:",
    "quotes:",
    "Quote(",
    "by:",
    "role:",
    "Manager",
    "Skip",
    "Peer",
    "text:",
    "commitments:",
    "Commitment(",
    "Me",
    "Other(",
    "due:",
    "status:",
    "Open",
    "Held",
    "Broken",
    "Dropped",
    "private: true",
    "cadence:",
    "Weekly",
    "Biweekly",
    "\"0000-01-01\"",
    "\"9999-12-31\"",
    "\"2024-02-29\"",
    "\"2025-02-29\"",
    "\"2026-11-21\"",
    "\u{feff}",
    "\u{0}",
    "é",
    "→",
    "\u{202e}",
    "🦀",
    "\u{301}",
    "\u{fffd}",
    "#",
];

/// One change to a file.
#[derive(Clone, Debug)]
enum Mutation {
    /// Remove up to `len` bytes at `at`.
    Delete { at: prop::sample::Index, len: usize },
    /// Insert a token at `at`.
    Insert {
        at: prop::sample::Index,
        token: &'static str,
    },
    /// Copy up to `len` bytes at `from` to `to`.
    Duplicate {
        from: prop::sample::Index,
        to: prop::sample::Index,
        len: usize,
    },
    /// Replace one byte.
    Byte { at: prop::sample::Index, byte: u8 },
    /// Replace the content of the `which`-th string literal with `text`: mostly keeps
    /// the log valid, so the renderers get strange text to draw.
    Text {
        which: prop::sample::Index,
        text: String,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => (any::<prop::sample::Index>(), 0..24usize)
            .prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => (any::<prop::sample::Index>(), prop::sample::select(TOKENS))
            .prop_map(|(at, token)| Mutation::Insert { at, token }),
        1 => (any::<prop::sample::Index>(), any::<prop::sample::Index>(), 0..200usize)
            .prop_map(|(from, to, len)| Mutation::Duplicate { from, to, len }),
        1 => (any::<prop::sample::Index>(), any::<u8>())
            .prop_map(|(at, byte)| Mutation::Byte { at, byte }),
        3 => (any::<prop::sample::Index>(), "\\PC{0,60}|[<>\"'&|#\\[\\]{}%\n\\\\ ]{0,30}|\\s{0,5}")
            .prop_map(|(which, text)| Mutation::Text { which, text }),
    ]
}

/// Byte ranges of the contents of the string literals in `bytes`.
fn string_contents(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            let start = i + 1;
            let mut j = start;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            found.push(start..j.min(bytes.len()));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    found
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len();
    let at = |index: &prop::sample::Index| if len == 0 { 0 } else { index.index(len + 1) };
    match mutation {
        Mutation::Delete { at: i, len: n } => {
            let start = at(i).min(len);
            let end = (start + n).min(len);
            bytes.drain(start..end);
        }
        Mutation::Insert { at: i, token } => {
            let start = at(i).min(len);
            bytes.splice(start..start, token.bytes());
        }
        Mutation::Duplicate { from, to, len: n } => {
            let start = at(from).min(len);
            let copy: Vec<u8> = bytes[start..(start + n).min(len)].to_vec();
            let to = at(to).min(len);
            bytes.splice(to..to, copy);
        }
        Mutation::Byte { at: i, byte } => {
            if len > 0 {
                bytes[i.index(len)] = *byte;
            }
        }
        Mutation::Text { which, text } => {
            let strings = string_contents(bytes);
            if !strings.is_empty() {
                let range = strings[which.index(strings.len())].clone();
                let escaped = text
                    .replace('\\', "\\\\")
                    .replace('"', "\\\"")
                    .replace('\n', "\\n");
                bytes.splice(range, escaped.bytes());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    /// Any bytes at all: never a panic, an invalid log always explained.
    #[test]
    fn random_bytes_never_crash(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let dir = tempfile::tempdir().expect("tempdir");
        pipeline::run(&bytes, dir.path());
    }

    /// Token soup: RON and log-format pieces in random order.
    #[test]
    fn token_soup_never_crashes(tokens in prop::collection::vec(prop::sample::select(TOKENS), 0..120)) {
        let dir = tempfile::tempdir().expect("tempdir");
        pipeline::run(tokens.concat().as_bytes(), dir.path());
    }

    /// A fixture with a few mutations: check never panics; a log that is still valid
    /// renders in every format.
    #[test]
    fn mutated_fixtures_never_crash(
        seed in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let seeds = seeds();
        let (_, mut bytes) = seeds[seed.index(seeds.len())].clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let dir = tempfile::tempdir().expect("tempdir");
        pipeline::run(&bytes, dir.path());
    }
}

/// The pipeline itself: every valid fixture renders everything, every invalid one is
/// explained — so the properties above exercise the renderers, not just the parser.
#[test]
fn the_pipeline_renders_every_valid_fixture_and_explains_every_invalid_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut valid = 0;
    for (name, bytes) in seeds() {
        let expected = if name.starts_with("fixtures/invalid/") {
            Outcome::Invalid
        } else {
            Outcome::Valid
        };
        assert_eq!(pipeline::run(&bytes, dir.path()), expected, "{name}");
        valid += usize::from(expected == Outcome::Valid);
    }
    assert!(valid >= 30, "only {valid} valid seeds");
    assert_eq!(
        pipeline::run(
            &std::fs::read(fixture("strong-pm.ron")).expect("read"),
            dir.path()
        ),
        Outcome::Valid
    );
}

/// Mutating string contents mostly keeps a log valid: the renderers really see the
/// strange text (at least a third of such mutants must be valid).
#[test]
fn text_mutations_mostly_keep_the_log_valid() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seed = std::fs::read(fixture("engineer-l6.ron")).expect("read");
    let mut valid = 0;
    let total = 30;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = (any::<prop::sample::Index>(), "\\PC{0,60}")
        .prop_map(|(which, text)| Mutation::Text { which, text });
    for _ in 0..total {
        let m = strategy
            .new_tree(&mut runner)
            .expect("a mutation")
            .current();
        let mut bytes = seed.clone();
        apply(&mut bytes, &m);
        valid += usize::from(pipeline::run(&bytes, dir.path()) == Outcome::Valid);
    }
    assert!(
        valid * 3 >= total,
        "only {valid} of {total} text mutants were valid"
    );
}
