//! Using both cores where the result cannot change: independent stages side by side and
//! per-moment work split across threads, merged in file order, never in completion order.
//!
//! Small logs stay on one thread: below [`MIN_MOMENTS`] starting the pool's threads
//! costs more than the work it would share.

/// Logs with fewer moments than this run every stage on the calling thread.
pub const MIN_MOMENTS: usize = 8192;

/// Whether work over `moments` moments is worth splitting.
pub fn worth_it(moments: usize) -> bool {
    moments >= MIN_MOMENTS && allowed()
}

/// Whether work may be split at all (tests turn it off to compare with one thread).
pub fn allowed() -> bool {
    #[cfg(test)]
    if ONE_THREAD.with(std::cell::Cell::get) {
        return false;
    }
    true
}

#[cfg(test)]
thread_local! {
    static ONE_THREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with every stage on the calling thread, as a small log runs.
#[cfg(test)]
pub fn on_one_thread<R>(f: impl FnOnce() -> R) -> R {
    ONE_THREAD.with(|one| one.set(true));
    let result = f();
    ONE_THREAD.with(|one| one.set(false));
    result
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

/// `f` over each item, by value, in order: one item per task when `parallel`.
pub fn map_owned<T, R, F>(parallel: bool, items: Vec<T>, f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync + Send,
{
    use rayon::prelude::*;
    if parallel {
        items.into_par_iter().with_max_len(1).map(f).collect()
    } else {
        items.into_iter().map(f).collect()
    }
}

#[cfg(test)]
mod tests;
