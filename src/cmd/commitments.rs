//! `promo commitments`: who owes what by when, overdue first, as a table, JSON, or
//! an iCalendar file of the open ones for a calendar or task app.
//!
//! The table and the JSON are for the owner and show the open commitments of
//! private moments, marked private. The calendar file is meant to be imported
//! into apps that sync elsewhere, so it never holds a private moment's commitment.

use serde::Serialize;

use super::Ctx;
use crate::cli::{CommitmentsArgs, CommitmentsFormat};
use crate::color::Paint;
use crate::commitments::{self, Entry};
use crate::error::Error;
use crate::log::{CommitmentOwner, Log, load};
use crate::render::ics;

/// One commitment as `--format json` prints it.
#[derive(Serialize)]
struct Json {
    id: String,
    moment: String,
    moment_date: String,
    owner: &'static str,
    owner_name: String,
    what: String,
    due: Option<String>,
    status: &'static str,
    overdue: bool,
    private: bool,
}

/// Runs `promo commitments`.
pub fn run(args: &CommitmentsArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let path = ctx.log()?.to_path_buf();
    let (log, _) = load::load(&path, ctx.today)?;
    let with_private = args.format != CommitmentsFormat::Ics;
    let entries: Vec<Entry<'_>> = commitments::list(&log, ctx.today, with_private)
        .into_iter()
        .filter(|e| !args.open || args.format == CommitmentsFormat::Ics || e.is_open())
        .collect();
    match args.format {
        CommitmentsFormat::Text | CommitmentsFormat::Md | CommitmentsFormat::Html => {
            let text = table(&log, &entries, ctx.today, Paint::new(ctx.color), args.open);
            ctx.print(&text)?;
        }
        CommitmentsFormat::Json => {
            let rows: Vec<Json> = entries.iter().map(|e| json(&log, e, ctx.today)).collect();
            let mut text = serde_json::to_string_pretty(&rows)
                .map_err(|e| Error::Usage(format!("cannot write the commitments as JSON: {e}")))?;
            text.push('\n');
            ctx.print(&text)?;
        }
        CommitmentsFormat::Ics => {
            let open: Vec<&Entry<'_>> = entries.iter().filter(|e| e.is_open()).collect();
            let calendar = ics::calendar(
                &format!("promo: {}'s commitments", log.owner.name),
                &open.iter().map(|e| ics_entry(&log, e)).collect::<Vec<_>>(),
                ctx.today,
                if args.todo {
                    ics::Kind::Todos
                } else {
                    ics::Kind::Events
                },
            );
            ctx.print(&calendar)?;
            let private = log.private.open_commitments_for_owner().count();
            if private > 0 {
                ctx.note(&format!(
                    "note: {private} open commitment{} of private moments left out: a calendar file leaves this machine",
                    if private == 1 { "" } else { "s" }
                ));
            }
        }
    }
    Ok(0)
}

fn ics_entry(log: &Log, entry: &Entry<'_>) -> ics::Entry {
    let what = &entry.commitment.what;
    ics::Entry {
        uid: ics::uid(&log.owner.name, &entry.moment.id, entry.index),
        summary: format!("{}: {what}", entry.owner(log)),
        description: format!(
            "Agreed in the 1:1 of {} ({}: {}). When it is done: promo done {}",
            entry.moment.date, entry.moment.id, entry.moment.what, entry.id
        ),
        due: entry.commitment.due,
    }
}

fn json(log: &Log, entry: &Entry<'_>, today: chrono::NaiveDate) -> Json {
    Json {
        id: entry.id.clone(),
        moment: entry.moment.id.clone(),
        moment_date: entry.moment.date.to_string(),
        owner: match entry.commitment.owner {
            CommitmentOwner::Me => "me",
            CommitmentOwner::Manager => "manager",
            CommitmentOwner::Other(_) => "other",
        },
        owner_name: entry.owner(log),
        what: entry.commitment.what.clone(),
        due: entry.commitment.due.map(|d| d.to_string()),
        status: entry.commitment.status.word(),
        overdue: entry.is_overdue(today),
        private: entry.private,
    }
}

/// The terminal table: id, state, due, owner, what; overdue in red, held in green.
fn table(
    log: &Log,
    entries: &[Entry<'_>],
    today: chrono::NaiveDate,
    paint: Paint,
    open_only: bool,
) -> String {
    let count = |state: &str| entries.iter().filter(|e| e.state(today) == state).count();
    let open = entries.iter().filter(|e| e.is_open()).count();
    let mut out = format!(
        "Commitments in {}'s log as of {today}: {open} open ({} overdue)",
        log.owner.name,
        count("overdue")
    );
    if !open_only {
        for state in ["held", "broken", "dropped"] {
            out.push_str(&format!(", {} {state}", count(state)));
        }
    }
    out.push('\n');
    if entries.is_empty() {
        return out;
    }
    let rows: Vec<[String; 5]> = entries
        .iter()
        .map(|e| {
            let what = if e.private {
                format!("{} (private)", e.commitment.what)
            } else {
                e.commitment.what.clone()
            };
            [
                e.id.clone(),
                e.state(today).to_string(),
                e.commitment
                    .due
                    .map_or_else(|| "-".to_string(), |d| d.to_string()),
                e.owner(log),
                what,
            ]
        })
        .collect();
    let header = ["ID", "STATE", "DUE", "OWNER", "WHAT"].map(str::to_string);
    let widths: Vec<usize> = (0..4)
        .map(|c| {
            rows.iter()
                .chain(std::iter::once(&header))
                .map(|r| r[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let pad = |text: &str, width: usize| {
        format!(
            "{text}{}",
            " ".repeat(width.saturating_sub(text.chars().count()))
        )
    };
    out.push('\n');
    let head: Vec<String> = (0..4).map(|c| pad(&header[c], widths[c])).collect();
    out.push_str(&paint.bold(&format!("{}  {}", head.join("  "), header[4])));
    out.push('\n');
    for row in &rows {
        let state = pad(&row[1], widths[1]);
        let state = match row[1].as_str() {
            "overdue" | "broken" => paint.red(&state),
            "held" => paint.green(&state),
            "dropped" => paint.dim(&state),
            _ => state,
        };
        out.push_str(&format!(
            "{}  {state}  {}  {}  {}\n",
            paint.dim(&pad(&row[0], widths[0])),
            pad(&row[2], widths[2]),
            pad(&row[3], widths[3]),
            row[4]
        ));
    }
    out
}
