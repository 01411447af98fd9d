//! The command line, declared once: parsing, help, completions and the man page all
//! come from these types.

mod capture;
mod complete;
mod reports;
mod team;

pub use capture::*;
pub use reports::*;
pub use team::*;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::parser::ValueSource;
use clap::{ArgMatches, Args, FromArgMatches, Parser, Subcommand, ValueEnum};

/// Turn the moments of your 1:1s into promotion evidence.
#[derive(Debug, Parser)]
#[command(name = "promo", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: Global,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options shared by every command.
#[derive(Debug, Args)]
pub struct Global {
    /// The log file [default: $PROMO_LOG, else the config file's `log`, else ./promo.ron]. `restate` takes several, or a directory.
    #[arg(long = "log", value_name = "FILE", global = true)]
    pub log: Vec<PathBuf>,
    /// The date to treat as today, YYYY-MM-DD [default: the local date]. Fix it for reproducible output.
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg, global = true)]
    pub today: Option<NaiveDate>,
    /// When to colour the output: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// A level ladder (RON) to use instead of the built-in one [default: the config file's `ladder`].
    #[arg(long, value_name = "FILE", global = true)]
    pub ladder: Option<PathBuf>,
    /// A directory whose templates override the built-in ones by name [default: the config file's `templates`].
    #[arg(long, value_name = "DIR", global = true)]
    pub templates: Option<PathBuf>,
    /// A font file (TTF, OTF or TTC) the PDF tries first for every glyph, before the embedded DejaVu fallbacks and system fonts [default: the config file's `font`].
    #[arg(long, value_name = "FILE", global = true)]
    pub font: Option<PathBuf>,
    /// Which options the command line gave (not an option: lets the config file fill only the rest).
    #[command(flatten)]
    pub given: Given,
}

/// When to colour the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Only when standard output is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always, even into a pipe or with `NO_COLOR`.
    Always,
    /// Never.
    Never,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new log.
    Init(InitArgs),
    /// Check the log and report every problem.
    Check(CheckArgs),
    /// Add a moment to the log.
    Add(AddArgs),
    /// The ranked evidence map and the top examples.
    Map(MapArgs),
    /// The objections a calibration committee is likely to raise, in attack order.
    Objections(ObjectionsArgs),
    /// The one-page promotion packet (Markdown, HTML, PDF or its JSON context).
    Packet(PacketArgs),
    /// The pre-mortem: what to fix, by when, before submission.
    Premortem(PremortemArgs),
    /// The one-minute restatement the manager says in the room.
    Restate(RestateArgs),
    /// Work with the templates the reports are rendered from.
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Import moments from notes you already keep: a Markdown 1:1 doc or a jrnl export.
    Import(ImportArgs),
    /// Add to a moment: an impact, a quote, a witness, a reach or a commitment that came later.
    Amend(AmendArgs),
    /// Work with the log's projects.
    #[command(subcommand)]
    Project(ProjectCommand),
    /// The next 1:1's agenda: open commitments, the decisions you need, one growth ask.
    Agenda(AgendaArgs),
    /// The same-day recap of a 1:1: decisions, and who owes what by when.
    Recap(RecapArgs),
    /// List the commitments, or export the open ones as an iCalendar file.
    Commitments(CommitmentsArgs),
    /// The health of the 1:1s: held and cancelled, outcomes, growth asks, gaps.
    Health(HealthArgs),
    /// Mark a commitment as held: done as promised.
    Done(StatusArgs),
    /// Mark a commitment as broken: not done as promised.
    Broken(StatusArgs),
    /// The level ladder: show a built-in track, or import a progression framework.
    #[command(subcommand)]
    Ladder(LadderCommand),
    /// For the target level: each competency, its criteria, and the moments that prove it.
    Competencies(CompetenciesArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Write the log to hand your manager: every private moment, and all only they used, left out.
    Share(ShareArgs),
    /// The manager's calibration brief over the shared logs of a team, one page per report.
    Calibrate(CalibrateArgs),
    /// Print the man page (roff): promo(1), or one command's page, e.g. `promo man import`.
    Man(ManArgs),
    /// Serve the reports and a form to log moments as a local web page (127.0.0.1 only).
    Serve(ServeArgs),
}

/// `promo serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 7878)]
    pub port: u16,
    /// The address to listen on: only the loopback address `127.0.0.1` is accepted.
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
    pub address: String,
    /// Open the page in the default browser (xdg-open, or open on macOS).
    #[arg(long)]
    pub open: bool,
}

/// `promo completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `promo man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// A command whose own page to print (promo-COMMAND(1)) [default: promo(1)].
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

/// Parses a `YYYY-MM-DD` argument, explaining impossible dates.
pub fn parse_date_arg(text: &str) -> Result<NaiveDate, String> {
    crate::log::validate::parse_date(text).map_err(|problem| problem.to_string())
}

/// The ids of the options the command line (or their environment variable) set,
/// read from clap's matches: clap's derived structs cannot tell a default from an
/// explicit `--paper letter`, and only the latter must beat the config file.
///
/// Flattened into [`Global`], so clap hands it the top-level matches,
/// subcommands included; it declares no option of its own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Given {
    ids: Vec<String>,
}

impl Given {
    /// Whether the option with this id was given.
    pub fn has(&self, id: &str) -> bool {
        self.ids.iter().any(|i| i == id)
    }

    fn collect(matches: &ArgMatches, ids: &mut Vec<String>) {
        for id in matches.ids() {
            if matches!(
                matches.value_source(id.as_str()),
                Some(ValueSource::CommandLine | ValueSource::EnvVariable)
            ) {
                ids.push(id.as_str().to_string());
            }
        }
        if let Some((_, sub)) = matches.subcommand() {
            Self::collect(sub, ids);
        }
    }
}

impl FromArgMatches for Given {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut ids = Vec::new();
        Self::collect(matches, &mut ids);
        Ok(Self { ids })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for Given {
    fn augment_args(command: clap::Command) -> clap::Command {
        command
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        command
    }
}
