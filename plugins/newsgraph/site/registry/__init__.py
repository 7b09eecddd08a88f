"""Site-wide identities: people and organisations merged across articles.

Per-article entities (``model.Entity``) are grouped into site :class:`Identity` objects:

- every name an article's engine result gives one entity (name + aliases) is one identity, except
  a person's one-word alias (the same surname or first name means different people elsewhere);
- people: titles are stripped ("Attorney General Jeff Sessions" -> "Jeff Sessions", the title
  becoming a role candidate), middle initials ignored, and a bare surname ("Sessions") joins the
  one full name with that surname (the most quoted/mentioned one when several share it);
- in one article, a short name joins the one person named there in full ("Bernie", "Pierce" typed
  an organisation), or the one longer organisation name ending with it; several fit: nobody;
- organisations: an acronym ("NAACP") joins the one full name whose initials it is; of three
  letters ("FBI"), only a name in an article with the acronym; a generic body ("Supreme Court",
  "Parliament") is one identity per country (from its name or its article);
- types checked against the name's shape and the gazetteer (``_retype``), roles dated (newest);
- an alias file (YAML or JSON) merges, renames, ignores and adds ``sameAs`` links; article
  metadata can ignore a speaker or add/drop a topic in one article.

The package in modules, one per seam: ``names`` (a name's keys and shape), ``records`` (the pickled
records), ``merge`` (steps 1-4: names into clusters), ``identities`` (steps 5-6: clusters into
identities, articles linked to them), ``topics``; here the alias file, the :class:`Registry` and
:func:`build`, which runs the steps in order.

Pelican-free: the glue passes a ``slugify`` callable and attaches URLs and ``Tag`` objects.
Everything is linear in the number of names (dict look-ups, one union-find).
"""
from __future__ import annotations

import json
import logging
import os
import re
import reprlib
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ...engine.lexicon import NAME_TITLE_WORDS  # noqa: F401 (re-exported)
from ..files import NotRegular, TooLarge, read_regular
from ..safe import is_http_url, strip_invisible
from . import identities as _identities
from . import merge as _merge
from .names import _strip_title, clean_display, norm, safe_slug  # noqa: F401 (re-exported)
from .records import ArticleRecord, Identity, QuoteRef
from .topics import is_topic_name, site_topics, topics

__all__ = ["AliasEntry", "Aliases", "ArticleRecord", "Identity", "QuoteRef", "Registry", "SPEAKER_TYPES", "build",
           "clean_display", "is_topic_name", "load_aliases", "norm", "safe_slug", "site_topics", "topics"]

logger = logging.getLogger(__name__)


@dataclass
class AliasEntry:
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    same_as: list[str] = field(default_factory=list)
    type: str | None = None
    slug: str | None = None


@dataclass
class Aliases:
    """An editor's alias file: merge/rename (entries), ignore, sameAs, roles."""

    entries: list[AliasEntry] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)


#: Largest alias file read (an editor's file is a few kB).
MAX_ALIAS_BYTES = 5_000_000
#: Values quoted in warnings are cut to about this many characters, nested ones to a few items.
_WARN_REPR = reprlib.Repr()
_WARN_REPR.maxlevel, _WARN_REPR.maxstring, _WARN_REPR.maxother = 3, 80, 80


def _short(text: str, limit: int = 200) -> str:
    """Text for a warning, cut to ``limit`` characters."""
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


def _brief(value: Any) -> str:
    """A bounded ``repr`` for a warning: never the whole of a huge or deeply nested value."""
    return _short(_WARN_REPR.repr(value))


def _load_yaml(text: str) -> Any:
    """``yaml.safe_load`` without anchors and aliases (``&a`` / ``*a``): an alias file has no use
    for them, and a few hundred bytes of nested aliases ("billion laughs") expand to billions of
    values once anything walks the data."""
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                raise yaml.composer.ComposerError(
                    None, None, "YAML aliases (*name) are not supported in an alias file",
                    self.peek_event().start_mark)
            return super().compose_node(parent, index)

    return yaml.load(text, Loader=NoAliasLoader)  # noqa: S506 - a SafeLoader subclass


def load_aliases(path: str | None) -> Aliases:
    """Read a YAML/JSON alias file; on any problem warn (naming the file) and use what is valid.

    Format::

        entities:                      # a list, or a mapping name -> fields
          - name: Jeff Sessions
            aliases: [Jefferson Beauregard Sessions III]   # merged into this identity
            role: Attorney General
            same_as: [https://en.wikipedia.org/wiki/Jeff_Sessions]
            type: Person               # optional
            slug: jeff-sessions        # optional
        rename: {Don McGahn: Donald McGahn}
        ignore: [Camille Fine]
    """
    if not path:
        return Aliases()
    try:
        text = read_regular(path, MAX_ALIAS_BYTES).decode("utf-8")
        if os.path.splitext(path)[1].lower() in (".yml", ".yaml"):
            data = _load_yaml(text)
        else:
            data = json.loads(text)
    except (NotRegular, TooLarge) as exc:
        logger.warning("newsgraph: alias file %s unusable (%s); ignored", path, exc)
        return Aliases()
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        logger.warning("newsgraph: alias file %s unusable (%s); ignored", path, _short(str(exc)))
        return Aliases()
    except Exception as exc:  # yaml.YAMLError and friends
        logger.warning("newsgraph: alias file %s unusable (%s); ignored", path,
                       _short(str(exc).splitlines()[0]) if str(exc) else type(exc).__name__)
        return Aliases()
    if data is None:
        return Aliases()
    if not isinstance(data, dict):
        logger.warning("newsgraph: alias file %s: expected a mapping at the top level; ignored", path)
        return Aliases()

    def warn(msg: str) -> None:
        logger.warning("newsgraph: alias file %s: %s", path, _short(msg, 300))

    def strs(v: Any, what: str) -> list[str]:
        if v is None:
            return []
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            warn(f"{what} must be a string or a list of strings; skipped")
            return []
        return [x.strip() for x in v if x.strip()]

    out = Aliases()
    for key in data:
        if key not in ("entities", "rename", "ignore"):
            warn(f"unknown section {_brief(key)} skipped")
    raw = data.get("entities") or []
    if isinstance(raw, dict):
        raw = [dict(v or {}, name=k) if isinstance(v, dict) or v is None else {"name": k, "_bad": v}
               for k, v in raw.items()]
    if not isinstance(raw, list):
        warn("'entities' must be a list or a mapping; skipped")
        raw = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or "_bad" in item \
                or not strip_invisible(item["name"]).strip():
            warn(f"entity entry {_brief(item)} has no name or is not a mapping; skipped")
            continue
        same_as = []
        for url in strs(item.get("same_as", item.get("sameAs")), f"same_as of {item['name']!r}"):
            if is_http_url(url):
                same_as.append(url)
            else:
                warn(f"same_as {url!r} of {item['name']!r} is not an http(s) URL; skipped")
        etype = item.get("type")
        from ...engine.model import ENTITY_TYPES
        if etype is not None and etype not in ENTITY_TYPES:
            warn(f"type {etype!r} of {item['name']!r} unknown; ignored")
            etype = None
        out.entries.append(AliasEntry(
            name=strip_invisible(item["name"]).strip(), aliases=strs(item.get("aliases"), f"aliases of {item['name']!r}"),
            role=item.get("role") if isinstance(item.get("role"), str) else None, same_as=same_as,
            type=etype, slug=item.get("slug") if isinstance(item.get("slug"), str) else None))
    rename = data.get("rename") or {}
    if not isinstance(rename, dict):
        warn("'rename' must be a mapping old -> new; skipped")
        rename = {}
    for old, new in rename.items():
        if isinstance(old, str) and isinstance(new, str) and new.strip():
            out.entries.append(AliasEntry(name=strip_invisible(new).strip(), aliases=[old.strip()]))
        else:
            warn(f"rename {_brief(old)} -> {_brief(new)} skipped")
    out.ignore = strs(data.get("ignore"), "'ignore'")
    return out


class Registry:
    """All identities of a site. ``speakers``: those with a speaker page, sorted by name."""

    def __init__(self, identities: list[Identity], records: list[ArticleRecord]):
        self.identities = identities
        self.records = records
        self._by_key = {i.key: i for i in identities}
        # every name and alias (normalised) -> the first identity having it: O(1) ``find``
        self._by_name: dict[str, Identity] = {}
        for i in identities:
            for n in (i.name, *i.aliases):
                self._by_name.setdefault(norm(n), i)
        self._by_topic_slug: dict[str, Identity] | None = None
        self.speakers = sorted((i for i in identities if i.is_speaker), key=lambda i: i.sort_key)
        #: label -> reason of the articles whose analysis failed (set by the site layer)
        self.analysis_failures: dict[str, str] = {}

    def get(self, key: str) -> Identity | None:
        return self._by_key.get(key)

    def find(self, name: str) -> Identity | None:
        """An identity by any of its names (the first in ``identities`` order)."""
        return self._by_name.get(norm(name))

    def by_topic_slug(self, slug: str) -> Identity | None:
        """The identity whose topic tag has this slug (indexed on first use, once the site layer
        has given identities their tags; kept on the registry, so it goes when the registry does)."""
        if self._by_topic_slug is None:
            index: dict[str, Identity] = {}
            for ident in self.identities:
                tag = getattr(ident, "tag", None)
                if tag is not None:
                    index.setdefault(str(getattr(tag, "slug", tag)), ident)
            self._by_topic_slug = index
        return self._by_topic_slug.get(slug)

    def __iter__(self):
        return iter(self.identities)

    def __len__(self) -> int:
        return len(self.identities)


#: Entity types that can have a speaker page (laws, works, events… do not speak).
SPEAKER_TYPES = ("Person", "Organization", "Group", "Place")


def build(records: list[ArticleRecord], aliases: Aliases | None = None,
          slugify: Callable[[str], str] | None = None, indirect_on_pages: bool = True,
          speaker_types: Iterable[str] = SPEAKER_TYPES, topic_types: Iterable[str] = (),
          topic_min_mentions: int = 2, topic_salient_only: bool = False,
          slug_taken: Callable[[str], bool] | None = None, min_confidence: float = 0.0,
          topic_min_articles: int = 1, topic_exclude: Iterable[str] = ()) -> Registry:
    """Merge the entities of all ``records`` into site identities, attribute their quotes and
    pick each article's topics (see :func:`topics`; none unless ``topic_types``), keeping only
    those of at least ``topic_min_articles`` articles and not named in ``topic_exclude``
    (bylines, the publisher: see :func:`site_topics`). Quotes whose speaker confidence is below
    ``min_confidence`` are published under no name (the one place that decides it: speaker pages,
    feeds and JSON-LD all read the quotes collected here); with ``min_confidence`` > 0, a speaker
    page also needs one quote of at least ``identities.PAGE_MIN_CONFIDENCE``.

    ``slug_taken(slug)``: True for a slug the site already uses otherwise (e.g. whose page would be
    the plugin's own ``by-count`` index); such a slug gets a suffix like any other collision.

    The steps: names into clusters (``merge``: 1 every article's names, 2 the alias file, 2b one
    name typed both ways, 3 people, 3a glued names, 3b one-word things, 4 acronyms), clusters
    into identities (``identities``: 5 type, name, role; slugs; 6 each article's links; pages)."""
    speaker_types = set(speaker_types)
    aliases = aliases or Aliases()
    slugify = slugify or (lambda s: re.sub(r"[^a-z0-9]+", "-", norm(s)).strip("-"))
    names = _merge.NameGraph()
    _merge.add_article_names(names, records)
    _merge.add_alias_entries(names, aliases.entries)
    _merge.join_person_and_thing_typings(names)
    _merge.join_people(names)
    _merge.join_glued_names(names)
    _merge.join_one_word_things(names)
    _merge.join_acronyms(names)
    clusters = _identities.make_identities(names, aliases.ignore)
    identities = _identities.assign_slugs(clusters, slugify, slug_taken)
    for ri, rec in enumerate(records):
        _identities.link_article(ri, rec, names, clusters, min_confidence, indirect_on_pages)
        rec.topics = topics(rec, topic_types, topic_min_mentions, topic_salient_only) if topic_types else []
    if topic_types:
        site_topics(records, topic_min_articles, topic_exclude)
    # a page needs one surer quote than publishing does, when the site publishes by confidence
    page_confidence = max(min_confidence, _identities.PAGE_MIN_CONFIDENCE) if min_confidence > 0 else 0.0
    _identities.decide_pages(identities, clusters, speaker_types, page_confidence)
    return Registry(sorted(identities.values(), key=lambda i: i.sort_key), records)
