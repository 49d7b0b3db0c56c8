"""Actors from invented sentences: countries, roles and codes from the article's own context.

Every sentence here is invented for these tests.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from dateline.model import Article
from dateline.nlp import actor_tables
from dateline.nlp.actors import (
    Builder,
    _canonical_names,
    _headline_line,
    _name_start,
    actor_for_span,
    code_for_text,
)


def by_name(article):
    return {a.name: a for a in article.actors}


def code_of(article, text: str) -> str | None:
    start = article.text.index(text)
    actor = actor_for_span(article, start, start + len(text))
    return actor.code if actor else None


def test_person_context_and_carry_over(run) -> None:
    text = ("Chilean Foreign Minister Elena Vargas met Norway's fisheries minister in Oslo. "
            "Vargas said she was pleased. Later she left for Santiago.")
    a = run(text, names=["actors"])
    vargas = by_name(a)["Elena Vargas"]
    assert (vargas.country, vargas.role, vargas.code) == ("CHL", "government", "CHLGOV")
    mentions = [m for m in a.mentions if m.actor == vargas.id]
    assert {m.text for m in mentions} >= {"Elena Vargas", "Vargas", "she"}
    assert by_name(a)["Oslo"].code == "NORGOV"


def test_family_name_first_carries_over(run) -> None:
    a = run("North Korean leader Kim Jong-un inspected a harbour on Tuesday. Kim praised the workers.",
            names=["actors"])
    kim = by_name(a)["Kim Jong-un"]
    assert kim.code == "PRKGOV"
    assert [m.text for m in a.mentions if m.actor == kim.id] == ["Kim Jong-un", "Kim"]


def test_name_is_the_full_form_written_most(run) -> None:
    text = ("Marta Lindqvist Tells Voters To Wait.\n\nMarta Lindqvist spoke in Uppsala on Monday. "
            "Lindqvist said the count would take a week. Marta Lindqvist left at noon.")
    a = run(text, names=["actors"])
    people = [x for x in a.actors if x.kind == "person"]
    assert [p.name for p in people] == ["Marta Lindqvist"]
    assert "Lindqvist" in people[0].aliases


@pytest.mark.parametrize("line, headline", [
    ("Okafor Says New Bridge Will Open In Spring", True),
    ("Okafor said on Monday that the new bridge would open in the spring.", False),
    ("Ada Okafor, Bola Adeyemi, Chidi Nwosu and Efe Oghene Met In Lagos", True),
    ("Okafor Says " + "New Bridge Will Open " * 12, False),  # too long for a headline
    ("Okafor Says Yes", False),  # too few long words to tell
])
def test_headline_like_lines(line: str, headline: bool) -> None:
    text = f"Intro line.\n{line}\nclosing words."
    assert _headline_line(text, text.index(line) + 3) is headline


@pytest.mark.parametrize("mention, name", [
    ("WASHINGTON -- President Maria Okonkwo", "President Maria Okonkwo"),
    ("CLEVELAND, July 19 (UPI) — Former judge Ada Okafor", "Former judge Ada Okafor"),
    ("Seoul, June 20 (Yonhap) -- South Korea's foreign minister", "South Korea's foreign minister"),
    ("MOSCOW, June 5. /TASS/. Russian President Vladimir Putin", "Russian President Vladimir Putin"),
    ("13\nAda Okafor", "Ada Okafor"),  # the small model runs a name over a line break
    ("Rep. Ada Okafor (D-Calif.) -- the panel's chair", "Rep. Ada Okafor (D-Calif.) -- the panel's chair"),
    ("NATO", "NATO"),
])
def test_where_a_name_starts(mention: str, name: str) -> None:
    assert mention[_name_start(mention, 0, len(mention)):] == name


def _person_with_forms(forms: dict[str, int], on_headlines: dict[str, int]):
    text = "Okafor Says New Bridge Will Open In Spring\n\nOkafor said so. Ada Okafor agreed."
    b = Builder(Article(id="t", text=text))
    actor = b.actor("person:0", next(iter(forms)), "person", None, None, None)
    b.forms[actor.id] = Counter(forms)
    b.headline_forms[actor.id] = Counter(on_headlines)
    b.mention(0, len("Okafor Says"), actor)
    b.mention(text.index("Okafor said"), text.index("Okafor said") + 6, actor)
    _canonical_names(b)
    return actor


def test_a_form_only_a_headline_gives_is_no_name() -> None:
    """A title-case headline lets the small model take 'Says' for part of a name."""
    actor = _person_with_forms({"Okafor Says": 1, "Okafor": 3}, {"Okafor Says": 1})
    assert actor.name == "Okafor"
    assert "Okafor Says" not in actor.aliases
    # a full name that only the headline writes is still the name: it ends with the surname
    actor = _person_with_forms({"Ada Okafor": 1, "Okafor": 3}, {"Ada Okafor": 1})
    assert actor.name == "Ada Okafor"
    # with no form written outside headlines, the forms are all there is
    actor = _person_with_forms({"Okafor Says": 1, "Okafor": 1}, {"Okafor Says": 1, "Okafor": 1})
    assert actor.name == "Okafor Says"


def test_office_holder_takes_the_articles_main_country(run) -> None:
    text = ("Chile's senate met in Valparaiso on Monday. Chilean lawmakers debated the budget. "
            "President Tomas Ortega criticised a decision to reopen relations with Peru.")
    a = run(text, names=["actors"])
    assert by_name(a)["Tomas Ortega"].code == "CHLGOV"  # not Peru, which his sentence names
    # a person whose country is known counts too: the parliament asking her is Chile's, not Peru's
    a = run("Parliament urged Chile's President Ana Soto to help Peru.", names=["actors"])
    assert code_of(a, "Parliament") == "CHLLEG"


@pytest.mark.parametrize("text, name, code", [
    ("North Korean leader Kim Jong-un visited the factory.", "Kim Jong-un", "PRKGOV"),
    ("Jang Ho-jin, the National Security Office chief of the South Korean presidential office, "
     "spoke on Friday.", "Jang Ho-jin", "KORGOV"),
    ("The Kremlin rejected the claim.", "Kremlin", "RUSGOV"),
    ("Officials in Seoul and Pyongyang declined to comment.", "Pyongyang", "PRKGOV"),
    ("The talks in Hanoi ended early.", "Hanoi", "VNMGOV"),
    ("The report, according to TASS, was brief.", "TASS", "RUSMED"),
    ("The United Nations called for calm.", "United Nations", "IGOUNO"),
    ("Former Chilean president Marco Duarte opened the fair.", "Marco Duarte", "CHLELI"),
    ("Rebels in Zambia attacked a convoy, and President Tobias Mwale condemned the raid.",
     "Tobias Mwale", "ZMBGOV"),
    ("A missionary from Calgary was detained on Monday.", "Calgary", "CAN"),
    ("The OSCE sent observers to the vote.", "Organization for Security and Co-operation in Europe",
     "IGOSCE"),
])
def test_codes(run, text: str, name: str, code: str) -> None:
    assert by_name(run(text, names=["actors"]))[name].code == code


@pytest.mark.parametrize("text, span, code", [
    ("Farmers rejected an Indian proposal on rice tariffs.", "Indian", "IND"),
    ("American diplomats left the talks early.", "American diplomats", "USAGOV"),
    ("Palestinians marched through the old town.", "Palestinians", "PSE"),
    ("Bosnian Serbs said on Tuesday they had left the town.", "Bosnian Serbs", "BIH"),
    ("The Red Cross said US and British forces must protect the convoy.", "British forces", "GBRMIL"),
    ("The Red Cross said US and British forces must protect the convoy.", "US", "USAMIL"),
    ("The US Congress agreed to lift the embargo.", "US Congress", "USALEG"),
    ("An Argentine judge ordered the archive opened.", "Argentine judge", "ARGJUD"),
])
def test_demonyms_and_groups(run, text: str, span: str, code: str) -> None:
    assert code_of(run(text, names=["actors"]), span) == code


@pytest.mark.parametrize("text", [
    "The harbour deal is worth US$40 million, the council said.",
    "The harbour deal is worth US $40 million, the council said.",
    "Anti-American protests spread through the port on Sunday.",
])
def test_country_words_that_are_no_actor(run, text: str) -> None:
    assert "USA" not in {x.country for x in run(text, names=["actors"]).actors}


def test_korea_alone_is_south_korea(run) -> None:
    a = run("Korea and Japan signed a trade deal.", names=["actors"], outlet="Korea JoongAng Daily")
    assert by_name(a)["South Korea"].country == "KOR"


def test_groups_named_by_country_and_role(run) -> None:
    a = run("Russian troops crossed the river while the South Korean government watched.", names=["actors"])
    codes = {m.text: a.actor(m.actor).code for m in a.mentions}
    assert codes["Russian troops"] == "RUSMIL" and codes["South Korean government"] == "KORGOV"
    start = a.text.index("Russian")
    assert actor_for_span(a, start, start + 14).code == "RUSMIL"


@pytest.mark.parametrize("text, context, code", [
    ("Seoul", None, "KORGOV"),
    ("Ukrainian soldiers", None, "UKRMIL"),
    ("North Korea's foreign ministry", None, "PRKGOV"),
    ("the defence ministry", "KOR", "KORMIL"),
    ("American", None, "USA"),  # not the Northern Mariana Islands, which share the demonym
    ("Indian", None, "IND"),  # not the British Indian Ocean Territory
    ("Dominican", None, "DOM"),
    ("Hamilton", None, None),  # Bermuda's capital, but Canada's Hamilton is larger
    ("Island", None, None),  # an alternative spelling of Iceland, and an ordinary word
    ("Amnesty International", None, "NGOHRIAMN"),
    ("Latin American leaders", None, None),  # a continent's people, not the United States'
    ("South Americans", None, None),
    ("Native Americans", None, "USA"),
    ("the West Bank city of Nablus", None, "PSE"),  # a place's own words ("Bank") are no role
])
def test_code_for_text(text: str, context: str | None, code: str | None) -> None:
    assert code_for_text(text, context) == code


def test_user_actor_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run) -> None:
    table = tmp_path / "mine.tsv"
    table.write_text("Lindmark Harbour Board\tHarbour Board\tNORGOV\n", encoding="utf-8")
    run("The Harbour Board approved the plan.", names=["actors"])  # the tables' caches remember "no such body"
    monkeypatch.setenv("DATELINE_ACTORS_FILE", str(table))
    actor_tables.reload()
    try:
        a = run("The Harbour Board approved the plan.", names=["actors"])
        assert by_name(a)["Lindmark Harbour Board"].code == "NORGOV"
    finally:
        monkeypatch.delenv("DATELINE_ACTORS_FILE")
        actor_tables.reload()


def test_group_phrase_keeps_the_person_inside(run) -> None:
    a = run("South Korean President Lee Min-ho's office denied the report.", names=["actors"])
    assert by_name(a)["Lee Min-ho"].code == "KORGOV"


def test_metonym_city_is_a_place(run) -> None:
    a = run("Washington rejected the offer on Friday.", names=["actors"])
    assert (by_name(a)["Washington"].kind, by_name(a)["Washington"].code) == ("place", "USAGOV")


def test_well_known_people_need_no_context(run) -> None:
    # invented sentences: the people table knows whose official a famous name is
    a = run("Vladimir Putin spoke on Tuesday. Later Putin left.")
    (putin,) = [x for x in a.actors if x.kind == "person"]
    assert (putin.name, putin.code) == ("Vladimir Putin", "RUSGOV")


@pytest.mark.parametrize("text, code", [("Desmond Tutu spoke on Tuesday.", "ZAFREL"),
                                         ("Slobodan Milosevic spoke on Tuesday.", "SRBGOV"),
                                         ("Thabo Mbeki spoke on Tuesday.", "ZAFGOV")])
def test_more_well_known_people(run, text: str, code: str) -> None:
    # invented sentences
    (person,) = [x for x in run(text).actors if x.kind == "person"]
    assert person.code == code


def test_words_around_a_known_name_still_win(run) -> None:
    a = run("Former US President Barack Obama spoke in Kenya.")
    (obama,) = [x for x in a.actors if x.kind == "person"]
    assert obama.code == "USAELI"


@pytest.mark.parametrize("text", ["New Jersey", "New Mexico"])
def test_a_new_place_is_not_the_old_country(text: str) -> None:
    from dateline.nlp.actor_tables import find_phrases

    assert find_phrases(f"Police in {text} said so.") == []


def test_a_people_of_a_country_and_an_ethnic_group(run) -> None:
    a = run("The Chileans of southern Peru met local officials. Ethnic Bolivians marched in the capital.",
            names=["actors"])
    assert code_of(a, "Chileans") == "PER"  # they live in Peru
    assert code_of(a, "Bolivians") is None  # an ethnicity is no state's actor


def test_well_known_rebel_groups(run) -> None:
    a = run("UNITA fighters and the Tamil Tigers were named in the report.", names=["actors"])
    assert (code_of(a, "UNITA"), code_of(a, "Tamil Tigers")) == ("AGOREB", "LKAREB")


def test_two_people_of_one_surname_stay_apart(run) -> None:
    a = run("Senator Bill Harlan spoke first. Harlan praised the bill. "
            "Later, Susan Harlan said the bill was too weak.", names=["actors"])
    names = by_name(a)
    assert {"Bill Harlan", "Susan Harlan"} <= set(names)
    assert names["Bill Harlan"].id != names["Susan Harlan"].id


def test_first_name_decides_a_pronoun_when_the_text_does_not() -> None:
    pytest.importorskip("nomquamgender", reason="first-name genders come from the nomquamgender package")
    from dateline.model import Article
    from dateline.nlp.annotate import annotate

    text = ("Harbour council chair Margaret Teale spoke after the minister. Thomas Ambrose left early. "
            "She said the quota would not change.")
    a = next(iter(annotate([Article(id="coref", text=text)], ["actors"])))
    she = next(m for m in a.mentions if m.text == "She")
    assert a.actor(she.actor).name == "Margaret Teale"


def _title_of(article, text: str) -> str | None:
    start = article.text.index(text)
    m = next((m for m in article.mentions if m.start == start and m.kind == "title"), None)
    return article.actor(m.actor).name if m else None


def test_descriptions_name_whom_the_article_describes_so(run) -> None:
    # invented: each description goes to the person the article gives that role, not to the last one
    a = run("Sen. Rosa Delgado (D-Ore.) and Gov. Paul Brenner met on Monday. Republican nominee Carl Voss "
            "was absent. The Oregon senator said the bill was ready. The governor disagreed. "
            "The Republican nominee said nothing.", names=["actors"])
    assert _title_of(a, "The Oregon senator") == "Rosa Delgado"
    assert _title_of(a, "The governor") == "Paul Brenner"
    assert _title_of(a, "The Republican nominee") == "Carl Voss"


def test_a_description_without_a_fitting_person_stays_unresolved(run) -> None:
    # invented: no one here is a Democrat's nominee, a spokeswoman or a judge; no guess
    a = run("Republican nominee Carl Voss spoke in Salem. The Democratic nominee stayed home. "
            "Mayor Tom Hale left early. The spokeswoman declined to comment.", names=["actors"])
    assert _title_of(a, "The Democratic nominee") is None
    assert _title_of(a, "The spokeswoman") is None


def test_a_recent_subject_with_no_role_is_the_description_it_is_given(run) -> None:
    # invented: the article never calls Voss a candidate, but the story does
    a = run("Carl Voss toured three factories in Ohio on Monday. The candidate said jobs would return.",
            names=["actors"])
    assert _title_of(a, "The candidate") == "Carl Voss"


def test_a_place_in_a_description_is_not_the_speaker(run) -> None:
    # invented: 'the Oregon senator' is Delgado, never Oregon; 'Voss's spokesman' is not Voss
    a = run("Sen. Rosa Delgado (D-Ore.) toured a mill. The Oregon senator said the mill would stay open. "
            "Carl Voss's spokesman said the plan was sound. A spokesman for Carl Voss said the mill was old.",
            names=["actors", "quotes"])
    speakers = {q.speaker: q.speaker_name for q in a.quotes}
    assert speakers["The Oregon senator"] == "Rosa Delgado"
    assert speakers.get("Carl Voss's spokesman") in ("Carl Voss's spokesman", None)
    assert speakers.get("A spokesman for Carl Voss") in ("A spokesman", None)


@pytest.mark.parametrize("text, code", [
    ("Darfur rebels", "SDNREB"),
    ("APEC", "IGOAPC"),
    ("the European Common Market", "IGOEUREEC"),
])
def test_regions_and_bodies_of_the_table(text: str, code: str) -> None:
    # invented phrases: a region names its state, a trade body is an IGO
    assert code_for_text(text) == code


def test_a_name_with_a_lower_case_arabic_article(run) -> None:
    # invented: the table's "al-Qaeda" is found though its stretch starts in lower case
    a = run("Chilean troops attacked al-Qaeda fighters near the border.")
    assert code_of(a, "al-Qaeda") == "IMGMUS"


def test_a_generational_suffix_ends_a_persons_name(run) -> None:
    # invented: the small model may call "<name> Jr." an organisation; the suffix says it is a person
    a = run("Judge Mary Okafor granted a motion requesting the release of Norris Greenhouse Jr., 23.", names=["actors"])
    actor = actor_for_span(a, a.text.index("Norris"), a.text.index(", 23"))
    assert actor is None or actor.kind == "person", actor


@pytest.mark.parametrize("text, sector", [
    ("anti-government protesters", "OPP"), ("multi-party elections", None), ("pro-government militia", "MIL"),
    ("the government", "GOV")])
def test_a_role_word_after_a_prefix_names_no_role(text: str, sector: str | None) -> None:
    found = actor_tables.sector_of(text)
    assert (found[1] if found else None) == sector


def test_every_lone_repeat_of_a_surname_is_that_person(run) -> None:
    text = ("Judge Marta Oyelaran heard the fishing case in Bergen on Monday. Oyelaran saw the quota "
            "differently: the fleet had broken it, Oyelaran said. The Oyelaran Fund paid the costs.")
    a = run(text, names=["actors"])
    person = by_name(a)["Marta Oyelaran"]
    lone = [i for i in range(20, len(text))
            if text.startswith("Oyelaran", i) and not text.startswith("Oyelaran Fund", i)]
    linked = {m.start for m in a.mentions if m.actor == person.id}
    assert set(lone) <= linked
    fund = text.index("Oyelaran Fund")
    assert fund not in linked


def test_a_congressional_label_tells_two_senators_apart(run) -> None:
    # invented: both are senators; the label's state says which one 'the Oregon senator' is
    a = run("Sen. Rosa Delgado (D-Ore.) and Sen. Mark Tillman (R-Texas) met on Monday. "
            "Tillman left first. The Oregon senator stayed. The Texas senator said nothing.", names=["actors"])
    assert _title_of(a, "The Oregon senator") == "Rosa Delgado"
    assert _title_of(a, "The Texas senator") == "Mark Tillman"


def test_a_party_word_is_the_party_whatever_it_is_called(run) -> None:
    # invented: 'the GOP nominee' is the Republican, never the Libertarian candidate named last
    a = run("Republican nominee Carl Voss spoke first. Libertarian candidate Ada Brook spoke next. "
            "The GOP nominee said taxes would fall.", names=["actors"])
    assert _title_of(a, "The GOP nominee") == "Carl Voss"


def test_a_named_body_after_its_description_speaks(run) -> None:
    # invented: the organiser is named, with its acronym, after what it is
    a = run("The rally was loud. The event organizer Harbour Schools Alliance (HSA) said the turnout was "
            "the largest yet.", names=["actors", "quotes"])
    assert [q.speaker_name for q in a.quotes] == ["Harbour Schools Alliance"]



def test_a_description_named_by_its_apposition_is_not_the_last_subject(run) -> None:
    # invented: the minister is the man named after the comma, not the minister named before
    a = run("Economy Minister Maria Lopez spoke first. The minister of the economy, Mr. John Miller, said "
            "growth would slow.", names=["actors"])
    assert _title_of(a, "The minister") == "John Miller"
