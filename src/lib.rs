//! promo: a person's 1:1 notes, turned into the evidence a promotion case needs.
//!
//! promo turns the moments of a person's 1:1s with their manager into promotion
//! evidence: a ranked evidence map, a one-page packet, the objections a calibration
//! committee will raise, a pre-mortem and a one-minute restatement.
//!
//! Data flows one way: [`log`] reads and validates the file, [`evidence`] scores and
//! ranks it, [`objections`] finds the gaps, [`report`] gathers what each report shows,
//! and [`render`] turns that context into Markdown, HTML, PDF or JSON.

pub mod cli;
pub mod cmd;
pub mod color;
pub mod commitments;
pub mod config;
pub mod diagnostic;
pub mod error;
pub mod escape;
pub mod evidence;
pub mod import;
pub mod ladder;
pub mod log;
pub mod objections;
pub mod paper;
pub mod parallel;
pub mod premortem;
pub mod render;
pub mod report;
pub mod restate;
pub mod serve;
pub mod settings;
pub mod source;
pub mod store;
pub mod suggest;
pub mod text;

/// The synthetic logs of the benchmarks, for tests that need a big log.
#[cfg(test)]
#[path = "../examples/support/synth.rs"]
#[allow(dead_code)]
pub(crate) mod synth;

pub use cmd::run;
pub use error::Error;

/// An error and each of its causes, joined with `: `.
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(inner) = cause {
        let inner_text = inner.to_string();
        if !text.contains(&inner_text) {
            text.push_str(": ");
            text.push_str(&inner_text);
        }
        cause = inner.source();
    }
    text
}
