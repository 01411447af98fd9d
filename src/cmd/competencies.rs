//! `promo competencies`: for the target level, each competency of the ladder with its
//! criteria, the moments that cite it, the ones promo suggests, and whether it is
//! covered — as text, Markdown, HTML, JSON or the template context.

use super::Ctx;
use crate::cli::{CompetenciesArgs, CompetenciesFormat};
use crate::error::Error;
use crate::render::templates::Templates;
use crate::report::case::Case;
use crate::report::competencies::CompetenciesReport;

/// Runs `promo competencies`.
pub fn run(args: &CompetenciesArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let case = Case::open(ctx.log()?, ctx)?;
    let report = CompetenciesReport::build(&case)?;
    // Load the templates even for `--context`, so a broken override is always reported.
    let templates = Templates::load(ctx.templates.as_deref())?;
    if args.context {
        return super::print_context(ctx, &report);
    }
    let ext = match args.format {
        CompetenciesFormat::Json => return super::print_context(ctx, &report.json()),
        CompetenciesFormat::Text => "txt",
        CompetenciesFormat::Md => "md",
        CompetenciesFormat::Html => "html",
    };
    let text = super::render_report(&templates, "competencies", ext, &report, ctx.color)?;
    ctx.print(&text)?;
    Ok(0)
}
