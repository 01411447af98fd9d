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
use crate::render::{self, Format, ics};
use crate::report::case::Case;
use crate::report::commitments;

/// Runs `promo commitments`.
pub fn run(args: &CommitmentsArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let case = Case::open(ctx.log()?, ctx)?;
    let calendar = args.format == CommitmentsFormat::Ics;
    let report = commitments::build(&case.log, ctx.today, !calendar, args.open || calendar);
    let format = match (args.context, args.format) {
        (true, _) => Format::Json,
        (false, CommitmentsFormat::Text) => Format::Text,
        (false, CommitmentsFormat::Md) => Format::Markdown,
        (false, CommitmentsFormat::Html) => Format::Html,
        (false, CommitmentsFormat::Json | CommitmentsFormat::Ics) => {
            // Checked even here, so a broken override directory is always reported.
            super::templates(ctx)?;
            if args.format == CommitmentsFormat::Json {
                // `--format json` is the bare list of commitments, as it always was.
                ctx.print_bytes(&render::json(&report.commitments)?)?;
                return Ok(0);
            }
            let kind = if args.todo {
                ics::Kind::Todos
            } else {
                ics::Kind::Events
            };
            ctx.print(&ics::commitments(&report, kind))?;
            let private = case.log.private.open_commitments_for_owner().count();
            if private > 0 {
                ctx.note(&format!(
                    "note: {private} open commitment{} of private moments left out: a calendar file leaves this machine",
                    if private == 1 { "" } else { "s" }
                ));
            }
            return Ok(0);
        }
    };
    super::show(ctx, &report, format)
}
