//! Reading RON as text, shared by the log, the ladder and the config.
//!
//! The outline locator, the moments list's items (for parsing it in pieces), trivia, splicing helpers, and ron's errors as located problems.

pub mod error;
pub mod items;
pub mod outline;
pub mod splice;
pub mod trivia;

pub use error::{Grammar, problem_of};
