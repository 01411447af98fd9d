//! User templates are sandboxed: they see their context and the other templates of
//! their directory, nothing else — no environment variable, no file outside the
//! directory, whether asked for by a function, an `include`, an `extends` or a symlink.

use std::path::Path;

use crate::harness::promo;

/// A secret outside the template directory, and one in the environment.
const FILE_SECRET: &str = "FILE-SECRET-7f3a";
const ENV_SECRET: &str = "ENV-SECRET-91bc";

struct Setup {
    _dir: tempfile::TempDir,
    templates: std::path::PathBuf,
    secret: std::path::PathBuf,
}

/// `DIR/templates/` (empty) next to `DIR/secret.md` and `DIR/x.md` holding the secret.
fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("tempdir");
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).expect("mkdir");
    let secret = dir.path().join("secret.md");
    std::fs::write(&secret, FILE_SECRET).expect("write");
    std::fs::write(dir.path().join("x.md"), FILE_SECRET).expect("write");
    Setup {
        _dir: dir,
        templates,
        secret,
    }
}

/// Runs `packet --format md` (or html) with `template` as the user's `packet.<ext>`;
/// returns the exit code, stdout and stderr. Neither secret may be in either stream.
fn packet_with(setup: &Setup, ext: &str, template: &str) -> (i32, String, String) {
    let name = format!("packet.{ext}");
    std::fs::write(setup.templates.join(&name), template).expect("write template");
    let run = promo()
        .fixture("strong-pm.ron")
        .env("PROMO_SANDBOX_SECRET", ENV_SECRET)
        .args(["packet", "--format", ext, "--templates"])
        .args([&setup.templates])
        .run();
    let (out, err) = (run.stdout(), run.stderr());
    for secret in [FILE_SECRET, ENV_SECRET, "root:x:0:0"] {
        assert!(
            !out.contains(secret) && !err.contains(secret),
            "{template:?} read {secret:?}:\n--- stdout\n{out}\n--- stderr\n{err}"
        );
    }
    assert_ne!(run.code(), 101, "{template:?} crashed promo:\n{err}");
    std::fs::remove_file(setup.templates.join(&name)).expect("remove template");
    (run.code(), out, err)
}

#[test]
fn templates_cannot_read_the_environment() {
    let setup = setup();
    for ext in ["md", "html"] {
        for template in [
            "{{ get_env(name=\"PROMO_SANDBOX_SECRET\") }}",
            "{{ get_env(name=\"PROMO_SANDBOX_SECRET\", default=\"none\") }}",
            "{{ env.PROMO_SANDBOX_SECRET }}{{ PROMO_SANDBOX_SECRET }}",
            "{{ __tera_context }}",
        ] {
            let (code, out, err) = packet_with(&setup, ext, template);
            if template.contains("get_env") {
                assert_eq!(code, 1, "{template}: {out}");
                assert!(
                    err.contains("template `packet.") && err.contains("get_env"),
                    "{template}: the error does not name the function:\n{err}"
                );
            }
        }
    }
}

#[test]
fn templates_cannot_read_files_by_function_include_or_extends() {
    let setup = setup();
    let secret = setup.secret.display().to_string();
    for ext in ["md", "html"] {
        for template in [
            format!("{{{{ read_file(path=\"{secret}\") }}}}"),
            "{{ load_data(path=\"/etc/passwd\") }}".to_string(),
            "{% include \"/etc/passwd\" %}".to_string(),
            format!("{{% include \"{secret}\" %}}"),
            "{% include \"../x.md\" %}".to_string(),
            "{% include \"../secret.md\" %}".to_string(),
            "{% extends \"../secret.md\" %}".to_string(),
            "{% extends \"/etc/passwd\" %}".to_string(),
            "{% include \"templates/../../secret.md\" %}".to_string(),
        ] {
            let (code, _, err) = packet_with(&setup, ext, &template);
            assert_eq!(code, 1, "{template} did not fail:\n{err}");
            assert!(
                err.contains("error: template `packet."),
                "{template}: the error does not name the template:\n{err}"
            );
        }
    }
}

#[test]
fn templates_include_only_their_own_directory() {
    let setup = setup();
    std::fs::write(setup.templates.join("part.md"), "PART {{ owner.name }}").expect("write");
    let (code, out, err) = packet_with(&setup, "md", "{% include \"part.md\" %}");
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "PART Ana Ruiz");
    // Files in a subdirectory are not templates.
    let sub = setup.templates.join("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    std::fs::write(sub.join("inner.md"), FILE_SECRET).expect("write");
    let (code, _, err) = packet_with(&setup, "md", "{% include \"sub/inner.md\" %}");
    assert_eq!(code, 1, "{err}");
}

/// A symlink in the template directory leading outside it is refused, whether it
/// points at a file by an absolute path, by `..`, at a directory, or at a device.
#[test]
fn a_symlink_leading_outside_the_template_directory_is_refused() {
    for (link, target) in [
        ("packet.md", None),
        ("part.md", None),
        ("relative.md", Some(Path::new("../secret.md"))),
        ("etc.md", Some(Path::new("/etc/passwd"))),
        ("null.md", Some(Path::new("/dev/zero"))),
        ("environ.txt", Some(Path::new("/proc/self/environ"))),
    ] {
        let setup = setup();
        let target = target.map_or_else(|| setup.secret.clone(), Path::to_path_buf);
        std::os::unix::fs::symlink(&target, setup.templates.join(link)).expect("symlink");
        let template = if link == "packet.md" {
            None
        } else {
            Some("{% include \"".to_string() + link + "\" %}")
        };
        if let Some(template) = &template {
            std::fs::write(setup.templates.join("packet.md"), template).expect("write");
        }
        let run = promo()
            .fixture("strong-pm.ron")
            .env("PROMO_SANDBOX_SECRET", ENV_SECRET)
            .args(["packet", "--format", "md", "--templates"])
            .args([&setup.templates])
            .run()
            .expect_code(1)
            .stderr_has("leads outside")
            .stderr_has(link);
        for secret in [FILE_SECRET, ENV_SECRET, "root:x:0:0"] {
            assert!(!run.stdout().contains(secret) && !run.stderr().contains(secret));
        }
    }
    // A symlink that stays inside the directory is fine.
    let setup = setup();
    std::fs::write(setup.templates.join("real.md"), "REAL {{ owner.name }}").expect("write");
    std::os::unix::fs::symlink("real.md", setup.templates.join("packet.md")).expect("symlink");
    promo()
        .fixture("strong-pm.ron")
        .args(["packet", "--format", "md", "--templates"])
        .args([&setup.templates])
        .run()
        .ok()
        .stdout_has("REAL Ana Ruiz");
}

/// The template directory itself may be a symlink; what counts is where it leads.
#[test]
fn a_symlinked_template_directory_is_read_where_it_leads() {
    let setup = setup();
    std::fs::write(setup.templates.join("packet.md"), "LINKED {{ owner.name }}").expect("write");
    let link = setup.templates.with_file_name("link");
    std::os::unix::fs::symlink(&setup.templates, &link).expect("symlink");
    promo()
        .fixture("strong-pm.ron")
        .args(["packet", "--format", "md", "--templates"])
        .args([&link])
        .run()
        .ok()
        .stdout_has("LINKED Ana Ruiz");
}
