//! `promo commitments`: who owes what by when, overdue first (see
//! [`crate::report::commitments`]), as a table, Markdown, HTML, JSON, or an iCalendar
//! file of the open ones for a calendar or task app.
//!
//! The table and the JSON are for the owner and show the open commitments of
//! private moments, marked private. The calendar file is meant to be imported
//! into apps that sync elsewhere, so it never holds a private moment's commitment.

use super::Ctx;
use crate::cli::{CommitmentsArgs, CommitmentsFormat};
use crate::error::Error;
use crate::log::load;
use crate::render::ics;
use crate::render::templates::Templates;
use crate::report::commitments::{self, Commitments};

/// Runs `promo commitments`.
pub fn run(args: &CommitmentsArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let path = ctx.log()?.to_path_buf();
    let (log, _) = load::load(&path, ctx.today)?;
    let calendar = args.format == CommitmentsFormat::Ics;
    let report = commitments::build(&log, ctx.today, !calendar, args.open || calendar);
    // Load the templates even for `--context`, so a broken override is always reported.
    let templates = Templates::load(ctx.templates.as_deref())?;
    if args.context {
        return super::print_context(ctx, &report);
    }
    let ext = match args.format {
        CommitmentsFormat::Json => return super::print_context(ctx, &report.commitments),
        CommitmentsFormat::Ics => {
            let kind = if args.todo {
                ics::Kind::Todos
            } else {
                ics::Kind::Events
            };
            ctx.print(&report.calendar(kind))?;
            let private = log.private.open_commitments_for_owner().count();
            if private > 0 {
                ctx.note(&format!(
                    "note: {private} open commitment{} of private moments left out: a calendar file leaves this machine",
                    if private == 1 { "" } else { "s" }
                ));
            }
            return Ok(0);
        }
        CommitmentsFormat::Text => "txt",
        CommitmentsFormat::Md => "md",
        CommitmentsFormat::Html => "html",
    };
    let text = super::render_report(&templates, Commitments::NAME, ext, &report, ctx.color)?;
    ctx.print(&text)?;
    Ok(0)
}
