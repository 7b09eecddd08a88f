"""The engine's one entry point: articles in, ``ArticleResult``s out. Knows nothing of Pelican.

    engine = Engine()
    result = engine.extract(ArticleInput(text=html, format="html", title="…"))
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from spacy.tokens import Doc

from . import attribution, entities, indirect, interviews
from . import nlp as nlp_mod
from . import quotes as quotes_mod
from . import text as text_mod
from .model import ENGINE_VERSION, ArticleResult, Quote, Span  # noqa: F401 (ENGINE_VERSION re-exported)


@dataclass
class ArticleInput:
    text: str
    format: str = "text"          # "text" | "html" | "markdown"
    title: str = ""
    id: str = ""


@dataclass
class EngineConfig:
    """Settings that change results (all part of the cache fingerprint)."""

    model: str | None = None                        # spaCy pipeline name or path; None = en_core_web_sm
    boilerplate: tuple[str, ...] = ()               # extra regexes for text to cut before NLP
    indirect: bool = True                           # report indirect speech too


@dataclass
class Engine:
    config: EngineConfig = field(default_factory=EngineConfig)
    _nlp: object = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = nlp_mod.load(self.config.model)
        return self._nlp

    def prepare(self, art: ArticleInput) -> text_mod.TextDoc:
        rules = text_mod.Boilerplate(extra_patterns=tuple(self.config.boilerplate))
        if art.format == "html":
            return text_mod.from_html(art.text, rules)
        if art.format == "markdown":
            return text_mod.from_markdown(art.text, rules)
        return text_mod.from_plain(art.text, rules)

    def analyse(self, tdoc: text_mod.TextDoc, doc: Doc, title: str = "") -> ArticleResult:
        """Run the rule stages on a parsed clean text; results in source offsets."""
        text = tdoc.clean          # == doc.text, which spaCy rebuilds from the tokens on every access
        index = entities.extract_entities(doc, title, text=text)
        paras = _paragraphs(tdoc, text)
        ctx = attribution.make_context(doc, index, paras, text=text)
        headings = [(b.start, b.end) for b in tdoc.blocks if b.kind == "heading"]
        quotes = _outside(attribution.attribute(doc, index, context=ctx), headings)
        if self.config.indirect:
            quotes += _outside(indirect.find_indirect(doc, index, quotes, context=ctx), headings)
        transcript = interviews.find_transcript(text, paras, index, title, headings)
        quotes = interviews.replace_in_transcript(quotes, transcript, text)
        quotes = [q for q in quotes if not _written_on_a_thing(q, text)]
        quotes.sort(key=lambda q: q.start)
        entities.mark_speakers(index, quotes)
        result = ArticleResult(quotes=quotes, entities=index.entities)
        return _to_source(result, tdoc)

    def extract(self, art: ArticleInput) -> ArticleResult:
        return next(self.extract_many([art]))

    def extract_many(self, arts: Iterable[ArticleInput], batch_size: int = 32, n_process: int = 1,
                     progress: Callable[[int], None] | None = None) -> Iterator[ArticleResult]:
        """Results in input order; all texts go through spaCy together in batches."""
        arts = list(arts)
        tdocs = [self.prepare(a) for a in arts]
        docs = nlp_mod.pipe(self.nlp, (t.clean for t in tdocs), batch_size=batch_size, n_process=n_process)
        for i, (art, tdoc, doc) in enumerate(zip(arts, tdocs, docs), 1):
            yield self.analyse(tdoc, doc, art.title)
            if progress:
                progress(i)


def _paragraphs(tdoc: text_mod.TextDoc, clean: str) -> list[tuple[int, int]]:
    """Paragraphs in clean offsets: the text stage's blocks, split at line breaks inside them."""
    if not tdoc.blocks:
        return quotes_mod.paragraphs(clean)
    out = []
    for b in tdoc.blocks:
        for s, e in quotes_mod.paragraphs(clean[b.start:b.end]):
            out.append((b.start + s, b.start + e))
    return out


def _outside(quotes: list[Quote], headings: list[tuple[int, int]]) -> list[Quote]:
    """Quotes none of whose contents lie in a heading (a headline is not a source of quotes)."""
    if not headings:
        return quotes
    merged: list[tuple[int, int]] = []          # sorted, disjoint: one binary search per span
    for hs, he in sorted(headings):
        if merged and hs < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], he))
        else:
            merged.append((hs, he))
    headings, ends = merged, [he for _, he in merged]

    def in_heading(s: Span) -> bool:
        k = bisect.bisect_right(ends, s.start)      # the first heading ending after the span starts
        return k < len(headings) and headings[k][0] < s.end

    return [q for q in quotes if not any(in_heading(s) for s in q.contents)]


def _written_on_a_thing(q: Quote, clean: str) -> bool:
    """A quotation read off a sign or banner (``quotes.inscription``) is nobody's speech."""
    if q.kind == "indirect":
        return False
    first = (q.marked or q.contents)[0]
    return quotes_mod.inscription(clean, first.start)


def _to_source(result: ArticleResult, tdoc: text_mod.TextDoc) -> ArticleResult:
    """Map every clean-offset span of a result to the source text."""
    def m(s: Span | None) -> Span | None:
        return tdoc.span(s.start, s.end) if s is not None else None

    for q in result.quotes:
        q.contents = [m(s) for s in q.contents]
        q.cue = m(q.cue)
        q.sources = [m(s) for s in q.sources]
        q.marked = [m(s) for s in q.marked]
    for e in result.entities:
        e.spans = [m(s) for s in e.spans]
    return result


def quote_to_eval(q: Quote, result: ArticleResult) -> dict:
    """One quote in the ``eval/FORMAT.md`` prediction format."""
    d = q.to_dict()
    del d["breaks"]                      # not part of the format: one record per attribution
    e = result.entity(q.speaker)
    d["speaker"] = {"name": e.name, "type": e.type} if e else None
    return d
