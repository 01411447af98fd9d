//! "Did you mean `x`?": the nearest known name to a misspelt one.

/// The candidate closest to `wrong` by Levenshtein distance (`strsim`, case-insensitive), if it is
/// close enough to be a plausible typo.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let wrong_lower = wrong.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = strsim::levenshtein(&wrong_lower, &candidate.to_lowercase());
        let limit = (candidate.chars().count().max(wrong.chars().count()) / 3).max(1);
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_names_only() {
        let names = ["checkout", "pricing", "search"];
        assert_eq!(did_you_mean("chekout", names), Some("checkout"));
        assert_eq!(did_you_mean("Pricing", names), Some("pricing"));
        assert_eq!(did_you_mean("zzz", names), None);
        assert_eq!(
            did_you_mean("Crossteam", ["Team", "CrossTeam", "Org"]),
            Some("CrossTeam")
        );
    }
}
