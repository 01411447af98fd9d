//! `promo map`: the ranked evidence map — one row per project (Project | Scope |
//! Org-level impact), the top examples and the coverage gaps — as terminal text,
//! Markdown, HTML or JSON, all rendered from one [`MapReport`] context.

use super::Ctx;
use crate::cli::{MapArgs, MapFormat};
use crate::error::Error;
use crate::render::{self, Format};
use crate::report::case::Case;
use crate::report::map::MapReport;

/// Runs `promo map`.
pub fn run(args: &MapArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let case = Case::open(ctx.log()?, ctx)?;
    let report = MapReport::build(&case, ctx.width, args.explain);
    let n = case.log.private.len();
    if n > 0 && !case.log.moments.is_empty() {
        ctx.note(&format!(
            "note: {n} private moment{} left out of the map",
            if n == 1 { " is" } else { "s are" }
        ));
    }
    let format = match (args.context, args.format) {
        (true, _) => Format::Json,
        // `--format json` is the plain map (`docs/map-json.md`), as it always was.
        (false, MapFormat::Json) => {
            super::templates(ctx)?;
            ctx.print_bytes(&render::json(&report.map)?)?;
            return Ok(0);
        }
        (false, MapFormat::Text) => Format::Text,
        (false, MapFormat::Md) => Format::Markdown,
        (false, MapFormat::Html) => Format::Html,
    };
    super::show(ctx, &report, format)
}
