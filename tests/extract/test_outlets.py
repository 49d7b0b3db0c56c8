"""Outlet names and wire credits from a page's own lines."""

from __future__ import annotations

import pytest

from dateline.extract.outlets import agency, credit_from_line, dateline_credit, normalize_outlet, outlet_from_line


@pytest.mark.parametrize("line, outlet", [
    ("Copyright © 코리아중앙데일리. 무단전재 및 재배포 금지.", "Korea JoongAng Daily"),
    ("© The Asia Business Daily(www.asiae.co.kr). All rights reserved.", "The Asia Business Daily"),
    ("© 2025 Invented Daily. All rights reserved.", "Invented Daily"),
    ("Copyright 2019-2024 Invented Media Group", "Invented Media Group"),
    ("The council voted on Monday.", None),
    ("© 2005-2025 Invented Daily, All Rights Reserved.", "Invented Daily"),
    ("Copyright © 2002-2025 - Designed by Invented Web Studio", None),
    ("© All rights reserved | Terms", None),
    ("Use is governed by our terms and by copyright law.", None),
    ("This document is subject to copyright. Apart from fair dealing, no part may be reproduced.", None),
    ("©All Rights Reserved Invented Institute 2025, a nonprofit organization", "Invented Institute"),
    ("© 2025 Invented Media Inc. All Rights Reserved | Privacy", "Invented Media"),
    ("Copyright © 2000—2025. Lindmark Media", "Lindmark Media"),
    ("© Invented.org 2003 - 2025 powered by Invented Network", "Invented.org"),
])
def test_outlet_from_line(line: str, outlet: str | None) -> None:
    assert outlet_from_line(line) == outlet


@pytest.mark.parametrize("raw, outlet", [
    ("koreajoongangdaily.joins.com", "Korea JoongAng Daily"), ("www.nytimes.com", "The New York Times"),
    ("Invented Gazette", "Invented Gazette"), ("", None)])
def test_normalize_outlet(raw: str, outlet: str | None) -> None:
    assert normalize_outlet(raw) == outlet


@pytest.mark.parametrize("line, credit", [("Yonhap", "Yonhap"), ("(AP)", "Associated Press"),
                                          ("By Reuters", "Reuters"), ("Ana Brandt", None)])
def test_credit_from_line(line: str, credit: str | None) -> None:
    assert credit_from_line(line) == credit


def test_agency_aliases() -> None:
    assert agency("Russia's Sputnik news agency").name == "Sputnik"  # type: ignore[union-attr]
    assert agency("TASS news agency").country == "RUS"  # type: ignore[union-attr]


@pytest.mark.parametrize("paragraph, credit", [
    ("SAN FRANCISCO (AP) — The invented utility said on Monday ...", "Associated Press"),
    ("LINDMARK, Nov. 19 (Reuters) - The council voted ...", "Reuters"),
    ("ST. JOSEPH, Mich. (AP) — Health officials said ...", "Associated Press"),
    ("SEOUL, June 20 (Yonhap) -- The ministry said ...", "Yonhap"),
    ("MOSCOW, June 5. /TASS/. The ministry said ...", "TASS"),
    ("(Reuters) — The council voted ...", "Reuters"),
    ("HONG KONG (Invented Business) — Markets fell ...", None),  # a dateline, but no agency
    ("LINDMARK — The council voted ...", None),
    ("The council (AP) said it would vote again.", None),  # not at the start
])
def test_the_agency_a_wire_dateline_credits(paragraph: str, credit: str | None) -> None:
    assert dateline_credit(paragraph) == credit
