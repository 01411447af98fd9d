//! `promo add`: one new moment, inserted into the log under its lock and written
//! atomically; every other byte of the file stays as it was.

use chrono::NaiveDate;

use super::Ctx;
use crate::cli::{AddArgs, Backing, ReachArg, TagArg};
use crate::error::Error;
use crate::log::append::{Appender, Insertion, NewMoment};
use crate::log::edit::Edit;
use crate::log::load::Checked;
use crate::log::validate::parse_date;
use crate::log::{Commitment, CommitmentOwner, Quote, Reach, Role, Status, Tag};
use crate::source::Source;
use crate::suggest::did_you_mean;

/// Runs `promo add`: prints the new moment's id.
pub fn run(args: &AddArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let given = [
        args.tag.is_some(),
        args.what.is_some(),
        args.project.is_some(),
        args.reach.is_some(),
    ];
    // `promo add` alone, typed at a terminal, opens the editor too.
    let alone = given.iter().all(|g| !g) && std::io::IsTerminal::is_terminal(&std::io::stdin());
    if args.edit || alone {
        return super::add_edit::run(args, ctx);
    }
    let missing: Vec<&str> = ["TAG", "WHAT", "--project", "--reach"]
        .iter()
        .zip(given)
        .filter(|(_, g)| !g)
        .map(|(name, _)| *name)
        .collect();
    if !missing.is_empty() {
        return Err(Error::Usage(format!(
            "`promo add` needs {} (or `promo add --edit` to write the moment in your editor)",
            missing.join(", ")
        )));
    }
    let path = ctx.log()?.to_path_buf();
    // Malformed arguments are refused before the log is even opened.
    let (quotes, commitments) = parse_quotes_and_commitments(&args.backing)?;

    let edit = Edit::open(&path)?;
    let refused = |source| Error::Append {
        path: path.clone(),
        source,
    };
    let moment_with = |id: String| NewMoment {
        id,
        date: args.date.unwrap_or(ctx.today),
        tag: tag(args.tag.unwrap_or(TagArg::Decision)),
        project: args.project.clone().unwrap_or_default(),
        what: args.what.clone().unwrap_or_default(),
        reach: reach(args.reach.unwrap_or(ReachArg::Team)),
        impact: args.impact.clone(),
        witnesses: args.backing.witnesses.clone(),
        competencies: Vec::new(),
        quotes: quotes.clone(),
        commitments: commitments.clone(),
        private: args.private,
    };
    let (moment, insertion, rechecked) =
        match insert_reading_once(&edit, ctx.today, args.id.as_deref(), &moment_with) {
            Some(done) => done,
            None => {
                let (log, source) = edit.load(ctx.today)?;
                let appender = Appender::new(&source).map_err(refused)?;
                let moment =
                    moment_with(args.id.clone().unwrap_or_else(|| appender.next_free_id()));
                let moments = std::slice::from_ref(&moment);
                appender.check(&log, moments).map_err(refused)?;
                let insertion = appender.insert(moments).map_err(refused)?;
                let rechecked = insertion.verify(&path, ctx.today).map_err(refused)?;
                (moment, insertion, rechecked)
            }
        };
    // A pure insertion: the old text is all still there, so no backup.
    edit.commit(&insertion.change)?;

    ctx.print(&format!("{}\n", moment.id))?;
    for warning in rechecked.warnings() {
        if insertion.is_inserted(&warning.span) {
            ctx.note(&format!("warning: {}: {}", moment.id, warning.problem));
        }
    }
    Ok(0)
}

/// The usual case, reading the log once: the moment goes into the text, and the new
/// text is checked as a whole, as it always is before it is written. Checking the old
/// text first as well cost a second full parse (a third of `add` on a big log). `None`
/// when anything is amiss: the caller then checks the old text first and reports the
/// problem exactly as before (an error in the log, an unknown project, a taken id).
fn insert_reading_once(
    edit: &Edit,
    today: NaiveDate,
    id: Option<&str>,
    moment_with: &dyn Fn(String) -> NewMoment,
) -> Option<(NewMoment, Insertion, Checked)> {
    let text = std::str::from_utf8(edit.bytes()).ok()?;
    let source = Source::new(edit.path(), text.to_string());
    let appender = Appender::new(&source).ok()?;
    let moment = moment_with(id.map_or_else(|| appender.next_free_id(), str::to_string));
    let insertion = appender.insert(std::slice::from_ref(&moment)).ok()?;
    let rechecked = insertion.verify(edit.path(), today).ok()?;
    let log = rechecked.log.as_ref()?;
    // The new text is valid, so the project is known and the id well formed and written
    // once. What its check cannot see is a clash with an id promo numbers a moment
    // without one by (`2026-03-02#1`), which the other public moments' ids show.
    let others = if moment.private {
        &log.moments[..]
    } else {
        log.moments.split_last()?.1
    };
    if others.iter().any(|m| m.id == moment.id) {
        return None;
    }
    Some((moment, insertion, rechecked))
}

fn tag(arg: TagArg) -> Tag {
    match arg {
        TagArg::Decision => Tag::Decision,
        TagArg::Scope => Tag::Scope,
        TagArg::Leverage => Tag::Leverage,
    }
}

pub(super) fn reach(arg: ReachArg) -> Reach {
    match arg {
        ReachArg::Team => Reach::Team,
        ReachArg::CrossTeam => Reach::CrossTeam,
        ReachArg::Org => Reach::Org,
        ReachArg::Company => Reach::Company,
    }
}

const QUOTE_SHAPE: &str = "ROLE:BY:TEXT, e.g. 'manager:Sam Lee:She saw the risk before I did'";
const COMMITMENT_SHAPE: &str =
    "OWNER:DUE:WHAT, e.g. 'manager:2026-08-21:Raise it at staff sync' (DUE may be empty)";

/// Parses the `--quote` and `--commitment` values of `add` and `amend`, refusing the first
/// malformed one before the log is opened.
pub(super) fn parse_quotes_and_commitments(
    backing: &Backing,
) -> Result<(Vec<Quote>, Vec<Commitment>), Error> {
    let quotes = backing
        .quotes
        .iter()
        .map(|q| parse_quote(q))
        .collect::<Result<Vec<_>, _>>()?;
    let commitments = backing
        .commitments
        .iter()
        .map(|c| parse_commitment(c))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((quotes, commitments))
}

/// `ROLE:BY:TEXT`; the text may hold colons of its own.
pub(super) fn parse_quote(value: &str) -> Result<Quote, Error> {
    let bad = |what: String| {
        Error::Usage(format!(
            "`--quote '{value}'`: {what}; expected {QUOTE_SHAPE}"
        ))
    };
    let mut parts = value.splitn(3, ':');
    let (Some(role), Some(by), Some(text)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(bad("it has fewer than three parts".into()));
    };
    let role_word = role.trim().to_lowercase();
    // The words the help names are the log's names in lowercase; "skip-level" too.
    let words: Vec<String> = Role::ALL.iter().map(|r| r.name().to_lowercase()).collect();
    let Some(role) = Role::ALL
        .into_iter()
        .zip(&words)
        .find(|(r, word)| **word == role_word || r.label() == role_word)
        .map(|(r, _)| r)
    else {
        let hint = did_you_mean(&role_word, words.iter().map(String::as_str))
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        return Err(bad(format!(
            "the ROLE `{}` is not one of {}{hint}",
            role.trim(),
            words.join(", ")
        )));
    };
    if by.trim().is_empty() {
        return Err(bad("the BY part (who said it) is empty".into()));
    }
    if text.trim().is_empty() {
        return Err(bad("the TEXT part (what they said) is empty".into()));
    }
    Ok(Quote {
        by: by.trim().to_string(),
        role,
        text: text.trim().to_string(),
    })
}

/// `OWNER:DUE:WHAT`: OWNER `me`, `manager` or a name; DUE a date or empty.
pub(super) fn parse_commitment(value: &str) -> Result<Commitment, Error> {
    let bad = |what: String| {
        Error::Usage(format!(
            "`--commitment '{value}'`: {what}; expected {COMMITMENT_SHAPE}"
        ))
    };
    let mut parts = value.splitn(3, ':');
    let (Some(owner), Some(due), Some(what)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(bad("it has fewer than three parts".into()));
    };
    let owner = match owner.trim() {
        "" => {
            return Err(bad(
                "the OWNER part is empty (`me`, `manager` or a name)".into()
            ));
        }
        o if o.eq_ignore_ascii_case("me") => CommitmentOwner::Me,
        o if o.eq_ignore_ascii_case("manager") => CommitmentOwner::Manager,
        name => CommitmentOwner::Other(name.to_string()),
    };
    let due: Option<NaiveDate> = match due.trim() {
        "" => None,
        text => Some(parse_date(text).map_err(|problem| bad(format!("the DUE part: {problem}")))?),
    };
    if what.trim().is_empty() {
        return Err(bad("the WHAT part (what is owed) is empty".into()));
    }
    Ok(Commitment {
        owner,
        what: what.trim().to_string(),
        due,
        status: Status::Open,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_keep_colons_in_their_text_and_name_the_bad_part() {
        let quote = parse_quote("Manager: Sam Lee :Ratio 2:1, and early").expect("quote");
        assert_eq!(quote.role, Role::Manager);
        assert_eq!(quote.by, "Sam Lee");
        assert_eq!(quote.text, "Ratio 2:1, and early");
        assert_eq!(
            parse_quote("skip-level:Dana:Yes").expect("label").role,
            Role::Skip
        );
        let error = parse_quote("manger:Sam:Yes").expect_err("role").to_string();
        assert!(error.contains("the ROLE `manger` is not one of manager, skip, peer, stakeholder, report (did you mean `manager`?)"), "{error}");
        assert!(error.contains("expected ROLE:BY:TEXT"), "{error}");
        let error = parse_quote("peer:Sam").expect_err("parts").to_string();
        assert!(error.contains("fewer than three parts"), "{error}");
        let error = parse_quote("peer: :Yes").expect_err("by").to_string();
        assert!(error.contains("the BY part"), "{error}");
    }

    #[test]
    fn commitments_take_me_manager_or_a_name_and_an_optional_date() {
        let c = parse_commitment("me:2026-08-21:Send the plan").expect("me");
        assert_eq!(c.owner, CommitmentOwner::Me);
        assert_eq!(c.due, "2026-08-21".parse().ok());
        assert_eq!(c.status, Status::Open);
        let c = parse_commitment("Kim Park::Review: the doc").expect("name");
        assert_eq!(c.owner, CommitmentOwner::Other("Kim Park".into()));
        assert_eq!((c.due, c.what.as_str()), (None, "Review: the doc"));
        let error = parse_commitment("me:2026-02-30:x")
            .expect_err("date")
            .to_string();
        assert!(
            error.contains("the DUE part: impossible date `2026-02-30`"),
            "{error}"
        );
        let error = parse_commitment("manager:2026-08-21:")
            .expect_err("what")
            .to_string();
        assert!(error.contains("the WHAT part"), "{error}");
    }
}
