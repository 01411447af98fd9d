//! What a request asks for: a page, or one of the writes, named by method and path.

use crate::log::Status;

/// A page the server renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// `/`: links, the forms to log and amend a moment, the open commitments.
    Home,
    /// `/map`: the evidence map.
    Map,
    /// `/objections`.
    Objections,
    /// `/packet`: the packet as HTML.
    Packet,
    /// `/packet.pdf`.
    PacketPdf,
    /// `/premortem`.
    Premortem,
    /// `/restate`.
    Restate,
    /// `/agenda`: the next 1:1's agenda, private commitments included.
    Agenda,
    /// `/recap`: today's recap.
    Recap,
    /// `/commitments`: every commitment, private ones included.
    Commitments,
    /// `/health`: the 1:1 series, outcomes and the manager's follow-through.
    Health,
}

impl Page {
    /// Every page with its path, in the order the navigation lists them.
    pub const ALL: [(Page, &'static str); 11] = [
        (Page::Home, "/"),
        (Page::Map, "/map"),
        (Page::Objections, "/objections"),
        (Page::Packet, "/packet"),
        (Page::PacketPdf, "/packet.pdf"),
        (Page::Premortem, "/premortem"),
        (Page::Restate, "/restate"),
        (Page::Agenda, "/agenda"),
        (Page::Recap, "/recap"),
        (Page::Commitments, "/commitments"),
        (Page::Health, "/health"),
    ];

    /// Whether the page is one a person shares (packet, map, objections,
    /// restatement): it never shows private text. The others are the owner's own
    /// and are marked "for you only".
    pub fn is_shared(self) -> bool {
        matches!(
            self,
            Page::Map | Page::Objections | Page::Packet | Page::PacketPdf | Page::Restate
        )
    }
}

/// What a request asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `GET` a page.
    Page(Page),
    /// `POST /moments`: a new moment.
    AddMoment,
    /// `POST /moments/ID`: amend moment ID.
    Amend(String),
    /// `POST /commitments/ID/done` or `/broken`.
    SetStatus(String, Status),
    /// A path the server does not have.
    NotFound,
    /// A path it has, with another method.
    WrongMethod,
}

/// Names the route of `method` on `path` (the path without its query).
pub fn route(method: &str, path: &str) -> Route {
    let page = Page::ALL
        .iter()
        .find(|(_, p)| *p == path)
        .map(|(page, _)| *page);
    match (method, page) {
        ("GET" | "HEAD", Some(page)) => return Route::Page(page),
        (_, Some(_)) => return Route::WrongMethod,
        _ => {}
    }
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let write = match segments.as_slice() {
        ["moments"] => Route::AddMoment,
        ["moments", id] if !id.is_empty() => Route::Amend(decode_segment(id)),
        ["commitments", id, "done"] if !id.is_empty() => {
            Route::SetStatus(decode_segment(id), Status::Held)
        }
        ["commitments", id, "broken"] if !id.is_empty() => {
            Route::SetStatus(decode_segment(id), Status::Broken)
        }
        _ => return Route::NotFound,
    };
    if method == "POST" {
        write
    } else {
        Route::WrongMethod
    }
}

/// A path segment with its percent escapes decoded (`2026-03-02%231` → `2026-03-02#1`).
fn decode_segment(segment: &str) -> String {
    super::forms::percent_decode(segment, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_pages_and_writes() {
        assert_eq!(route("GET", "/"), Route::Page(Page::Home));
        assert_eq!(route("GET", "/packet.pdf"), Route::Page(Page::PacketPdf));
        assert_eq!(route("POST", "/map"), Route::WrongMethod);
        assert_eq!(route("POST", "/moments"), Route::AddMoment);
        assert_eq!(route("GET", "/moments"), Route::WrongMethod);
        assert_eq!(
            route("POST", "/moments/2026-03-02%231"),
            Route::Amend("2026-03-02#1".into())
        );
        assert_eq!(
            route("POST", "/commitments/m1.2/broken"),
            Route::SetStatus("m1.2".into(), Status::Broken)
        );
        assert_eq!(route("POST", "/commitments/m1/lost"), Route::NotFound);
        assert_eq!(route("GET", "/etc/passwd"), Route::NotFound);
    }
}
