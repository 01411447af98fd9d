//! Report contexts: what each report shows, built from a [`case::Case`], serialisable,
//! and rendered by any format in [`crate::render`].

pub mod case;
pub mod objections;
