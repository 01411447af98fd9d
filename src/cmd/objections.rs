//! `promo objections`: what a calibration reviewer attacks first, in attack order,
//! as text, Markdown or JSON. Exits 0 whether or not there are objections: it is a
//! report, not a check.

use std::fmt::Write as _;

use super::Ctx;
use crate::cli::{ObjectionsArgs, ReportFormat};
use crate::error::Error;
use crate::evidence::Evidence;
use crate::ladder::{Ladder, Level};
use crate::log::{Log, load};
use crate::objections::{self, Objection, Severity};

/// Terminal text is wrapped to this many columns.
const WIDTH: usize = 96;

/// Runs `promo objections`.
pub fn run(args: &ObjectionsArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let path = ctx.log()?.to_path_buf();
    let (log, _source) = load::load(&path, ctx.today)?;
    let ladder = Ladder::load(ctx.ladder.as_deref())?;
    let level = ladder.find(&log.target.level)?;
    let evidence = Evidence::rank(&log, ctx.today);
    let found = objections::find_for_level(&log, &evidence, level, ctx.today);
    let out = match args.format {
        ReportFormat::Text => text(&log, level, &found),
        ReportFormat::Md => markdown(&log, level, &found),
        ReportFormat::Json => {
            let mut json = serde_json::to_string_pretty(&found)
                .map_err(|e| Error::Usage(format!("cannot write the objections as JSON: {e}")))?;
            json.push('\n');
            json
        }
    };
    ctx.print(&out)?;
    Ok(0)
}

/// `3 high, 4 medium, 1 low`, leaving out severities with none.
fn tally(found: &[Objection]) -> String {
    [Severity::High, Severity::Medium, Severity::Low]
        .into_iter()
        .filter_map(|severity| {
            let n = found.iter().filter(|o| o.severity == severity).count();
            (n > 0).then(|| format!("{n} {}", severity.word()))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn none_found(log: &Log, level: &Level) -> String {
    format!(
        "No objections: nothing in {}'s case for {} trips a calibration rule (docs/objections.md lists them).\n",
        log.owner.name,
        level.label()
    )
}

/// The terminal report: numbered, the first marked as the first attack point.
fn text(log: &Log, level: &Level, found: &[Objection]) -> String {
    if found.is_empty() {
        return none_found(log, level);
    }
    let mut out = format!(
        "Objections to {}'s case for {}, in attack order: {} ({}).\n",
        log.owner.name,
        level.label(),
        found.len(),
        tally(found)
    );
    for (i, objection) in found.iter().enumerate() {
        let number = format!("{}. ", i + 1);
        let indent = " ".repeat(number.len());
        let first = if i == 0 {
            " — the first attack point"
        } else {
            ""
        };
        out.push('\n');
        push_wrapped(
            &mut out,
            &number,
            &indent,
            &format!(
                "[{}] {} ({}){first}",
                objection.severity.word(),
                objection.title,
                objection.id.id()
            ),
        );
        let label = |name: &str| format!("{indent}{name}: ");
        push_wrapped(&mut out, &label("Question"), &indent, &objection.question);
        if objection.evidence.is_empty() {
            push_wrapped(&mut out, &label("Absence"), &indent, &objection.finding);
        } else {
            push_wrapped(
                &mut out,
                &label("Evidence"),
                &indent,
                &objection.evidence.join(", "),
            );
            push_wrapped(&mut out, &label("Finding"), &indent, &objection.finding);
        }
        push_wrapped(&mut out, &label("Fix"), &indent, &objection.fix);
        push_wrapped(&mut out, &label("Ask"), &indent, &objection.ask);
    }
    out
}

/// Appends `first` + `body`, wrapped at [`WIDTH`], continuation lines under `indent` + 2.
fn push_wrapped(out: &mut String, first: &str, indent: &str, body: &str) {
    let hang = format!("{indent}  ");
    let mut line = first.to_string();
    let mut line_len = line.chars().count();
    let mut fresh = true;
    for word in body.split_whitespace() {
        let len = word.chars().count();
        if !fresh && line_len + 1 + len > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = hang.clone();
            line_len = hang.chars().count();
            fresh = true;
        }
        if !fresh {
            line.push(' ');
            line_len += 1;
        }
        line.push_str(word);
        line_len += len;
        fresh = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// The Markdown report: one section per objection.
fn markdown(log: &Log, level: &Level, found: &[Objection]) -> String {
    let mut out = format!(
        "# Objections: {} → {}\n\n",
        escape(&log.owner.name),
        escape(&level.label())
    );
    if found.is_empty() {
        out.push_str(&escape(&none_found(log, level)));
        return out;
    }
    let _ = writeln!(
        out,
        "{} objection{} in attack order ({}): the first is the one a reviewer raises first.",
        found.len(),
        if found.len() == 1 { "" } else { "s" },
        tally(found)
    );
    for (i, objection) in found.iter().enumerate() {
        let first = if i == 0 {
            " — first attack point"
        } else {
            ""
        };
        let _ = writeln!(out, "\n## {}. {}{first}\n", i + 1, escape(&objection.title));
        let _ = writeln!(
            out,
            "- **Severity:** {} · **Rule:** `{}`",
            objection.severity.word(),
            objection.id.id()
        );
        let _ = writeln!(
            out,
            "- **Reviewer's question:** {}",
            escape(&objection.question)
        );
        if objection.evidence.is_empty() {
            let _ = writeln!(out, "- **Absence:** {}", escape(&objection.finding));
        } else {
            let ids: Vec<String> = objection
                .evidence
                .iter()
                .map(|id| format!("`{id}`"))
                .collect();
            let _ = writeln!(out, "- **Evidence:** {}", ids.join(", "));
            let _ = writeln!(out, "- **Finding:** {}", escape(&objection.finding));
        }
        let _ = writeln!(out, "- **Fix:** {}", escape(&objection.fix));
        let _ = writeln!(out, "- **Ask:** {}", escape(&objection.ask));
    }
    out
}

/// Escapes the characters Markdown would read as formatting in text taken from a log.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // A line break in the log's text would end the heading or list item it sits in.
        if matches!(c, '\n' | '\r') {
            if !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
