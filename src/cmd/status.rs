//! `promo done ID` and `promo broken ID`: a commitment's status changed in place.
//!
//! Not a pure insertion, so it follows the store's order for rewrites: lock, read
//! and check, replace the one `status` value (found with the outline, so every
//! other byte stays), re-check, back the file up, then write atomically.

use super::Ctx;
use crate::cli::StatusArgs;
use crate::commitments::id_of;
use crate::error::Error;
use crate::log::Status;
use crate::log::edit::{Change, Edit, Recheck, Splice, moment_count};
use crate::log::outline::{self, Node, Span};
use crate::suggest::did_you_mean;

/// Runs `promo done` (`status` = held) or `promo broken` (`status` = broken).
pub fn run(args: &StatusArgs, status: Status, ctx: &mut Ctx) -> Result<u8, Error> {
    let path = ctx.log()?.to_path_buf();
    let edit = Edit::open(&path)?;
    let (log, source) = edit.check(ctx.today)?;
    let rewrite = |reason: String| Error::Rewrite {
        path: path.clone(),
        reason,
    };
    let root = outline::parse(source.text())
        .map_err(|e| rewrite(format!("cannot follow the log at byte {}", e.at)))?;
    let found = find(&root, args.id.trim())?;
    let current = found.status_name.as_str();
    let word = |name: &str| name.to_lowercase();
    if current == status_name(status) {
        ctx.print(&format!(
            "{} is already {}: {}\n",
            found.id,
            status.word(),
            found.what
        ))?;
        return Ok(0);
    }

    let change = Change::splice(
        &source,
        vec![Splice::replace(found.status.clone(), status_name(status))],
    );
    // Re-check: the file is valid and the one value changed is the status asked for.
    let checked = change
        .recheck(&path, ctx.today, moment_count(&log))
        .map_err(|refused| match refused {
            Recheck::Miscounted { .. } => {
                rewrite("the edit changed how many moments the log holds".into())
            }
            Recheck::Invalid { problems } => {
                let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
                rewrite(format!(
                    "the edit would make it invalid: {}",
                    problems.join("; ")
                ))
            }
        })?;
    let new_root = outline::parse(checked.source.text())
        .map_err(|e| rewrite(format!("cannot follow the edited log at byte {}", e.at)))?;
    let again = find(&new_root, &found.id)?;
    if again.status_name != status_name(status) || again.what != found.what {
        return Err(rewrite("the edit did not land where expected".into()));
    }

    // Not a pure insertion: the previous version is kept first.
    let backup = edit.commit_with_backup(&change)?;
    ctx.print(&format!(
        "{}: {} → {}: {}\n",
        found.id,
        word(current),
        status.word(),
        found.what
    ))?;
    ctx.note(&format!(
        "the previous version is kept in `{}`",
        backup.display()
    ));
    Ok(0)
}

/// The name of a status as written in the log.
fn status_name(status: Status) -> &'static str {
    match status {
        Status::Open => "Open",
        Status::Held => "Held",
        Status::Broken => "Broken",
        Status::Dropped => "Dropped",
    }
}

/// A commitment found in the log's text.
struct Found {
    id: String,
    what: String,
    status: Span,
    status_name: String,
}

/// The moments' ids as the validated log gives them: the written id, or
/// `<date>#<n>` for the n-th moment of that date without one.
fn moment_ids(root: &Node) -> Vec<(String, &Node)> {
    let mut per_date: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    root.field("moments")
        .map_or(&[][..], |f| f.value.items())
        .iter()
        .map(|m| {
            let text = |name: &str| {
                m.field(name)
                    .and_then(|f| f.value.as_str())
                    .map(str::to_string)
            };
            let id = text("id").unwrap_or_else(|| {
                let date = text("date").unwrap_or_default();
                let n = per_date.entry(date.clone()).or_insert(0);
                *n += 1;
                format!("{date}#{n}")
            });
            (id, m)
        })
        .collect()
}

/// Finds `MOMENT.N`, or a moment id whose moment has exactly one commitment.
fn find(root: &Node, id: &str) -> Result<Found, Error> {
    let moments = moment_ids(root);
    let commitments_of = |node: &Node| -> Vec<Node> {
        node.field("commitments")
            .map(|f| f.value.items().to_vec())
            .unwrap_or_default()
    };
    let found = |moment_id: &str, node: &Node, index: usize| -> Option<Found> {
        let commitment = commitments_of(node).get(index.checked_sub(1)?)?.clone();
        let status = &commitment.field("status")?.value;
        Some(Found {
            id: id_of(moment_id, index),
            what: commitment
                .field("what")
                .and_then(|f| f.value.as_str())
                .unwrap_or_default()
                .to_string(),
            status: status.span.clone(),
            status_name: status.name()?.to_string(),
        })
    };
    if let Some((moment_id, node)) = moments.iter().find(|(m, _)| m == id) {
        let count = commitments_of(node).len();
        if count == 1
            && let Some(one) = found(moment_id, node, 1)
        {
            return Ok(one);
        }
        return Err(Error::AmbiguousCommitment {
            id: id.to_string(),
            choices: (1..=count).map(|i| id_of(moment_id, i)).collect(),
        });
    }
    if let Some((moment_id, n)) = id.rsplit_once('.')
        && let Ok(index) = n.parse::<usize>()
        && let Some((moment_id, node)) = moments.iter().find(|(m, _)| m == moment_id)
        && let Some(one) = found(moment_id, node, index)
    {
        return Ok(one);
    }
    let known: Vec<String> = moments
        .iter()
        .flat_map(|(m, node)| (1..=commitments_of(node).len()).map(move |i| id_of(m, i)))
        .collect();
    Err(Error::UnknownCommitment {
        id: id.to_string(),
        suggestion: did_you_mean(id, known.iter().map(String::as_str)).map(str::to_string),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "Log(moments: [\n  Moment(id: \"m1\", commitments: [Commitment(owner: Me, what: \"a\", status: Open), Commitment(owner: Manager, what: \"b\", status: Held)]),\n  Moment(date: \"2026-01-02\", commitments: [Commitment(owner: Me, what: \"c\", status: Open)]),\n])";

    fn find_in(id: &str) -> Result<(String, String, String), String> {
        let root = outline::parse(LOG).expect("outline");
        find(&root, id)
            .map(|f| (f.id, f.what, f.status_name))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn finds_by_moment_and_index_or_by_a_moment_with_one_commitment() {
        assert_eq!(
            find_in("m1.2"),
            Ok(("m1.2".into(), "b".into(), "Held".into()))
        );
        assert_eq!(
            find_in("2026-01-02#1"),
            Ok(("2026-01-02#1.1".into(), "c".into(), "Open".into()))
        );
        assert_eq!(
            find_in("m1"),
            Err("moment `m1` has 2 commitments: name one of them (`m1.1`, `m1.2`)".into())
        );
        assert_eq!(
            find_in("m1.3"),
            Err("no commitment `m1.3` in the log (did you mean `m1.1`?); `promo commitments` lists every id (`MOMENT.N`)".into())
        );
    }
}
