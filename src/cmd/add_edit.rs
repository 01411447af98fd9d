//! `promo add --edit`: the moment written in the owner's editor. promo writes a RON
//! `Moment(...)` skeleton (the date, the next id, `what: "",` and `project: "",`
//! each on its own line, and comments listing the projects, tags and reaches) to
//! a temporary file, runs `$VISUAL` (else `$EDITOR`, else `vi`) on it, and inserts
//! what was saved after the last moment, through the one edit transaction (lock,
//! re-check, atomic write). Saved unchanged or emptied: nothing is written.

use std::path::PathBuf;

use super::Ctx;
use crate::cli::AddArgs;
use crate::error::Error;
use crate::log::append::Appender;
use crate::log::edit::{Change, Edit, Recheck, Splice, moment_count};
use crate::log::outline;
use crate::log::ron::splice::{block_before, closing, has_comma_after, line_indent};

/// Runs `promo add --edit`.
pub fn run(_args: &AddArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let path = ctx.log()?.to_path_buf();
    // The skeleton is made from the log as it is now; the insertion re-reads it
    // under the lock after the editor closes.
    let skeleton = {
        let edit = Edit::preview(&path)?;
        let (log, source) = edit.check(ctx.today)?;
        let appender = Appender::new(&source).map_err(|source| Error::Append {
            path: path.clone(),
            source,
        })?;
        let projects: Vec<String> = log
            .projects
            .iter()
            .map(|(key, p)| format!("{key} ({})", p.name))
            .collect();
        format!(
            "// promo add --edit: fill in the moment, save and quit. Saved unchanged or emptied, nothing is written.\n\
             // Projects: {}\n\
             // Tags: Decision, Scope, Leverage. Reaches: Team, CrossTeam, Org, Company.\n\
             // Optional: impact: \"…\", witnesses: [\"…\"], quotes: [Quote(by: \"…\", role: Manager, text: \"…\")],\n\
             // commitments: [Commitment(owner: Me, what: \"…\", due: \"YYYY-MM-DD\", status: Open)], private: true.\n\
             Moment(\n    id: \"{}\",\n    date: \"{}\",\n    tag: Decision,\n    what: \"\",\n    project: \"\",\n    reach: Team,\n)\n",
            if projects.is_empty() {
                "none yet: `promo project add KEY NAME`".to_string()
            } else {
                projects.join(", ")
            },
            appender.next_free_id(),
            ctx.today
        )
    };
    let file = std::env::temp_dir().join(format!("promo-moment-{}.ron", std::process::id()));
    std::fs::write(&file, &skeleton).map_err(|source| Error::read(&file, source))?;
    run_editor(&file)?;
    let written = std::fs::read_to_string(&file).map_err(|source| Error::read(&file, source))?;
    let body = without_comments(&written);
    if written == skeleton || body.trim().is_empty() {
        let _ = std::fs::remove_file(&file);
        ctx.print("nothing written: the moment was saved unchanged or empty\n")?;
        return Ok(0);
    }

    let edit = Edit::open(&path)?;
    let (log, source) = edit.check(ctx.today)?;
    let text = source.text();
    let refused = |message: String| Error::ImportFile {
        path: file.clone(),
        line: 1,
        col: 1,
        message,
    };
    let root = outline::parse(text)
        .map_err(|e| refused(format!("cannot follow the log at byte {}", e.at)))?;
    let Some(list) = root.field("moments") else {
        return Err(refused("the log has no `moments` list".into()));
    };
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let list_indent = line_indent(text, list.name_span.start).to_string();
    let item_indent = list.value.items().first().map_or_else(
        || format!("{list_indent}    "),
        |m| line_indent(text, m.span.start).to_string(),
    );
    let mut splices = Vec::new();
    if let Some(last) = list.value.items().last()
        && !has_comma_after(text, last.span.end)
    {
        splices.push(Splice::insert(last.span.end, ","));
    }
    let mut lines: Vec<String> = body
        .trim()
        .lines()
        .map(|l| format!("{item_indent}{}", l.trim_end()))
        .collect();
    if let Some(last) = lines.last_mut()
        && !last.ends_with(',')
    {
        last.push(',');
    }
    let close = closing(text, &list.value)
        .map_err(|_| refused("cannot find the end of `moments`".into()))?;
    let (at, block) = block_before(text, close, &lines, &list_indent, nl);
    splices.push(Splice::insert(at, block));
    let change = Change::splice(&source, splices);
    change
        .recheck(&path, ctx.today, moment_count(&log) + 1)
        .map_err(|refusal| match refusal {
            Recheck::Invalid { problems } => refused(format!(
                "the moment was not added, the log would not check: {}; your text is kept in this file",
                problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
            )),
            Recheck::Miscounted { .. } => refused(
                "the moment was not added: the file must hold exactly one `Moment(...)`; your text is kept in this file".into(),
            ),
        })?;
    edit.commit(&change)?;
    let _ = std::fs::remove_file(&file);
    let id = body
        .split_once("id:")
        .and_then(|(_, rest)| rest.split('"').nth(1))
        .unwrap_or("the new moment")
        .to_string();
    ctx.print(&format!("{id}\n"))?;
    Ok(0)
}

/// The text without its whole-line `//` comments.
fn without_comments(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs the owner's editor on `file` and waits for it.
fn run_editor(file: &PathBuf) -> Result<(), Error> {
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|e| !e.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|e| !e.trim().is_empty())
        })
        .unwrap_or_else(|| "vi".to_string());
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(file)
        .status()
        .map_err(|source| Error::read(file, source))?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "the editor `{editor}` did not exit cleanly; nothing was written (your text is in `{}`)",
            file.display()
        )))
    }
}
