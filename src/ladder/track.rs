//! The built-in tracks — product management, engineering IC, engineering management
//! and design — and how a log picks one: its `target.track`, else the owner's role,
//! else the first track that has the target level, else `pm`.

use crate::error::Error;
use crate::suggest::did_you_mean;

/// A built-in ladder track, embedded from `templates/ladders/<id>.ron`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Track {
    /// What `target.track` and `--track` name it by.
    pub id: &'static str,
    /// The name people read.
    pub title: &'static str,
    /// The ladder as RON text.
    pub text: &'static str,
    /// Where its text lives in the source tree, for diagnostics.
    pub path: &'static str,
}

/// A built-in track: its ladder is `templates/ladders/<id>.ron`, embedded in the binary.
macro_rules! track {
    ($id:literal, $title:literal) => {
        Track {
            id: $id,
            title: $title,
            text: include_str!(concat!("../../templates/ladders/", $id, ".ron")),
            path: concat!("templates/ladders/", $id, ".ron"),
        }
    };
}

/// Every built-in track, in the order a level is looked for when nothing names one.
pub const TRACKS: [Track; 4] = [
    track!("pm", "Product management"),
    track!("eng", "Engineering (individual contributor)"),
    track!("em", "Engineering management"),
    track!("design", "Design"),
];

/// The track used when nothing else decides.
pub const DEFAULT: &str = "pm";

/// The built-in track with this id (case-insensitive), or an error suggesting the nearest.
pub fn named(id: &str) -> Result<&'static Track, Error> {
    let wanted = id.trim().to_lowercase();
    TRACKS
        .iter()
        .find(|t| t.id == wanted)
        .ok_or_else(|| Error::UnknownTrack {
            track: id.to_string(),
            known: TRACKS.iter().map(|t| t.id.to_string()).collect(),
            suggestion: did_you_mean(&wanted, TRACKS.iter().map(|t| t.id)).map(str::to_string),
        })
}

/// The track a job title points to, if any: managers of engineers first (an
/// "Engineering Manager" is not an engineer's case), then designers, engineers and
/// product managers.
pub fn of_role(role: &str) -> Option<&'static str> {
    let role = role.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| role.contains(w));
    let manages = has(&["manager", "director", "head of", "vp", "lead"]) && !has(&["product"]);
    if has(&["engineering", "software", "development", "platform"]) && manages {
        Some("em")
    } else if has(&["design", "ux", "ui "]) {
        Some("design")
    } else if has(&[
        "engineer",
        "developer",
        "sre",
        "programmer",
        "architect",
        "scientist",
    ]) {
        Some("eng")
    } else if has(&["product"]) {
        Some("pm")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_point_to_tracks() {
        assert_eq!(of_role("Product Manager"), Some("pm"));
        assert_eq!(of_role("Senior Product Manager"), Some("pm"));
        assert_eq!(of_role("Senior Software Engineer"), Some("eng"));
        assert_eq!(of_role("Engineering Manager"), Some("em"));
        assert_eq!(of_role("Director of Engineering"), Some("em"));
        assert_eq!(of_role("Product Designer"), Some("design"));
        assert_eq!(of_role("UX Researcher"), Some("design"));
        assert_eq!(of_role("Chef"), None);
    }

    #[test]
    fn tracks_are_found_by_id_and_typos_suggested() {
        assert_eq!(named("EM").map(|t| t.id).ok(), Some("em"));
        let message = named("desgin").expect_err("typo").to_string();
        assert_eq!(
            message,
            "unknown track `desgin`: the built-in tracks are `pm`, `eng`, `em`, `design`; did you mean `design`?"
        );
    }
}
