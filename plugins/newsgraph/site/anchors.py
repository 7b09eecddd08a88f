"""Quotes in place: each quote of an article marked in the article's own HTML.

A quote's words become ``<mark class="newsgraph-quote" id="quote-<n>">…</mark>`` in the article
body, so a link to ``{article}#quote-<n>`` (speaker pages, feeds, JSON-LD ``Quotation.url``) lands
on the quote where the reader meets it (the theme highlights ``:target``). Quotes are found by
their text, in article order, in the HTML's text (whitespace-insensitive, across inline markup:
a quote running over ``<em>`` or a link is marked piece by piece, the first piece carrying the
id). A quote that cannot be found is left unmarked and reported in the result, so a theme can
anchor it elsewhere (the demo theme: its entry in the list of quotes).

Site layer (no Pelican import). The HTML is scanned, not parsed into a tree and written back:
only the ``<mark>`` tags are inserted, everything else stays byte for byte.
"""
from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field

#: Text inside these is never story text (nothing is marked there).
SKIP_ELEMENTS = ("script", "style", "noscript", "template", "textarea", "title", "head", "svg")
MARK_CLASS = "newsgraph-quote"

#: The HTML as a sequence of comments, tags and text runs.
_TOKENS = re.compile(r"<!--.*?-->|<![^>]*>|<\?[^>]*>|<[^>]*>|[^<]+|<", re.S)
_SKIP_OPEN = re.compile(r"<(%s)\b" % "|".join(SKIP_ELEMENTS), re.I)
#: Within a text run: whitespace, entities, and plain characters in chunks.
_PIECES = re.compile(r"\s+|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?|&|[^\s&]+")


@dataclass
class MarkedHtml:
    html: str
    marked: set[int] = field(default_factory=set)      # quote numbers with an anchor in the body


@dataclass
class _TextIndex:
    """The HTML's visible text (entities decoded, whitespace runs collapsed to one space), with
    each character's raw span in the HTML and the text run it belongs to."""

    text: str
    start: list[int]                                   # raw offset where the character starts
    end: list[int]                                     # raw offset where it ends
    run: list[int]                                     # index of its text run


def _index(html: str) -> _TextIndex:
    chars: list[str] = []
    start: list[int] = []
    end: list[int] = []
    run: list[int] = []
    skip_until: str | None = None
    runs = 0
    for tok in _TOKENS.finditer(html):
        t = tok.group()
        if skip_until is not None:
            if t[:2] == "</" and t[2:].lower().startswith(skip_until):
                skip_until = None
            continue
        if t[0] == "<" and len(t) > 1:
            m = _SKIP_OPEN.match(t)
            if m and not t.endswith("/>"):
                skip_until = m.group(1).lower()
            continue
        runs += 1
        for piece in _PIECES.finditer(t):
            p, a = piece.group(), tok.start() + piece.start()
            if p[0].isspace():
                if chars and chars[-1] == " ":
                    continue
                chars.append(" "), start.append(a), end.append(a + len(p)), run.append(runs)
            elif p[0] == "&":
                decoded = htmllib.unescape(p)
                for ch in decoded:
                    chars.append(" " if ch.isspace() else ch), start.append(a), end.append(a + len(p))
                    run.append(runs)
            else:
                chars.append(p)
                start.extend(range(a, a + len(p)))
                end.extend(range(a + 1, a + len(p) + 1))
                run.extend([runs] * len(p))
    return _TextIndex("".join(chars), start, end, run)


def _needle(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def mark_quotes(html: str, quotes: list[tuple[int, list[str]]]) -> MarkedHtml:
    """``html`` with each quote ``(n, [content texts])`` marked; quotes in article order.

    Each content text is searched after the previous quote's start, so repeated words mark the
    right occurrence. Only ``<mark>`` tags are inserted: the HTML is otherwise unchanged (and
    returned as is when no quote is found).
    """
    if not html or not quotes:
        return MarkedHtml(html)
    index = _index(html)
    found: list[tuple[int, list[tuple[int, int]]]] = []
    pos = 0
    for n, texts in quotes:
        needles = [x for x in map(_needle, texts) if x]
        ranges, at = [], pos
        for needle in needles:
            i = index.text.find(needle, at)
            if i < 0:
                break
            ranges.append((i, i + len(needle)))
            at = i + len(needle)
        if needles and len(ranges) == len(needles):
            found.append((n, ranges))
            pos = ranges[0][0]
    inserts: list[tuple[int, int, str]] = []           # (raw offset, order, markup)
    taken: list[tuple[int, int]] = []
    marked: set[int] = set()
    for n, ranges in found:
        if any(s < e2 and s2 < e for s, e in ranges for s2, e2 in taken):
            continue                        # overlaps a quote already marked (nested quotes)
        taken += ranges
        first = True
        for s, e in ranges:
            for a, b in _raw_runs(index, s, e):
                anchor = f' id="quote-{n}"' if first else ""
                inserts.append((a, 1, f'<mark class="{MARK_CLASS}" data-quote="{n}"{anchor}>'))
                inserts.append((b, 0, "</mark>"))
                first = False
        marked.add(n)
    if not inserts:
        return MarkedHtml(html)
    out, last = [], 0
    for at, _order, markup in sorted(inserts):
        out.append(html[last:at])
        out.append(markup)
        last = at
    out.append(html[last:])
    return MarkedHtml("".join(out), marked)


def _raw_runs(index: _TextIndex, s: int, e: int) -> list[tuple[int, int]]:
    """Raw (start, end) spans of ``index.text[s:e]``, one per text run it crosses (a mark never
    contains a tag), leading and trailing spaces left out."""
    while s < e and index.text[s] == " ":
        s += 1
    while e > s and index.text[e - 1] == " ":
        e -= 1
    spans: list[list[int]] = []
    for i in range(s, e):
        r = index.run[i]
        if spans and spans[-1][2] == r:
            spans[-1][1] = index.end[i]
        else:
            spans.append([index.start[i], index.end[i], r])
    return [(a, b) for a, b, _r in spans]
