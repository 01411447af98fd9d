//! Fitting the shell: completions and the man page from the clap definition,
//! colour only where it belongs, and the config file's place in the precedence.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::{fixture, promo};

const SUBCOMMANDS: [&str; 8] = [
    "import",
    "agenda",
    "recap",
    "commitments",
    "done",
    "broken",
    "completions",
    "man",
];

#[test]
fn completions_for_each_shell_know_every_command() {
    for (shell, marker) in [
        ("bash", "_promo() {"),
        ("zsh", "#compdef promo"),
        ("fish", "complete -c promo "),
        (
            "powershell",
            "Register-ArgumentCompleter -Native -CommandName 'promo'",
        ),
    ] {
        let out = promo().args(["completions", shell]).run().ok().stdout();
        assert!(out.contains(marker), "{shell}: no {marker:?}");
        for command in SUBCOMMANDS.iter().chain(&["check", "packet", "add"]) {
            assert!(
                out.contains(command),
                "{shell} completion lacks `{command}`"
            );
        }
        assert!(
            out.contains("dry-run") && out.contains("color"),
            "{shell}: options missing"
        );
    }
    let bash = promo().args(["completions", "bash"]).run().ok().stdout();
    let dir = tempfile::tempdir().expect("tempdir");
    let script = dir.path().join("promo.bash");
    fs::write(&script, bash).expect("write");
    let status = Command::new("bash")
        .arg("-n")
        .arg(&script)
        .status()
        .expect("run bash -n");
    assert!(
        status.success(),
        "the bash completion script does not parse"
    );
    promo().args(["completions", "tcsh"]).run().expect_code(2);
}

#[test]
fn the_man_page_documents_every_command_and_each_has_its_own() {
    let page = promo().args(["man"]).run().ok().stdout();
    assert!(page.contains(".TH promo 1"), "{page}");
    for command in SUBCOMMANDS {
        assert!(page.contains(command), "promo(1) lacks `{command}`");
    }
    let import = promo().args(["man", "import"]).run().ok().stdout();
    assert!(import.contains(".TH promo-import 1"), "{import}");
    assert!(import.contains("\\-\\-dry\\-run"), "{import}");
    promo()
        .args(["man", "imprt"])
        .run()
        .expect_code(2)
        .stderr_has("did you mean `import`?");
    // groff reads it, where installed.
    if Command::new("groff").arg("-v").output().is_ok() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("promo.1");
        fs::write(&file, &page).expect("write");
        let out = Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .arg(&file)
            .output()
            .expect("groff");
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "groff: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    } else {
        eprintln!("SKIPPED: groff not installed, the man page was not typeset");
    }
}

const ESC: char = '\u{1b}';

#[test]
fn colour_only_when_asked_or_on_a_terminal_without_no_color() {
    let table = |extra: &[&str], no_color: &str| {
        promo()
            .fixture("weak-startup-pm.ron")
            .env("NO_COLOR", no_color)
            .args(extra.iter().copied())
            .args(["commitments"])
            .run()
            .ok()
            .stdout()
    };
    let always = table(&["--color", "always"], "");
    assert!(
        always.contains("\u{1b}[31moverdue"),
        "overdue in red: {always:?}"
    );
    assert!(
        table(&["--color", "always"], "1").contains(ESC),
        "an explicit --color always wins over NO_COLOR"
    );
    assert!(!table(&["--color", "never"], "").contains(ESC));
    assert!(!table(&[], "").contains(ESC), "auto into a pipe: no colour");
    promo()
        .args(["--color", "sometimes", "commitments"])
        .run()
        .expect_code(2);
}

/// Runs promo under a pseudo-terminal with `script`, so `auto` sees a terminal.
fn on_a_terminal(no_color: Option<&str>) -> Option<String> {
    if Command::new("script").arg("--version").output().is_err() {
        return None;
    }
    let log = fixture("weak-startup-pm.ron");
    let line = format!(
        "{} --today 2026-11-21 --log '{}' commitments",
        env!("CARGO_BIN_EXE_promo"),
        log.display()
    );
    let mut command = Command::new("script");
    command
        .args(["-qec", &line, "/dev/null"])
        .env_remove("NO_COLOR")
        .env("TERM", "xterm");
    if let Some(value) = no_color {
        command.env("NO_COLOR", value);
    }
    let out = command.output().expect("script");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn auto_colours_a_terminal_unless_no_color_is_set() {
    let (Some(plain), Some(muted)) = (on_a_terminal(None), on_a_terminal(Some("1"))) else {
        eprintln!("SKIPPED: `script` not installed, no pseudo-terminal to test `--color auto` on");
        return;
    };
    assert!(
        plain.contains("\u{1b}[31moverdue"),
        "a terminal gets colour: {plain:?}"
    );
    assert!(plain.contains("m012.1"), "{plain:?}");
    assert!(!muted.contains(ESC), "NO_COLOR turns it off: {muted:?}");
    assert!(muted.contains("overdue"), "{muted:?}");
}

/// A config home holding `promo/config.ron` with `text`, and a working directory.
fn config_home(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("config/promo/config.ron");
    fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
    fs::write(&file, text).expect("write");
    fs::create_dir_all(dir.path().join("work")).expect("mkdir");
    (dir, file)
}

fn copy_fixture(name: &str, to: &Path) {
    fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
    fs::copy(fixture(name), to).expect("copy");
}

#[test]
fn the_config_log_is_the_default_and_promo_log_and_dash_dash_log_win() {
    let (dir, _) = config_home("// mine\nConfig(log: \"../logs/mine.ron\")\n");
    let config = dir.path().join("config");
    let mine = dir.path().join("config/logs/mine.ron");
    copy_fixture("weak-startup-pm.ron", &mine);
    let other = dir.path().join("other.ron");
    copy_fixture("engineer-l6.ron", &other);
    let work = dir.path().join("work");
    let check = |extra: Vec<(&str, PathBuf)>, args: Vec<String>| {
        let mut run = promo().env("XDG_CONFIG_HOME", &config).current_dir(&work);
        for (key, value) in extra {
            run = run.env(key, value);
        }
        run.args(args).args(["check"]).run().ok().stdout()
    };
    assert!(
        check(vec![], vec![]).contains("logs/mine.ron: ok, 13 moments"),
        "the config's log, relative to the config file"
    );
    assert!(
        check(vec![("PROMO_LOG", other.clone())], vec![]).contains("other.ron: ok, 22 moments"),
        "PROMO_LOG wins"
    );
    let flag = vec!["--log".to_string(), other.display().to_string()];
    assert!(
        check(vec![], flag).contains("other.ron: ok, 22 moments"),
        "--log wins"
    );
    // Without XDG_CONFIG_HOME, ~/.config is read.
    let home = tempfile::tempdir().expect("home");
    copy_fixture("engineer-l6.ron", &home.path().join("l.ron"));
    fs::create_dir_all(home.path().join(".config/promo")).expect("mkdir");
    fs::write(
        home.path().join(".config/promo/config.ron"),
        "Config(log: \"~/l.ron\")",
    )
    .expect("write");
    let out = promo()
        .env("XDG_CONFIG_HOME", "")
        .env("HOME", home.path())
        .current_dir(&work)
        .args(["check"])
        .run()
        .ok()
        .stdout();
    assert!(out.contains("l.ron: ok, 22 moments"), "{out}");
}

#[test]
fn a_broken_config_is_an_error_naming_its_line_and_column() {
    let (dir, file) = config_home("Config(\n    log: \"x.ron\",\n    templtes: \"t\",\n)\n");
    let run = promo()
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .fixture("strong-pm.ron")
        .args(["check"])
        .run()
        .expect_code(1);
    run.stderr_has(&format!(
        "error: {}:3:5: invalid config: unknown field `templtes` in `Config`; did you mean `templates`?",
        file.display()
    ));
    // Completions and the man page never read it.
    promo()
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .args(["completions", "bash"])
        .run()
        .ok();
}

#[test]
fn a_config_with_a_syntax_error_names_its_path_line_and_column() {
    let (dir, file) = config_home("Config(\n    paper: A4\n    log: \"x.ron\",\n)\n");
    let run = promo()
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .fixture("strong-pm.ron")
        .args(["check"])
        .run()
        .expect_code(1);
    run.stderr_has(&format!(
        "error: {}:2:13: invalid config: missing `,` after this value",
        file.display()
    ));
}

#[test]
fn the_config_ladder_is_used_unless_the_command_line_names_one() {
    let (dir, _) = config_home("Config(ladder: \"ladder.ron\")\n");
    let ladder = dir.path().join("config/promo/ladder.ron");
    fs::write(&ladder, "Ladder(levels: [Level(id: \"P1\", min_reach: Team, decision_share: 10, leverage_share: 0, description: \"x\")])").expect("write");
    let config = dir.path().join("config");
    let run = promo()
        .env("XDG_CONFIG_HOME", &config)
        .fixture("strong-pm.ron")
        .args(["objections"])
        .run()
        .expect_code(1);
    let stderr = run.stderr();
    assert!(
        stderr.contains("`L6`") && stderr.contains(&format!("`{}`", ladder.display())),
        "the config's ladder was not used:\n{stderr}"
    );
    let builtin = fixture("../templates/ladders/pm.ron");
    promo()
        .env("XDG_CONFIG_HOME", &config)
        .fixture("strong-pm.ron")
        .args(["objections", "--ladder"])
        .args([builtin])
        .run()
        .ok();
}

#[test]
fn the_config_paper_is_the_packets_default_and_an_explicit_paper_wins() {
    let (dir, _) = config_home("Config(paper: A4)\n");
    let config = dir.path().join("config");
    let paper = |extra: &[&str]| {
        let out = promo()
            .env("XDG_CONFIG_HOME", &config)
            .fixture("strong-pm.ron")
            .args(["packet", "--format", "json"])
            .args(extra.iter().copied())
            .run()
            .ok()
            .stdout();
        let context: serde_json::Value = serde_json::from_str(&out).expect("json");
        context["paper"].as_str().expect("paper").to_string()
    };
    assert_eq!(paper(&[]), "a4");
    assert_eq!(
        paper(&["--paper", "letter"]),
        "letter",
        "--paper letter beats the config"
    );
    let out = promo()
        .env("XDG_CONFIG_HOME", dir.path())
        .fixture("strong-pm.ron")
        .args(["packet", "--format", "json"])
        .run()
        .ok()
        .stdout();
    assert!(
        out.contains("\"paper\": \"letter\""),
        "without a config, letter"
    );
}

#[test]
fn the_config_templates_directory_overrides_the_built_in_templates() {
    let (dir, _) = config_home("Config(templates: \"tpl\")\n");
    let tpl = dir.path().join("config/promo/tpl");
    fs::create_dir_all(&tpl).expect("mkdir");
    fs::write(
        tpl.join("packet.md"),
        "CUSTOM PACKET for {{ owner.name }}\n",
    )
    .expect("write");
    let config = dir.path().join("config");
    promo()
        .env("XDG_CONFIG_HOME", &config)
        .fixture("strong-pm.ron")
        .args(["packet", "--format", "md"])
        .run()
        .ok()
        .stdout_has("CUSTOM PACKET for Ana Ruiz");
}

/// JSON that cannot be written (here: standard output is a full disk) is a failed
/// operation, exit 1 with the reason, never a usage error (exit 2).
#[test]
fn json_output_that_cannot_be_written_exits_1() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    for args in [
        &["check", "--format", "json"][..],
        &["map", "--format", "json"],
        &["objections", "--context"],
    ] {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let output = promo()
            .fixture("strong-pm.ron")
            .args(args.iter().copied())
            .command()
            .stdout(full)
            .stderr(std::process::Stdio::piped())
            .output()
            .expect("run promo");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("error: cannot write the output"),
            "{args:?}: {stderr}"
        );
    }
}
