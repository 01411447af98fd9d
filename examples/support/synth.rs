//! Synthetic promo logs for benchmarks and stress tests: realistic in shape (varied
//! projects, reaches, impacts, witnesses, quotes and commitments, a few private
//! moments, Unicode names, comments and escaped quotes, the odd hand-written moment
//! without an id), and deterministic: the same size and seed always give the same bytes.
//!
//! Shared by `examples/generate.rs` (the command) and `benches/stages.rs`.

use std::fmt::Write as _;

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

    /// True about once in `n` times.
    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The owner's manager: quoted as `Manager`, and a witness like anyone else.
const MANAGER: &str = "Sam Lee";
const PEOPLE: &[&str] = &[
    "Sam Lee",
    "Priya Natarajan",
    "Zoë Łukasiewicz",
    "Søren Ødegaard",
    "José Ramírez",
    "Dana Whitfield",
    "Mei Tanaka",
    "Kwame Mensah",
    "Inês Duarte",
    "Tomás Herrera",
    "Aiko Mori",
    "Björn Larsson",
    "Nguyễn Thị Lan",
    "Oğuz Yılmaz",
];
const AREAS: &[&str] = &[
    "Checkout",
    "Payments",
    "Search",
    "Onboarding",
    "Fraud",
    "Pricing",
    "Loyalty",
    "Partner API",
    "Growth",
    "Data platform",
];
const OPENINGS: &[(&str, &str)] = &[
    ("Decision", "Chose"),
    ("Decision", "Cut"),
    ("Decision", "Killed"),
    ("Decision", "Traded off"),
    ("Decision", "Escalated"),
    ("Decision", "Said no to"),
    ("Scope", "Took ownership of"),
    ("Scope", "Asked to lead"),
    ("Scope", "Picked up"),
    ("Leverage", "Turned"),
    ("Leverage", "Unblocked"),
    ("Leverage", "Wrote"),
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
    "the \\\"big bang\\\" migration, for a two-step rollout",
    "the on-call runbook the support team now owns",
];
const IMPACTS: &[&str] = &[
    "Conversion +{n}% over 4 weeks (A/B test)",
    "Avoided ${n}00k in vendor spend",
    "Held the {n} December launch date",
    "Saved {n} engineer-weeks across 3 teams",
    "Fewer escalations, per the support lead",
    "Adopted by {n} teams within a quarter",
    "Review time halved",
];
const REACHES: &[&str] = &["Team", "CrossTeam", "Org", "Company"];
const ROLES: &[&str] = &["Manager", "Skip", "Peer", "Stakeholder", "Report"];
const QUOTES: &[&str] = &[
    "She owned the trade-off across three teams.",
    "Great to work with.",
    "That call unblocked my whole team for a quarter.",
    "Set the standard the org now uses.",
    "Always responsive and positive.",
];
const STATUSES: &[&str] = &["Held", "Held", "Held", "Open", "Broken", "Dropped"];

/// A log of `moments` moments: the same `moments` and `seed` always give the same text.
/// About 2 KB a moment in 40 projects at most, so 100,000 moments are about 40 MB.
pub fn generate(moments: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let projects = (moments / 50).clamp(3, 40);
    let mut out = String::with_capacity(moments * 450 + 2048);
    out.push_str("// Synthetic log from examples/support/synth.rs.\nLog(\n    version: 1,\n");
    out.push_str(
        "    owner: Person(name: \"Ana Ruíz\", role: \"Product Manager\", level: \"L5\"),\n",
    );
    let _ = writeln!(out, "    manager: \"{MANAGER}\",");
    out.push_str(
        "    target: Target(level: \"L6\", submission: \"2027-03-01\", cycle: \"H1 2027\"),\n",
    );
    out.push_str("    cadence: Biweekly,\n");
    out.push_str("    projects: {\n");
    for p in 0..projects {
        let area = AREAS[p % AREAS.len()];
        let _ = write!(
            out,
            "        \"p{p:02}\": Project(name: \"{area} {} — {}\"",
            p / AREAS.len() + 1,
            rng.pick(PEOPLE)
        );
        if rng.one_in(2) {
            let _ = write!(out, ", summary: \"{area}, with {}\"", rng.pick(PEOPLE));
        }
        out.push_str("),\n");
    }
    out.push_str("    },\n    moments: [\n");
    for i in 0..moments {
        if i % 500 == 0 {
            let _ = writeln!(out, "        // 1:1 notes, batch {}", i / 500 + 1);
        }
        // Spread over 2025-12 .. 2026-11, so quarters and staleness vary.
        let day_index = rng.below(330);
        let date = date_after(day_index);
        let (tag, verb) = OPENINGS[rng.below(OPENINGS.len())];
        // A few projects carry most of the work, as in real logs.
        let project = rng.below(projects).min(rng.below(projects));
        let what = format!("{verb} {}", rng.pick(OBJECTS));
        let reach = REACHES[(rng.below(10) * rng.below(10) / 25).min(3)];
        out.push_str("        Moment(\n");
        // Moments added by hand sometimes have no id: promo numbers them by date.
        if !rng.one_in(50) {
            let _ = writeln!(out, "            id: \"m{i:06}\",");
        }
        let _ = write!(
            out,
            "            date: \"{date}\",\n            tag: {tag},\n            project: \"p{project:02}\",\n            what: \"{what}\",\n            reach: {reach},\n"
        );
        if rng.below(10) < 8 {
            let impact = rng
                .pick(IMPACTS)
                .replace("{n}", &(rng.below(40) + 1).to_string());
            let _ = writeln!(out, "            impact: \"{impact}\",");
        }
        let witnesses = rng.below(4);
        if witnesses > 0 {
            let names: Vec<String> = (0..witnesses)
                .map(|_| format!("\"{}\"", rng.pick(PEOPLE)))
                .collect();
            let _ = writeln!(out, "            witnesses: [{}],", names.join(", "));
        }
        let quotes = [0, 0, 0, 1, 1, 2][rng.below(6)];
        if quotes > 0 {
            let list: Vec<String> = (0..quotes)
                .map(|_| {
                    // The manager speaks as the manager; anyone else in any other role.
                    let role = rng.pick(ROLES);
                    let by = if role == "Manager" {
                        MANAGER
                    } else {
                        rng.pick(PEOPLE)
                    };
                    format!(
                        "Quote(by: \"{by}\", role: {role}, text: \"{}\")",
                        rng.pick(QUOTES)
                    )
                })
                .collect();
            let _ = writeln!(out, "            quotes: [{}],", list.join(", "));
        }
        if rng.one_in(4) {
            let owner = ["Me", "Manager", "Other(\"Priya Natarajan\")"][rng.below(3)];
            let due = date_after((day_index + 7 + rng.below(40)).min(360));
            let _ = writeln!(
                out,
                "            commitments: [Commitment(owner: {owner}, what: \"Follow up on {}\", due: \"{due}\", status: {})],",
                rng.pick(OBJECTS),
                rng.pick(STATUSES)
            );
        }
        if rng.one_in(33) {
            out.push_str("            private: true,\n");
        }
        out.push_str("        ),\n");
    }
    out.push_str("    ],\n)\n");
    out
}

/// The date `offset` days after 2025-12-01, as `YYYY-MM-DD`, without a date crate.
fn date_after(offset: usize) -> String {
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
