//! The level-question objection: at a senior level, the ladder's description of the
//! level becomes the committee's question, raised when nothing in the log answers it.

use super::ask_manager;
use crate::log::Tag;
use crate::objections::case::Case;
use crate::objections::phrase::reach_phrase;
use crate::objections::{Objection, Rule, Severity};

/// level-question: the target level is senior ([`crate::ladder::Level::is_senior`])
/// and no public Decision or Scope moment reaches the level's `min_reach`: only
/// tactical calls, however many. The question is the level's `probe`, else its
/// description asked back.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    let level = case.level;
    if !level.is_senior() {
        return None;
    }
    let answered = case
        .public()
        .iter()
        .any(|m| matches!(m.tag, Tag::Decision | Tag::Scope) && m.reach >= level.min_reach);
    if answered {
        return None;
    }
    let description = level.description.trim().trim_end_matches('.');
    let question = level.probe.clone().unwrap_or_else(|| {
        format!(
            "{} is the level that “{}”: which of {}'s calls shows it?",
            level.id,
            description,
            case.first_name()
        )
    });
    let calls = case
        .public()
        .iter()
        .filter(|m| m.tag == Tag::Decision)
        .count();
    Some(Objection {
        id: Rule::LevelQuestion,
        severity: Severity::High,
        title: format!("Nothing answers what {} does", case.target()),
        question,
        evidence: Vec::new(),
        finding: format!(
            "{} says “{}”; none of the {calls} decision{} or the scope moments reaches {}",
            case.target(),
            description,
            if calls == 1 { "" } else { "s" },
            reach_phrase(level.min_reach)
        ),
        fix: format!(
            "Find the call whose effect reached {} — a strategy set, a standard adopted beyond your org — and log it as a Decision with its reach, its outcome and who adopted it. If there is none yet, that is the work to take on before {}.",
            reach_phrase(level.min_reach),
            case.log.target.submission
        ),
        ask: ask_manager(
            case,
            &format!(
                "Which decision beyond our org could I own before {}, so the committee sees {} work?",
                case.log.target.submission, level.id
            ),
        ),
    })
}
