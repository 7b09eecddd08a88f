"""Entities stage: spaCy NER mentions -> normalised, merged entities of one article.

Works in *clean* offsets (the text the NLP saw); ``extract`` maps spans to the source.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from .model import Entity, Span

#: spaCy label -> our entity type; labels not listed (DATE, MONEY, CARDINAL, …) are not entities.
LABELS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place",
          "NORP": "Group", "EVENT": "Event", "WORK_OF_ART": "Work", "LAW": "Law", "PRODUCT": "Product"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


class EntityIndex:
    """The entities of one article, with look-ups used by attribution."""

    def __init__(self, entities: list[Entity] | None = None):
        self.entities: list[Entity] = entities or []

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping the clean char range [start, end)."""
        for e in self.entities:
            for s in e.spans:
                if s.start < end and start < s.end:
                    return e
        return None

    def find(self, name: str) -> Entity | None:
        """An entity by name, alias or (for people) surname."""
        key = name.strip().lower()
        for e in self.entities:
            if key == e.name.lower() or key in (a.lower() for a in e.aliases):
                return e
        for e in self.entities:
            if e.type == "Person" and key == e.name.split()[-1].lower():
                return e
        return None

    def add(self, name: str, type: str, span: Span | None = None) -> Entity:
        """Add (or extend) an entity found by another stage, e.g. a speaker NER missed."""
        e = self.find(name)
        if e is None:
            e = Entity(id=f"{type.lower()}/{slug(name)}", name=name, type=type)
            self.entities.append(e)
        if span is not None and span not in e.spans:
            e.spans.append(span)
            e.mentions += 1
        return e


def extract_entities(doc: Doc, title: str = "") -> EntityIndex:
    """Group NER mentions into entities (simple first version: exact name match)."""
    index = EntityIndex()
    votes: dict[str, Counter] = {}
    for ent in doc.ents:
        etype = LABELS.get(ent.label_)
        if etype is None:
            continue
        name = re.sub(r"\s+", " ", ent.text).strip()
        name = re.sub(r"^(?:the|The)\s+", "", name)
        name = re.sub(r"['’]s$", "", name)
        if not name:
            continue
        e = index.find(name) or index.add(name, etype)
        e.spans.append(Span(ent.start_char, ent.end_char, ent.text))
        e.mentions += 1
        votes.setdefault(e.id, Counter())[etype] += 1
    for e in index.entities:
        if e.id in votes:
            e.type = votes[e.id].most_common(1)[0][0]
        e.salient = e.mentions >= 2 or (bool(title) and e.name in title)
    return index
