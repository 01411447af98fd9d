//! What each report shows, as data: the layer between the case and the renderers.
//!
//! Report contexts: one `Serialize` value per report, built from a [`case::Case`] (or
//! the loaded log), that every renderer (text, Markdown, HTML, JSON, iCalendar) draws from.

pub mod agenda;
pub mod calibrate;
pub mod case;
pub mod commitments;
pub mod competencies;
pub mod health;
pub mod map;
pub mod objections;
pub mod packet;
pub mod premortem;
pub mod recap;
pub mod restate;
pub mod timeline;
