//! `promo import <format> FILE`: moments from notes the owner already keeps,
//! inserted under the log's lock through the same safe path as `add`. Every line
//! that could not be mapped is reported with its `path:line`; `--dry-run` prints
//! what would be added and writes nothing.

use super::Ctx;
use crate::cli::{ImportArgs, ImportFormat};
use crate::diagnostic::Severity;
use crate::error::Error;
use crate::import::{self, Existing, People, RemarkKind, jrnl, markdown, write};
use crate::log::append::Appender;
use crate::log::edit::Edit;
use crate::log::outline;
use crate::log::problem::Problem;
use crate::suggest::did_you_mean;

/// Runs `promo import`.
pub fn run(args: &ImportArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let path = ctx.log()?.to_path_buf();
    // The notes are read first: a wrong file is refused before the log is touched.
    let notes = read_notes(args)?;

    // A dry run writes nothing, so it takes no lock.
    let edit = if args.dry_run {
        Edit::preview(&path)?
    } else {
        Edit::open(&path)?
    };
    let (log, source) = edit.check(ctx.today)?;
    if let Some(key) = &args.project
        && !log.projects.contains_key(key)
    {
        let hint = did_you_mean(key, log.projects.keys().map(String::as_str))
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        return Err(Error::Usage(format!(
            "`--project {key}`: the log has no such project{hint}"
        )));
    }
    let people = People {
        owner: log.owner.name.clone(),
        manager: log.manager.clone(),
        today: ctx.today,
    };
    let parsed = match args.format {
        ImportFormat::Markdown => markdown::parse(&notes, &people),
        ImportFormat::Jrnl => jrnl::parse(&notes, &people).map_err(|e| Error::ImportFile {
            path: args.file.clone(),
            line: e.line,
            col: e.col,
            message: e.message,
        })?,
    };
    let refused = |source| Error::Append {
        path: path.clone(),
        source,
    };
    let appender = Appender::new(&source).map_err(refused)?;
    let root = outline::parse(source.text())
        .map_err(|e| refused(crate::log::append::AppendError::Unreadable { at: e.at }))?;
    let existing = Existing::read(&root, &log.projects, appender.next_free_id());
    let plan = import::plan(parsed, &existing, args.project.as_deref());

    let skipped = plan
        .remarks
        .iter()
        .filter(|r| r.kind == RemarkKind::NotImported)
        .count();
    for remark in &plan.remarks {
        ctx.note(&remark.render(&args.file));
    }
    if plan.moments.is_empty() {
        ctx.print(&format!(
            "nothing to import from `{}`{}\n",
            args.file.display(),
            if skipped > 0 {
                format!(
                    ": {skipped} line{} not imported (listed above)",
                    plural(skipped)
                )
            } else {
                String::new()
            }
        ))?;
        return Ok(0);
    }

    let imported = write::apply(&source, &plan, &path, ctx.today).map_err(refused)?;
    let text = imported.checked.source.text();
    let (mut guessed, mut no_impact) = (0, 0);
    for warning in imported.checked.diagnostics.iter() {
        let inside = imported
            .added
            .iter()
            .any(|span| span.start <= warning.span.start && warning.span.start < span.end);
        if warning.severity == Severity::Warning && inside {
            match warning.problem {
                Problem::Guessed { .. } => guessed += 1,
                Problem::NoImpact => no_impact += 1,
                _ => {}
            }
        }
    }

    if args.dry_run {
        for span in &imported.added {
            ctx.print(&crate::render::escape::terminal(&whole_lines(text, span)))?;
        }
    } else {
        // Insertions only (new projects, moments, `promo:guessed` comments): no backup.
        edit.commit(&imported.change)?;
    }
    let moments = plan.moments.len();
    let commitments: usize = plan
        .moments
        .iter()
        .map(|p| p.moment.commitments.len())
        .sum();
    let quotes: usize = plan.moments.iter().map(|p| p.moment.quotes.len()).sum();
    let first = plan.moments.first().map_or("", |p| p.moment.id.as_str());
    let last = plan.moments.last().map_or("", |p| p.moment.id.as_str());
    let ids = if first == last {
        format!("`{first}`")
    } else {
        format!("`{first}`…`{last}`")
    };
    let verb = if args.dry_run {
        "would import"
    } else {
        "imported"
    };
    let mut summary = format!(
        "{verb} {moments} moment{} ({ids}) with {commitments} commitment{} and {quotes} quote{} into `{}`",
        plural(moments),
        plural(commitments),
        plural(quotes),
        path.display()
    );
    if !plan.projects.is_empty() {
        let keys: Vec<String> = plan
            .projects
            .iter()
            .map(|p| format!("`{}`", p.key))
            .collect();
        summary.push_str(&format!(
            "; new project{} {}",
            plural(keys.len()),
            keys.join(", ")
        ));
    }
    if args.dry_run {
        summary.push_str(" (dry run: nothing was written)");
    }
    if args.dry_run {
        ctx.note(&summary);
    } else {
        ctx.print(&crate::render::escape::terminal(&format!("{summary}\n")))?;
    }
    if skipped > 0 {
        ctx.note(&format!(
            "{skipped} line{} of `{}` not imported: each is listed above with its line",
            plural(skipped),
            args.file.display()
        ));
    }
    if guessed + no_impact > 0 {
        ctx.note(&format!(
            "to review: {guessed} guessed field{} and {no_impact} moment{} without an impact; `promo check` shows each one",
            plural(guessed),
            plural(no_impact)
        ));
    }
    Ok(0)
}

/// The notes as text; a file that is not UTF-8 is refused at its first bad byte.
fn read_notes(args: &ImportArgs) -> Result<String, Error> {
    let bytes = crate::source::read_input(&args.file)?;
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let valid = String::from_utf8_lossy(valid);
        let line = valid.matches('\n').count() + 1;
        let col = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Error::ImportFile {
            path: args.file.clone(),
            line,
            col,
            message: "the file is not UTF-8; save it as UTF-8 and import again".into(),
        }
    })
}

/// The lines a span covers, whole, ending with a newline.
fn whole_lines(text: &str, span: &std::ops::Range<usize>) -> String {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i + 1);
    let mut lines = text[start..end].replace("\r\n", "\n");
    if !lines.ends_with('\n') {
        lines.push('\n');
    }
    lines
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
