//! The level ladder: what a case for each level is expected to show.
//!
//! The level ladder: what a promotion case to each level is expected to show — the
//! reach of its top examples, its share of decision and leverage evidence, and the
//! competencies of the company's progression framework with their criteria per level —
//! so the objections can hold a log up against the level it is going for.
//!
//! Four tracks are built in (`pm`, `eng`, `em`, `design`, from `templates/ladders/`);
//! a log picks one by its `target.track`, else its owner's role ([`track`]).
//! `--ladder FILE` replaces them. The format is documented in `docs/ladder.md`; a
//! framework's Markdown + YAML file becomes a ladder file with `promo ladder import`.

pub mod cite;
mod competency;
pub mod import;
mod level;
mod parse;
pub mod track;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::Error;
use crate::log::Log;
use crate::log::problem::Problem;
use crate::source::Source;
use crate::suggest::did_you_mean;

pub use competency::{Competency, Expected};
pub use level::Level;
pub use track::Track;

/// The default (`pm`) built-in ladder as RON text, for writing out and editing.
pub const BUILTIN: &str = track::TRACKS[0].text;

/// The name the default built-in ladder's diagnostics carry, should it ever fail to parse.
pub const BUILTIN_NAME: &str = track::TRACKS[0].path;

/// A level ladder, lowest level first, with the competencies it judges. Only parsing
/// builds one, so its ids, aliases and competency names are unique (case-insensitively),
/// its shares are percents and every criterion names one of its levels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ladder {
    /// The track's id (`pm`, …), if the file names one.
    pub track: Option<String>,
    /// The track's name for people, if the file gives one.
    pub title: Option<String>,
    levels: Vec<Level>,
    competencies: Vec<Competency>,
    /// Whether growing people, and what reports say about it, counts as evidence.
    pub people_evidence: bool,
    #[serde(skip)]
    origin: Option<PathBuf>,
}

impl Ladder {
    /// The default built-in ladder (the `pm` track).
    pub fn builtin() -> Result<Self, Error> {
        Self::of_track(&track::TRACKS[0])
    }

    /// A built-in track's ladder.
    pub fn of_track(track: &Track) -> Result<Self, Error> {
        Self::parse(&Source::new(track.path, track.text.to_string()), None)
    }

    /// The ladder in a RON file.
    pub fn from_file(path: &Path) -> Result<Self, Error> {
        let bytes = crate::source::read_input(path)?;
        let text = String::from_utf8(bytes).map_err(|error| {
            Error::read(
                path,
                std::io::Error::new(std::io::ErrorKind::InvalidData, error.utf8_error()),
            )
        })?;
        Self::parse(&Source::new(path, text), Some(path.to_path_buf()))
    }

    /// The ladder at `path` if one is given (`--ladder`), else the default built-in one.
    pub fn load(path: Option<&Path>) -> Result<Self, Error> {
        match path {
            Some(path) => Self::from_file(path),
            None => Self::builtin(),
        }
    }

    /// The ladder `log` is judged on: the file at `path` if one is given (`--ladder`),
    /// else the built-in track [`track_for`] picks.
    pub fn for_log(path: Option<&Path>, log: &Log) -> Result<Self, Error> {
        match path {
            Some(path) => Self::from_file(path),
            None => Self::of_track(track_for(log)),
        }
    }

    /// Parses and checks a ladder's text; `origin` is its file (`None`: built in).
    /// Every problem is reported with its `path:line:col`.
    pub fn parse(source: &Source, origin: Option<PathBuf>) -> Result<Self, Error> {
        let parsed = parse::ladder(source)?;
        Ok(Self {
            track: parsed.track,
            title: parsed.title,
            levels: parsed.levels,
            competencies: parsed.competencies,
            people_evidence: parsed.people_evidence,
            origin,
        })
    }

    /// The levels, lowest first.
    pub fn levels(&self) -> &[Level] {
        &self.levels
    }

    /// The competencies, in file order.
    pub fn competencies(&self) -> &[Competency] {
        &self.competencies
    }

    /// The file this ladder came from, or `None` for a built-in one.
    pub fn origin(&self) -> Option<&Path> {
        self.origin.as_deref()
    }

    /// The level with this id or alias (case-insensitive), if any.
    pub fn get(&self, name: &str) -> Option<&Level> {
        self.levels.iter().find(|level| level.answers_to(name))
    }

    /// The level with this id or alias, or an error that lists the known levels and
    /// suggests the nearest name.
    pub fn find(&self, name: &str) -> Result<&Level, Error> {
        self.get(name).ok_or_else(|| Error::UnknownLevel {
            level: name.to_string(),
            ladder: self.origin.clone(),
            known: self.levels.iter().map(|l| l.id.clone()).collect(),
            names: self
                .levels
                .iter()
                .flat_map(|l| l.aliases.iter().cloned())
                .collect(),
            suggestion: suggest(name.trim(), &self.levels).map(str::to_string),
        })
    }

    /// The competency with this name (case-insensitive), if any.
    pub fn competency(&self, name: &str) -> Option<&Competency> {
        let name = name.trim();
        self.competencies
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name))
    }
}

/// The built-in track a log is judged on: its `target.track` if that names a built-in
/// track; else (no name, or an unknown one, which `check` warns about: [`unknown_track`])
/// the track its owner's role points to, if that track has the target level; else the
/// first track that has it; else `pm`.
pub fn track_for(log: &Log) -> &'static Track {
    if let Some(named) = log
        .target
        .track
        .as_deref()
        .and_then(|name| track::named(name).ok())
    {
        return named;
    }
    let has_level = |track: &&Track| {
        Ladder::of_track(track).is_ok_and(|ladder| ladder.get(&log.target.level).is_some())
    };
    let by_role = log
        .owner
        .role
        .as_deref()
        .and_then(track::of_role)
        .and_then(|id| track::TRACKS.iter().find(|t| t.id == id));
    by_role
        .filter(has_level)
        .or_else(|| track::TRACKS.iter().find(has_level))
        .or(by_role)
        .unwrap_or(&track::TRACKS[0])
}

/// The warning for a `target.track` that names no built-in track, with the nearest
/// name and the track [`track_for`] uses instead; `None` when the name is known or absent.
pub fn unknown_track(log: &Log) -> Option<Problem> {
    let name = log.target.track.as_deref()?;
    match track::named(name) {
        Err(Error::UnknownTrack {
            known, suggestion, ..
        }) => Some(Problem::UnknownTrack {
            name: name.to_string(),
            used: track_for(log).id.to_string(),
            suggestion,
            known,
        }),
        _ => None,
    }
}

/// The level a mistyped name most likely meant. A name like `L9` next to ids like
/// `L3`…`L8` means the nearest number (edit distance would call every rung equally
/// near); anything else goes to the usual nearest-name suggestion.
fn suggest<'a>(name: &str, levels: &'a [Level]) -> Option<&'a str> {
    let split = |text: &str| {
        let digits = text.len() - text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (prefix, number) = text.split_at(text.len() - digits);
        number
            .parse::<u64>()
            .ok()
            .map(|n| (prefix.to_lowercase(), n))
    };
    if let Some((prefix, wanted)) = split(name) {
        let nearest = levels
            .iter()
            .filter_map(|level| split(&level.id).map(|(p, n)| (p, n, level.id.as_str())))
            .filter(|(p, _, _)| *p == prefix)
            .min_by_key(|(_, n, _)| n.abs_diff(wanted));
        if let Some((_, _, id)) = nearest {
            return Some(id);
        }
    }
    did_you_mean(name, levels.iter().flat_map(Level::names))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::Reach;

    fn ladder(text: &str) -> Result<Ladder, Error> {
        Ladder::parse(
            &Source::new("custom.ron", text.to_string()),
            Some("custom.ron".into()),
        )
    }

    fn rendered(error: Error) -> String {
        match error {
            Error::InvalidLadder {
                rendered, count, ..
            } => format!("{count}\n{rendered}"),
            other => panic!("expected an invalid ladder, got {other:?}"),
        }
    }

    #[test]
    fn builtin_ladder_has_l3_to_l8_with_rising_expectations() {
        let ladder = Ladder::builtin().expect("built-in ladder parses");
        let ids: Vec<&str> = ladder.levels().iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["L3", "L4", "L5", "L6", "L7", "L8"]);
        for pair in ladder.levels().windows(2) {
            assert!(
                pair[0].min_reach <= pair[1].min_reach,
                "{} → {}",
                pair[0].id,
                pair[1].id
            );
            assert!(pair[0].decision_share <= pair[1].decision_share);
            assert!(pair[0].leverage_share <= pair[1].leverage_share);
        }
        assert_eq!(ladder.origin(), None);
    }

    #[test]
    fn levels_are_found_by_id_or_alias_ignoring_case() {
        let ladder = Ladder::builtin().expect("built-in ladder parses");
        let id = |name: &str| ladder.get(name).map(|l| l.id.as_str());
        assert_eq!(id("l6"), Some("L6"));
        assert_eq!(id("Staff"), Some("L6"));
        assert_eq!(id(" lead "), Some("L6"));
        assert_eq!(id("senior staff"), Some("L7"));
        assert_eq!(id("SENIOR"), Some("L5"));
        assert_eq!(id("Principal"), Some("L7"));
        assert_eq!(id("Senior Principal"), Some("L8"));
        assert_eq!(id("Junior"), Some("L3"));
        assert_eq!(id("Mid"), Some("L4"));
        assert_eq!(id("L9"), None);
        let l6 = ladder.find("Staff").expect("staff");
        assert_eq!(l6.label(), "L6 (Staff)");
        assert_eq!(l6.min_reach, Reach::Org);
        assert_eq!((l6.decision_share, l6.leverage_share), (30, 20));
    }

    #[test]
    fn unknown_level_lists_the_known_ones_and_the_nearest() {
        let ladder = Ladder::builtin().expect("built-in ladder parses");
        let message = ladder.find("Staf").expect_err("no such level").to_string();
        assert_eq!(
            message,
            "unknown level `Staf`: the built-in ladder (`--ladder FILE` replaces it) has `L3`, `L4`, \
             `L5`, `L6`, `L7`, `L8` (also named `Associate`, `Junior`, `Mid`, `Intermediate`, \
             `Senior`, `Staff`, `Lead`, `Senior Staff`, `Principal`, `Distinguished`, \
             `Senior Principal`); did you mean `Staff`?"
        );
        let nearest = |name: &str| match ladder.find(name) {
            Err(Error::UnknownLevel { suggestion, .. }) => suggestion,
            other => panic!("expected an unknown level, got {other:?}"),
        };
        // Every rung is one edit from `L9`; the nearest number is the one meant.
        assert_eq!(nearest("L9").as_deref(), Some("L8"));
        assert_eq!(nearest("l2").as_deref(), Some("L3"));
        assert_eq!(nearest("L12").as_deref(), Some("L8"));
        assert_eq!(nearest("Seniro").as_deref(), Some("Senior"));
        assert_eq!(nearest("Wizard"), None);
    }

    #[test]
    fn a_custom_ladder_replaces_the_levels() {
        let ladder = ladder(
            r#"Ladder(levels: [
                Level(id: "IC1", min_reach: Team, decision_share: 10, leverage_share: 0, description: "Learns."),
                Level(id: "IC2", aliases: ["Builder"], min_reach: Org, decision_share: 50, leverage_share: 40, description: "Builds."),
            ])"#,
        )
        .expect("valid ladder");
        assert_eq!(ladder.levels().len(), 2);
        assert_eq!(ladder.get("builder").map(|l| l.min_reach), Some(Reach::Org));
        assert_eq!(ladder.get("L6"), None);
        let message = ladder.find("IC3").expect_err("unknown").to_string();
        assert_eq!(
            message,
            "unknown level `IC3`: the ladder `custom.ron` has `IC1`, `IC2` (also named `Builder`); \
             did you mean `IC2`?"
        );
    }

    #[test]
    fn syntax_errors_point_at_line_and_column() {
        let error = ladder("Ladder(levels: [\n    Level(id: \"L1\", min_reech: Team),\n])")
            .expect_err("unknown field");
        assert_eq!(
            rendered(error),
            "1\n\
             custom.ron:2:21: error: unknown field `min_reech` in `Level`; did you mean `min_reach`?\n\
             \x20 |\n\
             2 |     Level(id: \"L1\", min_reech: Team),\n\
             \x20 |                     ^^^^^^^^^\n"
        );
    }

    #[test]
    fn unknown_reach_suggests_the_nearest() {
        let error = ladder(
            "Ladder(levels: [\n  Level(id: \"A\", min_reach: Crossteam, decision_share: 1, leverage_share: 1, description: \"x\"),\n])",
        )
        .expect_err("unknown reach");
        let text = rendered(error);
        assert!(
            text.contains(
                "custom.ron:2:29: error: unknown reach `Crossteam`; did you mean `CrossTeam`?"
            ),
            "{text}"
        );
    }

    #[test]
    fn truncated_and_missing_fields_are_reported() {
        let text = rendered(ladder("Ladder(levels: [\n  Level(id: \"A\",").expect_err("truncated"));
        assert!(text.contains("custom.ron:2:"), "{text}");
        assert!(text.contains("unexpected end of file"), "{text}");
        let text = rendered(
            ladder("Ladder(levels: [\n  Level(id: \"A\", min_reach: Team, leverage_share: 1, description: \"x\"),\n])")
                .expect_err("missing field"),
        );
        assert!(text.contains("custom.ron:2:"), "{text}");
        assert!(
            text.contains("missing field `decision_share` in `Level`"),
            "{text}"
        );
    }

    #[test]
    fn every_semantic_problem_is_reported_at_its_place() {
        let error = ladder(concat!(
            "Ladder(levels: [\n",
            "  Level(id: \"L1\", min_reach: Team, decision_share: 10, leverage_share: 0, description: \"a\"),\n",
            "  Level(id: \"l1\", aliases: [\"\"], min_reach: Team, decision_share: 120, leverage_share: 0, description: \"b\"),\n",
            "])\n",
        ))
        .expect_err("duplicates");
        let text = rendered(error);
        assert!(text.starts_with("3\n"), "{text}");
        assert!(
            text.contains("custom.ron:3:13: error: level name `l1` is already used by level `L1`"),
            "{text}"
        );
        assert!(
            text.contains("custom.ron:3:29: error: empty level name"),
            "{text}"
        );
        assert!(text.contains("custom.ron:3:67: error: `decision_share` is 120: a share is a percent from 0 to 100"), "{text}");
    }

    #[test]
    fn an_empty_ladder_is_an_error() {
        let text = rendered(ladder("Ladder(levels: [])").expect_err("empty"));
        assert!(
            text.contains("custom.ron:1:16: error: the ladder has no levels"),
            "{text}"
        );
    }

    #[test]
    fn every_built_in_track_parses_with_competencies_at_every_level() {
        for track in &track::TRACKS {
            let ladder = Ladder::of_track(track).unwrap_or_else(|e| panic!("{}: {e}", track.id));
            assert_eq!(ladder.track.as_deref(), Some(track.id));
            assert!(ladder.competencies().len() >= 4, "{}", track.id);
            for level in ladder.levels() {
                assert!(
                    !level.expected.is_empty(),
                    "{} {} expects no competency",
                    track.id,
                    level.id
                );
            }
            for pair in ladder.levels().windows(2) {
                assert!(pair[0].min_reach <= pair[1].min_reach);
                assert!(pair[0].decision_share <= pair[1].decision_share);
            }
            assert_eq!(ladder.people_evidence, track.id == "em");
        }
    }

    #[test]
    fn criteria_carry_up_to_levels_that_write_none() {
        let ladder = Ladder::builtin().expect("pm");
        let criteria = |level: &str, name: &str| {
            ladder
                .get(level)
                .and_then(|l| l.expected.iter().find(|e| e.name == name))
                .map(|e| e.criteria.clone())
        };
        // `leverage` starts at L5; L3 and L4 do not expect it yet.
        assert_eq!(criteria("L4", "leverage"), None);
        assert!(criteria("L5", "leverage").is_some());
        // L4 writes no `judgment` criteria, so it expects L3's.
        assert_eq!(criteria("L4", "judgment"), criteria("L3", "judgment"));
        assert_ne!(criteria("L5", "judgment"), criteria("L3", "judgment"));
    }

    fn log_with(role: Option<&str>, level: &str, track: Option<&str>) -> Log {
        let mut log = crate::evidence::testing::log(&["p"], Vec::new());
        log.owner.role = role.map(str::to_string);
        log.target.level = level.to_string();
        log.target.track = track.map(str::to_string);
        log
    }

    #[test]
    fn the_track_comes_from_the_target_then_the_role_then_the_level() {
        let id = |log: &Log| track_for(log).id;
        assert_eq!(id(&log_with(None, "L6", None)), "pm");
        assert_eq!(
            id(&log_with(Some("Senior Software Engineer"), "L6", None)),
            "eng"
        );
        assert_eq!(
            id(&log_with(Some("Product Designer"), "L5", Some("eng"))),
            "eng"
        );
        // M1 → M2 needs no ladder file: the role, or the level alone, finds `em`.
        assert_eq!(id(&log_with(Some("Engineering Manager"), "M2", None)), "em");
        assert_eq!(id(&log_with(Some("Product Manager"), "M2", None)), "em");
        assert_eq!(id(&log_with(None, "Director", None)), "em");
        let ladder = Ladder::for_log(None, &log_with(None, "M2", None)).expect("em");
        assert_eq!(
            ladder.find("M2").map(|l| l.min_reach).ok(),
            Some(Reach::CrossTeam)
        );
        // An unknown name is a warning (`check`), and the role or the level decides.
        assert_eq!(id(&log_with(None, "M2", Some("ops"))), "em");
        assert_eq!(
            id(&log_with(
                Some("Senior Software Engineer"),
                "L6",
                Some("engg")
            )),
            "eng"
        );
        let warning = unknown_track(&log_with(None, "L6", Some("ops"))).map(|p| p.to_string());
        assert_eq!(
            warning.as_deref(),
            Some(
                "unknown track `ops`, so the case is judged on `pm`; expected one of `pm`, `eng`, `em`, `design`"
            )
        );
        assert_eq!(unknown_track(&log_with(None, "L6", Some("EM"))), None);
        assert_eq!(unknown_track(&log_with(None, "L6", None)), None);
    }

    #[test]
    fn competency_problems_are_located() {
        let text = concat!(
            "Ladder(levels: [\n",
            "  Level(id: \"A\", min_reach: Team, decision_share: 1, leverage_share: 1, description: \"a\"),\n",
            "], competencies: [\n",
            "  Competency(name: \"craft\", title: \"Craft\", criteria: {\"B\": [\"x\"]}),\n",
            "  Competency(name: \"Craft\", title: \"\", criteria: {\"A\": [\"\"]}),\n",
            "  Competency(name: \"two words\", title: \"T\"),\n",
            "])\n",
        );
        let text = rendered(ladder(text).expect_err("problems"));
        for expected in [
            "custom.ron:4:56: error: criteria for unknown level `B` in competency `craft`; did you mean `A`?",
            "custom.ron:5:20: error: competency `Craft` is listed twice",
            "custom.ron:5:36: error: competency `Craft` has an empty title",
            "custom.ron:5:57: error: empty criterion",
            "custom.ron:6:20: error: competency name `two words` cannot be cited",
        ] {
            assert!(text.contains(expected), "{expected}\n{text}");
        }
    }
}
