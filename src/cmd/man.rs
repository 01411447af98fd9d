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
    let whole = args.command.is_none();
    let man = clap_mangen::Man::new(page);
    let mut roff = Vec::new();
    if whole {
        // promo(1) carries the sections a reader looks for after the options.
        man.render_title(&mut roff).map_err(Error::output)?;
        man.render_name_section(&mut roff).map_err(Error::output)?;
        man.render_synopsis_section(&mut roff)
            .map_err(Error::output)?;
        man.render_description_section(&mut roff)
            .map_err(Error::output)?;
        man.render_options_section(&mut roff)
            .map_err(Error::output)?;
        man.render_subcommands_section(&mut roff)
            .map_err(Error::output)?;
        roff.extend_from_slice(EXTRA.as_bytes());
        man.render_version_section(&mut roff)
            .map_err(Error::output)?;
    } else {
        man.render(&mut roff).map_err(Error::output)?;
    }
    ctx.print_bytes(&roff)?;
    Ok(0)
}

/// EXAMPLES, ENVIRONMENT, FILES and EXIT STATUS of promo(1), in roff.
const EXTRA: &str = r#".SH EXAMPLES
.TP
\fBpromo init \-\-name "Mara Chen" \-\-manager "Tess Obi" \-\-level L5 \-\-target\-level L6 \-\-submission 2027\-03\-01\fR
Start a log (\fI./promo.ron\fR).
.TP
\fBpromo import markdown notes.md ~/vault/Daily \-\-dry\-run\fR
Show what a running 1:1 doc and a folder of daily notes would add; drop \fB\-\-dry\-run\fR to add it.
.TP
\fBpromo add Decision "Killed the synonyms rewrite" \-\-project search \-\-reach CrossTeam\fR
Capture one moment; \fBpromo add \-\-edit\fR writes it in your editor instead.
.TP
\fBpromo amend m012 \-\-impact "freed 2 engineers" \-\-quote "manager:Tess Obi:Right call"\fR
Add what came later to a moment.
.TP
\fBpromo agenda\fR, \fBpromo recap\fR, \fBpromo commitments\fR
Before the 1:1, after it, and who owes what.
.TP
\fBpromo packet \-\-format pdf > packet.pdf\fR
The one\-page promotion packet.
.SH ENVIRONMENT
.TP
\fBPROMO_LOG\fR
The log file, when \fB\-\-log\fR is not given (before the config file's \fBlog\fR and \fI./promo.ron\fR).
.TP
\fBVISUAL\fR, \fBEDITOR\fR
The editor \fBpromo add \-\-edit\fR opens (\fBVISUAL\fR first, else \fBEDITOR\fR, else \fBvi\fR).
.TP
\fBNO_COLOR\fR
When set, no colour in the terminal output.
.TP
\fBCOMPLETE\fR
Set by the shell's dynamic completion (\fBsource <(COMPLETE=bash promo)\fR): promo prints candidates (moment ids, commitment ids, project keys) instead of running.
.SH FILES
.TP
\fI./promo.ron\fR
The log, in RON: projects and moments (see docs/format.md).
.TP
\fIpromo.ron.bak\fR
The previous version, kept when a command rewrites bytes (\fBamend\fR, \fBdone\fR, \fBbroken\fR, an import that updates commitments).
.TP
\fIpromo.ron.lock\fR
The lock taken while the log is written.
.SH "EXIT STATUS"
.TP
\fB0\fR
Success, warnings included.
.TP
\fB1\fR
Bad input: an invalid log, an unreadable or malformed file (reported at path:line:col), a refused write.
.TP
\fB2\fR
A usage error: an unknown command, option, id or project key.
"#;
