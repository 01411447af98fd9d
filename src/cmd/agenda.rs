//! `promo agenda`: the next 1:1's agenda (see [`crate::report::agenda`]), as text,
//! Markdown, HTML or its JSON context.
//!
//! The agenda is usually pasted into the document shared with the manager, so the
//! commitments of private moments stay out unless `--private` asks for them.

use super::Ctx;
use crate::cli::AgendaArgs;
use crate::error::Error;
use crate::evidence::Evidence;
use crate::ladder::Ladder;
use crate::log::load;
use crate::render::templates::Templates;
use crate::report::agenda::{self, Agenda, Request};

/// Runs `promo agenda`.
pub fn run(args: &AgendaArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let path = ctx.log()?.to_path_buf();
    let (log, _) = load::load(&path, ctx.today)?;
    let ladder = Ladder::for_log(ctx.ladder.as_deref(), &log)?;
    let level = ladder.find(&log.target.level)?;
    let evidence = Evidence::rank(&log, ctx.today);
    let found = crate::objections::find_for_level(&log, &evidence, level, ctx.today);
    let request = Request {
        date: args.date,
        decisions: &args.decisions,
        with_private: args.private,
    };
    let report = agenda::build(&log, &evidence, &found, ctx.today, &request);
    // Load the templates even for `--context`, so a broken override is always reported.
    let templates = Templates::load(ctx.templates.as_deref())?;
    if args.context {
        return super::print_context(ctx, &report);
    }
    let ext = super::note_extension(args.format);
    let text = super::render_report(&templates, Agenda::NAME, ext, &report, ctx.color)?;
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
