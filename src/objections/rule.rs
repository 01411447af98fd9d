//! The catalog of objection rules, in order of centrality: how close each one goes
//! to the heart of a promotion case.

use serde::Serialize;

/// One objection rule. The declaration order is the centrality order used to break
/// ties between objections of the same severity: whether there is a case at all, then
/// scope and judgment, the sponsor, leverage and impact, consistency, corroboration,
/// follow-through and freshness, and last the wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// Too few public moments to make a case at all.
    ThinLog,
    /// No public evidence reaches beyond the owner's team.
    ThinScope,
    /// No public moment is a Scope moment.
    NoScope,
    /// The top examples do not reach as far as the target level expects.
    BelowTargetReach,
    /// A senior level's description, asked back, that nothing in the log answers.
    LevelQuestion,
    /// Decisions are a small share of the evidence, or of the top examples.
    ExecutionNotJudgment,
    /// A competency the target level expects has no cited moment.
    CompetencyGap,
    /// No quote from the manager or a skip-level.
    NoSponsorSignal,
    /// The sponsor hedges, or offers only generic praise.
    LukewarmSponsor,
    /// The manager broke the commitments they made in 1:1s.
    SponsorFollowThrough,
    /// No leverage moment at all.
    NoLeverage,
    /// Fewer than half the top examples have a quantified impact.
    NoMetric,
    /// One project carries most of the score.
    SingleProject,
    /// Most of the score falls inside one 90-day window.
    OneStrongQuarter,
    /// No quote from a peer or stakeholder.
    NoPeerSignal,
    /// Peer quotes exist but none names scope, ownership or leverage.
    VaguePeerFeedback,
    /// The case rests on moments nobody else stands behind.
    Uncorroborated,
    /// A commitment the owner made is broken, or open and overdue.
    BrokenCommitments,
    /// No public moment in the last 45 days.
    StaleEvidence,
    /// Most top examples open with a task verb, not a decision.
    TaskFirstWording,
    /// Some leverage, but less than the target level expects.
    ThinLeverage,
}

impl Rule {
    /// Every rule, most central first.
    pub const ALL: [Rule; 21] = [
        Rule::ThinLog,
        Rule::ThinScope,
        Rule::NoScope,
        Rule::BelowTargetReach,
        Rule::LevelQuestion,
        Rule::ExecutionNotJudgment,
        Rule::CompetencyGap,
        Rule::NoSponsorSignal,
        Rule::LukewarmSponsor,
        Rule::SponsorFollowThrough,
        Rule::NoLeverage,
        Rule::NoMetric,
        Rule::SingleProject,
        Rule::OneStrongQuarter,
        Rule::NoPeerSignal,
        Rule::VaguePeerFeedback,
        Rule::Uncorroborated,
        Rule::BrokenCommitments,
        Rule::StaleEvidence,
        Rule::TaskFirstWording,
        Rule::ThinLeverage,
    ];

    /// The catalog id, as every output names the rule.
    pub fn id(self) -> &'static str {
        match self {
            Rule::ThinLog => "thin-log",
            Rule::ThinScope => "thin-scope",
            Rule::NoScope => "no-scope",
            Rule::BelowTargetReach => "below-target-reach",
            Rule::LevelQuestion => "level-question",
            Rule::CompetencyGap => "competency-gap",
            Rule::ExecutionNotJudgment => "execution-not-judgment",
            Rule::NoSponsorSignal => "no-sponsor-signal",
            Rule::LukewarmSponsor => "lukewarm-sponsor",
            Rule::SponsorFollowThrough => "sponsor-follow-through",
            Rule::NoLeverage => "no-leverage",
            Rule::NoMetric => "no-metric",
            Rule::SingleProject => "single-project",
            Rule::OneStrongQuarter => "one-strong-quarter",
            Rule::NoPeerSignal => "no-peer-signal",
            Rule::VaguePeerFeedback => "vague-peer-feedback",
            Rule::Uncorroborated => "uncorroborated",
            Rule::BrokenCommitments => "broken-commitments",
            Rule::StaleEvidence => "stale-evidence",
            Rule::TaskFirstWording => "task-first-wording",
            Rule::ThinLeverage => "thin-leverage",
        }
    }

    /// The rule with this catalog id.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|rule| rule.id() == id)
    }

    /// Position in the centrality order, from 1.
    pub fn centrality(self) -> usize {
        Rule::ALL
            .iter()
            .position(|&rule| rule == self)
            .map_or(Rule::ALL.len(), |i| i + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_follow_the_declaration_order() {
        for (i, rule) in Rule::ALL.into_iter().enumerate() {
            assert_eq!(Rule::from_id(rule.id()), Some(rule));
            assert_eq!(rule.centrality(), i + 1);
            let json = serde_json::to_string(&rule).expect("json");
            assert_eq!(json, format!("\"{}\"", rule.id()));
        }
        let mut sorted = Rule::ALL;
        sorted.sort();
        assert_eq!(sorted, Rule::ALL, "`Ord` must be the centrality order");
    }
}
