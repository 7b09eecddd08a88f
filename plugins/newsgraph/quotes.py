"""Quotation marks -> candidate quotes (direct and partial), in clean offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

PAIRS = [("“", "”"), ('"', '"'), ("«", "»"), ("''", "''")]


@dataclass
class Candidate:
    start: int          # first char inside the marks
    end: int            # end of the quoted text (before the closing mark)
    open_start: int     # position of the opening mark
    close_end: int      # position after the closing mark


def find_marked(text: str) -> list[Candidate]:
    """Quoted stretches of text (first version: straight and curly double quotes)."""
    out = []
    for m in re.finditer(r"[“\"]([^“”\"\n]+)[”\"]", text):
        out.append(Candidate(m.start(1), m.end(1), m.start(), m.end()))
    return out
