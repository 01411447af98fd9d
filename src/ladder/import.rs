//! `promo ladder import`: a public progression framework — Markdown with YAML front
//! matter (`levels: N`, `topics:` each with `name`, `title` and `content:` a list of
//! `{level, criteria: [...]}`) — turned into a ladder file, its level numbers mapped
//! to the company's level names and its thresholds taken from a built-in track.
//!
//! The YAML is read with `serde_norway`, the maintained fork of `serde_yaml`, which
//! reports the line and column of every syntax and type error; the checks serde cannot
//! make are located by the line that holds the culprit.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::parse::is_citable;
use super::{Competency, Ladder, Level};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::log::problem::Problem;
use crate::source::{Position, Source};

/// The front matter as a framework writes it; fields promo does not use (a page's
/// `path`, `sidebar`, `exampleCriteria`, …) are ignored.
#[derive(Debug, Deserialize)]
struct Framework {
    levels: u32,
    #[serde(default)]
    title: Option<String>,
    topics: Vec<Topic>,
}

/// One competency of the framework.
#[derive(Debug, Deserialize)]
struct Topic {
    name: String,
    title: String,
    #[serde(default)]
    content: Vec<Content>,
}

/// What one level of the framework expects of a topic.
#[derive(Debug, Deserialize)]
struct Content {
    level: u32,
    #[serde(default)]
    criteria: Vec<String>,
}

/// The ladder file as written out.
#[derive(Serialize)]
#[serde(rename = "Ladder")]
struct Written<'a> {
    #[serde(skip_serializing_if = "String::is_empty")]
    title: String,
    levels: &'a [Level],
    competencies: &'a [Competency],
}

/// A located problem before it is rendered.
struct Found {
    message: String,
    line: usize,
    col: usize,
}

/// Reads a framework's text and writes the ladder file's RON: level `n` of the
/// framework becomes `levels[n - 1]`, with the thresholds, aliases and description of
/// the level of that name on `base` (else of the base level at the same height).
/// Every problem is reported with its `path:line:col`.
pub fn import(source: &Source, levels: &[String], base: &Ladder) -> Result<String, Error> {
    let text = source.text();
    let (front, first_line) = front_matter(text).ok_or_else(|| {
        invalid(
            source,
            vec![Found {
                message: "no YAML front matter: a framework file starts with a `---` line, then `levels:` and `topics:`, then `---`".into(),
                line: 1,
                col: 1,
            }],
        )
    })?;
    let framework: Framework = serde_norway::from_str(front).map_err(|error| {
        let (line, col) = error
            .location()
            .map_or((first_line, 1), |l| (first_line + l.line() - 1, l.column()));
        invalid(
            source,
            vec![Found {
                message: yaml_message(&error.to_string()),
                line,
                col,
            }],
        )
    })?;
    let locate = |needle: &dyn Fn(&str) -> bool, from: usize| -> usize {
        front
            .lines()
            .enumerate()
            .skip(from)
            .find(|(_, l)| needle(l))
            .map_or(first_line, |(i, _)| first_line + i)
    };
    let mut found = Vec::new();
    let levels_line = locate(&|l| l.trim_start().starts_with("levels:"), 0);
    if framework.levels == 0 {
        found.push(Found {
            message: "`levels` is 0: a framework has at least one level".into(),
            line: levels_line,
            col: 1,
        });
    } else if usize::try_from(framework.levels).ok() != Some(levels.len()) {
        found.push(Found {
            message: format!(
                "the framework has {} level{} but `--levels` names {}: give one name per level, lowest first",
                framework.levels,
                if framework.levels == 1 { "" } else { "s" },
                levels.len()
            ),
            line: levels_line,
            col: 1,
        });
    }
    let mut competencies = Vec::with_capacity(framework.topics.len());
    let mut seen: Vec<String> = Vec::new();
    let mut from = 0;
    for topic in &framework.topics {
        let name = topic.name.trim().to_lowercase().replace(' ', "-");
        let name_line = locate(
            &|l| {
                let l = l.trim_start().trim_start_matches("- ");
                l.starts_with("name:") && l.contains(topic.name.trim())
            },
            from,
        );
        from = name_line.saturating_sub(first_line) + 1;
        if !is_citable(&name) {
            found.push(Found {
                message: format!(
                    "topic name `{}` cannot be cited from a log: use letters, digits, `-` and `_`",
                    topic.name
                ),
                line: name_line,
                col: 1,
            });
        } else if seen.contains(&name) {
            found.push(Found {
                message: format!("topic `{name}` is listed twice"),
                line: name_line,
                col: 1,
            });
        }
        seen.push(name.clone());
        if topic.title.trim().is_empty() {
            found.push(Found {
                message: format!("topic `{name}` has an empty `title`"),
                line: name_line,
                col: 1,
            });
        }
        let mut criteria: IndexMap<String, Vec<String>> = IndexMap::new();
        for content in &topic.content {
            let at = || {
                locate(
                    &|l| {
                        let l = l.trim_start().trim_start_matches("- ");
                        l.strip_prefix("level:")
                            .is_some_and(|n| n.trim() == content.level.to_string())
                    },
                    from,
                )
            };
            let index = usize::try_from(content.level).unwrap_or(usize::MAX);
            let Some(level) = index.checked_sub(1).and_then(|i| levels.get(i)) else {
                if framework.levels > 0 {
                    found.push(Found {
                        message: format!(
                            "topic `{name}` has criteria for level {}, but the framework's levels run from 1 to {}",
                            content.level, framework.levels
                        ),
                        line: at(),
                        col: 1,
                    });
                }
                continue;
            };
            let list: Vec<String> = content
                .criteria
                .iter()
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect();
            if criteria.insert(level.clone(), list).is_some() {
                found.push(Found {
                    message: format!("topic `{name}` lists level {} twice", content.level),
                    line: at(),
                    col: 1,
                });
            }
        }
        competencies.push(Competency {
            name,
            title: topic.title.trim().to_string(),
            criteria,
        });
    }
    if !found.is_empty() {
        return Err(invalid(source, found));
    }
    let mut levels: Vec<Level> = levels
        .iter()
        .enumerate()
        .map(|(index, name)| level_like(name, index, levels.len(), base))
        .collect();
    // An alias taken from the base track must not collide with a level named here.
    let mut taken: Vec<String> = levels.iter().map(|l| l.id.to_lowercase()).collect();
    for level in &mut levels {
        level.aliases.retain(|alias| {
            let key = alias.to_lowercase();
            let free = !taken.contains(&key);
            if free {
                taken.push(key);
            }
            free
        });
    }
    let written = Written {
        title: framework.title.unwrap_or_default().trim().to_string(),
        levels: &levels,
        competencies: &competencies,
    };
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .escape_strings(false)
        .indentor("    ".to_string());
    let body = ron::ser::to_string_pretty(&written, config)
        .map_err(|e| Error::Usage(format!("cannot write the ladder: {e}")))?;
    Ok(format!(
        "// Imported from `{}` by `promo ladder import`; thresholds from the `{}` track.\n// Edit the thresholds and descriptions to match your company; docs/ladder.md describes the format.\n{body}\n",
        source.path().display(),
        base.track.as_deref().unwrap_or("given")
    ))
}

/// Level `name`, `index` of `count`: the base ladder's level of that name, else the
/// base level at the same height (the lowest for the lowest, the highest for the highest).
fn level_like(name: &str, index: usize, count: usize, base: &Ladder) -> Level {
    let template = base.get(name).cloned().or_else(|| {
        let rungs = base.levels().len();
        let at = if count <= 1 {
            0
        } else {
            (index * (rungs.saturating_sub(1)) + (count - 1) / 2) / (count - 1)
        };
        base.levels().get(at).cloned().map(|mut level| {
            level.aliases.clear();
            level.probe = None;
            level
        })
    });
    let mut level = template.unwrap_or(Level {
        id: String::new(),
        aliases: Vec::new(),
        min_reach: crate::log::Reach::Team,
        decision_share: 0,
        leverage_share: 0,
        description: String::new(),
        probe: None,
        expected: Vec::new(),
        people_evidence: false,
    });
    level.id = name.trim().to_string();
    level
        .aliases
        .retain(|a| !a.eq_ignore_ascii_case(name.trim()));
    if level.description.is_empty() {
        level.description = format!("Level {} of the framework.", index + 1);
    }
    level
}

/// The front matter between the first two `---` lines, and the line (from 1) its
/// text starts on.
fn front_matter(text: &str) -> Option<(&str, usize)> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let start = first.len();
    let mut offset = start;
    for line in lines {
        if line.trim_end() == "---" {
            return Some((&text[start..offset], 2));
        }
        offset += line.len();
    }
    None
}

/// serde_norway's message without its own " at line L column C" (the diagnostic says where).
fn yaml_message(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn invalid(source: &Source, found: Vec<Found>) -> Error {
    let diagnostics: Vec<Diagnostic> = found
        .into_iter()
        .map(|f| {
            let start = source.offset(Position {
                line: f.line,
                col: f.col,
            });
            let end = source.text()[start..]
                .find('\n')
                .map_or(source.text().len(), |i| start + i);
            Diagnostic::new(
                Problem::Invalid { message: f.message },
                start..end.max(start),
            )
        })
        .collect();
    Error::InvalidLadder {
        path: source.path().to_path_buf(),
        count: diagnostics.len(),
        rendered: diagnostics.iter().map(|d| d.render(source)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAMEWORK: &str = "---\ntitle: \"Data\"\nlevels: 3\ntopics:\n  - name: \"analysis\"\n    title: \"Analysis\"\n    content:\n      - level: 1\n        criteria:\n          - \"Answers well-posed questions with clean queries\"\n      - level: 3\n        criteria:\n          - \"Frames the questions an org should ask\"\n  - name: \"influence\"\n    title: \"Influence\"\n    content:\n      - level: 2\n        criteria:\n          - \"Changes a team's decision with evidence\"\n---\n\n# Data framework\n";

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_string()).collect()
    }

    fn rendered(error: Error) -> String {
        match error {
            Error::InvalidLadder { rendered, .. } => rendered,
            other => panic!("expected an invalid ladder, got {other:?}"),
        }
    }

    #[test]
    fn a_framework_becomes_a_ladder_that_parses_back() {
        let base = Ladder::builtin().expect("pm");
        let source = Source::new("data.md", FRAMEWORK.to_string());
        let text = import(&source, &names(&["L4", "L5", "Lead"]), &base).expect("imports");
        let ladder = Ladder::parse(&Source::new("out.ron", text.clone()), None)
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
        let ids: Vec<&str> = ladder.levels().iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["L4", "L5", "Lead"]);
        // L5 takes the base track's thresholds; `Lead` (an alias there, not an id) those of L6.
        assert_eq!(ladder.get("L5").map(|l| l.decision_share), Some(25));
        assert_eq!(ladder.get("Lead").map(|l| l.decision_share), Some(30));
        assert_eq!(ladder.title.as_deref(), Some("Data"));
        let lead = ladder.get("Lead").expect("lead");
        let expected: Vec<(&str, &str)> = lead
            .expected
            .iter()
            .map(|e| (e.name.as_str(), e.criteria[0].as_str()))
            .collect();
        assert_eq!(
            expected,
            [
                ("analysis", "Frames the questions an org should ask"),
                ("influence", "Changes a team's decision with evidence"),
            ]
        );
    }

    #[test]
    fn yaml_errors_point_at_the_line_in_the_file() {
        let base = Ladder::builtin().expect("pm");
        let broken = FRAMEWORK.replace("      - level: 3\n", "      - level: [3\n");
        let source = Source::new("data.md", broken);
        let text = rendered(import(&source, &names(&["A", "B", "C"]), &base).expect_err("bad"));
        assert!(text.starts_with("data.md:1"), "{text}");
        let bad_type = FRAMEWORK.replace("levels: 3", "levels: three");
        let source = Source::new("data.md", bad_type);
        let text = rendered(import(&source, &names(&["A", "B", "C"]), &base).expect_err("bad"));
        assert!(text.starts_with("data.md:3:"), "{text}");
    }

    #[test]
    fn levels_out_of_range_and_miscounted_are_located() {
        let base = Ladder::builtin().expect("pm");
        let source = Source::new("data.md", FRAMEWORK.replace("level: 2", "level: 7"));
        let text = rendered(import(&source, &names(&["A", "B", "C"]), &base).expect_err("bad"));
        assert!(
            text.starts_with("data.md:17:1: error: topic `influence` has criteria for level 7, but the framework's levels run from 1 to 3"),
            "{text}"
        );
        let source = Source::new("data.md", FRAMEWORK.to_string());
        let text = rendered(import(&source, &names(&["A", "B"]), &base).expect_err("bad"));
        assert!(
            text.starts_with(
                "data.md:3:1: error: the framework has 3 levels but `--levels` names 2"
            ),
            "{text}"
        );
        let source = Source::new("data.md", "# no front matter\n".to_string());
        let text = rendered(import(&source, &names(&["A"]), &base).expect_err("bad"));
        assert!(text.contains("no YAML front matter"), "{text}");
    }
}
