"""schema.org JSON-LD for every page: one ``@graph`` of flat nodes linked by ``@id`` (Yoast design).

Every page carries every node it refers to; ``@id``s are stable across pages and builds:

=====================  ===============================================
``{site}/#website``     WebSite
``{site}/#organization`` publisher Organization (``{site}/#logo`` its ImageObject)
``{site}/#/schema/<key>``  an entity (``person/jeff-sessions``; the registry key)
``{site}/#/schema/author/<slug>``  an article author
``{page}``              the WebPage / CollectionPage / ProfilePage (canonical URL)
``{page}#article``      the NewsArticle; ``{page}#primaryimage`` its image
``{page}#/schema/quotation/<n>``  quote ``n`` of the article (``n`` as in ``#quote-<n>``)
``{page}#breadcrumb``, ``{page}#itemlist``
=====================  ===============================================

Two layers: pure builders (:func:`article_graph`, :func:`speaker_graph`, :func:`collection_graph`,
:func:`webpage_graph`) over small view dataclasses, and adapters that read Pelican objects by
attribute (no Pelican import) — :func:`render_for_context` (the Jinja global
``newsgraph_jsonld``) and :func:`ensure_in_file` (for themes that do not call it).

Only what a page shows is marked up: an article's quotes with a speaker, its entities, authors,
tags; a speaker page's quotes on that page; the articles or speakers a listing page lists.

Settings: ``NEWSGRAPH_JSONLD`` (False/"off": none anywhere), ``NEWSGRAPH_PUBLISHER`` ({"name", "url",
"logo": URL or {"url", "width", "height"}, "same_as": [URL]}), ``NEWSGRAPH_SITEURL`` (absolute base
of every JSON-LD URL; default SITEURL, else FEED_DOMAIN, else https://example.org with one warning),
``NEWSGRAPH_ORGANIZATION_AUTHORS`` (author names typed Organization). Metadata: ``jsonld: off``;
``image``/``cover``/``og_image`` (with
``image_width``/``image_height``), ``license_url``/``license``, ``source_url``/``source`` (URLs).

Embedding (:func:`dumps`): ``json.dumps(allow_nan=False)``, then ``<``, ``>``, ``&``, U+2028 and
U+2029 as ``\\u003c`` … (Jinja2's ``tojson`` rule); the parsed value is unchanged and the script
text can never contain ``</script``, ``<!--`` or an HTML entity.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence
from urllib.parse import quote as urlquote
from urllib.parse import urlsplit

from markupsafe import Markup

from . import build

try:  # Jinja2 comes with Pelican; the builders work without it
    from jinja2 import pass_context
except ImportError:  # pragma: no cover
    def pass_context(f):  # type: ignore[no-redef]
        return f

logger = logging.getLogger(__name__)

CONTEXT = "https://schema.org"
FALLBACK_SITEURL = "https://example.org"
#: Marker on our script tag (lets :func:`ensure_in_file` see that a theme already called us).
SCRIPT_OPEN = '<script type="application/ld+json" id="newsgraph-jsonld">'
SCRIPT_CLOSE = "</script>"

#: model.ENTITY_TYPES -> schema.org type ("Group" = spaCy NORP: nationalities, religious and
#: political groups, which schema.org has no type for).
SCHEMA_TYPES = {"Person": "Person", "Organization": "Organization", "Place": "Place", "Event": "Event",
                "Work": "CreativeWork", "Product": "Product", "Law": "Legislation",
                "Condition": "MedicalCondition", "Group": "Thing", "Other": "Thing"}
#: Last words of an author name that make it an Organization ("Wikinews contributors", "AP staff").
COLLECTIVE_WORDS = frozenset("contributors staff editors newsroom desk team wire agency reporters "
                             "correspondents bureau".split())
IMAGE_METADATA = ("image", "cover", "og_image")

_SURROGATE = re.compile("[\ud800-\udfff]")
_warned: set[str] = set()


def _warn_once(key: str, msg: str, *args: Any) -> None:
    if key not in _warned:
        _warned.add(key)
        logger.warning(msg, *args)


# --------------------------------------------------------------------------- embedding


def dumps(data: Any) -> str:
    """JSON safe to place between ``<script …>`` and ``</script>``: parses to ``data`` unchanged."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    # str.replace per character (C speed) instead of str.translate (slow with string values)
    if not text.isascii():
        # lone surrogates cannot be written as UTF-8; they are not text anyway
        if _SURROGATE.search(text):
            text = _SURROGATE.sub("\ufffd", text)
        if "\u2028" in text:
            text = text.replace("\u2028", "\\u2028")
        if "\u2029" in text:
            text = text.replace("\u2029", "\\u2029")
        # noncharacters XML forbids: escaped, so the page has none and the JSON keeps them
        if "\ufffe" in text:
            text = text.replace("\ufffe", "\\ufffe")
        if "\uffff" in text:
            text = text.replace("\uffff", "\\uffff")
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def script_tag(data: Any) -> Markup:
    """The fixed script tag around :func:`dumps` (the one place JSON becomes markup)."""
    return Markup(SCRIPT_OPEN + dumps(data) + SCRIPT_CLOSE)


# --------------------------------------------------------------------------- views


_SPACE = re.compile(r"\s")       # the characters str.isspace() accepts


def is_abs_url(url: Any) -> bool:
    return isinstance(url, str) and _is_abs_url(url)


@lru_cache(maxsize=1 << 14)
def _is_abs_url(url: str) -> bool:
    if _SPACE.search(url):
        return False
    u = urlsplit(url)
    return u.scheme in ("http", "https") and bool(u.netloc)


@dataclass(frozen=True)
class Site:
    """Site-wide facts: absolute base URL (no trailing slash), name, language, publisher."""

    url: str
    name: str
    lang: str = "en"
    publisher_name: str = ""
    publisher_url: str | None = None
    logo: Mapping[str, Any] | None = None          # {"url": absolute, "width": int, "height": int}
    publisher_same_as: tuple[str, ...] = ()
    timezone: str = "UTC"
    organization_authors: frozenset[str] = frozenset()

    def abs(self, url: str | None) -> str | None:
        """Absolute URL of a site-relative one (http(s) URLs unchanged)."""
        if url is None:
            return None
        url = str(url)
        if is_abs_url(url):
            return url
        if url.startswith("//"):
            return "https:" + url
        return f"{self.url}/{url.lstrip('/')}"

    @property
    def home(self) -> str:
        return self.url + "/"

    @property
    def website_id(self) -> str:
        return self.url + "/#website"

    @property
    def org_id(self) -> str:
        return self.url + "/#organization"

    def schema_id(self, key: str) -> str:
        return f"{self.url}/#/schema/{_quote_key(key)}"


@lru_cache(maxsize=1 << 14)
def _quote_key(key: str) -> str:
    return urlquote(key, safe="/-_.~")


@dataclass
class Crumb:
    name: str
    url: str | None          # absolute; None = no page (skipped in breadcrumbs except last)


@dataclass
class EntityView:
    """A site identity as shown on pages (``registry.Identity`` with absolute URLs)."""

    key: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    same_as: list[str] = field(default_factory=list)
    url: str | None = None


@dataclass
class AuthorView:
    name: str
    url: str | None = None
    slug: str = ""
    organization: bool = False


@dataclass
class QuoteView:
    """One quotation (direct or partial quote with a speaker)."""

    n: int
    text: str
    speaker: EntityView
    article_url: str          # canonical URL of the article page
    article_title: str = ""


@dataclass
class ArticleView:
    url: str
    title: str
    date: dt.datetime | None
    modified: dt.datetime | None = None
    lang: str = "en"
    authors: list[AuthorView] = field(default_factory=list)
    section: Crumb | None = None
    keywords: list[str] = field(default_factory=list)
    word_count: int | None = None
    image: str | None = None
    image_width: int | None = None
    image_height: int | None = None
    about: list[EntityView] = field(default_factory=list)
    mentions: list[EntityView] = field(default_factory=list)
    quotes: list[QuoteView] = field(default_factory=list)
    license: str | None = None
    based_on: str | None = None


@dataclass
class PageView:
    """Any other page: canonical URL, name, kind, breadcrumb trail after Home."""

    url: str
    name: str
    type: str = "WebPage"          # WebPage | CollectionPage | ProfilePage
    crumbs: list[Crumb] = field(default_factory=list)
    lang: str = "en"
    date: dt.datetime | None = None
    modified: dt.datetime | None = None


@dataclass
class ListEntry:
    url: str
    name: str


# --------------------------------------------------------------------------- builders


def ref(node_id: str) -> dict[str, str]:
    return {"@id": node_id}


class Graph:
    """Nodes by ``@id`` in insertion order; adding an ``@id`` twice merges (first value wins)."""

    def __init__(self) -> None:
        self._nodes: dict[str, dict[str, Any]] = {}

    def add(self, node: dict[str, Any]) -> str:
        nid = node["@id"]
        old = self._nodes.get(nid)
        if old is None:
            self._nodes[nid] = node
        else:
            for k, v in node.items():
                old.setdefault(k, v)
        return nid

    def __contains__(self, nid: str) -> bool:
        return nid in self._nodes

    def doc(self) -> dict[str, Any]:
        return {"@context": CONTEXT, "@graph": list(self._nodes.values())}


def iso(d: Any, tz: str = "UTC") -> str | None:
    """ISO 8601 with a UTC offset; naive datetimes are taken in ``tz``; dates at midnight."""
    if d is None:
        return None
    if isinstance(d, dt.date) and not isinstance(d, dt.datetime):
        d = dt.datetime(d.year, d.month, d.day)
    if not isinstance(d, dt.datetime):
        return None
    if d.tzinfo is None or d.utcoffset() is None:
        d = d.replace(tzinfo=_zone(tz))
    return dt.datetime.isoformat(d.replace(microsecond=0))


def _zone(name: str) -> dt.tzinfo:
    try:
        from zoneinfo import ZoneInfo
        return ZoneInfo(name or "UTC")
    except Exception:  # unknown zone name or no tz database
        return dt.timezone.utc


def _dedupe(items: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    seen = set(exclude)
    out = []
    for x in items:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def site_nodes(site: Site, g: Graph) -> None:
    """Publisher Organization (+ logo) and WebSite."""
    org: dict[str, Any] = {"@type": "Organization", "@id": site.org_id, "name": site.publisher_name or site.name,
                           "url": site.publisher_url or site.home}
    logo = None
    if site.logo and site.logo.get("url"):
        logo = {"@type": "ImageObject", "@id": site.url + "/#logo", "url": site.logo["url"],
                "contentUrl": site.logo["url"]}
        for k in ("width", "height"):
            if isinstance(site.logo.get(k), int) and not isinstance(site.logo.get(k), bool):
                logo[k] = site.logo[k]
        logo["caption"] = org["name"]
        org["logo"] = ref(logo["@id"])
    if site.publisher_same_as:
        org["sameAs"] = list(site.publisher_same_as)
    g.add(org)
    if logo:
        g.add(logo)
    g.add({"@type": "WebSite", "@id": site.website_id, "url": site.home, "name": site.name,
           "inLanguage": site.lang, "publisher": ref(site.org_id)})


def entity_node(site: Site, e: EntityView) -> dict[str, Any]:
    stype = SCHEMA_TYPES.get(e.type, "Thing")
    node: dict[str, Any] = {"@type": stype, "@id": site.schema_id(e.key), "name": e.name}
    alt = _dedupe(e.aliases, exclude=[e.name])
    if alt:
        node["alternateName"] = alt
    if e.role and stype == "Person":
        node["jobTitle"] = e.role
    if e.url:
        node["url"] = e.url
    same = [u for u in _dedupe(e.same_as) if is_abs_url(u)]
    if same:
        node["sameAs"] = same
    return node


def author_node(site: Site, a: AuthorView) -> dict[str, Any]:
    if a.organization and a.name == (site.publisher_name or site.name):
        return {"@type": "Organization", "@id": site.org_id, "name": a.name}
    slug = a.slug or re.sub(r"[^\w]+", "-", a.name.lower()).strip("-") or "author"
    node: dict[str, Any] = {"@type": "Organization" if a.organization else "Person",
                            "@id": site.schema_id(f"author/{slug}"), "name": a.name}
    if a.url:
        node["url"] = a.url
    return node


def breadcrumb_node(page_url: str, site: Site, crumbs: Sequence[Crumb]) -> dict[str, Any] | None:
    """Home -> crumbs…; crumbs without a page are left out except the last (this page)."""
    trail = [Crumb("Home", site.home)] + [c for i, c in enumerate(crumbs) if c.url or i == len(crumbs) - 1]
    if len(trail) < 2:
        return None
    items = []
    for pos, c in enumerate(trail, 1):
        item: dict[str, Any] = {"@type": "ListItem", "position": pos, "name": c.name}
        if c.url:
            item["item"] = c.url
        items.append(item)
    return {"@type": "BreadcrumbList", "@id": page_url + "#breadcrumb", "itemListElement": items}


#: schema.org ``creator`` takes these only; a quote attributed to a place or group ("Russia said")
#: gets a Quotation without ``creator`` (its speaker is still in the article's about/mentions).
CREATOR_TYPES = ("Person", "Organization")


def quotation_node(site: Site, q: QuoteView, part_of: str) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Quotation", "@id": f"{q.article_url}#/schema/quotation/{q.n}", "text": q.text}
    if SCHEMA_TYPES.get(q.speaker.type) in CREATOR_TYPES:
        node["creator"] = ref(site.schema_id(q.speaker.key))
    node["isPartOf"] = ref(part_of)
    node["url"] = f"{q.article_url}#quote-{q.n}"
    return node


def article_graph(site: Site, a: ArticleView) -> dict[str, Any]:
    """WebSite, publisher, WebPage, NewsArticle, authors, entities, Quotations, BreadcrumbList."""
    g = Graph()
    site_nodes(site, g)
    article_id = a.url + "#article"
    crumbs = ([a.section] if a.section else []) + [Crumb(a.title, a.url)]
    crumb = breadcrumb_node(a.url, site, crumbs)
    published, modified = iso(a.date, site.timezone), iso(a.modified or a.date, site.timezone)
    page: dict[str, Any] = {"@type": "WebPage", "@id": a.url, "url": a.url, "name": a.title,
                            "isPartOf": ref(site.website_id), "inLanguage": a.lang}
    image = None
    if a.image:
        image = {"@type": "ImageObject", "@id": a.url + "#primaryimage", "url": a.image, "contentUrl": a.image}
        if a.image_width and a.image_height:
            image["width"], image["height"] = a.image_width, a.image_height
        page["primaryImageOfPage"] = ref(image["@id"])
    if crumb:
        page["breadcrumb"] = ref(crumb["@id"])
    if published:
        page["datePublished"] = published
        page["dateModified"] = modified
    g.add(page)
    if image:
        g.add(image)

    entities: dict[str, EntityView] = {}
    for e in [*a.about, *a.mentions, *(q.speaker for q in a.quotes)]:
        entities.setdefault(e.key, e)
    about_keys = _dedupe(e.key for e in a.about)
    mention_keys = _dedupe((e.key for e in [*a.mentions, *(q.speaker for q in a.quotes)]), exclude=about_keys)

    art: dict[str, Any] = {"@type": "NewsArticle", "@id": article_id, "headline": a.title}
    if published:
        art["datePublished"] = published
        art["dateModified"] = modified
    authors = [author_node(site, au) for au in a.authors]
    if authors:
        art["author"] = [ref(n["@id"]) for n in authors]
    art["publisher"] = ref(site.org_id)
    if image:
        art["image"] = ref(image["@id"])
    art["isPartOf"] = ref(a.url)
    art["mainEntityOfPage"] = ref(a.url)
    art["inLanguage"] = a.lang
    if a.section:
        art["articleSection"] = a.section.name
    if a.keywords:
        art["keywords"] = _dedupe(a.keywords)
    if a.word_count is not None:
        art["wordCount"] = a.word_count
    if about_keys:
        art["about"] = [ref(site.schema_id(k)) for k in about_keys]
    if mention_keys:
        art["mentions"] = [ref(site.schema_id(k)) for k in mention_keys]
    if a.quotes:
        art["hasPart"] = [ref(f"{a.url}#/schema/quotation/{q.n}") for q in a.quotes]
    if a.license:
        art["license"] = a.license
    if a.based_on:
        art["isBasedOn"] = a.based_on
    g.add(art)
    for n in authors:
        g.add(n)
    for k in [*about_keys, *mention_keys]:
        g.add(entity_node(site, entities[k]))
    for q in a.quotes:
        g.add(quotation_node(site, q, a.url))
    if crumb:
        g.add(crumb)
    return g.doc()


def _page_node(site: Site, p: PageView) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": p.type, "@id": p.url, "url": p.url, "name": p.name,
                            "isPartOf": ref(site.website_id), "inLanguage": p.lang}
    if p.date:
        node["datePublished"] = iso(p.date, site.timezone)
        node["dateModified"] = iso(p.modified or p.date, site.timezone)
    return node


def webpage_graph(site: Site, p: PageView, main: EntityView | AuthorView | None = None) -> dict[str, Any]:
    """WebSite, publisher, the page (+ its main entity, e.g. a ProfilePage's author) and breadcrumb."""
    g = Graph()
    site_nodes(site, g)
    node = _page_node(site, p)
    crumb = breadcrumb_node(p.url, site, p.crumbs)
    main_node = None
    if isinstance(main, EntityView):
        main_node = entity_node(site, main)
    elif isinstance(main, AuthorView):
        main_node = author_node(site, main)
    if main_node:
        node["mainEntity"] = ref(main_node["@id"])
    if crumb:
        node["breadcrumb"] = ref(crumb["@id"])
    g.add(node)
    if main_node:
        g.add(main_node)
    if crumb:
        g.add(crumb)
    return g.doc()


def collection_graph(site: Site, p: PageView, entries: Sequence[ListEntry | EntityView],
                     about: EntityView | None = None) -> dict[str, Any]:
    """A CollectionPage whose mainEntity is an ItemList of the listed articles or entities."""
    g = Graph()
    site_nodes(site, g)
    node = _page_node(site, p)
    crumb = breadcrumb_node(p.url, site, p.crumbs)
    if about:
        node["about"] = ref(site.schema_id(about.key))
    items, listed = [], []
    for pos, e in enumerate(entries, 1):
        if isinstance(e, EntityView):
            n = entity_node(site, e)
            listed.append(n)
            items.append({"@type": "ListItem", "position": pos, "item": ref(n["@id"])})
        else:
            items.append({"@type": "ListItem", "position": pos, "url": e.url, "name": e.name})
    itemlist = None
    if items:
        itemlist = {"@type": "ItemList", "@id": p.url + "#itemlist", "numberOfItems": len(items),
                    "itemListElement": items}
        node["mainEntity"] = ref(itemlist["@id"])
    if crumb:
        node["breadcrumb"] = ref(crumb["@id"])
    g.add(node)
    if about:
        g.add(entity_node(site, about))
    if itemlist:
        g.add(itemlist)
    for n in listed:
        g.add(n)
    if crumb:
        g.add(crumb)
    return g.doc()


def speaker_graph(site: Site, p: PageView, speaker: EntityView, quotes: Sequence[QuoteView]) -> dict[str, Any]:
    """CollectionPage about the speaker (same node as in articles) with the page's Quotations."""
    g = Graph()
    site_nodes(site, g)
    node = _page_node(site, p)
    person = entity_node(site, speaker)
    node["about"] = ref(person["@id"])
    node["mainEntity"] = ref(person["@id"])
    crumb = breadcrumb_node(p.url, site, p.crumbs)
    if crumb:
        node["breadcrumb"] = ref(crumb["@id"])
    if quotes:
        node["hasPart"] = [ref(f"{q.article_url}#/schema/quotation/{q.n}") for q in quotes]
    g.add(node)
    g.add(person)
    for q in quotes:
        # part of the article's WebPage, as on the article page (the same node everywhere)
        g.add(quotation_node(site, q, q.article_url))
    for q in quotes:
        g.add({"@type": "WebPage", "@id": q.article_url, "url": q.article_url, "name": q.article_title,
               "isPartOf": ref(site.website_id)})
    if crumb:
        g.add(crumb)
    return g.doc()


# --------------------------------------------------------------------------- Pelican adapters


def _get(ctx: Any, key: str, default: Any = None) -> Any:
    try:
        v = ctx.get(key, default)
    except Exception:
        return default
    # jinja2 Undefined objects are falsy and not real values
    return default if v is None or type(v).__name__.endswith("Undefined") else v


@lru_cache(maxsize=8192)
def _plain(html: str) -> str:
    return Markup(html).striptags()


def plain(html: Any) -> str:
    """Visible text of an HTML fragment (tags dropped, entities decoded, spaces collapsed).

    Used for titles and SITENAME, which Pelican treats as HTML; tag, category and author names
    are plain text (themes escape them) and are used as they are.
    """
    return _plain(str(html or ""))


def is_off(value: Any) -> bool:
    if isinstance(value, bool):
        return not value
    return str(value).strip().lower() in ("off", "false", "no", "0", "none", "")


def _settings_of(ctx: Any) -> Mapping[str, Any]:
    """The real settings: Pelican objects keep them; the template context's SITEURL may be relative."""
    for key in ("article", "page", "tag", "category", "author"):
        s = getattr(_get(ctx, key), "settings", None)
        if isinstance(s, Mapping):
            return s
    for key in ("articles", "dates", "pages", "hidden_articles"):
        seq = _get(ctx, key)
        if seq:
            try:
                s = getattr(next(iter(seq)), "settings", None)
            except TypeError:
                s = None
            if isinstance(s, Mapping):
                return s
    return {}


def absolute_base(*candidates: Any) -> str:
    """The first absolute http(s) URL of ``candidates`` (``NEWSGRAPH_SITEURL``, ``SITEURL``,
    ``FEED_DOMAIN``), without a trailing slash; else :data:`FALLBACK_SITEURL` (warned once)."""
    for cand in candidates:
        if isinstance(cand, str) and cand.startswith("//"):
            cand = "https:" + cand
        if is_abs_url(cand):
            return cand.rstrip("/")
    _warn_once("siteurl", "newsgraph: SITEURL is empty or relative; JSON-LD needs absolute URLs, "
               "using %s (set NEWSGRAPH_SITEURL or SITEURL)", FALLBACK_SITEURL)
    return FALLBACK_SITEURL


def site_from_context(ctx: Any) -> Site:
    """``Site`` from a template context (settings are context keys in Pelican)."""
    settings = _settings_of(ctx)

    def setting(key: str, default: Any = None) -> Any:
        v = _get(ctx, key)
        return v if v is not None else settings.get(key, default)

    base = absolute_base(setting("NEWSGRAPH_SITEURL"), settings.get("SITEURL"), _get(ctx, "SITEURL"),
                         setting("FEED_DOMAIN"))
    name = plain(setting("SITENAME", "")) or urlsplit(base).netloc
    pub = setting("NEWSGRAPH_PUBLISHER") or {}
    if not isinstance(pub, Mapping):
        _warn_once("publisher", "newsgraph: NEWSGRAPH_PUBLISHER must be a dict (name, url, logo); ignored")
        pub = {}
    site0 = Site(url=base, name=name)
    logo = pub.get("logo")
    if isinstance(logo, str) and logo:
        logo = {"url": logo}
    if isinstance(logo, Mapping) and logo.get("url"):
        logo = {**logo, "url": site0.abs(str(logo["url"]))}
    else:
        logo = None
    same_as = pub.get("same_as", pub.get("sameAs")) or ()
    if isinstance(same_as, str):
        same_as = (same_as,)
    org_authors = setting("NEWSGRAPH_ORGANIZATION_AUTHORS") or ()
    return Site(url=base, name=name, lang=str(setting("DEFAULT_LANG", "en") or "en"),
                publisher_name=plain(pub.get("name") or "") or name,
                publisher_url=site0.abs(pub["url"]) if pub.get("url") else None,
                logo=logo, publisher_same_as=tuple(u for u in same_as if is_abs_url(u)),
                timezone=str(setting("TIMEZONE", "UTC") or "UTC"),
                organization_authors=frozenset(org_authors))


def entity_view(site: Site, ident: Any) -> EntityView:
    """A ``registry.Identity`` (read by attribute) as an :class:`EntityView`."""
    return EntityView(key=str(ident.key), name=str(ident.name), type=str(getattr(ident, "type", "Other")),
                      aliases=[str(a) for a in getattr(ident, "aliases", None) or []],
                      role=getattr(ident, "role", None) or None,
                      same_as=[str(u) for u in getattr(ident, "same_as", None) or []],
                      url=site.abs(getattr(ident, "url", None)))


#: Punctuation that belongs to the attribution, not the quotation ("We will win," she said).
_ATTRIBUTION_PUNCT = ",;:—–-"


def _words(text: str) -> str:
    return " ".join(text.split()).rstrip(_ATTRIBUTION_PUNCT + " ")


def quotation_text(quote: Any) -> str | None:
    """The words of a direct or partial quote as one quotation; None for other kinds.

    Direct: the quoted parts in order, the attribution cut out (``"A," she said, "b."`` ->
    ``A, b.``); a comma (or colon, dash) closing the quotation before its attribution is dropped.
    Partial: the longest quoted fragment — separate fragments ("dismantle" … "sanctuary
    cities") are not one quotation, so they are never joined.
    """
    kind = getattr(quote, "kind", None)
    contents = [c.text for c in getattr(quote, "contents", None) or [] if c.text.strip()]
    if not contents and getattr(quote, "text", None):
        contents = [quote.text]
    if kind == "direct":
        parts = [" ".join(c.split()) for c in contents]
        if not parts:
            return None
        # "A," she said, "b." -> "A, b." (the parts' own punctuation kept, the attribution cut)
        return _words(" ".join(parts)) or None
    if kind == "partial":
        marked = [_words(m.text) for m in getattr(quote, "marked", None) or []]
        marked = [m for m in marked if m]
        if marked:
            return max(marked, key=len)
        return _words(" ".join(contents)) or None
    return None


def quote_views(site: Site, refs: Iterable[Any]) -> list[QuoteView]:
    """QuoteRefs -> QuoteViews: direct and partial quotes with a speaker only."""
    out = []
    for r in refs or []:
        speaker = getattr(r, "speaker", None)
        text = quotation_text(getattr(r, "quote", None))
        if speaker is None or not text:
            continue
        art = r.article
        out.append(QuoteView(n=int(r.n), text=text, speaker=entity_view(site, speaker),
                             article_url=site.abs(getattr(art, "url", "")),
                             article_title=plain(getattr(art, "title", ""))))
    return out


def _is_org_author(site: Site, name: str) -> bool:
    words = name.lower().split()
    return (name in site.organization_authors or name == site.publisher_name
            or bool(words and words[-1] in COLLECTIVE_WORDS))


def author_view(site: Site, author: Any) -> AuthorView:
    name = str(getattr(author, "name", author)).strip()
    has_page = bool(getattr(author, "save_as", ""))
    return AuthorView(name=name, url=site.abs(author.url) if has_page else None,
                      slug=str(getattr(author, "slug", "") or ""), organization=_is_org_author(site, name))


def _meta(obj: Any, key: str) -> Any:
    md = getattr(obj, "metadata", None) or {}
    v = md.get(key) if isinstance(md, Mapping) else None
    return v if v is not None else getattr(obj, key, None)


def _crumb_of(site: Site, wrapper: Any) -> Crumb | None:
    """A Category/Tag/Author URLWrapper as a crumb (no URL when its page is not written)."""
    if wrapper is None:
        return None
    return Crumb(str(getattr(wrapper, "name", wrapper)).strip(),
                 site.abs(wrapper.url) if getattr(wrapper, "save_as", "") else None)


def bylined_authors(article: Any) -> list[Any]:
    """The article's authors when its own metadata names them (``Author:``/``Authors:``): what a
    byline shows. Pelican's site-wide default ``AUTHOR`` is not a byline and is not marked up."""
    md = getattr(article, "metadata", None) or {}
    if not isinstance(md, Mapping) or not (md.get("author") or md.get("authors")):
        return []
    return list(getattr(article, "authors", None) or [])


def _dimension(value: Any) -> int | None:
    try:
        n = int(str(value).strip().removesuffix("px"))
    except (TypeError, ValueError):
        return None
    return n if n > 0 else None


def article_image(site: Site, article: Any) -> tuple[str | None, tuple[int, int] | None]:
    """The article's image from its metadata (``Image``, ``Cover`` or ``Og_image``; size from
    ``Image_width``/``Image_height``) as (absolute URL, (width, height) or None)."""
    image = next((_meta(article, k) for k in IMAGE_METADATA if _meta(article, k)), None)
    if not isinstance(image, str):
        return None, None
    image = re.sub(r"^\{(static|attach|filename)\}", "", image.strip())
    image = site.abs(image) if image else None
    if not is_abs_url(image):
        _warn_once(f"image:{article.url}", "newsgraph: %s: image %r is not a usable URL; left out of JSON-LD",
                   getattr(article, "source_path", article.url), image)
        return None, None
    width, height = _dimension(_meta(article, "image_width")), _dimension(_meta(article, "image_height"))
    return image, (width, height) if width and height else None


def article_view(site: Site, article: Any) -> ArticleView:
    url = site.abs(article.url)
    image, size = article_image(site, article)
    extra = {}
    for prop, keys in (("license", ("license_url", "license")), ("based_on", ("source_url", "source"))):
        val = next((_meta(article, k) for k in keys if is_abs_url(_meta(article, k))), None)
        if val:
            extra[prop] = val
    quotes = quote_views(site, getattr(article, "newsgraph_quotes", None) or [])
    return ArticleView(
        url=url, title=plain(getattr(article, "title", "")),
        date=getattr(article, "date", None), modified=getattr(article, "modified", None),
        lang=str(getattr(article, "lang", None) or site.lang),
        authors=[author_view(site, a) for a in bylined_authors(article)],
        section=_crumb_of(site, getattr(article, "category", None)),
        keywords=[str(getattr(t, "name", t)) for t in getattr(article, "tags", None) or []],
        word_count=len(Markup(str(getattr(article, "content", "") or "")).striptags().split()),
        image=image,
        image_width=size[0] if size else None, image_height=size[1] if size else None,
        about=[entity_view(site, i) for i in getattr(article, "newsgraph_about", None) or []],
        mentions=[entity_view(site, i) for i in getattr(article, "newsgraph_mentions", None) or []],
        quotes=quotes, **extra)


def _url_of_output(output_file: str | None) -> str:
    """Site-relative URL of a written file (``a/index.html`` -> ``a/``)."""
    name = (output_file or "").replace(os.sep, "/")
    if name == "index.html" or name.endswith("/index.html"):
        name = name[: -len("index.html")]
    return name


def _pagination(ctx: Any) -> tuple[int, Any]:
    """(page number, Pelican paginator Page) of a paginated listing, else (1, None)."""
    for key in ("articles_page", "quotes_page", "speakers_page"):
        p = _get(ctx, key)
        if p is not None and hasattr(p, "number"):
            return int(p.number), p
    return 1, None


def _page_url(site: Site, ctx: Any, obj_url: str | None) -> str:
    number, _ = _pagination(ctx)
    if obj_url is not None and number == 1:
        return site.abs(obj_url)
    return site.abs(_url_of_output(_get(ctx, "output_file")))


def _paged_name(name: str, ctx: Any) -> str:
    number, _ = _pagination(ctx)
    return f"{name} (page {number})" if number > 1 else name


def _listed_articles(site: Site, ctx: Any, key: str = "articles") -> list[ListEntry]:
    number, page = _pagination(ctx)
    arts = page.object_list if page is not None and key == "articles" else (_get(ctx, key) or [])
    return [ListEntry(site.abs(a.url), plain(getattr(a, "title", ""))) for a in arts]


def _speakers_crumb(site: Site, ctx: Any) -> Crumb:
    save_as = _get(ctx, "NEWSGRAPH_SPEAKERS_SAVE_AS", "speakers/index.html")
    url = _get(ctx, "NEWSGRAPH_SPEAKERS_URL", "speakers/")
    return Crumb("Speakers", site.abs(url) if save_as else None)


def _find_topic(registry: Any, tag: Any) -> Any:
    """The registry identity whose topic tag is ``tag`` (None for a plain tag).

    The registry's own index (``by_topic_slug``): no module-level memo, which would keep every
    build's registry alive in a long-running process (``pelican --autoreload``) -- the registry
    reaches the articles, whose context holds the registry again."""
    if registry is None:
        return None
    slug = str(getattr(tag, "slug", tag))
    find = getattr(registry, "by_topic_slug", None)
    if find is not None:
        return find(slug)
    for ident in getattr(registry, "identities", None) or []:      # (any registry-like object)
        t = getattr(ident, "tag", None)
        if t is not None and str(getattr(t, "slug", t)) == slug:
            return ident
    return None


def graph_for_context(ctx: Any) -> dict[str, Any] | None:
    """The page's JSON-LD document, or None when turned off (site-wide or by ``jsonld: off``)."""
    if is_off(_get(ctx, "NEWSGRAPH_JSONLD", True)):
        return None
    site = site_from_context(ctx)
    article = _get(ctx, "article")
    if article is not None:
        if _meta(article, "jsonld") is not None and is_off(_meta(article, "jsonld")):
            return None
        return article_graph(site, article_view(site, article))

    speaker = _get(ctx, "speaker")
    if speaker is not None:
        number, page = _pagination(ctx)
        refs = page.object_list if page is not None else (_get(ctx, "quotes") or [])
        view = entity_view(site, speaker)
        p = PageView(url=_page_url(site, ctx, getattr(speaker, "url", None)), name=_paged_name(view.name, ctx),
                     type="CollectionPage", crumbs=[_speakers_crumb(site, ctx), Crumb(view.name, None)],
                     lang=site.lang)
        p.crumbs[-1].url = p.url
        return speaker_graph(site, p, view, quote_views(site, refs))

    page_obj = _get(ctx, "page")
    if page_obj is not None and hasattr(page_obj, "url"):
        if _meta(page_obj, "jsonld") is not None and is_off(_meta(page_obj, "jsonld")):
            return None
        url = site.abs(page_obj.url)
        title = plain(getattr(page_obj, "title", ""))
        return webpage_graph(site, PageView(url=url, name=title, crumbs=[Crumb(title, url)],
                                            lang=str(getattr(page_obj, "lang", None) or site.lang),
                                            date=getattr(page_obj, "date", None),
                                            modified=getattr(page_obj, "modified", None)))

    for key in ("tag", "category", "author"):
        obj = _get(ctx, key)
        if obj is None:
            continue
        crumb = _crumb_of(site, obj)
        url = _page_url(site, ctx, obj.url)
        name = _paged_name(crumb.name, ctx)
        p = PageView(url=url, name=name, type="CollectionPage", crumbs=[Crumb(name, url)], lang=site.lang)
        if key == "author":
            p.type = "ProfilePage"
            return webpage_graph(site, p, main=author_view(site, obj))
        about = None
        if key == "tag":
            state = build.of(ctx)
            ident = _find_topic(state.registry if state is not None else None, obj)
            about = entity_view(site, ident) if ident is not None else None
        return collection_graph(site, p, _listed_articles(site, ctx), about=about)

    speakers = _get(ctx, "speakers")
    if speakers is not None and not isinstance(speakers, (str, bytes)):
        number, page = _pagination(ctx)
        listed = page.object_list if page is not None and _get(ctx, "speakers_page") is not None else speakers
        url = _page_url(site, ctx, None)
        name = _paged_name("Speakers by number of quotes" if _get(ctx, "sort") == "count" else "Speakers", ctx)
        return collection_graph(site, PageView(url=url, name=name, type="CollectionPage",
                                               crumbs=[Crumb(name, url)], lang=site.lang),
                                [entity_view(site, s) for s in listed])

    page_name = str(_get(ctx, "page_name", "") or "")
    url = _page_url(site, ctx, None)
    if page_name == "index" or url == site.home:
        return collection_graph(site, PageView(url=url, name=_paged_name(site.name, ctx), type="CollectionPage",
                                               lang=site.lang), _listed_articles(site, ctx))
    period = _get(ctx, "period")
    if period is not None:
        label = " ".join(str(x) for x in (period if isinstance(period, (tuple, list)) else [period]))
        name = _paged_name(f"Archives: {label}", ctx)
        return collection_graph(site, PageView(url=url, name=name, type="CollectionPage",
                                               crumbs=[Crumb(name, url)], lang=site.lang),
                                _listed_articles(site, ctx, "dates"))
    name = _paged_name(page_name.rsplit("/", 1)[-1].replace("_", " ").replace("-", " ").title() or site.name, ctx)
    p = PageView(url=url, name=name, type="CollectionPage", crumbs=[Crumb(name, url)], lang=site.lang)
    if page_name == "archives":
        return collection_graph(site, p, _listed_articles(site, ctx, "dates"))
    return webpage_graph(site, p)


def _where(ctx: Any) -> str:
    for key in ("article", "page"):
        obj = _get(ctx, key)
        if obj is not None:
            return str(getattr(obj, "source_path", None) or getattr(obj, "url", key))
    return str(_get(ctx, "output_file", "") or "page")


@pass_context
def render_for_context(ctx: Any) -> Markup:
    """The page's ``<script type="application/ld+json">…</script>`` ("" when off).

    Never raises: a failure is logged as a warning naming the page, and the page gets no JSON-LD.
    """
    try:
        data = graph_for_context(ctx)
    except Exception as exc:  # never crash the build over structured data
        logger.warning("newsgraph: no JSON-LD for %s: %s: %s", _where(ctx), type(exc).__name__, exc)
        return Markup("")
    return script_tag(data) if data is not None else Markup("")


#: What the head-end scan steps over: comments and elements whose text is not markup (a title
#: holding "</head>" as text must not be taken for the end of the head).
_HEAD_SCAN = re.compile(r"<!--|<(title|textarea|script|style|noscript|xmp|iframe|noembed|noframes)\b[^>]*>"
                        r"|</head\s*>|<body\b", re.I)


def head_end(html: str) -> int | None:
    """Offset of the real ``</head>`` tag of ``html`` (None when there is none before ``<body``),
    skipping comments and the text of ``<title>``, ``<script>``, ``<style>``… as a browser does."""
    pos = 0
    while True:
        m = _HEAD_SCAN.search(html, pos)
        if m is None or m.group().lower().startswith("<body"):
            return None
        token = m.group().lower()
        if token.startswith("</head"):
            return m.start()
        if token == "<!--":
            close = html.find("-->", m.end())
        else:
            end = re.compile(r"</%s[\s/>]" % m.group(1), re.I).search(html, m.end())
            close = end.start() if end else -1
        if close < 0:
            return None
        pos = close + 1


def ensure_in_file(path: str, context: Any) -> bool:
    """Insert the page's JSON-LD before ``</head>`` of a written HTML file that lacks it.

    For themes that do not call ``newsgraph_jsonld()``; a no-op when our script is already in
    the head, for non-HTML files and when JSON-LD is off. Returns True when the file changed.
    """
    if not str(path).endswith((".html", ".htm")):
        return False
    try:
        with open(path, encoding="utf-8") as f:
            html = f.read()
    except (OSError, UnicodeDecodeError) as exc:
        logger.warning("newsgraph: cannot add JSON-LD to %s: %s", path, exc)
        return False
    end = head_end(html)
    if end is None or SCRIPT_OPEN in html[:end]:
        return False
    tag = render_for_context(context)
    if not tag:
        return False
    with open(path, "w", encoding="utf-8") as f:
        f.write(html[:end] + str(tag) + "\n" + html[end:])
    return True
