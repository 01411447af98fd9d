//! How often the owner meets their manager one-to-one.

use serde::{Deserialize, Serialize};

/// The rhythm of 1:1s; plans and agendas count meetings with it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cadence {
    /// Every week (the default).
    #[default]
    Weekly,
    /// Every other week.
    Biweekly,
    /// Once a month.
    Monthly,
}

impl Cadence {
    /// Days between two 1:1s.
    pub fn days(self) -> i64 {
        match self {
            Cadence::Weekly => 7,
            Cadence::Biweekly => 14,
            Cadence::Monthly => 28,
        }
    }
}
