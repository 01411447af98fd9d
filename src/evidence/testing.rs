//! Builders for the evidence tests: moments and logs without a file.

use chrono::NaiveDate;
use indexmap::IndexMap;

use crate::log::{Cadence, Log, Moment, Person, PrivateMoments, Project, Reach, Tag, Target};

/// A date from `YYYY-MM-DD`.
pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

/// A bare public moment of project `p`: no impact, witness, quote or commitment.
pub fn moment(id: &str, day: &str, tag: Tag, reach: Reach) -> Moment {
    Moment {
        id: id.into(),
        date: date(day),
        tag,
        project: "p".into(),
        what: "Owned the rollout".into(),
        reach,
        impact: None,
        witnesses: Vec::new(),
        quotes: Vec::new(),
        commitments: Vec::new(),
        private: false,
        competencies: Vec::new(),
    }
}

/// A log with the given projects (key = name) and moments; private ones are sealed.
pub fn log(projects: &[&str], moments: Vec<Moment>) -> Log {
    let (private, public): (Vec<Moment>, Vec<Moment>) =
        moments.into_iter().partition(|m| m.private);
    let projects: IndexMap<String, Project> = projects
        .iter()
        .map(|key| {
            (
                (*key).to_string(),
                Project {
                    name: format!("Project {key}"),
                    summary: None,
                },
            )
        })
        .collect();
    Log {
        owner: Person {
            name: "Ana Ruiz".into(),
            role: None,
            level: "L5".into(),
            pronouns: None,
        },
        manager: "Sam Lee".into(),
        target: Target {
            level: "L6".into(),
            submission: date("2027-03-01"),
            cycle: None,
            cycle_start: None,
            track: None,
        },
        cadence: Cadence::Weekly,
        projects,
        moments: public,
        private: PrivateMoments::new(private),
        meetings: Vec::new(),
    }
}
