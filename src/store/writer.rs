//! The writer seam: how the bytes of a new version reach its temporary file.
//!
//! Real runs use [`DirectWriter`]. Tests swap in [`FailAfter`] (a disk that fills
//! up mid-write) or [`PausingWriter`] (a write slow enough to kill a process in
//! the middle of it). The integration tests drive the real executable, so two
//! environment variables select them there; they are test hooks, not user
//! settings, and are deliberately left out of `--help`.

use std::fs::File;
use std::io::{self, Write};
use std::time::Duration;

/// Test hook: `PROMO_TEST_FAIL_WRITE_AFTER=<bytes>` makes every file write fail
/// with "no space left on device" after that many bytes.
pub const FAIL_WRITE_AFTER_ENV: &str = "PROMO_TEST_FAIL_WRITE_AFTER";

/// Test hook: `PROMO_TEST_WRITE_PAUSE_MS=<ms>` writes half of each file, pauses,
/// then writes the rest, so a test can kill the process mid-write.
pub const WRITE_PAUSE_MS_ENV: &str = "PROMO_TEST_WRITE_PAUSE_MS";

/// Puts all of `bytes` into a freshly created temporary file.
pub trait Writer {
    /// Writes `bytes` to `file`; an error leaves the temporary file to be discarded.
    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()>;
}

/// The real writer: everything in one `write_all`.
#[derive(Clone, Copy, Debug, Default)]
pub struct DirectWriter;

impl Writer for DirectWriter {
    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }
}

/// A disk that fills up: writes the first `.0` bytes, then fails as a full disk does.
#[derive(Clone, Copy, Debug)]
pub struct FailAfter(pub u64);

impl Writer for FailAfter {
    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        let room = usize::try_from(self.0)
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        file.write_all(&bytes[..room])?;
        if room < bytes.len() {
            return Err(io::Error::new(
                io::ErrorKind::StorageFull,
                format!("no space left on device (simulated by {FAIL_WRITE_AFTER_ENV})"),
            ));
        }
        Ok(())
    }
}

/// Writes half, syncs it so it is really on disk, sleeps, then writes the rest.
#[derive(Clone, Copy, Debug)]
pub struct PausingWriter(pub Duration);

impl Writer for PausingWriter {
    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        let (first, rest) = bytes.split_at(bytes.len() / 2);
        file.write_all(first)?;
        file.sync_data()?;
        std::thread::sleep(self.0);
        file.write_all(rest)
    }
}

/// The writer the environment asks for: a test hook if one is set to a number,
/// else [`DirectWriter`].
pub fn writer_from_env() -> Box<dyn Writer> {
    let number = |name: &str| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
    };
    if let Some(limit) = number(FAIL_WRITE_AFTER_ENV) {
        Box::new(FailAfter(limit))
    } else if let Some(ms) = number(WRITE_PAUSE_MS_ENV) {
        Box::new(PausingWriter(Duration::from_millis(ms)))
    } else {
        Box::new(DirectWriter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_after_writes_the_allowed_bytes_then_reports_a_full_disk() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("f");
        let mut file = File::create(&path).expect("create");
        let error = FailAfter(3).write(&mut file, b"abcdef").expect_err("full");
        assert_eq!(error.kind(), io::ErrorKind::StorageFull);
        assert_eq!(std::fs::read(&path).expect("read"), b"abc");
        let mut file = File::create(&path).expect("create");
        FailAfter(6).write(&mut file, b"abcdef").expect("fits");
        assert_eq!(std::fs::read(&path).expect("read"), b"abcdef");
    }
}
