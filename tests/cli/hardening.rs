//! What an attack on promo found (issue 16), each as a test that failed on the
//! binary before the fix: `-o` onto the log, FIFOs and devices, a planted lock
//! symlink, leftover temporary copies, and the rest.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{fixture, promo};

/// Copies a fixture log into a fresh directory.
fn log_in(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    fs::copy(fixture(name), &path).expect("copy fixture");
    (dir, path)
}

/// Runs `command`, killing it (and failing the test) if it takes over `secs`:
/// a regression hangs no test.
fn run_within(mut command: Command, secs: u64) -> Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("promo still running after {secs} s: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success(), "mkfifo failed");
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Item 1: `-o` naming the log (directly, through a symlink, by a roundabout
/// path, a hard link), its backup or its lock is refused before anything is
/// written, with a message that names the log.
#[test]
fn dash_o_onto_the_log_its_backup_or_its_lock_is_refused() {
    let (dir, path) = log_in("strong-pm.ron");
    let before = fs::read(&path).expect("read");
    fs::write(dir.path().join("promo.ron.bak"), "the backup").expect("backup");
    fs::write(dir.path().join("promo.ron.lock"), "").expect("lock");
    std::os::unix::fs::symlink(&path, dir.path().join("link.ron")).expect("symlink");
    fs::hard_link(&path, dir.path().join("hard.ron")).expect("hard link");
    fs::create_dir(dir.path().join("x")).expect("mkdir");
    let cases: [(&[&str], &str, &str); 6] = [
        (&["packet", "--format", "md"], "promo.ron", "the log"),
        (&["premortem"], "link.ron", "the log"),
        (&["packet", "--format", "md"], "./x/../promo.ron", "the log"),
        (&["premortem"], "hard.ron", "the log"),
        (&["premortem"], "promo.ron.bak", "the backup of the log"),
        (&["premortem"], "promo.ron.lock", "the lock file of the log"),
    ];
    for (command, output, what) in cases {
        let run = promo()
            .current_dir(dir.path())
            .log("promo.ron")
            .args(command.iter().copied())
            .args(["-o", output])
            .run()
            .expect_code(1);
        assert_eq!(
            run.stderr().lines().next().unwrap_or(""),
            format!(
                "error: refusing to write `{output}`: it is {what} `promo.ron`, which would be lost; choose another `-o` file"
            ),
            "{command:?} -o {output}"
        );
        assert_eq!(fs::read(&path).expect("read"), before, "-o {output}");
    }
    assert_eq!(
        fs::read(dir.path().join("promo.ron.bak")).expect("read"),
        b"the backup"
    );
    // Another file is written as before.
    promo()
        .current_dir(dir.path())
        .log("promo.ron")
        .args(["premortem", "-o", "x/report.txt"])
        .run()
        .ok();
    assert!(dir.path().join("x/report.txt").is_file());
}

/// Item 4: a symlink planted at the lock's name is never followed: `add` refuses
/// and the file it points to stays intact.
#[test]
fn a_planted_lock_symlink_is_not_followed() {
    let (dir, path) = log_in("strong-pm.ron");
    let victim = dir.path().join("victim");
    fs::write(&victim, "precious").expect("victim");
    std::os::unix::fs::symlink(&victim, dir.path().join("promo.ron.lock")).expect("symlink");
    let before = fs::read(&path).expect("read");
    let run = promo()
        .log(&path)
        .args([
            "add",
            "decision",
            "Planted",
            "--project",
            "checkout",
            "--reach",
            "team",
        ])
        .run()
        .expect_code(1);
    let lock = dir
        .path()
        .canonicalize()
        .expect("canon")
        .join("promo.ron.lock");
    assert_eq!(
        run.stderr().lines().next().unwrap_or(""),
        format!(
            "error: the lock file `{}` is a symbolic link, not a regular file; promo will not write through it (remove it if you did not make it)",
            lock.display()
        )
    );
    assert_eq!(fs::read(&victim).expect("victim"), b"precious");
    assert_eq!(fs::read(&path).expect("read"), before);
}

/// Item 3: a FIFO as the log, as the import file or as `--ladder`, and a device as
/// the log, are refused at once (never read, never locked), and `-o` onto a FIFO
/// or a device is refused rather than replaced.
#[test]
fn fifos_and_devices_are_refused_without_hanging() {
    let (dir, path) = log_in("strong-pm.ron");
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let fifo_s = fifo.to_str().expect("utf-8");
    let refused = |shown: &str, kind: &str| {
        format!(
            "`{shown}` is {kind}, not a regular file; promo reads and writes only regular files"
        )
    };
    let fifo_msg = refused(fifo_s, "a named pipe (FIFO)");
    let cases: Vec<(Vec<&str>, String)> = vec![
        (vec!["--log", fifo_s, "map"], fifo_msg.clone()),
        (vec!["--log", fifo_s, "check"], fifo_msg.clone()),
        (
            vec![
                "--log",
                fifo_s,
                "add",
                "decision",
                "x",
                "--project",
                "p",
                "--reach",
                "team",
            ],
            fifo_msg.clone(),
        ),
        (vec!["--log", fifo_s, "done", "m001.1"], fifo_msg.clone()),
        (
            vec![
                "--log",
                path.to_str().expect("utf-8"),
                "import",
                "markdown",
                fifo_s,
            ],
            fifo_msg.clone(),
        ),
        (
            vec![
                "--log",
                path.to_str().expect("utf-8"),
                "objections",
                "--ladder",
                fifo_s,
            ],
            fifo_msg.clone(),
        ),
        (
            vec!["--log", "/dev/zero", "check"],
            refused("/dev/zero", "a character device"),
        ),
        (
            vec![
                "--log",
                "/dev/zero",
                "add",
                "decision",
                "x",
                "--project",
                "p",
                "--reach",
                "team",
            ],
            refused("/dev/zero", "a character device"),
        ),
        (
            vec![
                "--log",
                path.to_str().expect("utf-8"),
                "premortem",
                "-o",
                fifo_s,
            ],
            fifo_msg.clone(),
        ),
        (
            vec![
                "--log",
                path.to_str().expect("utf-8"),
                "premortem",
                "-o",
                "/dev/null",
            ],
            refused("/dev/null", "a character device"),
        ),
    ];
    for (args, message) in cases {
        let output = run_within(promo().args(args.iter().copied()).command(), 10);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(&message), "{args:?}:\n{err}\nwanted {message}");
    }
    assert!(!Path::new("/dev/zero.lock").exists());
    assert!(!dir.path().join("pipe.lock").exists());
    let kind = fs::symlink_metadata(&fifo).expect("stat").file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&kind),
        "the FIFO was replaced"
    );
}

/// Item 8: an `add` killed (SIGKILL) in the middle of writing leaves a temporary
/// copy of the log; the next command of any kind, here a read-only one, removes it.
#[test]
fn no_temporary_copy_survives_a_kill_and_one_more_command() {
    let (dir, path) = log_in("strong-pm.ron");
    let mut child = promo()
        .log(&path)
        .args([
            "add",
            "decision",
            "Killed",
            "--project",
            "checkout",
            "--reach",
            "team",
        ])
        .env("PROMO_TEST_WRITE_PAUSE_MS", "60000")
        .command()
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !names(dir.path()).iter().any(|n| n.ends_with(".promo-tmp")) {
        assert!(Instant::now() < deadline, "the add never started writing");
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().expect("kill");
    child.wait().expect("reap");
    assert!(names(dir.path()).iter().any(|n| n.ends_with(".promo-tmp")));
    promo().log(&path).args(["check"]).run().ok();
    assert_eq!(names(dir.path()), ["promo.ron", "promo.ron.lock"]);
}

const SMALL: &str = "Log(\n    version: 1,\n    owner: Person(name: \"Ada Moss\", level: \"L5\"),\n    manager: \"Sam Lee\",\n    target: Target(level: \"L6\", submission: \"2027-03-01\"),\n    projects: { \"p\": Project(name: \"P\") },\n    moments: [\n        Moment(id: \"m001\", date: \"2026-10-01\", tag: Decision, project: \"p\", what: \"Chose A\", reach: Org, impact: \"Saved 2 weeks\",\n            commitments: [Commitment(owner: Me, what: \"Send the memo\", due: \"DUE\", status: Open)]),\n    ],\n)\n";

/// Item 2: an `add` that would grow the log past the size promo reads is
/// refused, and the log stays byte-identical (so every command still reads it).
#[test]
fn a_write_past_the_read_limit_is_refused_and_the_log_stays_readable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    let limit = promo::log::load::MAX_LOG_BYTES as usize;
    let body = SMALL.replace("DUE", "2026-12-01");
    let filler = limit - body.len() - 100;
    let mut text = format!("// {}\n", "x".repeat(filler - 4));
    text.push_str(&body);
    fs::write(&path, &text).expect("write");
    let run = promo()
        .log(&path)
        .args([
            "add",
            "decision",
            "Grew the log",
            "--project",
            "p",
            "--reach",
            "team",
        ])
        .args(["--impact", &"y".repeat(200)])
        .run()
        .expect_code(1);
    let size = run.stderr();
    assert!(
        size.starts_with(&format!("error: refusing to write `{}`: it would be ", path.display()))
            && size.contains(&format!(
                " bytes, over the {limit}-byte limit for a log, and no command could read it again; it was left as it was"
            )),
        "{size}"
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), text);
    promo().log(&path).args(["check"]).run().ok();
}

/// Item 7: `check` refuses year 0 with a located diagnostic, and the calendar of a
/// commitment due 9999-12-31 is valid iCalendar (no year 10000 in it).
#[test]
fn calendar_years_stay_within_1_to_9999() {
    use icalendar::{Component, DatePerhapsTime};
    use std::str::FromStr;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    fs::write(&path, SMALL.replace("DUE", "0000-06-01")).expect("write");
    let run = promo().log(&path).args(["check"]).run().expect_code(1);
    let shown = path.display().to_string();
    assert!(
        run.stdout().contains(&format!("{shown}:9:"))
            || run.stderr().contains(&format!("{shown}:9:")),
        "{}{}",
        run.stdout(),
        run.stderr()
    );
    assert!(
        (run.stdout() + &run.stderr()).contains("there is no year 0: years run from 0001 to 9999"),
        "{}",
        run.stdout()
    );

    fs::write(&path, SMALL.replace("DUE", "9999-12-31")).expect("write");
    let run = promo()
        .log(&path)
        .args(["commitments", "--format", "ics"])
        .run()
        .ok();
    let text = run.stdout();
    assert!(!text.contains("10000"), "{text}");
    let calendar = icalendar::Calendar::from_str(&text).expect("a real parser reads it");
    let event = calendar
        .components
        .iter()
        .find_map(|c| c.as_event())
        .expect("one event");
    let due = chrono::NaiveDate::from_ymd_opt(9999, 12, 31).expect("date");
    assert_eq!(event.get_start(), Some(DatePerhapsTime::Date(due)));
    assert_eq!(event.property_value("DURATION"), Some("P1D"));
}

/// Item 10: `templates export NEWDIR` under umask 000 creates the folder 0700.
#[test]
fn templates_export_makes_a_private_folder_under_umask_000() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let new = dir.path().join("mine");
    let status = Command::new("sh")
        .arg("-c")
        .arg("umask 000 && exec \"$0\" templates export \"$1\"")
        .arg(env!("CARGO_BIN_EXE_promo"))
        .arg(&new)
        .stdout(Stdio::null())
        .status()
        .expect("sh");
    assert!(status.success());
    let mode = fs::metadata(&new).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "{mode:o}");
}

/// Item 9: a CR-only file and mixed line endings say what is wrong with the line
/// endings (not "empty" nor a ron type error), and a full disk during `done`'s
/// backup says the log was not changed.
#[test]
fn line_endings_and_a_full_disk_get_exact_messages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    let shown = path.display().to_string();
    let body = SMALL.replace("DUE", "2026-12-01");
    fs::write(&path, format!("// old Mac\n{body}").replace('\n', "\r")).expect("write");
    let out = promo().log(&path).args(["check"]).run().expect_code(1);
    let all = out.stdout() + &out.stderr();
    assert!(
        all.contains(&format!(
            "{shown}:1:11: error: the lines end with a bare carriage return (CR, as old Mac files do): save the file with LF or CRLF line endings"
        )),
        "{all}"
    );
    fs::write(&path, format!("// notes\r{body}")).expect("write");
    let out = promo().log(&path).args(["check"]).run().expect_code(1);
    let all = out.stdout() + &out.stderr();
    assert!(
        all.contains(&format!(
            "{shown}:1:9: error: this line ends with a bare carriage return (CR) while others end with LF: save the file with one kind of line ending (LF or CRLF)"
        )),
        "{all}"
    );

    fs::write(&path, &body).expect("write");
    let out = promo()
        .log(&path)
        .env("PROMO_TEST_FAIL_WRITE_AFTER", "10")
        .args(["done", "m001.1"])
        .run()
        .expect_code(1);
    let backup = dir
        .path()
        .canonicalize()
        .expect("canon")
        .join("promo.ron.bak");
    let first = out.stderr().lines().next().unwrap_or("").to_string();
    assert_eq!(
        first.split(": cannot write `").next().unwrap_or(""),
        format!(
            "error: cannot write the backup `{}` that is kept before changing `{}`, so `{}` was not changed",
            backup.display(),
            dir.path()
                .canonicalize()
                .expect("canon")
                .join("promo.ron")
                .display(),
            dir.path()
                .canonicalize()
                .expect("canon")
                .join("promo.ron")
                .display()
        )
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), body);
}

/// Item 6: escape sequences and bidi overrides in the log (an imported doc can carry
/// them) never reach the terminal: every human-facing text and Markdown output shows
/// them escaped, and `check` echoes a source line with them escaped, caret aligned.
#[test]
fn control_and_bidi_characters_never_reach_the_terminal() {
    let hostile = "\u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{7}\u{9b}31m\u{202e}evil\u{8}";
    let text = fs::read_to_string(fixture("strong-pm.ron"))
        .expect("fixture")
        .replace("Decided to split", &format!("Decided{hostile} to split"))
        .replace("Seller fee experiments", &format!("Seller{hostile} fees"))
        .replace("\"Walk the iOS", &format!("\"Walk{hostile} the iOS"));
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    fs::write(&path, &text).expect("write");
    let commands: &[&[&str]] = &[
        &["check"],
        &["map"],
        &["map", "--format", "md"],
        &["objections"],
        &["objections", "--format", "md"],
        &["restate"],
        &["premortem"],
        &["premortem", "--format", "md"],
        &["packet", "--format", "md"],
        &["agenda"],
        &["agenda", "--format", "md"],
        &["recap", "--date", "2026-11-10"],
        &["commitments"],
        &["commitments", "--format", "md"],
    ];
    let bad = |s: &str| {
        s.chars().find(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
    };
    for args in commands {
        let run = promo()
            .log(&path)
            .args(["--color", "never"])
            .args(args.iter().copied())
            .run();
        let out = String::from_utf8_lossy(&run.0.stdout).into_owned();
        let err = run.stderr();
        assert_eq!(run.0.status.code(), Some(0), "{args:?} failed:\n{err}");
        if matches!(args[0], "map" | "commitments") {
            assert!(
                out.contains("\\u{1b}"),
                "{args:?} shows the escape visibly:\n{out}"
            );
        }
        assert_eq!(
            bad(&out),
            None,
            "{args:?} printed a raw control character:\n{out}"
        );
        assert_eq!(
            bad(&err),
            None,
            "{args:?} wrote a raw control character to stderr:\n{err}"
        );
    }
    // An error on a line with them: the echoed line is escaped, the caret still under the culprit.
    let broken = "Log(version: 1, owner: Person(name: \"A\u{1b}[2J\", level: \"L5\"), bogus: 1)\n";
    fs::write(&path, broken).expect("write");
    let run = promo().log(&path).args(["check"]).run();
    let all = format!("{}{}", String::from_utf8_lossy(&run.0.stdout), run.stderr());
    assert_eq!(bad(&all), None, "{all}");
    assert!(all.contains("A\\u{1b}[2J"), "shown escaped:\n{all}");
}

#[test]
fn a_fifo_in_a_template_folder_is_named_and_fails_only_the_command_using_it() {
    let (dir, path) = log_in("strong-pm.ron");
    let templates = dir.path().join("templates");
    fs::create_dir(&templates).expect("mkdir");
    mkfifo(&templates.join("packet.md"));
    mkfifo(&templates.join("part.md"));
    fs::write(
        templates.join("premortem.md"),
        "PRE {{ owner }}\n{% include \"part.md\" %}\n",
    )
    .expect("write");
    let run = |args: &[&str]| {
        let command = promo()
            .log(&path)
            .args(args.iter().copied())
            .args(["--templates"])
            .args([&templates])
            .command();
        run_within(command, 10)
    };
    // Unused: `packet.md` and `part.md` are FIFOs, the HTML packet and the text
    // objections do not read them, and nothing blocks on them.
    for args in [
        &["packet", "--format", "html"][..],
        &["objections"][..],
        &["objections", "--format", "md"][..],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
    // Used: the message names the file and what it is, not "leads outside".
    let out = run(&["packet", "--format", "md"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("packet.md"), "{err}");
    assert!(
        err.contains("a named pipe (FIFO), not a regular file"),
        "{err}"
    );
    assert!(!err.contains("leads outside"), "{err}");
    // Included: the template that includes it fails when rendered, and says why.
    let out = run(&["premortem", "--format", "md"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("not a regular file"), "{err}");
}

#[test]
fn nested_range_loops_in_a_user_template_are_cut_off() {
    let (dir, path) = log_in("strong-pm.ron");
    let templates = dir.path().join("templates");
    fs::create_dir(&templates).expect("mkdir");
    fs::write(
        templates.join("packet.md"),
        "{% for a in range(end=100000) %}{% for b in range(end=100000) %}\
         {% for c in range(end=100000) %}{{ c }}{% endfor %}{% endfor %}{% endfor %}",
    )
    .expect("write");
    // A template that counts a little still renders.
    fs::write(
        templates.join("premortem.md"),
        "{% for a in range(end=3) %}{% for b in range(end=2) %}{{ a }}{{ b }} {% endfor %}{% endfor %}",
    )
    .expect("write");
    let run = |args: &[&str]| {
        let command = promo()
            .log(&path)
            .args(args.iter().copied())
            .args(["--templates"])
            .args([&templates])
            .command();
        let started = Instant::now();
        let out = run_within(command, 60);
        (out, started.elapsed())
    };
    let (out, took) = run(&["packet", "--format", "md"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("template `packet.md`"), "{err}");
    assert!(
        err.contains("`range` was asked for more than 1000000 numbers in one render"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "nothing half rendered is printed");
    assert!(took < Duration::from_secs(30), "cut off quickly: {took:?}");
    let (out, _) = run(&["premortem", "--format", "md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "00 01 10 11 20 21"
    );
}

/// The first raw control (but newline and tab) or bidi override character in `s`.
fn hostile_char(s: &str) -> Option<char> {
    s.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn notes_remarks_and_errors_on_stderr_show_control_characters_escaped() {
    let hostile = "\u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{7}\u{9b}31m\u{202e}evil\u{8}";
    let text = fs::read_to_string(fixture("strong-pm.ron"))
        .expect("fixture")
        .replace("Decided to split", &format!("Decided{hostile} to split"))
        .replace("Seller fee experiments", &format!("Seller{hostile} fees"));
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    fs::write(&path, &text).expect("write");
    let notes = dir.path().join("notes.md");
    fs::write(
        &notes,
        format!(
            "## 2026-11-17\n\n### Decisions\n- Chose{hostile} the vendor for search\n\n\
             ```\nrm -rf{hostile} /\n```\n\n<!-- secret{hostile} aside -->\n"
        ),
    )
    .expect("write notes");
    // A file name is text too: the note saying where the packet went quotes it.
    let pdf = dir.path().join(format!("packet{hostile}.pdf"));
    let notes_s = notes.to_str().expect("utf-8");
    let pdf_s = pdf.to_str().expect("utf-8");
    let project = format!("nope{hostile}");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["packet", "--format", "pdf", "-o", pdf_s], "wrote "),
        // Import remarks quote the lines they skipped.
        (
            vec!["import", "markdown", notes_s, "--dry-run"],
            "inside a code block",
        ),
        // An error quoting what was typed.
        (
            vec![
                "add",
                "decision",
                "Chose a vendor",
                "--project",
                &project,
                "--reach",
                "team",
            ],
            "nope\\u{1b}[2J",
        ),
    ];
    for (args, expected) in cases {
        let run = promo()
            .log(&path)
            .args(["--color", "never"])
            .args(args.iter().copied())
            .run();
        let out = String::from_utf8_lossy(&run.0.stdout).into_owned();
        let err = run.stderr();
        assert!(
            err.contains(expected),
            "{args:?}: stderr lacks {expected:?}:\n{err}"
        );
        assert!(
            err.contains("\\u{1b}"),
            "{args:?} shows the escape visibly:\n{err}"
        );
        assert_eq!(hostile_char(&err), None, "{args:?} stderr:\n{err}");
        assert_eq!(hostile_char(&out), None, "{args:?} stdout:\n{out}");
    }
}
