//! Judgment a calibration room would agree with: the fixtures in `fixtures/judgment/`
//! and the sponsor and corroboration rules on them (issue 13).

use crate::harness::promo;

fn json(fixture: &str, args: &[&str]) -> serde_json::Value {
    let run = promo().fixture(fixture).args(args).run().ok();
    serde_json::from_str(&run.stdout()).expect("json")
}

fn objections(fixture: &str) -> Vec<(String, String)> {
    json(fixture, &["objections", "--format", "json"])
        .as_array()
        .expect("an array")
        .iter()
        .map(|o| {
            (
                o["id"].as_str().expect("id").to_string(),
                o["severity"].as_str().expect("severity").to_string(),
            )
        })
        .collect()
}

fn packet_md(fixture: &str) -> String {
    promo()
        .fixture(fixture)
        .args(["packet", "--format", "md"])
        .run()
        .ok()
        .stdout()
}

#[test]
fn a_lukewarm_manager_is_the_first_attack_and_never_a_signal() {
    let found = objections("judgment/lukewarm-manager.ron");
    assert_eq!(
        found.first(),
        Some(&("lukewarm-sponsor".to_string(), "high".to_string())),
        "{found:?}"
    );
    let packet = packet_md("judgment/lukewarm-manager.ron");
    assert!(!packet.contains("point the same way"), "{packet}");
    assert!(packet.contains("Not yet aligned: the manager"), "{packet}");
    assert!(
        packet.contains("**Manager:** No endorsement from Omar Haddad"),
        "{packet}"
    );
    assert!(!packet.contains("“Not sure Nora"), "{packet}");
    assert!(!packet.contains("“Nora needs to show"), "{packet}");
    // The hedges earn nothing: the moment's quotes term is zero.
    let map = json(
        "judgment/lukewarm-manager.ron",
        &["map", "--format", "json", "--explain"],
    );
    let m004 = map["examples"]
        .as_array()
        .expect("examples")
        .iter()
        .find(|e| e["id"] == "m004")
        .expect("m004 is a top example");
    assert_eq!(m004["terms"][4]["why"], "manager (hedging) +0");
    assert_eq!(m004["terms"][4]["points"], 0);
    // The ask quotes the hedge back as one sentence: no second full stop after it.
    let asks = json(
        "judgment/lukewarm-manager.ron",
        &["objections", "--format", "json"],
    );
    let ask = asks[0]["ask"].as_str().expect("an ask");
    assert!(
        ask.contains(
            "“You said ‘Not sure Nora is ready to own an org-level area yet.’ What is the one thing"
        ),
        "{ask}"
    );
    assert!(!ask.contains("’."), "{ask}");
}

#[test]
fn signals_agree_only_when_the_manager_endorses() {
    let packet = packet_md("objections/clean.ron");
    assert!(packet.contains("All three point the same way"), "{packet}");
    assert!(
        packet.contains("“Nora made the ranking call herself"),
        "{packet}"
    );
    let generic = packet_md("objections/lukewarm-sponsor.generic.fires.ron");
    assert!(!generic.contains("point the same way"), "{generic}");
    assert!(
        generic.contains("Only general praise so far (“Great launch, really proud of her.”"),
        "{generic}"
    );
}

#[test]
fn vague_praise_with_pronouns_is_generic_and_a_concrete_line_is_specific() {
    let vague = objections("judgment/vague-praise.ron");
    assert!(
        vague.contains(&("vague-peer-feedback".to_string(), "medium".to_string())),
        "{vague:?}"
    );
    let concrete = objections("judgment/concrete-praise.ron");
    assert!(
        !concrete.iter().any(|(id, _)| id == "vague-peer-feedback"),
        "{concrete:?}"
    );
    let explain = |fixture: &str| {
        promo()
            .fixture(fixture)
            .env("COLUMNS", "100")
            .args(["map", "--explain"])
            .run()
            .ok()
            .stdout()
    };
    let vague = explain("judgment/vague-praise.ron");
    assert!(
        vague.contains("peer (generic) +0, stakeholder (generic) +0"),
        "{vague}"
    );
    let concrete = explain("judgment/concrete-praise.ron");
    assert!(concrete.contains("peer (specific) +6"), "{concrete}");
}

#[test]
fn self_reported_numbers_count_less_and_are_never_the_outcome() {
    let found = objections("judgment/self-reported.ron");
    assert!(
        found.contains(&("uncorroborated".to_string(), "medium".to_string())),
        "{found:?}"
    );
    let map = json(
        "judgment/self-reported.ron",
        &["map", "--format", "json", "--explain"],
    );
    let examples: Vec<&str> = map["examples"]
        .as_array()
        .expect("examples")
        .iter()
        .map(|e| e["id"].as_str().expect("id"))
        .collect();
    // Company reach and $9M, but nobody saw it: not a top example.
    assert!(!examples.contains(&"m007"), "{examples:?}");
    let context = json(
        "judgment/self-reported.ron",
        &["packet", "--format", "json"],
    );
    let outcome = context["signals"]["outcome"]["text"]
        .as_str()
        .expect("outcome");
    assert_eq!(outcome, "Search conversion up 3.2% over 4 weeks");
}

#[test]
fn a_witnessed_org_decision_with_a_metric_outranks_a_company_launch() {
    let map = json(
        "judgment/launch-vs-decision.ron",
        &["map", "--format", "json"],
    );
    // In its project's rank order the launch comes after every other alerts moment.
    let alerts = map["projects"]
        .as_array()
        .expect("projects")
        .iter()
        .find(|p| p["project"] == "alerts")
        .expect("alerts");
    let order: Vec<&str> = alerts["moments"]
        .as_array()
        .expect("moments")
        .iter()
        .map(|m| m.as_str().expect("id"))
        .collect();
    assert_eq!(order.last(), Some(&"m007"), "{order:?}");
    let examples: Vec<&str> = map["examples"]
        .as_array()
        .expect("examples")
        .iter()
        .map(|e| e["id"].as_str().expect("id"))
        .collect();
    assert!(examples.contains(&"m008"), "{examples:?}");
    assert!(!examples.contains(&"m007"), "{examples:?}");
}

#[test]
fn the_pre_mortem_shows_the_owner_the_managers_own_record() {
    let fires = promo()
        .fixture("objections/sponsor-follow-through.fires.ron")
        .args(["premortem"])
        .run()
        .ok()
        .stdout();
    assert!(
        fires.contains("OMAR HADDAD'S RECORD (their commitments to you): 1 held · 4 broken · 0 dropped · 0 open\n"),
        "{fires}"
    );
    let context = json(
        "objections/sponsor-follow-through.fires.ron",
        &["premortem", "--format", "json"],
    );
    assert_eq!(context["manager_record"]["broken"], 4);
    assert_eq!(context["manager_record"]["missed"][0]["moment"], "m004");
    // A manager with no commitments on record gets no line.
    let clean = promo()
        .fixture("objections/clean.ron")
        .args(["premortem"])
        .run()
        .ok()
        .stdout();
    assert!(!clean.contains("'S RECORD"), "{clean}");
}
