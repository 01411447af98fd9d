//! `promo agenda`: the next 1:1's agenda (see [`crate::report::agenda`]), as text,
//! Markdown, HTML or its JSON context.
//!
//! The agenda is usually pasted into the document shared with the manager, so the
//! commitments of private moments stay out unless `--private` asks for them.

use super::Ctx;
use crate::cli::AgendaArgs;
use crate::error::Error;
use crate::report::agenda::{Agenda, Request};
use crate::report::case::Case;

/// Runs `promo agenda`.
pub fn run(args: &AgendaArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let case = Case::open(ctx.log()?, ctx)?;
    let request = Request {
        date: args.date,
        decisions: &args.decisions,
        with_private: args.private,
    };
    let report = Agenda::of_case(&case, &request)?;
    super::show(ctx, &report, super::note_format(args.format, args.context))?;
    let hidden = case.log.private.open_commitments_for_owner().count();
    if !args.context && !args.private && hidden > 0 {
        ctx.note(&format!(
            "note: {hidden} open commitment{} of private moments left out (`--private` shows them; keep that agenda to yourself)",
            if hidden == 1 { "" } else { "s" }
        ));
    }
    Ok(0)
}
