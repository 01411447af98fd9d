//! Who can vouch for a moment: the people quoted, with their role, then the other
//! witnesses — the names a sponsor can point to when a claim is challenged.

use super::score::normal_name;
use crate::log::{Log, Moment, Role};

/// A person who can vouch for a moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voucher {
    /// The name as written.
    pub name: String,
    /// Their role, when a quote or the log's manager field tells it.
    pub role: Option<Role>,
}

impl Voucher {
    /// "Sam Lee (manager)", or the bare name when the role is unknown.
    pub fn label(&self) -> String {
        match self.role {
            Some(role) => format!("{} ({})", self.name, role.label()),
            None => self.name.clone(),
        }
    }
}

/// The people who can vouch for `moment`, each once: those with a known role first
/// (sponsors, then peers, stakeholders, reports), then the other witnesses, each group
/// in the order written. A witness's role is known when they are the log's manager or
/// are quoted with a role in any public moment of `log`.
pub fn vouchers(moment: &Moment, log: &Log) -> Vec<Voucher> {
    let mut people: Vec<Voucher> = Vec::new();
    let named = |people: &mut Vec<Voucher>, name: &str, role: Option<Role>| {
        let key = normal_name(name);
        match people.iter_mut().find(|v| normal_name(&v.name) == key) {
            Some(known) => {
                if known.role.is_none() || role.is_some_and(|r| known.role.is_some_and(|k| r < k)) {
                    known.role = role.or(known.role);
                }
            }
            None => people.push(Voucher {
                name: name.trim().to_string(),
                role,
            }),
        }
    };
    for quote in &moment.quotes {
        named(&mut people, &quote.by, Some(quote.role));
    }
    for witness in &moment.witnesses {
        named(&mut people, witness, known_role(log, witness));
    }
    // Stable: written order survives within each role.
    people.sort_by_key(|v| v.role.map_or(Role::ALL.len(), |r| r as usize));
    people
}

/// The most senior role `name` is known by in `log`: its manager, or quoted with a role.
pub fn known_role(log: &Log, name: &str) -> Option<Role> {
    let key = normal_name(name);
    if normal_name(&log.manager) == key {
        return Some(Role::Manager);
    }
    log.moments
        .iter()
        .flat_map(|m| m.quotes.iter())
        .filter(|q| normal_name(&q.by) == key)
        .map(|q| q.role)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::testing::{log, moment};
    use crate::log::{Quote, Reach, Tag};

    #[test]
    fn quoted_people_come_first_by_role_then_witnesses_once_each() {
        let mut m = moment("m1", "2026-07-07", Tag::Decision, Reach::Company);
        m.witnesses = vec![
            "Priya".into(),
            "sam lee".into(),
            "Dana".into(),
            "Marcus".into(),
            "Wei".into(),
        ];
        m.quotes = vec![
            Quote {
                by: "Marcus".into(),
                role: Role::Stakeholder,
                text: "x".into(),
            },
            Quote {
                by: "Dana".into(),
                role: Role::Skip,
                text: "y".into(),
            },
        ];
        // Wei is quoted as a peer in another moment of the log.
        let mut other = moment("m2", "2026-08-01", Tag::Scope, Reach::Team);
        other.quotes = vec![Quote {
            by: "Wei".into(),
            role: Role::Peer,
            text: "z".into(),
        }];
        let log = log(&["p"], vec![other]);
        let labels: Vec<String> = vouchers(&m, &log).iter().map(Voucher::label).collect();
        assert_eq!(
            labels,
            [
                "sam lee (manager)",
                "Dana (skip-level)",
                "Wei (peer)",
                "Marcus (stakeholder)",
                "Priya"
            ]
        );
    }
}
