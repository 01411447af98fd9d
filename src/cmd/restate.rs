//! `promo restate`: the one-minute restatement, for one log or for every report a
//! manager prepares (several `--log`, or a directory of logs), as text, Markdown,
//! HTML or JSON (see [`crate::report::restate`]).

use super::Ctx;
use crate::cli::{RestateArgs, RestateFormat};
use crate::error::Error;
use crate::render::{self, Format};
use crate::report::restate::RestateReport;

/// Runs `promo restate`.
pub fn run(args: &RestateArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let max_words = usize::try_from(args.words).unwrap_or(usize::MAX);
    let report = RestateReport::build(ctx, max_words)?;
    let format = match (args.context, args.format) {
        (true, _) => Format::Json,
        // `--format json` keeps its shapes: one restatement, or the list of people.
        (false, RestateFormat::Json) => {
            super::templates(ctx)?;
            let bytes = match (report.several, report.people.first()) {
                (false, one) => render::json(&one.map(|p| &p.restatement))?,
                (true, _) => render::json(&report.people)?,
            };
            ctx.print_bytes(&bytes)?;
            return Ok(0);
        }
        (false, RestateFormat::Text) => Format::Text,
        (false, RestateFormat::Md) => Format::Markdown,
        (false, RestateFormat::Html) => Format::Html,
    };
    super::show(ctx, &report, format)?;
    if format == Format::Text {
        for person in &report.people {
            match report.several {
                false => ctx.note(&person.timing),
                true => ctx.note(&format!("{}: {}", person.name, person.timing)),
            }
        }
    }
    Ok(0)
}
