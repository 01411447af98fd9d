//! The arguments of the report commands and their output formats.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use clap_complete::engine::ArgValueCandidates;

use super::parse_date_arg;

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
    #[command(flatten)]
    pub out: PageOutput,
}

/// Output format of the reports that are also PDF pages: `premortem` and `calibrate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PageFormat {
    /// For the terminal.
    Text,
    /// Markdown.
    Md,
    /// A self-contained HTML page.
    Html,
    /// A PDF (use `-o FILE`): the pre-mortem's one page, or calibrate's cover and a page per report.
    Pdf,
    /// The context as JSON.
    Json,
}

/// `promo premortem`.
#[derive(Debug, Args)]
pub struct PremortemArgs {
    /// The submission date, instead of the log's `target.submission`.
    #[arg(long, value_parser = parse_date_arg)]
    pub submission: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = PageFormat::Text)]
    pub format: PageFormat,
    #[command(flatten)]
    pub out: PageOutput,
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
    /// A calendar export (`.ics`): the 1:1 series with the manager, into `meetings`.
    Ics,
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
    #[arg(long, value_name = "KEY", add = ArgValueCandidates::new(super::complete::project_keys))]
    pub project: Option<String>,
    /// `ics`: the 1:1 series is the events whose summary contains TEXT [default: the
    /// events of the manager and one other person].
    #[arg(long, value_name = "TEXT")]
    pub series: Option<String>,
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
    /// The 1:1's date [default: the next one: the calendar's (`import ics`), else by the log's cadence].
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// Include the open commitments of private moments (keep the agenda to yourself then).
    #[arg(long)]
    pub private: bool,
    /// Print the template context as JSON instead of the report.
    #[arg(long)]
    pub context: bool,
}

/// `promo health`.
#[derive(Debug, Args)]
pub struct HealthArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = MapFormat::Text)]
    pub format: MapFormat,
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
    #[arg(value_name = "ID", add = ArgValueCandidates::new(super::complete::commitment_ids))]
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

/// The output options of the reports that have a printed page (`packet`, `premortem`,
/// `calibrate`): the context, the file and the paper.
#[derive(Debug, Args)]
pub struct PageOutput {
    /// Print the template context as JSON (same as `--format json`).
    #[arg(long, conflicts_with = "format")]
    pub context: bool,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Paper size for PDF (and for printing the HTML packet).
    #[arg(long, value_enum, default_value_t = PaperArg::Letter)]
    pub paper: PaperArg,
}
