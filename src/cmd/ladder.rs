//! `promo ladder show` and `promo ladder import`: read a ladder's levels, thresholds and
//! criteria, or turn a public progression framework into a ladder file.

use std::fmt::Write as _;

use super::Ctx;
use crate::cli::{LadderCommand, LadderFormat};
use crate::error::Error;
use crate::ladder::{Ladder, import, track};
use crate::log::load;
use crate::source::Source;

/// Runs `promo ladder ...`.
pub fn run(command: &LadderCommand, ctx: &mut Ctx) -> Result<u8, Error> {
    match command {
        LadderCommand::Show { track, format } => show(track.as_deref(), *format, ctx),
        LadderCommand::Import {
            file,
            output,
            levels,
            track,
        } => {
            let base = Ladder::of_track(track::named(track)?)?;
            let bytes = crate::source::read_input(file)?;
            let text = String::from_utf8(bytes).map_err(|error| {
                Error::read(
                    file,
                    std::io::Error::new(std::io::ErrorKind::InvalidData, error.utf8_error()),
                )
            })?;
            let ron = import::import(&Source::new(file, text), levels, &base)?;
            // What is written must read back as a ladder: never leave a file `--ladder` refuses.
            let ladder = Ladder::parse(&Source::new(output, ron.clone()), None)?;
            ctx.emit(Some(output), ron.as_bytes())?;
            ctx.note(&format!(
                "wrote `{}`: {}; use it with `--ladder {}`",
                output.display(),
                counts(&ladder),
                output.display()
            ));
            Ok(0)
        }
    }
}

/// The ladder `show` means and its RON text: `--track`, else `--ladder FILE`, else
/// the track the log (if there is one) is judged on, else the default track.
fn chosen(track_name: Option<&str>, ctx: &Ctx) -> Result<(Ladder, String), Error> {
    if let Some(name) = track_name {
        let track = track::named(name)?;
        return Ok((Ladder::of_track(track)?, track.text.to_string()));
    }
    if let Some(path) = ctx.ladder.as_deref() {
        let ladder = Ladder::from_file(path)?;
        let bytes = crate::source::read_input(path)?;
        return Ok((ladder, String::from_utf8_lossy(&bytes).into_owned()));
    }
    let track = match ctx.log() {
        Ok(path) if path.exists() => {
            let (log, _) = load::load(path, ctx.today)?;
            crate::ladder::track_for(&log)
        }
        _ => track::named(track::DEFAULT)?,
    };
    Ok((Ladder::of_track(track)?, track.text.to_string()))
}

fn show(track_name: Option<&str>, format: LadderFormat, ctx: &mut Ctx) -> Result<u8, Error> {
    let (ladder, ron) = chosen(track_name, ctx)?;
    match format {
        LadderFormat::Ron => ctx.print(&ron)?,
        LadderFormat::Json => ctx.print_bytes(&crate::render::json(&ladder)?)?,
        LadderFormat::Text => ctx.print(&text(&ladder))?,
    }
    Ok(0)
}

/// The ladder for reading: each level's thresholds and line, then what it expects of
/// each competency.
fn text(ladder: &Ladder) -> String {
    let terminal = crate::render::escape::terminal;
    let mut out = String::new();
    let name = match (&ladder.title, &ladder.track, ladder.origin()) {
        (Some(title), Some(track), _) => format!("{title} (`{track}`)"),
        (_, _, Some(path)) => format!("The ladder `{}`", path.display()),
        (Some(title), None, None) => title.clone(),
        (None, Some(track), None) => format!("`{track}`"),
        (None, None, None) => "The ladder".into(),
    };
    let _ = writeln!(out, "{}: {}", terminal(&name), counts(ladder));
    for level in ladder.levels() {
        let _ = writeln!(
            out,
            "\n{} — reach {}, decisions {}%, leverage {}%\n  {}",
            terminal(&level.label()),
            level.min_reach.name(),
            level.decision_share,
            level.leverage_share,
            terminal(&level.description)
        );
        if let Some(probe) = &level.probe {
            let _ = writeln!(out, "  Asked when nothing answers it: {}", terminal(probe));
        }
        for expected in &level.expected {
            let _ = writeln!(
                out,
                "  {} ({}):",
                terminal(&expected.title),
                terminal(&expected.name)
            );
            for criterion in &expected.criteria {
                let _ = writeln!(out, "    - {}", terminal(criterion));
            }
        }
    }
    out
}

/// "3 levels, 1 competency": what a ladder holds, for `show` and `import`.
fn counts(ladder: &Ladder) -> String {
    let (levels, competencies) = (ladder.levels().len(), ladder.competencies().len());
    format!(
        "{levels} level{}, {competencies} competenc{}",
        if levels == 1 { "" } else { "s" },
        if competencies == 1 { "y" } else { "ies" }
    )
}
