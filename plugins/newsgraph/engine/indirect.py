"""Indirect (reported) speech without quotation marks: "Sessions said sanctuary cities hurt …".

Rules over spaCy's dependency parse (the GenderGapTracker approach, widened):

- a clause (``ccomp``) under a speech or cognition verb with a speaker-like subject:
  "X said (that) …", "…, X said", "X believes …", "who said …";
- an infinitive (``xcomp``) or object clause for verbs that report intentions or requests:
  "X promised to …", "X urged Congress to …", "X called for …", "X called on Y to …";
- a parenthetical cue inside the clause it reports: "The plan, he said, is dead";
- "according to X, …" (the rest of the sentence is the content).

A cue without its own subject takes the subject of the verb it is coordinated with or
attached to ("He said A and added B", "…, saying B"). Verbs that also have non-speech uses
("show", "find", "suggest") need a person-, group- or document-like subject: "the report
found that …" is attribution, "experience shows that …" is not.

Nothing is reported inside quotation marks (a verb there belongs to the quoted speaker), over
the quotes the quote stage already found, across a line break (headlines glued to the next
paragraph by the parser), or when the clause runs on into a quotation (that is one mixed
quote, the quote stage's). One linear walk over the tokens; no full-document scans per token.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from . import attribution
from .entities import EntityIndex
from .lexicon import (
    ACTION_XCOMP_CUES,
    BELIEF_VERBS,
    CLAUSE_CUES,
    CONTRARY_CUES,
    CONTRAST_MARKS,
    CUE_LEMMAS,
    DOBJ_CUES,
    DOUBT_CUES,
    FACT_CUES,
    HEARSAY_ADVERBS,
    INDIRECT_CUES,
    INVERTED_CUES,
    MENTAL_CUES,
    NOT_SAID_OBJECTS,
    PAREN_CUES,
    PREP_CUES,
    PRONOUNS,
    RELAY_CUES,
    SCHEDULE_VERBS,
    SPEAKER_NOUNS,
    SPOKES_WORDS,
    TALLY_VERBS,
    UNNAMED_SPEAKER_NOUNS,
    XCOMP_CUES,
)
from .model import Quote, Span
from .quotes import paragraphs

SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
ASIDES = frozenset("which who whom whose where including with according however".split())
#: Reported speech the engine is not sure of: the highest confidence it gets, by reason (all below
#: the default NEWSGRAPH_MIN_CONFIDENCE 0.5, so these stay in the data but are not published).
UNSURE = {
    "object": 0.4,        # the content is only the verb's object, a topic: "announced the decision"
    "short": 0.4,         # one word is no statement: "guidelines call for 2%" -> "2"
    "action": 0.4,        # a deed or a plan, not words: "agreed to support the bill"
    "doubt": 0.4,         # what the speaker doubts or asks about: "questioned whether …"
    "question": 0.45,     # an embedded question is no statement: "explained what work …"
    "description": 0.3,   # a name inside a description of unnamed speakers: "officials in Omsk said"
    "relayed": 0.4,       # a medium carrying someone else's words: "CNN reported that a source told them …",
                          # "according to the Post, the mayor said …" (the inner cue is a report of its own)
    "belief": 0.4,        # a belief, not a statement: "X reportedly believes …", "the agency suspects …"
    "data": 0.4,          # a data point or a timetable from a data source: "according to X, there were 40 cases"
}
#: Reasons in ``UNSURE`` that hold only when the speaker is not a person: an organisation's belief
#: is an assessment, its tally a data point; a person saying either is still speaking.
UNSURE_UNLESS_PERSON = frozenset({"belief-org", "data"})
WH_WORDS = frozenset("what whether if why how who whom which when where".split())
OPEN_MARKS = "“«"
CLOSE_MARKS = "”»"


@dataclass
class _Hit:
    cue: tuple[int, int]                  # token range [start, end)
    contents: list[tuple[int, int]]       # token ranges
    source: SpacySpan | None
    rule: str = "clause"
    speaker: SpacySpan | None = None      # whom the source stands for, when not itself
    unsure: str | None = None             # why the engine is not sure it is speech (``UNSURE``)


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, inherited along conj / participial attachments when missing."""
    tok = verb
    for _ in range(4):
        for c in tok.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
        if tok.dep_ == "conj" or (tok.dep_ in ("advcl", "xcomp") and tok.tag_ == "VBG"):
            tok = tok.head
            continue
        if tok.dep_ == "xcomp" and tok.tag_ == "VB":   # "wants to say" -> subject of wants
            tok = tok.head
            continue
        return attribution.orphan_subject(tok) if tok is verb else None
    return None


def _speaker_like(subj: Token) -> bool:
    """A person, group, organisation or document can say or find something."""
    if subj.ent_type_ in SPEAKER_ENTS:
        return True
    low = subj.lower_
    if subj.pos_ == "PROPN" or low in SPEAKER_NOUNS or subj.lemma_.lower() in SPEAKER_NOUNS:
        return True
    return any(c.ent_type_ in SPEAKER_ENTS for c in subj.children if c.dep_ in ("compound", "poss"))


def _np(tok: Token) -> SpacySpan:
    """A subject's mention: its subtree, without trailing punctuation or a relative clause tail."""
    doc = tok.doc
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    for c in tok.rights:
        if c.dep_ in ("relcl", "acl", "appos") or c.is_punct:
            end = min(end, c.left_edge.i)
            break
    end = max(end, tok.i + 1)
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def _clip(doc: Doc, start: int, end: int) -> int:
    """End of a reported clause before a trailing non-restrictive aside (", which …", ", with …")."""
    for i in range(start + 3, end - 1):
        t, nxt = doc[i], doc[i + 1]
        if t.text in (";", "—", "–", "--", "-") and t.whitespace_:
            return i
        if t.text == "," and (nxt.lower_ in ASIDES or (nxt.tag_ == "VBG" and nxt.dep_ in ("advcl", "xcomp", "acl", "conj"))):
            return i
        if t.text == "," and i > start + 5 and _trailing_modifier(doc, nxt, start, end):
            return i
    return end


def _trailing_modifier(doc: Doc, tok: Token, start: int, end: int) -> bool:
    """``tok`` opens a modifier (adverbial clause, appositive, relative clause, "as …") that
    hangs on a word before it: the speaker's clause has ended."""
    a = tok
    for _ in range(8):
        h = a.head
        if h.i == a.i or not (start <= h.i < end):
            return False
        if h.i < tok.i:
            return a.dep_ in ("advcl", "relcl", "appos", "acl", "npadvmod", "prep") and a.left_edge.i >= tok.i
        a = h
    return False


def _trim(doc: Doc, start: int, end: int, clip: bool = False) -> tuple[int, int] | None:
    """Token range without leading/trailing punctuation and conjunctions (and trailing asides)."""
    if clip:
        end = _clip(doc, start, end)
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in ("and", "but")):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in ("and", "but")):
        end -= 1
    return (start, end) if end > start else None


def _minus(doc: Doc, sent: SpacySpan, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentence's token ranges outside ``holes``, trimmed."""
    return _split(doc, sent.start, sent.end, holes)


def _content_child(verb: Token) -> list[Token]:
    """The children of a cue that hold what was said."""
    lemma = verb.lemma_.lower()
    out = [c for c in verb.children if c.dep_ == "ccomp"] if lemma in CLAUSE_CUES else []
    if not out and lemma in XCOMP_CUES:
        out = [c for c in verb.children if c.dep_ == "xcomp"]
        if out and any(c.dep_ == "dobj" for c in verb.children):
            # "urged Congress to act": the addressee belongs to the content
            out = [c for c in verb.children if c.dep_ in ("dobj", "xcomp")]
    if not out and lemma in PREP_CUES:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in PREP_CUES[lemma]:
                out = [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
                break
            if c.dep_ == "prep" and c.lower_ == "on" and lemma == "call":   # "called on X to Y"
                out = [c]
                break
    if not out and lemma in DOBJ_CUES:
        out = [c for c in verb.children if c.dep_ == "dobj" and not _not_said(c)]
    return out


def _not_said(obj: Token) -> bool:
    """An object that names people or a date, not a statement ("announced the winners")."""
    return obj.lemma_.lower() in NOT_SAID_OBJECTS or obj.ent_type_ in ("PERSON", "DATE")


def _cue_range(verb: Token) -> tuple[int, int]:
    """The cue token plus a particle or phrasal preposition ("pointed out", "called for")."""
    end = verb.i + 1
    preps = PREP_CUES.get(verb.lemma_.lower(), ())
    for c in verb.rights:
        if c.i == end and (c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in preps)):
            end += 1
    return verb.i, end


def _line_break(doc: Doc, i: int, j: int) -> bool:
    """A line break between tokens ``i`` and ``j`` (the parser glues headlines to paragraphs)."""
    lo, hi = min(i, j), max(i, j)
    return any("\n" in t.text_with_ws for t in doc[lo:hi])


def _from_verb(verb: Token) -> _Hit | None:
    lemma = verb.lemma_.lower()
    if not verb.tag_.startswith("VB") or lemma not in INDIRECT_CUES:
        return None
    if lemma in CONTRARY_CUES or _negated(verb):       # "denied that …", "did not confirm …"
        return None
    if verb.dep_ in ("amod", "acl") and verb.tag_ == "VBN":      # "a group called X", "the plan announced"
        return None
    # (never a clause set against the speaker's by "while"/"whereas": "While all agreed …, Roe
    # stressed …" is the others' view, not what Roe said)
    content = [c for c in _content_child(verb) if not _line_break(verb.doc, c.i, verb.i)
               and not any(x.dep_ == "mark" and x.lower_ in CONTRAST_MARKS for x in c.children)
               and not (c.i < verb.i and c.left_edge.lower_ in CONTRAST_MARKS)]
    subj = _subject(verb)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if subj is None:
        if passive and content and content[0].dep_ == "xcomp":   # "X is expected to …", "X was urged to …"
            return _hit(verb, content, None, "xcomp-passive")
        return _parenthetical(verb) if verb.dep_ == "parataxis" and not passive else None
    inherited = subj.head.i != verb.i
    low = subj.lower_
    if low in ("this", "that", "which", "there"):
        # only a relative pronoun standing for a speaker: "the panel, which said …"
        if inherited or verb.dep_ != "relcl" or not _speaker_like(verb.head):
            return None
    if low == "it" and (inherited or passive or lemma not in INVERTED_CUES):
        return None                      # "it said" (an organisation), not "it could encourage"
    if low == "all" and verb.lower_ == "told":          # "All told, …"
        return None
    if lemma in FACT_CUES and not _speaker_like(subj):
        return None
    if low in ("i", "we", "you") and lemma in MENTAL_CUES:     # "I think …": a hedge
        return None
    if not content:
        return _parenthetical(verb)
    if content[0].i < verb.i and not _inverted_ok(verb, content[0], subj):
        return None
    rule = content[0].dep_ if content[0].dep_ != "prep" else "on"
    hit = _hit(verb, content, subj, rule + ("-inherited" if inherited else ""))
    if hit is not None:
        hit.speaker = _reporter(verb, subj)
        hit.unsure = _unsure(verb, content) or ("relayed" if lemma in RELAY_CUES and _speaks(content[0]) else None)
        if hit.unsure is None and lemma in BELIEF_VERBS:
            # "X reportedly believe …": hearsay about a belief; "the agency believes …": an assessment
            hearsay = any(c.dep_ == "advmod" and c.lower_ in HEARSAY_ADVERBS for c in verb.children)
            hit.unsure = "belief" if hearsay else "belief-org"
    return hit


def _speaks(clause: Token) -> bool:
    """A clause that is itself someone's report: a speech verb with a subject of its own ("a
    source told them …", "he describes himself as …"); the medium carrying it only relays it."""
    lemma = clause.lemma_.lower()
    if clause.pos_ not in ("VERB", "AUX") or lemma not in CUE_LEMMAS or lemma in MENTAL_CUES:
        return False        # ("is expected to", "the virus claimed lives": no one's words)
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.lower_ in PRONOUNS or _speaker_like(subj))


def _negated(verb: Token) -> bool:
    """ "had not confirmed …", "never said …", "nobody claimed …": nothing was said. (A "not"
    after the cue negates the content: "promised not to raise taxes" is reported.)"""
    return any((c.dep_ == "neg" and c.i < verb.i)
               or (c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("nobody", "none", "no-one"))
               for c in verb.children)


def _unsure(verb: Token, content: list[Token]) -> str | None:
    """Why a reported clause may not be the speaker's statement (a key of ``UNSURE``), else None."""
    lemma = verb.lemma_.lower()
    if lemma in DOUBT_CUES:
        return "doubt"
    if sum(not t.is_punct for c in content for t in c.subtree) < 2:
        return "short"
    # "called for / argued for a levy" states a demand; "announced the decision", "argued against
    # the levy", "warned about inflation" give only a topic
    if all(c.dep_ == "dobj" or (c.dep_ == "pobj" and c.head.lower_ != "for") for c in content):
        return "object"
    if lemma in ACTION_XCOMP_CUES and content[0].dep_ == "xcomp":
        return "action"
    if lemma == "report" and content[0].dep_ == "ccomp" and _data_point(content[0]):
        return "data"                    # "CNBC reported there were 118,000 cases": a figure relayed
    first = content[0].left_edge
    if content[0].dep_ == "ccomp" and first.lower_ in WH_WORDS and first.i > verb.i and lemma != "ask":
        return "question"                # not a relative "which they said …"
    return None


def _unnamed(source: SpacySpan) -> bool:
    """ "Hospital officials in Omsk", "a witness from the club", "the officials": a description
    of people whose head names nobody (no name as compound, possessive or apposition)."""
    root = source.root
    if root.pos_ != "NOUN" or root.lemma_.lower() not in UNNAMED_SPEAKER_NOUNS:
        return False
    return not any(c.dep_ in ("compound", "poss", "appos", "flat") and (c.pos_ == "PROPN" or c.ent_type_)
                   for c in root.children)


def _reporter(verb: Token, subj: Token) -> SpacySpan | None:
    """ "Authorities said they believed …": the reporting clause's subject, whom "they" stands
    for (not "he"/"she": "Lopez said he …" is often someone else); else None."""
    outer = verb.head
    if subj.lower_ != "they" or verb.dep_ != "ccomp" or outer.i == verb.i \
            or outer.lemma_.lower() not in CLAUSE_CUES:
        return None
    os_ = _subject(outer)
    return _np(os_) if os_ is not None and os_.pos_ != "PRON" else None


def _inverted_ok(verb: Token, clause: Token, subj: Token) -> bool:
    """ "The budget is balanced, the mayor said": only reporting verbs, and only with the
    clause set off by a comma (or dash) right before the speaker and cue."""
    if verb.lemma_.lower() not in INVERTED_CUES:
        return False
    doc = verb.doc
    first = min(subj.left_edge.i, verb.i)
    after = clause.right_edge.i + 1
    return after < len(doc) and after <= first and doc[after].text in (",", "—", "–", "--") \
        or (after < len(doc) and doc[after].text in ("''", '"', "”"))


def _hit(verb: Token, content: list[Token], subj: Token | None, rule: str) -> _Hit | None:
    ranges: list[tuple[int, int]] = []
    for r in sorted(r for r in (_trim(verb.doc, c.left_edge.i, c.right_edge.i + 1, True) for c in content) if r):
        if ranges and r[0] <= ranges[-1][1]:        # "urged Congress | to act": one span
            ranges[-1] = (ranges[-1][0], max(r[1], ranges[-1][1]))
        else:
            ranges.append(r)
    # "which Lopez said was unworkable": the clause's span encloses its own cue and speaker
    holes = [(verb.i, verb.i + 1)]
    if subj is not None and subj.head.i == verb.i:
        holes.append((subj.left_edge.i, subj.right_edge.i + 1))
    if any(s <= h < e for s, e in ranges for h, _ in holes):
        ranges = [p for s, e in ranges for p in _split(verb.doc, s, e, holes)]
    if not ranges:
        return None
    source = _np(subj) if subj is not None else None
    return _Hit(_cue_range(verb), ranges, source, rule)


def _split(doc: Doc, start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [start, end) outside ``holes``, trimmed."""
    out, pos = [], start
    for s, e in sorted(holes):
        if s >= end or e <= pos:
            continue
        if s > pos and (r := _trim(doc, pos, s)):
            out.append(r)
        pos = max(pos, e)
    if pos < end and (r := _trim(doc, pos, end)):
        out.append(r)
    return out


def _parenthetical(verb: Token) -> _Hit | None:
    """ "The plan, he said, is dead": a cue set off by commas inside the clause it reports;
    the content is the rest of the sentence."""
    if verb.lemma_.lower() not in PAREN_CUES or verb.dep_ not in ("parataxis", "ccomp", "advcl"):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or any(c.dep_ in ("dobj", "xcomp", "prep", "ccomp") for c in verb.children):
        return None
    doc, sent = verb.doc, verb.sent
    lo, hi = verb.left_edge.i, verb.right_edge.i + 1
    before = doc[lo] if doc[lo].is_punct else (doc[lo - 1] if lo > sent.start else None)
    if before is None or before.text not in (",", "—", "–", "--"):
        return None
    ranges = _minus(doc, sent, [(lo, hi)])
    if not ranges or sum(e - s for s, e in ranges) < 3:
        return None
    return _Hit(_cue_range(verb), ranges, _np(subj), "paren-" + verb.dep_)


def _according(tok: Token) -> _Hit | None:
    """ "According to X, …": X is the source, the rest of the sentence the content."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is None or nxt.lower_ != "to":
            return None
        to = nxt
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    sent = tok.sent
    lo = tok.i
    hi = max(pobj.right_edge.i, to.i) + 1
    src = _np(pobj)
    named = attribution.named_after(src)   # "according to the town's first selectman, Jo Roe, …"
    if named is not None:
        src, hi = named, max(hi, named.end + 1)
    ranges = _minus(tok.doc, sent, [(lo, hi)])
    if not ranges or sum(e - s for s, e in ranges) < 3:
        return None
    hit = _Hit((tok.i, to.i + 1), ranges, src, "according")
    clause = tok.head if tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX") else sent.root
    if clause.i != tok.i and _speaks(clause):
        hit.unsure = "relayed"          # "according to the site, she wrote that …": hers, carried by it
    elif clause.i != tok.i and _data_point(clause):
        hit.unsure = "data"
    return hit


def _data_point(clause: Token) -> bool:
    """The clause "according to X" sources is a data point, not a statement: a count ("there were
    at least 40 cases", "Roe has amassed 1,217 delegates", "the party has 12 seats") or a timetable
    ("the vote is scheduled for May 5")."""
    lemma = clause.lemma_.lower()
    if lemma == "be" and any(c.dep_ == "expl" for c in clause.children):
        return True                                         # "there were …"
    if lemma in SCHEDULE_VERBS and clause.tag_ == "VBN":
        return True                                         # "is scheduled for …"
    if lemma in TALLY_VERBS:
        return any(t.like_num and not _year(t) for t in clause.subtree if t.i > clause.i)
    if lemma == "be" and any(c.dep_ in ("attr", "acomp", "prep") and _has_number(c) for c in clause.children):
        return True                                         # "it was of 7.0 magnitude", "the toll is 40"
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children) \
            and any(c.dep_ == "dobj" and _has_number(c) for c in clause.children):
        return True                                         # a projection: "the virus may cause 32,000 more deaths"
    return False


def _has_number(t: Token) -> bool:
    """A figure under ``t``: a number that is no year, date or time ("on March 3")."""
    return any(x.like_num and not _year(x) and x.ent_type_ not in ("DATE", "TIME", "ORDINAL") for x in t.subtree)


def _year(t: Token) -> bool:
    return t.shape_ == "dddd" and t.text[:2] in ("19", "20")


_MARKS = re.compile(r"''|[\"“”«»]|\n\s*\n")


def _quoted_mask(text: str) -> bytearray:
    """1 for every char between quotation marks (a paragraph break closes an open quotation).

    Speech verbs inside a quotation belong to the quoted speaker, not to the article.
    """
    mask = bytearray(len(text) + 1)
    start = None
    for m in _MARKS.finditer(text):
        mark = m.group()
        if mark[0] == "\n":
            if start is not None:
                mask[start:m.start()] = b"\x01" * (m.start() - start)
            start = None
        elif start is None and mark not in CLOSE_MARKS:
            start = m.start()
        elif start is not None and mark not in OPEN_MARKS:
            mask[start:m.end()] = b"\x01" * (m.end() - start)
            start = None
    if start is not None:
        mask[start:len(text)] = b"\x01" * (len(text) - start)
    return mask


_LEADS_INTO_QUOTE = re.compile(r"[\s,:;—–-]*(?:''|[\"“«])")


def _leads_into_quote(text: str, end: int) -> bool:
    """The reported clause runs on into a quotation ("… the job of president: “Steadiness …”"):
    one mixed quote, which the quote stage reports."""
    return _LEADS_INTO_QUOTE.match(text, end) is not None


def _resolver(doc: Doc, index: EntityIndex, context=None) -> Callable[[SpacySpan], tuple[str | None, float]]:
    """``attribution.resolve_source`` with the per-document look-ups built once (lazily when
    the caller passed none): (speaker id, its confidence). A description of unnamed people
    resolved to anything but a person ("officials in Omsk" -> Omsk) is capped at
    ``UNSURE["description"]``."""
    ctx = context

    def resolve(span: SpacySpan) -> tuple[str | None, float]:
        nonlocal ctx
        if ctx is None:
            ctx = attribution.make_context(doc, index, paragraphs(doc.text))
        speaker = attribution.resolve_source(doc, span, index, context=ctx)
        if not speaker:
            return None, 0.0
        conf = attribution.speaker_confidence(ctx, "indirect")
        if _unnamed(span):
            kind = getattr(index.by_id(speaker), "type", None)
            if kind != "Person" and not (kind == "Organization" and span.root.lemma_.lower() in SPOKES_WORDS):
                conf = min(conf, UNSURE["description"])   # (a spokesman or official *for* an organisation speaks for it)
        return speaker, conf
    return resolve


def find_indirect(doc: Doc, index: EntityIndex, taken: list[Quote], context=None) -> list[Quote]:
    """Reported-speech quotes whose contents and cue do not overlap the ``taken`` quotes
    (``context``: the document's ``attribution.make_context``, shared with the quote stage)."""
    text = context.text if context is not None else doc.text
    busy = bytearray(len(text) + 1)
    for q in taken:
        for s in q.contents:
            busy[s.start:s.end] = b"\x01" * (s.end - s.start)
    quoted = _quoted_mask(text)
    resolve = _resolver(doc, index, context)
    out: list[Quote] = []
    for tok in doc:
        if quoted[tok.idx] or not (tok.lower_ == "according" or tok.lemma_.lower() in INDIRECT_CUES):
            continue
        hit = _according(tok) if tok.lower_ == "according" else _from_verb(tok)
        if hit is None:
            continue
        q = _to_quote(doc, text, hit, busy, quoted, resolve)
        if q is not None:
            out.append(q)
            if q.speaker and hit.unsure in UNSURE_UNLESS_PERSON:
                speaker = index.by_id(q.speaker)
                if getattr(speaker, "type", None) != "Person":
                    q.confidence = min(q.confidence, UNSURE[hit.unsure.split("-")[0]])
    return out


def _same_line(text: str, a: int, b: int, cue: int) -> tuple[int, int]:
    """Clip [a, b) to the line of the cue: reported speech never crosses a line break
    (a headline glued to the first paragraph by the sentence splitter)."""
    if "\n" not in text[a:b]:
        return a, b
    if cue < a:
        b = text.index("\n", a)
    elif cue >= b:
        a = text.rindex("\n", a, b) + 1
    else:
        a = text.rfind("\n", a, cue) + 1 or a
        nl = text.find("\n", cue, b)
        b = nl if nl >= 0 else b
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _to_quote(doc: Doc, text: str, hit: _Hit, busy: bytearray, quoted: bytearray,
              resolve: Callable[[SpacySpan], tuple[str | None, float]]) -> Quote | None:
    cs, ce = hit.cue
    ca, cb = doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1].text)
    spans = []
    for s, e in hit.contents:
        a, b = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        a, b = _same_line(text, a, b, ca)
        if b <= a or any(busy[a:b]) or any(quoted[a:b]):
            return None
        spans.append(Span(a, b, text[a:b]))
    if any(busy[ca:cb]) or (spans and _leads_into_quote(text, spans[-1].end)):
        return None
    q = Quote(kind="indirect", contents=spans, cue=Span(ca, cb, text[ca:cb]))
    if hit.source is not None:
        src = hit.source
        if "\n" in text[src.start_char:ca] or "\n" in text[cb:src.start_char]:
            return None                  # speaker and cue in different lines: a misparsed headline
        a, b = _same_line(text, src.start_char, src.end_char, ca)
        if b <= a:
            return None
        if (a, b) != (src.start_char, src.end_char):
            src = doc.char_span(a, b, alignment_mode="contract") or src
        q.sources = [Span(src.start_char, src.end_char, src.text)]
        q.speaker, q.confidence = resolve(hit.speaker if hit.speaker is not None else src)
        if q.speaker and hit.unsure and hit.unsure not in UNSURE_UNLESS_PERSON:
            q.confidence = min(q.confidence, UNSURE[hit.unsure])
    return q
