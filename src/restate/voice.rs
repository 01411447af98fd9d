//! Who is speaking: the manager. The owner's notes are written in the first person
//! ("I", "me", "my"), about the manager in the third ("Sam", "my manager"); said aloud
//! in the room, the owner becomes "she" / "he" / "they" and the manager becomes "I" /
//! "me" / "my".

use std::collections::HashSet;

use crate::log::Log;

/// The owner's pronouns, from `Person(pronouns: …)`; "they" when the log does not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    /// she / her / her / hers / herself
    She,
    /// he / him / his / his / himself
    He,
    /// they / them / their / theirs / themselves
    They,
}

impl Pronoun {
    /// The pronoun set a log names; "they" when it names none.
    pub fn of(log: &Log) -> Self {
        match log.owner.pronouns.as_deref() {
            Some("she") => Pronoun::She,
            Some("he") => Pronoun::He,
            _ => Pronoun::They,
        }
    }

    /// "she", "he", "they".
    pub fn subject(self) -> &'static str {
        match self {
            Pronoun::She => "she",
            Pronoun::He => "he",
            Pronoun::They => "they",
        }
    }

    /// "her", "him", "them".
    pub fn object(self) -> &'static str {
        match self {
            Pronoun::She => "her",
            Pronoun::He => "him",
            Pronoun::They => "them",
        }
    }

    /// "her", "his", "their".
    pub fn possessive(self) -> &'static str {
        match self {
            Pronoun::She => "her",
            Pronoun::He => "his",
            Pronoun::They => "their",
        }
    }

    fn standalone(self) -> &'static str {
        match self {
            Pronoun::She => "hers",
            Pronoun::He => "his",
            Pronoun::They => "theirs",
        }
    }

    fn reflexive(self) -> &'static str {
        match self {
            Pronoun::She => "herself",
            Pronoun::He => "himself",
            Pronoun::They => "themselves",
        }
    }

    /// "is" after the subject pronoun ("she is", "they are").
    pub fn is(self) -> &'static str {
        match self {
            Pronoun::They => "are",
            _ => "is",
        }
    }

    /// "was" after the subject pronoun ("she was", "they were").
    fn was(self) -> &'static str {
        match self {
            Pronoun::They => "were",
            _ => "was",
        }
    }

    /// "has" after the subject pronoun ("she has", "they have").
    fn has(self) -> &'static str {
        match self {
            Pronoun::They => "have",
            _ => "has",
        }
    }
}

/// How a restatement speaks: the manager as "I", the owner by pronoun, and the log's
/// own capitalisation deciding which words are names.
pub struct Voice {
    /// The owner's pronouns.
    pronoun: Pronoun,
    /// The manager's name as the log may write it: full, then first name (lowercase).
    manager: Vec<Vec<String>>,
    /// Words the log writes capitalised in mid-sentence, or that are part of a
    /// person's name: they keep their capital at the start of a clause.
    proper: HashSet<String>,
}

impl Voice {
    /// Learns the names and proper nouns of `log` (public text only).
    pub fn new(log: &Log) -> Self {
        let mut proper: HashSet<String> = HashSet::new();
        // Project names are left out: they are often common words ("Pay later").
        let mut names: Vec<&str> = vec![log.owner.name.as_str(), log.manager.as_str()];
        for moment in &log.moments {
            names.extend(moment.witnesses.iter().map(String::as_str));
            names.extend(moment.quotes.iter().map(|q| q.by.as_str()));
            for text in std::iter::once(moment.what.as_str()).chain(moment.impact.as_deref()) {
                collect_mid_sentence_capitals(text, &mut proper);
            }
        }
        // The same few names come back on every moment: read each one once.
        let mut seen: HashSet<&str> = HashSet::new();
        for name in names.into_iter().filter(|name| seen.insert(name)) {
            for word in name.split_whitespace().map(core) {
                if !proper.contains(word) {
                    proper.insert(word.to_string());
                }
            }
        }
        let full: Vec<String> = log
            .manager
            .split_whitespace()
            .map(|w| core(w).to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        let mut manager = Vec::new();
        if let Some(first) = full.first().cloned() {
            if full.len() > 1 {
                manager.push(full);
            }
            manager.push(vec![first]);
        }
        Self {
            pronoun: Pronoun::of(log),
            manager,
            proper,
        }
    }

    /// The owner's pronouns.
    pub fn pronoun(&self) -> Pronoun {
        self.pronoun
    }

    /// `text` said by the manager: the owner's "I" / "me" / "my" become the owner's
    /// pronouns, the manager's name and "my manager" become "I" / "me" / "my", a
    /// semicolon or a dash becomes ", and", and the first letter is lowered unless
    /// the first word is a name or an acronym.
    pub fn speak(&self, text: &str) -> String {
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut out: Vec<String> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let word = words[i];
            if matches!(word, "—" | "–" | "-" | "--") {
                if let Some(last) = out.last_mut() {
                    last.push(',');
                }
                i += 1;
                continue;
            }
            if let Some((taken, said)) = self.manager_at(&words, i, out.is_empty()) {
                out.extend(said);
                i += taken;
                continue;
            }
            out.push(self.owner_word(word));
            i += 1;
        }
        let spoken = out.join(" ").replace("; ", ", and ");
        self.agree(&self.lower_first(&spoken))
    }

    /// The manager named at `words[i]` ("Sam", "Sam Lee", "Sam's", "my manager",
    /// "Sam and Dana"), as (words used, what the manager says instead).
    fn manager_at(&self, words: &[&str], i: usize, first: bool) -> Option<(usize, Vec<String>)> {
        let lower = |w: &str| core(w).to_lowercase();
        let (len, possessive, trail) =
            if lower(words[i]) == "my" && words.get(i + 1).is_some_and(|w| lower(w) == "manager") {
                let last = words[i + 1];
                (2, is_possessive(last), after_core(last))
            } else {
                let full = self.manager.first().map_or(0, Vec::len);
                let name = self.manager.iter().find(|name| {
                    // "Sam Ortiz" is someone else when the manager is "Sam Lee".
                    let other_surname = name.len() < full
                        && words
                            .get(i + name.len())
                            .is_some_and(|w| w.starts_with(char::is_uppercase));
                    !other_surname
                        && name.len() <= words.len() - i
                        && name
                            .iter()
                            .zip(&words[i..])
                            .all(|(part, word)| *part == lower(word))
                        && words[i].starts_with(char::is_uppercase)
                })?;
                let last = words[i + name.len() - 1];
                (name.len(), is_possessive(last), after_core(last))
            };
        let lead = &words[i][..words[i].find(|c: char| c.is_alphanumeric()).unwrap_or(0)];
        let next = words.get(i + len).copied();
        if possessive {
            return Some((len, vec![format!("{lead}my{trail}")]));
        }
        // "Sam and Dana" → "Dana and me": the speaker names themself last.
        if trail.is_empty()
            && next == Some("and")
            && let Some(other) = words.get(i + len + 1)
            && other.starts_with(char::is_uppercase)
        {
            let after = words.get(i + len + 2).copied();
            let (other_core, other_trail) = split_trail(other);
            let me = if subject_position(first, after) {
                "I"
            } else {
                "me"
            };
            return Some((
                len + 2,
                vec![
                    format!("{lead}{other_core}"),
                    "and".to_string(),
                    format!("{me}{other_trail}"),
                ],
            ));
        }
        let me = if trail.is_empty() && subject_position(first, next) {
            "I"
        } else {
            "me"
        };
        Some((len, vec![format!("{lead}{me}{trail}")]))
    }

    /// One word of the owner's notes, the owner's first person turned to pronouns.
    fn owner_word(&self, word: &str) -> String {
        let p = self.pronoun;
        let (start, end) = core_span(word);
        let (before, middle, after) = (&word[..start], &word[start..end], &word[end..]);
        let normal = middle.replace('’', "'");
        let replaced = match normal.as_str() {
            "I" => Some(p.subject().to_string()),
            "me" | "Me" => Some(p.object().to_string()),
            "myself" | "Myself" => Some(p.reflexive().to_string()),
            "my" | "My" => Some(p.possessive().to_string()),
            "mine" | "Mine" => Some(p.standalone().to_string()),
            "I'm" => Some(format!("{} {}", p.subject(), p.is())),
            "I've" => Some(format!("{} {}", p.subject(), p.has())),
            "I'd" => Some(format!("{} would", p.subject())),
            "I'll" => Some(format!("{} will", p.subject())),
            _ => None,
        };
        match replaced {
            Some(new) => format!("{before}{new}{after}"),
            None => word.to_string(),
        }
    }

    /// Fixes the verb after a pronoun that replaced the owner's "I" ("they was" →
    /// "they were", "she am" → "she is").
    fn agree(&self, text: &str) -> String {
        let subject = self.pronoun.subject();
        let mut out = text.to_string();
        for (wrong, right) in [
            ("was", self.pronoun.was()),
            ("am", self.pronoun.is()),
            ("has", self.pronoun.has()),
        ] {
            for s in [subject.to_string(), capitalise(subject)] {
                out = out.replace(&format!("{s} {wrong} "), &format!("{s} {right} "));
            }
        }
        out
    }

    /// Whether `text` opens with a verb, so it reads after a subject: "Killed…",
    /// "Asked…", "Took…".
    pub fn opens_with_verb(text: &str) -> bool {
        let first = text
            .split_whitespace()
            .next()
            .map(bare)
            .unwrap_or_default()
            .to_lowercase();
        is_past_verb(&first)
    }

    /// Lowers the first letter unless the first word is a proper noun, an acronym or
    /// the speaker's "I".
    fn lower_first(&self, text: &str) -> String {
        let Some(word) = text.split_whitespace().next() else {
            return String::new();
        };
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        let capitalised = letters.first().is_some_and(|c| c.is_uppercase())
            && letters.iter().skip(1).all(|c| c.is_lowercase())
            && !word.chars().any(|c| c.is_ascii_digit());
        if !capitalised
            || bare(word) == "I"
            || self.proper.contains(core(word))
            || word.starts_with(['“', '"', '\''])
        {
            return text.to_string();
        }
        let mut chars = text.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

/// Whether a name followed by `next` is the subject of its clause: at the start, or
/// before a verb in the past ("Hannah agreed", "Sam asked").
fn subject_position(first: bool, next: Option<&str>) -> bool {
    match next {
        Some(next) => {
            let next = bare(next).to_lowercase();
            is_past_verb(&next) || (first && ["is", "was", "has", "will"].contains(&next.as_str()))
        }
        None => false,
    }
}

/// Whether `word` (lowercase) reads as a verb in the past tense.
fn is_past_verb(word: &str) -> bool {
    use crate::evidence::wording::{DECISION_VERBS, TASK_VERBS};
    word.len() > 3 && word.ends_with("ed")
        || DECISION_VERBS.contains(&word)
        || TASK_VERBS.contains(&word)
        || IRREGULAR_PAST.contains(&word)
}

fn is_possessive(word: &str) -> bool {
    let b = bare(word);
    b.ends_with("'s") || b.ends_with("’s")
}

/// The punctuation after a word's core ("Sam's," → ",").
fn after_core(word: &str) -> &str {
    let (_, end) = core_span(word);
    let rest = &word[end..];
    rest.strip_prefix("'s")
        .or_else(|| rest.strip_prefix("’s"))
        .unwrap_or(rest)
}

/// A word split into its letters and the punctuation after them.
fn split_trail(word: &str) -> (&str, &str) {
    let (_, end) = core_span(word);
    (&word[..end], &word[end..])
}

/// The byte span of a word's letters and digits.
fn core_span(word: &str) -> (usize, usize) {
    let start = word
        .find(|c: char| c.is_alphanumeric())
        .unwrap_or(word.len());
    let end = word
        .rfind(|c: char| c.is_alphanumeric() || c == '\'' || c == '’')
        .map_or(start, |i| {
            i + word[i..].chars().next().map_or(1, char::len_utf8)
        })
        .max(start);
    // A closing quote is not part of the word.
    let mut end = end;
    while end > start && word[..end].ends_with(['\'', '’']) {
        end -= word[..end].chars().last().map_or(1, char::len_utf8);
    }
    (start, end)
}

/// The first letter in capitals.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Common irregular past-tense verbs a `what` opens with.
const IRREGULAR_PAST: &[&str] = &[
    "took",
    "got",
    "wrote",
    "ran",
    "made",
    "built",
    "led",
    "gave",
    "brought",
    "set",
    "cut",
    "put",
    "sent",
    "told",
    "kept",
    "held",
    "chose",
    "drove",
    "won",
    "began",
    "drew",
    "found",
    "hit",
    "left",
    "met",
    "paid",
    "saw",
    "sold",
    "spent",
    "stood",
    "taught",
    "thought",
    "went",
    "bet",
    "rebuilt",
    "undertook",
    "overrode",
    "withdrew",
    "froze",
    "shut",
    "split",
    "spun",
    "sought",
    "caught",
    "fought",
    "struck",
    "became",
    "brokered",
    "said",
    "turned",
    "handed",
];

/// A word without the punctuation around it.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .trim_matches(['\'', '’'])
}

/// A word without surrounding punctuation or a possessive ending.
fn core(word: &str) -> &str {
    let bare = bare(word);
    bare.strip_suffix("'s")
        .or_else(|| bare.strip_suffix("’s"))
        .unwrap_or(bare)
}

/// Adds the capitalised words of `text` that do not open a sentence: the log's own
/// proper nouns ("Treasury", "Legal").
fn collect_mid_sentence_capitals(text: &str, into: &mut HashSet<String>) {
    // Most lines have no capital past their first letter, and that is quick to see in
    // plain ASCII: every word but the first is lowercase then, so there is nothing to add.
    if text.is_ascii() && !text.bytes().skip(1).any(|b| b.is_ascii_uppercase()) {
        return;
    }
    let mut sentence_start = true;
    for word in text.split_whitespace() {
        let core = core(word);
        if !sentence_start
            && core.chars().next().is_some_and(char::is_uppercase)
            && !into.contains(core)
        {
            into.insert(core.to_string());
        }
        sentence_start = word.ends_with(['.', '!', '?', ':', ';']);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::testing::{log, moment};
    use crate::log::{Reach, Tag};

    fn voice(pronouns: Option<&str>) -> Voice {
        let mut m = moment("m1", "2026-01-01", Tag::Scope, Reach::Team);
        m.what = "Took on discovery with Treasury when Dana asked me".into();
        m.witnesses = vec!["Dana Whitfield".into()];
        let mut log = log(&["p"], vec![m]);
        log.owner.pronouns = pronouns.map(str::to_string);
        Voice::new(&log)
    }

    #[test]
    fn the_owner_becomes_a_pronoun_and_the_manager_the_speaker() {
        let she = voice(Some("she"));
        assert_eq!(
            she.speak("Asked Sam to hand me my first fee test"),
            "asked me to hand her her first fee test"
        );
        assert_eq!(
            she.speak("Asked Sam and Dana for ownership of the UK"),
            "asked Dana and me for ownership of the UK"
        );
        assert_eq!(
            she.speak("Sam agreed it is my main project; Dana backed it"),
            "I agreed it is her main project, and Dana backed it"
        );
        assert_eq!(
            she.speak("Told my manager I would own the rollout"),
            "told me she would own the rollout"
        );
        assert_eq!(
            she.speak("Wrote up Sam Lee's plan — shipped"),
            "wrote up my plan, shipped"
        );
        let they = voice(None);
        assert_eq!(
            they.speak("Said I was ready to lead it myself"),
            "said they were ready to lead it themselves"
        );
        assert_eq!(
            they.speak("Then Samuel asked me"),
            "then Samuel asked them",
            "a longer name that starts like the manager's is someone else"
        );
    }

    #[test]
    fn names_and_acronyms_keep_their_capital() {
        let v = voice(Some("she"));
        assert_eq!(
            v.speak("Treasury's buffer left intact"),
            "Treasury's buffer left intact"
        );
        assert_eq!(
            v.speak("Payouts close cut to 1.5 days"),
            "payouts close cut to 1.5 days"
        );
        assert_eq!(v.speak("GA on 2026-09-15"), "GA on 2026-09-15");
        assert_eq!(v.speak("iOS kept its launches"), "iOS kept its launches");
        assert_eq!(v.speak("I’m the owner (me)."), "she is the owner (her).");
    }

    #[test]
    fn verbs_are_told_from_noun_phrases() {
        for text in [
            "Killed the build",
            "Asked for the roadmap",
            "Took over",
            "Wrote a guide",
            "Unblocked Risk",
        ] {
            assert!(Voice::opens_with_verb(text), "{text}");
        }
        for text in [
            "Ana's proposal was adopted",
            "The payments roadmap was cut",
            "Finance agreed",
        ] {
            assert!(!Voice::opens_with_verb(text), "{text}");
        }
    }
}
