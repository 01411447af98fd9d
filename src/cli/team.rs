//! The arguments of the manager's side: `share` (the owner's log without its private
//! moments) and `calibrate` (one brief over a team's shared logs).

use std::path::PathBuf;

use clap::Args;

use super::reports::{PageFormat, PageOutput};

/// `promo share`.
#[derive(Debug, Args)]
pub struct ShareArgs {
    /// Write the shareable log here (atomically); never the log itself, its backup or its lock.
    #[arg(short = 'o', long = "output", value_name = "FILE", required = true)]
    pub output: PathBuf,
}

/// `promo calibrate`.
#[derive(Debug, Args)]
pub struct CalibrateArgs {
    /// The shared logs, one per report: files, or directories of `*.ron` files.
    #[arg(value_name = "DIR|FILE", required = true)]
    pub logs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = PageFormat::Text)]
    pub format: PageFormat,
    #[command(flatten)]
    pub out: PageOutput,
}
