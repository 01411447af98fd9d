//! `promo map`: the ranked evidence map — one row per project (Project | Scope |
//! Org-level impact), the top examples and the coverage gaps — as terminal text,
//! Markdown or JSON, all rendered from one [`EvidenceMap`] context.

mod markdown;
mod text;

use super::Ctx;
use crate::cli::{MapArgs, ReportFormat};
use crate::error::Error;
use crate::evidence::Evidence;
use crate::evidence::map::EvidenceMap;
use crate::log::{Log, load};

/// Runs `promo map`.
pub fn run(args: &MapArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let path = ctx.log()?.to_path_buf();
    let (log, _source) = load::load(&path, ctx.today)?;
    let evidence = Evidence::rank(&log, ctx.today);
    let map = EvidenceMap::new(&log, &evidence, ctx.today, args.explain);
    if !log.private.is_empty() && !log.moments.is_empty() {
        let n = log.private.len();
        ctx.note(&format!(
            "note: {n} private moment{} left out of the map",
            if n == 1 { " is" } else { "s are" }
        ));
    }
    let output = match args.format {
        ReportFormat::Json => {
            let mut json = serde_json::to_string_pretty(&map)?;
            json.push('\n');
            json
        }
        _ if log.moments.is_empty() => nothing_to_rank(&log, &path.display().to_string()),
        ReportFormat::Md => markdown::render(&log, &map),
        // The map's text has no styling of its own, so the whole of it is neutralised.
        ReportFormat::Text => crate::render::escape::terminal(&text::render(&log, &map, ctx.width)),
    };
    ctx.print(&output)?;
    Ok(0)
}

/// What to say when there is no public evidence: an empty table would look like a bug.
fn nothing_to_rank(log: &Log, path: &str) -> String {
    let private = match log.private.len() {
        0 => String::new(),
        1 => " (its 1 private moment stays out of every shared output)".to_string(),
        n => format!(" (its {n} private moments stay out of every shared output)"),
    };
    format!(
        "No public moments in `{path}` yet{private}, so there is nothing to rank.\n\
         Add the first with `promo add decision \"Chose … because …\" --project KEY --reach org --impact \"…\"`.\n"
    )
}
