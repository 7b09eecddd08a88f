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

Pelican-free: the glue passes a ``slugify`` callable and attaches URLs and ``Tag`` objects.
Everything is linear in the number of names (dict look-ups, one union-find).
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import reprlib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from markupsafe import Markup, escape

from ..engine.lexicon import (
    COURTESY,
    GENERIC_HEADS,
    GENERIC_ORG_WORDS,
    GLUED_JOB_WORDS,
    NAME_TITLE_WORDS,
    ORG_HEAD_WORDS,
    ORG_NAME_WORDS,
    ORG_WORDS,
    first_name_gender,
)
from ..engine.model import ArticleResult, Quote, compact_pickle
from .eligibility import capital_of, country_of, is_honorific, is_known_place, why_not_speaker
from .files import NotRegular, TooLarge, read_regular
from .safe import is_http_url, strip_invisible

logger = logging.getLogger(__name__)

#: Words skipped when forming an organisation's initials.
MINOR_WORDS = frozenset("of the and for on in at to a an & de".split())
INITIAL = re.compile(r"^[A-Za-z]\.?$")


_POSSESSIVE = re.compile(r"['’]s\b")
_NON_WORD = re.compile(r"[^\w&]+")
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_TRAILING_POSSESSIVE = re.compile(r"['’]s$")
#: the transliterated Arabic article inside a person's name ("al-Sisi", "el-Sisi", "Al-Assad")
_ARABIC_ARTICLE = re.compile(r"(?<=\s)[ae]l-(?=\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=1 << 16)
def norm(name: str) -> str:
    """Comparison key of a name: case-, accent-, punctuation- and article-insensitive, and blind
    to invisible characters (a zero-width space or bidi override makes no look-alike twin)."""
    s = unicodedata.normalize("NFKD", strip_invisible(name))
    if not s.isascii():
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = _POSSESSIVE.sub("", s.casefold()).replace(".", "")
    s = _NON_WORD.sub(" ", s).strip()
    return s[4:] if s.startswith("the ") else s


#: Lowercase words that belong to a name ("de Blasio", "van Gogh", "bin Salman", "al-Assad").
_PARTICLES = frozenset("de del della di da das dos du la le van von der den ter bin ibn al el abu".split())


@functools.lru_cache(maxsize=1 << 16)
def clean_display(name: str) -> str:
    """A name as shown: no invisible characters, single spaces, no leading "the", no trailing
    possessive, no lowercase description before it ("news agency Fars" -> "Fars")."""
    name = _LEADING_THE.sub("", _SPACES.sub(" ", strip_invisible(name)).strip())
    words = name.split(" ")
    i = 0
    while i < len(words) - 1 and words[i].isalpha() and words[i].islower() and words[i] not in _PARTICLES:
        i += 1
    if i and any(c.isupper() for c in words[i][:1]):
        name = " ".join(words[i:])
    return _TRAILING_POSSESSIVE.sub("", name).strip()


# --------------------------------------------------------------------------- data


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
        from ..engine.model import ENTITY_TYPES
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


# --------------------------------------------------------------------------- building


class _UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def add(self, x: str) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: str) -> str:
        self.add(x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _strip_title(words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name words) of a person's name; at least two name words are kept."""
    i = 0
    while i < len(words) - 2 and words[i].lower().replace(".", "") in NAME_TITLE_WORDS:
        i += 1
    # "Mr. Sessions": a courtesy title before a bare surname
    if len(words) == 2 and words[0].lower().replace(".", "") in COURTESY:
        i = 1
    return words[:i], words[i:]


#: A capitalised occupation ending in "-ist" ("Immunologist", "Economist"; not "Christ").
_JOB_SHAPE = re.compile(r"^[A-Z][a-z]{3,}ist$")


def _glued(word: str) -> str | None:
    """What a word glued before a person's name is: "job" ("Immunologist Kristian Andersen"),
    "country" ("India Narendra Modi"), or None (part of the name)."""
    w = word.strip(".,")
    if w.lower() in GLUED_JOB_WORDS or _JOB_SHAPE.match(w):
        return "job"
    if country_of(w):
        return "country"
    return None


def _person_variants(name: str) -> tuple[str, list[str], str | None]:
    """(core name, other keys to merge with, role from a title prefix).

    An occupation glued before a name of at least two more words is split off into the role
    ("Immunologist Kristian Andersen"); a country so glued ("India Narendra Modi") only yields a
    key to merge with, since countries are first names too ("India Arie", "Chad Smith")."""
    words = clean_display(name).split()
    title, core = _strip_title(words)
    keys = []
    if len(core) >= 3 and _glued(core[0]) == "job":
        title, core = [*title, core[0]], core[1:]
    elif len(core) >= 3 and _glued(core[0]) == "country":
        keys.append(norm(" ".join(core[1:])))
    role = " ".join(title) if title and len(core) >= 2 else None
    if len(core) > 2 and all(INITIAL.match(w) for w in core[1:-1]):
        keys.append(norm(f"{core[0]} {core[-1]}"))        # drop middle initials
    return " ".join(core), keys, role


def _org_words(words: list[str]) -> bool:
    """Whether any word is one of organisation names ("News", "Council", "Institute")."""
    return any(w.lower().strip(".,'’") in _ORG_VOCAB for w in words)


_ORG_VOCAB = ORG_HEAD_WORDS | ORG_NAME_WORDS | GENERIC_HEADS | (ORG_WORDS - {"spokesman", "spokeswoman",
                                                                           "spokesperson", "representative",
                                                                           "official", "officials"})
#: Last words of a generic body's name ("Supreme Court", "Liberal Party", "Parliament").
_GENERIC_LAST = GENERIC_HEADS | frozenset("""congress house commons lords cabinet courts forces guard
democrats republicans conservatives greens socialists ministry""".split())


def _generic(words: list[str]) -> bool:
    """A name made only of generic words and ending in a body's head word ("Supreme Court")."""
    low = [w.lower().strip(".,'’") for w in words]
    return bool(low) and low[-1] in _GENERIC_LAST and all(w in GENERIC_ORG_WORDS or w in GENERIC_HEADS for w in low)


def _country_split(name: str) -> tuple[str | None, list[str]]:
    """(country, the rest) of "U.S. Supreme Court", "United States Supreme Court", "Parliament of
    Iraq"; (None, words) when the name names no country first or last."""
    words = clean_display(name).split()
    for n in (3, 2, 1):         # (countries only: "Wisconsin Supreme Court" is no U.S. Supreme Court)
        if len(words) > n:
            c = country_of(" ".join(words[:n]), states=False)
            if c:
                return c, words[n:]
            if len(words) > n + 1 and words[-n - 1].lower() == "of":
                c = country_of(" ".join(words[-n:]), states=False)
                if c:
                    return c, words[:-n - 1]
    return None, words


def _org_key(name: str, country: str | None) -> str:
    """Comparison key of an organisation's name: a generic body's name is one per country ("U.S.
    Supreme Court", "United States Supreme Court" and, in an article about the US, "Supreme
    Court" share "supreme court@united states"); any other name is its :func:`norm`."""
    c, rest = _country_split(name)
    if c and _generic(rest):
        return f"{norm(' '.join(rest))}@{norm(c)}"
    if country and _generic(clean_display(name).split()):
        return f"{norm(name)}@{norm(country)}"
    return norm(name)


def _article_country(entities) -> str | None:
    """The country an article is about: the country named at least twice as often as any other
    (a country, a US state, a capital, a body's name carrying one: "U.S. Supreme Court"); None
    when no country dominates (a US article about Ukraine names both)."""
    count: Counter = Counter()
    for e in entities:
        c = country_of(e.name) or (capital_of(e.name) if e.type == "Place" else None) \
            or (_country_split(e.name)[0] if e.type != "Person" else None)
        if c:
            count[c] += max(1, e.mentions)
    top = count.most_common(2)
    if not top or len(top) == 2 and top[0][1] < 2 * top[1][1]:
        return None
    return top[0][0]


def _local_people(entities) -> tuple[dict[str, str], set[str], set[str]]:
    """Short mentions that are the person an article names in full: ``{entity id: full entity id}``,
    the set of words (normalised) that fit several people of the article, and the ids of the
    mentions NER typed as things that fit several people ("Mendez" beside Tony and Jonna
    Mendez): such a mention is nobody's for sure.

    A one-word person ("Bernie", "Sanders", "Mr. Sanders") joins the one person of the article
    whose first name or surname (a later word) it is; a name NER typed otherwise, of one or two
    words, joins the one person whose surname it is ("Pierce", "La Riva"), unless it is an
    acronym, an organisation's word, or typed a place and known to the gazetteer ("Washington"
    beside George Washington). Several such people ("Jackson" beside Amy Berman Jackson and
    Andrew Jackson): it joins none of them."""
    full: dict[str, tuple[str, list[str]]] = {}
    for e in entities:
        if e.type == "Person" or (_retype(e.name, e.type, False) or ("",))[0] == "Person":
            core = _person_variants(e.name)[0].split()
            while len(core) > 1 and core[0].lower().replace(".", "") in NAME_TITLE_WORDS:    # "Judge Quell"
                core = core[1:]
            if len(core) >= 2:
                full.setdefault(norm(" ".join(core)), (e.id, [norm(w) for w in core]))
    out: dict[str, str] = {}
    ambiguous: set[str] = set()
    unsure: set[str] = set()
    if not full:
        return out, ambiguous, unsure
    for e in entities:
        words = clean_display(e.name).split()
        while len(words) > 1 and words[0].lower().replace(".", "") in NAME_TITLE_WORDS:    # "Judge Jackson"
            words = words[1:]
        if e.type == "Person":
            if len(words) != 1:
                continue
        elif e.type == "Group" or not 1 <= len(words) <= 2 or _is_acronym(e.name) or _org_words(words) \
                or e.type == "Place" and is_known_place(e.name) or not all(w[:1].isupper() for w in words if w.lower() not in ("de", "la", "van", "von", "da", "del", "le")):
            continue
        kw = [norm(w) for w in words]
        if not all(kw):
            continue
        # a surname is a later word of the full name ("Vázquez" of Wanda Vázquez Garced)
        cands = {key for key, (_, core) in full.items()
                 if len(core) > len(kw) and any(core[i:i + len(kw)] == kw for i in range(1, len(core) - len(kw) + 1))
                 or e.type == "Person" and core[0] == kw[0]}
        cands.discard(norm(" ".join(words)))
        if len(cands) == 1:
            target = full[cands.pop()][0]
            if target != e.id:
                out[e.id] = target
        elif cands:
            ambiguous.add(" ".join(kw))
            if e.type != "Person":
                unsure.add(e.id)
    return out, ambiguous, unsure


def _local_orgs(entities, taken: dict[str, str]) -> tuple[dict[str, str], set[str]]:
    """Short organisation names that are the end of a longer one in the same article: ``{entity
    id: longer entity id}`` when one longer name fits ("Senate" beside "U.S. Senate"), and the ids
    of those several fit ("Post" beside the Washington Post and the New York Post): such a
    mention is nobody's for sure. A generic body's name is left to the country rule."""
    longer = []
    for e in entities:
        if e.type not in ("Person", "Group") and e.id not in taken and not _is_acronym(e.name):
            longer.append((e.id, [norm(w) for w in clean_display(e.name).split()]))
    out: dict[str, str] = {}
    unsure: set[str] = set()
    for e in entities:
        if e.type in ("Person", "Group") or e.id in taken or _is_acronym(e.name) or is_known_place(e.name):
            continue
        kw = [norm(w) for w in clean_display(e.name).split()]
        if not 1 <= len(kw) <= 2 or not all(kw) or len(kw) == 1 and _generic(kw):
            continue
        cands = {" ".join(words): i for i, words in longer
                 if i != e.id and len(words) > len(kw) and words[-len(kw):] == kw}
        if len(cands) == 1:
            out[e.id] = cands.popitem()[1]
        elif cands:
            unsure.add(e.id)
    return out, unsure


def _retype(name: str, etype: str, has_role: bool) -> tuple[str, str] | None:
    """A type the name's shape shows better than NER's label, with why; None to keep ``etype``.

    - a one-word "person" the gazetteer knows as a place and that is no first name: a place;
    - a one-word "person" in camel case ("CalFire", "UpGuard"): an organisation;
    - a "person" with no known first name whose name holds an organisation's word ("Sputnik
      News", "Emergency Management Presidency") or an acronym ("CNN Philippines"): an organisation;
    - a "group" that is a known first name: a person; with an organisation's word or acronym
      ("Belarusian KGB"): an organisation;
    - an "organisation" named as a country: a place (its government speaking: "Armenia said");
    - an "organisation" of two or three capitalised words, a known first name first, no
      organisation word, acronym or country in it ("Nikki Holland"): a person.
    """
    words = name.split()
    if not words:
        return None
    first_known = first_name_gender(words[0]) is not None
    if etype == "Person" and not has_role:
        if len(words) == 1 and not first_known and is_known_place(name):
            return "Place", "typed Person, but the gazetteer knows a place of this name and it is no first name"
        if len(words) == 1 and re.match(r"^[A-Z][a-z]+[A-Z][A-Za-z]*$", name):
            return "Organization", "typed Person, but a camel-case name is a company's or agency's"
        if len(words) >= 2 and not first_known and (
                words[-1].lower() in _ORG_VOCAB or any(len(w) >= 3 and w.isalpha() and w.isupper() for w in words)):
            return "Organization", "typed Person, but no first name and an organisation's word or acronym in the name"
    if etype == "Group" and len(words) == 1 and first_known:
        return "Person", "typed Group, but a known first name"
    if etype == "Group" and (_org_words(words) or any(len(w) >= 2 and w.isalpha() and w.isupper() for w in words)):
        return "Organization", "typed Group, but an organisation's word or acronym in the name"
    if etype == "Organization" and country_of(name, states=False):
        return "Place", "typed Organization, but the name is a country's (its government speaking)"
    if etype == "Organization" and 2 <= len(words) <= 3 and first_known and words[0].lower() not in ("al", "el") \
            and all(w[:1].isupper() and w.replace("-", "").isalpha() and not w.isupper() for w in words) \
            and not _org_words(words) and not any(country_of(w) for w in words) and not is_known_place(name):
        return "Person", "typed Organization, but a known first name then a surname, and no organisation's word"
    return None


def _spelling_key(core: str) -> str | None:
    """A key shared by transliterations of one name: "al-Sisi" and "el-Sisi" -> "sisi"."""
    if " " in core and _ARABIC_ARTICLE.search(core):
        return "p~" + norm(_ARABIC_ARTICLE.sub("", core))
    return None


def _initials(name: str) -> set[str]:
    """Acronyms a name may have: its initials, without minor words, and without a last "and ..."
    part ("Centers for Disease Control and Prevention" is the CDC)."""
    words = re.findall(r"[A-Za-z][\w']*", name)
    if len(words) < 2 or any(len(w) > 1 and w.isupper() for w in words):    # ("CC BY-SA" is no "CBS")
        return set()
    out = {"".join(w[0] for w in words).upper(),
           "".join(w[0] for w in words if w.lower() not in MINOR_WORDS).upper()}
    low = [w.lower() for w in words]
    if "and" in low[2:]:
        head = words[:len(low) - 1 - low[::-1].index("and")]
        out.add("".join(w[0] for w in head if w.lower() not in MINOR_WORDS).upper())
    return out


def _is_acronym(name: str) -> bool:
    s = name.replace(".", "")
    return 2 <= len(s) <= 8 and s.isalpha() and s.isupper()


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
    feeds and JSON-LD all read the quotes collected here).

    ``slug_taken(slug)``: True for a slug the site already uses otherwise (e.g. whose page would be
    the plugin's own ``by-count`` index); such a slug gets a suffix like any other collision."""
    speaker_types = set(speaker_types)
    aliases = aliases or Aliases()
    slugify = slugify or (lambda s: re.sub(r"[^a-z0-9]+", "-", norm(s)).strip("-"))
    uf = _UnionFind()
    forms: dict[str, Counter] = defaultdict(Counter)      # key -> display forms (weighted by mentions)
    types: dict[str, Counter] = defaultdict(Counter)
    roles: dict[str, Counter] = defaultdict(Counter)
    title_roles: dict[str, Counter] = defaultdict(Counter)
    person_keys: set[str] = set()
    weight: Counter = Counter()

    def node(name: str, etype: str, country: str | None = None) -> str:
        return "p:" + norm(name) if etype == "Person" else "t:" + _org_key(name, country)

    role_when: dict[str, dict[str, float]] = defaultdict(dict)   # key -> role -> newest date seen

    def saw_role(k: str, role: str, date: float) -> None:
        role_when[k][role] = max(date, role_when[k].get(role, float("-inf")))

    # 1. every name of every article entity, unioned within the entity; but not a person's one-word
    #    alias: "Sessions" is Jeff Sessions in one article and Pete Sessions in another (step 3
    #    places an article's bare surname)
    #    A short mention the article itself names in full joins that person there and only
    #    there (``_local_people``); a generic body's name is keyed by the article's country.
    ent_node: dict[tuple[int, str], str] = {}
    arts_of: dict[str, set[int]] = defaultdict(set)       # name key -> indices of its articles
    ambiguous: set[str] = set()                           # person keys that fit several people somewhere
    for ri, rec in enumerate(records):
        local, amb, unsure = _local_people(rec.result.entities)
        ambiguous.update("p:" + w for w in amb)
        org_local, org_unsure = _local_orgs(rec.result.entities, {**local, **dict.fromkeys(unsure, "")})
        local.update(org_local)
        unsure |= org_unsure
        country = _article_country(rec.result.entities)
        when = _date_key(getattr(rec.article, "date", None))
        for e in rec.result.entities:
            if e.id in local or e.id in unsure:
                continue
            names = [n for n in [e.name, *e.aliases] if norm(n)
                     and not (e.type == "Person" and n != e.name and " " not in norm(n))]
            if not names:
                continue
            first = None
            for n in names:
                k = node(n, e.type, country)
                uf.add(k)
                arts_of[k].add(ri)
                w = max(1, e.mentions) if n == e.name else 1
                forms[k][clean_display(n)] += w
                types[k][e.type] += w
                weight[k] += w
                if e.type == "Person":
                    person_keys.add(k)
                if first is None:
                    first = k
                else:
                    uf.union(first, k)
            if e.role:
                roles[first][e.role.strip()] += 1
                saw_role(first, e.role.strip(), when)
            if e.type == "Person":
                title_role = _person_variants(e.name)[2]
                if title_role:
                    saw_role(first, title_role, when)
            ent_node[(ri, e.id)] = first
        for e in rec.result.entities:
            target = ent_node.get((ri, local.get(e.id, "")))
            if target:
                ent_node[(ri, e.id)] = target
                forms[target][clean_display(e.name)] += 1
                weight[target] += max(1, e.mentions)

    # 2. alias file entries (merge / rename), within the kind of thing already carrying the names
    entry_of: dict[str, AliasEntry] = {}
    for entry in aliases.entries:
        names = [entry.name, *entry.aliases]
        if entry.type:
            kinds = [entry.type]
        else:
            kinds = [kd for kd in ("Person", "Other") if any(node(n, kd) in forms for n in names)]
        for kd in kinds:
            main = node(entry.name, kd)
            uf.add(main)
            forms[main][entry.name] += 0
            if kd == "Person":
                person_keys.add(main)
            entry_of.setdefault(main, entry)
            for a in entry.aliases:
                if norm(a):
                    uf.union(main, node(a, kd))
            if entry.type:      # the editor says what it is: its names NER typed otherwise join it
                for n in names:
                    other = node(n, "Other" if kd == "Person" else "Person")
                    if norm(n) and other in forms:
                        uf.union(main, other)

    # 2b. one multi-word name typed as a person in one article and as a thing in another (NER
    #     disagreement) is one identity; its type is decided by the weighted majority below
    for k in list(forms):
        if k.startswith("t:") and " " in k[2:] and "p:" + k[2:] in forms:
            uf.union(k, "p:" + k[2:])

    # 3. people: titles, middle initials, bare surnames
    for k in list(person_keys):
        display = forms[k].most_common(1)[0][0]
        core, extra, role = _person_variants(display)
        ck = node(core, "Person")
        if ck != k:
            uf.union(k, ck)
            forms[ck][core] += 0
            person_keys.add(ck)
        if role:
            title_roles[ck][role] += 1
        for x in extra:
            if "p:" + x in forms:
                uf.union(ck, "p:" + x)
        spelling = _spelling_key(core)
        if spelling:
            uf.add(spelling)
            uf.union(ck, spelling)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for k in person_keys:
        words = k[2:].split()
        if len(words) >= 2:
            by_surname[words[-1]].add(uf.find(k))
    cluster_weight = _cluster_weights(uf, weight)
    for k in list(person_keys):
        words = k[2:].split()
        if len(words) == 1 and words[0] in by_surname and k not in ambiguous:
            root = uf.find(k)
            cands = {uf.find(c) for c in by_surname[words[0]]}
            if root in cands:
                continue
            best = max(sorted(cands), key=lambda c: cluster_weight[c])
            uf.union(k, best)

    # 3a. a person's name NER typed as a thing, with a country or occupation glued before it
    #     ("India Narendra Modi"): the person of that name, when there is one
    for k in list(forms):
        words = k[2:].split()
        if k.startswith("t:") and len(words) >= 3 and "@" not in k and _glued(words[0]) \
                and "p:" + " ".join(words[1:]) in forms:
            uf.union(k, "p:" + " ".join(words[1:]))
            types[k] = Counter({"Person": sum(types[k].values())})     # NER's vote was for the glued name
    #     an organisation's name with its country first ("United States Commission on Presidential
    #     Debates") is the body of that name without it, when the site has one (of 2+ words)
    for k in list(forms):
        if k.startswith("t:") and "@" not in k:
            country, rest = _country_split(k[2:])
            if country and len(rest) >= 2 and "t:" + " ".join(rest) in forms:
                uf.union(k, "t:" + " ".join(rest))

    # 3b. a one-word name NER typed as a person in some articles and as a thing in others, that is
    #     nobody's surname and has no title or fuller name ("Twitter"), is the thing when the thing
    #     is named more often (not when one article names both: it told them apart)
    weight_of = _cluster_weights(uf, weight)
    fuller: set[str] = set()
    for k in forms:
        if k.startswith("p:") and " " in k[2:]:
            fuller.add(uf.find(k))
    for k in list(person_keys):
        word, thing = k[2:], "t:" + k[2:]
        if " " in word or word in by_surname or thing not in forms:
            continue
        pk, tk = uf.find(k), uf.find(thing)
        if pk != tk and pk not in fuller and not roles.get(k) and not title_roles.get(k) \
                and not arts_of[k] & arts_of[thing] and weight_of[tk] > weight_of[pk]:
            uf.union(k, thing)
            # its person votes go to the thing's type (the majority below must not split them)
            types[k] = Counter({types[thing].most_common(1)[0][0]: sum(types[k].values())})

    # 4. organisations: acronyms
    initials: dict[str, set[str]] = defaultdict(set)
    for k in forms:
        if k.startswith("t:"):
            for f in forms[k]:
                for ini in _initials(f):
                    initials[ini].add(uf.find(k))
    cluster_arts: dict[str, set[int]] = defaultdict(set)
    for k, arts in arts_of.items():
        cluster_arts[uf.find(k)] |= arts
    for k in list(forms):
        if not k.startswith("t:"):
            continue
        acronym = next((f for f in forms[k] if _is_acronym(f)), None)
        letters = len(acronym.replace(".", "")) if acronym else 0
        # two letters are too ambiguous to join a name on initials alone ("WN" is not "Women in
        # Nevada"); an article that spells both out merged them already, and "UN", "EU" are known.
        # Three letters name too many things to join a name met only in other articles ("CIA" is
        # not "Calicut International Airport"): the name must be in an article with the acronym.
        if letters >= 3:
            cands = {uf.find(c) for c in initials.get(acronym.replace(".", "").upper(), ())} - {uf.find(k)}
            if letters == 3:
                cands = {c for c in cands if cluster_arts[c] & cluster_arts[uf.find(k)]}
            if len(cands) == 1:
                uf.union(k, cands.pop())

    # 5. clusters -> identities
    members: dict[str, list[str]] = defaultdict(list)
    for k in forms:
        members[uf.find(k)].append(k)
    ignored = {norm(n) for n in aliases.ignore}
    identities: dict[str, Identity] = {}
    root_identity: dict[str, Identity | None] = {}
    slug_hint: dict[int, str] = {}
    country_of_ident: dict[int, str] = {}     # identity of a generic body -> its country (normalised)
    editor_typed: set[int] = set()
    editor_named: set[int] = set()        # identities an alias-file entry names (its name is trusted)       # identities whose type the alias file gives (trusted as is)
    for root in sorted(members):
        ks = members[root]
        entry = next((entry_of[k] for k in sorted(ks) if k in entry_of), None)
        tcount = _merged(types.get(k) for k in ks)
        if entry and entry.type:
            etype = entry.type
        elif tcount:
            etype = tcount.most_common(1)[0][0]
        else:
            etype = "Person" if root.startswith("p:") else "Other"
        all_forms = _merged(forms.get(k) for k in ks)
        if entry:
            name = entry.name
        else:
            name = _canonical(all_forms, etype)
        if not name:
            root_identity[root] = None
            continue
        if any(k[2:] in ignored for k in ks) or norm(name) in ignored:
            root_identity[root] = None
            continue
        role = (entry.role if entry and entry.role else None)
        if not role:
            rc = _merged([_merged(roles.get(k) for k in ks), _merged(title_roles.get(k) for k in ks)])
            rc = Counter({r: c for r, c in rc.items() if not is_honorific(r)})   # "Dr" is no job
            # the role of the newest article that gives one (a role is dated), then the commonest
            newest: dict[str, float] = {}
            for k in ks:
                for r, d in role_when.get(k, {}).items():
                    newest[r] = max(d, newest.get(r, float("-inf")))
            role = max(sorted(rc), key=lambda r: (newest.get(r, float("-inf")), rc[r])) if rc else None
        retyped = None
        if not (entry and entry.type):
            change = _retype(name, etype, bool(role))
            thing = "t:" + norm(name)
            if change and change[0] == "Place" and thing in forms and uf.find(thing) != root and \
                    any(arts_of[thing] & arts_of[k] for k in ks):
                change = None       # one article names the person and the place apart: NER told them apart
            if change:
                etype, retyped = change
                name = _canonical(all_forms, etype) or name
        ident = Identity(key="", name=name, type=etype,
                         aliases=sorted({f for f in all_forms if f and f != name}, key=lambda f: (f.lower(), f)),
                         role=role, same_as=list(entry.same_as) if entry else [],
                         mentions=sum(weight[k] for k in ks))
        if entry and entry.slug:
            slug_hint[id(ident)] = entry.slug
        if entry and entry.type:
            editor_typed.add(id(ident))
        if entry:
            editor_named.add(id(ident))
        ident.retyped = retyped
        countries = {k.rsplit("@", 1)[1] for k in ks if "@" in k}
        if len(countries) == 1 and not entry:
            country_of_ident[id(ident)] = countries.pop()
        root_identity[root] = ident
    _name_namesakes(root_identity, country_of_ident)

    # slugs: unique and safe; the most mentioned of same-named identities gets the plain slug
    used: set[str] = set()
    for ident in sorted((i for i in root_identity.values() if i), key=lambda i: (-i.mentions, norm(i.name), i.type)):
        hint = slug_hint.get(id(ident))         # an alias file's slug: slugified like a name
        base = safe_slug((slugify(hint) if hint else "") or slugify(ident.name), ident.name)
        slug, n = base, 2
        while slug in used or slug_taken is not None and slug_taken(slug):
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        ident.slug = slug
        ident.key = f"{ident.type.lower()}/{slug}"
        identities[ident.key] = ident

    # 6. articles: entity -> identity, quote refs, speakers, about/mentions, topics
    for ri, rec in enumerate(records):
        ignore_here = {norm(n) for n in rec.ignore_speakers}
        for e in rec.result.entities:
            k = ent_node.get((ri, e.id))
            ident = root_identity.get(uf.find(k)) if k else None
            if ident is not None:
                rec.identities[e.id] = ident
        seen_art: set[str] = set()
        for e in rec.result.entities:
            ident = rec.identities.get(e.id)
            if ident is not None and ident.key not in seen_art:
                seen_art.add(ident.key)
                ident.articles.append(rec.article)
        skip = set()
        for e in rec.result.entities:
            ident = rec.identities.get(e.id)
            if ident and ignore_here and ({norm(n) for n in [e.name, *e.aliases, ident.name, *ident.aliases]}
                                          & ignore_here or _surname_hit(ident, ignore_here)):
                skip.add(ident.key)
        for n, q in enumerate((p for quote in rec.result.quotes for p in quote.quotations()), 1):
            ident = rec.identities.get(q.speaker) if q.speaker else None
            if ident is None or ident.key in skip or q.confidence < min_confidence:
                continue
            ref = QuoteRef(article=rec.article, quote=q, speaker=ident, n=n)
            ref.html, ref.kind  # noqa: B018 — computed once here, so a cached registry carries them
            rec.quotes.append(ref)
            if indirect_on_pages or q.kind != "indirect":
                ident.quotes.append(ref)
        order: dict[str, Identity] = {}
        for ref in rec.quotes:
            order.setdefault(ref.speaker.key, ref.speaker)
        rec.speakers = list(order.values())
        about: dict[str, Identity] = {}
        mentions: dict[str, Identity] = {}
        for e in rec.result.entities:
            ident = rec.identities.get(e.id)
            if ident is None or ident.key in skip:
                continue
            (about if e.salient else mentions).setdefault(ident.key, ident)
        rec.about = list(about.values())
        rec.mentions = [i for k, i in mentions.items() if k not in about]
        rec.topics = topics(rec, topic_types, topic_min_mentions, topic_salient_only) if topic_types else []

    if topic_types:
        site_topics(records, topic_min_articles, topic_exclude)
    # a one-word person that is the first or last name of another person of the site, not joined
    # to them (several fit, or none in its article): which person said it is unknown
    name_words: dict[str, str] = {}
    for ident in identities.values():
        words = ident.name.split()
        if ident.type == "Person" and len(words) >= 2:
            for w in (words[0], words[-1]):
                name_words.setdefault(norm(w), ident.name)
    for ident in identities.values():
        ident.quotes.sort(key=lambda r: (_date_key(r.date), -r.n), reverse=True)
        if ident.type == "Person" and len(ident.name.split()) == 1 and id(ident) not in editor_named:
            if norm(ident.name) in name_words:
                ident.no_page = f"one word, also a name of {name_words[norm(ident.name)]}: which person is unclear"
            elif first_name_gender(ident.name) is None and not ident.role:
                # a first name alone is how interviewees are often named ("Jaya, 34, said"), a
                # surname with a title how officials are ("President Trump"); any other single
                # word is a surname whose full name was not found, or an organisation NER took
                # for a person ("Rappler")
                ident.no_page = "one word that is no known first name, no role, and no full name found"
        ident.is_speaker = bool(ident.quotes) and not ident.no_page and (
            ident.type in speaker_types if id(ident) in editor_typed
            else why_not_speaker(ident.name, ident.type, speaker_types) is None)
    return Registry(sorted(identities.values(), key=lambda i: i.sort_key), records)


def _name_namesakes(root_identity: dict, country_of_ident: dict[int, str]) -> None:
    """A generic body's name ("Parliament", "Supreme Court") says whose it is: a form naming the
    country when one was seen ("Parliament of the United Kingdom"), else, when another identity
    has the same name, the country in brackets ("Parliament (Canada)")."""
    by_name: dict[str, list] = defaultdict(list)
    for ident in root_identity.values():
        if ident is not None:
            by_name[norm(ident.name)].append(ident)
    for same in by_name.values():
        for ident in same:
            country = country_of_ident.get(id(ident))
            if not country or not _generic(clean_display(ident.name).split()):
                continue
            old = ident.name
            named = sorted((a for a in ident.aliases if norm(_country_split(a)[0] or "") == country
                            and _generic(_country_split(a)[1])), key=lambda a: (-len(a), a))
            if named:
                ident.name = named[0]
            elif len(same) > 1:
                ident.name = f"{old} ({country.title()})"
            else:
                continue
            ident.aliases = sorted({*ident.aliases, old} - {ident.name}, key=lambda f: (f.lower(), f))


def _cluster_weights(uf: _UnionFind, weight: Counter) -> Counter:
    """Each cluster's weight (by its root): the sum of its names' weights."""
    out: Counter = Counter()
    for k, w in weight.items():
        out[uf.find(k)] += w
    return out


def _merged(counters: Iterable[Counter | None]) -> Counter:
    """The sum of some counters (the counter itself when there is only one; callers don't mutate)."""
    found = [c for c in counters if c]
    if len(found) == 1:
        return found[0]
    out: Counter = Counter()
    for c in found:
        out.update(c)
    return out


def _surname_hit(ident: Identity, names: set[str]) -> bool:
    return ident.type == "Person" and len(ident.name.split()) > 1 and norm(ident.name.split()[-1]) in names


def _date_key(d) -> float:
    try:
        return d.timestamp()
    except (AttributeError, ValueError, OverflowError, OSError):
        return float("-inf")


def _canonical(forms: Counter, etype: str) -> str:
    """The display name of a cluster: the most used full form (not a bare surname/acronym/title)."""
    cands = [(f, c) for f, c in forms.items() if f]
    if not cands:
        return ""
    if etype == "Person":
        full = [(f, c) for f, c in cands if len(f.split()) >= 2 and not _strip_title(f.split())[0]
                and not (len(f.split()) >= 3 and _glued(f.split()[0]))]
        if full:
            cands = full
    else:
        full = [(f, c) for f, c in cands if not _is_acronym(f)]
        # a name whose initials end an acronym of the same identity is a piece of the spelled-out
        # name ("Cultural Organization" of UNESCO): the acronym is the better name
        acronyms = [(f, c) for f, c in cands if _is_acronym(f)]
        whole = [(f, c) for f, c in full if not any(
            len(a.replace(".", "")) > len(i) and a.replace(".", "").endswith(i)
            for a, _ in acronyms for i in _initials(f) if len(i) >= 2)]
        if whole:
            cands = whole
        elif full and acronyms:
            cands = acronyms
    return max(cands, key=lambda fc: (fc[1], len(fc[0]), fc[0]))[0]


def safe_slug(slug: str, name: str = "") -> str:
    """A slug that is one path segment: no separators, no dot-only names, never empty."""
    s = re.sub(r"[/\\\x00-\x1f]+", "-", slug or "")
    s = re.sub(r"\.{2,}", ".", s).strip(".- ")
    if not s:
        s = "x-" + hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return s[:80]


# --------------------------------------------------------------------------- topics

_MONTHS = "january february march april may june july august september october november december"
_JUNK = re.compile(
    r"^(?:[\d\W_]+|\d+(?:st|nd|rd|th|s)|(?:%s|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"today|yesterday|tomorrow)(?:\s+\d.*)?|.*\b\d{4}\b.*|.*\d+\s*%%.*)$" % _MONTHS.replace(" ", "|"), re.I)


#: Time zones named in datelines and schedules ("10 a.m. EST", "Pacific Time") are never topics.
_TIME_ZONE = re.compile(
    r"^(?:(?:[A-Z]{1,4}[SD]T|GMT|UTC|Zulu)|(?:(?:Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii|"
    r"Greenwich(?: Mean)?|British(?: Summer)?|Central European|Eastern European|Western European|Indian|"
    r"Japan|China|Moscow|Coordinated Universal)(?: Standard| Daylight| Summer)? Time))$", re.I)
#: Adjective endings of nationality, religion and party words ("Chinese", "Israeli", "Democratic",
#: "Islamic", "British", "Syrian"): a one-word name of this shape that is not a person or a place
#: is an adjective NER took for a name, not something a reader browses.
_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?:ese|ish|ic|ical|ian|ean|ican)$")


def is_topic_name(name: str, etype: str | None = None) -> bool:
    """False for dates, numbers, time zones, adjectives and junk that must never become a tag."""
    name = name.strip()
    if _TIME_ZONE.match(name):
        return False
    if etype not in ("Person", "Place") and " " not in name and _ADJECTIVE.match(name):
        return False
    if not (2 <= len(name) <= 60) or len(name.split()) > 6 or "\n" in name:
        return False
    if not re.search(r"[^\W\d_]", name) or _JUNK.match(name):
        return False
    if not any(c.isupper() for c in name):        # names are capitalised; "he", "officials" are not
        return False
    if name.count("(") != name.count(")") or name.count('"') % 2 or re.search(r"[<>{}\[\]|\\/@#=*]", name):
        return False
    return True


def topics(rec: ArticleRecord, types: Iterable[str], min_mentions: int,
           salient_only: bool = False) -> list[Identity]:
    """Identities of one article that become its topic tags (before metadata add/remove).

    An identity of one of ``types`` mentioned at least ``min_mentions`` times in the article with
    a topic-like name; with ``salient_only``, also one the article is *about* (``Entity.salient``:
    in the title or lead, mentioned often, or quoted), not a passing name.
    """
    types = set(types)
    count: Counter = Counter()
    idents: dict[str, Identity] = {}
    salient: set[str] = set()
    for e in rec.result.entities:
        ident = rec.identities.get(e.id)
        if ident is None:
            continue
        count[ident.key] += e.mentions
        idents[ident.key] = ident
        if e.salient:
            salient.add(ident.key)
    out = []
    for key, ident in idents.items():
        if salient_only and key not in salient:
            continue
        if ident.type in types and count[key] >= min_mentions and is_topic_name(ident.name, ident.type):
            out.append(ident)
    removed = {norm(n) for n in rec.topics_remove}
    return [i for i in out if not ({norm(n) for n in [i.name, *i.aliases]} & removed)]


def site_topics(records: list[ArticleRecord], min_articles: int, exclude: Iterable[str] = ()) -> None:
    """Keep (in place) only the article topics worth a page: an identity that is a topic of at
    least ``min_articles`` articles (a tag holding one article is a dead end for a reader) and
    none of whose names is in ``exclude`` (bylines and the publisher are not what articles are
    about, even when named in them). Metadata ``newsgraph_topics_add`` is applied later, as is."""
    excluded = {norm(n) for n in exclude} - {""}
    per_identity = Counter(i.key for rec in records for i in rec.topics)
    for rec in records:
        rec.topics = [i for i in rec.topics if per_identity[i.key] >= min_articles
                      and not ({norm(n) for n in [i.name, *i.aliases]} & excluded)]
