//! The command line, declared once: parsing, help, completions and the man page all
//! come from these types.

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
    /// Print the man page (roff): promo(1), or one command's page, e.g. `promo man import`.
    Man(ManArgs),
}

/// `promo init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Your full name.
    #[arg(long)]
    pub name: String,
    /// Your manager's name.
    #[arg(long)]
    pub manager: String,
    /// Your current level, e.g. L5 or Senior.
    #[arg(long)]
    pub level: String,
    /// The level you are going for.
    #[arg(long = "target-level")]
    pub target_level: String,
    /// When the packet is due, YYYY-MM-DD.
    #[arg(long, value_parser = parse_date_arg)]
    pub submission: NaiveDate,
    /// Your job title, e.g. "Product Manager".
    #[arg(long)]
    pub role: Option<String>,
    /// The calibration cycle's name, e.g. "H1 2027".
    #[arg(long)]
    pub cycle: Option<String>,
    /// A project, as KEY=NAME, e.g. `checkout="Checkout redesign"` (repeatable).
    #[arg(long = "project", value_name = "KEY=NAME")]
    pub projects: Vec<String>,
}

/// Output format of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Diagnostics for people.
    Text,
    /// `{"valid", "errors", "warnings"}`.
    Json,
}

/// `promo check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

/// `promo amend`.
#[derive(Debug, Args)]
pub struct AmendArgs {
    /// The moment's id.
    pub id: String,
    /// The outcome (replaces the one written).
    #[arg(long)]
    pub impact: Option<String>,
    /// How far it reached (replaces the one written).
    #[arg(long, value_enum, ignore_case = true)]
    pub reach: Option<ReachArg>,
    /// Someone who saw it and can vouch for it (repeatable; added).
    #[arg(long = "witness", value_name = "NAME")]
    pub witnesses: Vec<String>,
    /// A quote, as ROLE:BY:TEXT (repeatable; added).
    #[arg(long = "quote", value_name = "ROLE:BY:TEXT")]
    pub quotes: Vec<String>,
    /// A commitment, as OWNER:DUE:WHAT (repeatable; added).
    #[arg(long = "commitment", value_name = "OWNER:DUE:WHAT")]
    pub commitments: Vec<String>,
}

/// `promo project`.
#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    /// Add a project to the log: `promo project add search "Search relevance"`.
    Add(ProjectAddArgs),
}

/// `promo project add`.
#[derive(Debug, Args)]
pub struct ProjectAddArgs {
    /// Its key, as moments name it: lowercase letters, digits and dashes.
    pub key: String,
    /// Its display name.
    pub name: String,
}

/// A moment's tag on the command line (any case: `Decision`, `decision`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TagArg {
    /// You made, forced or pressure-tested a decision.
    Decision,
    /// You asked for, or were given, something larger to own.
    Scope,
    /// Your work changed how others operate or unblocked them.
    Leverage,
}

/// A moment's reach on the command line (any case; `cross-team` or `CrossTeam`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReachArg {
    /// Your team.
    Team,
    /// Several teams.
    #[value(alias = "crossteam", alias = "cross_team")]
    CrossTeam,
    /// The whole org.
    Org,
    /// The company.
    Company,
}

/// `promo add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// What kind of evidence [required unless the editor writes the moment].
    #[arg(value_enum, ignore_case = true)]
    pub tag: Option<TagArg>,
    /// What happened, decision first ("Cut …", "Chose …") [required likewise].
    pub what: Option<String>,
    /// The project key (a key of `projects` in the log) [required likewise].
    #[arg(long)]
    pub project: Option<String>,
    /// How far it reached [required likewise].
    #[arg(long, value_enum, ignore_case = true)]
    pub reach: Option<ReachArg>,
    /// Write the moment in $VISUAL or $EDITOR, on a RON skeleton (also `promo add` alone on a terminal); saved unchanged or emptied, nothing is written.
    #[arg(long, conflicts_with_all = ["tag", "what", "project", "reach"])]
    pub edit: bool,
    /// When it happened [default: today].
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// The outcome, with a number if there is one.
    #[arg(long)]
    pub impact: Option<String>,
    /// Someone who saw it and can vouch for it (repeatable).
    #[arg(long = "witness", value_name = "NAME")]
    pub witnesses: Vec<String>,
    /// A quote, as ROLE:BY:TEXT, ROLE one of manager, skip, peer, stakeholder, report (repeatable).
    #[arg(long = "quote", value_name = "ROLE:BY:TEXT")]
    pub quotes: Vec<String>,
    /// A commitment, as OWNER:DUE:WHAT, OWNER one of me, manager or a name, DUE YYYY-MM-DD (repeatable).
    #[arg(long = "commitment", value_name = "OWNER:DUE:WHAT")]
    pub commitments: Vec<String>,
    /// Keep this moment on your machine: it never reaches a shared output.
    #[arg(long)]
    pub private: bool,
    /// The moment's id [default: the next free `mNNN`].
    #[arg(long)]
    pub id: Option<String>,
}

/// Output format of the text reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// For the terminal.
    Text,
    /// Markdown.
    Md,
    /// JSON.
    Json,
    /// A self-contained HTML page.
    Html,
}

/// Output format of `map`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MapFormat {
    /// For the terminal.
    Text,
    /// Markdown.
    Md,
    /// A self-contained HTML page.
    Html,
    /// JSON: the plain map (see docs/map-json.md).
    Json,
}

/// `promo map`.
#[derive(Debug, Args)]
pub struct MapArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = MapFormat::Text)]
    pub format: MapFormat,
    /// Show each listed moment's score, term by term.
    #[arg(long)]
    pub explain: bool,
    /// Print the template context as JSON instead of the report.
    #[arg(long)]
    pub context: bool,
}

/// `promo objections`.
#[derive(Debug, Args)]
pub struct ObjectionsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Print the template context as JSON instead.
    #[arg(long, conflicts_with = "format")]
    pub context: bool,
}

/// Output format of the packet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PacketFormat {
    /// Markdown.
    Md,
    /// A self-contained HTML page.
    Html,
    /// A one-page PDF.
    Pdf,
    /// The context every format is rendered from.
    Json,
}

/// Paper size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// US Letter.
    Letter,
    /// ISO A4.
    A4,
}

/// `promo packet`.
#[derive(Debug, Args)]
pub struct PacketArgs {
    /// Output format [default: pdf with -o FILE.pdf, else md].
    #[arg(long, value_enum)]
    pub format: Option<PacketFormat>,
    /// Print the template context as JSON (same as `--format json`).
    #[arg(long, conflicts_with = "format")]
    pub context: bool,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Paper size for PDF and for HTML printing.
    #[arg(long, value_enum, default_value_t = PaperArg::Letter)]
    pub paper: PaperArg,
}

/// Output format of the pre-mortem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PremortemFormat {
    /// For the terminal.
    Text,
    /// Markdown.
    Md,
    /// A self-contained HTML page.
    Html,
    /// A one-page PDF.
    Pdf,
    /// JSON.
    Json,
}

/// `promo premortem`.
#[derive(Debug, Args)]
pub struct PremortemArgs {
    /// The submission date, instead of the log's `target.submission`.
    #[arg(long, value_parser = parse_date_arg)]
    pub submission: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = PremortemFormat::Text)]
    pub format: PremortemFormat,
    /// Print the template context as JSON (same as `--format json`).
    #[arg(long, conflicts_with = "format")]
    pub context: bool,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Paper size for PDF.
    #[arg(long, value_enum, default_value_t = PaperArg::Letter)]
    pub paper: PaperArg,
}

/// Output format of `restate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RestateFormat {
    /// The words to say.
    Text,
    /// `{"text", "words", "seconds"}`.
    Json,
    /// Markdown, to paste into the calibration notes.
    Md,
    /// A self-contained HTML page.
    Html,
}

/// `promo restate`.
#[derive(Debug, Args)]
pub struct RestateArgs {
    /// At most this many words.
    #[arg(long, default_value_t = 150, value_parser = clap::value_parser!(u32).range(20..=1000))]
    pub words: u32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RestateFormat::Text)]
    pub format: RestateFormat,
    /// Print the template context as JSON instead of the report.
    #[arg(long)]
    pub context: bool,
}

/// `promo templates ...`.
#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Write the built-in templates to DIR for editing (existing files are kept).
    Export {
        /// Where to write them.
        dir: PathBuf,
    },
}

/// What kind of notes `promo import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// A running 1:1 document in Markdown: dated sections, Wins / Decisions / Action items headings.
    #[value(alias = "md")]
    Markdown,
    /// A jrnl JSON export (`jrnl --export json`).
    Jrnl,
}

/// `promo import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What the file is.
    #[arg(value_enum)]
    pub format: ImportFormat,
    /// The files to import: files, folders (a Notion export, a vault's daily notes,
    /// Logseq `journals/`: every `.md` file in them) or `-` for standard input.
    #[arg(value_name = "PATH", required = true, num_args = 1..)]
    pub files: Vec<PathBuf>,
    /// Print what would be added, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The project for items whose text names none [default: the log's only project, else a new `imported` one].
    #[arg(long, value_name = "KEY")]
    pub project: Option<String>,
}

/// Output format of the agenda and the recap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NoteFormat {
    /// For the terminal.
    Text,
    /// Markdown, to paste into the running doc.
    Md,
    /// A self-contained HTML page.
    Html,
}

/// `promo agenda`.
#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = NoteFormat::Text)]
    pub format: NoteFormat,
    /// A decision you need from your manager in this 1:1 (repeatable).
    #[arg(long = "decision", value_name = "TEXT")]
    pub decisions: Vec<String>,
    /// The 1:1's date [default: the next one after the last moment, by the log's cadence].
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// Include the open commitments of private moments (keep the agenda to yourself then).
    #[arg(long)]
    pub private: bool,
    /// Print the template context as JSON instead of the report.
    #[arg(long)]
    pub context: bool,
}

/// `promo recap`.
#[derive(Debug, Args)]
pub struct RecapArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = NoteFormat::Md)]
    pub format: NoteFormat,
    /// The 1:1's date [default: today].
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// Print the template context as JSON instead of the report.
    #[arg(long)]
    pub context: bool,
}

/// Output format of `commitments`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CommitmentsFormat {
    /// A table for the terminal.
    Text,
    /// A JSON array.
    Json,
    /// A Markdown table.
    Md,
    /// A self-contained HTML page.
    Html,
    /// An iCalendar file of the open commitments, for calendar apps.
    Ics,
}

/// `promo commitments`.
#[derive(Debug, Args)]
pub struct CommitmentsArgs {
    /// Only the open ones (`ics` always lists only those).
    #[arg(long)]
    pub open: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CommitmentsFormat::Text)]
    pub format: CommitmentsFormat,
    /// In `ics`, write every commitment as a to-do (VTODO) instead of an all-day event.
    #[arg(long)]
    pub todo: bool,
    /// Print the template context as JSON instead of the report.
    #[arg(long)]
    pub context: bool,
}

/// `promo done` and `promo broken`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The commitment: `MOMENT.N` as `promo commitments` lists it, or a moment id that has one commitment.
    #[arg(value_name = "ID")]
    pub id: String,
}

/// Output format of `ladder show`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LadderFormat {
    /// Levels, thresholds and criteria, for reading.
    Text,
    /// The ladder file itself, to copy and edit.
    Ron,
    /// The ladder as JSON.
    Json,
}

/// `promo ladder ...`.
#[derive(Debug, Subcommand)]
pub enum LadderCommand {
    /// Show a ladder: `--track`, else `--ladder FILE`, else the track the log is judged on.
    Show {
        /// A built-in track: pm, eng, em or design.
        #[arg(long, value_name = "TRACK")]
        track: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = LadderFormat::Text)]
        format: LadderFormat,
    },
    /// Turn a progression framework (Markdown with YAML front matter) into a ladder file.
    Import {
        /// The framework file: `levels: N` and `topics:` in its front matter.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Where to write the ladder (atomically).
        #[arg(short = 'o', long = "output", value_name = "LADDER.ron")]
        output: PathBuf,
        /// The company's name for each framework level, lowest first, e.g. L3,L4,L5,L6.
        #[arg(long, value_name = "L1,L2,...", value_delimiter = ',', required = true)]
        levels: Vec<String>,
        /// The built-in track whose thresholds the levels take.
        #[arg(long, value_name = "TRACK", default_value = "pm")]
        track: String,
    },
}

/// `promo competencies`.
#[derive(Debug, Args)]
pub struct CompetenciesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = CompetenciesFormat::Text)]
    pub format: CompetenciesFormat,
    /// Print the template context as JSON instead.
    #[arg(long, conflicts_with = "format")]
    pub context: bool,
}

/// Output format of `competencies`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CompetenciesFormat {
    /// For the terminal.
    Text,
    /// Markdown.
    Md,
    /// A self-contained HTML page.
    Html,
    /// `{"level", "competencies": [...]}`.
    Json,
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
