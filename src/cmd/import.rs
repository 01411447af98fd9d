//! `promo import <format> PATH...`: moments from notes the owner already keeps,
//! inserted under the log's lock through the same safe path as `add`. Every line
//! that could not be mapped is reported with its `path:line`; `--dry-run` prints
//! what would be added and writes nothing.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::Ctx;
use crate::cli::{ImportArgs, ImportFormat};
use crate::diagnostic::Severity;
use crate::error::Error;
use crate::import::{self, Existing, People, RemarkKind, ics, ics_write, jrnl, markdown, write};
use crate::log::MeetingStatus;
use crate::log::append::Appender;
use crate::log::edit::{Change, Edit};
use crate::log::outline;
use crate::log::problem::Problem;
use crate::suggest::did_you_mean;

/// Runs `promo import`.
pub fn run(args: &ImportArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    if args.format == ImportFormat::Ics {
        return run_ics(args, ctx);
    }
    let (path, inputs, edit) = open(args, ctx)?;
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
    let mut parsed = import::Parsed::default();
    for (index, input) in inputs.iter().enumerate() {
        let one = match args.format {
            ImportFormat::Markdown => {
                markdown::parse_named(&input.text, input.name.as_deref(), &people)
            }
            ImportFormat::Ics => unreachable_ics(),
            ImportFormat::Jrnl => {
                jrnl::parse(&input.text, &people).map_err(|e| Error::ImportFile {
                    path: input.path.clone(),
                    line: e.line,
                    col: e.col,
                    message: e.message,
                })?
            }
        };
        parsed.absorb(one, index);
    }
    let shown = match inputs.as_slice() {
        [one] => one.path.display().to_string(),
        many => format!("{} files", many.len()),
    };
    let refused = |source| Error::Append {
        path: path.clone(),
        source,
    };
    let appender = Appender::new(&source).map_err(refused)?;
    let root = outline::parse(source.text())
        .map_err(|e| refused(crate::log::append::AppendError::Unreadable { at: e.at }))?;
    let existing = Existing::read(source.text(), &root, &log.projects, appender.next_free_id());
    let plan = import::plan(parsed, &existing, args.project.as_deref());

    let skipped = plan
        .remarks
        .iter()
        .filter(|r| r.kind == RemarkKind::NotImported)
        .count();
    for remark in &plan.remarks {
        let file = inputs
            .get(remark.file)
            .map_or(Path::new("-"), |i| i.path.as_path());
        ctx.note(&remark.render(file));
    }
    for update in &plan.updates {
        let file = inputs
            .get(update.file)
            .map_or(Path::new("-"), |i| i.path.as_path());
        ctx.note(&format!(
            "{}:{}: {}: {}",
            file.display(),
            update.line,
            if update.adds > 0 { "added" } else { "updated" },
            update.says
        ));
    }
    if plan.moments.is_empty() && plan.updates.is_empty() {
        ctx.print(&format!(
            "nothing to import from `{}`{}\n",
            shown,
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
        if plan.updates.is_empty() {
            // Insertions only (new projects, moments, comments): no backup.
            edit.commit(&imported.change)?;
        } else {
            // Updated commitments change bytes: the old file is kept as a backup.
            edit.commit_with_backup(&imported.change)?;
        }
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
    if moments == 0 {
        summary = format!("{verb} no new moment into `{}`", path.display());
    }
    let n: usize = plan.updates.iter().map(|u| u.adds).sum();
    let changed = plan.updates.iter().filter(|u| u.adds == 0).count();
    if n > 0 {
        summary.push_str(&format!(
            "; {n} new commitment{} on moments imported before",
            plural(n)
        ));
    }
    if changed > 0 {
        summary.push_str(&format!(
            "; {changed} commitment{} updated",
            plural(changed)
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
            shown
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

/// One file of notes, read.
struct Input {
    /// As the owner named it (or found in a folder they named).
    path: PathBuf,
    /// Its text.
    text: String,
    /// Its file name without the extension: a daily note's date.
    name: Option<String>,
}

/// Every file the paths name, in order: a folder gives its `.md` files (`.json`
/// for jrnl), sorted, hidden ones and `.obsidian` / `.trash` / `logseq` left out.
fn inputs(args: &ImportArgs) -> Result<Vec<Input>, Error> {
    let mut files = Vec::new();
    for path in &args.files {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(crate::log::load::MAX_LOG_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|source| Error::read(path, source))?;
            files.push(Input {
                text: text_of(path, bytes)?,
                path: path.clone(),
                name: None,
            });
        } else if path.is_dir() {
            let mut found = Vec::new();
            walk(path, args.format, &mut found).map_err(|source| Error::read(path, source))?;
            found.sort();
            for file in found {
                files.push(read_file(&file)?);
            }
        } else {
            files.push(read_file(path)?);
        }
    }
    Ok(files)
}

fn read_file(path: &Path) -> Result<Input, Error> {
    let bytes = crate::source::read_input(path)?;
    Ok(Input {
        text: text_of(path, bytes)?,
        path: path.to_path_buf(),
        name: path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned()),
    })
}

/// The notes files under `dir`, at any depth.
fn walk(dir: &Path, format: ImportFormat, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let wanted: &[&str] = match format {
        ImportFormat::Markdown => &["md", "markdown"],
        ImportFormat::Jrnl => &["json"],
        ImportFormat::Ics => &["ics"],
    };
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name == "logseq" {
            continue;
        }
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            walk(&path, format, found)?;
        } else if kind.is_file()
            && path
                .extension()
                .is_some_and(|e| wanted.iter().any(|w| e.eq_ignore_ascii_case(w)))
        {
            found.push(path);
        }
    }
    Ok(())
}

/// The notes as text; a file that is not UTF-8 is refused at its first bad byte.
fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let valid = String::from_utf8_lossy(valid);
        let line = valid.matches('\n').count() + 1;
        let col = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Error::ImportFile {
            path: path.to_path_buf(),
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

/// The log's path, the files to import (read first: a wrong file is refused before the
/// log is touched) and the log opened for the edit (a dry run writes nothing, so it
/// takes no lock).
fn open(args: &ImportArgs, ctx: &Ctx) -> Result<(PathBuf, Vec<Input>, Edit), Error> {
    let path = ctx.log()?.to_path_buf();
    let inputs = inputs(args)?;
    let edit = if args.dry_run {
        Edit::preview(&path)?
    } else {
        Edit::open(&path)?
    };
    Ok((path, inputs, edit))
}

/// `ics` is handled whole by [`run_ics`] before any moment import starts.
fn unreachable_ics() -> import::Parsed {
    import::Parsed::default()
}

/// `promo import ics FILE`: the 1:1 series into the log's `meetings` field, and
/// nothing else of the log changed.
fn run_ics(args: &ImportArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let (path, inputs, edit) = open(args, ctx)?;
    let (log, source) = edit.check(ctx.today)?;
    let series = match &args.series {
        Some(text) => ics::Series::Summary(text),
        None => ics::Series::Manager(&log.manager),
    };
    let mut imported = Vec::new();
    let (mut found, mut ignored) = (0, 0);
    for input in &inputs {
        let calendar =
            ics::parse(&input.text, &series, ctx.today).map_err(|e| Error::ImportFile {
                path: input.path.clone(),
                line: e.line,
                col: e.col,
                message: e.message,
            })?;
        found += calendar.series;
        ignored += calendar.ignored;
        imported.extend(calendar.meetings);
    }
    let refused = |source| Error::Append {
        path: path.clone(),
        source,
    };
    let root = outline::parse(source.text())
        .map_err(|e| refused(crate::log::append::AppendError::Unreadable { at: e.at }))?;
    let planned = ics_write::plan(source.text(), &root, &log.meetings, &imported);
    let held = |status| {
        planned
            .meetings
            .iter()
            .filter(|m| m.status == status)
            .count()
    };
    let counts = format!(
        "{} held, {} cancelled, {} ahead",
        held(MeetingStatus::Held),
        held(MeetingStatus::Cancelled),
        held(MeetingStatus::Scheduled)
    );
    if found == 0 {
        let which = match &args.series {
            Some(text) => format!("no event's summary contains `{text}`"),
            None => format!(
                "no event has {} and at most one other person; name the series with --series TEXT",
                log.manager
            ),
        };
        ctx.note(&format!(
            "{ignored} event{} left out: {which}",
            plural(ignored)
        ));
    }
    if planned.splices.is_empty() {
        ctx.print(&format!(
            "nothing to import: `{}` already has these 1:1s ({counts})\n",
            path.display()
        ))?;
        return Ok(0);
    }
    let change = Change::splice(&source, planned.splices);
    let expected = crate::log::edit::moment_count(&log);
    change
        .recheck(&path, ctx.today, expected)
        .map_err(|e| Error::Append {
            path: path.clone(),
            source: crate::log::append::AppendError::from(e),
        })?;
    let verb = if args.dry_run {
        "would record"
    } else {
        edit.commit_with_backup(&change)?;
        "recorded"
    };
    ctx.print(&format!(
        "{verb} {} new 1:1 date{} and {} changed status{} in `{}` ({counts}; {ignored} other event{} left out)\n",
        planned.added,
        plural(planned.added),
        planned.changed,
        if planned.changed == 1 { "" } else { "es" },
        path.display(),
        plural(ignored)
    ))?;
    Ok(0)
}
