//! Generated logs for stress cases: many moments, absurd texts, many projects.

use std::fmt::Write as _;

/// A valid log with `moments` public moments spread over `projects` projects; texts
/// are built from `what` (with the moment number appended) and one private moment
/// carrying `PRIVATE-CANARY`.
pub fn log_with(moments: usize, projects: usize, what: &dyn Fn(usize) -> String) -> String {
    let mut text = String::from(
        "Log(\n    version: 1,\n    owner: Person(name: \"Zoë Łukasiewicz-Ødegaard\", role: \"Product Manager\", level: \"L5\"),\n    manager: \"Sam Lee\",\n    target: Target(level: \"L6\", submission: \"2027-03-01\", cycle: \"H1 2027\"),\n    projects: {\n",
    );
    for p in 0..projects {
        let _ = writeln!(
            text,
            "        \"p{p}\": Project(name: \"Project {p} — “résumé” → ø\"),"
        );
    }
    text.push_str("    },\n    moments: [\n");
    let tags = ["Decision", "Scope", "Leverage"];
    let reaches = ["Team", "CrossTeam", "Org", "Company"];
    let roles = ["Manager", "Peer", "Stakeholder", "Skip"];
    for i in 0..moments {
        let month = 1 + (i % 10);
        let day = 1 + (i % 27);
        let _ = writeln!(
            text,
            "        Moment(id: \"g{i}\", date: \"2026-{month:02}-{day:02}\", tag: {}, project: \"p{}\", what: \"{}\", reach: {}, impact: \"Saved {} hours a week across {} teams\", witnesses: [\"Witness {}\"], quotes: [Quote(by: \"Voice {}\", role: {}, text: \"She owned the call across teams.\")], commitments: [Commitment(owner: Me, what: \"Follow up {i}\", due: \"2026-12-{day:02}\", status: Held)]),",
            tags[i % 3],
            i % projects.max(1),
            escape(&what(i)),
            reaches[(i / 3) % 4],
            i % 97 + 1,
            i % 7 + 2,
            i % 13,
            i % 11,
            roles[i % 4],
        );
    }
    text.push_str(
        "        Moment(id: \"secret\", date: \"2026-10-01\", tag: Decision, project: \"p0\", what: \"PRIVATE-CANARY vent\", reach: Company, impact: \"PRIVATE-CANARY impact\", witnesses: [\"PRIVATE-CANARY witness\"], quotes: [Quote(by: \"PRIVATE-CANARY by\", role: Manager, text: \"PRIVATE-CANARY quote\")], commitments: [Commitment(owner: Me, what: \"PRIVATE-CANARY commitment\", due: \"2026-12-01\", status: Open)], private: true),\n",
    );
    text.push_str("    ],\n)\n");
    text
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The stress cases the packet must fit on one page: name and log text.
pub fn cases() -> Vec<(&'static str, String)> {
    vec![
        (
            "20000-moments",
            log_with(20_000, 12, &|i| {
                format!("Chose to consolidate the intake queues, round {i}")
            }),
        ),
        (
            "2000-char-what",
            log_with(6, 3, &|i| {
                format!(
                    "Decided {i} {}",
                    "to trade off scope for the freeze date again ".repeat(45)
                )
            }),
        ),
        (
            "300-char-word",
            log_with(6, 3, &|i| format!("Cut {i} {}", "x".repeat(300))),
        ),
        (
            "60-projects",
            log_with(120, 60, &|i| {
                format!("Killed the duplicate pipeline number {i}")
            }),
        ),
    ]
}
