//! `promo serve` driven for real: the binary on a free port, spoken to over HTTP with
//! `std::net::TcpStream`. Every route, the token, Host, Origin and CSRF checks, the
//! forms' refusals, concurrent writes from the page and `promo add`, the privacy
//! canary, and a headless-Chromium look at the map. Each server is killed when its
//! guard drops; every wait is bounded.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::harness::promo;

/// The canary: in every text field of the private moment, never on a shared page.
const CANARY: &str = "qzxvserve";

/// A small log: one public moment, one private one carrying the canary.
fn log_text() -> String {
    format!(
        r#"Log(
    version: 1,
    owner: Person(name: "Tao Lin", level: "L5"),
    manager: "Ruth Cole",
    target: Target(level: "L6", submission: "2027-03-01"),
    projects: {{
        "one": Project(name: "Project one"),
        "two": Project(name: "Project two"),
    }},
    moments: [
        Moment(id: "m-a", date: "2026-06-10", tag: Decision, project: "one", what: "Chose the vendor over the build", reach: Org, impact: "Saved 10%",
            commitments: [Commitment(owner: Me, what: "Write the vendor memo", due: "2026-12-01", status: Open)]),
        Moment(id: "m-p", date: "2026-07-10", tag: Scope, project: "two", what: "Took the {CANARY} team while its lead was out", reach: Company, impact: "{CANARY} shipped",
            witnesses: ["{CANARY} Witness"], quotes: [Quote(by: "{CANARY} Peer", role: Peer, text: "{CANARY} was great")],
            commitments: [Commitment(owner: Me, what: "{CANARY} handover", due: "2026-12-02", status: Open)], private: true),
    ],
)
"#
    )
}

/// A log in a fresh directory.
fn new_log() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("promo.ron");
    std::fs::write(&path, log_text()).expect("write log");
    (dir, path)
}

/// A running `promo serve`, killed when dropped.
struct Served {
    child: Child,
    port: u16,
    token: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `promo serve --port 0` on `log` and reads the URL it prints (within 30 s).
fn serve(log: &Path) -> Served {
    let mut child = promo()
        .log(log)
        .args(["serve", "--port", "0"])
        .command()
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start promo serve");
    let stdout = child.stdout.take().expect("stdout");
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = send.send(line);
    });
    let line = match receive.recv_timeout(Duration::from_secs(30)) {
        Ok(line) => line,
        Err(_) => {
            let _ = child.kill();
            panic!("promo serve printed no URL within 30 s");
        }
    };
    let url = line.trim();
    let rest = url
        .strip_prefix("http://127.0.0.1:")
        .unwrap_or_else(|| panic!("not a loopback URL: {url:?}"));
    let (port, token) = rest.split_once("/?token=").expect("URL with a token");
    assert_eq!(token.len(), 64, "{url}");
    Served {
        child,
        port: port.parse().expect("port"),
        token: token.to_string(),
    }
}

/// An HTTP answer.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends one request (its head lines after the request line, then `body`).
fn send(port: u16, method: &str, path: &str, headers: &[(&str, String)], body: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let mut request = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if method == "POST" {
        request.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read reply");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

impl Served {
    fn host(&self) -> (&'static str, String) {
        ("Host", format!("127.0.0.1:{}", self.port))
    }

    fn auth(&self) -> (&'static str, String) {
        ("X-Promo-Token", self.token.clone())
    }

    fn get(&self, path: &str) -> Reply {
        send(self.port, "GET", path, &[self.host(), self.auth()], "")
    }

    /// The CSRF token the home page's forms carry.
    fn csrf(&self) -> String {
        let home = self.get("/").text();
        let at = home.find("name=\"csrf\" value=\"").expect("csrf field") + 19;
        home[at..at + 64].to_string()
    }

    /// Posts a form as the page does: token, this origin, the CSRF field.
    fn post(&self, path: &str, csrf: &str, fields: &str) -> Reply {
        send(
            self.port,
            "POST",
            path,
            &[
                self.host(),
                self.auth(),
                ("Origin", format!("http://127.0.0.1:{}", self.port)),
                (
                    "Content-Type",
                    "application/x-www-form-urlencoded".to_string(),
                ),
            ],
            &format!("csrf={csrf}&{fields}"),
        )
    }
}

const PAGES: [&str; 11] = [
    "/",
    "/map",
    "/objections",
    "/packet",
    "/packet.pdf",
    "/premortem",
    "/restate",
    "/agenda",
    "/recap",
    "/commitments",
    "/health",
];

const SHARED: [&str; 5] = ["/map", "/objections", "/packet", "/packet.pdf", "/restate"];

#[test]
fn serve_answers_every_route_with_the_security_headers() {
    let (_dir, log) = new_log();
    let served = serve(&log);
    for page in PAGES {
        let reply = served.get(page);
        assert_eq!(reply.status, 200, "{page}: {}", reply.text());
        let csp = reply.header("Content-Security-Policy").expect("CSP");
        assert!(csp.starts_with("default-src 'none'"), "{page}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("form-action 'self'"));
        assert_eq!(reply.header("X-Content-Type-Options"), Some("nosniff"));
        assert_eq!(reply.header("Referrer-Policy"), Some("no-referrer"));
        assert!(
            reply
                .headers
                .iter()
                .all(|(n, _)| !n.to_lowercase().starts_with("access-control")),
            "{page} sent a CORS header"
        );
        if page == "/packet.pdf" {
            assert!(reply.body.starts_with(b"%PDF"), "not a PDF");
            continue;
        }
        let text = reply.text();
        assert!(text.contains("<nav aria-label=\"promo pages\">"), "{page}");
        // Every inline style is allowed by its hash, nothing else.
        assert!(csp.contains("style-src 'sha256-"), "{page}: {csp}");
        let marker = if SHARED.contains(&page) {
            "Shareable page"
        } else {
            "For you only"
        };
        assert!(text.contains(marker), "{page} lacks {marker:?}");
    }
    assert!(
        served
            .get("/map")
            .text()
            .contains("Chose the vendor over the build")
    );
    assert_eq!(served.get("/nowhere").status, 404);
    let home = served.get("/").text();
    assert!(home.contains("action=\"/moments\""), "{home}");
    assert!(
        home.contains("action=\"/commitments/m-a.1/done\""),
        "{home}"
    );
}

#[test]
fn serve_refuses_no_token_a_foreign_host_and_cross_site_posts_writing_nothing() {
    let (_dir, log) = new_log();
    let before = std::fs::read(&log).expect("log");
    let served = serve(&log);
    let csrf = served.csrf();
    let form = "tag=decision&project=one&reach=org&what=Cut+the+scope";
    let form_type = (
        "Content-Type",
        "application/x-www-form-urlencoded".to_string(),
    );
    let origin = ("Origin", format!("http://127.0.0.1:{}", served.port));
    let body = format!("csrf={csrf}&{form}");
    // No token.
    assert_eq!(
        send(served.port, "GET", "/map", &[served.host()], "").status,
        401
    );
    let reply = send(
        served.port,
        "POST",
        "/moments",
        &[served.host(), origin.clone(), form_type.clone()],
        &body,
    );
    assert_eq!(reply.status, 401);
    // A wrong token.
    let wrong = ("X-Promo-Token", "0".repeat(64));
    assert_eq!(
        send(served.port, "GET", "/", &[served.host(), wrong], "").status,
        401
    );
    // A foreign Host (DNS rebinding), even with the token.
    let rebound = ("Host", format!("attacker.example:{}", served.port));
    assert_eq!(
        send(
            served.port,
            "GET",
            "/",
            &[rebound.clone(), served.auth()],
            ""
        )
        .status,
        403
    );
    let reply = send(
        served.port,
        "POST",
        "/moments",
        &[rebound, served.auth(), origin.clone(), form_type.clone()],
        &body,
    );
    assert_eq!(reply.status, 403);
    // Cross-site: another origin, another referer, no CSRF field, a wrong one.
    for (name, value) in [
        ("Origin", "http://attacker.example".to_string()),
        ("Referer", "http://attacker.example/page".to_string()),
        ("Origin", "null".to_string()),
    ] {
        let reply = send(
            served.port,
            "POST",
            "/moments",
            &[
                served.host(),
                served.auth(),
                (name, value),
                form_type.clone(),
            ],
            &body,
        );
        assert_eq!(reply.status, 403, "{name}");
    }
    assert_eq!(served.post("/moments", "", form).status, 403);
    assert_eq!(served.post("/moments", &"f".repeat(64), form).status, 403);
    assert_eq!(
        served.post("/commitments/m-a.1/done", "nope", "").status,
        403
    );
    assert_eq!(std::fs::read(&log).expect("log"), before, "the log changed");
    // The token in the URL sets an HttpOnly, SameSite=Strict cookie that then suffices.
    let reply = send(
        served.port,
        "GET",
        &format!("/?token={}", served.token),
        &[served.host()],
        "",
    );
    assert_eq!(reply.status, 200);
    let cookie = reply.header("Set-Cookie").expect("cookie").to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().expect("pair").to_string();
    assert_eq!(
        send(
            served.port,
            "GET",
            "/map",
            &[served.host(), ("Cookie", pair)],
            ""
        )
        .status,
        200
    );
    let bearer = ("Authorization", format!("Bearer {}", served.token));
    assert_eq!(
        send(served.port, "GET", "/map", &[served.host(), bearer], "").status,
        200
    );
}

#[test]
fn serve_refuses_any_address_but_loopback() {
    let (_dir, log) = new_log();
    promo()
        .log(&log)
        .args(["serve", "--address", "0.0.0.0", "--port", "0"])
        .run()
        .expect_code(2)
        .stderr_has("listens on 127.0.0.1 only, not `0.0.0.0`");
}

#[test]
fn serve_refuses_a_missing_log_before_listening() {
    let dir = tempfile::tempdir().expect("temp dir");
    promo()
        .log(dir.path().join("none.ron"))
        .args(["serve", "--port", "0"])
        .run()
        .expect_code(1)
        .stderr_has("no log at");
}

#[test]
fn serve_shows_an_invalid_log_as_check_does_until_it_is_fixed() {
    let (_dir, log) = new_log();
    let served = serve(&log);
    let good = std::fs::read_to_string(&log).expect("log");
    std::fs::write(&log, good.replace("reach: Org,", "reach: Galaxy,")).expect("break log");
    let reply = served.get("/map");
    assert_eq!(reply.status, 500);
    let text = reply.text();
    assert!(
        text.contains("promo.ron:11:126: error: unknown reach `Galaxy`"),
        "{text}"
    );
    assert!(text.contains("Galaxy"), "{text}");
    std::fs::write(&log, &good).expect("fix log");
    assert_eq!(served.get("/map").status, 200);
}

#[test]
fn serve_forms_write_through_the_cli_and_refuse_bad_input_next_to_the_field() {
    let (_dir, log) = new_log();
    let served = serve(&log);
    let csrf = served.csrf();
    let before = std::fs::read(&log).expect("log");
    // Invalid: the same messages as the CLI, next to the field, status 422, nothing written.
    let reply = served.post(
        "/moments",
        &csrf,
        "tag=decision&project=nope&reach=org&what=Chose+the+plan",
    );
    assert_eq!(reply.status, 422);
    let text = reply.text();
    let field = text.find("id=\"project\"").expect("project field");
    let message = text.find("unknown project `nope`").expect("message");
    assert!(
        message > field && message < text.find("id=\"reach\"").expect("reach"),
        "{text}"
    );
    let reply = served.post(
        "/moments",
        &csrf,
        "tag=decision&project=one&reach=galaxy&what=",
    );
    assert_eq!(reply.status, 422);
    let text = reply.text();
    assert!(text.contains("what happened is required"), "{text}");
    assert!(
        text.contains("`galaxy` is not one of team, cross-team, org, company"),
        "{text}"
    );
    let reply = served.post(
        "/moments",
        &csrf,
        "tag=decision&project=one&reach=org&what=Chose&quotes=peer%3ANobody",
    );
    assert_eq!(reply.status, 422);
    assert!(
        reply.text().contains("fewer than three parts"),
        "{}",
        reply.text()
    );
    assert_eq!(std::fs::read(&log).expect("log"), before, "the log changed");
    // Valid: a new moment, then an amendment, then a commitment held.
    let reply = served.post(
        "/moments",
        &csrf,
        "tag=leverage&project=two&reach=cross-team&what=Chose+to+open+the+pricing+API+to+three+teams&commitments=me%3A%3ASend+the+API+notes",
    );
    assert_eq!(reply.status, 303, "{}", reply.text());
    let location = reply.header("Location").expect("location").to_string();
    assert!(location.starts_with("/?saved=added%20"), "{location}");
    let id = location.trim_start_matches("/?saved=added%20").to_string();
    let context = promo()
        .log(&log)
        .args(["map", "--context"])
        .run()
        .ok()
        .stdout();
    assert!(
        context.contains("Chose to open the pricing API to three teams"),
        "{context}"
    );
    let reply = served.post(
        &format!("/moments/{id}"),
        &csrf,
        "impact=Three+teams+unblocked",
    );
    assert_eq!(reply.status, 303, "{}", reply.text());
    let reply = served.post(&format!("/commitments/{id}.1/done"), &csrf, "");
    assert_eq!(reply.status, 303, "{}", reply.text());
    let text = std::fs::read_to_string(&log).expect("log");
    assert!(text.contains("Three teams unblocked"), "{text}");
    assert!(text.contains("what: \"Send the API notes\""), "{text}");
    let commitments = promo().log(&log).args(["commitments"]).run().ok().stdout();
    let line = commitments
        .lines()
        .find(|l| l.contains("Send the API notes"))
        .expect("commitment listed");
    assert!(line.contains("held"), "{commitments}");
    // An edit made outside the page shows on the next request.
    promo()
        .log(&log)
        .args([
            "add",
            "decision",
            "Killed the legacy export",
            "--project",
            "one",
            "--reach",
            "org",
        ])
        .run()
        .ok();
    assert!(
        served
            .get("/map")
            .text()
            .contains("Killed the legacy export")
    );
}

#[test]
fn serve_shared_pages_never_show_private_text() {
    let (_dir, log) = new_log();
    let served = serve(&log);
    for page in SHARED.iter().filter(|p| **p != "/packet.pdf") {
        let text = served.get(page).text().to_lowercase();
        assert!(!text.contains(CANARY), "{page} shows private text");
        assert!(
            !text.contains("private moment"),
            "{page} says private moments exist"
        );
    }
    // The owner's commitments page lists the private commitment, marked for them alone.
    let own = served.get("/commitments").text();
    assert!(own.contains("For you only"), "{own}");
}

#[test]
fn serve_keeps_every_moment_of_20_form_posts_and_20_promo_adds_at_once() {
    let (_dir, log) = new_log();
    let served = serve(&log);
    let csrf = served.csrf();
    let started = Instant::now();
    std::thread::scope(|scope| {
        for n in 0..20 {
            let (served, csrf) = (&served, &csrf);
            scope.spawn(move || {
                let reply = served.post(
                    "/moments",
                    csrf,
                    &format!("tag=decision&project=one&reach=team&what=Chose+form+plan+{n}"),
                );
                assert_eq!(reply.status, 303, "post {n}: {}", reply.text());
            });
        }
        for n in 0..20 {
            let log = &log;
            scope.spawn(move || {
                promo()
                    .log(log)
                    .args([
                        "add",
                        "decision",
                        &format!("Chose cli plan {n}"),
                        "--project",
                        "two",
                        "--reach",
                        "team",
                    ])
                    .run()
                    .ok();
            });
        }
    });
    assert!(
        started.elapsed() < Duration::from_secs(300),
        "took {:?}",
        started.elapsed()
    );
    let text = std::fs::read_to_string(&log).expect("log");
    for n in 0..20 {
        assert!(
            text.contains(&format!("\"Chose form plan {n}\"")),
            "form {n} lost"
        );
        assert!(
            text.contains(&format!("\"Chose cli plan {n}\"")),
            "cli {n} lost"
        );
    }
    promo().log(&log).args(["check"]).run().ok();
}

/// Chromium, as the browser test finds it.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("PROMO_CHROMIUM").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser", "google-chrome"].map(|n| dir.join(n)))
        .find(|candidate| candidate.is_file())
}

/// Runs headless Chromium with `args` on `url`, killed after 120 s; returns stdout.
fn chromium_run(browser: &Path, profile: &Path, args: &[String], url: &str) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout.read_to_string(&mut text);
        text
    });
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().expect("chromium stdout")
}

#[test]
fn serve_a_moment_logged_through_the_form_shows_in_chromiums_map() {
    let Some(browser) = chromium() else {
        if std::env::var_os("PROMO_REQUIRE_CHROMIUM").is_some_and(|v| v == "1") {
            panic!("PROMO_REQUIRE_CHROMIUM=1 but chromium is not installed");
        }
        eprintln!("skipped: chromium is not installed");
        return;
    };
    let (dir, log) = new_log();
    let served = serve(&log);
    let csrf = served.csrf();
    let reply = served.post(
        "/moments",
        &csrf,
        "tag=decision&project=two&reach=company&what=Chose+the+kingfisher+rollout&impact=Churn+down+4%25",
    );
    assert_eq!(reply.status, 303, "{}", reply.text());
    let url = format!(
        "http://127.0.0.1:{}/map?token={}",
        served.port, served.token
    );
    let profile = dir.path().join("profile");
    let dom = chromium_run(&browser, &profile, &["--dump-dom".to_string()], &url);
    assert!(dom.contains("Chose the kingfisher rollout"), "{dom}");
    assert!(
        !dom.to_lowercase().contains(CANARY),
        "the map shows private text"
    );
    let shot = dir.path().join("map.png");
    let blank = dir.path().join("blank.png");
    let size = "--window-size=900,700".to_string();
    chromium_run(
        &browser,
        &profile,
        &[format!("--screenshot={}", shot.display()), size.clone()],
        &url,
    );
    chromium_run(
        &browser,
        &profile,
        &[format!("--screenshot={}", blank.display()), size],
        "about:blank",
    );
    let shot = std::fs::read(&shot).expect("a screenshot of the map");
    let blank = std::fs::read(&blank).expect("a screenshot of a blank page");
    assert!(shot.starts_with(b"\x89PNG"), "not a PNG");
    // Text and tables compress far worse than a blank page of the same size.
    assert!(
        shot.len() > blank.len() * 4,
        "map {} bytes, blank {} bytes",
        shot.len(),
        blank.len()
    );
}
