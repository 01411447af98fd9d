//! `promo check`: every fixture's diagnostics, exactly.

use crate::harness::{fixture, golden, promo};

#[test]
fn valid_fixtures_pass() {
    for name in ["strong-pm.ron", "engineer-l6.ron", "weak-startup-pm.ron"] {
        promo()
            .fixture(name)
            .args(["check"])
            .run()
            .ok()
            .stdout_has(": ok, ");
    }
}
