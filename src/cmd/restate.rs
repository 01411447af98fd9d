//! `promo restate`: the one-minute restatement, for one log or for every report a
//! manager prepares (several `--log`, or a directory of logs).

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Ctx;
use crate::cli::{RestateArgs, RestateFormat};
use crate::error::Error;
use crate::evidence::Evidence;
use crate::ladder::Ladder;
use crate::log::load;
use crate::restate::{Restatement, WORDS_PER_MINUTE, restate};

/// One person's restatement, as `--format json` shows it for several logs.
#[derive(Serialize)]
struct Person {
    /// The owner's name.
    name: String,
    /// The log it came from.
    log: String,
    #[serde(flatten)]
    restatement: Restatement,
}

/// Runs `promo restate`.
pub fn run(args: &RestateArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let (paths, several) = expand(&ctx.logs)?;
    let ladder = Ladder::load(ctx.ladder.as_deref())?;
    let max_words = usize::try_from(args.words).unwrap_or(usize::MAX);
    // Every log is read before anything is printed: one broken log stops the run
    // before half the restatements are out.
    let mut people = Vec::with_capacity(paths.len());
    for path in &paths {
        let (log, _) = load::load(path, ctx.today)?;
        let evidence = Evidence::rank(&log, ctx.today);
        people.push(Person {
            name: log.owner.name.clone(),
            log: path.display().to_string(),
            restatement: restate(&log, &evidence, &ladder, ctx.today, max_words),
        });
    }
    match (args.format, several) {
        (RestateFormat::Json, false) => {
            let one = people.first().map(|p| &p.restatement);
            print_json(ctx, &one)?;
        }
        (RestateFormat::Json, true) => print_json(ctx, &people)?,
        (RestateFormat::Text, false) => {
            for person in &people {
                ctx.print(&format!("{}\n", person.restatement.text))?;
                let timing = timing(&person.restatement);
                ctx.note(&timing);
            }
        }
        (RestateFormat::Text, true) => {
            for (i, person) in people.iter().enumerate() {
                let gap = if i == 0 { "" } else { "\n" };
                ctx.print(&format!(
                    "{gap}{}\n{}\n",
                    person.name, person.restatement.text
                ))?;
                let timing = format!("{}: {}", person.name, timing(&person.restatement));
                ctx.note(&timing);
            }
        }
    }
    Ok(0)
}

/// "112 words · about 45 seconds at 150 words a minute".
fn timing(r: &Restatement) -> String {
    format!(
        "{} word{} · about {} second{} at {WORDS_PER_MINUTE} words a minute",
        r.words,
        if r.words == 1 { "" } else { "s" },
        r.seconds,
        if r.seconds == 1 { "" } else { "s" }
    )
}

fn print_json(ctx: &mut Ctx, value: &impl Serialize) -> Result<(), Error> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| Error::Usage(e.to_string()))?;
    text.push('\n');
    ctx.print(&text)
}

/// The log files to restate, in the order given, a directory standing for every
/// `*.ron` file directly inside it (sorted by name). The flag is true when the run
/// covers several people (more than one `--log`, or a directory), which decides
/// whether each restatement is headed by its person.
fn expand(logs: &[PathBuf]) -> Result<(Vec<PathBuf>, bool), Error> {
    let mut paths = Vec::new();
    let mut several = logs.len() > 1;
    for path in logs {
        if path.is_dir() {
            several = true;
            let found = logs_in(path)?;
            if found.is_empty() {
                return Err(Error::NoLogsInDir { dir: path.clone() });
            }
            paths.extend(found);
        } else {
            paths.push(path.clone());
        }
    }
    Ok((paths, several))
}

/// The `*.ron` files directly inside `dir`, sorted by name.
fn logs_in(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::read(dir, source))?;
    let mut found = Vec::new();
    for entry in entries {
        let path = entry.map_err(|source| Error::read(dir, source))?.path();
        if path.extension().is_some_and(|e| e == "ron") && path.is_file() {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}
