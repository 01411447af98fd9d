//! Reading RON as text, shared by the log, the ladder and the config: the outline locator, trivia, and ron's errors as problems with spans.

pub mod error;
pub mod outline;
pub mod splice;
pub mod trivia;

pub use error::{Grammar, problem_of};
