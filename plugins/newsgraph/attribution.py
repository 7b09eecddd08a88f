"""Attribution: cues, speakers, pronoun / description resolution (clean offsets)."""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan

from .entities import EntityIndex
from .model import Quote, Span
from .quotes import find_marked

CUE_LEMMAS = {"say", "tell", "add", "ask", "tweet", "write", "announce", "accuse", "call", "warn", "insist"}


def resolve_source(doc: Doc, source: SpacySpan, index: EntityIndex) -> str | None:
    """Entity id for a speaker mention (a name, a pronoun or a description), or None."""
    e = index.at(source.start_char, source.end_char)
    if e is None and source.root.pos_ == "PROPN":
        e = index.add(source.text, "Person", Span(source.start_char, source.end_char, source.text))
    return e.id if e else None


def attribute(doc: Doc, index: EntityIndex) -> list[Quote]:
    """Direct and partial quotes with cue, source and speaker (first version)."""
    quotes = []
    for c in find_marked(doc.text):
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        cue = source = None
        for tok in sent:
            if tok.lemma_ in CUE_LEMMAS and tok.pos_ == "VERB" and not (c.start <= tok.idx < c.end):
                cue = tok
                subj = [t for t in tok.children if t.dep_ in ("nsubj", "nsubjpass")]
                if subj:
                    source = doc[subj[0].left_edge.i: subj[0].i + 1]
                break
        q = Quote(kind="direct", contents=[Span(c.start, c.end, doc.text[c.start:c.end])])
        if cue is not None:
            q.cue = Span(cue.idx, cue.idx + len(cue.text), cue.text)
        if source is not None:
            q.sources = [Span(source.start_char, source.end_char, source.text)]
            q.speaker = resolve_source(doc, source, index)
        quotes.append(q)
    return quotes
