//! Fitting whole sentences into a word budget: choose which sentences to say and how
//! long a version of each, never cutting one in the middle.

/// One sentence the restatement may say, in versions from most to least informative.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// The versions, each a whole sentence, fewest words last.
    versions: Vec<(String, usize)>,
    /// Lower is kept longer: when even the shortest versions do not fit, the sentence
    /// with the highest `drop_rank` goes first.
    drop_rank: u8,
    /// Lower gets spare words first.
    grow_rank: u8,
}

impl Sentence {
    /// A sentence with `versions` (most informative first; empty ones are ignored).
    /// Versions are ordered by word count, longest first, keeping the given order among
    /// equals, so "the first version that fits" is also the most that fits.
    pub fn new(versions: Vec<String>, drop_rank: u8, grow_rank: u8) -> Self {
        let mut counted: Vec<(String, usize)> = Vec::new();
        for text in versions {
            let words = crate::restate::word_count(&text);
            if words > 0 && !counted.iter().any(|(t, _)| *t == text) {
                counted.push((text, words));
            }
        }
        counted.sort_by_key(|(_, words)| std::cmp::Reverse(*words));
        Self {
            versions: counted,
            drop_rank,
            grow_rank,
        }
    }

    /// Whether the sentence has any version at all.
    pub fn is_empty(&self) -> bool {
        self.versions.is_empty()
    }

    /// Words of the shortest version.
    fn shortest(&self) -> usize {
        self.versions.last().map_or(0, |(_, w)| *w)
    }
}

/// Chooses sentences and versions so the total is at most `max_words`: drops whole
/// sentences (highest `drop_rank` first) until the shortest versions fit, then gives
/// the spare words out in `grow_rank` order, each sentence taking its longest version
/// that still fits. Returns the chosen versions in the order given; none when not even
/// one sentence fits.
pub fn fit(sentences: Vec<Sentence>, max_words: usize) -> Vec<String> {
    let mut kept: Vec<Sentence> = sentences.into_iter().filter(|s| !s.is_empty()).collect();
    while kept.iter().map(Sentence::shortest).sum::<usize>() > max_words {
        let Some(worst) = kept
            .iter()
            .enumerate()
            .max_by_key(|(i, s)| (s.drop_rank, *i))
            .map(|(i, _)| i)
        else {
            break;
        };
        kept.remove(worst);
    }
    let mut chosen: Vec<usize> = kept.iter().map(|s| s.versions.len() - 1).collect();
    let mut spare = max_words.saturating_sub(kept.iter().map(Sentence::shortest).sum());
    let mut order: Vec<usize> = (0..kept.len()).collect();
    order.sort_by_key(|&i| (kept[i].grow_rank, i));
    for i in order {
        let shortest = kept[i].shortest();
        if let Some(pick) = kept[i]
            .versions
            .iter()
            .position(|(_, words)| words - shortest <= spare)
        {
            spare -= kept[i].versions[pick].1 - shortest;
            chosen[i] = pick;
        }
    }
    kept.iter()
        .zip(chosen)
        .map(|(s, pick)| s.versions[pick].0.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: usize, tag: &str) -> String {
        let mut text = vec![tag; n].join(" ");
        text.push('.');
        text
    }

    #[test]
    fn spare_words_go_to_the_first_in_grow_order() {
        let sentences = vec![
            Sentence::new(vec![words(6, "a"), words(3, "a")], 0, 9),
            Sentence::new(vec![words(10, "b"), words(4, "b")], 1, 0),
            Sentence::new(vec![words(8, "c"), words(4, "c")], 2, 1),
        ];
        let chosen = fit(sentences, 20);
        let counts: Vec<usize> = chosen
            .iter()
            .map(|s| crate::restate::word_count(s))
            .collect();
        // Shortest: 3 + 4 + 4 = 11; 9 spare: b grows by 6, c cannot grow by 4, a by 3.
        assert_eq!(counts, [6, 10, 4]);
    }

    #[test]
    fn whole_sentences_are_dropped_highest_drop_rank_first() {
        let sentences = vec![
            Sentence::new(vec![words(5, "a")], 0, 0),
            Sentence::new(vec![words(5, "b")], 2, 0),
            Sentence::new(vec![words(5, "c")], 1, 0),
        ];
        let chosen = fit(sentences, 11);
        assert_eq!(chosen, [words(5, "a"), words(5, "c")]);
        assert!(fit(vec![Sentence::new(vec![words(5, "a")], 0, 0)], 4).is_empty());
    }
}
