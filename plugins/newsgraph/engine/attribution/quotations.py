"""Quotation marks -> attributions (:func:`gather`): a direct quotation takes the cue around it or
continues the quotation before it; quoted words inside a sentence go with their speech verb
(``partial``); several quotations around one cue are one attribution. Then one ``Quote`` each
(:func:`to_quote`), a transcript inside marks split into turns (:func:`transcript_turns`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan

from ..lexicon import NEW_REPORT_CUES
from ..model import Entity, Quote, Span
from ..quotes import Marked
from .confidence import CONFIDENCE
from .context import Context
from .cues import SENT_END, dash_paragraph, frame_cue, intro
from .partial import find_partial, title_like
from .syntax import SUBJ_DEPS, is_cue

#: A transcript turn's label in capitals: ``SMITH:``, ``MR. SMITH:``.
_CAPS_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")


@dataclass
class Unit:
    """A quotation being attributed (clean offsets)."""

    marked: list[Marked]
    kind: str = "direct"
    contents: list[tuple[int, int]] = field(default_factory=list)
    cue: tuple[int, int] | None = None
    source: SpacySpan | None = None
    speaker: str | None = None
    para: int = 0
    loose: bool = False        # attributed through a verb that is not a speech verb
    cue_tok: int | None = None
    confidence: float = 0.0


@dataclass
class _Pass:
    """The state of one pass over an article's quotation marks."""

    units: list[Unit] = field(default_factory=list)
    by_cue: dict[int, Unit] = field(default_factory=dict)     # cue token -> the unit it attributes
    prev: Unit | None = None          # the unit the last attributed quotation went into
    last_direct: Unit | None = None   # the last direct quotation with an attribution of its own


def gather(ctx: Context) -> list[Unit]:
    """The article's quotations as attributions with their cue and source mention (no speaker yet)."""
    run = _Pass()
    marked = ctx.marked
    for k, m in enumerate(marked):
        prev_close = marked[k - 1].close_end if k > 0 else 0
        pi = ctx.para_of(m.open_start)
        lframe = (max(ctx.paras[pi][0], prev_close), m.open_start)
        rframe = (m.close_end, ctx.paras[ctx.para_of(m.close_end - 1)][1])
        if _is_direct(ctx.text, m, lframe, rframe):
            next_open = marked[k + 1].open_start if k + 1 < len(marked) else len(ctx.text)
            _add_direct(ctx, run, m, pi, lframe, rframe, next_open)
        else:
            _add_partial(ctx, run, m, pi, lframe)
    return run.units


def _add_direct(ctx: Context, run: _Pass, m: Marked, pi: int, lframe, rframe, next_open: int) -> None:
    """A full quotation: it goes on with the one before, or gets its cue (around it, a "— Name"
    paragraph after it, a sentence introducing it), or is a word or two nobody says."""
    prev = run.prev
    if _same_sentence_goes_on(ctx, prev, m, lframe):
        _extend(prev, m)          # "“A,” X said, explaining …, “B.”"
        return
    found = frame_cue(ctx, m, lframe, rframe, next_open)
    if found is None:
        goes_on = _goes_on(ctx, run, m, pi)
        if goes_on is not None:
            _extend(goes_on, m)
            return
        found = dash_paragraph(ctx, m)
    if found is None:
        found = intro(ctx, m, pi)
    if found is None and len(ctx.text[m.start:m.end].split()) < 3:
        return          # a word or two in marks with nobody saying them
    if found is not None and found[2] is not None and found[2].i in run.by_cue \
            and run.by_cue[found[2].i].kind == "direct":
        # "A," she said, "B." — one quotation around one cue
        _extend(run.by_cue[found[2].i], m)
        return
    u = Unit([m], "direct", list(m.spans), para=pi)
    if found is not None:
        u.cue, u.source, tok = found
        if u.source is None and prev is not None and pi - prev.para <= 1 and tok is not None \
                and not any(c.dep_ in SUBJ_DEPS for c in tok.children):
            u.source = prev.source          # "Adding, “…”": the last speaker goes on
        if tok is not None:
            run.by_cue[tok.i] = u
            u.cue_tok = tok.i
    run.units.append(u)
    run.prev = run.last_direct = u


def _same_sentence_goes_on(ctx: Context, prev: Unit | None, m: Marked, lframe) -> bool:
    """``m`` follows the previous direct quotation's cue in the same sentence, no new report between."""
    text = ctx.text
    return prev is not None and prev.kind == "direct" and prev.cue_tok is not None \
        and lframe[0] <= ctx.doc[prev.cue_tok].idx < lframe[1] \
        and not re.search(r"[.!?][\"”’']*\s", text[ctx.doc[prev.cue_tok].idx:m.open_start]) \
        and not any(t.lemma_.lower() in NEW_REPORT_CUES and t.i > prev.cue_tok
                    for t in ctx.tokens(lframe[0], lframe[1]))


def _goes_on(ctx: Context, run: _Pass, m: Marked, pi: int) -> Unit | None:
    """The quotation a cue-less ``m`` continues, if any."""
    prev, last_direct = run.prev, run.last_direct
    if prev is not None and prev.kind == "partial" and last_direct is not None \
            and last_direct.source is not None and _continues(ctx, last_direct, m, pi):
        return last_direct   # "“A,” said X, who noted that … “cratered” … . “B.”"
    if prev is not None and prev.source is not None and not prev.loose and _continues(ctx, prev, m, pi):
        return prev
    return None


def _add_partial(ctx: Context, run: _Pass, m: Marked, pi: int, lframe) -> None:
    """Quoted words inside a sentence: with the reported clause under their speech verb (joined to
    that verb's attribution), else going on with the direct quotation before."""
    res = find_partial(ctx, m)
    if res is None:
        prev = run.prev
        if prev is not None and prev.kind == "direct" and prev.source is not None and not prev.loose \
                and _starts_sentence(ctx.text, m, lframe[0]) and _continues(ctx, prev, m, pi):
            _extend(prev, m)   # "“A,” said X. “B C D” for the rest.": B goes on with A's speaker
        return
    verb, content, cue, source, loose = res
    u = run.by_cue.get(verb.i)
    if u is None:
        u = Unit([m], "partial", [content], cue=cue, source=source, para=pi, loose=loose)
        run.by_cue[verb.i] = u
        run.units.append(u)
    elif u.kind == "partial":
        u.marked.append(m)
        s0, e0 = u.contents[0]
        u.contents[0] = (min(s0, content[0]), max(e0, content[1]))
    else:
        _extend(u, m)
    run.prev = u


def _prev_char(text: str, pos: int, floor: int) -> str:
    """The last character before ``pos`` that is not a space (from ``floor`` on), else ""."""
    i = pos - 1
    while i >= floor and text[i].isspace():
        i -= 1
    return text[i] if i >= floor else ""


def _starts_sentence(text: str, m: Marked, floor: int) -> bool:
    """Quoted words that open a sentence of their own and hold a whole sentence: after a sentence
    end (or at the start of the paragraph), capitalised, four words or more, a sentence end inside
    ("… said X. “No reform. Just a tax rise” for the rich.")."""
    before = _prev_char(text, m.open_start, floor)
    words = text[m.start:m.end].split()
    return before in ("", ".", "!", "?", "\"", "”", "'") and len(words) >= 4 and words[0][:1].isupper() \
        and re.search(r"\w[.!?] +[A-Z]", text[m.start:m.end]) is not None   # whole sentences, not a title


def _is_direct(text: str, m: Marked, lframe: tuple[int, int], rframe: tuple[int, int]) -> bool:
    """A full quotation (not quoted words inside a sentence)."""
    before = _prev_char(text, m.open_start, lframe[0])
    inner = text[m.spans[-1][0]:m.spans[-1][1]].rstrip().rstrip("'’\"”")
    ends_punct = inner[-1:] in ".,!?…—-:;"
    after = text[rframe[0]:rframe[1]].lstrip()[:1]
    if title_like(inner) and len(m.spans) == 1 and len(inner.split()) > 1:
        return False      # titles and names go through the partial-quote rules
    left_ok = before in ("", ".", "!", "?", ":", ",", ";", "(", "―", "—", "–", "-") or before in "\"”'"
    if not left_ok:
        # `X said "Hello there."` — a cue word right before a capitalised full sentence
        first = text[m.start:m.start + 1]
        if first.isupper() and ends_punct and len(inner.split()) >= 4:
            return True
        return False
    if before == "," and not text[m.start:m.start + 1].isupper() and not ends_punct and len(inner.split()) < 5:
        return False
    right_ok = ends_punct or after in ("", ".", ",", "!", "?", ";", ":", ")", "―", "—", "–", "-") or len(m.spans) > 1
    if not right_ok:
        return False
    if len(inner.split()) < 3 and before not in (":",) and not ends_punct:
        return False
    return True


def _continues(ctx: Context, prev: Unit, m: Marked, pi: int) -> bool:
    """``m`` (no cue of its own) continues ``prev``: same or next paragraph, nothing else between."""
    last = prev.marked[-1]
    lpi = ctx.para_of(last.close_end - 1)
    if pi - lpi > 1:
        return False
    between = ctx.text[last.close_end:m.open_start]
    if pi == lpi:
        # only the attribution of the previous quote between them
        return len(between.split()) <= 15 or _attribution_only(ctx, prev, last.close_end, m.open_start)
    # the next paragraph: it must start with the quote
    tail = ctx.text[ctx.paras[pi][0]:m.open_start]
    if tail.strip():
        return False
    rest = ctx.text[last.close_end:ctx.paras[lpi][1]]
    return len(rest.split()) <= 15 or _attribution_only(ctx, prev, last.close_end, ctx.paras[lpi][1])


def _attribution_only(ctx: Context, prev: Unit, start: int, end: int) -> bool:
    """text[start:end] is the rest of one sentence holding ``prev``'s own cue
    ("“A,” X said on Thursday during a speech at … . “B.”"): B goes on with A."""
    if prev.cue_tok is None or not start <= ctx.doc[prev.cue_tok].idx < end:
        return False
    seg = ctx.text[start:end]
    if len(seg.split()) > 40 or SENT_END.search(seg.rstrip() + " ", 0, len(seg.rstrip())):
        return False
    # asides of the same speaker are fine ("…, pointing out where …", "who noted that …",
    # "as he called for …"); another named party reporting is not
    return not any(is_cue(t) and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in t.children)
                   for t in ctx.tokens(start, end) if t.i != prev.cue_tok)


def _extend(u: Unit, m: Marked) -> None:
    """The quotation ``m`` joins the attribution ``u`` (a partial one: only what its content lacks)."""
    u.marked.append(m)
    if u.kind == "direct":
        u.contents.extend(m.spans)
    else:
        u.contents.extend(sp for sp in m.spans if not any(s <= sp[0] < e for s, e in u.contents))
    u.para = m.paras[-1] if m.paras else u.para


def to_quote(text: str, u: Unit) -> Quote:
    """``u`` as a ``Quote`` of spans of ``text``."""
    sp = lambda s, e: Span(s, e, text[s:e])
    q = Quote(kind=u.kind, contents=[sp(s, e) for s, e in u.contents])
    if u.kind == "direct":
        # `"A," she said. "B"`: the cue's sentence ends between the spans -> two quotations
        q.breaks = [i for i in range(1, len(u.contents))
                    if SENT_END.search(text[u.contents[i - 1][1]:u.contents[i][0]])]
    q.marked = [sp(s, e) for m in u.marked for s, e in m.spans]
    if u.cue:
        q.cue = sp(*u.cue)
    if u.source is not None:
        q.sources = [sp(u.source.start_char, u.source.end_char)]
    q.speaker = u.speaker
    q.confidence = u.confidence
    return q


def transcript_turns(ctx: Context, u: Unit) -> list[Unit]:
    """A transcript inside marks ("SMITH: …" / "JONES: …" paragraphs): one unit per turn, the
    speaker by its label; whoever introduced the excerpt ("WARNING: …" / "NOTE: …", nobody's
    names, do not count). Else no turns."""
    if u.kind != "direct" or not _CAPS_LABEL.match(ctx.text, u.contents[0][0]):
        return []
    turns = _label_turns(ctx.text, u)
    labels = [_transcript_label(ctx, t.contents[0][0]) for t in turns]
    if not (turns and (u.source is None or (len(turns) > 1 and any(labels)))):
        return []
    for turn, label in zip(turns, labels):
        if label is not None:
            turn.speaker, turn.confidence = label.id, CONFIDENCE["label"]
    return turns


def _transcript_label(ctx: Context, pos: int) -> Entity | None:
    """The speaker of a transcript turn opening at ``pos`` with a label in capitals (``SMITH: …``):
    the one person of the article with that surname or name, else None."""
    m = _CAPS_LABEL.match(ctx.text, pos)
    if m is None:
        return None
    words = m.group(1).lower().split()
    found = [e for e in ctx.index.entities if e.type == "Person"
             and [w.lower() for w in e.name.split()[-len(words):]] == words]
    return found[0] if len(found) == 1 else None


def _label_turns(text: str, u: Unit) -> list[Unit]:
    """``u``'s paragraphs split where one opens with a capitals label: one unit per turn."""
    turns: list[Unit] = []
    for sp in u.contents:
        if not turns or _CAPS_LABEL.match(text, sp[0]):
            turns.append(Unit([], "direct", [], para=u.para))
        turns[-1].contents.append(sp)
    for t in turns:
        t.marked = [Marked(list(t.contents), t.contents[0][0], t.contents[-1][1])]
    return turns
