//! How far a moment's effect reached, from the owner's team to the company.

use serde::{Deserialize, Serialize};

/// The breadth of the surface a moment touched. Ordered: `Team < CrossTeam < Org < Company`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Reach {
    /// The owner's own team.
    Team,
    /// Several teams.
    CrossTeam,
    /// The whole organisation.
    Org,
    /// The company.
    Company,
}

impl Reach {
    /// Every reach, narrowest first.
    pub const ALL: [Reach; 4] = [Reach::Team, Reach::CrossTeam, Reach::Org, Reach::Company];

    /// The name as written in a log file.
    pub fn name(self) -> &'static str {
        match self {
            Reach::Team => "Team",
            Reach::CrossTeam => "CrossTeam",
            Reach::Org => "Org",
            Reach::Company => "Company",
        }
    }

    /// The kebab-case word used on the command line.
    pub fn word(self) -> &'static str {
        match self {
            Reach::Team => "team",
            Reach::CrossTeam => "cross-team",
            Reach::Org => "org",
            Reach::Company => "company",
        }
    }

    /// A label for people: "Team", "Cross-team", "Org", "Company".
    pub fn label(self) -> &'static str {
        match self {
            Reach::Team => "Team",
            Reach::CrossTeam => "Cross-team",
            Reach::Org => "Org",
            Reach::Company => "Company",
        }
    }
}
