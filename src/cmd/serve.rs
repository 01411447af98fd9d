//! `promo serve`: binds 127.0.0.1, prints the URL with this run's token, and answers
//! the page's requests until stopped. The page's writes are this crate's own `add`,
//! `amend`, `done` and `broken`, run with their output captured, so a browser and a
//! terminal editing the log at once go through the same lock and re-check.

use super::Ctx;
use crate::cli::{AddArgs, AmendArgs, ServeArgs, StatusArgs};
use crate::error::Error;
use crate::log::Status;
use crate::serve::Writes;
use crate::serve::auth::Secrets;
use crate::serve::server;
use crate::settings::Settings;

/// Runs `promo serve`.
pub fn run(args: &ServeArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let log = ctx.log()?;
    // A missing log is refused at once; an invalid one is served, its problems shown
    // on every page, so it can be fixed in an editor and reloaded.
    if !log.exists() {
        return Err(Error::LogNotFound {
            path: log.to_path_buf(),
        });
    }
    let listening = server::bind(&args.address, args.port)?;
    let secrets = Secrets::generate().map_err(|e| Error::Serve {
        address: format!("{}:{}", server::LOOPBACK, listening.port),
        cause: format!("no random token from the operating system: {e}"),
    })?;
    let url = listening.url(&secrets);
    ctx.print(&format!("{url}\n"))?;
    ctx.out.flush().map_err(Error::output)?;
    ctx.note("serving your log on this machine only; the link holds this run's token, so keep it to yourself. Ctrl-C stops.");
    if args.open {
        open(&url, ctx);
    }
    let writes = CliWrites {
        settings: ctx.settings.clone(),
    };
    listening.run(&ctx.settings, &secrets, &writes);
    Ok(0)
}

/// Opens `url` in the default browser; a failure is a note, the server runs anyway.
fn open(url: &str, ctx: &mut Ctx) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    match std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
        }
        Err(e) => ctx.note(&format!(
            "note: could not run `{opener}` ({e}); open the URL yourself"
        )),
    }
}

/// The CLI's write commands, each run as if typed, their output captured.
struct CliWrites {
    settings: Settings,
}

impl CliWrites {
    fn capture(
        &self,
        command: impl FnOnce(&mut Ctx) -> Result<u8, Error>,
    ) -> Result<String, Error> {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut ctx = Ctx {
            settings: self.settings.clone(),
            out: &mut out,
            err: &mut err,
        };
        command(&mut ctx)?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }
}

impl Writes for CliWrites {
    fn add(&self, args: &AddArgs) -> Result<String, Error> {
        self.capture(|ctx| super::add::run(args, ctx))
    }

    fn amend(&self, args: &AmendArgs) -> Result<String, Error> {
        self.capture(|ctx| super::amend::run(args, ctx))
    }

    fn set_status(&self, args: &StatusArgs, status: Status) -> Result<String, Error> {
        self.capture(|ctx| super::status::run(args, status, ctx))
    }
}
