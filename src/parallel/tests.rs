//! The stages split across cores give what one thread gives, on a log big enough to split.

use chrono::NaiveDate;

use crate::log::load;
use crate::report::case::Case;
use crate::report::packet::Packet;

/// Everything a big log gives, stage by stage: the check's diagnostics, the ranked
/// evidence, the objections, the restatement, the packet and the pre-mortem.
fn everything(text: &str) -> Vec<String> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
    let checked = load::check_source(crate::source::Source::new("big.ron", text.into()), today);
    let diagnostics = format!("{:?}", checked.diagnostics);
    let Some(log) = checked.log else {
        return vec![diagnostics];
    };
    let case = Case::from_log("big.ron".into(), log, today);
    let evidence = case.evidence();
    let ranked: Vec<(&str, i64)> = evidence
        .moments
        .iter()
        .map(|m| (m.moment.id.as_str(), m.score))
        .collect();
    let objections = case.objections(&evidence).map(|o| format!("{o:?}"));
    let ladder = case
        .ladder()
        .map(|l| crate::restate::restate(&case.log, &evidence, l, today, 150).text);
    let packet = Packet::of(&case).map(|p| serde_json::to_string(&p).unwrap_or_default());
    let premortem = crate::report::premortem::Premortem::of(&case, case.log.target.submission)
        .map(|p| serde_json::to_string(&p).unwrap_or_default());
    vec![
        diagnostics,
        format!(
            "{ranked:?} {:?} {:?}",
            evidence.folded, evidence.repeated_quotes
        ),
        format!("{objections:?}"),
        format!("{ladder:?}"),
        format!("{packet:?}"),
        format!("{premortem:?}"),
    ]
}

#[test]
fn a_big_log_gives_the_same_on_both_cores_as_on_one() {
    let moments = super::MIN_MOMENTS + 2_000;
    let text = crate::synth::generate(moments, 7);
    assert!(
        text.len() >= crate::log::parse::SPLIT_BYTES,
        "{} bytes",
        text.len()
    );
    let both = everything(&text);
    let one = super::on_one_thread(|| everything(&text));
    assert_eq!(
        both.len(),
        6,
        "the synthetic log is valid: {:.300}",
        both[0]
    );
    for (stage, (both, one)) in both.iter().zip(&one).enumerate() {
        assert!(
            both == one,
            "stage {stage} differs: {:.300} / {:.300}",
            both,
            one
        );
    }
}
