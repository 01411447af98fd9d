//! Report contexts: one `Serialize` value per report, built from the loaded case, that
//! every renderer (text, Markdown, HTML, JSON, iCalendar) draws from.

pub mod agenda;
pub mod commitments;
pub mod recap;
