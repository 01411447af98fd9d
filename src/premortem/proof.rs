//! Stale proof: top examples whose impact has no number, or that nobody can vouch for,
//! with what would make each stand up to a skeptical reader.

use serde::Serialize;

use crate::evidence::{Evidence, impact};
use crate::text::clamp;

/// Longest `what` shown for a top example, in characters.
const WHAT_CHARS: usize = 140;

/// A top example whose proof will not survive a skeptical reader yet.
#[derive(Clone, Debug, Serialize)]
pub struct StaleProof {
    /// The moment's id.
    pub id: String,
    /// What happened (shortened).
    pub what: String,
    /// Its impact, if written.
    pub impact: Option<String>,
    /// What is missing: `no number in the impact`, `no impact written`, `no witness or quote`.
    pub problems: Vec<String>,
    /// What to do about it.
    pub fix: String,
}

/// Top examples with no number in their impact, or nobody to vouch for them.
pub fn stale_proof(evidence: &Evidence<'_>) -> Vec<StaleProof> {
    evidence
        .top_examples()
        .filter_map(|scored| {
            let m = scored.moment;
            let mut problems = Vec::new();
            let mut fixes = Vec::new();
            match m.impact.as_deref() {
                None => {
                    problems.push("no impact written".to_string());
                    fixes.push("write what changed, with a number: a metric that moved, a date held, a cost avoided");
                }
                Some(text) if !impact::is_quantified(text) => {
                    problems.push("no number in the impact".to_string());
                    fixes.push("put a number on the impact: a metric that moved, a date held, a cost avoided");
                }
                Some(_) => {}
            }
            if m.witnesses.is_empty() && m.quotes.is_empty() {
                problems.push("no witness or quote".to_string());
                fixes.push("name someone who saw it as a witness, and ask them for a line that says what you owned");
            }
            if problems.is_empty() {
                return None;
            }
            let mut fix = fixes.join("; ");
            if let Some(first) = fix.get(..1) {
                fix = format!("{}{}.", first.to_uppercase(), &fix[1..]);
            }
            Some(StaleProof {
                id: m.id.clone(),
                what: clamp(&m.what, WHAT_CHARS),
                impact: m.impact.as_deref().map(|i| clamp(i, WHAT_CHARS)),
                problems,
                fix,
            })
        })
        .collect()
}
