//! The level ladder: what a case for each level is expected to show.
//!
//! The level ladder: what a promotion case to each level is expected to show — the
//! reach of its top examples, its share of decision and leverage evidence — so the
//! objections can hold a log up against the level it is going for.
//!
//! A generic IC ladder (L3–L8) is embedded from `templates/ladder.ron`; `--ladder FILE`
//! replaces it. The format is documented in `docs/ladder.md`.

mod parse;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::log::Reach;
use crate::source::Source;
use crate::suggest::did_you_mean;

/// The built-in ladder as RON text, for writing out and editing.
pub const BUILTIN: &str = include_str!("../../templates/ladder.ron");

/// The name the built-in ladder's diagnostics carry, should it ever fail to parse.
pub const BUILTIN_NAME: &str = "templates/ladder.ron";

/// A level ladder, lowest level first. Only parsing builds one, so its ids and
/// aliases are unique (case-insensitively) and its shares are percents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ladder {
    levels: Vec<Level>,
    #[serde(skip)]
    origin: Option<PathBuf>,
}

/// What a case for one level is expected to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Level", deny_unknown_fields)]
pub struct Level {
    /// The level's id, e.g. `L6`.
    pub id: String,
    /// Other names it goes by, e.g. `Staff`, `Lead`.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The widest reach the top examples are expected to get to.
    pub min_reach: Reach,
    /// Percent of the public moments expected to be decisions.
    pub decision_share: u8,
    /// Percent of the public moments expected to be leverage.
    pub leverage_share: u8,
    /// One line on what the level does.
    pub description: String,
}

impl Level {
    /// The id with its first alias, for people: `L6 (Staff)`.
    pub fn label(&self) -> String {
        match self.aliases.first() {
            Some(alias) => format!("{} ({alias})", self.id),
            None => self.id.clone(),
        }
    }

    /// Whether `name` is this level's id or one of its aliases, ignoring case and
    /// surrounding space.
    pub fn answers_to(&self, name: &str) -> bool {
        let name = name.trim();
        let name = name.to_lowercase();
        self.names().any(|n| n.to_lowercase() == name)
    }

    /// The id, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

impl Ladder {
    /// The built-in ladder.
    pub fn builtin() -> Result<Self, Error> {
        Self::parse(&Source::new(BUILTIN_NAME, BUILTIN.to_string()), None)
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

    /// The ladder at `path` if one is given (`--ladder`), else the built-in one.
    pub fn load(path: Option<&Path>) -> Result<Self, Error> {
        match path {
            Some(path) => Self::from_file(path),
            None => Self::builtin(),
        }
    }

    /// Parses and checks a ladder's text; `origin` is its file (`None`: built in).
    /// Every problem is reported with its `path:line:col`.
    pub fn parse(source: &Source, origin: Option<PathBuf>) -> Result<Self, Error> {
        let levels = parse::levels(source)?;
        Ok(Self { levels, origin })
    }

    /// The levels, lowest first.
    pub fn levels(&self) -> &[Level] {
        &self.levels
    }

    /// The file this ladder came from, or `None` for the built-in one.
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
}
