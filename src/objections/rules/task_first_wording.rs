//! The task-first-wording objection: its threshold, its check and, where the packet answers it, its answer.

use super::{ask_manager, ids};
use crate::evidence::wording::{Opening, opening};
use crate::log::Moment;
use crate::objections::case::Case;
use crate::objections::phrase::{cite, list};
use crate::objections::{Objection, Rule, Severity};

/// task-first-wording: more than half the top examples open with a task verb
/// ("Shipped", "Worked on") rather than the call behind the work.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    let top = case.top();
    let task_first: Vec<&Moment> = top
        .iter()
        .map(|s| s.moment)
        .filter(|m| opening(&m.what) == Opening::Task)
        .collect();
    if task_first.len() * 2 <= top.len() {
        return None;
    }
    let example = task_first.first()?;
    Some(Objection {
        id: Rule::TaskFirstWording,
        severity: Severity::Low,
        title: "Top examples read like a diary".into(),
        question: format!(
            "These say what {name} did. What did {name} decide?",
            name = case.first_name()
        ),
        evidence: ids(task_first.iter().copied()),
        finding: format!(
            "{} of the {} top examples open with a task verb ({})",
            task_first.len(),
            top.len(),
            list(&first_words(&task_first))
        ),
        fix: format!(
            "Rewrite them decision first: {} — open with the call you made (“Chose…”, “Cut…”, “Traded off…”) and end with what it changed.",
            cite(example)
        ),
        ask: ask_manager(
            case,
            &format!(
                "In {} — what call did you see me make there?",
                case.project_name(&example.project)
            ),
        ),
    })
}

/// The opening word of each line, quoted once each: “Shipped”, “Built”.
fn first_words(moments: &[&Moment]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for moment in moments {
        // The first word with a letter in it, as written: list markers ("-", "1.") are skipped.
        let word = moment
            .what
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .find(|w| w.chars().any(char::is_alphabetic))
            .unwrap_or("");
        let quoted = format!("“{word}”");
        if !word.is_empty() && !words.contains(&quoted) {
            words.push(quoted);
        }
    }
    words
}
