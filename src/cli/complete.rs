//! Dynamic shell completion: the moment ids, commitment ids and project keys of
//! the log the command line would read (`--log`, else `$PROMO_LOG`, else the
//! config file's `log`, else `./promo.ron`). The shell asks the binary itself
//! (`COMPLETE=bash promo`, see `docs/shell.md`); a log that cannot be read or
//! does not check gives no candidates and no message.

use std::ffi::OsString;
use std::path::PathBuf;

use clap_complete::engine::CompletionCandidate;

use crate::log::Log;

/// Every moment id, with its text as help.
pub fn moment_ids() -> Vec<CompletionCandidate> {
    let Some(log) = read() else {
        return Vec::new();
    };
    log.moments
        .iter()
        .map(|m| CompletionCandidate::new(&m.id).help(Some(short(&m.what).into())))
        .collect()
}

/// Every commitment id (`MOMENT.N`), with its text as help.
pub fn commitment_ids() -> Vec<CompletionCandidate> {
    let Some(log) = read() else {
        return Vec::new();
    };
    log.moments
        .iter()
        .flat_map(|m| {
            m.commitments.iter().enumerate().map(move |(i, c)| {
                CompletionCandidate::new(format!("{}.{}", m.id, i + 1))
                    .help(Some(short(&c.what).into()))
            })
        })
        .collect()
}

/// Every project key, with its name as help.
pub fn project_keys() -> Vec<CompletionCandidate> {
    let Some(log) = read() else {
        return Vec::new();
    };
    log.projects
        .iter()
        .map(|(key, p)| CompletionCandidate::new(key).help(Some(p.name.clone().into())))
        .collect()
}

/// The log, if it can be read and checks.
fn read() -> Option<Log> {
    let today = chrono::Local::now().date_naive();
    crate::log::load::load(&log_path(std::env::args_os()), today)
        .ok()
        .map(|(log, _)| log)
}

/// The log a command line names: the first `--log FILE` or `--log=FILE`, else
/// `$PROMO_LOG`, else the config file's, else `./promo.ron`.
fn log_path(args: impl Iterator<Item = OsString>) -> PathBuf {
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        if arg == "--log" {
            if let Some(value) = args.next() {
                return PathBuf::from(value);
            }
        } else if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--log=")) {
            return PathBuf::from(value);
        }
    }
    std::env::var_os("PROMO_LOG")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| crate::config::Config::load().ok().and_then(|c| c.log))
        // `settings::DEFAULT_LOG`, spelled out: the settings read the parsed command line.
        .unwrap_or_else(|| PathBuf::from("promo.ron"))
}

/// The first 60 characters of `text`.
fn short(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(args: &[&str]) -> PathBuf {
        log_path(args.iter().map(OsString::from))
    }

    #[test]
    fn the_log_flag_is_read_in_both_spellings() {
        assert_eq!(
            path(&["promo", "--", "promo", "--log", "a.ron", "amend", ""]),
            PathBuf::from("a.ron")
        );
        assert_eq!(
            path(&["promo", "--", "promo", "amend", "--log=b.ron", ""]),
            PathBuf::from("b.ron")
        );
    }
}
