//! `promo premortem`: the owner's plan for the months before submission.

use super::Ctx;
use crate::cli::{PremortemArgs, PremortemFormat};
use crate::error::Error;
use crate::evidence::Evidence;
use crate::ladder::Ladder;
use crate::log::load;
use crate::premortem::Premortem;
use crate::render::templates::Templates;
use crate::render::{Format, pdf};

/// Runs `promo premortem`.
pub fn run(args: &PremortemArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let path = ctx.log()?.to_path_buf();
    let (log, _) = load::load(&path, ctx.today)?;
    let ladder = Ladder::for_log(ctx.ladder.as_deref(), &log)?;
    let evidence = Evidence::rank(&log, ctx.today);
    let objections = crate::objections::find(&log, &evidence, &ladder, ctx.today)?;
    let submission = args.submission.unwrap_or(log.target.submission);
    let mut report = Premortem::build(&log, &evidence, &objections, submission, ctx.today);
    report.competencies = crate::report::competencies::cited_matrix(&log, &ladder)?;
    // Load the templates even for JSON, so a broken override directory is reported
    // whatever the format.
    let templates = Templates::load(ctx.templates.as_deref())?;
    let format = match args.format {
        PremortemFormat::Text => Format::Text,
        PremortemFormat::Md => Format::Markdown,
        PremortemFormat::Html => Format::Html,
        PremortemFormat::Json => Format::Json,
    };
    let rendered =
        crate::render::renderer(format, &templates, pdf::Paper::Letter).render(&report)?;
    ctx.emit(args.output.as_deref(), &rendered.bytes)?;
    if let Some(output) = &args.output {
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
