//! One file per command, each exposing `run`; this module picks the command and
//! holds what every command shares.

mod add;
mod add_edit;
mod agenda;
mod amend;
mod calibrate;

mod check;
mod commitments;
mod competencies;
mod completions;
mod health;
mod import;
mod init;
mod ladder;
mod man;
mod map;
mod objections;
mod packet;
mod premortem;
mod project;
mod recap;
mod restate;
mod serve;
mod share;
mod status;
mod templates;

use std::io::Write;
use std::path::Path;

use crate::cli::{Cli, Command};
use crate::error::Error;
use crate::render::templates::Templates;
use crate::render::{self, Format, Rendered, Report};
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

    /// Writes a line to standard error (a closed stderr is ignored). Notes quote log
    /// and imported text (a project name, a line of notes), so control and bidi
    /// characters are shown escaped, never sent to the terminal.
    pub fn note(&mut self, text: &str) {
        let _ = writeln!(self.err, "{}", crate::render::escape::terminal(text));
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
        Command::Health(args) => health::run(&args, &mut ctx),
        Command::Commitments(args) => commitments::run(&args, &mut ctx),
        Command::Done(args) => status::run(&args, crate::log::Status::Held, &mut ctx),
        Command::Broken(args) => status::run(&args, crate::log::Status::Broken, &mut ctx),
        Command::Ladder(command) => ladder::run(&command, &mut ctx),
        Command::Competencies(args) => competencies::run(&args, &mut ctx),
        Command::Completions(args) => completions::run(&args, &mut ctx),
        Command::Man(args) => man::run(&args, &mut ctx),
        Command::Share(args) => share::run(&args, &mut ctx),
        Command::Calibrate(args) => calibrate::run(&args, &mut ctx),
        Command::Serve(args) => serve::run(&args, &mut ctx),
    }
}

/// The templates, the user's overrides included, with colour for text as the settings say.
/// Loaded even for `--context`, so a broken override directory is always reported.
fn templates(ctx: &Ctx) -> Result<Templates, Error> {
    Ok(Templates::load(ctx.templates.as_deref())?.with_color(ctx.color))
}

/// Renders a report in a format through the one renderer layer ([`render::renderer`]),
/// with the settings' paper and, for a PDF, their font.
fn render<R: Report>(
    ctx: &Ctx,
    templates: &Templates,
    report: &R,
    format: Format,
) -> Result<Rendered, Error> {
    if format == Format::Pdf
        && let Some(font) = &ctx.font
    {
        render::pdf::set_font_file(font).map_err(|e| Error::Pdf(e.to_string()))?;
    }
    render::renderer(format, templates, ctx.paper).render(report)
}

/// Renders a report to standard output, its notes to standard error.
fn show<R: Report>(ctx: &mut Ctx, report: &R, format: Format) -> Result<u8, Error> {
    let templates = templates(ctx)?;
    let rendered = render(ctx, &templates, report, format)?;
    ctx.print_bytes(&rendered.bytes)?;
    for note in &rendered.notes {
        ctx.note(note);
    }
    Ok(0)
}

/// A usage error when a binary format (PDF) would go to a terminal; checked before
/// the log is read, so the person learns about `-o` first.
fn refuse_binary_to_terminal(
    ctx: &Ctx,
    format: crate::render::Format,
    output: Option<&Path>,
    name: &str,
) -> Result<(), Error> {
    if format.is_binary() && output.is_none() && ctx.stdout_is_terminal {
        return Err(Error::Usage(format!(
            "refusing to write a PDF to the terminal: use `-o {name}.pdf` or redirect the output"
        )));
    }
    Ok(())
}

/// Renders `report` in `format` with the settings' templates, paper and font.
fn render_to<R: crate::render::Report>(
    ctx: &Ctx,
    report: &R,
    format: crate::render::Format,
) -> Result<crate::render::Rendered, Error> {
    // Load the templates even for JSON and PDF, so a broken override directory is
    // reported whatever the format.
    let templates = crate::render::templates::Templates::load(ctx.templates.as_deref())?;
    if format == crate::render::Format::Pdf
        && let Some(font) = &ctx.font
    {
        crate::render::pdf::set_font_file(font).map_err(|e| Error::Pdf(e.to_string()))?;
    }
    crate::render::renderer(format, &templates, ctx.paper).render(report)
}

/// The format a page report (`premortem`, `calibrate`) renders: JSON for `--context`.
fn page_format(format: crate::cli::PageFormat, context: bool) -> Format {
    use crate::cli::PageFormat;
    match (context, format) {
        (true, _) | (false, PageFormat::Json) => Format::Json,
        (false, PageFormat::Text) => Format::Text,
        (false, PageFormat::Md) => Format::Markdown,
        (false, PageFormat::Html) => Format::Html,
        (false, PageFormat::Pdf) => Format::Pdf,
    }
}

/// The format a note command (`agenda`, `recap`) renders: JSON for `--context`.
fn note_format(format: crate::cli::NoteFormat, context: bool) -> Format {
    match (context, format) {
        (true, _) => Format::Json,
        (false, crate::cli::NoteFormat::Text) => Format::Text,
        (false, crate::cli::NoteFormat::Md) => Format::Markdown,
        (false, crate::cli::NoteFormat::Html) => Format::Html,
    }
}
