//! Bounds on how much work one render of a template may do, so a user template with
//! nested loops fails quickly instead of running for hours (issue 16).
//!
//! Two bounds, both counted rather than timed so a render fails the same way on any
//! machine at any load: every number `range` hands out in one render comes from one
//! budget ([`MAX_RANGE_NUMBERS`]), and the output stops at [`MAX_OUTPUT_BYTES`].
//! tera's own `range` caps one call at 100,000 numbers, but three nested calls still
//! ask for 10^15 iterations; a shared budget cuts them off after a few dozen.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tera::{Kwargs, State, TeraResult};

/// The most numbers `range` hands out over one render: far above any report's needs
/// (a template counts to a few hundred), far below a runaway loop.
pub const MAX_RANGE_NUMBERS: usize = 1_000_000;

/// The most bytes one render may write: a packet is a page, and a template dumping
/// the whole context of the biggest log the reader accepts stays under it.
pub const MAX_OUTPUT_BYTES: usize = 256 * 1024 * 1024;

/// The numbers `range` has handed out in the current render, shared by the engines of
/// one [`super::templates::Templates`] (promo renders one template at a time; two
/// threads rendering through the same `Templates` would share one budget).
#[derive(Clone, Debug, Default)]
pub struct RangeBudget(Arc<AtomicUsize>);

impl RangeBudget {
    /// Starts a render with the whole budget.
    pub fn reset(&self) {
        self.0.store(0, Ordering::Relaxed);
    }

    /// Replaces tera's `range` on `tera` by one that draws from this budget.
    pub fn register(&self, tera: &mut tera::Tera) {
        let spent = Arc::clone(&self.0);
        tera.register_function("range", move |kwargs: Kwargs, _: &State| {
            range(&kwargs, &spent)
        });
    }
}

/// `range(end=N)`, `range(start=A, end=B, step_by=S)`: what tera's `range` does, with
/// its length charged to the render's budget first.
fn range(kwargs: &Kwargs, spent: &AtomicUsize) -> TeraResult<Vec<i128>> {
    let start = kwargs.get::<i128>("start")?.unwrap_or_default();
    let end = kwargs.must_get::<i128>("end")?;
    let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
    if start > end && step > 0 {
        return Err(tera::Error::message(
            "`range` was called with a `start` greater than its `end`",
        ));
    }
    if step == 0 {
        return Err(tera::Error::message("`range` was called with `step_by` 0"));
    }
    let (low, high, stride) = if step > 0 {
        (start, end, step)
    } else {
        (end, start, step.saturating_neg())
    };
    let span = high.saturating_sub(low).max(0);
    let len = span.saturating_add(stride - 1) / stride;
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    let before = spent.fetch_add(len, Ordering::Relaxed);
    if before.saturating_add(len) > MAX_RANGE_NUMBERS {
        return Err(tera::Error::message(format!(
            "`range` was asked for more than {MAX_RANGE_NUMBERS} numbers in one render \
             (loops nested too deep or too long): a template may count that far at most"
        )));
    }
    let mut values = Vec::with_capacity(len);
    let mut value = start;
    for _ in 0..len {
        values.push(value);
        value = value.saturating_add(step);
    }
    Ok(values)
}

/// A writer that refuses to go past a number of bytes, and says so.
#[derive(Debug)]
pub struct Capped {
    /// What was written.
    pub bytes: Vec<u8>,
    /// Whether a write was refused for going past the cap.
    pub overflowed: bool,
    cap: usize,
}

impl Capped {
    /// An empty buffer that holds at most `cap` bytes.
    pub fn new(cap: usize) -> Self {
        Self {
            bytes: Vec::new(),
            overflowed: false,
            cap,
        }
    }
}

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.bytes.len().saturating_add(buf.len()) > self.cap {
            self.overflowed = true;
            return Err(io::Error::other("the output is over its size limit"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(source: &str, budget: &RangeBudget) -> Result<String, String> {
        let mut tera = tera::Tera::new();
        budget.register(&mut tera);
        tera.add_raw_template("t.txt", source)
            .map_err(|e| e.to_string())?;
        budget.reset();
        tera.render("t.txt", &tera::Context::new())
            .map_err(|e| crate::error_chain(&e))
    }

    #[test]
    fn range_counts_like_teras_and_refuses_past_the_budget() {
        let budget = RangeBudget::default();
        let small = "{% for i in range(end=3) %}{{ i }}{% endfor %}|\
                     {% for i in range(start=10, end=0, step_by=-4) %}{{ i }},{% endfor %}|\
                     {% for i in range(start=1, end=8, step_by=3) %}{{ i }}{% endfor %}";
        assert_eq!(render(small, &budget).as_deref(), Ok("012|10,6,2,|147"));
        let nested = "{% for a in range(end=100000) %}{% for b in range(end=100000) %}\
                      {% for c in range(end=100000) %}{% endfor %}{% endfor %}{% endfor %}";
        let error = render(nested, &budget).expect_err("nested ranges are cut off");
        assert!(error.contains("more than 1000000 numbers"), "{error}");
        // The budget is per render: a small template renders after the big one failed.
        assert_eq!(render(small, &budget).as_deref(), Ok("012|10,6,2,|147"));
    }

    #[test]
    fn the_capped_writer_refuses_past_its_cap() {
        let mut out = Capped::new(4);
        assert!(out.write_all(b"abc").is_ok());
        assert!(!out.overflowed);
        assert!(out.write_all(b"de").is_err());
        assert!(out.overflowed);
        assert_eq!(out.bytes, b"abc");
    }
}
