//! The sentences of a restatement that do not come from one moment: the thesis (the
//! level, read aloud), what is not proven yet when a high objection fires, and the
//! consistency of the case over projects and quarters.

use std::collections::HashSet;

use crate::evidence::Evidence;
use crate::evidence::quarter::Quarter;
use crate::ladder::Level;
use crate::log::Log;
use crate::objections::{Objection, Severity};
use crate::text::clamp;

use super::fit::Sentence;
use super::voice::{Voice, capitalise};

/// Gaps named in the "not this cycle" sentence, at most.
pub const MAX_GAPS: usize = 3;

/// The target level as it is said aloud: "Staff level", not "L6 (Staff)". The log's own
/// name wins when it is an alias; otherwise the ladder's first alias, then its id.
pub fn level_spoken(log: &Log, level: Option<&Level>) -> String {
    let written = clamp(log.target.level.trim(), 40);
    let name = match level {
        Some(level) if !level.id.eq_ignore_ascii_case(&written) => written,
        Some(level) => level.aliases.first().cloned().unwrap_or(written),
        None => written,
    };
    if name.to_lowercase().ends_with("level") {
        name
    } else {
        format!("{name} level")
    }
}

/// The ladder's line on the level as a relative clause ("the level that sets direction
/// for an area across several teams"), when its first clause opens with a verb.
pub fn level_gloss(level: Option<&Level>) -> Option<String> {
    let description = level?.description.trim();
    let first_clause = description
        .split(['.', ';'])
        .next()
        .unwrap_or(description)
        .trim();
    let verb = first_clause.split_whitespace().next()?;
    let is_verb = verb.chars().all(char::is_alphabetic)
        && verb.chars().next().is_some_and(char::is_uppercase)
        && verb.ends_with('s')
        && !verb.ends_with("ss");
    if !is_verb || super::word_count(first_clause) > 14 {
        return None;
    }
    let mut chars = first_clause.chars();
    let lowered: String = chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default();
    Some(format!("the level that {lowered}"))
}

/// The opening sentence. With no high objection it claims the level ("Ana Ruiz
/// already operates at Staff level…"); with one it does not.
pub fn thesis(log: &Log, level: Option<&Level>, holding_back: bool) -> Sentence {
    let name = clamp(&log.owner.name, 60);
    let spoken = level_spoken(log, level);
    let mut versions = Vec::new();
    if holding_back {
        versions.push(format!(
            "{name} is growing toward {spoken}, and this is what is proven so far."
        ));
        versions.push(format!("{name} is growing toward {spoken}."));
    } else {
        if let Some(gloss) = level_gloss(level) {
            versions.push(format!("{name} already operates at {spoken}, {gloss}."));
        }
        versions.push(format!("{name} already operates at {spoken}."));
    }
    // The thesis is kept above all, but grows last: the evidence matters more than
    // the ladder's generic line.
    Sentence::new(versions, 0, 9)
}

/// The objections about the sponsor rather than the evidence. The restatement is the
/// manager's answer to them (saying the case, unhedged, is what they ask for), so the
/// manager never lists their own silence, hedging or follow-through as a gap.
const ABOUT_THE_SPONSOR: [&str; 3] = [
    "no-sponsor-signal",
    "lukewarm-sponsor",
    "sponsor-follow-through",
];

/// The high objections about the evidence, in attack order.
pub fn high(objections: &[Objection]) -> Vec<&Objection> {
    objections
        .iter()
        .filter(|o| o.severity == Severity::High && !ABOUT_THE_SPONSOR.contains(&o.id.id()))
        .collect()
}

/// "Not proven yet, so not this cycle: scope beyond the team and decisions of her
/// own." — the high objections as what the evidence does not show yet, said by the
/// manager. One gap alone leaves the case at risk, not lost (as `promo calibrate`
/// judges it): "Still to prove before the room decides: …". Never dropped while the
/// thesis stands.
pub fn not_this_cycle(voice: &Voice, highs: &[&Objection]) -> Sentence {
    let gaps: Vec<String> = highs
        .iter()
        .map(|o| gap(voice, o))
        .fold(Vec::new(), |mut seen, g| {
            if !seen.contains(&g) {
                seen.push(g);
            }
            seen
        })
        .into_iter()
        .take(MAX_GAPS)
        .collect();
    let lead = if highs.len() == 1 {
        "Still to prove before the room decides"
    } else {
        "Not proven yet, so not this cycle"
    };
    let versions = (1..=gaps.len())
        .rev()
        .map(|n| format!("{lead}: {}.", crate::text::join_names(&gaps[..n])))
        .collect();
    Sentence::new(versions, 0, 5)
}

/// What a high objection says is missing, as a noun phrase the manager can say.
fn gap(voice: &Voice, objection: &Objection) -> String {
    let p = voice.pronoun();
    let own = p.possessive();
    match objection.id.id() {
        "thin-log" => "enough evidence to judge".to_string(),
        "thin-scope" => "scope beyond the team".to_string(),
        "no-scope" => format!("an area that is {own} to own"),
        "below-target-reach" => "reach as wide as the level expects".to_string(),
        "execution-not-judgment" => format!("calls of {own} own rather than delivery"),
        "no-sponsor-signal" => "my endorsement on the record".to_string(),
        "lukewarm-sponsor" => "an endorsement from me without conditions".to_string(),
        "sponsor-follow-through" => "the support I promised, delivered".to_string(),
        "no-leverage" | "thin-leverage" => "work that makes others better".to_string(),
        "no-metric" => "numbers that show the impact".to_string(),
        "uncorroborated" => "witnesses for the biggest claims".to_string(),
        "single-project" => "the same pattern on a second project".to_string(),
        "one-strong-quarter" => "the pattern over more than one quarter".to_string(),
        "no-peer-signal" | "vague-peer-feedback" => "specific word from peers".to_string(),
        "broken-commitments" => format!("{own} commitments kept"),
        "stale-evidence" => "recent evidence".to_string(),
        "task-first-wording" => "the judgment behind the tasks".to_string(),
        _ => {
            let title = voice.speak(&objection.title);
            title
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        }
    }
}

/// "That is one pattern across three projects and four quarters, not a single good
/// month." — only when there is more than one of either to count.
pub fn consistency(evidence: &Evidence<'_>) -> Sentence {
    let projects: HashSet<&str> = evidence
        .moments
        .iter()
        .map(|m| m.moment.project.as_str())
        .collect();
    let quarters: HashSet<Quarter> = evidence
        .moments
        .iter()
        .map(|m| Quarter::of(m.moment.date))
        .collect();
    let (p, q) = (projects.len(), quarters.len());
    let counted = match (p > 1, q > 1) {
        (true, true) => format!(
            "across {} and {}",
            counted(p, "project", "projects"),
            counted(q, "quarter", "quarters")
        ),
        (true, false) => format!("across {}", counted(p, "project", "projects")),
        (false, true) => format!("over {}", counted(q, "quarter", "quarters")),
        (false, false) => return Sentence::new(Vec::new(), 4, 5),
    };
    Sentence::new(
        vec![
            format!("That is one pattern {counted}, not a single good month."),
            format!("{} the pattern holds.", capitalise(&counted)),
        ],
        4,
        5,
    )
}

/// "three projects", "14 quarters".
fn counted(n: usize, one: &str, many: &str) -> String {
    const WORDS: [&str; 13] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let number = WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_string());
    format!("{number} {}", if n == 1 { one } else { many })
}
