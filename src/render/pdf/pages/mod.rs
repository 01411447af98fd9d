//! One file per report with a PDF page: each turns its report's context into a
//! [`Page`](super::Page) and implements [`Report`](crate::render::Report) for it.

mod calibrate;
mod packet;
mod premortem;
