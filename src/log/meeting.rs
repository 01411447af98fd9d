//! The 1:1s on the calendar: each meeting of the series and what became of it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What became of one scheduled 1:1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MeetingStatus {
    /// It took place (on its own date or on the date it was moved to).
    Held,
    /// It was scheduled, then cancelled or removed from the series.
    Cancelled,
    /// It is still ahead.
    Scheduled,
}

impl MeetingStatus {
    /// The word the log and the reports use.
    pub fn word(self) -> &'static str {
        match self {
            MeetingStatus::Held => "held",
            MeetingStatus::Cancelled => "cancelled",
            MeetingStatus::Scheduled => "scheduled",
        }
    }
}

/// One 1:1 of the series, as the calendar has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Meeting {
    /// The day it takes (or took) place.
    pub date: NaiveDate,
    /// What became of it.
    pub status: MeetingStatus,
}
