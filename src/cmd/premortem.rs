//! `promo premortem`: the owner's plan for the months before submission, as text,
//! Markdown, HTML, a one-page PDF or its JSON context.

use super::Ctx;
use crate::cli::PremortemArgs;
use crate::error::Error;
use crate::report::{case::Case, premortem::Premortem};

/// Runs `promo premortem`.
pub fn run(args: &PremortemArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let format = super::page_format(args.format, args.out.context);
    super::refuse_binary_to_terminal(ctx, format, args.out.output.as_deref(), "premortem")?;
    let case = Case::open(ctx.log()?, ctx)?;
    let submission = args.submission.unwrap_or(case.log.target.submission);
    let report = Premortem::of(&case, submission)?;
    let rendered = super::render_to(ctx, &report, format)?;
    ctx.emit(args.out.output.as_deref(), &rendered.bytes)?;
    if let Some(output) = &args.out.output {
        ctx.note(&format!(
            "wrote {} (for you only: it can list private commitments; keep it on this machine)",
            output.display()
        ));
    }
    for note in &rendered.notes {
        ctx.note(note);
    }
    Ok(0)
}
