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
    let checked = load::check_file(&path, ctx.today)?;
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

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
