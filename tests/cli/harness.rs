//! A small fluent builder around the `promo` executable, and golden-file checks.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The date every test treats as today, so outputs are reproducible.
pub const TODAY: &str = "2026-11-21";

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file under `fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("fixtures").join(name)
}

/// A command line being built.
pub struct Promo {
    args: Vec<OsString>,
    envs: Vec<(String, Option<OsString>)>,
    dir: Option<PathBuf>,
    today: bool,
}

/// Starts a `promo` command with `--today` fixed.
pub fn promo() -> Promo {
    Promo {
        args: Vec::new(),
        envs: vec![
            ("PROMO_LOG".into(), None),
            ("NO_COLOR".into(), Some("1".into())),
        ],
        dir: None,
        today: true,
    }
}

impl Promo {
    /// Adds arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Adds `--log PATH`.
    pub fn log(self, path: impl AsRef<Path>) -> Self {
        let path = path.as_ref().as_os_str().to_owned();
        self.args([OsString::from("--log"), path])
    }

    /// Uses a fixture as the log.
    pub fn fixture(self, name: &str) -> Self {
        self.log(fixture(name))
    }

    /// Leaves `--today` to the clock.
    pub fn real_today(mut self) -> Self {
        self.today = false;
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: &str, value: impl Into<OsString>) -> Self {
        self.envs.push((key.into(), Some(value.into())));
        self
    }

    /// Runs in this directory.
    pub fn current_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.dir = Some(dir.into());
        self
    }

    /// The command, ready to spawn.
    pub fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_promo"));
        command.args(&self.args);
        if self.today {
            command.args(["--today", TODAY]);
        }
        for (key, value) in &self.envs {
            match value {
                Some(v) => command.env(key, v),
                None => command.env_remove(key),
            };
        }
        if let Some(dir) = &self.dir {
            command.current_dir(dir);
        }
        command
    }

    /// Runs it and returns what it did.
    pub fn run(self) -> Run {
        let mut command = self.command();
        command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        Run(command.output().expect("run promo"))
    }
}

/// What a run did.
pub struct Run(pub Output);

impl Run {
    /// The exit code.
    pub fn code(&self) -> i32 {
        self.0
            .status
            .code()
            .expect("exit code (not killed by a signal)")
    }

    /// Standard output as text.
    pub fn stdout(&self) -> String {
        String::from_utf8(self.0.stdout.clone()).expect("stdout is UTF-8")
    }

    /// Standard error as text.
    pub fn stderr(&self) -> String {
        String::from_utf8(self.0.stderr.clone()).expect("stderr is UTF-8")
    }

    /// Asserts the exit code, showing the output when it differs.
    #[track_caller]
    pub fn expect_code(self, code: i32) -> Self {
        assert_eq!(
            self.code(),
            code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout(),
            self.stderr()
        );
        self
    }

    /// Asserts success.
    #[track_caller]
    pub fn ok(self) -> Self {
        self.expect_code(0)
    }

    /// Asserts standard output contains `needle`.
    #[track_caller]
    pub fn stdout_has(self, needle: &str) -> Self {
        let out = self.stdout();
        assert!(out.contains(needle), "stdout lacks {needle:?}:\n{out}");
        self
    }

    /// Asserts standard error contains `needle`.
    #[track_caller]
    pub fn stderr_has(self, needle: &str) -> Self {
        let err = self.stderr();
        assert!(err.contains(needle), "stderr lacks {needle:?}:\n{err}");
        self
    }
}

/// Compares `actual` with the golden file `tests/golden/<name>`; with `PROMO_BLESS=1`
/// writes it instead. Paths to the repository are shown as `<root>` so golden files
/// do not depend on where the repository is checked out.
#[track_caller]
pub fn golden(name: &str, actual: &str) {
    let actual = actual.replace(&format!("{}/", root().display()), "");
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("PROMO_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("golden dir")).expect("create golden dir");
        std::fs::write(&path, &actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {} (run with PROMO_BLESS=1 to create it)",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "{} differs from the output (PROMO_BLESS=1 rewrites it)\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        );
    }
}

/// Makes `path` a new log with `promo init`: Mara Chen (L5 → L6, submission 2027-03-01),
/// whose manager is Tess Obi. The owner of the import samples.
pub fn init_log(path: &Path) {
    promo()
        .log(path)
        .args(["init", "--name", "Mara Chen", "--manager", "Tess Obi"])
        .args(["--level", "L5", "--target-level", "L6"])
        .args(["--submission", "2027-03-01"])
        .run()
        .ok();
}

/// A fresh log made by [`init_log`], as `promo.ron` in a new temporary folder.
pub fn fresh_log() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("promo.ron");
    init_log(&path);
    (dir, path)
}
