//! `promo health`: the 1:1 series at a glance — scheduled, held, cancelled, outcomes,
//! growth asks, the manager's follow-through and the gaps — from one [`Health`] context.

use super::Ctx;
use crate::cli::{HealthArgs, MapFormat};
use crate::error::Error;
use crate::render::Format;
use crate::report::case::Case;
use crate::report::health::{self, Health};

/// Runs `promo health`.
pub fn run(args: &HealthArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let case = Case::open(ctx.log()?, ctx)?;
    let report: Health = health::build(&case.log, ctx.today);
    if report.inferred && !args.context && args.format != MapFormat::Json {
        ctx.note(
            "note: the log has no calendar meetings, so each day with a moment counts as a held 1:1; `promo import ics FILE` gives the real series",
        );
    }
    let format = match (args.context, args.format) {
        (true, _) | (false, MapFormat::Json) => Format::Json,
        (false, MapFormat::Text) => Format::Text,
        (false, MapFormat::Md) => Format::Markdown,
        (false, MapFormat::Html) => Format::Html,
    };
    super::show(ctx, &report, format)
}
