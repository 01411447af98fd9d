//! The server: listens on loopback only, answers each request on a small pool of
//! threads, and puts the same security headers on every answer.

use std::io::Read;

use base64::Engine;
use sha2::{Digest, Sha256};
use tiny_http::{Header, Request, Response, Server};

use super::Writes;
use super::auth::{self, Access, Presented, Secrets};
use super::forms::{self, Form};
use super::pages::{self, HomeState};
use super::routes::{Route, route};
use crate::error::Error;
use crate::settings::Settings;

/// Requests answered at once: enough for a browser's parallel fetches; the writes
/// themselves queue on the log's lock.
const WORKERS: usize = 4;

/// The only address `promo serve` listens on.
pub const LOOPBACK: &str = "127.0.0.1";

/// A server bound to loopback, not yet answering.
pub struct Listening {
    server: Server,
    /// The port it listens on (the one picked when 0 was asked for).
    pub port: u16,
}

/// Binds `127.0.0.1:port` (0 picks a free port). Any other address is refused: the
/// page can change the log, so it is never reachable from another machine.
pub fn bind(address: &str, port: u16) -> Result<Listening, Error> {
    if address != LOOPBACK && address != "localhost" {
        return Err(Error::Usage(format!(
            "`promo serve` listens on {LOOPBACK} only, not `{address}`: the page can change your log, so it is never reachable from another machine"
        )));
    }
    let failed = |cause: String| Error::Serve {
        address: format!("{LOOPBACK}:{port}"),
        cause,
    };
    let server = Server::http((LOOPBACK, port)).map_err(|e| failed(e.to_string()))?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .ok_or_else(|| failed("no TCP address".to_string()))?;
    Ok(Listening { server, port })
}

impl Listening {
    /// The URL to open: it carries the token once, which then lives in a cookie.
    pub fn url(&self, secrets: &Secrets) -> String {
        format!("http://{LOOPBACK}:{}/?token={}", self.port, secrets.token)
    }

    /// Answers requests until the process ends.
    pub fn run(&self, settings: &Settings, secrets: &Secrets, writes: &dyn Writes) {
        let site = Site {
            port: self.port,
            settings,
            secrets,
            writes,
        };
        std::thread::scope(|scope| {
            for _ in 0..WORKERS {
                scope.spawn(|| {
                    while let Ok(request) = self.server.recv() {
                        site.answer(request);
                    }
                });
            }
        });
    }
}

/// What answering a request needs.
struct Site<'a> {
    port: u16,
    settings: &'a Settings,
    secrets: &'a Secrets,
    writes: &'a dyn Writes,
}

/// An answer before the security headers are added.
struct Answer {
    status: u16,
    body: Vec<u8>,
    content_type: &'static str,
    location: Option<String>,
    set_cookie: bool,
}

impl Answer {
    fn text(status: u16, message: &str) -> Self {
        Self {
            status,
            body: format!("{message}\n").into_bytes(),
            content_type: "text/plain; charset=utf-8",
            location: None,
            set_cookie: false,
        }
    }

    fn page(status: u16, body: pages::Body) -> Self {
        Self {
            status,
            body: body.bytes,
            content_type: body.content_type,
            location: None,
            set_cookie: false,
        }
    }

    fn see_other(location: String) -> Self {
        Self {
            status: 303,
            body: Vec::new(),
            content_type: "text/plain; charset=utf-8",
            location: Some(location),
            set_cookie: false,
        }
    }
}

fn header<'r>(request: &'r Request, name: &'static str) -> Option<&'r str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

impl Site<'_> {
    fn answer(&self, mut request: Request) {
        let answer = self.decide(&mut request);
        let _ = request.respond(self.response(answer));
    }

    fn decide(&self, request: &mut Request) -> Answer {
        if !auth::host_ok(header(request, "Host"), self.port) {
            return Answer::text(
                403,
                "refused: the Host header must be 127.0.0.1:PORT or localhost:PORT",
            );
        }
        let url = request.url().to_string();
        let (path, query) = url.split_once('?').unwrap_or((url.as_str(), ""));
        let query = Form::parse(query);
        let access = auth::access(
            &Presented {
                query: query.get("token"),
                cookie: header(request, "Cookie"),
                authorization: header(request, "Authorization"),
                header: header(request, auth::TOKEN_HEADER),
            },
            self.secrets,
        );
        if access == Access::Denied {
            return Answer::text(
                401,
                "this page needs the token: open the URL `promo serve` printed",
            );
        }
        let method = request.method().as_str().to_string();
        let mut answer = match route(&method, path) {
            Route::Page(page) => {
                let state = HomeState {
                    saved: query.get("saved").map(str::to_string),
                    ..HomeState::default()
                };
                self.page(page, 200, &state)
            }
            Route::NotFound => Answer::text(404, "no such page"),
            Route::WrongMethod => Answer::text(405, "method not allowed"),
            write => self.write(request, &write),
        };
        answer.set_cookie = access == Access::GrantedSetCookie;
        answer
    }

    fn page(&self, page: super::routes::Page, status: u16, state: &HomeState) -> Answer {
        match pages::render_page(page, self.settings, &self.secrets.csrf, state) {
            Ok(body) => Answer::page(status, body),
            Err(error) => {
                let mut text = crate::error_chain(&error);
                if let Some(details) = error.details() {
                    text = format!("{details}\n{text}");
                }
                Answer::text(500, &format!("error: {text}"))
            }
        }
    }

    fn write(&self, request: &mut Request, route: &Route) -> Answer {
        if !auth::origin_ok(
            header(request, "Origin"),
            header(request, "Referer"),
            self.port,
        ) {
            return Answer::text(403, "refused: a write must come from this page");
        }
        let content_type = header(request, "Content-Type").unwrap_or_default();
        if !content_type.starts_with("application/x-www-form-urlencoded") {
            return Answer::text(415, "a write takes an HTML form (urlencoded)");
        }
        let mut body = Vec::new();
        let read = request
            .as_reader()
            .take(forms::MAX_BODY as u64 + 1)
            .read_to_end(&mut body);
        if read.is_err() || body.len() > forms::MAX_BODY {
            return Answer::text(413, "the form is too large");
        }
        let form = Form::parse(&String::from_utf8_lossy(&body));
        if !form
            .get(auth::CSRF_FIELD)
            .is_some_and(|t| auth::same(t, &self.secrets.csrf))
        {
            return Answer::text(403, "refused: the form lacks this session's CSRF token");
        }
        let (which, done) = match route {
            Route::AddMoment => (
                "add",
                forms::add_args(&form).map(|args| {
                    self.writes
                        .add(&args)
                        .map(|id| format!("added {}", id.trim()))
                }),
            ),
            Route::Amend(id) => (
                "amend",
                forms::amend_args(id, &form).map(|args| self.writes.amend(&args)),
            ),
            Route::SetStatus(id, status) => (
                "status",
                Ok(self
                    .writes
                    .set_status(&crate::cli::StatusArgs { id: id.clone() }, *status)),
            ),
            _ => return Answer::text(404, "no such page"),
        };
        let refused = |errors| {
            let state = HomeState::refused(which, &form, errors);
            self.page(super::routes::Page::Home, 422, &state)
        };
        match done {
            Err(errors) => refused(errors),
            Ok(Err(error)) => refused(vec![forms::place(&error)]),
            Ok(Ok(saved)) => Answer::see_other(format!(
                "/?saved={}",
                forms::percent_encode(saved.lines().next().unwrap_or_default().trim())
            )),
        }
    }

    /// The answer with the headers every response carries: a strict CSP (styles only
    /// by the hash of the page's own `<style>` blocks), no sniffing, no referrer, no
    /// framing, no caching; never a CORS header.
    fn response(&self, answer: Answer) -> Response<std::io::Cursor<Vec<u8>>> {
        let csp = format!(
            "default-src 'none'; style-src {}; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            style_hashes(&answer.body)
        );
        let mut headers = vec![
            ("Content-Type", answer.content_type.to_string()),
            ("Content-Security-Policy", csp),
            ("X-Content-Type-Options", "nosniff".to_string()),
            ("Referrer-Policy", "no-referrer".to_string()),
            ("X-Frame-Options", "DENY".to_string()),
            ("Cache-Control", "no-store".to_string()),
        ];
        if let Some(location) = answer.location {
            headers.push(("Location", location));
        }
        if answer.set_cookie {
            headers.push(("Set-Cookie", auth::cookie(self.secrets)));
        }
        let mut response = Response::from_data(answer.body).with_status_code(answer.status);
        for (name, value) in headers {
            if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                response = response.with_header(header);
            }
        }
        response
    }
}

/// `'sha256-…'` for each `<style>` block of an HTML page (`'none'` when it has none).
fn style_hashes(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut hashes = Vec::new();
    let mut rest = text.as_ref();
    while let Some(start) = rest.find("<style>") {
        let after = &rest[start + "<style>".len()..];
        let Some(end) = after.find("</style>") else {
            break;
        };
        let digest = Sha256::digest(&after.as_bytes()[..end]);
        hashes.push(format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        ));
        rest = &after[end..];
    }
    if hashes.is_empty() {
        "'none'".to_string()
    } else {
        hashes.join(" ")
    }
}
