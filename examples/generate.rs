//! A deterministic generator of realistic synthetic promo logs, for benchmarks and
//! stress tests (not a user-facing command).
//!
//! ```sh
//! cargo run --release --example generate -- --moments 100000 --seed 7 > /tmp/big.ron
//! ```
//!
//! The same `--moments` and `--seed` always give the same bytes.

use std::fmt::Write as _;
use std::io::Write as _;

/// splitmix64: tiny, fast and good enough to vary synthetic data deterministically.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PEOPLE: &[&str] = &[
    "Sam Lee",
    "Priya Natarajan",
    "Zoë Łukasiewicz",
    "Søren Ødegaard",
    "José Ramírez",
    "Dana Whitfield",
    "Mei Tanaka",
    "Kwame Mensah",
    "Ines Duarte",
    "Tomás Herrera",
    "Aiko Mori",
    "Björn Larsson",
];
const OPENINGS: &[(&str, &str)] = &[
    ("Decision", "Chose"),
    ("Decision", "Cut"),
    ("Decision", "Killed"),
    ("Decision", "Traded off"),
    ("Decision", "Escalated"),
    ("Scope", "Took ownership of"),
    ("Scope", "Asked to lead"),
    ("Leverage", "Turned"),
    ("Leverage", "Unblocked"),
    ("Scope", "Worked on"),
    ("Decision", "Shipped"),
];
const OBJECTS: &[&str] = &[
    "the loyalty tier from v1 to hold the freeze date",
    "the duplicate fraud pipeline in favour of the shared one",
    "the pricing guardrails into a template three teams reuse",
    "the checkout redesign across web and app",
    "the partner API deprecation ahead of the Q3 plan",
    "the onboarding funnel review — “one metric” for every squad",
    "the experiment standards into the org-wide playbook",
    "search relevance tuning after the ranking incident",
];
const IMPACTS: &[&str] = &[
    "Conversion +{n}% over 4 weeks (A/B test)",
    "Avoided ${n}00k in vendor spend",
    "Held the {n} December launch date",
    "Saved {n} engineer-weeks across 3 teams",
    "Fewer escalations, per the support lead",
    "Adopted by {n} teams within a quarter",
];
const REACHES: &[&str] = &["Team", "CrossTeam", "Org", "Company"];
const ROLES: &[&str] = &["Manager", "Skip", "Peer", "Stakeholder", "Report"];
const QUOTES: &[&str] = &[
    "She owned the trade-off across three teams.",
    "Great to work with.",
    "That call unblocked my whole team for a quarter.",
    "Set the standard the org now uses.",
];
const STATUSES: &[&str] = &["Held", "Held", "Held", "Open", "Broken", "Dropped"];

fn main() {
    let mut moments = 1_000usize;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_default();
        match arg.as_str() {
            "--moments" => moments = value.parse().unwrap_or(moments),
            "--seed" => seed = value.parse().unwrap_or(seed),
            _ => {
                eprintln!("usage: generate --moments N --seed S");
                std::process::exit(2);
            }
        }
    }
    let text = generate(moments, seed);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// Builds the log text.
fn generate(moments: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let projects = (moments / 50).clamp(3, 40);
    let mut out = String::with_capacity(moments * 420 + 1024);
    out.push_str("// Synthetic log from examples/generate.rs.\nLog(\n    version: 1,\n");
    out.push_str(
        "    owner: Person(name: \"Ana Ruiz\", role: \"Product Manager\", level: \"L5\"),\n",
    );
    out.push_str("    manager: \"Sam Lee\",\n");
    out.push_str(
        "    target: Target(level: \"L6\", submission: \"2027-03-01\", cycle: \"H1 2027\"),\n",
    );
    out.push_str("    projects: {\n");
    for p in 0..projects {
        let _ = writeln!(
            out,
            "        \"p{p:02}\": Project(name: \"Programme {p} — {}\"),",
            rng.pick(PEOPLE)
        );
    }
    out.push_str("    },\n    moments: [\n");
    for i in 0..moments {
        // Spread over 2025-12 .. 2026-11, so quarters and staleness vary.
        let day_index = rng.below(330);
        let date = chrono_like_date(day_index);
        let (tag, verb) = OPENINGS[rng.below(OPENINGS.len())];
        let project = rng.below(projects);
        let what = format!("{verb} {}", rng.pick(OBJECTS));
        let reach = REACHES[(rng.below(10) * rng.below(10) / 25).min(3)];
        let _ = write!(
            out,
            "        Moment(\n            id: \"m{i:06}\",\n            date: \"{date}\",\n            tag: {tag},\n            project: \"p{project:02}\",\n            what: \"{what}\",\n            reach: {reach},\n"
        );
        if rng.below(10) < 8 {
            let impact = rng
                .pick(IMPACTS)
                .replace("{n}", &(rng.below(40) + 1).to_string());
            let _ = writeln!(out, "            impact: \"{impact}\",");
        }
        let _ = writeln!(out, "            witnesses: [\"{}\"],", rng.pick(PEOPLE));
        if rng.below(3) == 0 {
            let _ = writeln!(
                out,
                "            quotes: [Quote(by: \"{}\", role: {}, text: \"{}\")],",
                rng.pick(PEOPLE),
                rng.pick(ROLES),
                rng.pick(QUOTES)
            );
        }
        if rng.below(4) == 0 {
            let owner = ["Me", "Manager", "Other(\"Priya Natarajan\")"][rng.below(3)];
            let due = chrono_like_date((day_index + 7 + rng.below(40)).min(360));
            let _ = writeln!(
                out,
                "            commitments: [Commitment(owner: {owner}, what: \"Follow up on {}\", due: \"{due}\", status: {})],",
                rng.pick(OBJECTS),
                rng.pick(STATUSES)
            );
        }
        if rng.below(33) == 0 {
            out.push_str("            private: true,\n");
        }
        out.push_str("        ),\n");
    }
    out.push_str("    ],\n)\n");
    out
}

/// The date `offset` days after 2025-12-01, as `YYYY-MM-DD`, without a date crate.
fn chrono_like_date(offset: usize) -> String {
    const MONTHS: [(u32, u32, usize); 12] = [
        (2025, 12, 31),
        (2026, 1, 31),
        (2026, 2, 28),
        (2026, 3, 31),
        (2026, 4, 30),
        (2026, 5, 31),
        (2026, 6, 30),
        (2026, 7, 31),
        (2026, 8, 31),
        (2026, 9, 30),
        (2026, 10, 31),
        (2026, 11, 30),
    ];
    let mut left = offset;
    for (year, month, days) in MONTHS {
        if left < days {
            return format!("{year}-{month:02}-{:02}", left + 1);
        }
        left -= days;
    }
    "2026-11-20".to_string()
}
