//! `promo agenda`: the next 1:1's agenda, in the order the meeting needs it — the
//! open commitments of both sides (overdue first), the decisions the owner needs
//! from their manager, and one growth ask aimed at the objection a reviewer would
//! raise first, tied to the moments that show it.
//!
//! The agenda is usually pasted into the document shared with the manager, so the
//! commitments of private moments stay out unless `--private` asks for them.

use chrono::NaiveDate;

use super::Ctx;
use crate::cli::{AgendaArgs, NoteFormat};
use crate::color::Paint;
use crate::commitments::{self, Entry};
use crate::error::Error;
use crate::evidence::Evidence;
use crate::ladder::Ladder;
use crate::log::{CommitmentOwner, Log, load};
use crate::objections::{self, Objection};

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

/// The agenda, before it is written out.
struct Agenda<'a> {
    date: NaiveDate,
    commitments: Vec<Entry<'a>>,
    /// Decisions asked for with `--decision`.
    asked: Vec<String>,
    /// Open commitments of the manager that are decisions.
    pending: Vec<Entry<'a>>,
    objection: Option<Objection>,
    /// Moments backing the growth ask: `(id, what)`.
    proof: Vec<(String, String)>,
}

/// Runs `promo agenda`.
pub fn run(args: &AgendaArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let path = ctx.log()?.to_path_buf();
    let (log, _) = load::load(&path, ctx.today)?;
    let ladder = Ladder::load(ctx.ladder.as_deref())?;
    let level = ladder.find(&log.target.level)?;
    let evidence = Evidence::rank(&log, ctx.today);
    let found = objections::find_for_level(&log, &evidence, level, ctx.today);

    let all = commitments::list(&log, ctx.today, args.private);
    let open: Vec<Entry<'_>> = all.into_iter().filter(Entry::is_open).collect();
    let pending: Vec<Entry<'_>> = open
        .iter()
        .filter(|e| {
            e.commitment.owner == CommitmentOwner::Manager
                && starts_with_any(&e.commitment.what, DECISION_VERBS)
        })
        .cloned()
        .collect();
    let objection = found.into_iter().next();
    let mut proof: Vec<(String, String)> = objection
        .iter()
        .flat_map(|o| o.evidence.iter())
        .filter_map(|id| evidence.find(id))
        .take(3)
        .map(|m| (m.moment.id.clone(), shorten(&m.moment.what)))
        .collect();
    if proof.is_empty() {
        proof = evidence
            .top_examples()
            .take(2)
            .map(|m| (m.moment.id.clone(), shorten(&m.moment.what)))
            .collect();
    }
    let agenda = Agenda {
        date: args
            .date
            .unwrap_or_else(|| next_one_on_one(&log, ctx.today)),
        commitments: open,
        asked: args
            .decisions
            .iter()
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty())
            .collect(),
        pending,
        objection,
        proof,
    };
    let text = match args.format {
        NoteFormat::Text => text(&log, &agenda, ctx.today, Paint::new(ctx.color)),
        NoteFormat::Md => markdown(&log, &agenda, ctx.today),
    };
    ctx.print(&text)?;
    let hidden = log.private.open_commitments_for_owner().count();
    if !args.private && hidden > 0 {
        ctx.note(&format!(
            "note: {hidden} open commitment{} of private moments left out (`--private` shows them; keep that agenda to yourself)",
            if hidden == 1 { "" } else { "s" }
        ));
    }
    Ok(0)
}

/// The next 1:1 on or after today, counting the log's cadence from its latest moment.
fn next_one_on_one(log: &Log, today: NaiveDate) -> NaiveDate {
    let Some(last) = log.moments.iter().map(|m| m.date).max() else {
        return today;
    };
    let step = log.cadence.days();
    let behind = (today - last).num_days().max(0);
    let meetings = (behind + step - 1) / step;
    last + chrono::Duration::days(step * meetings.max(1))
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

/// "due 2026-11-28", "7 days overdue (due 2026-11-14)", "no date".
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

fn private_mark(entry: &Entry<'_>) -> &'static str {
    if entry.private { " (private)" } else { "" }
}

fn text(log: &Log, agenda: &Agenda<'_>, today: NaiveDate, paint: Paint) -> String {
    let manager = first_name(&log.manager);
    let mut out = paint.bold(&format!(
        "Agenda: {}'s 1:1 with {}, {}",
        log.owner.name, log.manager, agenda.date
    ));
    out.push_str("\n\n");
    let overdue = agenda
        .commitments
        .iter()
        .filter(|e| e.is_overdue(today))
        .count();
    out.push_str(&paint.bold(&format!(
        "1. Open commitments: {} ({overdue} overdue)",
        agenda.commitments.len()
    )));
    out.push('\n');
    if agenda.commitments.is_empty() {
        out.push_str("   None open: nothing to chase.\n");
    }
    for entry in &agenda.commitments {
        let due = due_phrase(entry, today);
        let due = if entry.is_overdue(today) {
            paint.red(&due)
        } else {
            due
        };
        out.push_str(&format!(
            "   - {}: {} ({due}) {}{}\n",
            entry.owner(log),
            entry.commitment.what,
            paint.dim(&entry.id),
            private_mark(entry)
        ));
    }
    out.push('\n');
    out.push_str(&paint.bold(&format!("2. Decisions I need from {manager}")));
    out.push('\n');
    for decision in &agenda.asked {
        out.push_str(&format!("   - {decision}\n"));
    }
    for entry in &agenda.pending {
        out.push_str(&format!(
            "   - Waiting on {manager}: {} ({}) {}\n",
            entry.commitment.what,
            due_phrase(entry, today),
            paint.dim(&entry.id)
        ));
    }
    if agenda.asked.is_empty() && agenda.pending.is_empty() {
        out.push_str(&format!(
            "   None written down. Bring one: what do you need {manager} to decide, approve or unblock? (promo agenda --decision \"…\")\n"
        ));
    }
    out.push('\n');
    out.push_str(&paint.bold("3. Growth ask"));
    out.push('\n');
    match &agenda.objection {
        Some(objection) => {
            out.push_str(&format!(
                "   Aimed at the first objection a reviewer would raise: {} [{}]\n   {}\n",
                objection.title,
                objection.severity.word(),
                objection.ask
            ));
        }
        None => out.push_str(&format!(
            "   No objection left to answer. Ask {manager} whether the case is ready for calibration, and what the committee would still question.\n"
        )),
    }
    if !agenda.proof.is_empty() {
        out.push_str("   Evidence to bring:\n");
        for (id, what) in &agenda.proof {
            out.push_str(&format!("   - {} {what}\n", paint.dim(id)));
        }
    }
    out
}

fn markdown(log: &Log, agenda: &Agenda<'_>, today: NaiveDate) -> String {
    let manager = first_name(&log.manager);
    let mut out = format!("## {} — agenda\n\n### Open commitments\n\n", agenda.date);
    if agenda.commitments.is_empty() {
        out.push_str("None open.\n");
    }
    for entry in &agenda.commitments {
        let due = due_phrase(entry, today);
        let due = if entry.is_overdue(today) {
            format!("**{due}**")
        } else {
            due
        };
        out.push_str(&format!(
            "- [{}] {} ({due}) `{}`{}\n",
            md(&entry.owner(log)),
            md(&entry.commitment.what),
            entry.id,
            private_mark(entry)
        ));
    }
    out.push_str(&format!("\n### Decisions I need from {}\n\n", md(manager)));
    for decision in &agenda.asked {
        out.push_str(&format!("- {}\n", md(decision)));
    }
    for entry in &agenda.pending {
        out.push_str(&format!(
            "- Waiting on {}: {} ({}) `{}`\n",
            md(manager),
            md(&entry.commitment.what),
            due_phrase(entry, today),
            entry.id
        ));
    }
    if agenda.asked.is_empty() && agenda.pending.is_empty() {
        out.push_str(&format!(
            "- None written down: what do I need {} to decide, approve or unblock?\n",
            md(manager)
        ));
    }
    out.push_str("\n### Growth ask\n\n");
    match &agenda.objection {
        Some(objection) => out.push_str(&format!(
            "Aimed at the first objection a reviewer would raise: *{}* ({}).\n\n- {}\n",
            md(&objection.title),
            objection.severity.word(),
            md(&objection.ask)
        )),
        None => out.push_str(&format!(
            "- Is the case ready for calibration, {}? What would the committee still question?\n",
            md(manager)
        )),
    }
    if !agenda.proof.is_empty() {
        out.push_str("- Evidence: ");
        let items: Vec<String> = agenda
            .proof
            .iter()
            .map(|(id, what)| format!("`{id}` {}", md(what)))
            .collect();
        out.push_str(&items.join("; "));
        out.push('\n');
    }
    out
}

/// Escapes what Markdown would read as formatting in text from the log.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // A line break in the log's text would end the list item it sits in.
        if matches!(c, '\n' | '\r') {
            if !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
