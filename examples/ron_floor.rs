//! The floor `promo` is measured against: read a log and parse it with serde + ron
//! into the raw log, as `promo` does, and nothing else (no checks, no ranking, no
//! output). `benches/run.sh` times it beside `promo packet`.
//!
//! ```sh
//! cargo run --release --example ron_floor -- log.ron
//! ```

use std::process::ExitCode;

use promo::log::raw::RawLog;

// The allocator the `promo` binary uses, so the floor is measured the same way.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: ron_floor LOG");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("ron_floor: {path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let parsed: Result<RawLog, _> = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
        .from_str(&text);
    match parsed {
        Ok(raw) => {
            println!("{} moments", raw.moments.len());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("ron_floor: {path}: {error}");
            ExitCode::FAILURE
        }
    }
}
