//! `promo init`: a new log, valid and commented, readable by its owner only.

use super::Ctx;
use crate::cli::InitArgs;
use crate::error::Error;
use crate::log::append::ron_string;
use crate::log::load;
use crate::store;

/// Runs `promo init`: writes the log at `--log`, never over an existing file.
pub fn run(args: &InitArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let path = ctx.log()?.to_path_buf();
    for (flag, value) in [
        ("--name", &args.name),
        ("--manager", &args.manager),
        ("--level", &args.level),
        ("--target-level", &args.target_level),
    ] {
        if value.trim().is_empty() {
            return Err(Error::Usage(format!("`{flag}` is empty")));
        }
    }
    let projects = args
        .projects
        .iter()
        .map(|spec| parse_project(spec))
        .collect::<Result<Vec<_>, Error>>()?;
    let text = template(args, &projects);
    // The template is checked like any log, so `init` can never write one that
    // `check` refuses.
    let checked = load::check_bytes(path.clone(), text.clone().into_bytes(), ctx.today);
    checked.into_log()?;
    store::write_new(&path, text.as_bytes())?;
    let next = match projects.first() {
        Some((key, _)) => format!("next: record a moment after your next 1:1:\n  promo add decision \"Cut … to keep …\" --project {key} --reach cross-team --impact \"…\"\n"),
        None => "next: add your projects under `projects` in it, then record a moment:\n  promo add decision \"Cut … to keep …\" --project KEY --reach cross-team --impact \"…\"\n".to_string(),
    };
    ctx.print(&format!(
        "created `{}` (readable by you only)\n{next}",
        path.display()
    ))?;
    Ok(0)
}

/// Splits `--project KEY=NAME` (NAME defaults to KEY).
fn parse_project(spec: &str) -> Result<(String, String), Error> {
    let (key, name) = spec.split_once('=').unwrap_or((spec, spec));
    let (key, name) = (key.trim(), name.trim());
    if !crate::log::validate::is_valid_id(key) {
        return Err(Error::Usage(format!(
            "`--project {spec}`: the key must be letters, digits, `-`, `_` or `.`; write it as KEY=NAME, e.g. `checkout=Checkout redesign`"
        )));
    }
    Ok((
        key.to_string(),
        if name.is_empty() {
            key.to_string()
        } else {
            name.to_string()
        },
    ))
}

/// The new log's text: the owner's details, and comments explaining each field.
fn template(args: &InitArgs, projects: &[(String, String)]) -> String {
    let project_lines: String = projects
        .iter()
        .map(|(key, name)| {
            format!(
                "        {}: Project(name: {}),\n",
                ron_string(key),
                ron_string(name)
            )
        })
        .collect();
    let role = args
        .role
        .as_deref()
        .filter(|r| !r.trim().is_empty())
        .map(|r| format!(", role: {}", ron_string(r.trim())))
        .unwrap_or_default();
    let cycle = args
        .cycle
        .as_deref()
        .filter(|c| !c.trim().is_empty())
        .map(|c| format!(", cycle: {}", ron_string(c.trim())))
        .unwrap_or_default();
    let name = ron_string(args.name.trim());
    let manager = ron_string(args.manager.trim());
    let level = ron_string(args.level.trim());
    let target = ron_string(args.target_level.trim());
    let submission = args.submission;
    format!(
        r#"// promo log: the moments of your 1:1s that show you already work at the next level.
// It is yours and stays on this machine. `promo add` appends to it and `promo check`
// validates it; you can also edit it by hand: promo keeps your comments and layout.
Log(
    // The format version; this promo writes version 1.
    version: 1,
    // You: your name, your job title (optional) and your current level.
    owner: Person(name: {name}{role}, level: {level}),
    // Your manager: the person who restates your case in calibration.
    manager: {manager},
    // The level you are going for, when your packet is due (YYYY-MM-DD), and the
    // calibration cycle's name (optional, e.g. cycle: "H1 2027").
    target: Target(level: {target}, submission: "{submission}"{cycle}),
    // Your projects: a short key that moments refer to, a name and an optional summary.
    projects: {{
        // "checkout": Project(name: "Checkout redesign", summary: "Web and app checkout rebuild"),
{project_lines}    }},
    // The moments, oldest first. `promo add` appends here; one looks like this:
    //
    //     Moment(
    //         id: "m001",                  // a stable id; `promo add` picks the next free one
    //         date: "2026-08-14",          // when it happened, YYYY-MM-DD
    //         tag: Decision,               // Decision | Scope | Leverage
    //         project: "checkout",         // a key of `projects`
    //         what: "Cut the loyalty tier from v1 to keep the holiday freeze date",
    //                                      // what happened, decision first
    //         reach: CrossTeam,            // Team | CrossTeam | Org | Company
    //         impact: "Checkout conversion +2.1% over 4 weeks (A/B test)",
    //                                      // the outcome, with a number if there is one
    //         witnesses: ["Sam Lee"],      // who saw it and can vouch for it
    //         quotes: [
    //             // role: Manager | Skip | Peer | Stakeholder | Report
    //             Quote(by: "Sam Lee", role: Manager, text: "She saw the freeze risk before I did."),
    //         ],
    //         commitments: [
    //             // owner: Me | Manager | Other("name"); status: Open | Held | Broken | Dropped
    //             Commitment(owner: Manager, what: "Raise loyalty scope at staff sync",
    //                        due: "2026-08-21", status: Open),
    //         ],
    //         private: false,              // true: never counted, never shared
    //     ),
    //
    // Everything after `reach` is optional.
    moments: [],
)
"#
    )
}
