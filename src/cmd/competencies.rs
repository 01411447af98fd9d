//! `promo competencies`: for the target level, each competency of the ladder with its
//! criteria, the moments that cite it, the ones promo suggests, and whether it is
//! covered — as text, Markdown, HTML, JSON or the template context.

use super::Ctx;
use crate::cli::{CompetenciesArgs, CompetenciesFormat};
use crate::error::Error;
use crate::render::{self, Format};
use crate::report::case::Case;
use crate::report::competencies::CompetenciesReport;

/// Runs `promo competencies`.
pub fn run(args: &CompetenciesArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let case = Case::open(ctx.log()?, ctx)?;
    let report = CompetenciesReport::build(&case)?;
    let format = match (args.context, args.format) {
        (true, _) => Format::Json,
        // `--format json` is the documented `{"level", "competencies": [...]}` shape.
        (false, CompetenciesFormat::Json) => {
            // Load the templates anyway, so a broken override is always reported.
            super::templates(ctx)?;
            ctx.print_bytes(&render::json(&report.json())?)?;
            return Ok(0);
        }
        (false, CompetenciesFormat::Text) => Format::Text,
        (false, CompetenciesFormat::Md) => Format::Markdown,
        (false, CompetenciesFormat::Html) => Format::Html,
    };
    super::show(ctx, &report, format)
}
