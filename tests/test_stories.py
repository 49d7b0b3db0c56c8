"""Story clustering: invented reports of two occasions, online and batch-independent."""

from __future__ import annotations

import json

from dateline.model import Article
from dateline.stories import StoryIndex, cluster, occasion_date

PIER_A = ("Lindmark council votes to close the old pier",
          "The Lindmark harbour council voted on Monday to close the old Brandt Pier on Quay Street "
          "after engineers found cracks. Council leader Ana Brandt said repairs were too costly.")
PIER_B = ("Old Brandt Pier to close, Lindmark council decides",
          "Lindmark's harbour council decided on Monday to shut Brandt Pier on Quay Street. Ana Brandt, "
          "the council leader, said the cracks found by engineers made repairs too costly.")
FAIR = ("Farmers fill Osterby square for the autumn fair",
        "Hundreds of farmers from the Osterby valley brought cattle and cheese to the autumn fair on "
        "Saturday, organiser Jon Melk said, calling it the busiest fair in a decade.")


def arts() -> list[Article]:
    return [Article(id="a", title=PIER_A[0], text=PIER_A[1], published="2025-03-04", outlet="Invented Daily"),
            Article(id="f", title=FAIR[0], text=FAIR[1], published="2025-03-09", outlet="Invented Daily"),
            Article(id="b", title=PIER_B[0], text=PIER_B[1], published="2025-03-05", outlet="Other Invented")]


def test_same_occasion_two_outlets_one_story_other_occasion_apart() -> None:
    got = cluster(arts())
    assert got["a"] == got["b"] != got["f"]


def test_same_words_far_apart_in_time_are_different_stories() -> None:
    later = Article(id="c", title=PIER_A[0], text=PIER_A[1].replace("Monday", "Tuesday"),
                    published="2025-09-10")
    got = cluster([*arts(), later])
    assert got["c"] != got["a"]  # six months on: another occasion, however alike the words


def test_batches_and_state_round_trip_give_the_same_stories() -> None:
    whole = cluster(arts())
    first = StoryIndex()
    first.add(arts()[0])
    state = json.loads(json.dumps(first.to_state()))  # stored as JSON between runs
    resumed = StoryIndex.from_state(state)
    rest = {a.id: resumed.add(a) for a in arts()[1:]}
    assert {"a": whole["a"], **rest} == whole
    assert resumed.add(arts()[0]) == whole["a"]  # adding again changes nothing


def test_occasion_date_prefers_the_occasion_to_the_report() -> None:
    text = ("Police said Tuesday that two people were shot on Saturday night outside an invented bar. "
            "A suspect was arrested today.")
    assert occasion_date(Article(id="r", text=text, published="2025-03-05")) == "2025-03-01"
    old = "Invented: the treaty was signed on June 2, 1961, and talks resumed."
    assert occasion_date(Article(id="h", text=old, published="2025-03-05")) == "2025-03-05"


def test_occasion_date_from_the_lead() -> None:
    assert occasion_date(arts()[0]) == "2025-03-03"
    assert occasion_date(Article(id="x", text="No date here.", published=None)) is None


def test_occasion_date_takes_an_explicit_date_over_its_weekday() -> None:
    text = ("Invented report: officers were called to Quay Street just after 2:30 a.m. Sunday, March 2 for a "
            "report of a shooting. Two men were arrested Tuesday.")
    assert occasion_date(Article(id="w", text=text, published="2025-03-12")) == "2025-03-02"


def test_occasion_date_skips_page_stamps_and_reporting_days() -> None:
    text = ("Posted: Wednesday, March 5, 2025 9:42 AM EDT\n\nAn invented man was arraigned Wednesday in the "
            "Feb. 27 shooting of a shopkeeper in Lindmark. The shopkeeper was shot at about 9 p.m. that night.")
    assert occasion_date(Article(id="s", text=text, published="2025-03-05")) == "2025-02-27"


def test_occasion_date_does_not_break_sentences_at_clock_times() -> None:
    text = ("An invented suspect surrendered to police today. He is suspected of shooting a man at about "
            "7:35 p.m. Wednesday evening outside a store, police said.")
    assert occasion_date(Article(id="c", text=text, published="2025-03-07")) == "2025-03-05"


def test_occasion_date_reads_when_clauses_and_later_deaths() -> None:
    text = ("Invented: police said Tuesday that Ana Melk was at the Quay Street bar on March 1 when a fight broke "
            "out and she was shot. She was pronounced dead at 7:30 a.m. Sunday.")
    assert occasion_date(Article(id="q", text=text, published="2025-03-04")) == "2025-03-01"


def test_occasion_date_of_days_scored_alike_is_the_earliest() -> None:
    text = ("Invented: a man who was shot Saturday in Lindmark died Monday. "
            "Ana Melk, 17, was wounded Friday night outside the Quay Street bar.")
    assert occasion_date(Article(id="e", text=text, published="2025-03-04")) == "2025-02-28"


def test_a_later_occasion_of_its_own_is_another_story_a_later_arrest_is_not() -> None:
    # invented: the pier vote, then (three weeks on) a new occasion with the same people and words
    protest = Article(id="p", title="Lindmark council faces pier protest",
                      text="Ana Brandt, the Lindmark harbour council leader, met protesters on Quay Street on "
                           "Wednesday who want the old Brandt Pier kept open after the council's vote.",
                      published="2025-03-27")
    arrest = Article(id="r", title="Arrest after Brandt Pier vote",
                     text="Police arrested a man on Tuesday who threatened Ana Brandt after the Lindmark harbour "
                          "council voted to close the old Brandt Pier on Quay Street.",
                     published="2025-03-26")
    got = cluster([*arts(), protest, arrest])
    assert got["p"] != got["a"]  # a meeting of its own, dated by its own words: another story
    assert got["r"] == got["a"]  # dated only by what followed ("arrested"): a follow-up of the vote


def test_towns_come_from_title_dateline_and_lead() -> None:
    from dateline.story_places import towns

    art = Article(id="t", title="Two hurt in invented Memphis shooting",
                  text="MEMPHIS, Tenn. — Two invented men were shot on Quay Street, Memphis police said.")
    assert "Memphis" in towns(art)
    assert not towns(Article(id="n", text="An invented report names no town at all."))


def test_a_later_report_naming_the_occasion_day_joins_its_story() -> None:
    first = Article(id="p1", title="Two shot at invented Brandt Pier bar in Lindmark",
                    text="Two men were shot at the Brandt Pier bar on Quay Street late Saturday, Lindmark police "
                         "said. Jon Melk, 24, and Ana Brandt, 31, were taken to hospital.",
                    published="2025-03-02")
    later = Article(id="p2", title="Man charged in Brandt Pier bar shooting",
                    text="An invented man was charged Tuesday in the March 1 shooting of Jon Melk and Ana Brandt "
                         "at the Brandt Pier bar on Quay Street in Lindmark, prosecutors said.",
                    published="2025-05-20")
    got = cluster([first, later])
    assert got["p1"] == got["p2"]  # eleven weeks on, but it names the story's day
    undated = Article(id="p3", title=later.title, text=later.text.replace("the March 1 shooting", "the shooting"),
                      published="2025-05-20")
    assert cluster([first, undated])["p3"] != got["p1"]


def test_occasion_date_reads_the_headline() -> None:
    art = Article(id="h", title="Invented: Saturday shooting on Quay Street leaves one hurt",
                  text="Police said Monday they had no suspect. A man remains in hospital in Lindmark.",
                  published="2025-03-04")
    assert occasion_date(art) == "2025-03-01"
