//! `promo completions SHELL`: a completion script generated from the same clap
//! definition as parsing and `--help`, so it can never fall behind the commands.

use clap::CommandFactory;

use super::Ctx;
use crate::cli::{Cli, CompletionsArgs};
use crate::error::Error;

/// Runs `promo completions`: prints the script for the shell.
pub fn run(args: &CompletionsArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "promo", &mut script);
    ctx.print_bytes(&script)?;
    Ok(0)
}
