//! Settings: the command line, the environment (`PROMO_LOG`, `NO_COLOR`, `COLUMNS`)
//! and the config file, resolved once into what every command reads.
//!
//! Precedence, option by option: the command line, then its environment variable,
//! then the config file, then the built-in default. Nothing else patches the parsed
//! command line: commands read [`Settings`], never the config.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli::{Cli, Command, PaperArg};
use crate::config::Config;
use crate::paper::Paper;

/// The default log file name, in the current directory.
pub const DEFAULT_LOG: &str = "promo.ron";
/// The terminal width when `COLUMNS` is not set or not a number.
pub const DEFAULT_WIDTH: usize = 100;
/// The narrowest width terminal text is laid out for.
pub const MIN_WIDTH: usize = 60;
/// The widest: longer lines are hard to read even on a wide screen.
pub const MAX_WIDTH: usize = 200;

/// What the environment says, read once (kept apart so resolution can be tested).
#[derive(Clone, Debug, Default)]
pub struct Env {
    /// `PROMO_LOG`, when set and not empty.
    pub promo_log: Option<PathBuf>,
    /// `COLUMNS`, as given.
    pub columns: Option<String>,
    /// Whether standard output is a terminal.
    pub stdout_is_terminal: bool,
}

impl Env {
    /// Reads the process environment.
    pub fn read() -> Self {
        Self {
            promo_log: std::env::var_os("PROMO_LOG")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
            columns: std::env::var("COLUMNS").ok(),
            stdout_is_terminal: std::io::IsTerminal::is_terminal(&std::io::stdout()),
        }
    }
}

/// Every option a command may read, resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Today, from `--today` or the local clock.
    pub today: NaiveDate,
    /// The log paths given, or the default one.
    pub logs: Vec<PathBuf>,
    /// The level ladder file, if not the built-in one.
    pub ladder: Option<PathBuf>,
    /// The directory whose templates override the built-in ones.
    pub templates: Option<PathBuf>,
    /// The font file the PDF tries first (`--font`, else the config file's `font`).
    pub font: Option<PathBuf>,
    /// Paper size for PDF and HTML printing.
    pub paper: Paper,
    /// Whether to colour standard output (`--color`, `NO_COLOR`, a terminal).
    pub color: bool,
    /// The width terminal text is laid out for (`COLUMNS`, clamped).
    pub width: usize,
    /// Whether standard output is a terminal (binary output is refused there).
    pub stdout_is_terminal: bool,
}

impl Settings {
    /// Resolves the command line against the environment and the config file.
    pub fn resolve(cli: &Cli, config: &Config, env: &Env) -> Self {
        let global = &cli.global;
        let logs = if global.log.is_empty() {
            vec![
                env.promo_log
                    .clone()
                    .or_else(|| config.log.clone())
                    .unwrap_or_else(|| PathBuf::from(DEFAULT_LOG)),
            ]
        } else {
            global.log.clone()
        };
        let paper = match &cli.command {
            Command::Packet(args) if global.given.has("paper") => paper_of(args.out.paper),
            Command::Premortem(args) if global.given.has("paper") => paper_of(args.out.paper),
            Command::Calibrate(args) if global.given.has("paper") => paper_of(args.out.paper),
            _ => config.paper.unwrap_or(Paper::Letter),
        };
        Self {
            today: global
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            logs,
            ladder: global.ladder.clone().or_else(|| config.ladder.clone()),
            templates: global
                .templates
                .clone()
                .or_else(|| config.templates.clone()),
            font: global.font.clone().or_else(|| config.font.clone()),
            paper,
            color: crate::color::enabled(global.color, env.stdout_is_terminal),
            width: width_of(env.columns.as_deref()),
            stdout_is_terminal: env.stdout_is_terminal,
        }
    }
}

/// The paper the command line names.
fn paper_of(paper: PaperArg) -> Paper {
    match paper {
        PaperArg::Letter => Paper::Letter,
        PaperArg::A4 => Paper::A4,
    }
}

/// `COLUMNS`, clamped to [`MIN_WIDTH`]..=[`MAX_WIDTH`], else [`DEFAULT_WIDTH`].
fn width_of(columns: Option<&str>) -> usize {
    columns
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map_or(DEFAULT_WIDTH, |w| w.clamp(MIN_WIDTH, MAX_WIDTH))
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    fn settings(args: &[&str], config: &Config, env: &Env) -> Settings {
        Settings::resolve(&Cli::try_parse_from(args).expect("parse"), config, env)
    }

    #[test]
    fn the_command_line_wins_over_the_config() {
        let c = Config {
            paper: Some(Paper::A4),
            ladder: Some(PathBuf::from("/l.ron")),
            ..Config::default()
        };
        let env = Env::default();
        let s = settings(&["promo", "packet"], &c, &env);
        assert_eq!(
            (s.paper, s.ladder),
            (Paper::A4, Some(PathBuf::from("/l.ron")))
        );
        let s = settings(
            &["promo", "packet", "--paper", "letter", "--ladder", "x.ron"],
            &c,
            &env,
        );
        assert_eq!(
            (s.paper, s.ladder),
            (Paper::Letter, Some(PathBuf::from("x.ron")))
        );
    }

    #[test]
    fn ladder_and_templates_are_global_options() {
        let env = Env::default();
        let c = Config::default();
        for args in [
            &[
                "promo",
                "--ladder",
                "l.ron",
                "--templates",
                "t",
                "objections",
            ][..],
            &[
                "promo",
                "objections",
                "--ladder",
                "l.ron",
                "--templates",
                "t",
            ][..],
        ] {
            let s = settings(args, &c, &env);
            assert_eq!(s.ladder, Some(PathBuf::from("l.ron")), "{args:?}");
            assert_eq!(s.templates, Some(PathBuf::from("t")), "{args:?}");
        }
    }

    #[test]
    fn the_log_comes_from_the_flag_then_promo_log_then_the_config() {
        let c = Config {
            log: Some(PathBuf::from("/c.ron")),
            ..Config::default()
        };
        let mut env = Env::default();
        assert_eq!(
            settings(&["promo", "map"], &c, &env).logs,
            [PathBuf::from("/c.ron")]
        );
        env.promo_log = Some(PathBuf::from("/e.ron"));
        assert_eq!(
            settings(&["promo", "map"], &c, &env).logs,
            [PathBuf::from("/e.ron")]
        );
        assert_eq!(
            settings(&["promo", "--log", "f.ron", "map"], &c, &env).logs,
            [PathBuf::from("f.ron")]
        );
        assert_eq!(
            settings(&["promo", "map"], &Config::default(), &Env::default()).logs,
            [PathBuf::from(DEFAULT_LOG)]
        );
    }

    #[test]
    fn the_width_is_columns_clamped() {
        assert_eq!(width_of(None), DEFAULT_WIDTH);
        assert_eq!(width_of(Some("x")), DEFAULT_WIDTH);
        assert_eq!(width_of(Some(" 80 ")), 80);
        assert_eq!(width_of(Some("10")), MIN_WIDTH);
        assert_eq!(width_of(Some("999")), MAX_WIDTH);
    }
}
