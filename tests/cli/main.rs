//! The one integration-test binary: runs the real `promo` executable on fixtures and
//! checks what it prints, golden files included. Set `PROMO_BLESS=1` to rewrite the
//! golden files after an intended change, then review the diff.

mod harness;

mod check;
