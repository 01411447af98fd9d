//! A deterministic generator of realistic synthetic promo logs, for benchmarks and
//! stress tests (not a user-facing command).
//!
//! ```sh
//! cargo run --release --example generate -- --moments 100000 --seed 7 > /tmp/big.ron
//! ```
//!
//! The same `--moments` and `--seed` always give the same bytes.

#[path = "support/synth.rs"]
mod synth;

use std::io::Write as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut moments = 1_000usize;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        let parsed = match arg.as_str() {
            "--moments" => value.and_then(|v| v.parse().ok()).map(|n| moments = n),
            "--seed" => value.and_then(|v| v.parse().ok()).map(|s| seed = s),
            _ => None,
        };
        if parsed.is_none() {
            eprintln!("usage: generate --moments N --seed S");
            return ExitCode::from(2);
        }
    }
    let text = synth::generate(moments, seed);
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("generate: {error}");
            ExitCode::FAILURE
        }
    }
}
