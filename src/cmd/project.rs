//! `promo project add KEY NAME`: a project added at the end of `projects`, in the
//! file's own layout, through the one edit transaction (lock, re-check, atomic
//! write). An insertion: every other byte stays.

use super::Ctx;
use crate::cli::ProjectCommand;
use crate::error::Error;
use crate::import::{NewProject, Plan, write};
use crate::log::edit::{Change, Edit, moment_count};

/// Runs `promo project …`.
pub fn run(command: &ProjectCommand, ctx: &mut Ctx) -> Result<u8, Error> {
    let ProjectCommand::Add(args) = command;
    let key = args.key.trim();
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(Error::Usage(format!(
            "`{key}` is not a project key: use lowercase letters, digits and dashes (`search-relevance`)"
        )));
    }
    if args.name.trim().is_empty() {
        return Err(Error::Usage("the project needs a name".into()));
    }
    let path = ctx.log()?.to_path_buf();
    let edit = Edit::open(&path)?;
    let (log, source) = edit.check(ctx.today)?;
    if let Some(existing) = log.projects.get(key) {
        return Err(Error::Usage(format!(
            "the log already has a project `{key}` (\"{}\")",
            existing.name
        )));
    }
    let plan = Plan {
        projects: vec![NewProject {
            key: key.to_string(),
            name: args.name.trim().to_string(),
            name_note: None,
        }],
        ..Plan::default()
    };
    let refused = |source| Error::Append {
        path: path.clone(),
        source,
    };
    let text = write::add_projects(source.text(), &plan).map_err(refused)?;
    let change = Change::splice_text(&text, source.has_bom(), Vec::new());
    change
        .recheck(&path, ctx.today, moment_count(&log))
        .map_err(|_| Error::Rewrite {
            path: path.clone(),
            reason: "the new project entry did not check".into(),
        })?;
    edit.commit(&change)?;
    ctx.print(&format!("added project `{key}`\n"))?;
    Ok(0)
}
