//! Any bytes as a log: check never panics and always explains an invalid log; a valid
//! log renders in every format. The same pipeline runs bounded in `cargo test`
//! (`tests/cli/fuzz_bounded.rs`).

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/cli/pipeline.rs"]
mod pipeline;

/// One scratch directory for the whole run: the commands read the log from a file.
static SCRATCH: OnceLock<tempfile::TempDir> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let dir = SCRATCH.get_or_init(|| tempfile::tempdir().expect("a scratch directory"));
    pipeline::run(data, dir.path());
});
