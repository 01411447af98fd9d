//! Report contexts: one `Serialize` value per report, built from a [`case::Case`] (or
//! the loaded log), that every renderer (text, Markdown, HTML, JSON, iCalendar) draws from.

pub mod agenda;
pub mod case;
pub mod commitments;
pub mod competencies;
pub mod objections;
pub mod recap;
