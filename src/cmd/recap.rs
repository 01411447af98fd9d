//! `promo recap`: the same-day recap of a 1:1, ready to paste — the decisions, what
//! else happened, and who owes what by when, from the moments dated that day.
//!
//! A recap is sent to the manager, so private moments never appear in it.

use chrono::NaiveDate;

use super::Ctx;
use crate::cli::{NoteFormat, RecapArgs};
use crate::error::Error;
use crate::log::{Log, Moment, Status, Tag, load};

/// Runs `promo recap`.
pub fn run(args: &RecapArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let path = ctx.log()?.to_path_buf();
    let (log, _) = load::load(&path, ctx.today)?;
    let date = args.date.unwrap_or(ctx.today);
    let moments: Vec<&Moment> = log.moments.iter().filter(|m| m.date == date).collect();
    if moments.is_empty() {
        ctx.note(&format!(
            "nothing recorded for the 1:1 of {date}: add its moments with `promo add` (they are dated today unless `--date` says otherwise), then run `promo recap` again"
        ));
        return Ok(0);
    }
    let text = recap(&log, date, &moments, args.format);
    ctx.print(&text)?;
    Ok(0)
}

fn recap(log: &Log, date: NaiveDate, moments: &[&Moment], format: NoteFormat) -> String {
    let md = format == NoteFormat::Md;
    let esc = |text: &str| if md { escape(text) } else { text.to_string() };
    let heading = |text: &str| {
        if md {
            format!("**{text}**\n")
        } else {
            format!("{text}\n")
        }
    };
    let mut out = if md {
        format!("## Recap: 1:1 of {date}\n\n")
    } else {
        format!(
            "Recap: {}'s 1:1 with {}, {date}\n\n",
            log.owner.name, log.manager
        )
    };
    let line = |m: &Moment| {
        let impact = m
            .impact
            .as_deref()
            .map(|i| format!(" — {}", esc(i)))
            .unwrap_or_default();
        format!(
            "- {} ({}){impact}\n",
            esc(&m.what),
            esc(log.project_name(&m.project))
        )
    };
    let decisions: Vec<&&Moment> = moments.iter().filter(|m| m.tag == Tag::Decision).collect();
    let others: Vec<&&Moment> = moments.iter().filter(|m| m.tag != Tag::Decision).collect();
    if !decisions.is_empty() {
        out.push_str(&heading("Decisions"));
        for m in decisions {
            out.push_str(&line(m));
        }
        out.push('\n');
    }
    if !others.is_empty() {
        out.push_str(&heading("Also"));
        for m in others {
            out.push_str(&format!(
                "- {} ({}, {})\n",
                esc(&m.what),
                m.tag.word(),
                esc(log.project_name(&m.project))
            ));
        }
        out.push('\n');
    }
    out.push_str(&heading("Who owes what by when"));
    let mut owed: Vec<_> = moments.iter().flat_map(|m| m.commitments.iter()).collect();
    owed.sort_by_key(|c| (c.due.is_none(), c.due));
    if owed.is_empty() {
        out.push_str("- Nothing agreed.\n");
    }
    for c in owed {
        let who = c.owner.display(&log.owner.name, &log.manager);
        let who = if md {
            format!("**{}**", escape(&who))
        } else {
            who
        };
        let due = c
            .due
            .map_or_else(|| "no date set".to_string(), |d| format!("by {d}"));
        let status = match c.status {
            Status::Open => String::new(),
            other => format!(" ({})", other.word()),
        };
        out.push_str(&format!("- {who}: {} — {due}{status}\n", esc(&c.what)));
    }
    out
}

/// Escapes what Markdown would read as formatting in text from the log.
fn escape(text: &str) -> String {
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
