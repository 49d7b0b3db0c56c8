"""Dateline's cleaner for flattened page text: keep the article body, drop the page chrome.

A flattened page is every text node of a page in order, one block per line: menus, skip links,
font-size widgets, captions, copyright lines and related-headline lists stay in. The cleaner
works line by line, in the spirit of jusText (Pomikálek 2011), with features that hold for any
language and site:

1. Each line is classed by rules ``chrome`` (a pattern that is never article text: copyright,
   captions, share prompts, a line in another script than the page's), ``good`` (long,
   sentence-like: enough words, stop words of the page's language, closing punctuation), ``short``
   or ``near``; the densest run of good lines is found (jusText's context step).
2. A learned model (:mod:`dateline.extract.flat_model`, boosted trees over
   :mod:`dateline.extract.flat_features`) gives each line a body probability from its own shape,
   its neighbours', its block's and its place relative to the page's mass of text; a second stage
   sees the first stage's probabilities around the line. Rule chrome stays chrome. A model may
   average several such stacks (``members``).
3. The body is mostly one block: the contiguous span that gains most (maximum subarray of
   probability minus a threshold, weighted by length; never across the page's copyright notice)
   is its extent (or a nearly as good block before it: the article comes before related lists and
   comments), and the likely lines inside it are kept. A bare date, a bare wire credit or a
   headline at the body's edge is metadata, not body.

Without a model the rules alone decide: the context step and the densest run of good lines.
Every line's decision and reason is kept for ``dateline extract --explain``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from .dates import DATE_LINE as _DATE_LINE
from .dates import has_date, stated_date
from .flat_model import ranked_best
from .outlets import credit_from_line, dateline_credit, outlet_from_line

#: classes that end up in the body
BODY = ("good", "near-good", "short-in-body")


@dataclass(slots=True)
class LineDecision:
    """What the cleaner decided for one input line, and why."""

    text: str
    kept: bool
    reason: str


@dataclass(slots=True)
class FlatResult:
    """The cleaned article of a flattened page."""

    text: str
    paragraphs: list[list[int]]
    title: str | None = None
    outlet: str | None = None
    credit: str | None = None
    published: str | None = None
    lines: list[LineDecision] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)


_CHROME_PATTERNS = [
    (re.compile(r"(copyright|©|\(c\)\s*\d{4}|all rights reserved|무단\s*전재|版权所有|著作権)", re.I),
     "copyright"),
    (re.compile(r"^\s*[\[(]?\s*(image|photo|picture|video|graphic|illustration)s?\s*"
                r"(source|credit|by)?\s*[:=]", re.I), "caption"),
    (re.compile(r"\[(image|photo)[^\]]*\]\s*$", re.I), "caption"),
    (re.compile(r"(getty images|ap photo|afp via getty|reuters/|/reuters|shutterstock)\s*\)?\s*$",
                re.I), "caption"),
    (re.compile(r"^(share|follow|join) (us|this|on)\b|^(share on|sign up|subscribe|log ?in|sign in|"
                r"read more|see also|related|advertisement|click here|skip to|jump to)\b", re.I),
     "ui"),
    (re.compile(r"^(top|close|menu|search|home|next|previous|back|print|email|more)$", re.I), "ui"),
    (re.compile(r"^(text size|font size|a a a|bar_progress)$", re.I), "ui"),
]
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’」』)\]]*$")
_WORD = re.compile(r"\w+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@functools.cache
def _stop_words(lang: str) -> frozenset[str]:
    try:
        import spacy.util

        return frozenset(spacy.util.get_lang_class(lang).Defaults.stop_words)
    except Exception:  # no stop-word list for that language: length features only
        return frozenset()


def script(text: str) -> str | None:
    """The dominant script of ``text`` by letter count (LATIN, HANGUL, CJK, CYRILLIC ...)."""
    if text.isascii():
        return "LATIN" if any(ch.isalpha() for ch in text) else None
    counts: dict[str, int] = {}
    letters = (ch for ch in text if ch.isalpha())
    for _, ch in zip(range(200), letters, strict=False):  # a sample decides the script
        key = unicodedata.name(ch, "").split(" ")[0]
        key = "CJK" if key in ("CJK", "HIRAGANA", "KATAKANA") else key
        counts[key] = counts.get(key, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _has_script(text: str, name: str) -> bool:
    """Whether ``text`` has a letter of script ``name`` (as :func:`script` names them)."""
    if text.isascii():
        return name == "LATIN" and any(ch.isalpha() for ch in text)
    for ch in text:
        if ch.isalpha():
            key = unicodedata.name(ch, "").split(" ")[0]
            if (key in ("CJK", "HIRAGANA", "KATAKANA") and name == "CJK") or key == name:
                return True
    return False


def _units(line: str) -> int:
    """Length in word units: words for spaced scripts, characters / 2 for CJK and Hangul runs."""
    cjk = len(_CJK.findall(line))
    return len(_WORD.findall(_CJK.sub(" ", line))) + cjk // 2


def _language(lines: list[str]) -> str:
    try:
        import py3langid

        return str(py3langid.classify(" ".join(lines)[:5000])[0])
    except Exception:
        return "en"


#: the most words (units) a line of each kind of chrome has. A copyright notice is short; a caption or
#: a row of links at most a long paragraph: a longer line that matches is a page flattened into a few
#: long lines, which must not be dropped whole for how it starts or ends
_CHROME_UNITS = {"copyright": 40, "caption": 150, "ui": 150}


def _chrome_reason(stripped: str) -> str | None:
    """The kind of chrome (copyright, caption, ui) a stripped line is by its patterns, if any."""
    for pattern, reason in _CHROME_PATTERNS:
        if pattern.search(stripped) and _units(stripped) < _CHROME_UNITS[reason]:
            return reason
    return None


def is_chrome(line: str) -> bool:
    """A line that matches a pattern which is never article text (copyright, caption, UI)."""
    return _chrome_reason(line.strip()) is not None


def classify(line: str, page_script: str | None, stops: frozenset[str]) -> tuple[str, str]:
    """(class, reason) of one non-empty line, before context is taken into account."""
    stripped = line.strip()
    if (reason := _chrome_reason(stripped)) is not None:
        return "chrome", reason
    line_script = script(stripped)
    if (page_script and line_script and line_script != page_script and _units(stripped) >= 2
            and not _has_script(stripped, page_script)):  # mixed lines ("Kindle for PCの起動") are the page's
        return "chrome", f"script {line_script.lower()}"
    units = _units(stripped)
    is_item = bool(_BULLET.match(stripped))
    words = [w.lower() for w in _WORD.findall(stripped)]
    density = sum(w in stops for w in words) / max(len(words), 1) if stops else 0.3
    ends = bool(_SENTENCE_END.search(stripped))
    if _headline(words, stripped) and not ends:
        return "short", "headline-like"
    if units >= 25 and density >= 0.15 and not is_item:
        return "good", "long sentence-like"
    if units >= 12 and ends and density >= 0.2 and not is_item:
        return "good", "sentence"
    if is_item:
        return "short", "list item"
    if units < 6:
        return "short", "short"
    return "near", "medium"


def _headline(words: list[str], line: str) -> bool:
    """Title Case: most longer words capitalised ("Putin Calls It A Very Big Mistake")."""
    caps = [w[0].isupper() for w in _WORD.findall(line) if len(w) >= 4]
    return len(caps) >= 3 and sum(caps) / len(caps) >= 0.6


def _resolve_context(classes: list[str]) -> list[str]:
    """Short and near lines take the class of their surroundings (jusText's context step)."""
    out = list(classes)
    soft = ("short", "near", "blank")
    before, after = ["chrome"] * len(classes), ["chrome"] * len(classes)
    last = "chrome"
    for i, c in enumerate(classes):  # nearest decided class on each side, in two passes
        before[i] = last
        last = last if c in soft else c
    last = "chrome"
    for i in range(len(classes) - 1, -1, -1):
        after[i] = last
        last = last if classes[i] in soft else classes[i]
    for i, c in enumerate(classes):
        if c in ("short", "near"):
            if before[i] == "good" and after[i] == "good":
                out[i] = "near-good" if c == "near" else "short-in-body"
            else:
                out[i] = "chrome-context"
    return out


def _best_run(lines: list[str], classes: list[str], gap: int = 6) -> tuple[int, int]:
    """[start, end) of the densest run of body lines; runs break at ``gap`` non-body lines."""
    runs: list[tuple[int, int, int]] = []
    start = last = -1
    chars = misses = 0
    for i, c in enumerate(classes):
        if c == "blank":
            continue
        if c in BODY:
            if start < 0:
                start, chars = i, 0
            chars += len(lines[i]) * (2 if c == "good" else 1)
            last, misses = i, 0
        elif start >= 0:
            misses += 1
            if misses >= gap:
                runs.append((chars, start, last + 1))
                start = -1
    if start >= 0:
        runs.append((chars, start, last + 1))
    if not runs:
        return 0, 0
    _, s, e = max(runs)
    return s, e


def _published(lines: list[str], body_start: int, language: str | None = None) -> str | None:
    """A publication date stated in a short line above the body ("Published: June 5, 2024"), with its
    time and zone where printed (:func:`dates.stated_date`).

    The closest labelled date within 60 lines wins (past share bars, photo credits and video
    players), a date in a byline ("By Ana Brandt on Monday, November 18th, 2019", also one with a
    handle) counting as labelled; with none, the closest date line (one of 14 words or fewer) within
    40 lines, unless another such line there names another day (a list of other stories' dates).
    Month names of the page's ``language`` are read too. An update, an embedded post's date ("— Name
    (@handle) November 1, 2019") or a date that cannot be read without a guess is not taken: None.
    """
    lone: list[tuple[int, str]] = []  # (lines above the body, date) of unlabelled date lines, nearest first
    for i in range(body_start - 1, max(-1, body_start - 60), -1):
        line = lines[i].strip()
        if not line or _units(line) > 20 or (re.search(r"@\w", line) and not _BYLINE.match(line)):
            continue
        found = stated_date(line, language)
        if found is None:
            continue
        iso, labelled = found
        if labelled or _BYLINE.match(line) or _LATE_BYLINE.search(line):  # a byline's date is the story's
            return iso
        if _units(line) <= 14 and body_start - i <= 40:
            lone.append((body_start - i, iso))
    if not lone or len({d[:10] for _, d in lone}) > 1:
        return None  # unlabelled dates of different days (a list of other stories' dates): no guess
    return lone[0][1]


#: a byline: "By Ana Brandt", "Written by Ana Brandt and Tom Lind", "Text: ...", "Von ...", "Por ..."
_BYLINE = re.compile(r"^(?:by|written by|words by|text|текст|von|por|par)\s*[:：]?\s+(?P<names>\S.*)", re.I)
#: a byline after a date or time, or after "Posted": "7:45 am PST by Ana Brandt", "Nov 1, 2025 | BY: Ana
#: Brandt", "Posted by Ana Brandt on ..." (only in a line that holds a date or opens with "posted")
_LATE_BYLINE = re.compile(r"(?:^|[\s|·])(?:posted |written )?by\s*[:：]?\s+(?P<names>[A-Z]\S*(?:\s.*)?)$", re.I)
#: where a byline's names end: a date or time (a digit, a month), a handle, a separator, "on" before a
#: date, an outlet after "for", a job title glued on by the flattening ("Meg JamesStaff Writer"), an
#: update or publication label
_BYLINE_END = re.compile(r"\s[-–—|·/]\s|[|·@]|\s(?i:on|for|in|at)\s|\d|"
                         r"\s(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s|$)|"
                         r"\s(?i:updated|published|posted|modified)\b|"
                         r"(?=(?:[A-Z][a-z]+\s)?(?:Columnist|Writer|Reporter|Editor|Correspondent|Contributor)\b)")


#: a name of two to four words opening a line, then its social-media handle: "Ana Brandt@anabrandt",
#: "Ana Brandt @anabrandt / 2 days" (a name then a date alone, "Top Stories - Nov 19", may be no one)
_NAME_HANDLE = re.compile(r"^(?P<names>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})\s*@\w")


def _authors(lines: list[str], body_start: int, outlet: str | None, language: str | None = None) -> list[str]:
    """The people the byline nearest the body, within 60 lines above it, names (:func:`meta.clean_authors`:
    person names only, no outlet, credential or date). A byline opens with "By" (or "Text:", "Von" ...),
    or follows a date or "Posted" ("Nov 1, 2025 | BY: ..."), or is a name with its handle."""
    from .meta import clean_authors

    for i in range(body_start - 1, max(-1, body_start - 60), -1):
        line = lines[i].strip()
        if _units(line) > 20:
            continue
        m = _BYLINE.match(line)
        if m is None and (line[:6].lower() == "posted" or has_date(line, language)):
            m = _LATE_BYLINE.search(line)
        if m is None:
            m = _NAME_HANDLE.match(line)
        if m:
            names = clean_authors(_BYLINE_END.split(m.group("names"))[0], outlet)
            if names:
                return names
    return []


#: lines between a headline and its body that are not the headline: a byline, a dateline or time stamp,
#: a reading time, share and print buttons, a photo credit
_NOT_HEADLINE = re.compile(
    r"^(?:by|written by|posted|published|updated|filed|tested by|text|текст|von|por|par)\b|@\w|"
    r"\b(?:min(?:ute)?s? read|read time|tempo de leitura|share|print|follow|comments?|sign in|subscribe|"
    r"photo|image|getty|credit|browse|click|contributor)\b|"
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\b", re.I)  # a time


def _title(lines: list[str], classes: list[str], body_start: int, page_script: str | None,
           language: str | None = None) -> str | None:
    """The headline above the body: of the headline-like lines in the 40 lines above it
    (:func:`_headline_like`), the one whose words the body's opening repeats most (nearer lines
    first on a tie; a byline or date line right below counts for it), or the nearest when none
    scores a third. A headline sums up its lead and heads its byline; a promotion, a section name,
    a share bar or another story's headline does not. Earlier the nearest was taken: it agreed with
    the headline the page's HTML marks on 64 of the 121 extraction dev pages, and agrees on 99 now
    (w3m 52 -> 88, lynx 48 -> 89, html2text 47 -> 89 of the same pages)."""
    lede = _keys(" ".join(ln for ln in lines[body_start:body_start + 12] if ln.strip()), 150)
    rows = [i for i in range(body_start - 1, max(-1, body_start - 40), -1) if lines[i].strip()]
    like = [_headline_like(lines[i].strip(), classes[i], page_script, language) for i in rows]
    best, best_score, nearest = None, 0.0, None
    for seen, (i, ok) in enumerate(zip(rows, like, strict=True), start=1):
        if not ok:
            continue
        line = lines[i].strip()
        nearest = nearest or line
        keys = _keys(line)
        if len(keys) >= 2:
            score = len(keys & lede) / len(keys) - _TITLE_DISTANCE * seen
            if _metadata_below(lines, rows, seen - 1, language):
                score += _TITLE_BYLINE
            if score > best_score:
                best, best_score = line, score
    return best if best is not None and best_score >= _TITLE_OVERLAP else nearest


def _metadata_below(lines: list[str], rows: list[int], k: int, language: str | None) -> bool:
    """Whether a byline or a short date line follows ``lines[rows[k]]`` within three non-blank lines."""
    for j in range(max(0, k - 3), k):
        line = lines[rows[j]].strip()
        if _BYLINE.match(line) or (_units(line) <= 14 and has_date(line, language)):
            return True
    return False


#: shapes no headline has: an address, a breadcrumb trail ("Blog > Nutrition > Meal Plans"), a photo
#: credit ("Ana Brandt/INVENTED IMAGES")
_NOT_HEADLINE_SHAPE = re.compile(r"^(?:https?://|www\.)|(?:\s[>›»]\s.*){2}|\w/[A-Z]{2,}[A-Z\s]*$")


def _headline_like(line: str, cls: str, page_script: str | None, language: str | None = None) -> bool:
    """A 3-40 word line in the page's script that does not end with a full stop or a colon (a
    headline may ask or exclaim) and is not chrome, a list item, a byline, a date line, a reading
    time, a button, a credit, an address or a breadcrumb trail."""
    if cls == "chrome" or line.startswith("(") or _BULLET.match(line) or _NOT_HEADLINE_SHAPE.search(line):
        return False
    ends = line.rstrip("\"'”’»)")  # a lead sentence may end in a closing quote: still a sentence
    if _NOT_HEADLINE.search(line) or (_units(line) <= 14 and has_date(line, language)) or \
            credit_from_line(line.split(",")[-1]):  # "Tom Davies, Associated Press": a byline
        return False
    return 3 <= _units(line) <= 40 and not ends.endswith((".", ":")) and script(line) == page_script


#: the share of a line's words the body's opening must repeat for it to be taken for the headline
_TITLE_OVERLAP = 0.3
#: what each line between a candidate and the body takes off its score: a tie goes to the nearer line
_TITLE_DISTANCE = 0.005
#: what a byline or date line right below a candidate adds to its score: a headline heads its metadata,
#: another story's headline in a list near the body does not
_TITLE_BYLINE = 0.2
_KEY = re.compile(r"[^\W\d_]{3,}|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")


def _keys(text: str, limit: int | None = None) -> set[str]:
    """The lower-cased words of three letters or more of ``text`` (the first ``limit``), and
    the character pairs of runs of Chinese, Japanese or Korean, which are not split into words."""
    out: set[str] = set()
    for n, m in enumerate(_KEY.finditer(text.lower())):
        if limit is not None and n >= limit:
            break
        w = m.group()
        if ord(w[0]) >= 0x3040:
            out.update(w[k:k + 2] for k in range(max(1, len(w) - 1)))
        else:
            out.add(w)
    return out


def _measure(line: str, stops: frozenset[str]) -> tuple[int, float, bool]:
    """(units, stop-word density, ends like a sentence) of a line."""
    stripped = line.strip()
    words = [w.lower() for w in _WORD.findall(stripped)]
    density = sum(w in stops for w in words) / max(len(words), 1) if stops else 0.3
    return _units(stripped), density, bool(_SENTENCE_END.search(stripped))


_BULLET = re.compile(r"^\s*(?:[-–•◦▪▫●○■□*+·]|\d{1,2}[.)])\s+")


def columns(text: str) -> int:
    """How many columns a text browser gives ``text``: East Asian wide and full-width characters
    take two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def _wrap_width(lines: list[str], widths: list[int]) -> int | None:
    """The width a text browser wrapped a page at, or None when the page is not wrapped: several
    lines reach nearly the same maximal width. A line holding an unbroken ASCII run of 20 columns or
    more (an address) is left out, since the browser could not break it; a few other lines may stick
    out too (a script whose width the browser counts differently), when five lines below them end
    within two columns of one another, as wrapped lines do and a flattened page's paragraphs do not."""
    top = sorted((w for ln, w in zip(lines, widths, strict=True)
                  if ln.strip() and not any(len(word) >= 20 and word.isascii() for word in ln.split())),
                 reverse=True)
    for skip in range(min(5, len(top) // 50) + 1):
        if len(top) < skip + 5 or top[skip] < 60:
            return None
        if top[skip + 4] >= (0.85 * top[skip] if skip == 0 else top[skip] - 2):
            return top[skip + 4]
    return None


#: a word a wrapping tool broke after its hyphen ("self-" / "employed", an address's "wp-" / "content")
_HYPHENATED = re.compile(r"\w-\w$")


def unwrap(lines: list[str]) -> list[str]:
    """Join the lines of paragraphs that a text browser wrapped at a fixed width.

    A page counts as wrapped when several lines reach nearly the same maximal width (in columns:
    a Chinese or Japanese character takes two); then a line that reaches it continues into the next
    one (unless that one starts a list item). Two wide characters, or a hyphen inside a word and the
    rest of the word, are joined without a space.
    """
    widths = [columns(ln.rstrip()) for ln in lines]
    width = _wrap_width(lines, widths)
    if width is None:
        return lines
    out: list[str] = []
    joining = False
    for line, w in zip(lines, widths, strict=True):
        if joining and line.strip() and not _BULLET.match(line):
            last, next_ = out[-1].rstrip(), line.strip()
            joined = columns(last[-1] + next_[0]) == 4 or _HYPHENATED.search(last[-2:] + next_[0])
            out[-1] = last + ("" if joined else " ") + next_
        else:
            out.append(line)
        joining = w >= 0.85 * width
    return out


#: what follows the "References" line of a text browser's list of link addresses: lynx and elinks
#: head it "Visible links" (and "Hidden links"), or it opens with link 1's address
_LINK_LIST_HEAD = re.compile(r"(?:Visible|Hidden) links:?|1\.\s+[a-z][a-z0-9+.-]*:\S*")
_LINK_MARK = re.compile(r"\[\d+\]")


def link_list(lines: list[str]) -> int | None:
    """Where a text browser's list of link addresses starts, or None.

    ``lynx -dump`` and ``elinks -dump`` end a page with "References" and the numbered addresses of
    its links, which the page's text points to with markers such as "[12]". The list is no part of
    any article, and as the page's longest block it would otherwise pass for its body.
    """
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip() == "References":
            head = next((ln.strip() for ln in lines[i + 1:] if ln.strip()), "")
            return i if _LINK_LIST_HEAD.fullmatch(head) else None
    return None


#: Markdown's inline image and link: ![alt](address "title") and [text](address "title"). The address
#: has a / : . or # (lynx's "[9](BUTTON)" is no link); a wrapping tool may have broken it over lines,
#: and the text and title may run over lines too
_MD_TARGET = (r"\(\s*<?(?=[^\s()<>]*[/:.#])[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*(?:\n[^\s()<>]+)*>?"  # address
              r"(?:\s+\"[^\"]*\")?\s*\)")  # title
_MD_IMAGE = re.compile(r"!\[[^\[\]]*\]" + _MD_TARGET)
_MD_LINK = re.compile(r"\[([^\[\]]*)\]" + _MD_TARGET)
_MD_LINE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|#{1,6}$|>[ \t]?)+")  # heading marks, quote bars
#: a line that is only a pandoc fenced div (::: {#main}) or raw HTML tags (<div>, </div>)
_MD_MARKUP_LINE = re.compile(r"[ \t]*(?::::.*|(?:</?[a-z][a-z0-9]*(?:\s+[a-z-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*"
                             r"\s*/?>[ \t]*)+)$")
#: pandoc's attributes, after a link, image, span or heading: {.thumbnail width="650" ga="[{...}]"}
_ATTRIBUTES = r"\{(?:[^{}\"]|\"[^\"]*\")*\}"
_MD_ATTRIBUTES = re.compile(r"(?<=[)\]])" + _ATTRIBUTES + r"|[ \t]+\{[#.](?:[^{}\"]|\"[^\"]*\")*\}[ \t]*$", re.M)
#: pandoc's bracketed span, which may hold a link: [text]{#menu-item-20}, [[text](address)]{#menu-item-20}
_MD_SPAN = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]" + _ATTRIBUTES)
_MD_EMPHASIS = re.compile(r"(?<!\\)(?:\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w))")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")


def is_markdown(text: str) -> bool:
    """Whether a page was converted to Markdown (html2text, pandoc, a scraper's "reader" output) rather
    than flattened: it has three Markdown links or more."""
    return len(_MD_LINK.findall(text, 0, 200_000)) >= 3


def markdown_lines(lines: list[str]) -> list[str]:
    """A Markdown page's lines without their heading marks and quote bars, and without lines of markup
    only (pandoc's fenced divs, raw HTML tags), before unwrapping: a quote bar would otherwise be joined
    into the middle of a paragraph."""
    return ["" if _MD_MARKUP_LINE.match(ln) else _MD_LINE.sub("", ln) for ln in lines]


def from_markdown(lines: list[str]) -> list[str]:
    """A Markdown page's (unwrapped) lines as plain text: links and pandoc's bracketed spans by their
    text, images and pandoc's attributes dropped, emphasis marks and escapes removed."""
    text = _MD_SPAN.sub(lambda m: m.group(1), "\n".join(lines))  # [[text](address)]{#id}: the span first
    text = _MD_LINK.sub(lambda m: m.group(1), _MD_IMAGE.sub("", _MD_ATTRIBUTES.sub("", text)))
    return _MD_ESCAPE.sub(r"\1", _MD_EMPHASIS.sub("", text)).split("\n")


@dataclass(slots=True)
class PageLines:
    """A flattened page split into lines, with the rules' view of each line, and the lines of a text
    browser's list of link addresses (``links``), set aside before any of that."""

    lines: list[str]
    page_script: str | None
    first: list[tuple[str, str]]
    classes: list[str]
    run: tuple[int, int]
    stats: list[tuple[int, float, bool]]
    links: list[str]
    language: str = "en"  # of its longest lines (py3langid)


def analyse(text: str) -> PageLines:
    """Lines of a flattened page with their rule classes and measures. A text browser's dump or a
    Markdown page is first brought to the flattened form: a browser's list of link addresses set aside
    (with the "[12]" markers that point into it), wrapping undone, Markdown's marks and link addresses
    removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    markdown = is_markdown(text)
    lines = markdown_lines(text.split("\n")) if markdown else text.split("\n")
    cut = link_list(lines)
    links = [] if cut is None else [ln for ln in lines[cut:] if ln.strip()]
    lines = unwrap(lines if cut is None else lines[:cut])  # its long addresses would hide the wrap width
    if cut is not None:
        lines = [_LINK_MARK.sub("", ln) for ln in lines]
    if markdown:
        lines = from_markdown(lines)
    top = sorted((ln for ln in lines if ln.strip()), key=len, reverse=True)[:20]
    page_script = script(" ".join(top))
    language = _language(top)
    stops = _stop_words(language)
    first = [("blank", "blank") if not ln.strip() else classify(ln, page_script, stops) for ln in lines]
    classes = _resolve_context([c for c, _ in first])
    return PageLines(lines, page_script, first, classes, _best_run(lines, classes),
                     [_measure(ln, stops) for ln in lines], links, language)


def line_rows(page: PageLines) -> tuple[list[int], list[list[float]]]:
    """The non-blank line indices of a page and their feature vectors for the learned model."""
    from .flat_features import features

    return features(page.lines, page.first, page.run, [u for u, _, _ in page.stats],
                    [d for _, d, _ in page.stats], [e for _, _, e in page.stats])


_FOOTER = re.compile(r"(copyright\s*)?(©|\(c\))\s*(\d{4}|[^\W\d]+\.)|copyright\s*\d{4}|all rights reserved|"
                     r"무단\s*전재|版权所有|著作権", re.I)


def is_footer(line: str) -> bool:
    """A copyright notice of the page ("Copyright © 2024 ...", "All rights reserved"), not a photo
    credit ("© Reuters", "Image copyright Getty Images"): the body does not run on across it."""
    stripped = line.strip()
    return bool(_FOOTER.search(stripped)) and is_chrome(stripped)


def is_thread_head(line: str) -> bool:
    """The head of the page's comment thread (:data:`_THREAD`): no article text follows it."""
    stripped = line.strip()
    return bool(_THREAD.match(stripped)) and _units(stripped) <= 30


#: the head of a page's comment thread, after which the article never goes on: its title ("34 responses to
#: '...'", "12 comments on ...", "10 thoughts on ...", "Reader comments", "Top rated comments", "comments powered
#: by ..."), the reply form ("Leave a Reply", "Post a comment"; also in the words of common blog software's
#: Portuguese, Spanish, French, Italian, German and Russian) or "Comments are closed".
#: A bare "Comments" or "8 comments" is not one: share bars above or inside an article show those
_THREAD = re.compile(
    r"(?:\d+\s+(?:responses?|comments?|replies|reactions?)\s+(?:to|on)\b"
    r"|(?:leave|post|add|write|submit)\s+(?:a|an|your)\s+(?:comment|reply|response)\b"
    r"|comments?\s+(?:are|is)\s+closed\b|(?:join|start)\s+the\s+(?:discussion|conversation)\b"
    r"|\d+\s+thoughts?\s+on\b|comments\s+powered\s+by\b|(?:top|most|highest)[\s-]+rated\s+comments\b"
    r"|(?:readers?['’]?|user|visitor)\s+comments\b"
    r"|deixe\s+(?:um|uma|o\s+seu|seu)\s+(?:comentário|resposta)|deja\s+(?:un|una|tu)\s+(?:comentario|respuesta)"
    r"|laisser\s+un\s+commentaire|lascia\s+un\s+commento|schreibe\s+einen\s+kommentar"
    r"|(?:добавить|оставить)\s+комментарий)", re.I)


#: one word of three or more parts joined by '-' or '_' (with a letter), alone on its line: an image's file name
#: as a text browser shows its alternative text, or an address's slug ('harbour-pier-2024-cover-01',
#: '[stockphoto-1234567-2]'); never the article's text. The line model never saw one (the flat pages hold 7, all
#: junk), so the decode reads it as chrome: probability 0, and it neither extends nor breaks the body's extent
_FILE_NAME = re.compile(r"^\[?(?=[\w.]*[^\W\d_])[\w.]+(?:[-_][\w.]+){2,}\]?$")


def is_file_name(line: str) -> bool:
    """Whether ``line`` is a file name or an address's slug on its own (:data:`_FILE_NAME`)."""
    return bool(_FILE_NAME.match(line.strip()))


#: a label and a count in brackets, alone on its line (a list item maybe): a blog's archive or category
#: widget ('* November (113)', 'Politics (45)') or a link to more ('View all (4)'); never a line of the
#: 121 dev articles' gold text. Read by the decode as a file name is
_COUNT_LABEL = re.compile(r"^(?:[*•+o-]\s+)?[^\W\d_][\w .'’&-]{0,40}?\s\(\d{1,5}\)$")


def is_count_label(line: str) -> bool:
    """Whether ``line`` is a label with a count in brackets and nothing else (:data:`_COUNT_LABEL`)."""
    return bool(_COUNT_LABEL.match(line.strip()))


#: how many characters of likely lines the body's extent must hold above a comment thread's head for the
#: extent to end there (a "Leave a comment" link in a post's byline row stands above its article)
_THREAD_BODY = 500


def select(idx: list[int], probs: list[float], lines: list[str], decode: dict[str, Any],
           chrome: list[bool] | None = None, ranker: dict[str, Any] | None = None,
           rows: list[list[float]] | None = None) -> list[int]:
    """The body lines: the contiguous span that gains most, then the likely lines inside it.

    The body is mostly one block: each non-blank line adds ``(p - span)`` times its length to the
    score of a span (length ** ``power``), and the best-scoring span (maximum subarray) is the body's
    extent; inside it a line is kept when its probability reaches ``keep``; outside it, only when it
    reaches ``keep_outside`` (a body paragraph set apart by an inline box). With ``relative`` the span
    bar is at most ``relative`` times the page's highest probability, and ``keep`` scales with it: every
    page has a body, so on a page the model is unsure of its likeliest lines set the bar (no empty output).
    With ``footer_breaks`` the span does not cross the page's copyright notice, nor run on past the head of a
    comment thread (:func:`is_thread_head`) when it holds ``_THREAD_BODY`` characters of likely lines above
    it (a text browser numbers and indents comments, and they read as prose); with ``chrome_neutral`` a
    line the rules call chrome (``chrome``: a caption, a share prompt) neither extends nor breaks a span.
    With ``earlier`` a span before the best one wins when it gains at least that share of the best
    one's gain (:func:`_earlier_span`). With a span ``ranker`` (and the lines' feature ``rows``) that
    extent is only the first of the page's candidate extents, and the ranker picks one (:func:`_ranked_span`).
    """
    if not idx:
        return []
    extent = page_extent(idx, probs, lines, decode, chrome)
    lo, hi = extent.default
    if ranker and rows:
        spans, feats = span_candidates(extent, extent.probs, rows)
        lo, hi = spans[ranked_best(spans, feats, ranker)] if spans else (lo, hi)
    outside = float(decode.get("keep_outside", 1.01))
    return [i for k, (i, p) in enumerate(zip(idx, extent.probs, strict=True))
            if p >= (extent.keep if lo <= k < hi else outside)]


@dataclass(slots=True)
class Extent:
    """How :func:`select` looks for a page's body extent: the lines' sizes, the page's span and keep
    thresholds, the lines a span may not cross (``breaks``) and those that add nothing (``neutral``),
    the decode's own choice [lo, hi) of non-blank line positions, and the lines' probabilities as the
    decode reads them (a file name's or a count label's at 0: :func:`is_file_name`, :func:`is_count_label`)."""

    sizes: list[int]
    span: float
    keep: float
    breaks: list[bool] | None
    neutral: list[bool] | None
    default: tuple[int, int]
    probs: list[float]


def page_extent(idx: list[int], probs: list[float], lines: list[str], decode: dict[str, Any],
                chrome: list[bool] | None) -> Extent:
    """The page's :class:`Extent` under ``decode`` (see :func:`select`)."""
    breaks = [is_footer(lines[i]) for i in idx] if decode.get("footer_breaks") else None
    span, keep = float(decode.get("span", 0.5)), float(decode.get("keep", 0.5))
    bar = float(decode.get("relative", 0.0)) * max(probs, default=0.0)
    if 0 < bar < span:  # an unsure page: its likeliest lines set the bar
        span, keep = bar, keep * bar / span
    sizes, power = [len(lines[i].strip()) for i in idx], float(decode.get("power", 0.5))
    names = [is_file_name(lines[i]) or is_count_label(lines[i]) for i in idx]
    if any(names):
        probs = [0.0 if n else p for p, n in zip(probs, names, strict=True)]
        chrome = [n or c for n, c in zip(names, chrome or names, strict=True)]
    neutral = chrome if decode.get("chrome_neutral") else None
    earlier = float(decode.get("earlier", 0.0))
    default = _earlier_span(sizes, probs, span, power, breaks, neutral, earlier)
    if breaks is not None:
        head = next((k for k, i in enumerate(idx) if is_thread_head(lines[i])), None)
        lo, hi = default
        if head is not None and head < hi:
            # likely lines above the head: in the extent when it holds the head, else anywhere above it (an
            # extent below the head is the thread itself, its comments outweighing the article above)
            first = lo if lo < head else 0
            if sum(sizes[k] for k in range(first, head) if probs[k] >= span) >= _THREAD_BODY:
                breaks[head:] = [True] * (len(idx) - head)  # the thread and all below it
                default = _earlier_span(sizes, probs, span, power, breaks, neutral, earlier)
    return Extent(sizes, span, keep, breaks, neutral, default, probs)


def span_candidates(extent: Extent, probs: list[float],
                    rows: list[list[float]]) -> tuple[list[tuple[int, int]], list[list[float]]]:
    """A page's candidate body extents (the decode's own first) and the span ranker's features of each.

    Which block is the article is a page-level choice: a teaser list or a comment thread can gain more
    than the article under one threshold, so candidates under several are compared as wholes.
    """
    from .flat_features import candidates, span_features

    spans = candidates(extent.sizes, probs, extent.span, extent.keep, extent.breaks, extent.neutral,
                       [extent.default])
    return spans, span_features(spans, extent.sizes, probs, rows, extent.span, extent.keep) if spans else []


def _earlier_span(sizes: list[int], probs: list[float], theta: float, power: float, breaks: list[bool] | None,
                  neutral: list[bool] | None, share: float) -> tuple[int, int]:
    """[lo, hi) of the body's extent: the best span (:func:`flat_features.best_span`), or (``share`` > 0)
    the best span before it when that one gains at least ``share`` of its gain.

    A page's article comes before the lists that follow it (related headlines, comment threads): when
    two blocks look alike, the later one is more often such a list than the article, so a nearly as
    good earlier block is taken.
    """
    from .flat_features import best_span, span_gain

    lo, hi = best_span(sizes, probs, theta, power, breaks, neutral)
    if share <= 0 or lo == 0:
        return lo, hi
    lo2, hi2 = best_span(sizes[:lo], probs[:lo], theta, power, breaks and breaks[:lo], neutral and neutral[:lo])
    if hi2 > lo2 and span_gain(sizes, probs, theta, power, lo2, hi2, neutral) >= \
            share * span_gain(sizes, probs, theta, power, lo, hi, neutral):
        return lo2, hi2
    return lo, hi


def clean_flat(text: str, model: dict[str, Any] | None = None) -> FlatResult:
    """The article body and metadata of a flattened page.

    Args:
        text: the flattened page (lines of text nodes, blank lines between blocks).
        model: the line classifier (default: the shipped ``data/flat_model.json``; without one,
            the rules alone decide).

    Returns:
        The body (paragraphs joined by blank lines), its paragraph offsets, the title, the outlet
        and wire credit found in the page's own lines, a date only where the page states one,
        and the decision for every line.
    """
    from . import flat_model

    page = analyse(text)
    lines, first, classes = page.lines, page.first, page.classes
    start, end = page.run
    model = model or flat_model.load()
    if model is not None:
        idx, rows = line_rows(page)
        probs = flat_model.line_probabilities(rows, [len(lines[i].strip()) for i in idx], model)
        kept = set(select(idx, probs, lines, model.get("decode", {}), [first[i][0] == "chrome" for i in idx],
                          model.get("ranker"), rows))
        classes = ["good" if i in kept else "blank" if not ln.strip() else "chrome" if first[i][0] == "chrome"
                   else "short" for i, ln in enumerate(lines)]
        first = [("good", f"model: body (p={p:.2f})") if i in kept else
                 f if f[0] == "chrome" else ("chrome", "file name") if is_file_name(lines[i]) else
                 ("chrome", "count label") if is_count_label(lines[i]) else
                 (f[0], f"model: not body (p={p:.2f})") for i, f, p in _with_probs(first, idx, probs)]
        start, end = (min(kept), max(kept) + 1) if kept else (0, 0)
    body_idx = [i for i in range(start, end) if classes[i] in BODY]
    if model is not None:
        body_idx = trim_edges(lines, body_idx)
        start, end = (body_idx[0], body_idx[-1] + 1) if body_idx else (start, end)
    title = _title(lines, classes, start, page.page_script, page.language)
    body_idx = _drop_title_repeats(lines, body_idx, title)
    paragraphs, parts, pos = [], [], 0
    for i in body_idx:
        para = " ".join(lines[i].split())
        paragraphs.append([pos, pos + len(para)])
        parts.append(para)
        pos += len(para) + 2
    decisions = _decisions(lines, first, classes, set(body_idx), start, end)
    decisions += [LineDecision(ln, False, "text browser's list of link addresses") for ln in page.links]
    tail = [ln for ln in lines[end:] if ln.strip()][:8]
    outlet = next((o for ln in [*tail, *lines[::-1]] if (o := outlet_from_line(ln))), None)
    return FlatResult(
        text="\n\n".join(parts), paragraphs=paragraphs, title=title, outlet=outlet,
        credit=next((c for ln in tail if (c := credit_from_line(ln))), None)
        or (dateline_credit(parts[0]) if parts else None) or lead_credit(parts[:3]),
        published=_published(lines, start, page.language), lines=decisions,
        authors=_authors(lines, start, outlet, page.language))


def _metadata_line(line: str, first: bool) -> bool:
    """A line at the edge of the body that is the page's metadata, not its text: a bare date, a
    bare wire credit ("Yonhap"), or (at the start) a byline (short, or with a date) or a headline (a
    title-like line without a full stop)."""
    stripped = line.strip()
    units = _units(stripped)
    if units <= 8 and _DATE_LINE.fullmatch(stripped):
        return True
    if units <= 4 and credit_from_line(stripped):
        return True
    if first and units <= 25 and (m := _BYLINE.match(stripped)) and m.group("names")[:1].isupper() and \
            (units <= 8 or has_date(stripped)):
        return True  # a byline: "By Ana Brandt on Monday, November 17th, 2025 at 11:08 a.m."
    return first and 3 <= units <= 25 and not stripped.endswith((".", ":", "。", "!", "?", "\"", "”")) \
        and not _BULLET.match(stripped)


def trim_edges(lines: list[str], body_idx: list[int]) -> list[int]:
    """The body lines without the metadata lines the model took in at its start and end."""
    lo, hi = 0, len(body_idx)
    while lo < hi - 1 and _metadata_line(lines[body_idx[lo]], first=True):
        lo += 1
    while hi - 1 > lo and _metadata_line(lines[body_idx[hi - 1]], first=False):
        hi -= 1
    return body_idx[lo:hi]


def _with_probs(first: list[tuple[str, str]], idx: list[int],
                probs: list[float]) -> list[tuple[int, tuple[str, str], float]]:
    prob = dict(zip(idx, probs, strict=True))
    return [(i, f, prob.get(i, 0.0)) for i, f in enumerate(first)]


_ACCORDING = re.compile(r"\b[Aa]ccording to (?:the )?([A-Z][\w-]*(?: [A-Z][\w-]*){0,3})")


def lead_credit(paragraphs: list[str]) -> str | None:
    """A news agency the lead cites as its source ("According to TASS and other agencies, ...")."""
    from .outlets import agency

    for para in paragraphs:
        for m in _ACCORDING.finditer(para):
            words = m.group(1).split()
            for n in range(len(words), 0, -1):
                found = agency(" ".join(words[:n]))
                if found is not None:
                    return found.name
    return None


def _drop_title_repeats(lines: list[str], body_idx: list[int], title: str | None) -> list[int]:
    """A caption often repeats the headline: drop body lines that are the whole title and little more
    (with every copy of the title taken out, at most the title's length is left: a credit, a date; a
    share box may print the title twice on a line). A longer line that holds it is a paragraph naming
    what the headline names ("The Doobie Brothers announced ..." under "The Doobie Brothers")."""
    if not title:
        return body_idx
    key = " ".join(title.split()).lower()
    return [i for i in body_idx
            if key not in (line := " ".join(lines[i].split()).lower()) or len(line.replace(key, "")) > len(key)]


def _decisions(lines: list[str], first: list[tuple[str, str]], classes: list[str], kept: set[int],
               start: int, end: int) -> list[LineDecision]:
    out = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if i in kept:
            reason = first[i][1] if classes[i] == "good" else f"{first[i][1]}, between body lines"
        elif first[i][0] == "chrome":
            reason = first[i][1]
        elif not start <= i < end:
            reason = "outside the main block"
        else:
            reason = f"{first[i][1]}, among chrome" if classes[i] == "chrome-context" else first[i][1]
        out.append(LineDecision(line, i in kept, reason))
    return out
