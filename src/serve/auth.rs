//! Who may ask: the per-run token (URL, cookie or header), the `Host` a request names
//! (no DNS rebinding), the origin of a write, and the CSRF token a form carries.

use std::io::Read;

/// The cookie the token is kept in after the first visit.
pub const COOKIE: &str = "promo_session";

/// The header a script or `curl` may send the token in (besides `Authorization: Bearer`).
pub const TOKEN_HEADER: &str = "X-Promo-Token";

/// The form field that carries the CSRF token.
pub const CSRF_FIELD: &str = "csrf";

/// The run's secrets, random from the operating system each time `promo serve` starts.
#[derive(Clone, Debug)]
pub struct Secrets {
    /// The session token: in the printed URL, then in an HttpOnly cookie.
    pub token: String,
    /// The CSRF token: a hidden field of every form of this session.
    pub csrf: String,
}

impl Secrets {
    /// Two fresh 256-bit tokens read from `/dev/urandom`.
    pub fn generate() -> std::io::Result<Self> {
        Ok(Self {
            token: random_hex()?,
            csrf: random_hex()?,
        })
    }
}

/// 32 random bytes from the operating system, as 64 hex digits.
fn random_hex() -> std::io::Result<String> {
    let mut bytes = [0u8; 32];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same(given: &str, secret: &str) -> bool {
    let (a, b) = (given.as_bytes(), secret.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The origins the page is served from: `http://127.0.0.1:PORT` and `http://localhost:PORT`.
pub fn origins(port: u16) -> [String; 2] {
    [
        format!("http://127.0.0.1:{port}"),
        format!("http://localhost:{port}"),
    ]
}

/// Whether the `Host` header names this server exactly; anything else (a rebound DNS
/// name, another port, none) is refused.
pub fn host_ok(host: Option<&str>, port: u16) -> bool {
    host.is_some_and(|host| {
        host == format!("127.0.0.1:{port}") || host == format!("localhost:{port}")
    })
}

/// Whether a write comes from the page itself: `Origin` and `Referer`, when sent, must
/// be this server's origin.
pub fn origin_ok(origin: Option<&str>, referer: Option<&str>, port: u16) -> bool {
    let ours = origins(port);
    let origin_fine = origin.is_none_or(|o| ours.iter().any(|ours| o == ours));
    let referer_fine = referer.is_none_or(|r| {
        ours.iter().any(|ours| {
            r.strip_prefix(ours.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
        })
    });
    origin_fine && referer_fine
}

/// What a request showed of the token.
#[derive(Clone, Copy, Debug, Default)]
pub struct Presented<'a> {
    /// `?token=` in the URL (the printed link).
    pub query: Option<&'a str>,
    /// The `Cookie` header.
    pub cookie: Option<&'a str>,
    /// The `Authorization` header.
    pub authorization: Option<&'a str>,
    /// The `X-Promo-Token` header.
    pub header: Option<&'a str>,
}

/// Whether a request may be answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// The token came in the URL: answer and set the cookie.
    GrantedSetCookie,
    /// The token came in the cookie or a header.
    Granted,
    /// No token, or a wrong one.
    Denied,
}

/// Checks the token wherever the request carries it.
pub fn access(presented: &Presented, secrets: &Secrets) -> Access {
    let ok = |value: Option<&str>| value.is_some_and(|v| same(v.trim(), &secrets.token));
    if ok(presented.query) {
        return Access::GrantedSetCookie;
    }
    let from_cookie = presented.cookie.and_then(|header| {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == COOKIE)
            .map(|(_, value)| value)
    });
    let bearer = presented
        .authorization
        .and_then(|a| a.trim().strip_prefix("Bearer "));
    if ok(from_cookie) || ok(bearer) || ok(presented.header) {
        Access::Granted
    } else {
        Access::Denied
    }
}

/// The `Set-Cookie` value that keeps the token for the session: not readable by
/// scripts, never sent by another site.
pub fn cookie(secrets: &Secrets) -> String {
    format!(
        "{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/",
        secrets.token
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secrets() -> Secrets {
        Secrets {
            token: "t0k".into(),
            csrf: "c5rf".into(),
        }
    }

    #[test]
    fn the_token_is_accepted_from_the_url_the_cookie_or_a_header_and_nothing_else() {
        let s = secrets();
        let with = |p: Presented| access(&p, &s);
        assert_eq!(
            with(Presented {
                query: Some("t0k"),
                ..Default::default()
            }),
            Access::GrantedSetCookie
        );
        assert_eq!(
            with(Presented {
                cookie: Some("a=b; promo_session=t0k"),
                ..Default::default()
            }),
            Access::Granted
        );
        assert_eq!(
            with(Presented {
                authorization: Some("Bearer t0k"),
                ..Default::default()
            }),
            Access::Granted
        );
        assert_eq!(
            with(Presented {
                header: Some("t0k"),
                ..Default::default()
            }),
            Access::Granted
        );
        assert_eq!(with(Presented::default()), Access::Denied);
        assert_eq!(
            with(Presented {
                cookie: Some("promo_session=t0"),
                query: Some("x"),
                ..Default::default()
            }),
            Access::Denied
        );
    }

    #[test]
    fn host_and_origin_must_be_this_server() {
        assert!(host_ok(Some("127.0.0.1:8080"), 8080));
        assert!(host_ok(Some("localhost:8080"), 8080));
        assert!(!host_ok(Some("evil.example:8080"), 8080));
        assert!(!host_ok(Some("127.0.0.1:8081"), 8080));
        assert!(!host_ok(None, 8080));
        assert!(origin_ok(None, None, 80));
        assert!(origin_ok(
            Some("http://127.0.0.1:80"),
            Some("http://127.0.0.1:80/"),
            80
        ));
        assert!(!origin_ok(Some("http://evil.example"), None, 80));
        assert!(!origin_ok(
            None,
            Some("http://127.0.0.1:80.evil.example/"),
            80
        ));
        assert!(!origin_ok(Some("null"), None, 80));
    }

    #[test]
    fn secrets_are_long_and_differ() {
        let a = Secrets::generate().expect("urandom");
        let b = Secrets::generate().expect("urandom");
        assert_eq!(a.token.len(), 64);
        assert_ne!(a.token, b.token);
        assert_ne!(a.token, a.csrf);
    }
}
