//! `promo import markdown` on the shapes people's notes come in: the running-doc
//! template filled for six weeks, a Google Docs export, a Notion export folder,
//! Obsidian and Logseq daily notes. Each test asserts the exact moments and
//! commitments that land in the log, and the lines reported instead.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::harness::{TODAY, fixture, fresh_log, promo};

/// Imports `paths` into `log` and returns (stdout, stderr).
fn import(log: &Path, paths: &[PathBuf]) -> (String, String) {
    let run = promo()
        .log(log)
        .args(["import", "markdown"])
        .args(paths)
        .run()
        .ok();
    (run.stdout(), run.stderr())
}

/// Every public moment as one line, then its quotes and commitments indented.
fn moments(log: &Path) -> Vec<String> {
    let (log, _) = promo::log::load::load(log, TODAY.parse().expect("date")).expect("valid log");
    let mut out = Vec::new();
    for m in &log.moments {
        out.push(format!(
            "{} {:?} {} {:?} | {} | {}",
            m.date,
            m.tag,
            m.project,
            m.reach,
            m.what,
            m.impact.as_deref().unwrap_or("-")
        ));
        for q in &m.quotes {
            out.push(format!("  quote {} ({:?}): {}", q.by, q.role, q.text));
        }
        for c in &m.commitments {
            out.push(format!(
                "  owes {:?}: {} ({}, {:?})",
                c.owner,
                c.what,
                c.due.map_or("undated".to_string(), |d| d.to_string()),
                c.status
            ));
        }
    }
    out
}

/// The `FILE:LINE: not imported: REASON` lines, as `LINE: REASON: "TEXT"`.
fn not_imported(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| l.split_once(".md:"))
        .filter_map(|(_, rest)| {
            let (line, rest) = rest.split_once(": not imported: ")?;
            Some(format!("{line}: {rest}"))
        })
        .collect()
}

#[test]
fn the_running_doc_template_filled_for_six_weeks_keeps_only_what_happened() {
    let (_dir, log) = fresh_log();
    let (stdout, stderr) = import(&log, &[fixture("import/running-doc-template.md")]);
    assert!(
        stdout.contains("imported 6 moments (`m001`…`m006`) with 4 commitments and 3 quotes"),
        "{stdout}"
    );
    assert_eq!(
        moments(&log),
        [
            "2026-10-12 Decision imported CrossTeam | Killed the loyalty points rebuild, picked the vendor SDK instead | saved a quarter of two teams",
            "  quote Tess Obi (Manager): Killing the loyalty rebuild was a senior call.",
            "2026-10-19 Scope imported CrossTeam | Stepped in as interim lead for the Growth squad while Ana is out; kept the Q4 plan on track across 3 teams | -",
            "  owes Me: Hand Growth back to Ana (2026-10-30, Held)",
            "2026-11-02 Decision imported Team | Onboarding v3 at 50%: activation up from 41% to 43% | decided to go to 100% next week",
            "  quote Dev Patel (Peer): The onboarding rollout plan is the clearest one we have had.",
            "2026-11-09 Scope imported Team | Can I own the search relevance roadmap after Dev moves? Tess: yes, decided I take over from Dec 1 | -",
            "  owes Me: Draft the roadmap ownership note (2026-11-13, Open)",
            "2026-11-16 Decision search Team | Cut the synonyms rewrite after the offline eval (recall +0.4% → not worth six weeks) | freed 2 engineers for ranking v2",
            "  quote Tess Obi (Manager): Cutting the synonyms rewrite was the right call, and you made it fast.",
            "  owes Me: Send the EU readout to Legal (2026-11-20, Open)",
            "  owes Manager: Ask the platform director about the eval quota (2026-11-20, Open)",
            "2026-11-16 Leverage imported CrossTeam | Wrote the experiment review template; Payments and Ads teams now use it | -",
        ]
    );
    // Context, open questions, the Notes heading and promo's own recap are
    // reported; template placeholders ("-", "1)", "___ by ___", "none") are not
    // content and are not mentioned at all.
    assert_eq!(
        not_imported(&stderr),
        [
            "3: not under a dated 1:1 heading: \"Copy the template below for each week, newest on top.\"",
            "8: under `This week (top priorities)`: a priority is context for the 1:1, not a moment: \"Ranking v2 EU readout\"",
            "9: under `This week (top priorities)`: a priority is context for the 1:1, not a moment: \"Hiring loop for the second squad\"",
            "17: under `Status (3 bullets)`: status is context for the 1:1, not a moment: \"Shipped: onboarding v3 to 100%\"",
            "18: under `Status (3 bullets)`: status is context for the 1:1, not a moment: \"Next: ranking v2 EU launch\"",
            "22: under `Decisions / Questions (manager input needed)`: an open question for your manager: agenda, not a moment: \"Do we take the Ads reranker ask this quarter?\"",
            "26: under `Blockers`: a blocker is context for the 1:1, not a moment: \"Data platform quota for the eval cluster still pending\"",
            "30: feedback about none of this 1:1's moments; add it to the one it is about with `promo amend ID --quote`: \"Keep writing the weekly notes for the staff list\"",
            "34: under `Notes`, a heading promo does not map (it maps Wins, Decisions, Feedback and Action items): \"Tess out Thursday; move the staff review to Friday.\"",
            "45: under `This week (top priorities)`: a priority is context for the 1:1, not a moment: \"Onboarding v3 rollout\"",
            "54: under `Status (3 bullets)`: status is context for the 1:1, not a moment: \"Next: onboarding v3 to 100%\"",
            "55: under `Status (3 bullets)`: status is context for the 1:1, not a moment: \"Risk: Payments migration could slip a week\"",
            "80: under `Status (3 bullets)`: status is context for the 1:1, not a moment: \"Shipped: onboarding v3 at 50%\"",
            "134: promo's own recap: what it says is already in the log: \"Stepped in as interim lead for the Growth squad while Ana is out (scope, Growth)\"",
            "137: promo's own recap: what it says is already in the log: \"Mara Chen: Hand Growth back to Ana — by 2026-10-30\"",
        ]
    );
    // `Shipped:` and `Risk:` label status lines: they never become projects.
    let text = fs::read_to_string(&log).expect("read");
    assert!(!text.contains("\"shipped\""), "{text}");
    assert!(!text.contains("\"risk\""), "{text}");
}

#[test]
fn a_google_docs_export_loses_its_escapes_and_bold_labels() {
    let (_dir, log) = fresh_log();
    let (_, stderr) = import(&log, &[fixture("import/google-docs/1on1-mara-tess.md")]);
    assert_eq!(
        moments(&log),
        [
            "2026-11-10 Scope imported Team | Took over the payments on-call rotation from Dev | -",
            "  owes Me: Publish the on-call handbook (2026-11-14, Open)",
            "2026-11-17 Decision imported CrossTeam | Shipped the fraud-check rewrite: p95 down from 9.1s to 2.4s | chargebacks down 18% cross-team with Risk",
            "  quote Tess Obi (Manager): The fraud-check rewrite is exactly the L6 scope I want to see.",
            "  owes Manager: Get the Risk VP to the launch review (2026-11-24, Open)",
            "2026-11-17 Decision imported Team | Decided to drop the SMS fallback for 2FA; Legal and Support signed off | -",
            "  owes Me: Write the rollout note (2026-11-20, Open)",
        ]
    );
    assert_eq!(
        not_imported(&stderr),
        [
            "12: under `Status`: status is context for the 1:1, not a moment: \"On track for the Dec 1 launch\""
        ]
    );
}

#[test]
fn a_notion_export_folder_is_dated_by_its_date_property() {
    let (_dir, log) = fresh_log();
    let (stdout, stderr) = import(&log, &[fixture("import/notion-export")]);
    assert!(stdout.contains("imported 2 moments"), "{stdout}");
    assert_eq!(
        moments(&log),
        [
            "2026-11-10 Decision imported CrossTeam | Chose the shared features API over per-team copies, cross-team with Ads and Search | -",
            "2026-11-17 Leverage imported CrossTeam | Unblocked the Ads team by shipping the shared ranking features API | 3 teams dropped their own copies",
            "  owes Other(\"Sam Lee\"): send the API deprecation plan to the Ads team (2026-11-20, Open)",
            "  owes Manager: intro me to the Ads director (undated, Held)",
            "  owes Me: Write the API usage guide (undated, Open)",
        ]
    );
    // The property lines (Date, Attendees, Status) are never a moment.
    assert_eq!(
        not_imported(&stderr),
        [
            "13: under `Open questions`: an open question for your manager: agenda, not a moment: \"Who funds the API's on-call?\""
        ]
    );
    assert!(
        stderr.contains("1-1 Mara Tess 9e41d07a22.md:13:"),
        "{stderr}"
    );
}

#[test]
fn obsidian_daily_notes_read_file_names_front_matter_wikilinks_tags_and_task_dates() {
    let (_dir, log) = fresh_log();
    let (_, stderr) = import(&log, &[fixture("import/obsidian-vault")]);
    assert_eq!(
        moments(&log),
        [
            // 2026-11-10.md, dated 2026-11-09 by its front matter.
            "2026-11-09 Scope imported Team | Asked to own the Search Relevance roadmap for Q1 | -",
            "2026-11-09 Leverage imported Team | Wrote the relevance playbook the Ads team now follows | -",
            "  owes Me: Share the playbook with Payments (2026-11-13, Open)",
            "2026-11-17 Decision imported Team | Cut the search backlog from 140 to 60 tickets | the team ships the relevance fixes two sprints earlier",
            "  owes Me: Send the backlog summary to Dana Reyes (2026-11-20, Open)",
            "  owes Me: Book the relevance review (undated, Held)",
        ]
    );
    assert_eq!(
        not_imported(&stderr),
        [
            "13: under `Journal`, a heading promo does not map (it maps Wins, Decisions, Feedback and Action items): \"Long day; gym after work\""
        ]
    );
}

#[test]
fn logseq_journals_read_outline_sections_and_deadlines() {
    let (_dir, log) = fresh_log();
    let (_, stderr) = import(&log, &[fixture("import/logseq-graph/journals")]);
    assert_eq!(
        moments(&log),
        [
            "2026-11-17 Decision imported Team | Chose the vendor SDK over the in-house build | saves the team a quarter",
            "  owes Me: send the vendor contract to Legal (2026-11-20, Open)",
            "  owes Me: book the security review (undated, Held)",
        ]
    );
    assert_eq!(
        not_imported(&stderr),
        [
            "9: under `1:1 with Tess Obi`: a line of the daily note outside its 1:1, not a moment: \"Gym at 6\""
        ]
    );
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let (_dir, log) = fresh_log();
    let mut child = promo()
        .log(&log)
        .args(["import", "markdown", "-"])
        .command()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"## 2026-11-17\n### Wins\n- Killed the legacy export \xe2\x86\x92 saved 3 days a month\n- -\n")
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("imported 1 moment (`m001`)"), "{stdout}");
    assert_eq!(
        moments(&log),
        ["2026-11-17 Decision imported Team | Killed the legacy export | saved 3 days a month"]
    );
}

#[test]
fn promos_own_agenda_and_recap_import_to_nothing_new() {
    let (dir, log) = fresh_log();
    let notes = dir.path().join("notes.md");
    fs::write(
        &notes,
        "## 2026-11-17\n### Wins\n- Killed the legacy export → saved 3 days a month\n### Action items\n- [Me] Send the export sunset note by 2026-11-20\n",
    )
    .expect("write");
    import(&log, std::slice::from_ref(&notes));
    let before = fs::read(&log).expect("read");
    let recap = promo()
        .log(&log)
        .args(["recap", "--date", "2026-11-17", "--format", "md"])
        .run()
        .ok()
        .stdout();
    let agenda = promo()
        .log(&log)
        .args(["agenda", "--format", "md"])
        .run()
        .ok()
        .stdout();
    assert!(recap.contains("Who owes what by when"), "{recap}");
    fs::write(&notes, format!("{recap}\n{agenda}")).expect("write");
    let (stdout, _) = import(&log, std::slice::from_ref(&notes));
    assert!(stdout.contains("nothing to import"), "{stdout}");
    assert_eq!(fs::read(&log).expect("read"), before);
}

const WEEK: &str = "## 2026-11-17\n### Wins\n- Killed the legacy export → saved 3 days a month\n- Took over the billing on-call\n### Action items\n- [ ] [Me] Send the sunset note by Friday\n";

/// A log with `WEEK` imported, and the notes file.
fn synced() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (dir, log) = fresh_log();
    let notes = dir.path().join("notes.md");
    fs::write(&notes, WEEK).expect("write");
    import(&log, std::slice::from_ref(&notes));
    (dir, log, notes)
}

#[test]
fn re_import_brings_nothing_twice_and_keeps_a_ledger() {
    let (_dir, log, notes) = synced();
    let text = fs::read_to_string(&log).expect("read");
    assert_eq!(text.matches("/* promo:source ").count(), 2, "{text}");
    assert_eq!(
        text.matches("// promo:imported 2026-11-21: ").count(),
        1,
        "{text}"
    );
    let (stdout, stderr) = import(&log, std::slice::from_ref(&notes));
    assert!(stdout.contains("nothing to import"), "{stdout}");
    assert!(
        stderr.contains("notes.md:3: not imported: imported before"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&log).expect("read"), text);
}

#[test]
fn a_moment_deleted_or_edited_in_the_log_is_not_brought_back() {
    let (_dir, log, notes) = synced();
    let text = fs::read_to_string(&log).expect("read");
    // Edit the first moment's text, delete the second one.
    let edited = text.replace(
        "\"Killed the legacy export\"",
        "\"Killed the legacy CSV export after the usage review\"",
    );
    let start = edited.rfind("        Moment(").expect("second moment");
    let end =
        edited[start..].find("\n        ),\n").expect("its end") + start + "\n        ),\n".len();
    let edited = format!("{}{}", &edited[..start], &edited[end..]);
    fs::write(&log, &edited).expect("write");
    let (stdout, stderr) = import(&log, std::slice::from_ref(&notes));
    assert!(stdout.contains("nothing to import"), "{stdout}");
    assert!(
        stderr.contains("notes.md:4: not imported: imported before and deleted from the log since: not brought back"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&log).expect("read"), edited);
    assert_eq!(
        moments(&log),
        [
            "2026-11-17 Decision imported Team | Killed the legacy CSV export after the usage review | saved 3 days a month",
            "  owes Me: Send the sunset note (2026-11-20, Open)",
        ]
    );
}

#[test]
fn a_ticked_box_or_a_moved_due_date_updates_the_commitment() {
    let (dir, log, notes) = synced();
    fs::write(
        &notes,
        WEEK.replace(
            "- [ ] [Me] Send the sunset note by Friday",
            "- [x] [Me] Send the sunset note by 11/24",
        ),
    )
    .expect("write");
    let before = fs::read_to_string(&log).expect("read");
    let (stdout, stderr) = import(&log, std::slice::from_ref(&notes));
    assert!(stdout.contains("imported no new moment"), "{stdout}");
    assert!(stdout.contains("2 commitments updated"), "{stdout}");
    assert!(
        stderr.contains("updated: \"Send the sunset note\" is now Held"),
        "{stderr}"
    );
    assert!(
        stderr.contains("updated: \"Send the sunset note\" is now due 2026-11-24 (was 2026-11-20)"),
        "{stderr}"
    );
    assert_eq!(
        moments(&log)[1],
        "  owes Me: Send the sunset note (2026-11-24, Held)"
    );
    // Only those two values changed; the old file is kept as a backup.
    let after = fs::read_to_string(&log).expect("read");
    assert_eq!(
        after,
        before.replace(
            "due: \"2026-11-20\", status: Open",
            "due: \"2026-11-24\", status: Held"
        )
    );
    assert!(dir.path().join("promo.ron.bak").exists(), "a backup");
    // A status the log moved on from is never put back by an unticked box.
    fs::write(&notes, WEEK).expect("write");
    import(&log, std::slice::from_ref(&notes));
    assert_eq!(
        moments(&log)[1],
        "  owes Me: Send the sunset note (2026-11-20, Held)"
    );
}
