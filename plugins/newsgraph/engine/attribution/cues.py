"""The cue and source mention of a direct quotation: "…," X said / said X / X said: "…" /
"…" —Name / according to X, around the quotation in its paragraph (``frame_cue``); a
paragraph that is only "— Name" (``dash_paragraph``); a sentence introducing it (``intro``)."""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..lexicon import (
    ADDRESSEE_PASSIVES,
    CUE_LEMMAS,
    EXPRESS_VERBS,
    HUMAN_NOUNS,
    MENTAL_CUES,
    NEW_REPORT_CUES,
    ORG_WORDS,
    PRONOUNS,
    QUOTE_WEAK_CUES,
    RELAY_CUES,
    SAY_CUES,
    SPOKES_WORDS,
)
from ..quotes import Marked
from .context import Context
from .syntax import (
    NOT_NAMES,
    according_to,
    is_cue,
    is_name,
    person_noun,
    source_span,
    speaker_like,
    speakerish,
    subject_in,
)

#: The outermost of nested speech verbs is the cue (PolNeAR-style).
OUTER_CUES_WIN = True
#: A sentence end (not the dot of "Mr.", "Sen." or an initial), closing quotation marks included.
SENT_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bSen)(?<!\bRep)(?<!\bGov)"
                       r"(?<!\bGen)(?<!\bLt)(?<!\bCol)(?<!\bJr)(?<!\bSr)(?<!\b[A-Z])[.!?]+[\"”’']*\s")
#: "— Name" right after a quotation / a paragraph that is only "— Name."
_DASH_LINE = re.compile(r"\s*[―—–-]{1,2}\s*((?:[A-Z][\w.'’-]*\s?){1,6})")
_DASH_PARA = re.compile(r"\s*[―—–-]{1,2}\s*((?:[A-Z][\w.'’-]*\s?){1,5})\.?\s*$")


def _clip_left(text: str, s: int, e: int) -> int:
    """Start of the last sentence in text[s:e]."""
    last = s
    for mm in SENT_END.finditer(text, s, e):
        last = mm.end()
    return last


def _clip_right(text: str, s: int, e: int) -> int:
    """End of the first sentence in text[s:e]."""
    mm = SENT_END.search(text, s, e)
    return mm.end() if mm else e


def frame_cue(ctx: Context, m: Marked, lframe, rframe, next_open: int):
    """(cue span, source span, cue token) found right after or right before the quotation."""
    text = ctx.text
    inner = text[m.spans[-1][0]:m.spans[-1][1]].rstrip()
    r_end = _clip_right(text, rframe[0], rframe[1])
    new_sentence = inner[-1:] in ".!?" and text[rframe[0]:r_end].strip()[:1].isupper()
    if new_sentence:
        r_end = min(r_end, next_open)      # a new sentence: stop at the next quotation
    rtoks = [t for t in ctx.tokens(rframe[0], r_end) if not ctx.quoted[t.i]]
    rtext = text[rframe[0]:r_end]
    if rtoks:
        dm = _DASH_LINE.match(text, rframe[0], r_end)
        if dm and rtext.lstrip()[:1] in "―—–-" and dm.group(1).strip():
            toks = ctx.tokens(dm.start(1), dm.end(1))
            names = [t for t in toks if t.pos_ == "PROPN"] or toks
            if names:
                src = ctx.doc[names[0].i:names[-1].i + 1]
                dash = dm.start() + len(text[dm.start():dm.start(1)]) - len(text[dm.start():dm.start(1)].lstrip())
                return (dash, dash + 1), src, None
    # a new sentence after the quote that introduces the next quotation is not this one's
    intro_next = new_sentence and rtext.rstrip()[-1:] in (",", ":") and not text[r_end:next_open].strip()
    l_start = _clip_left(text, lframe[0], lframe[1])
    ltoks = [t for t in ctx.tokens(l_start, lframe[1]) if not ctx.quoted[t.i]]
    colon = bool(ltoks) and text[l_start:lframe[1]].rstrip().endswith(":")
    right = lambda strict: _cue_in(ctx, rtoks, first=True, max_pos=6 if new_sentence else None, right=True,
                                   strict=strict) if rtoks and not intro_next else None
    left = lambda strict: (_cue_in(ctx, ltoks, first=False, strict=strict) if ltoks else None) or \
        (_colon_source(ctx, ltoks) if colon and strict else None)
    # "“…,” X said" first; after a full sentence ("“….” He left.") the left side goes first
    order = (left, right) if new_sentence else (right, left)
    for strict in (True, False):
        for side in order:
            found = side(strict)
            if found is not None:
                return found
    if inner.rstrip("'’\"”")[-1:] in (",", "?", "!") and rtoks and not new_sentence:
        return _lexical_cue(ctx, rtoks)
    return None


def _lexical_cue(ctx: Context, rtoks: list[Token]):
    """``“…,” a voice-over in the ad states.`` when the parse went wrong: a reporting-verb word
    among the first words after the quote, the words between as the source."""
    words = [t for t in rtoks if not t.is_punct]
    for k, t in enumerate(words[:8]):
        if t.lemma_.lower() in CUE_LEMMAS and t.lemma_.lower() not in QUOTE_WEAK_CUES and t.tag_ in (
                "VBD", "VBZ", "VBN", "VBP", "NNS"):
            src = [w for w in words[:k] if w.pos_ in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "ADP", "NUM")]
            if src and len(src) == k and src[-1].pos_ in ("PROPN", "NOUN", "PRON"):
                return (t.idx, t.idx + len(t)), ctx.doc[src[0].i:src[-1].i + 1], t
            if k == 0 and len(words) > 1 and words[1].pos_ in ("PROPN", "DET", "NOUN"):
                h = words[1]
                while h.i + 1 < len(ctx.doc) and ctx.doc[h.i + 1].pos_ in ("PROPN",) and h.i + 1 <= words[-1].i:
                    h = ctx.doc[h.i + 1]
                return (t.idx, t.idx + len(t)), ctx.doc[words[1].i:h.i + 1], t
            return None
    return None


def _cue_in(ctx: Context, toks: list[Token], first: bool, max_pos: int | None = None, right: bool = False,
            strict: bool = False):
    """(cue span, source span, cue token) in a frame; ``strict``: only cues with a parsed subject
    (and "according to X")."""
    seq = toks if first else list(reversed(toks))
    acc = according_to(toks)
    words = [x for x in seq if not x.is_punct]
    for n, t in enumerate(seq):
        if max_pos is not None and n > max_pos:
            break
        if right and is_cue(t) and _speaker_before(ctx, t, toks):
            # "X reported that “…”, and called it “…”, while Y called it “…”": the quotation is
            # inside X's sentence; a cue further on with a subject of its own is someone else's
            return None
        if not _may_cue(ctx, t, n, toks, words, max_pos, right):
            continue
        subj = subject_in(ctx, t, toks)
        if subj is not None:
            if not right and OUTER_CUES_WIN and t.dep_ in ("ccomp", "conj") \
                    and t.lemma_.lower() not in NEW_REPORT_CUES:
                t, subj = _outermost(ctx, t, subj, toks)    # "Trump said he responded: “…”"
            return (t.idx, t.idx + len(t)), source_span(ctx.doc, subj), t
        if not strict:
            found = _unparsed_source(ctx, t, toks, right, acc)
            if found is not None:
                return found
    if acc is not None and acc[1] is not None and strict:
        a, pobj = acc
        to = ctx.doc[a.i + 1]
        relayed = _relayed_speaker(ctx, a, toks)
        return (a.idx, to.idx + len(to)), source_span(ctx.doc, relayed if relayed is not None else pobj), a
    return None


def _speaker_before(ctx: Context, t: Token, toks: list[Token]) -> bool:
    """The cue ``t`` in a frame after a quotation has its subject before the frame (the quotation
    sits inside that speaker's sentence: "X said that “…”, and added …")."""
    subj = subject_in(ctx, t)
    return subj is not None and subj.i < toks[0].i and t.lemma_.lower() not in QUOTE_WEAK_CUES


def _relayed_speaker(ctx: Context, according: Token, toks: list[Token]) -> Token | None:
    """In "According to the paper, a spokesman expressed regret; “…”" the medium only relays: the
    subject of the clause "according to" hangs on speaks, when it is a person stating a position
    (a spokesperson or official, or a verb of expressing); else None."""
    verb = according.head
    if verb.pos_ not in ("VERB", "AUX") or not (toks[0].i <= verb.i <= toks[-1].i):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and not ctx.quoted[c.i]), None)
    pobj = next((c for c in ctx.doc[according.i + 1].children if c.dep_ == "pobj"), None)
    if subj is None and pobj is not None:
        # the parse hung the subject on the medium as an apposition ("the Courier, a spokesman …")
        subj = next((c for c in pobj.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
    if subj is None or not (subj.lower_ in SPOKES_WORDS or verb.lemma_.lower() in EXPRESS_VERBS):
        return None
    return subj if person_noun(subj.lower_) or is_name(subj) else None


def _may_cue(ctx: Context, t: Token, n: int, toks: list[Token], words: list[Token], max_pos: int | None,
             right: bool) -> bool:
    """``t``, the ``n``-th token of the frame from the quotation, can be its cue."""
    lem = t.lemma_.lower()
    if any(c.dep_ == "dobj" and (c.lower_ in ("which", "whom") or c.lower_ == "that" and t.dep_ == "relcl")
           for c in t.children):
        return False      # "the move — which the paper noted as unusual —": its object is the move, not the quotation
    if not is_cue(t):
        # "“This is fantastic!” beamed Donald Hartley" / "“…,” she laughed": any verb right after
        adjacent = right and t.pos_ == "VERB" and t in words[:3] and t.tag_ in ("VBD", "VBZ", "VBP")
        if not (adjacent and (sj := subject_in(ctx, t, toks)) is not None and speakerish(sj)):
            return False
        if any(_name_then_cue(ctx, x) for x in words if x.i > t.i and x.sent.start == t.sent.start):
            return False  # a noun misread as a verb ("…,” Riverton coach Ann Lee said"): the real cue follows
    if max_pos is not None and any(c.dep_ in ("ccomp", "xcomp") and not ctx.quoted[c.i]
                                   for c in t.children):
        return False      # "“….” She further announced that …": a new report, not this quote's cue
    # weak cues ("read", "go", "offer") only right next to the quotation: "“…,” read one." / "it reads, “…”"
    return not (lem in QUOTE_WEAK_CUES and not (lem == "continue" or (n <= 1 if right else n <= 3)))


def _name_then_cue(ctx: Context, x: Token) -> bool:
    """``x`` is a finite saying verb right after a name, outside quotation marks ("… coach Ann Lee
    said"): the name is its subject, whatever the parse made of the words before."""
    return is_cue(x) and x.tag_ in ("VBD", "VBZ", "VBP") and x.i > 0 and x.doc[x.i - 1].pos_ == "PROPN" \
        and not ctx.quoted[x.i]


def _outermost(ctx: Context, t: Token, subj: Token, toks: list[Token]) -> tuple[Token, Token]:
    """The outermost saying verb above the cue ``t`` in the frame, with its subject (a speaker)."""
    up, lo = t.head, toks[0].i
    for _ in range(3):
        if up.i == t.i or up.i < lo or ctx.quoted[up.i]:
            break
        if up.lemma_.lower() in SAY_CUES and is_cue(up) and up.lemma_.lower() not in RELAY_CUES:
            sj = subject_in(ctx, up, toks)
            if sj is not None and speaker_like(ctx, sj):
                t, subj = up, sj
        if up.dep_ == "ROOT":
            break
        up = up.head
    return t, subj


def _unparsed_source(ctx: Context, t: Token, toks: list[Token], right: bool, acc):
    """(cue span, source span or None, cue token) for a cue ``t`` the parse gave no subject: a
    name before it, the name after it, the nearest name or pronoun; None to look further."""
    cue = (t.idx, t.idx + len(t))
    if any(c.dep_ == "nsubjpass" for c in t.children) and t.lemma_.lower() in ADDRESSEE_PASSIVES:
        return cue, None, t     # "X was asked, “…”": the speaker is not in the sentence
    before = [x for x in toks if x.i < t.i and is_name(x) and x.ent_type_ not in NOT_NAMES]
    if right and before:
        h = before[-1]
        while h.dep_ in ("compound", "flat") and h.head.i > h.i and is_name(h.head):
            h = h.head
        return cue, source_span(ctx.doc, h), t
    # "said Mr. X" when the parse missed the subject: the next name
    for c in t.rights:
        if c.pos_ in ("PROPN", "PRON") and not ctx.quoted[c.i] and c.i <= toks[-1].i:
            return cue, source_span(ctx.doc, c), t
    if acc is None:
        # the nearest name or pronoun in the frame
        near = [x for x in toks if (x.pos_ in ("PROPN",) or x.pos_ == "PRON" and x.lower_ in PRONOUNS)
                and x.dep_ not in ("poss",) and x.ent_type_ not in ("DATE", "TIME", "CARDINAL")]
        if near:
            h = min(near, key=lambda x: abs(x.i - t.i))
            while h.dep_ in ("compound", "flat") and h.head.pos_ == "PROPN" and h.head.i > h.i:
                h = h.head
            return cue, source_span(ctx.doc, h), t
        # "Adding, “…”": a cue with no subject in a sentence of its own continues the last speaker
        return cue, None, t
    return None


def _colon_source(ctx: Context, toks: list[Token]):
    """``X: "…"`` or ``In a statement, X wrote:`` — the name before ':', or the frame's subject."""
    colon = toks[-1] if toks[-1].text == ":" else None
    cue = (colon.idx, colon.idx + 1) if colon is not None else None
    body = toks[:-1] if colon is not None else toks
    dash = max((k for k, t in enumerate(body) if t.text in ("-", "—", "–") and t.whitespace_), default=-1)
    if 0 <= dash < len(body) - 1 and all(is_name(t) or t.pos_ == "CCONJ" or t.text in (",", ".")
                                           for t in body[dash + 1:]):
        h = body[-1]                                   # "… - David Wasserman: “…”"
        return cue, ctx.doc[body[dash + 1].i:h.i + 1], colon
    for t in reversed(body):
        if is_cue(t) and t.lemma_.lower() not in QUOTE_WEAK_CUES:
            subj = subject_in(ctx, t)
            if subj is not None and speaker_like(ctx, subj):
                return cue, source_span(ctx.doc, subj), colon
    for t in reversed(body):
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and not ctx.quoted[subj.i] and speaker_like(ctx, subj) and subj.lower_ not in ("it",):
            return cue, source_span(ctx.doc, subj), colon     # "X released the following statement:"
    if body:
        last = body[-1]
        if last.pos_ == "NOUN" and (last.lower_ in ORG_WORDS or last.lower_ in HUMAN_NOUNS):
            return cue, source_span(ctx.doc, last), colon   # "More from the report:"
        name_like = is_name(last) or last.pos_ == "PRON" or (
            last.pos_ == "NOUN" and last.is_title and (last.i > body[0].i or len(body) <= 4))
        if name_like and last.ent_type_ not in NOT_NAMES:
            h = last
            while h.dep_ in ("compound", "flat") and h.head.i > h.i and h.head.pos_ == "PROPN":
                h = h.head
            return cue, source_span(ctx.doc, h), colon
    for t in reversed(body):
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and not ctx.quoted[subj.i] and subj.ent_type_ not in NOT_NAMES:
            return cue, source_span(ctx.doc, subj), colon
    names = [t for t in body if (t.pos_ == "PROPN" or t.pos_ == "PRON" and t.lower_ in PRONOUNS)
             and t.ent_type_ not in NOT_NAMES]
    if names:
        h = names[-1]
        while h.dep_ in ("compound", "flat") and h.head.i > h.i and h.head.pos_ == "PROPN":
            h = h.head
        return cue, source_span(ctx.doc, h), colon
    return None


def dash_paragraph(ctx: Context, m: Marked):
    """``"…"`` followed by a paragraph that is only ``- Name.``"""
    pi = ctx.para_of(m.close_end - 1)
    if ctx.text[m.close_end:ctx.paras[pi][1]].strip(" .\n") or pi + 1 >= len(ctx.paras):
        return None
    ps, pe = ctx.paras[pi + 1]
    dm = _DASH_PARA.match(ctx.text, ps, pe)
    if dm is None or dm.end() < pe:
        return None
    toks = [t for t in ctx.tokens(dm.start(1), dm.end(1)) if not t.is_punct]
    if not toks:
        return None
    dash = ctx.text.index(ctx.text[ps:dm.start(1)].strip()[0], ps)
    return (dash, dash + 1), ctx.doc[toks[0].i:toks[-1].i + 1], None


def intro(ctx: Context, m: Marked, pi: int):
    """A quotation after a sentence that introduces it: ``X stated:`` ending the previous
    paragraph, or ``X said he was worried.`` right before it."""
    text = ctx.text
    ps = ctx.paras[pi][0]
    if text[ps:m.open_start].strip():
        l_start = _clip_left(text, ps, m.open_start)
        if text[l_start:m.open_start].strip():
            return None
        start = _clip_left(text, ps, max(l_start - 1, ps))
        end = l_start
    elif pi > 0:
        pps, ppe = ctx.paras[pi - 1]
        if text[pps:ppe].rstrip().endswith(":"):
            toks = [t for t in ctx.tokens(_clip_left(text, pps, ppe), ppe) if not ctx.quoted[t.i]]
            return _colon_source(ctx, toks) if toks else None
        start, end = _clip_left(text, pps, ppe), ppe
    else:
        return None
    toks = [t for t in ctx.tokens(start, end) if not ctx.quoted[t.i]]
    for t in toks:
        lem = t.lemma_.lower()
        if is_cue(t) and lem not in QUOTE_WEAK_CUES and lem not in MENTAL_CUES and (t.dep_ == "ROOT" or t.tag_ == "VBG"):
            subj = subject_in(ctx, t)
            if subj is not None and speaker_like(ctx, subj):
                return (t.idx, t.idx + len(t)), source_span(ctx.doc, subj), None
    return None
