//! `promo check`: every problem in the log, located, with a summary.

use serde::Serialize;

use super::Ctx;
use crate::cli::{CheckArgs, CheckFormat};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::{DiagnosticJson, Severity};
use crate::error::Error;
use crate::log::load;
use crate::log::outline;
use crate::log::problem::Problem;

/// `check`'s text shows at most this many warnings of one kind; JSON shows them all.
pub const WARNINGS_SHOWN: usize = 20;

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
            let text = capped_text(&checked);
            let _ = ctx.err.write_all(text.as_bytes());
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
    let mut unknown = crate::ladder::cite::unknown(&checked.source, &ladder);
    if ctx.ladder.is_none() {
        unknown.extend(unknown_track(&checked.source, log));
    }
    if !unknown.is_empty() {
        checked.diagnostics.extend(unknown);
        checked.diagnostics.sort_by_key(|d| d.span.start);
    }
    Ok(())
}

/// The warning for a `target.track` that names no built-in track, pointed at its value
/// (the log is valid, so the outline finds it; the start of the text if it cannot).
fn unknown_track(source: &crate::source::Source, log: &crate::log::Log) -> Option<Diagnostic> {
    let problem = crate::ladder::unknown_track(log)?;
    let mut wanted = outline::Selection::default();
    wanted.field("target").field("track");
    let span = outline::parse_selected(source.text(), &wanted)
        .ok()
        .and_then(|root| {
            Some(
                root.field("target")?
                    .value
                    .field("track")?
                    .value
                    .span
                    .clone(),
            )
        })
        .unwrap_or(0..0);
    Some(Diagnostic::new(problem, span))
}

/// The diagnostics as text: every error, and the first [`WARNINGS_SHOWN`] warnings of
/// each kind, then one line per kind saying how many more there are. A generated or
/// imported log can hold tens of thousands of near-duplicates; nobody reads past the
/// first screen, and `--format json` still lists every one.
fn capped_text(checked: &load::Checked) -> String {
    let mut out = String::new();
    // (a warning of the kind, how many of that kind there are), in first-seen order.
    let mut kinds: Vec<(&Problem, usize)> = Vec::new();
    for diagnostic in &checked.diagnostics {
        if diagnostic.severity == Severity::Warning {
            let kind = std::mem::discriminant(&diagnostic.problem);
            let seen = match kinds
                .iter_mut()
                .find(|(p, _)| std::mem::discriminant(*p) == kind)
            {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    kinds.push((&diagnostic.problem, 1));
                    1
                }
            };
            if seen > WARNINGS_SHOWN {
                continue;
            }
        }
        out.push_str(&diagnostic.render(&checked.source));
    }
    for (problem, n) in kinds {
        if n > WARNINGS_SHOWN {
            out.push_str(&format!(
                "… and {} more {}; --format json lists them all\n",
                n - WARNINGS_SHOWN,
                problem.plural_kind()
            ));
        }
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
