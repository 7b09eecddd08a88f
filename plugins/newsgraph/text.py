"""Text stage: article HTML / Markdown / plain text -> clean text blocks with exact offsets.

``TextDoc.source`` is the text results are reported against (the raw text of a ``.txt``
file; for HTML the block texts joined by blank lines). ``TextDoc.clean`` is what the NLP
sees: the same text with boilerplate (photo credits, glued related-link widgets, embed
markup) cut out. ``TextDoc.span`` maps clean offsets back to exact source offsets.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

from .model import Span

BLOCK_TAGS = ("p", "blockquote", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "td", "th", "dd", "dt", "figcaption")


@dataclass
class Block:
    """A paragraph-like unit, in *clean* offsets."""

    start: int
    end: int
    kind: str = "p"


@dataclass
class TextDoc:
    source: str
    clean: str
    blocks: list[Block]
    removed: list[tuple[int, int, str]] = field(default_factory=list)  # source offsets + reason
    _segments: list[tuple[int, int, int]] = field(default_factory=list)  # (clean_start, source_start, length)

    def to_source(self, offset: int, *, end: bool = False) -> int:
        """Map a clean offset to the source; ``end=True`` prefers the end of the previous segment."""
        if not self._segments:
            return offset
        starts = [s[0] for s in self._segments]
        i = bisect.bisect_left(starts, offset) - 1 if end else bisect.bisect_right(starts, offset) - 1
        i = max(i, 0)
        cs, ss, n = self._segments[i]
        return ss + min(max(offset - cs, 0), n)

    def span(self, start: int, end: int) -> Span:
        s, e = self.to_source(start), self.to_source(end, end=True)
        return Span(s, e, self.source[s:e])


def _build(source: str, keep: list[tuple[int, int]], blocks_src: list[tuple[int, int, str]],
           removed: list[tuple[int, int, str]]) -> TextDoc:
    """Concatenate the kept source ranges into the clean text, recording the offset map."""
    parts, segments, pos = [], [], 0
    for s, e in keep:
        if e <= s:
            continue
        segments.append((pos, s, e - s))
        parts.append(source[s:e])
        pos += e - s
    doc = TextDoc(source=source, clean="".join(parts), blocks=[], removed=removed, _segments=segments)
    for s, e, kind in blocks_src:
        cs, ce = _to_clean(segments, s), _to_clean(segments, e)
        if ce > cs and doc.clean[cs:ce].strip():
            doc.blocks.append(Block(cs, ce, kind))
    return doc


def _to_clean(segments: list[tuple[int, int, int]], src: int) -> int:
    for cs, ss, n in segments:
        if src < ss:
            return cs
        if src <= ss + n:
            return cs + (src - ss)
    return segments[-1][0] + segments[-1][2] if segments else 0


def _subtract(spans: list[tuple[int, int]], cuts: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    out = []
    cuts = sorted(cuts)
    for s, e in spans:
        cur = s
        for cs, ce, _ in cuts:
            if ce <= cur or cs >= e:
                continue
            if cs > cur:
                out.append((cur, cs))
            cur = max(cur, ce)
        if cur < e:
            out.append((cur, e))
    return out


def from_plain(text: str, rules: "Boilerplate | None" = None) -> TextDoc:
    """Plain text: paragraphs are separated by blank lines; offsets are into ``text`` itself."""
    rules = rules or Boilerplate()
    blocks = [(m.start(), m.end(), "p") for m in re.finditer(r"\S(?:.*\S)?(?:\n(?!\s*\n).*\S)*", text)]
    removed = rules.find(text, [(s, e) for s, e, _ in blocks])
    return _build(text, _subtract([(0, len(text))], removed), blocks, removed)


def from_html(html: str, rules: "Boilerplate | None" = None) -> TextDoc:
    """HTML: one block per paragraph-like element; embedded tweets and scripts dropped."""
    rules = rules or Boilerplate()
    soup = BeautifulSoup(html, "html.parser")
    for t in soup.find_all(["script", "style", "noscript", "iframe", "template"]):
        t.decompose()
    for t in soup.find_all(class_=re.compile(r"twitter-tweet|instagram-media|embed", re.I)):
        t.decompose()
    pieces: list[tuple[str, str]] = []
    for el in soup.find_all(BLOCK_TAGS):
        if el.find_parent(BLOCK_TAGS) is not None and el.name not in ("li",):
            continue  # nested: the outer block carries the text
        if el.name == "blockquote" and el.find(["p", "li"]):
            for sub in el.find_all(["p", "li"]):
                pieces.append((_text(sub), "blockquote"))
            continue
        pieces.append((_text(el), el.name if el.name in ("blockquote", "li") else "p"))
    if not pieces:  # bare text without block markup
        pieces = [(p, "p") for p in re.split(r"\n\s*\n", soup.get_text()) if p.strip()]
    source, blocks = "", []
    for txt, kind in pieces:
        if not txt:
            continue
        if source:
            source += "\n\n"
        blocks.append((len(source), len(source) + len(txt), kind))
        source += txt
    removed = rules.find(source, [(s, e) for s, e, _ in blocks])
    return _build(source, _subtract([(0, len(source))], removed), blocks, removed)


def _text(el: Tag) -> str:
    out = []
    for node in el.descendants:
        if isinstance(node, NavigableString):
            out.append(str(node))
        elif node.name == "br":
            out.append("\n")
    return re.sub(r"[ \t\r\f\v]+", " ", "".join(out)).strip()


def from_markdown(md: str, rules: "Boilerplate | None" = None) -> TextDoc:
    import markdown

    return from_html(markdown.markdown(md, extensions=["extra"]), rules)


@dataclass
class Boilerplate:
    """Patterns for text that is not the story. Each finds source ranges to cut."""

    credit_lines: tuple[str, ...] = (
        r"(?:©|\(c\)|Copyright)\s*\S.*",
        r"(?:Photo|Image|Picture|Credit|Photograph|Illustration)s?(?:\s+by)?\s*[:|]\s*\S.*",
    )
    extra_patterns: tuple[str, ...] = ()

    def find(self, text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        cuts: list[tuple[int, int, str]] = []
        for s, e in blocks:
            block = text[s:e]
            for pat in self.credit_lines:
                if re.fullmatch(pat, block, re.I):
                    cuts.append((s, e, "credit line"))
                    break
        for pat in self.extra_patterns:
            for m in re.finditer(pat, text):
                cuts.append((m.start(), m.end(), "pattern"))
        return cuts
