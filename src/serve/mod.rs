//! `promo serve`: the reports and the capture forms as a local web page, for people who
//! do not live in a terminal.
//!
//! One concept per file: [`server`] listens on loopback and answers requests with the
//! security headers, [`auth`] decides who may ask (token, Host, Origin, CSRF),
//! [`routes`] names what was asked, [`pages`] renders it from the same report contexts
//! and templates as the CLI, and [`forms`] turns a posted form into the same arguments
//! the CLI's `add`, `amend`, `done` and `broken` take. The writes themselves are the
//! CLI's own (handed in as a [`Writes`]), so they go through `log/edit/` unchanged.

pub mod auth;
pub mod forms;
pub mod pages;
pub mod routes;
pub mod server;

use crate::cli::{AddArgs, AmendArgs, StatusArgs};
use crate::error::Error;
use crate::log::Status;

/// The log changes the page can make: the CLI's commands, run with their output
/// captured. Each returns what the command printed (the new moment's id, a note).
pub trait Writes: Sync {
    /// `promo add` with these arguments.
    fn add(&self, args: &AddArgs) -> Result<String, Error>;
    /// `promo amend` with these arguments.
    fn amend(&self, args: &AmendArgs) -> Result<String, Error>;
    /// `promo done` (held) or `promo broken`.
    fn set_status(&self, args: &StatusArgs, status: Status) -> Result<String, Error>;
}
