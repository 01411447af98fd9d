//! Whether a `what` opens with a decision ("Cut", "Chose") or a task ("Shipped", "Worked on").

/// How a moment's description opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    /// A decision verb: reads as judgment.
    Decision,
    /// A task verb: reads as activity.
    Task,
    /// Neither.
    Other,
}

/// Verbs (lowercase) that open a sentence about judgment.
pub const DECISION_VERBS: &[&str] = &[
    "decided",
    "chose",
    "cut",
    "killed",
    "traded",
    "escalated",
    "dropped",
    "stopped",
    "paused",
    "prioritised",
    "prioritized",
    "deprioritised",
    "deprioritized",
    "vetoed",
    "pushed",
    "reframed",
    "rejected",
    "redirected",
    "descoped",
    "bet",
    "committed",
    "set",
    "negotiated",
    "overruled",
    "scoped",
    "sequenced",
    "consolidated",
    "proposed",
    "convinced",
    "changed",
    "moved",
    "delayed",
    "held",
    "pulled",
    "reversed",
    "merged",
    "retired",
];

/// Verbs (lowercase) that open a sentence about a task.
pub const TASK_VERBS: &[&str] = &[
    "shipped",
    "built",
    "worked",
    "launched",
    "helped",
    "ran",
    "did",
    "made",
    "created",
    "wrote",
    "updated",
    "fixed",
    "attended",
    "completed",
    "finished",
    "implemented",
    "delivered",
    "supported",
    "organised",
    "organized",
    "presented",
    "handled",
    "managed",
    "coordinated",
    "released",
    "started",
    "continued",
];

/// Classifies the opening word of `what`.
pub fn opening(what: &str) -> Opening {
    let first = what
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if DECISION_VERBS.contains(&first.as_str()) {
        Opening::Decision
    } else if TASK_VERBS.contains(&first.as_str()) {
        Opening::Task
    } else {
        Opening::Other
    }
}
