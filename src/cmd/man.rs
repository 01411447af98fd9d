//! `promo man [COMMAND]`: the man page (roff), generated from the same clap
//! definition as parsing and `--help`: promo(1), or promo-COMMAND(1) for one
//! command's options. Install with `promo man > ~/.local/share/man/man1/promo.1`.

use clap::CommandFactory;

use super::Ctx;
use crate::cli::{Cli, ManArgs};
use crate::error::Error;
use crate::suggest::did_you_mean;

/// Runs `promo man`: prints the page.
pub fn run(args: &ManArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let mut command = Cli::command().disable_help_subcommand(true);
    // Building gives each command its `promo-NAME` title, as in a page set.
    command.build();
    let page = match args.command.as_deref() {
        None => command,
        Some(name) => match command.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
                let hint = did_you_mean(name, names.iter().copied())
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                return Err(Error::Usage(format!(
                    "`promo man {name}`: there is no command `{name}`{hint}"
                )));
            }
        },
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut roff)
        .map_err(Error::output)?;
    ctx.print_bytes(&roff)?;
    Ok(0)
}
