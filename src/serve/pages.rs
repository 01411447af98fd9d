//! The pages: each report rendered from the same context and HTML template as the
//! CLI's `--format html`, with the page's navigation added, and the home page with the
//! forms. Every request reads the log afresh, so an edit made in a text editor or by
//! `promo add` shows on the next reload.

use std::collections::BTreeMap;

use serde::Serialize;

use super::forms::{FieldError, Form, percent_encode};
use super::routes::Page;
use crate::error::Error;
use crate::paper::Paper;
use crate::render::templates::Templates;
use crate::render::{self, Format, Report};
use crate::report::agenda::{Agenda, Request};
use crate::report::case::Case;
use crate::report::map::MapReport;
use crate::report::objections::ObjectionsReport;
use crate::report::packet::Packet;
use crate::report::premortem::Premortem;
use crate::report::restate::RestateReport;
use crate::report::{commitments, health, recap};
use crate::settings::Settings;

/// The home page's template (`templates/serve/home.html`).
pub const HOME: &str = "serve_home.html";

/// The words the restatement page is cut to, as `promo restate` does by default.
const RESTATE_WORDS: usize = 150;

/// A rendered page: its bytes and their media type.
pub struct Body {
    /// The bytes.
    pub bytes: Vec<u8>,
    /// The `Content-Type`.
    pub content_type: &'static str,
}

/// What the home page shows besides the log: a refused form, or what was just saved.
#[derive(Debug, Default, Serialize)]
pub struct HomeState {
    /// The form that was refused: `add`, `amend` or `status`.
    pub failed: Option<String>,
    /// Its problems, each naming its field.
    pub errors: Vec<FieldError>,
    /// The values it was sent with, to fill it again.
    pub values: std::collections::BTreeMap<String, String>,
    /// A line saying what was saved (the new moment's id, a status changed).
    pub saved: Option<String>,
}

impl HomeState {
    /// The state after `form` named `which` was refused with `errors`.
    pub fn refused(which: &str, form: &Form, errors: Vec<FieldError>) -> Self {
        Self {
            failed: Some(which.to_string()),
            errors,
            values: form.values(),
            saved: None,
        }
    }
}

#[derive(Serialize)]
struct Link {
    path: &'static str,
    label: &'static str,
}

#[derive(Serialize)]
struct ProjectItem<'a> {
    key: &'a str,
    name: &'a str,
}

/// A value with its id escaped for a URL path (`/moments/<path>`).
#[derive(Serialize)]
struct Addressed<T> {
    path: String,
    item: T,
}

#[derive(Serialize)]
struct HomeContext<'a> {
    owner: &'a str,
    csrf: &'a str,
    links: Vec<Link>,
    projects: Vec<ProjectItem<'a>>,
    moments: Vec<Addressed<&'a str>>,
    commitments: Vec<Addressed<commitments::Row>>,
    saved: Option<&'a str>,
    /// Every field's value as sent (empty when none), so the template need not test.
    values: BTreeMap<String, String>,
    /// Every field's problems, keyed `<form>_<field>` (`add_what`, `amend_form`).
    errors: BTreeMap<String, Vec<String>>,
}

/// The form fields the home page has.
const FIELDS: [&str; 12] = [
    "tag",
    "project",
    "reach",
    "what",
    "impact",
    "witnesses",
    "quotes",
    "commitments",
    "date",
    "private",
    "id",
    "form",
];

/// A page's label in the navigation.
fn label(page: Page) -> &'static str {
    match page {
        Page::Home => "Home",
        Page::Map => "Evidence map",
        Page::Objections => "Objections",
        Page::Packet => "Packet",
        Page::PacketPdf => "Packet (PDF)",
        Page::Premortem => "Pre-mortem",
        Page::Restate => "Restatement",
        Page::Agenda => "Agenda",
        Page::Recap => "Recap",
        Page::Commitments => "Commitments",
        Page::Health => "1:1 health",
    }
}

fn links() -> Vec<Link> {
    Page::ALL
        .iter()
        .map(|(page, path)| Link {
            path,
            label: label(*page),
        })
        .collect()
}

/// Renders `page` for the log the settings name.
pub fn render_page(
    page: Page,
    settings: &Settings,
    csrf: &str,
    state: &HomeState,
) -> Result<Body, Error> {
    let path = match settings.logs.as_slice() {
        [one] => one,
        _ => {
            return Err(Error::Usage("`promo serve` takes one log".to_string()));
        }
    };
    let templates = Templates::load(settings.templates.as_deref())?;
    let case = Case::open(path, settings)?;
    let html = |report: &dyn Fn(&Templates) -> Result<Vec<u8>, Error>| -> Result<Body, Error> {
        let bytes = report(&templates)?;
        Ok(Body {
            bytes: with_navigation(&bytes, page),
            content_type: "text/html; charset=utf-8",
        })
    };
    let paper = settings.paper;
    match page {
        Page::Home => {
            let context = home(&case, csrf, state);
            let text = templates.render(HOME, &context)?;
            Ok(Body {
                bytes: with_navigation(text.as_bytes(), page),
                content_type: "text/html; charset=utf-8",
            })
        }
        Page::Map => html(&|t| as_html(t, paper, &MapReport::build(&case, settings.width, false))),
        Page::Objections => html(&|t| as_html(t, paper, &ObjectionsReport::build(&case)?)),
        Page::Packet => html(&|t| as_html(t, paper, &packet(&case, paper)?)),
        Page::PacketPdf => {
            if let Some(font) = &settings.font {
                render::pdf::set_font_file(font).map_err(|e| Error::Pdf(e.to_string()))?;
            }
            let bytes = render::renderer(Format::Pdf, &templates, paper)
                .render(&packet(&case, paper)?)?
                .bytes;
            Ok(Body {
                bytes,
                content_type: "application/pdf",
            })
        }
        Page::Premortem => {
            html(&|t| as_html(t, paper, &Premortem::of(&case, case.log.target.submission)?))
        }
        Page::Restate => {
            html(&|t| as_html(t, paper, &RestateReport::build(settings, RESTATE_WORDS)?))
        }
        Page::Agenda => html(&|t| {
            let request = Request {
                date: None,
                decisions: &[],
                with_private: true,
            };
            as_html(t, paper, &Agenda::of_case(&case, &request)?)
        }),
        Page::Recap => html(&|t| as_html(t, paper, &recap::build(&case.log, case.today))),
        Page::Commitments => html(&|t| {
            as_html(
                t,
                paper,
                &commitments::build(&case.log, case.today, true, false),
            )
        }),
        Page::Health => html(&|t| as_html(t, paper, &health::build(&case.log, case.today))),
    }
}

/// The packet fitted to one printed page, as `promo packet` does.
fn packet(case: &Case, paper: Paper) -> Result<Packet, Error> {
    let mut packet = Packet::of(case)?;
    packet.fit_print(paper == Paper::A4);
    Ok(packet)
}

fn as_html<R: Report>(templates: &Templates, paper: Paper, report: &R) -> Result<Vec<u8>, Error> {
    Ok(render::renderer(Format::Html, templates, paper)
        .render(report)?
        .bytes)
}

fn home<'a>(case: &'a Case, csrf: &'a str, state: &'a HomeState) -> HomeContext<'a> {
    let open = commitments::build(&case.log, case.today, true, true);
    HomeContext {
        owner: &case.log.owner.name,
        csrf,
        links: links(),
        projects: case
            .log
            .projects
            .iter()
            .map(|(key, p)| ProjectItem {
                key: key.as_str(),
                name: p.name.as_str(),
            })
            .collect(),
        moments: case
            .log
            .moments
            .iter()
            .map(|m| Addressed {
                path: percent_encode(&m.id),
                item: m.id.as_str(),
            })
            .collect(),
        commitments: open
            .commitments
            .into_iter()
            .map(|row| Addressed {
                path: percent_encode(&row.id),
                item: row,
            })
            .collect(),
        saved: state.saved.as_deref(),
        values: FIELDS
            .iter()
            .map(|f| {
                (
                    (*f).to_string(),
                    state.values.get(*f).cloned().unwrap_or_default(),
                )
            })
            .collect(),
        errors: errors_by_field(state),
    }
}

/// The report's page with the navigation put first in its body: links to every page,
/// and whether the page may be shared or is the owner's alone.
fn with_navigation(html: &[u8], page: Page) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let mut nav = String::from("\n<nav aria-label=\"promo pages\"><p>");
    for link in links() {
        nav.push_str(&format!("<a href=\"{}\">{}</a> · ", link.path, link.label));
    }
    nav.truncate(nav.len() - " · ".len());
    nav.push_str("</p><p><strong>");
    nav.push_str(if page.is_shared() {
        "Shareable page: fit to show your manager or the committee."
    } else {
        "For you only: this page can show your private moments and commitments."
    });
    nav.push_str("</strong></p></nav>\n");
    match text.find("<body>") {
        Some(at) => {
            let at = at + "<body>".len();
            format!("{}{nav}{}", &text[..at], &text[at..]).into_bytes()
        }
        None => format!("{nav}{text}").into_bytes(),
    }
}

/// The problems of the refused form by `<form>_<field>`; every key present.
fn errors_by_field(state: &HomeState) -> BTreeMap<String, Vec<String>> {
    let mut errors: BTreeMap<String, Vec<String>> = ["add", "amend", "status"]
        .iter()
        .flat_map(|form| {
            FIELDS
                .iter()
                .map(move |f| (format!("{form}_{f}"), Vec::new()))
        })
        .collect();
    if let Some(form) = &state.failed {
        for error in &state.errors {
            let field = if error.field.is_empty() || !FIELDS.contains(&error.field.as_str()) {
                "form"
            } else {
                error.field.as_str()
            };
            errors
                .entry(format!("{form}_{field}"))
                .or_default()
                .push(error.message.clone());
        }
    }
    errors
}
