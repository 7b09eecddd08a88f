"""The registry's records: a quote attributed to a site identity (:class:`QuoteRef`), a site
identity (:class:`Identity`) and what the registry keeps of one article (:class:`ArticleRecord`).
These are what a cached registry pickles."""
from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from ...engine.model import ArticleResult, Quote, compact_pickle
from .names import norm


@compact_pickle(packed=("quote",))   # a cached site's article pages need only kind and html
@dataclass(eq=False)
class QuoteRef:
    """One quote of one article, attributed to a site identity. ``n``: 1-based index in the article."""

    article: Any
    quote: Quote
    speaker: "Identity"
    n: int

    @functools.cached_property
    def kind(self) -> str:
        return self.quote.kind

    @property
    def date(self):
        return getattr(self.article, "date", None)

    @property
    def anchor(self) -> str:
        return f"quote-{self.n}"

    @property
    def url(self) -> str:
        """Site-relative URL of the quote in its article."""
        return f"{getattr(self.article, 'url', '')}#{self.anchor}"

    @property
    def text(self) -> str:
        return self.quote.text

    @functools.cached_property
    def html(self) -> Markup:
        """The quote as safe HTML; quoted words of a partial quote wrapped in ``<mark>``."""
        parts = []
        marked = self.quote.marked if self.quote.kind == "partial" else []
        for span in self.quote.contents:
            marks = sorted((m for m in marked if span.start <= m.start and m.end <= span.end),
                           key=lambda m: m.start)
            pos, out = span.start, []
            for m in marks:
                if m.start < pos:
                    continue
                out.append(escape(span.text[pos - span.start:m.start - span.start]))
                out.append(Markup("<mark>%s</mark>") % span.text[m.start - span.start:m.end - span.start])
                pos = m.end
            out.append(escape(span.text[pos - span.start:]))
            parts.append(Markup("").join(out).strip())
        return Markup(" … ").join(parts)


@compact_pickle(lists=("aliases", "same_as", "quotes", "articles"))
@dataclass(eq=False)
class Identity:
    """A person, organisation, place… as one site-wide page/tag."""

    key: str
    name: str
    type: str
    slug: str = ""
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    same_as: list[str] = field(default_factory=list)
    url: str | None = None
    is_speaker: bool = False
    quotes: list[QuoteRef] = field(default_factory=list)
    tag: Any = None
    tag_slug: str | None = None       # the slug of its topic tag, when known (set by the site glue)
    mentions: int = 0
    articles: list[Any] = field(default_factory=list)
    save_as: str | None = None
    feed_url: str | None = None
    feed_save_as: str | None = None
    #: why the registry decided against the NER type or a page (for the review report), else None
    retyped: str | None = None
    no_page: str | None = None
    #: why names of different keys are this one identity (organisation variants), else None
    joined: str | None = None

    @property
    def quote_count(self) -> int:
        return len(self.quotes)

    @property
    def latest(self):
        """Date of the newest quote (None when not quoted)."""
        return self.quotes[0].date if self.quotes else None

    @property
    def letter(self) -> str:
        """Index letter: the initial of the surname for people, else of the name."""
        base = self.name.split()[-1] if self.type == "Person" and self.name.split() else self.name
        c = unicodedata.normalize("NFKD", base[:1] or "#")[:1].upper()
        return c if c.isalpha() and c.isascii() else "#"

    @property
    def letter_anchor(self) -> str:
        return "letter-" + (self.letter.lower() if self.letter != "#" else "other")

    @property
    def sort_key(self) -> tuple:
        """Surname first for people, then the full name (case/accent-insensitive)."""
        parts = self.name.split()
        if self.type == "Person" and len(parts) > 1:
            return (norm(parts[-1]), norm(self.name), self.key)
        return (norm(self.name), "", self.key)

    def __repr__(self) -> str:
        return f"<Identity {self.key} {len(self.quotes)} quotes>"


@compact_pickle(lists=("ignore_speakers", "topics_add", "topics_remove", "quotes", "speakers", "about",
                       "mentions", "topics"))
@dataclass
class ArticleRecord:
    """What the registry needs of one article (``article`` is opaque: a Pelican Article in the site)."""

    article: Any
    result: ArticleResult
    ignore_speakers: list[str] = field(default_factory=list)
    topics_add: list[str] = field(default_factory=list)
    topics_remove: list[str] = field(default_factory=list)
    # filled by build(): entity id -> Identity, quote refs, topics
    identities: dict[str, Identity] = field(default_factory=dict)
    quotes: list[QuoteRef] = field(default_factory=list)
    speakers: list[Identity] = field(default_factory=list)
    about: list[Identity] = field(default_factory=list)
    mentions: list[Identity] = field(default_factory=list)
    topics: list[Identity] = field(default_factory=list)

    @property
    def headline(self) -> str:
        """The article's title, without markup."""
        return re.sub(r"<[^>]*>", " ", str(getattr(self.article, "title", "") or ""))

    @property
    def body_html(self) -> str:
        """The article's body as the site read it (HTML)."""
        return str(getattr(self.article, "_content", None) or getattr(self.article, "content", None) or "")

    @property
    def plain_text(self) -> str:
        """The article's body without markup, single-spaced."""
        return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]*>", " ", self.body_html)))
