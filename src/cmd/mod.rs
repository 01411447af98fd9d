//! One file per command, each exposing `run`; this module picks the command and
//! holds what every command shares.

mod add;
mod add_edit;
mod agenda;
mod amend;
mod check;
mod commitments;
mod completions;
mod import;
mod init;
mod man;
mod map;
mod objections;
mod packet;
mod premortem;
mod project;
mod recap;
mod restate;
mod status;
mod templates;

use std::io::Write;
use std::path::Path;

use crate::cli::{Cli, Command};
use crate::error::Error;
use crate::settings::{Env, Settings};

/// The default log file name, in the current directory.
pub use crate::settings::DEFAULT_LOG;

/// What every command gets: the resolved settings and where to write. It derefs to
/// [`Settings`], so `ctx.today`, `ctx.logs`, `ctx.ladder`... read the settings.
pub struct Ctx<'a> {
    /// The options, resolved once.
    pub settings: Settings,
    /// Results go here.
    pub out: &'a mut dyn Write,
    /// Warnings and notes go here.
    pub err: &'a mut dyn Write,
}

impl std::ops::Deref for Ctx<'_> {
    type Target = Settings;

    fn deref(&self) -> &Settings {
        &self.settings
    }
}

impl Ctx<'_> {
    /// The one log this command works on.
    pub fn log(&self) -> Result<&Path, Error> {
        match self.logs.as_slice() {
            [one] => Ok(one),
            _ => Err(Error::Usage(format!(
                "this command takes one log, {} were given with `--log`",
                self.logs.len()
            ))),
        }
    }

    /// Writes to standard output.
    pub fn print(&mut self, text: &str) -> Result<(), Error> {
        self.out.write_all(text.as_bytes()).map_err(Error::output)
    }

    /// Writes bytes to standard output.
    pub fn print_bytes(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.out.write_all(bytes).map_err(Error::output)
    }

    /// Writes a report to `-o FILE` atomically, or to standard output.
    pub fn emit(&mut self, output: Option<&Path>, bytes: &[u8]) -> Result<(), Error> {
        match output {
            Some(path) => Ok(crate::store::write_output(path, &self.logs, bytes)?),
            None => self.print_bytes(bytes),
        }
    }

    /// Writes a line to standard error (a closed stderr is ignored).
    pub fn note(&mut self, text: &str) {
        let _ = writeln!(self.err, "{text}");
    }
}

/// Runs a parsed command line. Returns the exit code: 0 success, 1 invalid input
/// (for commands that report rather than fail, like `check`).
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, Error> {
    // Generating completions or the man page never needs the config file, so a
    // broken one cannot block them.
    let config = match cli.command {
        Command::Completions(_) | Command::Man(_) => crate::config::Config::default(),
        _ => crate::config::Config::load()?,
    };
    let settings = Settings::resolve(&cli, &config, &Env::read());
    let mut ctx = Ctx { settings, out, err };
    match cli.command {
        Command::Init(args) => init::run(&args, &mut ctx),
        Command::Check(args) => check::run(&args, &mut ctx),
        Command::Add(args) => add::run(&args, &mut ctx),
        Command::Map(args) => map::run(&args, &mut ctx),
        Command::Objections(args) => objections::run(&args, &mut ctx),
        Command::Packet(args) => packet::run(&args, &mut ctx),
        Command::Premortem(args) => premortem::run(&args, &mut ctx),
        Command::Restate(args) => restate::run(&args, &mut ctx),
        Command::Templates(command) => templates::run(&command, &mut ctx),
        Command::Import(args) => import::run(&args, &mut ctx),
        Command::Amend(args) => amend::run(&args, &mut ctx),
        Command::Project(command) => project::run(&command, &mut ctx),
        Command::Agenda(args) => agenda::run(&args, &mut ctx),
        Command::Recap(args) => recap::run(&args, &mut ctx),
        Command::Commitments(args) => commitments::run(&args, &mut ctx),
        Command::Done(args) => status::run(&args, crate::log::Status::Held, &mut ctx),
        Command::Broken(args) => status::run(&args, crate::log::Status::Broken, &mut ctx),
        Command::Completions(args) => completions::run(&args, &mut ctx),
        Command::Man(args) => man::run(&args, &mut ctx),
    }
}

/// Prints a report's context as pretty JSON (`--context`).
fn print_context(ctx: &mut Ctx, report: &impl serde::Serialize) -> Result<u8, Error> {
    let mut text = serde_json::to_string_pretty(report)
        .map_err(|e| Error::Usage(format!("cannot write the context as JSON: {e}")))?;
    text.push('\n');
    ctx.print(&text)?;
    Ok(0)
}

/// Renders template `NAME.EXT` of a report; the template also sees `color`, which the
/// `paint` filter reads (on only for text on a colour terminal).
fn render_report(
    templates: &crate::render::templates::Templates,
    name: &str,
    ext: &str,
    report: &impl serde::Serialize,
    color: bool,
) -> Result<String, Error> {
    #[derive(serde::Serialize)]
    struct Painted<'a, T> {
        #[serde(flatten)]
        report: &'a T,
        color: bool,
    }
    let color = color && ext == "txt";
    templates.render(&format!("{name}.{ext}"), &Painted { report, color })
}

/// The template extension of a note format.
fn note_extension(format: crate::cli::NoteFormat) -> &'static str {
    match format {
        crate::cli::NoteFormat::Text => "txt",
        crate::cli::NoteFormat::Md => "md",
        crate::cli::NoteFormat::Html => "html",
    }
}
