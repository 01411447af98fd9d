//! `promo check`: every problem in the log, located, with a summary.

use serde::Serialize;

use super::Ctx;
use crate::cli::{CheckArgs, CheckFormat};
use crate::diagnostic::{DiagnosticJson, Severity};
use crate::error::Error;
use crate::log::load;

#[derive(Serialize)]
struct Report {
    valid: bool,
    errors: Vec<DiagnosticJson>,
    warnings: Vec<DiagnosticJson>,
}

/// Checks the log; exit code 1 when it has errors.
pub fn run(args: &CheckArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let path = ctx.log()?.to_path_buf();
    let mut checked = load::check_file(&path, ctx.today)?;
    cited_competencies(&mut checked, ctx)?;
    let valid = checked.log.is_some();
    match args.format {
        CheckFormat::Json => {
            let json = |severity| {
                checked
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == severity)
                    .map(|d| d.to_json(&checked.source))
                    .collect()
            };
            let report = Report {
                valid,
                errors: json(Severity::Error),
                warnings: json(Severity::Warning),
            };
            let text = serde_json::to_string_pretty(&report)?;
            ctx.print(&text)?;
            ctx.print("\n")?;
        }
        CheckFormat::Text => {
            for diagnostic in &checked.diagnostics {
                let rendered = diagnostic.render(&checked.source);
                let _ = ctx.err.write_all(rendered.as_bytes());
            }
            let errors = checked.errors().count();
            let warnings = checked.warnings().count();
            match &checked.log {
                Some(log) => {
                    let summary = format!(
                        "{}: ok, {} moment{} ({} public, {} private) in {} project{}, {} warning{}\n",
                        path.display(),
                        log.moments.len() + log.private.len(),
                        plural(log.moments.len() + log.private.len()),
                        log.moments.len(),
                        log.private.len(),
                        log.projects.len(),
                        plural(log.projects.len()),
                        warnings,
                        plural(warnings)
                    );
                    ctx.print(&summary)?;
                }
                None => ctx.note(&format!(
                    "{}: {} error{}, {} warning{}",
                    path.display(),
                    errors,
                    plural(errors),
                    warnings,
                    plural(warnings)
                )),
            }
        }
    }
    Ok(u8::from(!valid))
}

/// Adds a warning for every competency a moment cites that the log's ladder does not
/// have. The log stays valid, as every other command reads it: the moment still counts,
/// only the misspelt citation does not. Only a valid log has a ladder to check against
/// (its target level and track are known).
fn cited_competencies(checked: &mut load::Checked, ctx: &Ctx) -> Result<(), Error> {
    let Some(log) = &checked.log else {
        return Ok(());
    };
    let ladder = crate::ladder::Ladder::for_log(ctx.ladder.as_deref(), log)?;
    let unknown = crate::ladder::cite::unknown(&checked.source, &ladder);
    if !unknown.is_empty() {
        checked.diagnostics.extend(unknown);
        checked.diagnostics.sort_by_key(|d| d.span.start);
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
