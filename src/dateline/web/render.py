"""Escaped HTML for annotated text, and server-side SVG plots (no JavaScript, no CDN)."""

from __future__ import annotations

from datetime import date
from html import escape
from urllib.parse import quote as urlquote

from ..analysis.timeline import Item, Shift
from ..model import Article

Span = tuple[int, int, str, str, str]  # start, end, tag, css class, attributes


def _layers(article: Article) -> list[Span]:
    """Every span to mark, outermost first: event sentences, quotes, speakers, actor mentions.

    Anchors use offsets (``#ev<start>``, ``#q<start>``) so timeline points can link to them.
    """
    spans: list[Span] = []
    for e in article.events:
        spans.append((e.start, e.end, "span", "ev", f'id="ev{e.start}" title="{escape(_event_title(e))}"'))
    for q in article.quotes:
        who = q.speaker_name or q.speaker or "unknown speaker"
        for k, (start, end) in enumerate(q.fragments or [[q.start, q.end]]):  # split quotes: each part
            anchor = f'id="q{q.start}" ' if k == 0 else ""
            spans.append((start, end, "span", f"q {q.kind}", f'{anchor}title="{escape(who)}"'))
        if q.speaker_start is not None and q.speaker_end is not None:
            spans.append((q.speaker_start, q.speaker_end, "span", "spk", 'title="speaker"'))
    for m in article.mentions:
        actor = article.actor(m.actor)
        if actor is not None:
            href = f"/actor/{urlquote(actor.name, safe='')}"
            title = f"{actor.name} ({actor.code or actor.country or '?'})"
            spans.append((m.start, m.end, "a", "m", f'href="{escape(href)}" title="{escape(title)}"'))
    return spans


def _event_title(e: object) -> str:
    return (f"{getattr(e, 'source', None)} → {getattr(e, 'target', None)}: "
            f"{getattr(e, 'plover', None)} ({getattr(e, 'code', None)}), {getattr(e, 'modality', None)}")


def highlight(article: Article) -> str:
    """The article text as HTML paragraphs with quotes, speakers, actors and events marked.

    Spans may overlap, so the text is cut at every span boundary and each piece is wrapped in the
    spans active over it. All text is escaped.
    """
    spans = [s for s in _layers(article) if 0 <= s[0] < s[1] <= len(article.text)]
    cuts = sorted({0, len(article.text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = escape(article.text[a:b]).replace("\n\n", "</p><p>").replace("\n", "<br>")
        active = [s for s in spans if s[0] <= a and b <= s[1]]
        for start, _, tag, cls, attrs in active:
            if tag == "a" or start == a:
                piece = f'<{tag} class="{cls}" {attrs}>{piece}</{tag}>'
            else:
                piece = f'<{tag} class="{cls}">{piece}</{tag}>'
        out.append(piece)
    return "<p>" + "".join(out) + "</p>"


def _day(value: str) -> date | None:
    try:
        parts = [int(x) for x in value[:10].split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def timeline_svg(items: list[Item], turns: list[Shift], width: int = 860, height: int = 300) -> str:
    """An SVG plot of intensity over time: each point links to its evidence; shifts marked."""
    points = [(d, it) for it in items if it.intensity is not None and (d := _day(it.date or ""))]
    pad_l, pad_r, pad_t, pad_b = 50, 20, 20, 40
    w, h = width - pad_l - pad_r, height - pad_t - pad_b
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'class="plot" role="img" aria-label="intensity over time">']
    y = lambda v: pad_t + h * (10 - v) / 20  # noqa: E731 - Goldstein runs from -10 to +10
    for v in (-10, -5, 0, 5, 10):
        parts.append(f'<line x1="{pad_l}" x2="{pad_l + w}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
                     f'class="{"zero" if v == 0 else "grid"}"/>'
                     f'<text x="{pad_l - 8}" y="{y(v) + 4:.1f}" class="tick" text-anchor="end">'
                     f'{v:+d}</text>')
    if not points:
        parts.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" class="empty">'
                     "no dated events with an intensity</text></svg>")
        return "".join(parts)
    lo, hi = min(d for d, _ in points), max(d for d, _ in points)
    span = max((hi - lo).days, 1)
    x = lambda d: pad_l + (w * ((d - lo).days / span) if hi > lo else w / 2)  # noqa: E731
    for s in turns:
        a, b = _day(s.before.date or ""), _day(s.after.date or "")
        if a and b:
            mid = (x(a) + x(b)) / 2
            parts.append(f'<line x1="{mid:.1f}" x2="{mid:.1f}" y1="{pad_t}" y2="{pad_t + h}" '
                         f'class="shift"/><text x="{mid + 4:.1f}" y="{pad_t + 12}" class="shift-label">'
                         f'shift: {escape(s.direction)}</text>')
    path = " ".join(f"{x(d):.1f},{y(it.intensity or 0):.1f}" for d, it in points)
    parts.append(f'<polyline points="{path}" class="trend"/>')
    for d, it in points:
        cls = "pos" if (it.intensity or 0) > 0 else "neg"
        href = f"/article/{urlquote(it.article, safe='')}#{'ev' if it.kind == 'event' else 'q'}"
        label = f"{it.date} {it.type or it.kind} {it.intensity:+.1f}: {it.evidence[:120]}"
        parts.append(f'<a href="{escape(href)}{it.start}" class="point" data-date="{escape(it.date or "")}">'
                     f'<circle cx="{x(d):.1f}" cy="{y(it.intensity or 0):.1f}" r="7" class="{cls}">'
                     f"<title>{escape(label)}</title></circle></a>")
    parts.append(f'<text x="{pad_l}" y="{height - 10}" class="tick">{lo.isoformat()}</text>'
                 f'<text x="{pad_l + w}" y="{height - 10}" class="tick" text-anchor="end">'
                 f"{hi.isoformat()}</text></svg>")
    return "".join(parts)
