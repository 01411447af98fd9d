//! Who can vouch for a moment: the people quoted, with their role, then the other
//! witnesses — the names a sponsor can point to when a claim is challenged.

use std::collections::HashMap;

use super::score::{is_normal_name, normal_name};
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
    // Each person's place in `people`, by normal name: one lookup per name, so a
    // moment with 100,000 witnesses is linear, not quadratic.
    let mut places: HashMap<String, usize> = HashMap::new();
    let mut named = |people: &mut Vec<Voucher>, name: &str, role: Option<Role>| {
        let key = normal_name(name);
        match places.get(&key).and_then(|&i| people.get_mut(i)) {
            Some(known) => {
                if known.role.is_none() || role.is_some_and(|r| known.role.is_some_and(|k| r < k)) {
                    known.role = role.or(known.role);
                }
            }
            None => {
                places.insert(key, people.len());
                people.push(Voucher {
                    name: name.trim().to_string(),
                    role,
                });
            }
        }
    };
    for quote in &moment.quotes {
        named(&mut people, &quote.by, Some(quote.role));
    }
    let witnesses: Vec<&str> = moment.witnesses.iter().map(String::as_str).collect();
    for (witness, role) in witnesses.iter().zip(known_roles(log, &witnesses)) {
        named(&mut people, witness, role);
    }
    // Stable: written order survives within each role.
    people.sort_by_key(|v| v.role.map_or(Role::ALL.len(), |r| r as usize));
    people
}

/// The most senior role `name` is known by in `log`: its manager, or quoted with a role.
pub fn known_role(log: &Log, name: &str) -> Option<Role> {
    known_roles(log, &[name]).pop().flatten()
}

/// [`known_role`] of each of `names`, reading the log's quotes once for all of them:
/// a big log has tens of thousands of quotes, and a moment several witnesses.
pub fn known_roles(log: &Log, names: &[&str]) -> Vec<Option<Role>> {
    let keys: Vec<String> = names.iter().map(|name| normal_name(name)).collect();
    let mut roles: Vec<Option<Role>> = keys
        .iter()
        .map(|key| is_normal_name(&log.manager, key).then_some(Role::Manager))
        .collect();
    if roles.iter().all(Option::is_some) {
        return roles;
    }
    // Which names each normal name is: one lookup per quote, so the cost is
    // quotes + names, not quotes × names.
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        by_key.entry(key.as_str()).or_default().push(i);
    }
    for quote in log.moments.iter().flat_map(|m| m.quotes.iter()) {
        let Some(indices) = by_key.get(normal_name(&quote.by).as_str()) else {
            continue;
        };
        for &i in indices {
            let Some(role) = roles.get_mut(i) else {
                continue;
            };
            // The manager's own role stands; otherwise the most senior role quoted wins.
            if *role != Some(Role::Manager) && role.is_none_or(|r| quote.role < r) {
                *role = Some(quote.role);
            }
        }
    }
    roles
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
