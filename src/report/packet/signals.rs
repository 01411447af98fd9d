//! The three signals a committee looks for — the sponsor's voice, peers' voice and the
//! outcome — and whether they point the same way.

use super::{Signal, Signals};
use crate::evidence::{Evidence, impact, signal};
use crate::log::{Log, Quote, Role};
use crate::text::{clamp, join_names};

/// The packet's signals, read from the strongest moments first.
pub(super) fn signals(log: &Log, evidence: &Evidence<'_>) -> Signals {
    // Quotes from the strongest moments first.
    let quotes = || evidence.moments.iter().flat_map(|m| m.moment.quotes.iter());
    let sponsor = quotes()
        .find(|q| q.role == Role::Manager)
        .or_else(|| quotes().find(|q| q.role == Role::Skip));
    let manager = match sponsor {
        Some(q) => Signal {
            label: "Manager".into(),
            text: quoted(q),
            strong: true,
        },
        None => Signal {
            label: "Manager".into(),
            text: format!(
                "No quote from {} or a skip-level yet.",
                clamp(&log.manager, 40)
            ),
            strong: false,
        },
    };
    let is_peer = |q: &&Quote| matches!(q.role, Role::Peer | Role::Stakeholder);
    let substantive = quotes()
        .filter(is_peer)
        .find(|q| signal::names_scope_or_leverage(&q.text));
    let peer = match (substantive, quotes().find(is_peer)) {
        (Some(q), _) => Signal {
            label: "Peers".into(),
            text: quoted(q),
            strong: true,
        },
        (None, Some(q)) => Signal {
            label: "Peers".into(),
            text: format!(
                "Only general praise so far (“{}” — {}).",
                clamp(&q.text, 80),
                clamp(&q.by, 40)
            ),
            strong: false,
        },
        (None, None) => Signal {
            label: "Peers".into(),
            text: "No peer or stakeholder quote yet.".into(),
            strong: false,
        },
    };
    let quantified = evidence
        .top_examples()
        .chain(evidence.moments.iter())
        .find_map(|m| {
            m.moment
                .impact
                .as_deref()
                .filter(|i| impact::is_quantified(i))
        });
    let outcome = match quantified {
        Some(text) => Signal {
            label: "Outcome".into(),
            text: clamp(text, 150),
            strong: true,
        },
        None => Signal {
            label: "Outcome".into(),
            text: "No quantified outcome yet.".into(),
            strong: false,
        },
    };
    let missing: Vec<&str> = [
        (&manager, "the manager"),
        (&peer, "peers"),
        (&outcome, "the outcome"),
    ]
    .iter()
    .filter(|(s, _)| !s.strong)
    .map(|(_, name)| *name)
    .collect();
    let aligned = missing.is_empty();
    let verdict = if aligned {
        "All three point the same way: the manager, peers and the numbers tell one story."
            .to_string()
    } else {
        format!(
            "Not yet aligned: {} {} not carry the case yet.",
            join_names(&missing.iter().map(|s| (*s).to_string()).collect::<Vec<_>>()),
            if missing.len() == 1 && missing[0] != "peers" {
                "does"
            } else {
                "do"
            }
        )
    };
    Signals {
        manager,
        peer,
        outcome,
        aligned,
        verdict,
    }
}

/// A quote as a signal line: “text” — author (role).
fn quoted(q: &Quote) -> String {
    format!(
        "“{}” — {} ({})",
        clamp(&q.text, 130),
        clamp(&q.by, 40),
        q.role.label()
    )
}
