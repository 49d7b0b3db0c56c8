"""The flattened-text cleaner on invented pages with many kinds of chrome."""

from __future__ import annotations

import pytest

from dateline.extract import flat
from dateline.extract.flat import clean_flat

BODY = [
    "The harbour council of the invented town of Lindmark voted on Monday to close the old pier, "
    "ending a dispute that had divided fishermen and shop owners for most of the year.",
    "\"We could not keep spending money on a structure that is falling into the sea,\" council "
    "leader Ana Brandt said after the vote, adding that repairs would have cost twice the budget.",
    "Fishermen said they would move their boats to the northern quay, which is smaller but safer.",
    "The council said a new walkway would open next spring if the regional grant is approved.",
]


def page(*chrome_top: str, chrome_bottom: tuple[str, ...] = (), body: list[str] = BODY) -> str:
    return "\n\n".join([*chrome_top, *body, *chrome_bottom]) + "\n"


def test_body_kept_chrome_dropped() -> None:
    text = page("Skip to main content", "Text Size", "A A A", "Menu",
                "Lindmark council votes to close old pier",
                chrome_bottom=("[Photo: Invented Daily file image]", "© 2025 Invented Daily. All rights reserved.",
                               "Share on social!", "- Ten things to do this weekend", "- Weather: rain again",
                               "Top"))
    r = clean_flat(text)
    assert r.text == "\n\n".join(BODY)
    assert [r.text[s:e] for s, e in r.paragraphs] == BODY
    assert r.title == "Lindmark council votes to close old pier"
    assert r.outlet == "Invented Daily" and r.published is None


def test_other_script_ui_lines_and_captions_are_chrome() -> None:
    text = page("이 글자크기로 변경됩니다.", "Лучшие новости дня здесь", "Invented headline about the pier",
                chrome_bottom=("Invented headline about the pier [Image source=Invented Agency]",))
    r = clean_flat(text)
    assert "글자" not in r.text and "новости" not in r.text and "Image source" not in r.text
    assert r.text.startswith("The harbour council")


@pytest.mark.parametrize("line", ["invented-harbour-council-pier-cover-01", "[stockphoto-1234567-2-e157416]",
                                  "harbour_council_meeting_2024"])
def test_a_file_name_or_address_slug_on_its_own_line(line: str) -> None:
    assert flat.is_file_name(line)


@pytest.mark.parametrize("line", ["e-mail", "COVID-19", "2024-06-20", "state-of-the-art harbour", "____________"])
def test_hyphenated_words_dates_and_rules_are_not_slugs(line: str) -> None:
    assert not flat.is_file_name(line)


def test_a_file_name_inside_the_article_is_dropped_without_splitting_it() -> None:
    from dateline.extract.flat import select

    # invented page: two paragraphs with an image between them that a text browser shows by its file name
    lines = ["x" * 200, "invented-harbour-pier-2024-cover-01", "y" * 200, "Related", "z" * 30]
    probs = [0.9, 0.8, 0.9, 0.1, 0.3]
    decode = {"span": 0.5, "power": 1.0, "keep": 0.2, "keep_outside": 1.01, "chrome_neutral": True}
    assert select(list(range(5)), probs, lines, decode, [False] * 5) == [0, 2]


def test_wire_credit_and_native_outlet_name() -> None:
    r = clean_flat(page(chrome_bottom=("Yonhap", "Copyright © 코리아중앙데일리. 무단전재 및 재배포 금지.")))
    assert (r.credit, r.outlet) == ("Yonhap", "Korea JoongAng Daily")


@pytest.mark.parametrize("line, expected", [
    ("Published: March 3, 2025", "2025-03-03"),
    ("Updated: March 9, 2025", None),
    ("2025-03-03 14:05", "2025-03-03T14:05:00"),
])
def test_published_only_when_stated(line: str, expected: str | None) -> None:
    assert clean_flat(page("Invented headline about the pier", line)).published == expected


PT_BODY = [
    "O conselho do porto da cidade inventada de Lindmark votou na segunda-feira pelo fecho do velho cais, "
    "pondo fim a uma disputa que dividiu pescadores e comerciantes durante a maior parte do ano.",
    "\"Não podíamos continuar a gastar dinheiro numa estrutura que está a cair no mar\", disse a presidente "
    "do conselho, Ana Brandt, depois da votação, acrescentando que as obras custariam o dobro do orçamento.",
    "Os pescadores disseram que vão levar os barcos para o cais norte, que é mais pequeno mas mais seguro.",
]


def test_a_date_in_the_pages_language_is_read() -> None:
    text = page("Conselho de Lindmark vota o fecho do velho cais", "sexta-feira, 21 de novembro de 2025 às 20:13",
                body=PT_BODY)
    r = clean_flat(text)
    assert r.published == "2025-11-21T20:13:00" and r.title == "Conselho de Lindmark vota o fecho do velho cais"


def test_the_date_nearest_the_body_is_taken_past_a_share_bar() -> None:
    share = [f"- Share on {name}" for name in ("Facebook", "Twitter", "WhatsApp", "Email", "Print")] * 3
    text = page("Lindmark council votes to close old pier", "November 19, 2025", *share,
                chrome_bottom=("Related", "November 2, 2025", "- Ferry timetable changes"))
    assert clean_flat(text).published == "2025-11-19"


def test_a_labelled_date_past_a_long_run_of_page_furniture_and_a_byline_with_a_handle() -> None:
    furniture = ["Advertisement", "Skip Ad", "Story continues below", "Share this story", "Text Size", "A A A",
                 "Listen to this article", "Print", "Email", "Comments", "Menu"] * 2  # 46 lines above the body
    text = page("Lindmark council votes to close old pier", "Published Nov 18, 2025 at 4:07 PM", *furniture)
    assert clean_flat(text).published == "2025-11-18T16:07:00"
    text = page("Lindmark council votes to close old pier", "By Ana Brandt@anabrandt Nov 18, 2025, 11:47am EST")
    assert clean_flat(text).published == "2025-11-18T11:47:00-05:00"


def test_unlabelled_dates_of_different_days_give_none() -> None:
    others = ["Recent from Ana Brandt", "Ferry timetable changes from December", "11/13/25 11:00AM",
              "Storm warning issued for the northern coast", "11/14/25 4:40PM"]
    assert clean_flat(page(*others, "Lindmark council votes to close old pier")).published is None
    text = page(*others, "Lindmark council votes to close old pier", "By Ana Brandt On 11/15/25 at 9:00 AM")
    assert clean_flat(text).published == "2025-11-15T09:00:00"  # the byline's date


def test_the_byline_is_found_past_a_long_run_of_page_furniture() -> None:
    furniture = ["Advertisement", "Skip Ad", "Story continues below", "Share this story", "Text Size", "A A A",
                 "Listen to this article", "Print", "Email", "Comments", "Menu"] * 2  # 46 lines above the body
    r = clean_flat(page("Lindmark council votes to close old pier", "By Ana Brandt", *furniture))
    assert r.authors == ["Ana Brandt"] and r.text == "\n\n".join(BODY)


def test_explain_gives_a_reason_for_every_line() -> None:
    text = page("Skip to main content", chrome_bottom=("© 2025 Invented Daily",))
    lines = clean_flat(text).lines
    assert len(lines) == len([ln for ln in text.splitlines() if ln.strip()])
    assert {d.reason for d in lines if not d.kept} >= {"ui", "copyright"}
    assert all(d.kept for d in lines if d.text in BODY)


@pytest.mark.parametrize("text", ["", "\n\n", "Top", "a\x00b", "“" * 50])
def test_odd_input_does_not_raise(text: str) -> None:
    clean_flat(text)


def test_text_browser_wrapping_is_undone() -> None:
    para = ("The harbour council of the invented town of Lindmark voted on Monday to close the old pier, "
            "ending a dispute that had divided fishermen and shop owners for most of the year, while the "
            "mayor said a new walkway would follow.")
    wrapped = []
    for p in [para] * 5:
        words, line = p.split(), ""
        for w in words:
            if len(line) + len(w) + 1 > 70:
                wrapped.append(line)
                line = w
            else:
                line = f"{line} {w}".strip()
        wrapped += [line, ""]
    r = clean_flat("\n".join(["  • Home", "  • News", "", *wrapped, "© 2025 Invented Daily"]))
    assert len(r.paragraphs) == 5 and r.text.split("\n\n")[0] == para


def _wrap(paragraph: str, width: int) -> list[str]:
    """Greedy word wrap, as a text browser does it (column counts as :func:`flat.columns` gives them)."""
    lines, line = [], ""
    for word in paragraph.split():
        if line and flat.columns(f"{line} {word}") > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def test_wrapping_is_undone_though_an_address_sticks_out() -> None:
    para = BODY[0] + " " + BODY[1]
    wrapped = [ln for p in [para] * 4 for ln in [*_wrap(p, 80), ""]]
    address = "   " + "https://invented.example/" + "a" * 90  # no browser can break it
    r = clean_flat("\n".join(["Menu", "", address, "", *wrapped]))
    assert r.text.split("\n\n")[0] == para


def test_wide_characters_take_two_columns_and_join_without_a_space() -> None:
    assert flat.columns("abc") == 3 and flat.columns("市議会") == 6 and flat.columns("e\u0301") == 1
    para = "架空の町リンドマークの港湾議会は月曜日、古い桟橋を閉鎖することを決めた。" * 4
    wrapped = [ln for _ in range(5) for ln in [*_wrap_wide(para, 80), ""]]
    assert all(flat.columns(ln) <= 80 for ln in wrapped) and max(map(len, wrapped)) <= 40
    assert flat.unwrap(wrapped)[0] == para


def _wrap_wide(text: str, width: int) -> list[str]:
    """Japanese is wrapped anywhere: each line holds as many two-column characters as fit."""
    step = width // 2
    return [text[i:i + step] for i in range(0, len(text), step)]


def test_a_flattened_page_with_long_paragraphs_is_not_unwrapped() -> None:
    text = " ".join(BODY * 3)
    widths = [500, 480, 450, *range(300, 61, -5)]  # a few long paragraphs, then ever shorter lines
    lines = [text[:w] for w in widths]
    assert len(lines) >= 50 and flat.unwrap(lines) == lines


def test_text_browser_link_list_and_markers_are_set_aside() -> None:
    marked = [f"[{n}]{line}" if n % 2 else line for n, line in enumerate(BODY, start=3)]
    links = ["References", "", "   Visible links:", *[f"   {n}. https://invented.example/{n}" for n in range(1, 40)],
             "", "   Hidden links:", "  40. https://invented.example/hidden"]
    text = "\n".join(["   [1]Home [2]News", "", *[ln for m in marked for ln in (m, "")], *links])
    r = clean_flat(text)
    assert r.text == "\n\n".join(BODY)
    listed = [d for d in r.lines if d.reason == "text browser's list of link addresses"]
    assert len(listed) == 43 and not any(d.kept for d in listed)


def test_a_references_heading_in_an_article_is_not_a_link_list() -> None:
    lines = ["Body text.", "References", "", "1. Brandt, A. (2024). Invented harbour studies. Lindmark Press."]
    assert flat.link_list(lines) is None
    assert flat.link_list(["Body [1]text.", "References", "", "   1. https://invented.example/a"]) == 1


def test_a_markdown_page_is_read_as_plain_text() -> None:
    nav = [f"  * [Section {n}](https://invented.example/section-{n}/)" for n in range(6)]
    body = [BODY[0].replace("harbour council", "[harbour council](https://invented.example/council-"
                                                "news/ \"The council\")"),
            BODY[1].replace("council leader", "**council leader**"), *BODY[2:]]
    wrapped = [ln for p in body for ln in [*_wrap(p, 78), ""]]
    text = "\n".join(["# [Invented Daily](https://invented.example/)", "", *nav, "",
                      "![A pier at dusk](https://invented.example/img/pier-1024.jpg)", "",
                      "## Lindmark council votes to close old pier", "", *wrapped, "",
                      "> Share this: [Twitter](https://invented.example/share?t=1)", "",
                      "© 2025 Invented Daily. All rights reserved."])
    assert flat.is_markdown(text) and not flat.is_markdown(page("Menu"))
    r = clean_flat(text)
    assert r.text == "\n\n".join(BODY)
    assert r.title == "Lindmark council votes to close old pier"


def test_markdown_links_addresses_broken_over_lines_and_escapes() -> None:
    lines = ["See [the full", "report](https://invented.example/a-", "long-address \"Its title\") and",
             "1\\. item with \\*stars\\* and *emphasis*, not a [9](BUTTON)"]
    assert flat.from_markdown(lines) == ["See the full", "report and",
                                         "1. item with *stars* and emphasis, not a [9](BUTTON)"]


def test_pandoc_markdown_divs_attributes_spans_and_raw_html_go() -> None:
    lines = ["::: {#main}", "<div class=\"box\">", "-   [[Home](https://invented.example/)]{#menu-item-1}",
             "Lindmark council votes {#lindmark-council .title}",
             "[![Pier](https://invented.example/pier.jpg){.thumb width=\"650\"}](https://invented.example/a)",
             "[More](https://invented.example/b){.js_link ga=\"[{\\\"metric\\\":1}]\"}", "</div>", ":::",
             "Autolinks stay: <https://invented.example/c>, and so does <The Pier: A Story>."]
    out = flat.from_markdown(flat.unwrap(flat.markdown_lines(lines)))
    assert out == ["", "", "-   Home", "Lindmark council votes", "", "More", "", "",
                   "Autolinks stay: <https://invented.example/c>, and so does <The Pier: A Story>."]


def test_a_page_flattened_into_one_line_is_not_dropped_for_how_it_starts() -> None:
    text = "Skip to main content Menu Lindmark council votes to close old pier " + " ".join(BODY * 2)
    assert flat.is_chrome("Skip to main content") and not flat.is_chrome(text)
    assert "harbour council" in clean_flat(text).text


def test_a_paragraph_naming_what_the_headline_names_is_kept() -> None:
    body = ["The Lindmark Pier", "The Lindmark Pier will close on Friday after the harbour council voted to end "
            "repairs, a decision that fishermen and shop owners had fought for most of the year.", *BODY]
    r = clean_flat(page("The Lindmark Pier", body=body))
    assert r.title == "The Lindmark Pier" and body[1] in r.text


def test_the_headline_is_found_above_bylines_times_share_bars_and_credits() -> None:
    text = page("Menu", "Lindmark council votes to close old pier",
                "The harbour town ends a year-long dispute over repairs.", "By Ana Brandt",
                "Tom Lind, Associated Press",
                "Nov. 19, 2025", "5:50 PM", "3 min read", "- Facebook", "- Twitter", "Share this story",
                "(Invented Photo Agency)", "Photo by Tom Lind/Invented Images")
    assert clean_flat(text).title == "Lindmark council votes to close old pier"


def test_the_headline_is_the_line_its_lead_repeats_not_the_nearest_one() -> None:
    # between the headline and the body: a promotion box and other stories' headlines, which
    # share few words with the lead
    text = page("Menu", "World", "Lindmark council votes to close old pier over repair costs",
                "Breaking News Emails", "Get breaking news alerts delivered to your inbox", "SUBSCRIBE",
                "More On:", "Mayor opens new library in Vesterby", "Storm warning issued for the northern coast",
                "Ferry timetable changes from December")
    assert clean_flat(text).title == "Lindmark council votes to close old pier over repair costs"


def test_the_headline_heads_its_byline_not_a_list_of_other_stories() -> None:
    # another story's headline shares more words with the lead and stands nearer the body
    text = page("Menu", "Lindmark harbour dispute ends", "By Ana Brandt", "Nov. 19, 2025",
                "More on:", "Lindmark council votes to close old pier after harbour dispute",
                "Ferry timetable changes from December")
    assert clean_flat(text).title == "Lindmark harbour dispute ends"


def test_an_address_a_breadcrumb_trail_or_a_photo_credit_is_not_the_headline() -> None:
    text = page("Menu", "Pier vote ends long dispute",
                "https://invented.example/news/lindmark-council-votes-to-close-the-old-pier",
                "News > Lindmark > Harbour council", "Fishermen on the old pier Tom Lind/INVENTED IMAGES")
    assert clean_flat(text).title == "Pier vote ends long dispute"


def test_a_headline_may_ask_a_question() -> None:
    text = page("Menu", "Will Lindmark close its old pier?", "By Ana Brandt", "Nov. 19, 2025", "3 min read")
    assert clean_flat(text).title == "Will Lindmark close its old pier?"


@pytest.mark.parametrize("byline, authors", [
    ("By ANA BRANDT and Tom Lind Nov. 19, 2025, 07:47 PM EST", ["Ana Brandt", "Tom Lind"]),
    ("By Ana BrandtStaff Writer", ["Ana Brandt"]),
    ("By Ana Brandt On 11/13/25 at 4:00 PM EST", ["Ana Brandt"]),
    ("By Ana Brandt@anabrandt - Invented Daily", ["Ana Brandt"]),
    ("By Invented Daily staff", []),
    ("By Ana Brandt Updated Nov 13, 2025, 10:28am EST", ["Ana Brandt"]),
    ("By Tom Marsh and Janet Augustine", ["Tom Marsh", "Janet Augustine"]),  # not months
    ("By Ana Martin Ana Martin", ["Ana Martin"]),
    ("Monday November 17, 2025 7:45 am PST by Ana Brandt", ["Ana Brandt"]),
    ("Posted by Ana Brandt on November 19, 2025, 6:21 AM EST", ["Ana Brandt"]),
    ("November 1, 2025 | BY: Ana Brandt, MS, RDN", ["Ana Brandt"]),
    ("The pier was damaged by Storm Ana", []),  # no date, not opened by 'posted': prose
    ("Ana Brandt@anabrandt", ["Ana Brandt"]),
    ("Ana Brandt @anabrandt / 2 days", ["Ana Brandt"]),
    ("Top Stories - Nov 19, 2025", []),  # a name-like pair and a date: maybe no one
    ("Ana Brandt (@anabrandt) November 1, 2025", []),  # an embedded post's signature, not a byline
])
def test_authors_from_the_byline_above_the_body(byline: str, authors: list[str]) -> None:
    r = clean_flat(page("Lindmark council votes to close old pier", byline))
    assert r.authors == authors and r.text == "\n\n".join(BODY)


def test_credit_from_an_agency_the_lead_cites() -> None:
    body = [*BODY[:1], "According to EFE and other agencies, the vote was close. " + BODY[1], *BODY[2:]]
    assert clean_flat(page(body=body)).credit == "EFE"


def test_related_headlines_after_the_copyright_line_are_not_body() -> None:
    related = tuple(f"- Invented headline number {n} about a festival in the town of Lindmark" for n in range(8))
    r = clean_flat(page("Lindmark council votes to close old pier",
                        chrome_bottom=("© 2025 Invented Daily. All rights reserved.", *related)))
    assert r.text == "\n\n".join(BODY)


def test_features_have_one_row_per_non_blank_line() -> None:
    from dateline.extract import flat
    from dateline.extract.flat_features import CONTEXT, FEATURES, context

    p = flat.analyse(page("Menu", "Lindmark council votes to close old pier"))
    idx, rows = flat.line_rows(p)
    assert idx == [i for i, ln in enumerate(p.lines) if ln.strip()]
    assert all(len(r) == len(FEATURES) for r in rows)
    ctx = context([len(p.lines[i]) for i in idx], [0.1] * len(idx))
    assert all(len(c) == len(CONTEXT) for c in ctx)


def test_select_keeps_the_best_contiguous_span() -> None:
    from dateline.extract.flat import select

    lines = ["x" * 50] * 9
    probs = [0.9, 0.1, 0.1, 0.1, 0.9, 0.95, 0.3, 0.9, 0.1]
    kept = select(list(range(9)), probs, lines, {"span": 0.5, "power": 1.0, "keep": 0.2, "keep_outside": 1.01})
    assert kept == [4, 5, 6, 7]


def test_model_probabilities_from_invented_trees() -> None:
    from dateline.extract import flat_model

    # one stump on feature 0 at 0.5: left leaf -2, right leaf +2
    stump = {"base": 0.0, "depth": 1, "trees": [[[0, 0, 0], [0.5, 1e300, 1e300], [1, 1, 2], [2, 1, 2],
                                                  [0.0, -2.0, 2.0]]]}
    probs = flat_model.probabilities([[0.0], [1.0]], stump)
    assert probs[0] < 0.5 < probs[1]


def test_select_on_an_unsure_page_keeps_its_likeliest_span() -> None:
    from dateline.extract.flat import select

    lines = ["x" * 50] * 6
    probs = [0.02, 0.3, 0.35, 0.02, 0.2, 0.01]  # no line reaches the span bar of 0.5
    decode = {"span": 0.5, "power": 1.0, "keep": 0.2, "keep_outside": 1.01}
    assert select(list(range(6)), probs, lines, decode) == [2]  # the single likeliest line
    assert select(list(range(6)), probs, lines, {**decode, "relative": 0.5}) == [1, 2]
    sure = [0.99, 0.02, 0.99]  # a sure page: the bars barely move
    assert select(list(range(3)), sure, lines[:3], {**decode, "relative": 0.5}) == \
        select(list(range(3)), sure, lines[:3], decode)


def test_select_prefers_an_earlier_block_nearly_as_good() -> None:
    from dateline.extract.flat import select

    lines = ["x" * 50] * 11
    # invented probabilities: an article block, a gap, then a slightly larger list-like block
    probs = [0.9, 0.9, 0.9, 0.05, 0.05, 0.05, 0.05, 0.9, 0.9, 0.9, 0.95]
    decode = {"span": 0.5, "power": 1.0, "keep": 0.2, "keep_outside": 1.01}
    assert select(list(range(11)), probs, lines, decode) == [7, 8, 9, 10]
    assert select(list(range(11)), probs, lines, {**decode, "earlier": 0.6}) == [0, 1, 2]
    weak = [0.6, *probs[1:]]  # an earlier block with far less than 0.6 of the best gain
    assert select(list(range(11)), weak, lines, {**decode, "earlier": 0.6}) == [7, 8, 9, 10]


def test_the_body_does_not_run_on_into_a_comment_thread() -> None:
    from dateline.extract.flat import select

    # invented page: an article of three long lines, the thread's head, then comments the model finds
    # nearly as likely (a text browser indents and numbers them, so they read as prose)
    lines = ["x" * 200] * 3 + ["12 responses to “An invented headline”"] + ["y" * 200] * 6
    probs = [0.9, 0.9, 0.9, 0.1, 0.6, 0.7, 0.6, 0.7, 0.6, 0.7]
    decode = {"span": 0.5, "power": 1.0, "keep": 0.2, "keep_outside": 1.01, "footer_breaks": True}
    assert select(list(range(10)), probs, lines, decode) == [0, 1, 2]
    assert select(list(range(10)), probs, lines, {**decode, "footer_breaks": False}) == [0, 1, 2, 4, 5, 6, 7, 8, 9]


def test_a_thread_that_outweighs_the_article_above_it_is_not_the_body() -> None:
    from dateline.extract.flat import select

    # invented page: the article, a long box of chrome, the thread's head, then longer comments that the
    # model finds as likely: the comments alone gain most, so the extent starts below the head
    lines = ["x" * 200] * 3 + ["z" * 600, "Top Rated Comments"] + ["y" * 300] * 6
    probs = [0.9, 0.9, 0.9, 0.0, 0.1] + [0.9] * 6
    decode = {"span": 0.5, "power": 1.0, "keep": 0.2, "keep_outside": 1.01, "footer_breaks": True}
    assert select(list(range(11)), probs, lines, {**decode, "footer_breaks": False}) == list(range(5, 11))
    assert select(list(range(11)), probs, lines, decode) == [0, 1, 2]


@pytest.mark.parametrize("line", ["Leave a Reply Cancel reply", "34 responses to “An invented headline”",
                                  "3 comments on “An invented headline”", "Post a Comment", "Comments are closed.",
                                  "Join the discussion", "Deixe um comentário", "Добавить комментарий",
                                  "10 thoughts on “An invented headline”", "comments powered by Disqus",
                                  "Top Rated Comments", "Reader comments"])
def test_heads_of_comment_threads(line: str) -> None:
    assert flat.is_thread_head(line)


@pytest.mark.parametrize("line", ["Comments", "8 comments", "Comment & Opinion",
                                  "Post a comment on the ruling was what the minister refused to do until the "
                                  "court had met again, his office said on Monday in a statement sent to every "
                                  "newspaper in the region and to the wire services."])
def test_lines_that_are_no_head_of_a_comment_thread(line: str) -> None:
    assert not flat.is_thread_head(line)


def test_a_comment_link_above_the_article_does_not_end_it() -> None:
    from dateline.extract.flat import select

    # invented page: a standfirst, a byline row with a "Leave a comment" link, then the article
    lines = ["s" * 100, "Leave a comment"] + ["x" * 200] * 3
    probs = [0.9, 0.1, 0.9, 0.9, 0.9]
    decode = {"span": 0.5, "power": 1.0, "keep": 0.2, "keep_outside": 1.01, "footer_breaks": True}
    assert select(list(range(5)), probs, lines, decode) == [0, 2, 3, 4]


def test_model_members_are_averaged() -> None:
    from dateline.extract import flat_model
    from dateline.extract.flat_features import FEATURES

    def stump(leaf: float) -> dict[str, object]:  # invented one-split trees on feature 0
        return {"base": 0.0, "depth": 1, "trees": [[[0, 0, 0], [0.5, 0, 0], [1, 1, 2], [2, 1, 2], [0, -leaf, leaf]]]}

    rows, sizes = [[v] + [0.0] * (len(FEATURES) - 1) for v in (0.0, 1.0)], [10.0, 10.0]
    one, two = {"stages": [stump(2.0)]}, {"stages": [stump(4.0)]}
    both = flat_model.line_probabilities(rows, sizes, {"members": [one, two]})
    for k in range(2):
        each = [flat_model.line_probabilities(rows, sizes, m)[k] for m in (one, two)]
        assert both[k] == pytest.approx(sum(each) / 2)


def test_the_wire_credit_of_a_dateline() -> None:
    body = ["LINDMARK (AP) — " + BODY[0], *BODY[1:]]
    assert clean_flat(page("Lindmark council votes to close old pier", body=body)).credit == "Associated Press"


def test_a_dated_byline_is_the_story_date_however_long() -> None:
    text = page("Lindmark council votes to close old pier",
                "— Ana Brandt, speaking on Sunday, October 12th, 2025 at a meeting of the harbour council",
                "By Tom Lind, Ana Brandt and Ola Berg on Monday, November 17th, 2025 at 11:08 a.m.")
    assert clean_flat(text).published == "2025-11-17T11:08:00"


def test_lines_that_repeat_the_headline_are_dropped() -> None:
    from dateline.extract.flat import _drop_title_repeats

    title = "Lindmark council votes to close old pier"
    lines = [f"{title} (Photo: Ana Brandt)",  # a caption: the title and a credit
             f"  * {title} {title}",  # a share box prints it twice
             f"{title}, the harbour board said on Monday, after a long night of talks about the repair costs "
             "that the town could not meet.",  # a paragraph that names what the headline names
             "The vote ends a dispute of twelve years."]
    assert _drop_title_repeats(lines, [0, 1, 2, 3], title) == [2, 3]


@pytest.mark.parametrize("line, label", [
    ("  * November (113)", True), ("Politics (45)", True), ("View all (4)", True),
    ("The council met on Monday (its 12th meeting this year).", False), ("(4)", False),
    ("Lindmark council votes to close old pier (2)", True),
    ("The pier, built in 1921 and closed twice since then for repairs that cost the town a fortune (2)", False),
])
def test_count_labels(line: str, label: bool) -> None:
    assert flat.is_count_label(line) is label
