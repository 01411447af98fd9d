//! The `promo` executable: parse the command line, run, report errors once.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

// Reading a big log makes millions of small allocations; mimalloc makes them and
// frees them at about half the cost of the system allocator (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // `COMPLETE=bash promo …`: the shell asks for candidates (docs/shell.md).
    clap_complete::CompleteEnv::with_factory(<promo::cli::Cli as clap::CommandFactory>::command)
        .complete();
    let cli = promo::cli::Cli::parse();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let mut stderr = std::io::stderr().lock();
    let result = promo::run(cli, &mut stdout, &mut stderr)
        .and_then(|code| stdout.flush().map(|()| code).map_err(promo::Error::output));
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            if !matches!(error, promo::Error::BrokenPipe) {
                if let Some(details) = error.details() {
                    let _ = write!(stderr, "{details}");
                }
                // The message may quote the log (a project key, a name): escaped.
                let chain = promo::render::escape::terminal(&promo::error_chain(&error));
                let _ = writeln!(stderr, "error: {chain}");
            }
            ExitCode::from(error.exit_code())
        }
    }
}
