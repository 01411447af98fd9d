//! `promo objections`: what a calibration reviewer attacks first, in attack order,
//! as text, Markdown, HTML or JSON. Exits 0 whether or not there are objections: it is a
//! report, not a check.

use super::Ctx;
use crate::cli::{ObjectionsArgs, ReportFormat};
use crate::error::Error;
use crate::render::{self, Format};
use crate::report::case::Case;
use crate::report::objections::ObjectionsReport;

/// Runs `promo objections`.
pub fn run(args: &ObjectionsArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let case = Case::open(ctx.log()?, ctx)?;
    let report = ObjectionsReport::build(&case)?;
    let templates = super::templates(ctx)?;
    let format = match (args.context, args.format) {
        (true, _) => Format::Json,
        // `--format json` is the bare array of objections, as it always was.
        (false, ReportFormat::Json) => {
            ctx.print_bytes(&render::json(&report.objections)?)?;
            return Ok(0);
        }
        (false, ReportFormat::Text) => Format::Text,
        (false, ReportFormat::Md) => Format::Markdown,
        (false, ReportFormat::Html) => Format::Html,
    };
    let rendered = super::render(ctx, &templates, &report, format)?;
    ctx.print_bytes(&rendered.bytes)?;
    Ok(0)
}
