//! `promo recap`: the same-day recap of a 1:1, ready to paste — the decisions, what
//! else happened, and who owes what by when, from the moments dated that day.
//!
//! A recap is sent to the manager, so private moments never appear in it.

use super::Ctx;
use crate::cli::RecapArgs;
use crate::error::Error;
use crate::log::load;
use crate::render::templates::Templates;
use crate::report::recap::{self, Recap};

/// Runs `promo recap`.
pub fn run(args: &RecapArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let path = ctx.log()?.to_path_buf();
    let (log, _) = load::load(&path, ctx.today)?;
    let date = args.date.unwrap_or(ctx.today);
    let report = recap::build(&log, date);
    // Load the templates even for `--context`, so a broken override is always reported.
    let templates = Templates::load(ctx.templates.as_deref())?;
    if args.context {
        return super::print_context(ctx, &report);
    }
    if report.is_empty() {
        ctx.note(&format!(
            "nothing recorded for the 1:1 of {date}: add its moments with `promo add` (they are dated today unless `--date` says otherwise), then run `promo recap` again"
        ));
        return Ok(0);
    }
    let ext = super::note_extension(args.format);
    let text = super::render_report(&templates, Recap::NAME, ext, &report, ctx.color)?;
    ctx.print(&text)?;
    Ok(0)
}
