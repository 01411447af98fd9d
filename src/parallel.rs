//! Using both cores where the result cannot change: independent stages side by side and
//! per-moment work split across threads, merged in file order, never in completion order.
//!
//! Small logs stay on one thread: below [`MIN_MOMENTS`] starting the pool's threads
//! costs more than the work it would share.

/// Logs with fewer moments than this run every stage on the calling thread.
pub const MIN_MOMENTS: usize = 8192;

/// Whether work over `moments` moments is worth splitting.
pub fn worth_it(moments: usize) -> bool {
    moments >= MIN_MOMENTS
}

/// Runs `a` and `b`, side by side when `parallel`, and returns both results.
pub fn join<A, B, RA, RB>(parallel: bool, a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    if parallel {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}

/// `f` over every item, in order: split across threads when `parallel`.
pub fn map<T, R, F>(parallel: bool, items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    use rayon::prelude::*;
    if parallel {
        items.par_iter().with_min_len(1024).map(f).collect()
    } else {
        items.iter().map(f).collect()
    }
}

/// `f` over each of a few large items, in order: one item per task when `parallel`.
pub fn map_each<T, R, F>(parallel: bool, items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    use rayon::prelude::*;
    if parallel {
        items.par_iter().with_max_len(1).map(f).collect()
    } else {
        items.iter().map(f).collect()
    }
}
