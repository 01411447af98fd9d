//! `promo recap`: the same-day recap of a 1:1, ready to paste — the decisions, what
//! else happened, and who owes what by when, from the moments dated that day.
//!
//! A recap is sent to the manager, so private moments never appear in it.

use super::Ctx;
use crate::cli::RecapArgs;
use crate::error::Error;
use crate::report::case::Case;
use crate::report::recap;

/// Runs `promo recap`.
pub fn run(args: &RecapArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let case = Case::open(ctx.log()?, ctx)?;
    let date = args.date.unwrap_or(ctx.today);
    let report = recap::build(&case.log, date);
    let templates = super::templates(ctx)?;
    if report.is_empty() && !args.context {
        ctx.note(&format!(
            "nothing recorded for the 1:1 of {date}: add its moments with `promo add` (they are dated today unless `--date` says otherwise), then run `promo recap` again"
        ));
        return Ok(0);
    }
    let format = super::note_format(args.format, args.context);
    let rendered = super::render(ctx, &templates, &report, format)?;
    ctx.print_bytes(&rendered.bytes)?;
    Ok(0)
}
