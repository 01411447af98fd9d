//! A log's text parsed into the [`RawLog`]: ron over the whole text, or, on a big log
//! of the usual shape, the `moments` list cut at its items' commas and the pieces parsed
//! on both cores, stitched back in file order.
//!
//! The split path only ever answers with the raw log the whole-text parse gives: it
//! runs only when the scan ([`super::ron::items`]) is sure of the list's items, and on
//! any failure of any piece it gives up, so the whole text is parsed again and every
//! diagnostic (line and column included) comes from the one parse, as before.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

use super::raw::{RawLog, RawMoments};
use super::ron::items;

/// Texts shorter than this are parsed whole: splitting costs more than it saves.
pub const SPLIT_BYTES: usize = 4 << 20;

/// How many pieces a big list is cut into: more than the cores, so one slow piece does
/// not leave a core idle, and small, so each piece's copy reuses memory the last one
/// freed instead of faulting in fresh pages.
const PIECES: usize = 64;

/// The options every log is read with.
pub fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
}

/// The raw log in `text`, split across cores when it is big and of the usual shape.
pub fn raw_log(text: &str) -> Result<RawLog, ron::error::SpannedError> {
    if text.len() >= SPLIT_BYTES
        && crate::parallel::allowed()
        && let Some(raw) = split(text, PIECES)
    {
        return Ok(raw);
    }
    whole(text)
}

/// The raw log in `text`, parsed in one piece.
pub fn whole(text: &str) -> Result<RawLog, ron::error::SpannedError> {
    options().from_str(text)
}

/// The raw log in `text` with its moments list parsed in about `pieces` pieces side by
/// side, or `None` when the text is not the usual shape or any piece fails to parse.
///
/// The scan hands out each piece as soon as it has found its end, so the other core
/// parses while the scan goes on; results are put back by piece number, never in the
/// order they finish.
pub fn split(text: &str, pieces: usize) -> Option<RawLog> {
    let parsed: Mutex<Vec<(usize, Option<RawMoments>)>> = Mutex::new(Vec::new());
    let abandoned = AtomicBool::new(false);
    let (list, handed_out, rest) = rayon::scope(|scope| {
        let (parsed, abandoned) = (&parsed, &abandoned);
        let mut handed_out = 0;
        let list = items::moment_list(text, text.len() / pieces.max(1), |range| {
            let number = handed_out;
            handed_out += 1;
            scope.spawn(move |_| {
                if abandoned.load(Ordering::Relaxed) {
                    return;
                }
                let piece = ["[", &text[range], "]"].concat();
                let moments = options().from_str::<RawMoments>(&piece).ok();
                if moments.is_none() {
                    abandoned.store(true, Ordering::Relaxed);
                }
                lock(parsed).push((number, moments));
            });
        });
        let Some(list) = list else {
            abandoned.store(true, Ordering::Relaxed);
            return (None, handed_out, None);
        };
        // The log with an empty moments list: everything else, read as written.
        let rest = [&text[..list.open], &text[list.close..]].concat();
        let rest = options().from_str::<RawLog>(&rest).ok();
        (Some(list), handed_out, rest)
    });
    let (list, mut raw) = (list?, rest?);
    let mut parsed = parsed.into_inner().unwrap_or_else(PoisonError::into_inner);
    if !raw.moments.is_empty() || parsed.len() != handed_out {
        return None;
    }
    parsed.sort_unstable_by_key(|(number, _)| *number);
    for (_, moments) in parsed {
        raw.moments.append(moments?);
    }
    (raw.moments.len() == list.items).then_some(raw)
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests;
