//! The agenda context: the next 1:1's agenda in the order the meeting needs it — the
//! open commitments of both sides (overdue first), the decisions the owner needs from
//! their manager, and one growth ask aimed at the objection a reviewer would raise
//! first, tied to the moments that show it.
//!
//! The agenda is usually pasted into the document shared with the manager, so the
//! commitments of private moments stay out unless the caller asks for them.

use chrono::NaiveDate;
use serde::Serialize;

use super::case::Case;
use crate::commitments::{self, Entry};
use crate::error::Error;
use crate::evidence::Evidence;
use crate::log::{CommitmentOwner, Log};
use crate::objections::Objection;

/// Longest moment text quoted in the agenda, in characters.
const WHAT_CHARS: usize = 90;

/// What a manager-owed commitment starts with when it is a decision the owner is waiting on.
const DECISION_VERBS: &[&str] = &[
    "decide",
    "approve",
    "confirm",
    "sign off",
    "sign-off",
    "agree",
    "choose",
    "pick",
    "greenlight",
    "green-light",
    "rule on",
    "settle",
    "unblock",
];

/// The agenda of one 1:1, as every format renders it.
#[derive(Clone, Debug, Serialize)]
pub struct Agenda {
    /// The log's owner.
    pub owner: String,
    /// Their manager.
    pub manager: String,
    /// The manager's first name, as the agenda addresses them.
    pub manager_first: String,
    /// The 1:1's date.
    pub date: NaiveDate,
    /// The open commitments, overdue first.
    pub commitments: Vec<Item>,
    /// How many of them are overdue.
    pub overdue: usize,
    /// Decisions asked for with `--decision`.
    pub asked: Vec<String>,
    /// Open commitments of the manager that are decisions.
    pub pending: Vec<Item>,
    /// The objection the growth ask aims at, if any is left.
    pub objection: Option<Ask>,
    /// Moments backing the growth ask.
    pub proof: Vec<Proof>,
}

/// One open commitment.
#[derive(Clone, Debug, Serialize)]
pub struct Item {
    /// `MOMENT.N`.
    pub id: String,
    /// Who owes it, by name.
    pub owner_name: String,
    /// What is owed.
    pub what: String,
    /// "due 2026-11-28", "7 days overdue, due 2026-11-14" or "no date".
    pub due_phrase: String,
    /// Whether it is past due.
    pub overdue: bool,
    /// Whether it comes from a private moment.
    pub private: bool,
}

/// The objection a growth ask aims at.
#[derive(Clone, Debug, Serialize)]
pub struct Ask {
    /// Its title.
    pub title: String,
    /// `high`, `medium` or `low`.
    pub severity: &'static str,
    /// The ask to bring to the 1:1.
    pub ask: String,
}

/// A moment to bring as evidence.
#[derive(Clone, Debug, Serialize)]
pub struct Proof {
    /// The moment's id.
    pub id: String,
    /// Its text, folded to one line and shortened.
    pub what: String,
}

/// What the agenda is built from besides the log.
pub struct Request<'r> {
    /// The 1:1's date; `None` for the next one by the log's cadence.
    pub date: Option<NaiveDate>,
    /// Decisions to ask for (`--decision`); blank ones are dropped.
    pub decisions: &'r [String],
    /// Whether to list the open commitments of private moments.
    pub with_private: bool,
}

impl Agenda {
    /// The agenda of the case's next 1:1, its growth ask aimed at the objections for
    /// the target level.
    pub fn of_case(case: &Case, request: &Request<'_>) -> Result<Self, Error> {
        let level = case.level()?;
        let evidence = case.evidence();
        let found = crate::objections::find_for_level(&case.log, &evidence, level, case.today);
        Ok(build(&case.log, &evidence, &found, case.today, request))
    }
}

/// The agenda of the next 1:1 (`objections` in attack order, for the log's target level).
pub fn build(
    log: &Log,
    evidence: &Evidence<'_>,
    objections: &[Objection],
    today: NaiveDate,
    request: &Request<'_>,
) -> Agenda {
    let open: Vec<Entry<'_>> = commitments::list(log, today, request.with_private)
        .into_iter()
        .filter(Entry::is_open)
        .collect();
    let item = |e: &Entry<'_>| Item {
        id: e.id.clone(),
        owner_name: e.owner(log),
        what: e.commitment.what.clone(),
        due_phrase: due_phrase(e, today),
        overdue: e.is_overdue(today),
        private: e.private,
    };
    let pending = open
        .iter()
        .filter(|e| {
            e.commitment.owner == CommitmentOwner::Manager
                && starts_with_any(&e.commitment.what, DECISION_VERBS)
        })
        .map(item)
        .collect();
    let objection = objections.first();
    let mut proof: Vec<Proof> = objection
        .iter()
        .flat_map(|o| o.evidence.iter())
        .filter_map(|id| evidence.find(id))
        .take(3)
        .map(|m| proof_of(&m.moment.id, &m.moment.what))
        .collect();
    if proof.is_empty() {
        proof = evidence
            .top_examples()
            .take(2)
            .map(|m| proof_of(&m.moment.id, &m.moment.what))
            .collect();
    }
    Agenda {
        owner: log.owner.name.clone(),
        manager: log.manager.clone(),
        manager_first: first_name(&log.manager).to_string(),
        date: request.date.unwrap_or_else(|| next_one_on_one(log, today)),
        overdue: open.iter().filter(|e| e.is_overdue(today)).count(),
        commitments: open.iter().map(item).collect(),
        asked: request
            .decisions
            .iter()
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty())
            .collect(),
        pending,
        objection: objection.map(|o| Ask {
            title: o.title.clone(),
            severity: o.severity.word(),
            ask: o.ask.clone(),
        }),
        proof,
    }
}

fn proof_of(id: &str, what: &str) -> Proof {
    Proof {
        id: id.to_string(),
        what: shorten(what),
    }
}

/// The next 1:1 on or after today: one answer for every report (see `Log::next_one_on_one`).
pub fn next_one_on_one(log: &Log, today: NaiveDate) -> NaiveDate {
    log.next_one_on_one(today)
}

fn shorten(text: &str) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= WHAT_CHARS {
        return folded;
    }
    let cut: String = folded.chars().take(WHAT_CHARS - 1).collect();
    let cut = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

/// Whether `text` starts with one of `words` (case-insensitive, as a whole word).
fn starts_with_any(text: &str, words: &[&str]) -> bool {
    let lower = text.trim().to_lowercase();
    words.iter().any(|w| {
        lower
            .strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric()))
    })
}

fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// "due 2026-11-28", "7 days overdue, due 2026-11-14", "no date".
fn due_phrase(entry: &Entry<'_>, today: NaiveDate) -> String {
    match entry.commitment.due {
        Some(due) if entry.is_overdue(today) => {
            let days = (today - due).num_days();
            format!(
                "{days} day{} overdue, due {due}",
                if days == 1 { "" } else { "s" }
            )
        }
        Some(due) => format!("due {due}"),
        None => "no date".into(),
    }
}
