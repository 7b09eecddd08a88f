"""Indirect (reported) speech without quotation marks: "Sessions said sanctuary cities hurt …"."""
from __future__ import annotations

from spacy.tokens import Doc

from .entities import EntityIndex
from .model import Quote


def find_indirect(doc: Doc, index: EntityIndex, taken: list[Quote]) -> list[Quote]:
    """Reported-speech quotes not overlapping ``taken`` (first version: none)."""
    return []
