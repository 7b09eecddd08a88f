"""Text stage: article HTML / Markdown / plain text -> clean text blocks with exact offsets.

``TextDoc.source`` is the text results are reported against: the raw text of a ``.txt``
file; for HTML/Markdown the block texts joined by blank lines. ``TextDoc.clean`` is what the
NLP sees: the same text with boilerplate cut out (photo credits, related-link widgets glued
into a sentence, embedded tweets). ``TextDoc.span`` maps clean offsets back to exact source
offsets; ``TextDoc.removed`` lists every cut (source offsets and the reason).

Embedded tweets are not story text: they are cut from ``clean`` (no NLP runs on them) but
stay in ``source`` and are listed in ``TextDoc.embeds`` with their author handle, so a later
stage can still credit a tweet to its author.
"""
from __future__ import annotations

import bisect
import functools
import re
import threading
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .model import Span

#: Elements whose text is never story text.
DROP_TAGS = ("script", "style", "noscript", "iframe", "template", "svg", "figcaption", "button",
             "form", "nav", "aside", "head", "object", "embed", "video", "audio", "canvas")
#: Elements that start a new block (everything else is inline and joins its neighbours).
BLOCKISH = frozenset(("p", "div", "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "pre", "table",
                      "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "section",
                      "article", "header", "footer", "main", "address", "details", "summary",
                      "h1", "h2", "h3", "h4", "h5", "h6", "hr", "body", "html"))
BLOCK_LIST = sorted(BLOCKISH)
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
#: Block kinds: "p", "blockquote", "li", "heading" (not a source of quotes), "cell", "pre", "embed".
EMBED_CLASS = re.compile(r"twitter-tweet|twitter-video|instagram-media|tiktok-embed|fb-post", re.I)
#: Elements holding photo captions/credits (by class), dropped like <figcaption>.
CAPTION_CLASS = re.compile(r"(?:^|[-_ ])(?:caption|credit|byline-photo|photo-credit)(?:$|[-_ ])", re.I)


@dataclass
class Block:
    """A paragraph-like unit, in *clean* offsets."""

    start: int
    end: int
    kind: str = "p"


@dataclass
class Embed:
    """Embedded third-party content (a tweet) kept out of the story text. ``span`` is in source offsets."""

    kind: str
    span: Span
    author: str | None = None


@dataclass
class TextDoc:
    source: str
    clean: str
    blocks: list[Block]
    removed: list[tuple[int, int, str]] = field(default_factory=list)  # source offsets + reason
    embeds: list[Embed] = field(default_factory=list)
    _segments: list[tuple[int, int, int]] = field(default_factory=list)  # (clean_start, source_start, length)
    _starts: list[int] = field(default_factory=list, repr=False)
    _block_starts: list[int] = field(default_factory=list, repr=False)

    def to_source(self, offset: int, *, end: bool = False) -> int:
        """Map a clean offset to the source; ``end=True`` prefers the end of the previous segment."""
        if not self._segments:
            return offset
        if len(self._starts) != len(self._segments):
            self._starts = [s[0] for s in self._segments]
        if end:
            i = bisect.bisect_left(self._starts, offset) - 1
        else:
            i = bisect.bisect_right(self._starts, offset) - 1
        cs, ss, n = self._segments[max(i, 0)]
        return ss + min(max(offset - cs, 0), n)

    def span(self, start: int, end: int) -> Span:
        """The source span for the clean range [start, end)."""
        s = self.to_source(start)
        e = max(s, self.to_source(end, end=True))
        return Span(s, e, self.source[s:e])

    def block_at(self, offset: int) -> Block | None:
        """The block containing a clean offset (None between blocks)."""
        if len(self._block_starts) != len(self.blocks):
            self._block_starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < self.blocks[i].end:
            return self.blocks[i]
        return None


# --------------------------------------------------------------------------- building a TextDoc

#: Characters with no visible form that would split or disguise a word for the NLP ("Ja\u200bne
#: Roe", a bidi override inside a name): format characters (zero-width spaces and joiners, bidi
#: marks, overrides and isolates, soft hyphen, BOM) and control characters that are not spacing.
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
                       "\ufeff\ufff9-\ufffb\x00-\x08\x0e-\x1b\x7f]+")


def invisible_cuts(text: str) -> list[tuple[int, int, str]]:
    """Runs of :data:`INVISIBLE` characters as cuts (the NLP reads the text without them;
    offsets still point into the source)."""
    return [(m.start(), m.end(), "invisible characters") for m in INVISIBLE.finditer(text)]


def _build(source: str, blocks_src: list[tuple[int, int, str]], removed: list[tuple[int, int, str]],
           embeds: list[Embed] | None = None) -> TextDoc:
    """Cut ``removed`` out of ``source`` into the clean text, recording the offset map."""
    removed = sorted(set(removed))
    keep = _subtract([(0, len(source))], removed)
    parts, segments, pos = [], [], 0
    for s, e in keep:
        segments.append((pos, s, e - s))
        parts.append(source[s:e])
        pos += e - s
    doc = TextDoc(source=source, clean="".join(parts), blocks=[], removed=removed,
                  embeds=embeds or [], _segments=segments)
    for s, e, kind in blocks_src:
        cs, ce = _to_clean(segments, s), _to_clean(segments, e)
        chunk = doc.clean[cs:ce]
        if not chunk.strip():
            continue
        cs += len(chunk) - len(chunk.lstrip())
        ce -= len(chunk) - len(chunk.rstrip())
        if kind == "p" and _looks_like_heading(doc.clean[cs:ce]):
            kind = "heading"
        doc.blocks.append(Block(cs, ce, kind))
    return doc


def _looks_like_heading(text: str) -> bool:
    """A paragraph that is one short line without closing punctuation (a headline, also when a
    Markdown body repeats it as a paragraph);
    not a quotation signed by a dash line (“…” —Name)."""
    return ("\n" not in text and len(text) <= 160 and len(text.split()) <= 20
            and not re.search(r"[.!?:;,\"”’'…)\]]$", text)
            and not re.search(r"[.!?…][\"”’']+\s*[―—–-]", text))


def _to_clean(segments: list[tuple[int, int, int]], src: int) -> int:
    for cs, ss, n in segments:
        if src < ss:
            return cs
        if src <= ss + n:
            return cs + (src - ss)
    return segments[-1][0] + segments[-1][2] if segments else 0


def _subtract(spans: list[tuple[int, int]], cuts: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    out = []
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


# --------------------------------------------------------------------------- plain text

TWEET_MARKUP = re.compile(r"<tweet\b([^>]*)>(.*?)(?:</tweet>|<tweet\s*/>)|<tweet\b[^>]*/>", re.S | re.I)
AUTHOR_ATTR = re.compile(r"""\bauthor\s*=\s*["']([^"']*)["']""")


def from_plain(text: str, rules: "Boilerplate | None" = None) -> TextDoc:
    """Plain text: paragraphs are separated by blank lines; offsets are into ``text`` itself.

    ``<tweet …>…</tweet>`` markup (as in scraped corpora) is cut from the clean text and
    listed in ``embeds``.
    """
    rules = rules or Boilerplate()
    removed, embeds = [], []
    for m in TWEET_MARKUP.finditer(text):
        has_text = bool(m.group(2) and m.group(2).strip())
        if has_text:
            author = AUTHOR_ATTR.search(m.group(1) or "")
            embeds.append(Embed("tweet", Span(m.start(2), m.end(2), m.group(2)),
                                author.group(1) if author and author.group(1) else None))
        if rules.tweets == "text" and has_text:  # keep the words, cut only the markup
            removed += [(m.start(), m.start(2), "tweet markup"), (m.end(2), m.end(), "tweet markup")]
        else:
            removed.append((m.start(), m.end(), "embedded tweet"))
    blocks = [(m.start(), m.end(), "p") for m in re.finditer(r"\S(?:.*\S)?(?:\n(?![ \t]*\n).*\S)*", text)]
    removed += rules.find(text, [(s, e) for s, e, _ in blocks]) + invisible_cuts(text)
    return _build(text, blocks, removed, embeds)


# --------------------------------------------------------------------------- HTML

def from_html(html: str, rules: "Boilerplate | None" = None) -> TextDoc:
    """HTML: one block per paragraph-like element (paragraphs, blockquotes, list items,
    headings, table cells). Scripts, captions (<figcaption>) and similar are dropped;
    embedded tweets become ``embed`` blocks cut from the clean text."""
    rules = rules or Boilerplate()
    soup = BeautifulSoup(html or "", "html.parser")
    for t in soup.find_all(DROP_TAGS):
        t.decompose()
    for t in soup.find_all(class_=CAPTION_CLASS):
        if t.name not in ("p", "div", "span", "small", "cite", "em", "figcaption"):
            continue
        t.decompose()
    pieces: list[tuple[str, str]] = []
    try:
        _walk(soup, "p", pieces)
    except RecursionError:  # absurdly deep markup: fall back to the text, one block per line
        pieces = [(_normalise(line), "p") for line in soup.get_text("\n").split("\n") if line.strip()]
    source, blocks, removed, embeds = "", [], [], []
    for txt, kind in pieces:
        if not txt:
            continue
        if source:
            source += "\n\n"
        start, end = len(source), len(source) + len(txt)
        source += txt
        if kind.startswith("embed"):
            author = kind.partition(":")[2] or None
            embeds.append(Embed("tweet", Span(start, end, txt), author))
            if rules.tweets == "text":
                kind = "blockquote"
            else:
                removed.append((start, end, "embedded tweet"))
                kind = "embed"
        blocks.append((start, end, kind))
    removed += rules.find(source, [(s, e) for s, e, k in blocks if k != "embed"]) + invisible_cuts(source)
    return _build(source, blocks, removed, embeds)


def _kind(el: Tag, inherited: str) -> str:
    if el.name in HEADINGS:
        return "heading"
    if inherited == "blockquote":
        return inherited
    if el.name == "blockquote":
        return "blockquote"
    if el.name == "li":
        return "li"
    if el.name in ("td", "th", "caption"):
        return "cell"
    if el.name == "pre":
        return "pre"
    return inherited


def _walk(el: Tag, kind: str, out: list[tuple[str, str]]) -> None:
    """Depth-first: inline content accumulates into the current block; block elements flush it."""
    buf: list[str] = []

    def flush():
        txt = _normalise("".join(buf))
        if txt:
            out.append((txt, kind))
        buf.clear()

    for node in el.children:
        if isinstance(node, Comment) or (isinstance(node, NavigableString) and type(node) is not NavigableString):
            continue  # comments, CDATA, doctype, processing instructions
        if isinstance(node, NavigableString):
            buf.append(str(node))
        elif not isinstance(node, Tag):
            continue
        elif node.name == "br":
            buf.append("\n")
        elif node.name == "blockquote" and EMBED_CLASS.search(" ".join(node.get("class") or [])):
            flush()
            txt = _normalise(node.get_text())
            if txt:
                out.append((txt, "embed:" + (_tweet_author(node) or "")))
        elif node.name in BLOCKISH or node.find(BLOCK_LIST) is not None:
            flush()
            _walk(node, _kind(node, kind), out)
        else:
            buf.append(_inline_text(node))
    flush()


def _inline_text(el: Tag) -> str:
    out = []
    for node in el.descendants:
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:
                out.append(str(node))
        elif node.name == "br":
            out.append("\n")
    return "".join(out)


def _normalise(text: str) -> str:
    """Collapse runs of spaces (keeping <br> line breaks) and strip."""
    text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", text)
    text = re.sub(r" ?\n ?", "\n", text)
    return re.sub(r"\n{2,}", "\n", text).strip()


def _tweet_author(el: Tag) -> str | None:
    m = re.search(r"\((@\w{1,15})\)", el.get_text())
    if m:
        return m.group(1)
    for a in el.find_all("a", href=True):
        m = re.match(r"https?://(?:www\.)?(?:twitter|x)\.com/(\w{1,15})/status", a["href"])
        if m:
            return "@" + m.group(1)
    return None


_MD = threading.local()


def from_markdown(md: str, rules: "Boilerplate | None" = None) -> TextDoc:
    """Markdown -> HTML (python-markdown with ``extra``) -> ``from_html``."""
    conv = getattr(_MD, "converter", None)
    if conv is None:  # one converter per thread: building one loads every extension
        import markdown

        conv = _MD.converter = markdown.Markdown(extensions=["extra"])
    return from_html(conv.reset().convert(md or ""), rules)


# --------------------------------------------------------------------------- boilerplate rules

#: A whole line that is a photo credit or caption credit.
CREDIT_LINES = (
    r"(?:©|\((?i:c)\)|(?i:copyright)\b)\s*\S.{0,150}",
    r"(?i:photo|image|picture|credit|photograph|illustration|video|graphic)s?"
    r"(?:\s+(?i:credit|courtesy))?\s*[:|]\s*\S.{0,150}",
    r"(?i:photo|image|picture|photograph|illustration|video|graphic)s?\s+(?i:by|courtesy\s+of|via)\s+[A-Z@].{0,120}",
    r"\(?(?:[A-Z][\w.'’ -]{0,60}/\s*){0,3}(?:Getty(?:\s+Images)?|AP\s+Photo|AFP|Reuters|EPA|Shutterstock|Bloomberg)"
    r"(?:\s*/\s*[A-Z][\w.'’ -]{0,60}){0,3}(?:\s+via\s+Getty\s+Images)?\.?\)?\.?",
    r"\(?[A-Z].{0,100}(?:/\s*(?:Getty\s+Images|AP|AFP|Reuters|EPA|Shutterstock)|\bvia\s+Getty\s+Images)\.?\)?\.?",
    # a caption ending with its credit in parentheses: "X speaks in Y. (JANE ROE/AFP/Getty Images)"
    r"[A-Z\"“].{10,300}\((?:[^()]{0,80}/\s*)?(?:Getty\s+Images|AP\s+Photo|AFP|Reuters|EPA|Shutterstock)"
    r"[^()]{0,60}\)\.?",
    # a caption ending with its credit, the label often glued to it by a converted page:
    # "Jorgensen in July 2020.Image: Jo Jorgensen for President." / "… at half time. (Image: A. Smith)"
    r"[A-Z0-9\"“].{0,250}?(?:[a-z.)]|\s\(?)(?:Image|Photo|Picture|Photograph|Video|Credit)s?:[ \t]*"
    r"(?:[^\W\d_a-z@][^:]{0,80}|unknown\.?)\)?",
)

#: A related-link widget glued into a sentence (see ``Boilerplate.widgets``).
GLUE = re.compile(r"(?<![A-Za-z'’])([A-Z][a-z'’]*[a-z])(?=[A-Z])")
MORE_END = re.compile(r"\sMORE(?![A-Za-z])")


@functools.lru_cache(maxsize=64)
def _compile(pattern: str, flags: int = 0) -> re.Pattern:
    return re.compile(pattern, flags)


@dataclass
class Boilerplate:
    """Rules for text that is not the story. ``find`` returns source ranges to cut, with a reason.

    credit_lines: regexes a whole line must match to be a photo credit.
    extra_patterns: regexes (searched anywhere, multi-line) whose matches are cut.
    widget_span: how far (chars) a glued related-link widget may reach before its " MORE".
    tweets: "cut" (default: embedded tweets are not story text; they stay listed in
    ``TextDoc.embeds``) or "text" (only the markup is cut, the tweet's words are analysed).
    """

    credit_lines: tuple[str, ...] = CREDIT_LINES
    extra_patterns: tuple[str, ...] = ()
    widgets: bool = True
    widget_span: int = 600
    tweets: str = "cut"

    def find(self, text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        cuts: list[tuple[int, int, str]] = []
        credit = [_compile(p) for p in self.credit_lines]
        for s, e in blocks:
            for line in re.finditer(r"[^\n]+", text[s:e]):
                stripped = line.group().strip()
                if stripped and len(stripped) <= 200 and any(p.fullmatch(stripped) for p in credit):
                    ls = s + line.start() + (len(line.group()) - len(line.group().lstrip()))
                    cuts.append((ls, ls + len(stripped), "photo credit"))
            if self.widgets:
                cuts += self.find_widgets(text, s, e)
        for pat in self.extra_patterns:
            for m in _compile(pat, re.M).finditer(text):
                if m.end() > m.start():
                    cuts.append((m.start(), m.end(), f"pattern {pat!r}"))
        return cuts

    def find_widgets(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Related-link widgets scraped into the sentence (The Hill style):
        ``Jeff SessionsJefferson (Jeff) Beauregard SessionsBeto O'Rourke on … departure MORE called``.

        A glue point is a capitalised word of >= 3 letters directly followed by an uppercase
        letter; it starts a widget only when the same word reappears (as a word, possibly glued
        again) before an all-caps `` MORE`` within ``widget_span`` characters. Real names with
        inner capitals (McGahn, DeSantis, MacArthur, O'Rourke) have no such echo and ``MORE``.
        """
        end = len(text) if end is None else end
        cuts, pos = [], start
        while True:
            m = GLUE.search(text, pos, end)
            if m is None:
                break
            word, glue = m.group(1), m.end(1)
            pos = glue
            if len(word.rstrip("'’")) < 3:
                continue
            more = MORE_END.search(text, glue, min(end, glue + self.widget_span))
            if more is None:
                continue
            # the word again, as a word or glued to something *else* (not a repeated MacArthur)
            echo = _compile(r"(?<![A-Za-z])" + re.escape(word) + r"(?![a-z])(?!" + re.escape(text[glue:glue + 3]) + ")")
            if echo.search(text, glue, more.start()) is None:
                continue
            cuts.append((glue, more.end(), "related-link widget"))
            pos = more.end()
        return cuts
