"""The pure graph builders: views in, one schema.org ``@graph`` document out (see the package's
``@id`` table). Nothing here reads Pelican objects or settings."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable, Sequence

from .views import ArticleView, AuthorView, Crumb, EntityView, ListEntry, PageView, QuoteView, Site, is_abs_url

CONTEXT = "https://schema.org"

#: model.ENTITY_TYPES -> schema.org type ("Group" = spaCy NORP: nationalities, religious and
#: political groups, which schema.org has no type for).
SCHEMA_TYPES = {"Person": "Person", "Organization": "Organization", "Place": "Place", "Event": "Event",
                "Work": "CreativeWork", "Product": "Product", "Law": "Legislation",
                "Condition": "MedicalCondition", "Group": "Thing", "Other": "Thing"}


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


def _words(name: str) -> list[str]:
    return re.findall(r"[\w'’.-]+", name.casefold())


def _titled_form(alias: str, name: str) -> bool:
    """A person's alias that is the page's name with words before it ("Broadcaster Jo Roe",
    "Crown Prince Jo Roe"): a title or job and the name, not a name the person goes by."""
    a, n = _words(alias), _words(name)
    return len(a) > len(n) >= 2 and a[-len(n):] == n


def _cut_piece(alias: str, forms: Sequence[str]) -> bool:
    """An alias that is the tail of a longer form after its "and" or comma ("Cultural Organization"
    of "..., Scientific and Cultural Organization"): NER cut the name at its list, a fragment."""
    a = _words(alias)
    for f in forms:
        w = _words(f)
        for i in range(1, len(w) - len(a) + 1):
            if w[i:] == a and (w[i - 1] == "and" or w[i - 1].endswith(",")
                               or re.search(r",\s*" + re.escape(alias) + r"$", f, re.I)):
                return True
    return False


def _acronym_tail(alias: str, name: str) -> bool:
    """An alias of a body named by its acronym whose initials end that acronym but are not all of
    it ("Cultural Organization" of UNESCO): the end of the spelled-out name, a fragment."""
    acr = name.replace(".", "")
    if not re.fullmatch(r"[A-Z]{3,}", acr):
        return False
    ini = "".join(w[0] for w in alias.split() if w[:1].isupper())
    return 2 <= len(ini) < len(acr) and acr.endswith(ini) and len(alias.split()) == len(ini)


def alternate_names(e: EntityView) -> list[str]:
    """The names an entity goes by besides its page name: not a title plus a person's name, nor a
    piece of a longer name cut at its list or the end of the name its acronym spells (readers
    took each for an error)."""
    forms = [e.name, *e.aliases]
    return [a for a in _dedupe(e.aliases, exclude=[e.name])
            if not (e.type == "Person" and _titled_form(a, e.name)) and not _cut_piece(a, forms)
            and not (e.type != "Person" and _acronym_tail(a, e.name))]


def entity_node(site: Site, e: EntityView) -> dict[str, Any]:
    stype = SCHEMA_TYPES.get(e.type, "Thing")
    node: dict[str, Any] = {"@type": stype, "@id": site.schema_id(e.key), "name": e.name}
    alt = alternate_names(e)
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

