//! The one integration-test binary: runs the real `promo` executable on fixtures and
//! checks what it prints, golden files included. Set `PROMO_BLESS=1` to rewrite the
//! golden files after an intended change, then review the diff.

mod harness;

mod hardening;

mod add;
mod add_edit;
mod agenda;
mod amend;
mod browser;
mod calendar;
mod calibrate;
mod check;
mod commitments;
mod complete_dynamic;
mod escaping;
mod fuzz_bounded;
mod health;
mod hostile_input;
mod identity;
mod import;
mod import_shapes;
mod import_sync2;
mod init;
mod judgment;
mod ladder;
mod map;
mod objections;
mod packet;
mod pipeline;
mod premortem;
mod privacy;
mod restate;
mod rewrite_safety;
mod scripts;
mod serve;
mod share;
mod shell;
mod stress;
mod templates;
mod templates_sandbox;
mod timeline;
