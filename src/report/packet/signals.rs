//! The three signals a committee looks for — the sponsor's voice, peers' voice and the
//! outcome — and whether they point the same way.

use super::{Signal, Signals};
use crate::evidence::{Evidence, impact, signal};
use crate::log::{Log, Quote, Role};
use crate::text::{clamp, join_names};

/// The packet's signals, read from the strongest moments first.
pub(super) fn signals(log: &Log, evidence: &Evidence<'_>) -> Signals {
    // Quotes from the strongest moments first; a hedge is never a signal.
    let quotes = || evidence.moments.iter().flat_map(|m| m.moment.quotes.iter());
    let manager = match signal::sponsor_signal(&evidence.moments) {
        signal::SponsorSignal::Endorsing(q) => Signal {
            label: "Manager".into(),
            text: quoted(q),
            strong: true,
        },
        signal::SponsorSignal::GenericOnly(q) => Signal {
            label: "Manager".into(),
            text: format!(
                "Only general praise so far (“{}” — {}): it claims no level, ownership or call.",
                clamp(&q.text, 80),
                clamp(&q.by, 40)
            ),
            strong: false,
        },
        signal::SponsorSignal::HedgingOnly | signal::SponsorSignal::None => Signal {
            label: "Manager".into(),
            text: format!(
                "No endorsement from {} or a skip-level yet.",
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
    let top: Vec<_> = evidence.top_examples().collect();
    let quantified = signal::outcome(&top, &evidence.moments);
    let outcome = match quantified {
        Some(text) => Signal {
            label: "Outcome".into(),
            text: clamp(text, 150),
            strong: true,
        },
        None => Signal {
            label: "Outcome".into(),
            text: if evidence.moments.iter().any(|m| {
                m.moment
                    .impact
                    .as_deref()
                    .is_some_and(impact::is_quantified)
            }) {
                "No corroborated figure yet: the numbers logged have no witness or specific quote behind them."
                    .into()
            } else {
                "No quantified outcome yet.".into()
            },
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
