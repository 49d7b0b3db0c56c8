"""A generated corpus of invented news pages for benchmarks (deterministic for a given seed).

Each page is invented: random combinations of made-up people, real country names and stock
phrases, wrapped in HTML with typical chrome (menus, related links, footer). ``flatten`` turns a
page into the flattened-text form (text nodes in order, blank lines between blocks).
"""

from __future__ import annotations

import random
import re

COUNTRIES = ["Chile", "Norway", "Kenya", "Japan", "Brazil", "Poland", "Canada", "India",
             "Egypt", "Peru", "Ghana", "Vietnam", "Mexico", "Sweden", "Turkey", "Nepal"]
FIRST = ["Elena", "Lars", "Amina", "Kenji", "Rosa", "Piotr", "Grace", "Ravi", "Omar", "Lucia"]
LAST = ["Vargas", "Holm", "Otieno", "Sato", "Lima", "Nowak", "Mensah", "Rao", "Haddad", "Reyes"]
ROLES = ["Foreign Minister", "President", "Defence Minister", "Trade Minister", "spokeswoman"]
VERBS = ["praised", "criticised", "welcomed", "condemned", "thanked", "warned", "met"]
TOPICS = ["the fishing agreement", "the border talks", "new tariffs", "the grain deal",
          "joint military drills", "the climate pledge", "the port project", "visa rules"]
QUOTES = ["We are ready to talk, but not at any price.",
          "This decision will not go unanswered.",
          "Our door remains open and we expect the same in return.",
          "Nobody wants a crisis, least of all our farmers.",
          "If they cross that line, we will respond."]
WHEN = ["on Tuesday", "on Monday", "last week", "earlier this month", "on the 12th", "yesterday"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def paragraph(rng: random.Random) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    who = _person(rng)
    kind = rng.random()
    if kind < 0.35:
        return (f'"{rng.choice(QUOTES)}" {who}, {rng.choice(ROLES)} of {a}, said '
                f"{rng.choice(WHEN)}.")
    if kind < 0.6:
        return (f"{a}'s {rng.choice(ROLES)} {who} said {rng.choice(WHEN)} that {a} "
                f"{rng.choice(VERBS)} {b} over {rng.choice(TOPICS)}, according to local media.")
    return (f"{a} {rng.choice(VERBS)} {b} {rng.choice(WHEN)} over {rng.choice(TOPICS)}, "
            f"and officials in both capitals said talks would continue in the coming weeks.")


def page(i: int, seed: int = 7) -> str:
    """Invented HTML page number ``i``."""
    rng = random.Random(seed * 100_003 + i)
    a, b = rng.sample(COUNTRIES, 2)
    title = f"{a} and {b} at odds over {rng.choice(TOPICS)} (invented #{i})"
    paras = "\n".join(f"<p>{paragraph(rng)}</p>" for _ in range(rng.randint(6, 14)))
    related = "".join(f'<li><a href="/r{j}">{rng.choice(TOPICS).capitalize()} explained</a></li>'
                      for j in range(30))
    menu = "".join(f"<li><a href='/s{j}'>{rng.choice(COUNTRIES)} {rng.choice(['news', 'sport', 'video'])}"
                   f"</a></li>" for j in range(120))
    script = "<script>var config = {" + ",".join(f"k{j}: '{rng.random():.6f}'" for j in range(400)) + "};</script>"
    comments = "".join(f"<div class='comment'><b>reader{j}</b><p>{paragraph(rng)}</p></div>" for j in range(8))
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>"
            f"<meta property='og:site_name' content='Invented Bench Daily'></head><body>"
            f"{script}<nav><ul>{menu}</ul></nav>"
            f"<article><h1>{title}</h1><p class='byline'>By {_person(rng)}</p>{paras}</article>"
            f"<section class='comments'><h3>Comments</h3>{comments}</section>"
            f"<aside><h3>Related</h3><ul>{related}</ul></aside>"
            f"<footer>© 2025 Invented Bench Daily. All rights reserved.</footer></body></html>")


_BLOCK = re.compile(r"</?(p|h[1-6]|li|nav|footer|aside|article|ul|div|br)[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")


def flatten(html: str) -> str:
    """The flattened-text form of a page: text in order, a blank line between blocks."""
    body = re.sub(r"<head>.*?</head>|<script>.*?</script>", "", html, flags=re.S)
    text = _TAG.sub("", _BLOCK.sub("\n\n", body))
    return re.sub(r"\n\s*\n+", "\n\n", text).strip() + "\n"


def corpus(n: int, seed: int = 7) -> list[str]:
    return [page(i, seed) for i in range(n)]
