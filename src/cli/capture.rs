//! The arguments of the commands that write the log: `init`, `check`, `add`, `amend`,
//! `project`, and the tag and reach spellings they accept.

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use clap_complete::engine::ArgValueCandidates;

use super::parse_date_arg;

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
    #[arg(add = ArgValueCandidates::new(super::complete::moment_ids))]
    pub id: String,
    /// The outcome (replaces the one written).
    #[arg(long)]
    pub impact: Option<String>,
    /// How far it reached (replaces the one written).
    #[arg(long, value_enum, ignore_case = true)]
    pub reach: Option<ReachArg>,
    #[command(flatten)]
    pub backing: Backing,
}

/// Who saw a moment, what they said, and who owes what by when: the repeatable options
/// `add` writes and `amend` adds to a moment.
#[derive(Debug, Default, Args)]
pub struct Backing {
    /// Someone who saw it and can vouch for it (repeatable).
    #[arg(long = "witness", value_name = "NAME")]
    pub witnesses: Vec<String>,
    /// A quote, as ROLE:BY:TEXT, ROLE one of manager, skip, peer, stakeholder, report (repeatable).
    #[arg(long = "quote", value_name = "ROLE:BY:TEXT")]
    pub quotes: Vec<String>,
    /// A commitment, as OWNER:DUE:WHAT, OWNER one of me, manager or a name, DUE YYYY-MM-DD (repeatable).
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
    #[arg(long, add = ArgValueCandidates::new(super::complete::project_keys))]
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
    #[command(flatten)]
    pub backing: Backing,
    /// Keep this moment on your machine: it never reaches a shared output.
    #[arg(long)]
    pub private: bool,
    /// The moment's id [default: the next free `mNNN`].
    #[arg(long)]
    pub id: Option<String>,
}
