"""Quotation marks -> quoted stretches of text (clean offsets), before any attribution.

Handles straight ``"``, curly ``“ ”``, guillemets ``« »``, the New York Times / LexisNexis
``''…''`` (the same two apostrophes open and close), mixed pairs (``“…"``), nested single
quotes, multi-paragraph quotations (every paragraph opens a mark, only the last one closes)
and stray marks: an unclosed mark is closed at the end of its paragraph, never later.
Single quotes are top-level marks only in texts that use no double marks at all
(British style); elsewhere they are nested quotes or apostrophes (``Let’s``, ``O'Rourke``).

One linear scan per text; no NLP here.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .lexicon import INSCRIPTION_NOUNS

#: Characters that may open / close a double quotation. ``''`` is handled as one mark.
DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_BOTH = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"

_MARK_RE = re.compile(r"'{2,3}|[\"“”„«»]")
_SINGLE_RE = re.compile(r"['‘’]")
_PARA_RE = re.compile(r"\n[ \t\r\f\v]*\n")
#: Elisions that start with an apostrophe and are not opening marks ('til, 'em, '90s).
_ELISION_RE = re.compile(r"(?:til|tis|twas|em|cause|bout|n|s|round|\d\d)\b", re.I)
_OPEN_BEFORE = set(" \t\n([{―—–-/") | {""}
_CLOSE_AFTER = set(" \t\n)]}.,;:!?―—–-…/") | {""}
_INSCRIPTION_BEFORE = re.compile(
    r"\b(?:" + INSCRIPTION_NOUNS + r")\b[^.!?\"“”«»\n]{0,40}?\b(?:that |which )?(?:read|reads|reading|said|says|"
    r"saying|bore|bearing|proclaim(?:ed|ing|s)?|declar(?:ed|ing|es)|with the words|emblazoned with|printed with)"
    r"\s*[:,]?\s*(?:''|[\"“«‘'])?$", re.I)


@dataclass
class Marked:
    """One quotation: the text inside its marks, one span per paragraph.

    spans: ``(start, end)`` of the quoted text (marks excluded) in each paragraph.
    open_start / close_end: the outer extent, marks included.
    closed: False when the closing mark was missing and the quote was closed at a paragraph end.
    """

    spans: list[tuple[int, int]]
    open_start: int
    close_end: int
    closed: bool = True
    paras: list[int] = field(default_factory=list)   # paragraph index of each span

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def text(self, doc_text: str) -> str:
        return " ".join(doc_text[s:e] for s, e in self.spans)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph: blank lines separate them (a single newline does too
    when the next line starts with a quotation mark, as in texts with one line per paragraph)."""
    out, pos = [], 0
    for m in _PARA_RE.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    res = []
    for s, e in out:
        # single newlines inside a "paragraph" are paragraph breaks too in one-line-per-paragraph texts
        sub = s
        for m in re.finditer(r"\n", text[s:e]):
            res.append((sub, s + m.start()))
            sub = s + m.end()
        res.append((sub, e))
    return [(s, e) for s, e in res if text[s:e].strip()]


def inscription(text: str, start: int) -> bool:
    """The quotation whose words start at ``start`` is written on a thing (a sign, a banner, a
    T-shirt): a slogan, not speech."""
    return _INSCRIPTION_BEFORE.search(text, max(0, start - 90), start) is not None


def _direction(text: str, i: int, j: int) -> int:
    """+1 opening, -1 closing, 0 ambiguous, for a mark at text[i:j] (from its neighbours)."""
    k = i - 1
    while k >= 0 and unicodedata.category(text[k]) == "Cf":
        k -= 1                                         # invisible format characters (U+202A …)
    before = text[k] if k >= 0 else ""
    if before == ":":
        before = " "                                   # said:"Quote"
    after = text[j] if j < len(text) else ""
    opens = before in _OPEN_BEFORE or before in "\"“'‘" and after not in _CLOSE_AFTER
    closes = after in _CLOSE_AFTER or after in "\"”'’"
    if opens and not closes:
        return 1
    if closes and not opens:
        return -1
    if before.isspace() and after.isspace():
        return 0
    if after and after.isalnum() and before and before.isalnum():
        return 0
    return -1 if before and not before.isspace() else 1


def _marks(text: str, single: bool) -> list[tuple[int, int, int]]:
    """Quotation marks as ``(start, end, direction)``; direction +1 open, -1 close, 0 either."""
    out: list[tuple[int, int, int]] = []
    if single:
        for m in _SINGLE_RE.finditer(text):
            i = m.start()
            before = text[i - 1] if i > 0 else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if before.isalnum() and after.isalnum():
                continue                                   # Let’s, O'Rourke, shouldn‘t
            ch = m.group()
            if ch in "'‘" and before in _OPEN_BEFORE and after and not after.isspace():
                if _ELISION_RE.match(text, i + 1):
                    continue
                out.append((i, i + 1, 1))
            elif ch in "'’" and before and not before.isspace() and after in _CLOSE_AFTER:
                if before in "sS" and ch == "'" and after == " ":
                    continue                               # plural possessive: the students' rights
                out.append((i, i + 1, -1))
        return out
    for m in _MARK_RE.finditer(text):
        i, j, ch = m.start(), m.end(), m.group()
        if ch.startswith("''"):
            if len(ch) == 3:
                # ''' = '' + nested ' (or nested ' + ''): keep the double mark on the outer side
                d = _direction(text, i, j)
                if d >= 0:
                    out.append((i, i + 2, 1))
                else:
                    out.append((i + 1, j, -1))
                continue
            before = text[i - 1] if i > 0 else ""
            after = text[j] if j < len(text) else ""
            if before.isalnum() and after.isalnum():
                continue
            out.append((i, j, _direction(text, i, j)))
        elif ch in DOUBLE_OPEN:
            d = _direction(text, i, j)
            out.append((i, j, 1 if d >= 0 or ch == "“" and text[j:j + 1].isalnum() else d))
        elif ch in DOUBLE_CLOSE:
            d = _direction(text, i, j)
            # a closing mark used to open ("”Sorry Sarah,” posted …") only at a word start
            out.append((i, j, 1 if d == 1 and text[j:j + 1].isalnum() else -1))
        else:
            out.append((i, j, _direction(text, i, j)))
    # two marks in a row ("“ or ”") act as one
    merged: list[tuple[int, int, int]] = []
    for mk in out:
        if merged and merged[-1][1] == mk[0] and merged[-1][2] * mk[2] >= 0:
            s, _, d = merged[-1]
            merged[-1] = (s, mk[1], d or mk[2])
        else:
            merged.append(mk)
    return merged


def uses_double_marks(text: str) -> bool:
    return bool(_MARK_RE.search(text))


def find_marked(text: str, paras: list[tuple[int, int]] | None = None) -> list[Marked]:
    """All quotations in ``text``, in order. ``paras`` defaults to :func:`paragraphs`."""
    paras = paras if paras is not None else paragraphs(text)
    marks = _marks(text, single=not uses_double_marks(text))
    out: list[Marked] = []
    mi = 0
    cur: Marked | None = None        # the quotation being read (may span paragraphs)
    for pi, (ps, pe) in enumerate(paras):
        pmarks = []
        while mi < len(marks) and marks[mi][0] < pe:
            if marks[mi][0] >= ps:
                pmarks.append(marks[mi])
            mi += 1
        open_at: int | None = None
        if cur is not None:
            # the previous paragraph ended inside a quote and this one reopens (checked below)
            open_at = pmarks[0][1]
            style = _style(text[pmarks[0][0]:pmarks[0][1]])
            pmarks = pmarks[1:]
        nested: str | None = None
        for s, e, d in pmarks:
            if open_at is None:
                if d >= 0:
                    cur, open_at = Marked([], s, e), e
                    style = _style(text[s:e])
                continue                               # a lone closing mark is stray
            st = _style(text[s:e])
            if nested is not None:
                if d <= 0 and st == nested:
                    nested = None                      # the nested quotation closes
                    continue
                if d <= 0 and st != style:
                    continue
                nested = None                          # the outer one closes (nested left open)
            elif d == 1 and st != style and st != "s" or d == 1 and st == "s" and style != "s" \
                    and not text[open_at:s].strip() == "":
                nested = st                            # “…"nested"…” / "…“nested”…"
                continue
            if d <= 0:
                _add(text, cur, open_at, s, pi, rstrip=False)
                cur.close_end = e
                out.append(cur)
                cur, open_at = None, None
            else:
                # an opening mark while open: the first quote was never closed; close it
                # before this mark (local recovery) and open again here
                _add(text, cur, open_at, s, pi)
                cur.closed, cur.close_end = False, s
                out.append(cur)
                cur, open_at = Marked([], s, e), e
        if open_at is not None:
            _add(text, cur, open_at, pe, pi)
            cur.close_end = pe
            nxt = marks[mi] if mi < len(marks) else None
            if not (pi + 1 < len(paras) and nxt is not None and nxt[0] - paras[pi + 1][0] <= 1
                    and nxt[0] < paras[pi + 1][1] and nxt[2] >= 0):
                cur.closed = False                     # unclosed: ends with its paragraph
                out.append(cur)
                cur = None
    if cur is not None:
        cur.closed = False
        out.append(cur)
    return [q for q in out if q.spans]


def _style(mark: str) -> str:
    """The family of a mark: c(urly), s(traight), a(postrophes) or g(uillemets)."""
    ch = mark[-1]
    return "s" if ch == '"' else "a" if ch == "'" else "g" if ch in "«»" else "c"


def _add(text: str, q: Marked, s: int, e: int, pi: int, rstrip: bool = True) -> None:
    if rstrip:
        while e > s and text[e - 1].isspace():
            e -= 1
    if text[s:e].strip():
        q.spans.append((s, e))
        q.paras.append(pi)
