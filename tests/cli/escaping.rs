//! User text is inert in every output: in HTML it is escaped everywhere (the `<title>`
//! included, so it can never open a tag or an attribute), in Markdown it can never break
//! the structure (a table row stays one row, a `#` never starts a heading, a newline
//! never starts a line), and template syntax in it is printed, never run.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::harness::{fixture, promo};

/// What an attacker (or an unlucky paste) puts in a log's text fields.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "' onmouseover='alert(1)' x='",
    "[x](javascript:alert(1)) <a href=\"javascript:alert(1)\">j</a>",
    "{{ owner.name }} {% raw %}{{ __tera_context }}{% endraw %} {# x",
    "a | b | c\n# Heading\n---\nNLTAIL",
    "&lt;script&gt; &amp; &#60;b&#62;",
];

/// A RON string literal holding `text`.
fn ron_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A valid log with `payload` in every user-text field: the owner's name, role and
/// cycle, the manager, project names and summaries, and each moment's what, impact,
/// witnesses, quotes and commitments (their owners too). The moments are shaped so
/// every section has something in it: top examples, signals, answered and open
/// objections, open and broken commitments.
fn hostile_log(payload: &str) -> String {
    let s = |prefix: &str, suffix: &str| ron_string(&format!("{prefix}{payload}{suffix}"));
    format!(
        r#"Log(
    version: 1,
    owner: Person(name: {name}, role: {role}, level: "L5"),
    manager: {manager},
    target: Target(level: "L6", submission: "2027-03-01", cycle: {cycle}),
    projects: {{
        "p": Project(name: {project_p}, summary: {summary}),
        "q": Project(name: {project_q}),
    }},
    moments: [
        Moment(id: "m001", date: "2026-09-01", tag: Decision, project: "p", what: {what1}, reach: Company,
            impact: {impact1}, witnesses: [{witness}],
            quotes: [
                Quote(by: {mgr}, role: Manager, text: {mgr_text}),
                Quote(by: {peer}, role: Peer, text: {peer_text}),
            ],
            commitments: [Commitment(owner: Other({owner}), what: {commit}, due: "2026-12-01", status: Open)]),
        Moment(id: "m002", date: "2026-10-01", tag: Leverage, project: "q", what: {what2}, reach: CrossTeam,
            impact: {impact2}, witnesses: [{witness}]),
        Moment(id: "m003", date: "2026-11-01", tag: Scope, project: "p", what: {what3}, reach: Team,
            impact: {impact3},
            commitments: [Commitment(owner: Me, what: {broken}, due: "2026-11-10", status: Broken)]),
    ],
)
"#,
        name = s("Lee ", " Park"),
        role = s("PM ", ""),
        manager = s("Sam ", ""),
        cycle = s("H1 ", ""),
        project_p = s("Pay ", ""),
        summary = s("Sum ", ""),
        project_q = s("", " Core"),
        what1 = s("Chose ", " over the rebuild"),
        impact1 = s("Saved $2M ", ""),
        witness = s("Wit ", ""),
        mgr = s("Mgr ", ""),
        mgr_text = s("Her call ", " is an L6 call"),
        peer = s("Peer ", ""),
        peer_text = s("Her framework ", " is reused by 3 teams"),
        owner = s("Own ", ""),
        commit = s("Send ", ""),
        what2 = s("Built ", " template reused by 4 teams"),
        impact2 = s("4 teams ", ""),
        what3 = s("Worked on ", ""),
        impact3 = s("", " maybe"),
        broken = s("Fix ", ""),
    )
}

fn write_hostile_logs(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    PAYLOADS
        .iter()
        .enumerate()
        .map(|(i, payload)| {
            let path = dir.join(format!("hostile-{i}.ron"));
            std::fs::write(&path, hostile_log(payload)).expect("write log");
            promo().log(&path).args(["check"]).run().ok();
            (path, *payload)
        })
        .collect()
}

fn stdout(log: &Path, args: &[&str]) -> String {
    promo().log(log).args(args).run().ok().stdout()
}

/// HTML-escapes like tera does.
fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Every tag in an HTML document, as written (`<td class="project">`).
fn tags(html: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let after = &rest[start..];
        let end = after.find('>').map_or(after.len(), |e| e + 1);
        // Attribute values are dropped (the timeline's coordinates and summary vary
        // with the log): user text must not add a tag or an attribute name.
        let mut tag = String::new();
        let mut quoted = false;
        for c in after[..end].chars() {
            if c == '"' {
                quoted = !quoted;
                tag.push(c);
            } else if !quoted {
                tag.push(c);
            }
        }
        found.insert(tag);
        rest = &after[end..];
    }
    found
}

/// The tags the built-in template writes for realistic logs: the only ones allowed.
fn template_tags(command: &str) -> BTreeSet<String> {
    let mut allowed = BTreeSet::new();
    for name in ["strong-pm.ron", "weak-startup-pm.ron", "engineer-l6.ron"] {
        allowed.extend(tags(&stdout(
            &fixture(name),
            &[command, "--format", "html"],
        )));
    }
    allowed
}

/// The text of the document's `<title>`.
fn title(html: &str) -> &str {
    let start = html.find("<title>").expect("a title") + "<title>".len();
    let end = html[start..].find("</title>").expect("the title ends") + start;
    &html[start..end]
}

#[test]
fn html_escapes_user_text_everywhere_including_the_title() {
    let dir = tempfile::tempdir().expect("tempdir");
    for command in ["packet", "premortem"] {
        let allowed = template_tags(command);
        assert!(
            allowed.contains("<title>") && allowed.len() > 10,
            "{allowed:?}"
        );
        for (log, payload) in write_hostile_logs(dir.path()) {
            let html = stdout(&log, &[command, "--format", "html"]);
            // No tag and no attribute but the template's own: user text opened nothing.
            let extra: Vec<String> = tags(&html).difference(&allowed).cloned().collect();
            assert!(
                extra.is_empty(),
                "{command} html for {payload:?} has tags the template never writes: {extra:?}\n{html}"
            );
            for needle in ["<script", "<img", "<a "] {
                assert!(
                    !html.contains(needle),
                    "{command} html for {payload:?} has a live {needle:?}"
                );
            }
            // The title holds the owner's name escaped exactly once, and nothing raw.
            let title = title(&html);
            let name = html_escape(&format!("Lee {payload} Park")).replace('\n', " ");
            let name_lines = html_escape(&format!("Lee {payload} Park"));
            assert!(
                title.contains(&name) || title.contains(&name_lines),
                "{command}: title {title:?} lacks {name:?}"
            );
            assert!(!title.contains('<') && !title.contains('"'), "{title:?}");
            // Every field's copy is escaped, once: no raw copy and no double escaping.
            let lines = payload.split('\n').collect::<Vec<_>>();
            for line in lines {
                if line.contains(['<', '>', '"', '\'', '&']) {
                    assert!(!html.contains(line), "{command}: raw {line:?} in the html");
                    assert!(
                        html.contains(&html_escape(line)),
                        "{command}: {line:?} not shown escaped"
                    );
                    assert!(
                        !html.contains(&html_escape(&html_escape(line))),
                        "{command}: {line:?} escaped twice"
                    );
                }
            }
            // Template syntax in user text is printed as text, never run.
            if payload.starts_with("{{") {
                assert!(
                    html.contains("{{ owner.name }}") && html.contains("{% raw %}"),
                    "{command}: template syntax was interpreted:\n{html}"
                );
                assert!(!html.contains("&quot;private_left_out&quot;"), "{html}");
            }
        }
    }
}

/// Whether the character at byte `at` of `line` is escaped by a backslash (an odd
/// number of backslashes right before it).
fn is_escaped(line: &str, at: usize) -> bool {
    line[..at].bytes().rev().take_while(|b| *b == b'\\').count() % 2 == 1
}

/// Byte offsets of `c` in `line` that no backslash escapes.
fn unescaped(line: &str, c: char) -> Vec<usize> {
    line.match_indices(c)
        .map(|(i, _)| i)
        .filter(|&i| !is_escaped(line, i))
        .collect()
}

/// Checks a Markdown document for structure that user text could have broken.
#[track_caller]
fn assert_markdown_structure_intact(what: &str, md: &str, payload: &str) {
    let lines: Vec<&str> = md.lines().collect();
    // A table's rows all have the header's number of cells.
    let mut header_pipes: Option<usize> = None;
    for line in &lines {
        let line = line.trim_end();
        if line.starts_with('|') {
            let pipes = unescaped(line, '|').len();
            match header_pipes {
                None => header_pipes = Some(pipes),
                Some(expected) => assert_eq!(
                    pipes, expected,
                    "{what}: a table row has {pipes} cell borders, the header {expected}:\n{line}\n---\n{md}"
                ),
            }
        } else {
            header_pipes = None;
            assert!(
                unescaped(line, '|').is_empty(),
                "{what}: a raw `|` outside a table:\n{line}"
            );
        }
        // `#` starts only the template's own headings; in text it is escaped.
        let body = line.trim_start_matches('#');
        let heading_marks = line.len() - body.len();
        assert!(
            unescaped(body, '#').is_empty(),
            "{what}: a raw `#` in text:\n{line}"
        );
        if heading_marks > 0 {
            assert!(body.starts_with(' '), "{what}: a bad heading: {line}");
        }
        // No raw `<` (it could open HTML or an autolink) other than the map's own line
        // breaks, and no raw `](` (it would close a link text and open its target).
        for at in unescaped(line, '<') {
            assert!(line[at..].starts_with("<br>"), "{what}: a raw `<`:\n{line}");
        }
        for at in unescaped(line, ']') {
            assert!(
                !line[at..].starts_with("]("),
                "{what}: a live link:\n{line}"
            );
        }
    }
    // A newline in user text never starts a new line of the document.
    if payload.contains("\nNLTAIL") {
        let tails = lines.iter().filter(|l| l.contains("NLTAIL")).count();
        assert!(tails > 0, "{what}: the payload is not shown at all:\n{md}");
        for line in &lines {
            assert!(
                !line.trim_start().starts_with("NLTAIL"),
                "{what}: user text started a line:\n{line}\n---\n{md}"
            );
        }
    }
    if payload.starts_with("{{") {
        assert!(
            md.contains("{{ owner.name }}") && md.contains("{% raw %}"),
            "{what}: template syntax was interpreted:\n{md}"
        );
    }
}

#[test]
fn markdown_keeps_its_structure_whatever_the_user_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (log, payload) in write_hostile_logs(dir.path()) {
        for args in [
            &["packet", "--format", "md"][..],
            &["premortem", "--format", "md"],
            &["map", "--format", "md"],
            &["map", "--format", "md", "--explain"],
            &["objections", "--format", "md"],
            &["agenda", "--format", "md"],
            &["recap", "--format", "md", "--date", "2026-09-01"],
        ] {
            let md = stdout(&log, args);
            assert_markdown_structure_intact(&format!("{args:?} for {payload:?}"), &md, payload);
        }
    }
}

/// The built-in templates' own Markdown passes the structure check: it is not vacuous,
/// and it does not fail on what the templates write themselves.
#[test]
fn the_markdown_structure_check_accepts_the_templates_and_catches_a_raw_row() {
    let md = stdout(&fixture("map/escaping.ron"), &["packet", "--format", "md"]);
    assert_markdown_structure_intact("packet md", &md, "");
    let broken = md.replacen("| Project |", "| Pro | ject |", 1);
    let caught = std::panic::catch_unwind(|| {
        assert_markdown_structure_intact("broken", &broken, "");
    });
    assert!(caught.is_err(), "a row with an extra cell was not caught");
}

/// The terminal formats show user text as it is (nothing to escape there) and do not
/// run template syntax in it.
#[test]
fn text_outputs_print_template_syntax_as_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (log, _) = write_hostile_logs(dir.path())
        .into_iter()
        .find(|(_, p)| p.starts_with("{{"))
        .expect("the template payload");
    for args in [
        &["map"][..],
        &["objections"],
        &["premortem"],
        &["agenda"],
        &["packet", "--format", "json"],
    ] {
        let out = stdout(&log, args);
        assert!(
            out.contains("{{ owner.name }}") && out.contains("{% raw %}"),
            "{args:?}: {out}"
        );
    }
}
