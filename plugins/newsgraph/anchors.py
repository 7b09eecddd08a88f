"""Quotes in place: each quote of an article marked in the article's own HTML.

A quote's words become ``<mark class="newsgraph-quote" id="quote-<n>">…</mark>`` in the article
body, so a link to ``{article}#quote-<n>`` (speaker pages, feeds, JSON-LD ``Quotation.url``) lands
on the quote where the reader meets it (the theme highlights ``:target``). Quotes are found by
their text, in article order, in the HTML's text (whitespace-insensitive, across inline markup:
a quote running over ``<em>`` or a link is marked piece by piece, the first piece carrying the
id). A quote that cannot be found is left unmarked and reported in the result, so a theme can
anchor it elsewhere (the demo theme: its entry in the list of quotes).

Site layer (no Pelican import); BeautifulSoup as in the text stage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

#: Text inside these is never story text (nothing is marked there).
SKIP_PARENTS = frozenset(("script", "style", "noscript", "template", "textarea", "title", "head", "svg"))
MARK_CLASS = "newsgraph-quote"


@dataclass
class MarkedHtml:
    html: str
    marked: set[int] = field(default_factory=set)      # quote numbers with an anchor in the body


@dataclass
class _TextIndex:
    """The HTML's visible text, whitespace runs collapsed to one space, with each character's
    text node and offset in it."""

    text: str
    where: list[tuple[int, int]]                       # (node index, offset in the node)
    nodes: list[NavigableString]


def _index(soup: BeautifulSoup) -> _TextIndex:
    chars: list[str] = []
    where: list[tuple[int, int]] = []
    nodes: list[NavigableString] = []
    for node in soup.find_all(string=True):
        if isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction)):
            continue
        if any(p.name in SKIP_PARENTS for p in node.parents if p.name):
            continue
        k = len(nodes)
        nodes.append(node)
        for i, ch in enumerate(str(node)):
            if ch.isspace():
                if chars and chars[-1] == " ":
                    continue
                ch = " "
            chars.append(ch)
            where.append((k, i))
    return _TextIndex("".join(chars), where, nodes)


def _needle(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def mark_quotes(html: str, quotes: list[tuple[int, list[str]]]) -> MarkedHtml:
    """``html`` with each quote ``(n, [content texts])`` marked; quotes in article order.

    Each content text is searched after the previous quote's start, so repeated words mark the
    right occurrence. Returns the HTML unchanged (and nothing marked) when no quote is found.
    """
    if not html or not quotes:
        return MarkedHtml(html)
    soup = BeautifulSoup(html, "html.parser")
    index = _index(soup)
    # (start, end) ranges in index.text per quote, found in order
    found: list[tuple[int, list[tuple[int, int]]]] = []
    pos = 0
    for n, texts in quotes:
        ranges, at = [], pos
        for t in texts:
            needle = _needle(t)
            if not needle:
                continue
            i = index.text.find(needle, at)
            if i < 0:
                break
            ranges.append((i, i + len(needle)))
            at = i + len(needle)
        if ranges and len(ranges) == len([t for t in texts if _needle(t)]):
            found.append((n, ranges))
            pos = ranges[0][0]
    if not found:
        return MarkedHtml(html)
    # pieces per text node: (start in node, end in node, quote n, first piece of the quote?)
    pieces: dict[int, list[tuple[int, int, int, bool]]] = {}
    taken: list[tuple[int, int]] = []
    marked: set[int] = set()
    for n, ranges in found:
        if any(s < e2 and s2 < e for s, e in ranges for s2, e2 in taken):
            continue                        # overlaps a quote already marked (nested quotes)
        taken += ranges
        first = True
        for s, e in ranges:
            for k, a, b in _node_runs(index, s, e):
                pieces.setdefault(k, []).append((a, b, n, first))
                first = False
        marked.add(n)
    for k, runs in pieces.items():
        _wrap(soup, index.nodes[k], sorted(runs))
    return MarkedHtml(str(soup), marked)


def _node_runs(index: _TextIndex, s: int, e: int) -> list[tuple[int, int, int]]:
    """The text-node pieces (node, start, end in the node's own string) of ``index.text[s:e]``."""
    runs: list[list[int]] = []
    for k, off in index.where[s:e]:
        if runs and runs[-1][0] == k:
            runs[-1][2] = off + 1
        else:
            runs.append([k, off, off + 1])
    return [(k, a, b) for k, a, b in runs if index.nodes[k][a:b].strip()]


def _wrap(soup: BeautifulSoup, node: NavigableString, runs: list[tuple[int, int, int, bool]]) -> None:
    """Replace ``node`` by its text with each run wrapped in a ``<mark>``."""
    text = str(node)
    parts: list = []
    pos = 0
    for a, b, n, first in runs:
        if a < pos:
            continue
        if a > pos:
            parts.append(NavigableString(text[pos:a]))
        mark = soup.new_tag("mark", attrs={"class": MARK_CLASS, "data-quote": str(n)})
        if first:
            mark["id"] = f"quote-{n}"
        mark.string = text[a:b]
        parts.append(mark)
        pos = b
    if pos < len(text):
        parts.append(NavigableString(text[pos:]))
    node.replace_with(*parts)
