"""Events on invented sentences: dyads, types and above all modality."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.nlp.events import describe, modality  # noqa: F401 - public helpers

CASES = [json.loads(x) for x in (Path(__file__).parent / "modality_cases.jsonl").read_text().splitlines()]
#: issue 9 asks for >= 0.9 on the project's own set; this floor is what the coder holds today
#: and is raised as it improves (never lowered).
MODALITY_FLOOR = 0.95


def _find(article, case):
    for e in article.events:
        if (e.source or "")[:3] == case["source"] and (e.target or "")[:3] == case["target"] \
                and e.plover == case["plover"]:
            return e
    return None


def test_modality_accuracy(run) -> None:
    right, misses = 0, []
    for case in CASES:
        event = _find(run(case["text"]), case)
        ok = event is not None and event.modality == case["modality"]
        right += ok
        if not ok:
            misses.append((case["text"], case["modality"], event.modality if event else "no event"))
    accuracy = right / len(CASES)
    print(f"modality accuracy {accuracy:.3f} on {len(CASES)} cases; misses: {misses}")
    assert accuracy >= MODALITY_FLOOR, misses


def test_negated_is_never_asserted(run) -> None:
    for case in (c for c in CASES if c["modality"] == "negated"):
        event = _find(run(case["text"]), case)
        assert event is None or event.modality != "asserted", case["text"]


def test_event_fields(run) -> None:
    a = run("Chile imposed sanctions on Norway on Monday.", published="2025-03-05")
    (e,) = [e for e in a.events if e.plover == "SANCTION"]
    assert (e.code, e.goldstein, e.date, e.cue) == ("163", -8.0, "2025-03-03", "imposed")
    assert a.text[e.start:e.end] == a.text.strip()


def test_background_fact_is_not_dated_with_the_article(run) -> None:
    a = run("Relations have chilled since Chile imposed sanctions on Norway.", published="2025-03-05")
    assert all(e.date is None for e in a.events)


@pytest.mark.parametrize("code, plover, goldstein", [("051", "SUPPORT", 3.4), ("190", "ASSAULT", -10.0)])
def test_cameo_table(code: str, plover: str, goldstein: float) -> None:
    assert describe(code) == (plover, goldstein)


def _dyads(article) -> set[tuple[str, str | None, str, str]]:
    return {((e.source or "")[:3], (e.target or "")[:3] or None, e.plover or "", e.modality) for e in article.events}


def _records(article) -> list[tuple[str, str | None, str, str, str]]:
    return sorted(((e.source or "")[:3], (e.target or "")[:3] or None, e.code, e.plover or "", e.modality)
                  for e in article.events)


def test_a_stated_future_act(monkeypatch: pytest.MonkeyPatch, run) -> None:
    # invented: a stated intent to cooperate is CAMEO 03 (AGREE) beside the intended act itself
    dyads = _dyads(run("Chile said it will send food aid to Peru."))
    assert {("CHL", "PER", "AID", "intended"), ("CHL", "PER", "AGREE", "asserted")} <= dyads
    # told by the writer alone, the future act is the event: no one is told to have promised it
    dyads = _dyads(run("Chile will send food aid to Peru."))
    assert dyads == {("CHL", "PER", "AID", "intended")}, dyads
    # a conditional attack is a threat (13), one record: the threat's code and type, the attack's modality
    (rec,) = _records(run("Chile said it would attack Peru if Peru closed the border."))
    assert rec[:2] == ("CHL", "PER") and rec[2][:2] == "13" and rec[3:] == ("THREATEN", "conditional"), rec
    # a refusal is one record: CAMEO's refusal code (12), PLOVER's REJECT, the refused act negated
    for text in ("Chile will not release the Peruvian prisoners.", "Chile refused to release the Peruvian prisoners."):
        (rec,) = _records(run(text))
        assert rec[:2] == ("CHL", "PER") and rec[2][:2] == "12" and rec[3:] == ("REJECT", "negated"), rec
    from dateline.nlp.events import plover_label

    monkeypatch.setenv("DATELINE_PLOVER_LABELS", "2016")  # v0.5b1 named the refusal itself
    assert plover_label("RETREAT", "1241") == "REJECT"
    assert plover_label("ASSAULT", "138") == "THREATEN"


def test_a_past_negated_act_is_no_refusal(run) -> None:
    dyads = _dyads(run("Chile did not release the Peruvian prisoners."))
    assert not any(d[2] == "REJECT" for d in dyads)


def test_target_may_be_another_sector_of_the_same_country(run) -> None:
    a = run("The Chilean government arrested Chilean rebels in the north.")
    assert any(e.source == "CHLGOV" and e.target == "CHLREB" for e in a.events), _dyads(a)


def test_coordinated_subjects_are_each_a_source(run) -> None:
    a = run("Chile and Peru will send troops to Bolivia.")
    assert {(e.source, e.target) for e in a.events if e.plover == "AID"} >= {("CHL", "BOL"), ("PER", "BOL")}


@pytest.mark.parametrize("labels, code, plover, expected", [
    ("2021", "100", "REQUEST", "REQUEST"), ("2016", "100", "REQUEST", "DEMAND"),
    ("2016", "112", "ACCUSE", "DISAPPROVE"), ("2016", "090", "ACCUSE", "INVESTIGATE"),
    ("2016", "190", "ASSAULT", "FIGHT"), ("2016", "1823", "ASSAULT", "ASSAULT"),
    ("2016", "1712", "ASSAULT", "COERCE"), ("2016", "051", "SUPPORT", "SUPPORT"),
    ("2016", "0813", "RETREAT", "CONCEDE"), ("2021", "0813", "RETREAT", "RETREAT"),
    ("2016", "0831", "CONCEDE", "RETREAT"), ("2016", "192", "COERCE", "FIGHT"), ("2021", "192", "COERCE", "COERCE")])
def test_plover_label_versions(monkeypatch: pytest.MonkeyPatch, labels: str, code: str, plover: str,
                               expected: str) -> None:
    from dateline.nlp.events import plover_label

    monkeypatch.setenv("DATELINE_PLOVER_LABELS", labels)
    assert plover_label(plover, code) == expected


@pytest.mark.parametrize("labels, expected", [("2016", "AGREE"), ("2021", "COOPERATE")])
def test_an_intended_cooperation_is_an_agreement_in_2016(monkeypatch: pytest.MonkeyPatch, labels: str,
                                                         expected: str) -> None:
    # v0.5b1 defines AGREE as a future CONSULT/SUPPORT/COOPERATE/AID; an asserted act keeps its own type
    from dateline.nlp.events import plover_label

    monkeypatch.setenv("DATELINE_PLOVER_LABELS", labels)
    assert plover_label("COOPERATE", "06", "intended") == expected
    assert plover_label("COOPERATE", "06", "asserted") == "COOPERATE"
    assert plover_label("AID", "07", "intended") == ("AGREE" if labels == "2016" else "AID")


def test_a_demanded_act_is_folded_into_the_demand(run) -> None:
    # invented: the demand is the event; its CAMEO code names the act demanded (1053)
    a = run("Chile demanded that Peru release the prisoners.")
    assert [(e.source, e.target, e.code) for e in a.events] == [("CHL", "PER", "1053")]


def test_an_adverbial_clause_is_part_of_its_main_event(run) -> None:
    a = run("Chilean rebels shelled the Peruvian town of Tacna, killing ten people.")
    assert len([e for e in a.events if e.source and e.source.startswith("CHL")]) == 1, a.events


def test_a_resignation_needs_no_recipient(run) -> None:
    # invented; resigning is a RETREAT (PLOVER's mode "resign": a concession with material effect)
    a = run("Chilean President Ana Soto resigned on Sunday.")
    assert [(e.source, e.target, e.plover) for e in a.events] == [("CHLGOV", None, "RETREAT")]


def test_an_adjectival_participle_is_no_act(run) -> None:
    a = run("Peru rejected the proposed Chilean changes.")
    assert {e.plover for e in a.events} == {"REJECT"}


def test_an_event_noun_with_its_actors(run) -> None:
    a = run("Chilean riots against Peruvian policies went on for days.")
    assert ("CHL", "PER", "PROTEST") in {(e.source, e.target, e.plover) for e in a.events}


def test_coordinated_targets_are_each_a_target(run) -> None:
    a = run("Chile threatened to cut ties with Peru and Bolivia.")
    assert {(e.source, e.target) for e in a.events if e.plover == "THREATEN"} == {("CHL", "PER"), ("CHL", "BOL")}


def test_what_a_speaker_says_another_must_do_is_a_demand(run) -> None:
    a = run("Chile said on Tuesday that Peru must release the fishermen.")
    assert [(e.source, e.target, e.code, e.plover) for e in a.events] == [("CHL", "PER", "1053", "REQUEST")]


def test_the_us_is_no_pronoun(run) -> None:
    a = run("The US rejected the Chilean proposal.")
    assert [(e.source, e.target, e.plover) for e in a.events] == [("USA", "CHL", "REJECT")]


@pytest.mark.parametrize("text", [
    "The driver was pulled over by a state police trooper in Ohio.",  # invented: no withdrawal
    "The suspect pleaded guilty on Thursday in Ohio.",  # no appeal
    "The mayor seized upon the issue of illegal guns in Ohio.",  # no seizure
])
def test_idioms_are_no_events(run, text: str) -> None:
    assert run(text).events == []


def test_a_stance_passive_is_the_subjects_own_act(run) -> None:
    # invented: "be opposed to X" says what the subject does
    a = run("Chile is opposed to Peruvian mediation in the border talks.")
    assert ("CHL", "PER", "REJECT") in {(e.source, e.target, e.plover) for e in a.events}


def test_an_act_someone_must_do_is_only_the_demand(run) -> None:
    # invented: the obliged act is no event of its own, in any clause below "must"
    a = run("Chile said on Tuesday that Peru must be ready to send aid to Bolivia.")
    assert [(e.source, e.target, e.plover) for e in a.events] == [("CHL", "PER", "REQUEST")]


def test_a_demand_noun_with_its_content_clause(run) -> None:
    # invented: "its demand that X do Y" is a demand by the subject, not Y done by X
    a = run("Chile reiterated its demand today that Peru release the fishermen.")
    assert [(e.source, e.target, e.plover) for e in a.events] == [("CHL", "PER", "REQUEST")]


def test_an_attempt_is_no_statement(run) -> None:
    # invented: "tried to" tells an act that was attempted, not a threat
    a = run("Chile tried to hack into the computers of Peruvian army officers.")
    assert {e.plover for e in a.events} == {"COERCE"}


def test_who_reports_an_event_is_not_its_target(run) -> None:
    # invented: the attribution is not the recipient
    a = run("Chilean rebels shelled a village in the mountains, according to Peruvian officials.")
    assert not any((e.target or "").startswith("PER") for e in a.events), a.events


def test_the_means_of_a_killing_decides_its_kind(run) -> None:
    # invented: shelling is conventional military force (CAMEO 19), and the doer is its modifier
    a = run("Three Peruvian farmers were killed in Chilean tank shelling near the border.")
    assert ("CHL", "PER", "190") in {((e.source or "")[:3], (e.target or "")[:3], e.code) for e in a.events}, a.events


def test_a_staged_demonstration_is_a_protest(run) -> None:
    # invented: the demand told in its purpose clause is part of the protest
    a = run("Thousands of Chilean students staged demonstrations to demand reforms by the Chilean government.")
    assert {e.plover for e in a.events} == {"PROTEST"}, a.events


def test_a_country_word_naming_a_border_is_no_party(run) -> None:
    # invented
    a = run("Peruvian troops captured a rebel camp on the Chilean border after days of fighting.")
    assert not any((e.target or "").startswith("CHL") for e in a.events), a.events


def test_a_threatened_act_is_folded_into_the_threat(run) -> None:
    # invented: like a demand, the threat is the event and its CAMEO code names the act (131x)
    a = run("Chile threatened to break off diplomatic relations with Peru.")
    assert [(e.source, e.target, e.plover) for e in a.events] == [("CHL", "PER", "THREATEN")]
    assert a.events[0].code.startswith("131")


def test_a_reduced_relative_is_a_passive(run) -> None:
    # invented: the doer is the agent of the participle, not the subject of the clause around it
    a = run("Chile mourned the Peruvian farmers killed by Bolivian troops.")
    assert not any(e.source == "CHL" and e.plover == "ASSAULT" for e in a.events), a.events
    assert any((e.source or "").startswith("BOL") and (e.target or "").startswith("PER") for e in a.events), a.events


@pytest.mark.parametrize("text, expected", [
    ("Peru protested that Chile had closed the border.", ("PER", "CHL", "ACCUSE")),  # a verbal protest
    ("Chile expressed appreciation for Peru's assistance.", ("CHL", "PER", "SUPPORT")),
])
def test_reporting_verbs_that_are_events(run, text: str, expected: tuple[str, str, str]) -> None:
    # invented
    a = run(text)
    assert expected in {(e.source, e.target, e.plover) for e in a.events}, a.events


def test_talks_with_another_party_are_mutual(run) -> None:
    # invented: a meeting is one event with both parties and no recipient (PLOVER's reciprocal form)
    a = run("Chilean ministers held talks with Peruvian officials on Monday.")
    assert {((e.source or "")[:3], e.target, e.plover) for e in a.events} == {
        ("CHL", None, "CONSULT"), ("PER", None, "CONSULT")}


def test_each_party_told_it_must_act_is_a_target(run) -> None:
    # invented: "Chilean and Peruvian forces must ..." obliges both
    a = run("Bolivia said Chilean and Peruvian forces must leave the border area.")
    assert {((e.source or "")[:3], (e.target or "")[:3]) for e in a.events if e.plover == "REQUEST"} == {
        ("BOL", "CHL"), ("BOL", "PER")}, a.events


def test_a_mistagged_noun_is_no_trigger(run) -> None:
    # invented: "demands" as the object of "meet" is a noun even when tagged as a verb
    a = run("Chile said it would not meet the kidnappers demands to release prisoners in Peru.")
    assert not any(e.plover == "REQUEST" for e in a.events), a.events


def test_a_claimed_hostile_act_is_an_accusation_or_a_claim_of_responsibility(run) -> None:
    # invented: claimed of another party it accuses (112); of one's own side it claims responsibility (015)
    a = run("Chile claimed that Peruvian troops had shelled a border village.")
    assert [(e.source, (e.target or "")[:3], e.code) for e in a.events] == [("CHL", "PER", "112")], a.events
    a = run("Chile claimed that it had attacked Peru.")
    assert [(e.source, e.target, e.code) for e in a.events] == [("CHL", "PER", "015")], a.events


def test_a_document_speaks_for_its_issuer(run) -> None:
    # invented: the report's source is who issued it
    a = run("A report released on Monday by the Chilean government accused Peru of hiding the evidence.")
    assert ("CHLGOV", "PER", "ACCUSE") in {(e.source, e.target, e.plover) for e in a.events}, a.events


@pytest.mark.parametrize("text, code", [
    ("Chile has agreed to lift the sanctions on Peru.", "0354"),  # intent to ease sanctions, not a signing
    ("Chile refused to release the Peruvian prisoners.", "1243"),  # refusal to release persons
])
def test_a_statement_is_coded_by_the_act_it_is_about(run, text: str, code: str) -> None:
    # invented
    assert code in {e.code for e in run(text).events}


def test_a_passive_subject_is_the_object_a_trigger_row_asks_for(run) -> None:
    # invented: "release" needs people released; in the passive they are its subject
    a = run("Chilean prisoners were released on Monday by Peru.")
    assert [(e.source, e.target, e.plover) for e in a.events] == [("PER", "CHL", "RETREAT")], a.events


def test_an_ultimatum_is_a_threat(run) -> None:
    # invented: "will do X unless Y ..." threatens, even when X alone would be a concession
    a = run("Chile said it will withdraw its peacekeepers from Peru unless Peru holds elections.")
    assert any(e.plover == "THREATEN" and (e.target or "").startswith("PER") for e in a.events), a.events
    assert not any(e.plover == "AGREE" for e in a.events), a.events
    assert len(a.events) == 1, a.events  # the withdrawal is the threat's lever, no event of its own


def test_accepting_a_proposal_agrees_and_accepting_demands_yields(run) -> None:
    # invented
    assert ("CHL", "PER", "AGREE") in {(e.source, e.target, e.plover)
                                       for e in run("Chile accepted a Peruvian proposal for joint patrols.").events}
    assert ("CHL", "PER", "CONCEDE") in {(e.source, (e.target or "")[:3], e.plover)
                                         for e in run("Chile accepted the demands of Peruvian fishermen.").events}


def test_preparing_to_attack_is_a_show_of_force(run) -> None:
    # invented: CAMEO 15 (MOBILIZE), not a threat, and the attack to come is no record of its own
    a = run("The Chilean army prepared to resume shelling Peruvian positions.")
    assert {e.plover for e in a.events} == {"MOBILIZE"}, a.events


def test_the_object_of_a_hostile_noun_is_its_target(run) -> None:
    # invented: "X's invasion of Y", "the shelling of Y by X"
    a = run("Chile's invasion of Peru shocked the region.")
    assert ("CHL", "PER", "ASSAULT") in {(e.source, e.target, e.plover) for e in a.events}, a.events
    a = run("The shelling of Peruvian towns by Chilean troops went on for days.")
    assert ("CHLMIL", "PER", "ASSAULT") in {(e.source, (e.target or "")[:3], e.plover) for e in a.events}, a.events


def test_what_someone_is_accused_of_is_no_event_of_its_own(run) -> None:
    # invented: the accusation names the act; the accuser did not attack
    a = run("Chile accused Peru of attacking Bolivia.")
    assert [(e.source, e.target, e.plover) for e in a.events] == [("CHL", "PER", "ACCUSE")], a.events


def test_a_crowd_protests_where_it_gathers(run) -> None:
    # invented: protesters no country word names are the people of the place they rally in; that
    # place is not the recipient, the phrase "against" names it
    a = run("Thousands of students marched in Lima against the Chilean embassy's new visa rules.")
    assert {((e.source or "")[:3], (e.target or "")[:3], e.plover) for e in a.events} == {("PER", "CHL", "PROTEST")}, \
        a.events


@pytest.mark.parametrize("text, expected", [
    ("Chile and Peru exchanged fire across the border.", {("CHL", None, "ASSAULT"), ("PER", None, "ASSAULT")}),
    ("The United Nations voted to extend sanctions on Peru.", {("IGO", "PER", "SANCTION")}),
])
def test_more_verb_patterns(run, text: str, expected: set) -> None:
    # invented
    assert {((e.source or "")[:3], (e.target or "")[:3] or None, e.plover) for e in run(text).events} == expected


@pytest.mark.parametrize("text, expected", [
    ("Chile announced a suspension of air links with Peru.", {("CHL", "PER", "SANCTION")}),
    ("Chile completed the withdrawal of its troops from Peru.", {("CHL", "PER", "RETREAT")}),
    ("Chile condemned the suspension of air links with Peru.", set()),
])
def test_an_event_noun_done_by_the_subject(run, text: str, expected: set) -> None:
    # invented: the object of a verb of doing names the subject's act; a verb that judges it does not
    got = {((e.source or "")[:3], (e.target or "")[:3] or None, e.plover) for e in run(text).events
           if e.plover in ("SANCTION", "RETREAT")}
    assert got == expected


def test_soldiers_killed_in_a_country(run) -> None:
    # invented: a reduced relative's "in <country>" names the state as doer (as "arrested in
    # Lebanon" does); killing soldiers is conventional force (190), not an assault
    a = run("There were twelve Peruvian soldiers killed in Chile on Monday.")
    assert [(e.source, e.target, e.code) for e in a.events] == [("CHL", "PERMIL", "190")], a.events
    a = run("Chile mourned the villagers killed in the raid.")
    assert not any(e.plover in ("ASSAULT", "FIGHT") for e in a.events), a.events


def test_an_unknown_subject_is_named_by_its_apposition(run) -> None:
    # invented: the person is in no table; the apposition says whom they act for
    a = run("Ana Torres, the United Nations relief coordinator, condemned Chile.")
    assert ("IGO", "CHL", "ACCUSE") in {((e.source or "")[:3], e.target, e.plover) for e in a.events}, a.events


def test_a_place_in_the_sources_own_country_is_no_recipient(run) -> None:
    # invented: "in Lima" says where Peru acts, not whom it acts on
    a = run("Peru threatened to ban rallies in Lima if Chilean traders came.")
    assert not any((e.source or "")[:3] == "PER" and (e.target or "")[:3] == "PER" for e in a.events), a.events


def test_receiving_observers_allows_international_involvement(run) -> None:
    # invented: CAMEO 0862, receive inspectors or observers
    a = run("The Peruvian president received a mission of observers from the OSCE.")
    assert ("PER", "IGO", "0862") in {((e.source or "")[:3], (e.target or "")[:3], e.code) for e in a.events}, a.events


def test_a_condition_of_a_demanded_act_is_no_event(run) -> None:
    # invented: disarming is what is to happen once the demand is met, not an act of anyone
    a = run("Peruvian rebels said the Chilean government must agree to major changes before they disarm.")
    assert not any(e.cue == "disarm" for e in a.events), a.events


def test_a_meeting_retold_as_a_visit_is_one_record(run) -> None:
    # invented: the talks and the visit are one meeting, coded once as mutual
    a = run("Chilean ministers held talks with Peru's government on Monday, the first Chilean delegation to visit Lima "
            "in a decade.")
    consult = {((e.source or "")[:3], e.target) for e in a.events if e.plover == "CONSULT"}
    assert consult == {("CHL", None), ("PER", None)}, a.events


@pytest.mark.parametrize("text, code", [
    ("Chile launched an air strike against a Peruvian army base.", "195"),
    ("Chilean jets carried out air strikes on Peru.", "195"),
    ("Chilean troops carried out a raid on a Peruvian village.", "190"),
])
def test_aerial_attacks_and_carried_out_attacks(run, text: str, code: str) -> None:
    # invented: CAMEO 195 employ aerial weapons; 'carry out an attack' is the attack
    assert code in {e.code for e in run(text).events}


def test_a_reduced_relative_is_no_act_of_the_outer_subject(run) -> None:
    # invented: Chile did not order the migrants out; someone unnamed did
    a = run("Chile opened its borders to the Bolivian traders ordered out of Peru.")
    assert "100" not in {e.code for e in a.events} and not any(e.cue == "ordered" for e in a.events), a.events


@pytest.mark.parametrize("text, target", [
    ("The Chilean government on Monday accepted demands from rebels that it hold elections.", "CHLREB"),
    ("Chilean police arrested twelve protesters on Monday.", "CHLOPP"),
    ("Chilean police arrested twelve Peruvian protesters on Monday.", "PER"),
    ("Chilean police opened fire on protesters in the capital.", "CHLOPP"),
    ("Chilean troops clashed with rebels near the border.", "CHLREB"),
])
def test_a_group_named_by_role_alone_is_of_the_sources_country(run, text: str, target: str) -> None:
    # invented: with no other state named, "rebels" and "protesters" are the source's own people
    assert target in {(e.target or "")[:len(target)] for e in run(text).events}


def test_a_crowd_by_role_alone_is_of_the_one_state_named(run) -> None:
    # invented: the strikers are taken as Peruvians, the only state the sentence names
    a = run("Students continued their hunger strike to demand the resignation of the Peruvian president.")
    assert any((e.source or "").startswith("PER") and e.plover == "PROTEST" for e in a.events), a.events


def test_a_protest_naming_no_recipient_is_against_its_own_state(run) -> None:
    # invented
    a = run("Hundreds of ethnic Quechua demonstrated on Tuesday in Peru, local radio said.")
    assert ("PER", "PERGOV", "PROTEST") in {((e.source or "")[:3], e.target, e.plover) for e in a.events}, a.events


@pytest.mark.parametrize("text, expected", [
    ("Former Peruvian president Garcia demanded immediate elections.", {("PER", None, "REQUEST")}),
    ("Chile insisted the unrest reflected old tensions.", set()),
])
def test_demands_of_no_one_named_and_insisting_as_a_claim(run, text: str, expected: set) -> None:
    # invented: a demand needs no named recipient; insisting that something was so demands nothing
    got = {((e.source or "")[:3], e.target, e.plover) for e in run(text).events if e.plover == "REQUEST"}
    assert got == expected


def test_an_attack_noun_subject_is_the_means(run) -> None:
    # invented: the air strikes name the kind of violence (195), not the verb of their result
    a = run("Chilean airstrikes killed twelve Peruvian civilians on Monday.")
    assert ("CHL", "PER", "195") in {((e.source or "")[:3], (e.target or "")[:3], e.code) for e in a.events}, a.events


def test_their_forces_are_the_speakers(run) -> None:
    # invented: "their forces" belong to the subject of the verb that reports them
    a = run("Chilean officials said their forces had completed their withdrawal from the Peruvian town of Tacna.")
    assert any((e.source or "").startswith("CHL") and e.plover == "RETREAT" for e in a.events), a.events


def test_forcing_an_agency_out_is_an_expulsion(run) -> None:
    # invented: CAMEO 166 (expel or withdraw) for a body forced out, 174 for people
    a = run("Chile forced the UN refugee agency out of the country.")
    assert ("CHL", "IGO", "166") in {((e.source or "")[:3], (e.target or "")[:3], e.code) for e in a.events}, a.events


def test_a_group_named_in_a_purpose_clause_is_the_recipient(run) -> None:
    # invented: the demonstrators to be dispersed are Chile's own people, shot at by its police
    a = run("Chilean police opened fire to disperse student demonstrators on Monday.")
    assert any(e.source == "CHLCOP" and (e.target or "").startswith("CHL") for e in a.events), a.events


def test_stopping_work_is_a_strike(run) -> None:
    # invented: CAMEO 143 (strike), against the workers' own state when no recipient is named
    a = run("Workers of the Chilean Workers' Union stopped work on Monday.")
    assert "143" in {e.code for e in a.events if (e.source or "").startswith("CHL")}, a.events


def test_an_attack_on_refugees_is_an_assault(run) -> None:
    # invented: violence against civilians or refugees is CAMEO 18, not combat (19)
    a = run("A camp for Peruvian refugees was attacked by Chilean militiamen on Monday.")
    assert any(e.code[:2] == "18" and (e.source or "").startswith("CHL") for e in a.events), a.events


def test_own_people_named_by_demonym_and_role_are_the_recipient(run) -> None:
    # invented: the refugees are Chile's people, not Bolivia (named in their relative clause)
    a = run("Chile will allow 3,500 Chilean Aymara refugees who have stayed in Bolivia since the war to go back home.")
    assert {(e.source, e.target) for e in a.events} == {("CHL", "CHLREF")}, a.events


def test_the_content_of_a_vetoed_resolution_is_no_act_of_the_veto(run) -> None:
    # invented: the resolution censures Peru; Chile only vetoes it
    a = run("Chile on Tuesday vetoed a draft resolution condemning its seizure of the Peruvian consulate in Arica "
            "as unlawful.")
    assert {e.plover for e in a.events if (e.source or "").startswith("CHL")} == {"REJECT"}, a.events


def test_parties_travelling_for_talks_hold_them(run) -> None:
    # invented: two parties going somewhere for talks meet each other (mutual, no recipient)
    a = run("Chilean and Peruvian negotiators return to Quito this week for talks on the border.")
    assert {((e.source or "")[:3], e.target, e.plover) for e in a.events} == {
        ("CHL", None, "CONSULT"), ("PER", None, "CONSULT")}, a.events


def test_martial_law_falls_on_the_own_people(run) -> None:
    # invented: a curfew or martial law that names no one restricts the state's own people (CAMEO 172x);
    # being prepared to impose it is an intention, and so a threat
    a = run("The Chilean government declared a state of emergency in Santiago.")
    assert ("CHLGOV", "CHLCVL", "1724") in {(e.source, e.target, e.code) for e in a.events}, a.events
    a = run("The Chilean government said it is prepared to impose martial law.")
    assert {(e.plover, e.modality) for e in a.events} == {("COERCE", "intended"), ("THREATEN", "asserted")}, a.events


def test_a_group_named_by_role_in_the_object_beside_the_reporters_state(run) -> None:
    # invented: the guerrillas are Chile's own, though the border and the reporting police are Peru's
    a = run("Chilean troops captured part of a guerrilla stronghold on the Peruvian border, Peruvian police said "
            "on Monday.")
    assert [(e.source, e.target) for e in a.events] == [("CHLMIL", "CHLREB")], a.events


def test_an_organisation_of_no_known_country_is_of_the_only_state_named(run) -> None:
    # invented: the front is taken as Chile's, the one state the sentence names
    a = run("Chilean President Ana Soto said she is prepared to lift the ban on the Popular Liberation Front (PLF).")
    assert {(e.source, e.target, e.plover) for e in a.events} >= {("CHLGOV", "CHL", "AGREE")}, a.events
    # only what the verb acts on: not the object of another verb it governs
    a = run("Chilean President Ana Soto urged anyone with information to call the Office of Public Safety.")
    assert not any(e.target == "CHL" for e in a.events), a.events
    # nor a place where the act happens
    a = run("Chilean President Ana Soto will meet community leaders at Maple Leaf Playground on Monday.")
    assert not any(e.target == "CHL" for e in a.events), a.events
    # a state named in the clause around it ("Chile announced ...") is not the front's
    a = run("Chile announced a suspension of flights to Peru on Monday, a day after a Peruvian army jet shot down a "
            "helicopter carrying Andean Water Board inspectors.")
    assert not any(e.source and e.target and e.source[:3] == e.target[:3] for e in a.events), a.events


def test_enhancing_political_freedoms_eases_restrictions(run) -> None:
    # invented: CAMEO 0811, easing restrictions on political freedoms (a concession)
    a = run("The Chilean government has taken steps to enhance political freedoms in Chile.")
    assert ("CHLGOV", "CHL", "0811") in {(e.source, e.target, e.code) for e in a.events}, a.events


@pytest.mark.parametrize("text, code", [
    ("Chile armed the Peruvian rebels.", "072"), ("Chilean troops besieged the Peruvian town of Tacna.", "191"),
    ("Chile annexed the Peruvian province of Tacna.", "192"),
    ("Chilean soldiers murdered three Peruvian farmers.", "1823")])
def test_more_cameo_verbs(run, text: str, code: str) -> None:
    # invented: arming a group is military aid, besieging a blockade, annexing an occupation, murder a killing
    assert code in {e.code for e in run(text).events}


def test_an_admission_that_something_happened_tells_no_event(run) -> None:
    # invented: the killing is what Peru is asked to admit; only the demand is told
    a = run("Chile's parliament demanded an admission by Peru that Peruvian forces murdered 300 Chilean prisoners.")
    assert {e.plover for e in a.events} == {"REQUEST"}, a.events


def test_withdrawing_peacekeepers_and_any_act_under_unless(run) -> None:
    # invented: withdrawing peacekeepers is CAMEO 1661 (SANCTION), not a retreat; held over "unless"
    # it is only the lever of an ultimatum, one record: the threat
    a = run("The UN withdrew its peacekeepers from Bosnia.")
    assert [(e.source, e.target, e.code) for e in a.events] == [("IGOUNO", "BIH", "1661")], a.events
    a = run("Chile will impose sanctions on Peru unless Peru releases the prisoners.")
    assert [(e.plover, e.modality) for e in a.events] == [("THREATEN", "conditional")], a.events


def test_a_party_of_no_known_country_and_a_boycott_under_unless(run) -> None:
    # invented: a party the tables do not know, in a sentence naming one state, is of that state; a
    # boycott held over "unless" is an ultimatum (one record, the threat), like any act so held
    a = run("The conservative Popular Renewal Party (PRP) said it will boycott Chile's next multi-party elections "
            "unless the president resigns.")
    assert [(e.source, e.target, e.plover, e.modality) for e in a.events] == [
        ("CHLPTY", "CHL", "THREATEN", "conditional")], a.events


def test_a_main_verb_the_parser_hangs_as_a_participle(run) -> None:
    # invented: the small model reads "donated" as a participle of "groups" and the sentence as a noun
    # phrase; a participle with a direct object (here through "delivered") is the main verb after all
    a = run("Nurses from two Chilean aid groups donated and personally delivered $20,000 worth of medicine to "
            "Lima University Hospital, risking years in prison.")
    assert [((e.source or "")[:3], (e.target or "")[:3], e.plover) for e in a.events] == [("CHL", "PER", "AID")]


def test_a_subject_the_parser_glued_to_a_fronted_phrase(run) -> None:
    # invented: the small model hangs "the Chilean government and Peru" on "Memorandum" and leaves "agreed"
    # without a subject; the noun phrase right before the verb, after the comma, is its subject
    a = run("With the signing of a Memorandum on Border Security, the Chilean government and Peru have agreed to "
            "open talks on the border.")
    assert {((e.source or "")[:3], e.target, e.plover) for e in a.events} == {
        ("CHL", None, "AGREE"), ("PER", None, "AGREE")}, a.events


def test_recognising_a_victory_concedes_it(run) -> None:
    # invented: recognising an election result is a concession (CAMEO 08), not diplomatic recognition (054)
    a = run("The Chilean government recognized the victory of Peruvian opposition parties in Lima.")
    assert [(e.code, e.plover) for e in a.events] == [("080", "CONCEDE")], a.events


def test_wishing_another_party_to_act_is_an_appeal(run) -> None:
    # invented: the wished act has not happened; the wisher appeals to the party (CAMEO 02x, REQUEST)
    for text in ("Chile wants Peru to withdraw from the border.", "Chile would like Peru to release the prisoners."):
        a = run(text)
        assert [(e.source, e.target, e.code[:2], e.plover, e.modality) for e in a.events] == [
            ("CHL", "PER", "02", "REQUEST", "asserted")], a.events
    # wishing to act oneself is an intention; "would like" is a wish, not a hypothetical
    assert ("CHL", "PER", "CONSULT", "intended") in _dyads(run("Chile would like to meet Peru next week."))
    assert ("CHL", "PER", "REJECT", "negated") in _dyads(run("Chile would not like to meet Peru."))


def test_an_act_warned_against_is_no_event_and_tear_gas_is_repression(run) -> None:
    # invented: the deployment is what Peru is warned against; it has not happened, nor is it Chile's
    a = run("Chile on Monday warned Peru against deploying troops on the border.")
    assert [e.plover for e in a.events] == ["THREATEN"], a.events
    # crowd control with tear gas is violent repression (CAMEO 175), not military force (190)
    a = run("Chilean police fired tear gas at opposition supporters in Santiago.")
    assert [(e.source, e.code) for e in a.events] == [("CHLCOP", "175")], a.events


def test_a_phone_call_is_a_consultation_and_a_briefing_is_none(run) -> None:
    # invented: speaking by phone with another leader is CAMEO 041, mutual like any talks "with"
    a = run("Chilean President Ana Soto spoke by phone with Peruvian President Luis Rojas.")
    assert {((e.source or "")[:3], e.target, e.code) for e in a.events} == {("CHL", None, "041"), ("PER", None, "041")}
    # speaking with reporters is no consultation
    assert run("Chilean President Ana Soto spoke with reporters by phone on Monday.").events == []


def test_approving_a_treaty_ratifies_it(run) -> None:
    # invented: a parliament approving an agreement ratifies it (CAMEO 057)
    a = run("The Chilean senate approved a fisheries agreement with Peru on Tuesday.")
    assert [(e.source, e.target, e.code) for e in a.events] == [("CHLLEG", "PER", "057")], a.events


def test_arriving_somewhere_for_a_visit_visits_it_and_rebels_killed_in_combat(run) -> None:
    # invented: the place gone to for a visit is the host
    a = run("The Chilean foreign minister flew to Lima on Monday for an official visit.")
    assert [(e.source, e.target, e.code) for e in a.events] == [("CHLGOV", "PERGOV", "042")], a.events
    # rebels killed by troops are killed in combat (CAMEO 190), as soldiers are
    a = run("Chilean troops killed 30 Mapuche rebels in fierce fighting in the south.")
    assert [e.code for e in a.events] == ["190"], a.events


def test_a_threat_is_the_doers_own_statement(run) -> None:
    # invented: what analysts say Peru could do is no threat by Peru, only a possible act
    a = run("Analysts said Peru could attack Chile if provoked.")
    assert [(e.code[:2], e.modality) for e in a.events] == [("19", "conditional")], a.events
    a = run("Peru said it would attack Chile if provoked.")
    assert [(e.code[:2], e.modality) for e in a.events] == [("13", "conditional")], a.events


def test_a_fronted_setting_names_no_recipient(run) -> None:
    # invented: the parties of a fronted "After ..."/"Despite ..." phrase are the setting, not the recipients
    a = run("After a meeting with Bolivia and Ecuador, Chile imposed sanctions on Peru.")
    assert [(e.source, e.target) for e in a.events] == [("CHL", "PER")], a.events
    a = run("Despite pressure from Bolivia and Ecuador, Chile refused to release the journalists.")
    assert not any(e.target in ("BOL", "ECU") for e in a.events), a.events
    # a fronted topic still names the recipient
    a = run("As for relations with Bolivia, we will develop relations, whether someone likes it or not, the Chilean "
            "president said.")
    assert ("CHL", "BOL") in {((e.source or "")[:3], e.target) for e in a.events}, a.events


def test_an_exchange_of_prisoners_is_mutual(run) -> None:
    # invented: both sides release prisoners (CAMEO 0841), one mutual event as for talks "with"
    for text in ("Chile and Peru exchanged prisoners on Sunday.", "Chile exchanged 90 prisoners with Peru."):
        a = run(text)
        assert {((e.source or "")[:3], e.target, e.code) for e in a.events} == {
            ("CHL", None, "0841"), ("PER", None, "0841")}, a.events


def test_a_narrated_hostile_future_is_no_threat(run) -> None:
    # invented: a threat is a statement; told by the writer alone, the future act is the event
    assert _dyads(run("Chile will impose sanctions on Norway.")) == {("CHL", "NOR", "SANCTION", "intended")}
    assert ("CHL", "NOR", "THREATEN", "asserted") in _dyads(run("Chile said it will impose sanctions on Norway."))


def test_the_object_of_a_causing_verb_does_the_act(run) -> None:
    # invented: Bolivia appeals, prompted by Chile's operation; the operation's doer does not
    a = run("Chile launched a military operation in the Atacama, prompting Bolivia to appeal to Peru.")
    assert ("BOL", "PER") in {(e.source, e.target) for e in a.events}, a.events
    assert not any(e.source == "CHL" and e.target == "PER" for e in a.events), a.events


def test_a_two_word_name_of_an_attack(run) -> None:
    # invented: "air strike" names an aerial attack (CAMEO 195) though "strike" alone may be a walkout
    a = run("The Chilean air strike on Peru killed five soldiers.")
    assert ("CHL", "PER", "195") in {(e.source, e.target, e.code) for e in a.events}, a.events


def test_closing_a_border_restricts_movement(run) -> None:
    # invented: closing or sealing a border with another state is CAMEO 191 (restrict movement)
    a = run("Chile closed its border with Bolivia after the attack.")
    assert [(e.source, e.target, e.code) for e in a.events] == [("CHL", "BOL", "191")], a.events


def test_an_invitation_is_an_intent_to_meet_and_the_visit_is_yet_to_come(run) -> None:
    # invented: inviting is CAMEO 036 (express intent to meet); the invited visit has not happened
    a = run("Chile invited the Peruvian president to visit Santiago.")
    assert [(e.source, e.target, e.code) for e in a.events] == [("CHL", "PERGOV", "036")], a.events


@pytest.mark.parametrize("text, code", [
    # invented sentences, one per CAMEO distinction the lexicon now draws
    ("Chile fired two artillery shells at Peru.", "194"),  # fight with artillery and tanks, not 190
    ("Chilean troops cordoned off the roads into Bolivia.", "191"),  # restrict movement
    ("The Chilean government chided Peru over the fishing dispute.", "111"),  # criticize
    ("Chile restored full diplomatic ties with Peru.", "050"),  # diplomatic, not material cooperation (06)
    ("Chile promised aid to Peru.", "033"),  # intent to provide material aid, not 030
])
def test_cameo_distinctions_of_the_lexicon(run, text: str, code: str) -> None:
    a = run(text)
    assert code in {e.code for e in a.events}, a.events


def test_travelling_on_a_visit_or_for_meetings(run) -> None:
    # invented: arriving "on" a visit visits the place; meetings "of a committee with X" meet X
    a = run("The Chilean president arrived in Peru on Monday on his first official visit.")
    assert ("CHLGOV", "PER", "042") in {(e.source, e.target, e.code) for e in a.events}, a.events
    a = run("Chile's foreign minister left for Lima for meetings of the joint trade committee with Bolivia.")
    assert ("CHLGOV", "BOL", "040") in {(e.source, e.target, e.code) for e in a.events}, a.events


def test_agreeing_that_is_no_signed_agreement(run) -> None:
    # invented: agreeing on a view is an intent to cooperate (030), not the signing of an agreement (057)
    a = run("Chile and Peru agree that the border dispute should be settled by arbitration.")
    codes = {e.code for e in a.events}
    assert "030" in codes and "057" not in codes, codes


def test_received_aid_is_given_by_the_from_party(run) -> None:
    # invented: the giver named in the "from" phrase is the source, the subject the recipient
    a = run("Peru has received weapons from Chile.")
    assert [(e.source, e.target, e.code) for e in a.events] == [("CHL", "PER", "072")], a.events
    a = run("Bolivia obtained a loan from Chile on Monday.")
    assert [(e.source, e.target, e.code) for e in a.events] == [("CHL", "BOL", "071")], a.events
    assert not run("Peru received humanitarian aid.").events  # no giver named: no one to code


def test_forces_clashing_with_protesters_repress_them(run) -> None:
    # invented: a clash of forces with protesters or rioters is violent repression (CAMEO 175), not combat (190)
    a = run("Chilean troops clashed with Peruvian protesters in Lima.")
    assert ("CHLMIL", "175") in {(e.source, e.code) for e in a.events}, a.events
    a = run("Chilean troops clashed with Peruvian soldiers on the border.")
    assert "190" in {e.code for e in a.events}, a.events


@pytest.mark.parametrize("text, code", [
    # invented: a warning of a danger is a pessimistic comment (CAMEO 012, no PLOVER type), not a threat;
    # a warning of consequences or retaliation still is one
    ("The UN warned of famine in Somalia.", "012"),
    ("Chile warned Peru about the dangers of the new dam.", "012"),
    ("Chile warned Peru of serious consequences.", "130"),
    # a clash over an issue is verbal disapproval (110), not combat
    ("The Chilean president clashed over the plans of Peru to build a dam.", "110"),
])
def test_warnings_and_clashes_that_are_words(run, text: str, code: str) -> None:
    assert [e.code for e in run(text).events] == [code]


def test_a_gerund_with_an_article_is_no_act(run) -> None:
    # invented: "a shooting" is a noun the police ask about; no one is told to have shot or to mean to
    a = run("Chilean police are seeking information regarding a drive-by shooting Sunday morning in Peru.")
    assert not a.events, a.events


def test_an_imminent_act_is_intended_and_no_one_promised_it(run) -> None:
    # invented: "about to" tells what comes next; reported or not, no one is told to have promised it
    for text in ("Peru is about to restore diplomatic ties with Chile.",
                 "Peru is about to restore diplomatic ties with Chile, a senior official said."):
        assert _dyads(run(text)) == {("PER", "CHL", "SUPPORT", "intended")}, text


@pytest.mark.parametrize("text, code", [
    # invented sentences for CAMEO rows the lexicon lacked
    ("Chilean troops violated the ceasefire with Peru on Monday.", "196"),  # violate ceasefire
    ("Chile nationalized the Peruvian copper mines.", "1711"),  # confiscate property
    ("Chilean soldiers looted Peruvian shops in the border town.", "171"),  # seize or damage property
    ("Chilean troops destroyed Peruvian homes near the border.", "1712"),  # destroy property
    ("Chile reprimanded the Peruvian ambassador.", "111"),  # criticize
    ("Chile stationed troops on the border with Peru.", "154"),  # mobilize armed forces
])
def test_cameo_rows_added_from_the_definitions(run, text: str, code: str) -> None:
    assert [e.code for e in run(text).events] == [code]


@pytest.mark.parametrize("text, code", [
    # invented: a warning told to no one of what others or events will do is a pessimistic comment (012)
    ("The WHO warned that cases could rise sharply in India.", "012"),
    ("Chile warned that Peru was massing troops on the border.", "012"),
    # a warning to someone, or of harm to come, is a threat
    ("Egypt warned Sudan that it would respond.", "130"),
    ("Russia warned that NATO expansion would lead to war.", "130"),
])
def test_a_warning_of_what_others_will_do_is_no_threat(run, text: str, code: str) -> None:
    assert code in {e.code for e in run(text).events}


@pytest.mark.parametrize("text, code", [
    # invented: CAMEO's kinds of rejection, by what is rejected
    ("Chile rejected Peru's offer of talks.", "125"),  # proposal to meet or negotiate
    ("Chile rejected Norwegian mediation in the dispute with Peru.", "126"),  # mediation
    ("Chile rejected the peace plan proposed by Peru.", "127"),  # plan to settle a dispute
    ("Chile rejected the Peruvian demand.", "120"),
])
def test_kinds_of_rejection(run, text: str, code: str) -> None:
    assert [e.code for e in run(text).events] == [code]


def _pairs(article) -> set[tuple[str | None, str | None, str]]:
    return {(e.source, e.target, e.code[:2]) for e in article.events}


@pytest.mark.parametrize("text, pairs", [
    # invented: an act two parties do together is one record per party with no recipient, however it is told
    ("Chile and Peru signed a trade agreement.", {("CHL", None, "05"), ("PER", None, "05")}),
    ("Chile held talks with Peru.", {("CHL", None, "04"), ("PER", None, "04")}),
    ("Chilean and Peruvian troops clashed on the border.", {("CHLMIL", None, "19"), ("PERMIL", None, "19")}),
])
def test_acts_done_together_are_reciprocal(run, text: str, pairs: set) -> None:
    assert _pairs(run(text)) == pairs


def test_a_directed_act_of_two_subjects_needs_its_recipient(run) -> None:
    # invented: killing or criticizing is no act done together; with no recipient named there is no event
    assert not run("Chile and Peru criticized the decision.").events
    assert _pairs(run("Chile and Peru criticized Bolivia.")) == {("CHL", "BOL", "11"), ("PER", "BOL", "11")}
