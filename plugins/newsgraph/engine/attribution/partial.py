"""Partial quotations: quoted words inside reported speech ("called on police to “dismantle”
MS-13") take the reported clause under their speech verb as content; quoted words under no speech
verb count only under a verb with a speaker-like subject (``LOOSE_PARTIALS``); titles and names in
Title Case are not speech."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .. import lexicon
from ..lexicon import (
    CONTRAST_MARKS,
    DOCUMENT_NOUNS,
    NAMING_CUES,
    PASSIVE_NAMING_VERBS,
    QUOTE_WEAK_CUES,
    RELAY_CUES,
    REPORT_NOUNS,
    SAY_CUES,
)
from ..quotes import Marked
from .context import Context
from .cues import OUTER_CUES_WIN
from .syntax import SUBJ_DEPS, according_to, is_cue, is_name, named_after, source_span, speaker_like, subject_in

#: Treat quoted words under any verb with a speaker-like subject as attributed (PolNeAR-style).
LOOSE_PARTIALS = True
#: Words a title in Title Case may hold in lower case (``title_like``).
_SMALL_WORDS = frozenset("of the a an and or on for in to with at by from as vs".split())


def find_partial(ctx: Context, m: Marked):
    """(verb, content range, cue range, source span, loose) for quoted words inside reported
    speech, or None. The verb: the speech verb above the quoted words (or a claim's owner:
    "Trump's claim that …"), else a short "he said" aside, "according to X", or (with
    ``LOOSE_PARTIALS``) the nearest verb above them with a speaker-like subject."""
    doc = ctx.doc
    toks = [t for s, e in m.spans for t in ctx.tokens(s, e)]
    if not toks:
        return None
    inside = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in inside or t.dep_ == "ROOT"), toks[0])
    qpara = ctx.para_of(m.open_start)
    child, v, loose, owner = _climb(ctx, head, inside, qpara)
    if owner is not None:
        # "Trump's claim that there were “thousands of …”": the owner's words
        content = _content(ctx, m, child.left_edge.i, child.right_edge.i + 1)
        return v, content, (v.idx, v.idx + len(v)), source_span(doc, owner), False
    is_loose = False
    if v is not None and _term_in_a_document(head, child, inside):
        return None
    if v is None:
        sent = head.sent
        paren = _parenthetical(ctx, head, qpara)
        if paren is not None:
            # "South Carolina, he said, was “…”": the sentence without the aside
            cue_t, subj = paren
            content = _content(ctx, m, sent.start, sent.end, exclude=(cue_t.left_edge.i, cue_t.right_edge.i + 1))
            return cue_t, content, (cue_t.idx, cue_t.idx + len(cue_t)), source_span(doc, subj), False
        acc = according_to([t for t in sent if not ctx.quoted[t.i]])
        if acc is not None and acc[1] is not None:
            a, pobj = acc
            to = doc[a.i + 1]
            src = source_span(doc, pobj)
            named = named_after(src, ctx.quoted)  # "according to X's first selectman, Jo Roe, …": Jo Roe
            src = named or src
            # the "according to X" phrase out (X's own words, not what the parse hung on X)
            content = _content(ctx, m, sent.start, sent.end,
                               exclude=(a.i, max(src.end + (1 if named is not None else 0), pobj.i + 1)))
            return a, content, (a.idx, to.idx + len(to)), src, False
        if loose is None or not LOOSE_PARTIALS:
            return None
        (child, v), is_loose = loose, True
    if _passive_naming(v):
        return None      # "X, often referred to as “The Y”": X is named, nobody speaks
    agent = None if is_loose else _agent(ctx, v)     # "described as “x” by the police": the police's
    outer = _outer_report(ctx, head, v, qpara) if not is_loose and OUTER_CUES_WIN and agent is None else None
    if outer is not None and outer.lemma_.lower() in RELAY_CUES:
        own = subject_in(ctx, v)
        if own is not None and speaker_like(ctx, own):
            outer = None    # "X said it was “…”; the paper reported …": X's words, the medium relays them
    if _a_title(ctx, m, head, v, is_loose):
        return None      # a title or a name: ABC’s “Good Morning America”, acting in “The Walking Dead”
    subj = agent or subject_in(ctx, outer if outer is not None else v)
    if subj is None:
        return None
    cv = outer if outer is not None else v
    return v, _clause(ctx, m, child, v, subj, qpara), (cv.idx, cv.idx + len(cv)), source_span(doc, subj), is_loose


def _agent(ctx: Context, v: Token) -> Token | None:
    """The speaker of a passive speech verb, "by X" ("was described as “x” by the police",
    "… by witnesses": unnamed, yet not the medium reporting it), in the verb's paragraph; else None."""
    if not is_cue(v):
        return None
    by = next((p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
    if by is None and any(c.dep_ == "auxpass" for c in v.children):
        # the parse hung "by X" on the quoted words ("was described as “reckless” by witnesses")
        by = next((p for t in v.subtree if t.lower_ == "by" and t.dep_ == "prep" and t.i > v.i
                   for p in t.children if p.dep_ == "pobj"), None)
    if by is None or ctx.quoted[by.i] or ctx.para_of(by.idx) != ctx.para_of(v.idx):
        return None
    return by


def _climb(ctx: Context, head: Token, inside: set[int], qpara: int) \
        -> tuple[Token, Token | None, tuple[Token, Token] | None, Token | None]:
    """From the quoted words up the parse (in their paragraph, eight steps at most) to the speech
    verb governing them: (the word below it, the verb or None, the first (word, verb) on the way
    whose verb has a speaker-like subject or None, the name owning a claim noun or None; with an
    owner, the "verb" is the claim noun)."""
    child, v = head, head
    loose = None        # the nearest verb with a speaker-like subject, when no speech verb governs
    own_subject = False  # the quoted words' own verb has a subject outside the marks
    for _ in range(8):
        if ctx.para_of(v.idx) != qpara:
            return child, None, loose, None
        if v.pos_ == "NOUN" and v.lemma_.lower() in lexicon.CLAIM_NOUNS and child.dep_ in ("acl", "ccomp") \
                and v.i not in inside and not ctx.quoted[v.i]:
            owner = next((c for c in v.children if c.dep_ == "poss" and is_name(c)), None)
            if owner is not None:
                return child, v, loose, owner
        if is_cue(v) and v.i not in inside and not ctx.quoted[v.i] and v.lemma_.lower() not in QUOTE_WEAK_CUES:
            return child, v, loose, None
        if v.pos_ in ("VERB", "AUX") and v.i in inside and any(
                c.dep_ in SUBJ_DEPS and c.i not in inside and not ctx.quoted[c.i] and speaker_like(ctx, c)
                and c.lower_ not in ("who", "which", "that") for c in v.children):
            # "…, they were “not travelling …”": the quoted clause has a subject of its own
            own_subject = True
        if loose is None and v.pos_ == "VERB" and v.i not in inside and not ctx.quoted[v.i] \
                and not (own_subject and any(c.dep_ == "agent" for c in v.children)):
            # (not the agent of a passive deed above such a clause: "inquiries were launched by X,
            # with Y confirming they were “…”" are not X's words)
            sj = subject_in(ctx, v)
            if sj is not None and speaker_like(ctx, sj) and not _condition(child):
                loose = (child, v)
        if v.dep_ == "ROOT" or v.head.i == v.i:
            return child, None, loose, None
        if v.lower_ == "with" and child.dep_ == "pcomp" and child.pos_ in ("VERB", "AUX") \
                and any(c.dep_ == "pobj" for c in v.children):
            # "…, with the board confirming they were “…”" (not a stranded "spoken with"): a clause
            # of its own subject; the verb above it is someone else's
            return child, None, loose, None
        child, v = v, v.head
    return child, None, loose, None


def _outer_report(ctx: Context, head: Token, v: Token, qpara: int) -> Token | None:
    """Nested reports: "Brafman noted that I had long felt that way", "X said he would tell him
    “…”" — the outermost saying verb above ``v`` (with a speaker-like subject) reports the quoted
    words; else one reporting in a short aside reports the whole sentence ("During his years in
    office, Mr. Obama said, a majority have come to believe “…”"); else None."""
    outer = None
    c2, up = v, v.head
    for _ in range(4):
        if up.i == c2.i or ctx.para_of(up.idx) != qpara:
            break
        if _contrast_clause(c2):
            break       # "X told Y “…”, while Z noted his “…”": Z's words, not reported by X
        if up.lemma_.lower() in SAY_CUES and is_cue(up) and not ctx.quoted[up.i]:
            sj = subject_in(ctx, up)
            if sj is not None and speaker_like(ctx, sj):
                outer = up
        if up.dep_ == "ROOT":
            break
        c2, up = up, up.head
    if outer is None:
        paren = _parenthetical(ctx, head, qpara)
        if paren is not None and paren[0].i != v.i and speaker_like(ctx, paren[1]):
            outer = paren[0]
    return outer


def _a_title(ctx: Context, m: Marked, head: Token, v: Token, loose: bool) -> bool:
    """The quoted words are a title or a name in Title Case, not speech (unless ``v`` is a naming
    verb, or "as “X”": "referred to it as “X”")."""
    naming_as = head.dep_ == "pobj" and head.head.lower_ == "as"
    if title_like(ctx.text[m.start:m.end]) and v.lemma_.lower() in NAMING_CUES and _names_a_noun(v):
        return True      # "a course called “Building Bridges”": a thing's name, nobody speaks it
    return title_like(ctx.text[m.start:m.end]) and v.lemma_.lower() not in NAMING_CUES and not naming_as and (
        loose or head.dep_ in ("pobj", "dative", "npadvmod", "appos", "compound", "nmod")
        or any(c.dep_ == "poss" for c in head.children))


def _condition(child: Token) -> bool:
    """A conditional clause ("If they were only “visitors”, she does not qualify"): its quoted
    words are not the main clause's subject's, who does nothing but appear in the argument."""
    return child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in child.children)


def _term_in_a_document(head: Token, child: Token, inside: set[int]) -> bool:
    """Quoted words modifying a noun inside the description of a document a verb has as its
    object ("posted a report about the mayor's “mini-meltdown” tweet"): what was posted, and a
    term it refers to, not the poster's words."""
    doc = head.doc
    words = [doc[i] for i in sorted(inside) if not doc[i].is_punct and doc[i].head.i not in inside]
    return bool(words) and all(w.dep_ in ("amod", "compound", "nmod") and w.head.pos_ == "NOUN" for w in words) \
        and child.dep_ == "dobj" and child.lemma_.lower() in REPORT_NOUNS | DOCUMENT_NOUNS


def _contrast_clause(c: Token) -> bool:
    """A clause with a subject of its own set against the one above it by "while"/"whereas"
    (``CONTRAST_MARKS``): another speaker's, never reported by the verb above."""
    return c.dep_ == "advcl" and any(x.dep_ in SUBJ_DEPS for x in c.children) \
        and any(x.dep_ == "mark" and x.lower_ in CONTRAST_MARKS for x in c.children)


def _passive_naming(v: Token) -> bool:
    """A naming phrase whose subject is what is named ("X, often referred to as “Y”", "X, known
    as “Y”"): nobody is quoted (the parse may miss the passive)."""
    doc, i = v.doc, v.i
    if v.lemma_.lower() not in PASSIVE_NAMING_VERBS or i + 1 >= len(doc) or any(c.dep_ == "aux" for c in v.children):
        return False        # ("which Ross has referred to as …": Ross names it)
    # "referred to as" (the active form names its object: "referred to it as"), "known as"
    return (doc[i + 1].lower_ == "to" and i + 2 < len(doc) and doc[i + 2].lower_ == "as") \
        or (doc[i + 1].lower_ == "as" and v.tag_ == "VBN")


def _names_a_noun(v: Token) -> bool:
    """A naming verb used as a participle on the noun before it ("a course called …", also when
    the parse reads it as a subjectless verb: "a program at the hall called …")."""
    if v.tag_ == "VBN" and v.dep_ in ("acl", "amod"):
        return True
    return v.dep_ in ("advcl", "acl") and v.i > 0 and v.doc[v.i - 1].pos_ in ("NOUN", "PROPN") \
        and not any(c.dep_ in SUBJ_DEPS for c in v.children)


def _clause(ctx: Context, m: Marked, child: Token, v: Token, subj: Token, qpara: int) -> tuple[int, int]:
    """The reported clause holding the quoted words: what ``v`` governs through ``child``, without
    its subject."""
    if child.i > v.i:
        first = next((c for c in v.rights if not c.is_punct and c.dep_ not in ("prt",)), child)
        # to the end of the verb's complements after the quoted words too ("likened them to a
        # “snake” in a song about …"), not into a coordinated clause
        # nor into a clause of another speaker ("called it “absurd”, while Roe called it …")
        last = max((c for c in v.rights if c.i >= child.i and not c.is_punct and c.dep_ not in ("cc", "conj")
                    and not _contrasted(c, child)
                    and ctx.para_of(c.right_edge.idx) == qpara), key=lambda c: c.i, default=child)
        s_i, e_i = first.left_edge.i, max(child.right_edge.i, last.right_edge.i) + 1
    else:
        s_i, e_i = child.left_edge.i, child.right_edge.i + 1
        if s_i <= subj.i < e_i:
            s_i = subj.right_edge.i + 1
    # not into another speaker's clause after the quoted words, however deep the parse hung it
    # ("told X Y “was a great man,” while Z noted …")
    after = [c.left_edge.i for c in ctx.doc[s_i:e_i] if _contrast_clause(c) and c.left_edge.idx >= m.close_end]
    # nor into the next speaker of a list ("with Roe calling it “absurd” and Lee calling …")
    after += [t.i for t in ctx.doc[s_i:e_i] if t.idx >= m.close_end and _next_person(ctx, t)]
    if after:
        e_i = min(after)
    return _content(ctx, m, s_i, e_i)


def _next_person(ctx: Context, t: Token) -> bool:
    """``t`` is the "and" before another person named after the quoted words ("… “Soviet-style”
    and Ross Spano of Florida calling …"): a second speaker's part of a list, not more content."""
    if t.lower_ != "and" or t.i + 1 >= len(ctx.doc):
        return False
    nxt = ctx.doc[t.i + 1]
    return nxt.pos_ == "PROPN" and ctx.entity_in(nxt.idx, nxt.idx + len(nxt.text), ("Person",)) is not None


def _contrasted(c: Token, child: Token) -> bool:
    """``c`` is a clause of someone else's after the quoted words, set against them ("…, while Roe
    called it “…”", ``CONTRAST_MARKS``), not part of the reported clause."""
    return c.i > child.i and _contrast_clause(c) and any(x.dep_ == "nsubj" for x in c.children)


def _content(ctx: Context, m: Marked, s_i: int, e_i: int, exclude: tuple[int, int] | None = None) -> tuple[int, int]:
    """Tokens ``s_i``-``e_i`` as a content range (``exclude``: tokens to leave out at its ends),
    the quoted words always inside."""
    s, e = _trim(ctx.doc, s_i, e_i, exclude=exclude)
    return min(s, m.open_start), max(e, m.close_end)


def title_like(s: str) -> bool:
    """Title Case words without sentence punctuation: a show, a book, a nickname."""
    s = s.strip().rstrip(",.")
    words = re.findall(r"[^\W\d_][\w’'-]*", s)
    if not words or len(words) > 10 or s[-1:] in "!?":
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


def _parenthetical(ctx: Context, head: Token, qpara: int) -> tuple[Token, Token] | None:
    """``South Carolina, he said, was "…"``: a short "X said" set off inside the sentence."""
    top = head
    while top.dep_ != "ROOT" and top.head.i != top.i:
        top = top.head
    for c in top.children:
        if c.dep_ in ("parataxis", "ccomp", "advcl") and is_cue(c) and not ctx.quoted[c.i] \
                and c.lemma_.lower() in SAY_CUES and c.right_edge.i - c.left_edge.i <= 6 \
                and ctx.para_of(c.idx) == qpara:
            subj = subject_in(ctx, c)
            if subj is not None and subj.head.i == c.i:
                return c, subj
    return None


def _trim(doc: Doc, s_i: int, e_i: int, exclude: tuple[int, int] | None = None) -> tuple[int, int]:
    toks = [t for t in doc[s_i:e_i] if not (exclude and exclude[0] <= t.i < exclude[1])]
    while toks and (toks[0].is_space or toks[0].is_punct and toks[0].text not in "\"“'‘"):
        toks = toks[1:]
    while toks and (toks[-1].is_space or toks[-1].is_punct and toks[-1].text not in "\"”'’"):
        toks = toks[:-1]
    if not toks:
        return doc[s_i].idx, doc[e_i - 1].idx + len(doc[e_i - 1])
    return toks[0].idx, toks[-1].idx + len(toks[-1])
