"""Search and sharing: each page's ``<head>`` tags, ``sitemap.xml`` and ``robots.txt``.

Site layer (reads Pelican objects by attribute, no Pelican import), next to :mod:`jsonld`, whose
URL rules it shares: every URL is absolute on the site's base (``NEWSGRAPH_SITEURL``, ``SITEURL``,
``FEED_DOMAIN``), so canonical links, ``og:url``, the sitemap and JSON-LD ``@id``s agree.

- :func:`render_meta` (the Jinja global ``newsgraph_meta()``): canonical link, meta description,
  ``robots`` ``noindex`` on thin pages, Open Graph (``og:``, ``article:``) and ``twitter:`` tags.
  An article's description is its own ``Description``/``Summary`` metadata, else the start of
  its *cleaned* text (:mod:`text`: photo credits, glued related-link widgets and the repeated
  title are not story text).
- :func:`sitemap_xml` / :func:`robots_txt`: every page the site wants indexed (home, articles,
  pages, sections, authors, topic tags and speaker pages that are not thin), sorted by URL, with
  ``lastmod`` from article dates only, so two builds of the same site are byte-identical.

A speaker or topic page is *thin* when it lists fewer than ``NEWSGRAPH_INDEX_MIN_ITEMS`` quotes or
articles (default 2): such pages carry ``noindex`` and are left out of the sitemap.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Iterable, Mapping
from xml.sax.saxutils import escape as xml_escape

from markupsafe import Markup

from . import build
from .jsonld.embed import insert_in_head
from .jsonld.graph import iso
from .jsonld.page import page_url, paged_name, where
from .jsonld.read import article_image, ctx_get, is_off, pass_context, plain, settings_of, site_from_context
from .jsonld.views import Site
from .safe import xml_clean

logger = logging.getLogger(__name__)

#: The Open Graph type of each kind of page.
OG_TYPES = {"article": "article", "author": "profile"}


# --------------------------------------------------------------------------- descriptions


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (+ "…")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return cut.rstrip(" ,;:—–-") + "…"


def _same(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\W+", " ", s).strip().lower()  # noqa: E731
    return norm(a) == norm(b)


def clean_lead(html: str, title: str = "", boilerplate: Iterable[str] = (), limit: int = 160) -> str:
    """The start of an article's story text for a description: paragraphs of the cleaned text
    (boilerplate cut by the text stage), headings and lines repeating the title skipped."""
    from ..engine.text import Boilerplate, from_html

    doc = from_html(html or "", Boilerplate(extra_patterns=tuple(boilerplate)))
    out: list[str] = []
    for block in doc.blocks:
        if block.kind in ("heading", "embed", "pre", "cell"):
            continue
        for line in doc.clean[block.start:block.end].split("\n"):
            line = " ".join(line.split())
            if not line or (title and _same(line, title)):
                continue
            out.append(line)
        if sum(len(x) + 1 for x in out) >= limit:
            break
    return shorten(" ".join(out), limit)


def article_description(article: Any, boilerplate: Iterable[str] = (), limit: int = 160) -> str:
    """An article's (or page's) meta description, memoised on it: one text pass per build."""
    cached = getattr(article, "_newsgraph_description", None)
    if cached is not None:
        return cached
    md = getattr(article, "metadata", None) or {}
    given = next((md.get(k) for k in ("description", "summary") if md.get(k)), None)
    if given:
        text = shorten(plain(given), limit)
    else:
        html = getattr(article, "_content", None) or str(getattr(article, "content", "") or "")
        text = clean_lead(html, plain(getattr(article, "title", "")), boilerplate, limit)
    try:
        article._newsgraph_description = text
    except AttributeError:
        pass
    return text


# --------------------------------------------------------------------------- page facts


class PageFacts:
    """What the head tags of one page say, from its template context."""

    def __init__(self, ctx: Any):
        self.ctx = ctx
        self.settings = settings_of(ctx)
        self.site = site_from_context(ctx)
        self.kind = "website"
        self.title = self.site.name
        self.description = ""
        self.url = page_url(self.site, ctx, None)
        self.image: str | None = None
        self.image_size: tuple[int, int] | None = None
        self.noindex = False
        self.article: Any = None
        self._read()

    def setting(self, key: str, default: Any = None) -> Any:
        v = ctx_get(self.ctx, key)
        return v if v is not None else self.settings.get(key, default)

    @property
    def min_items(self) -> int:
        try:
            return int(self.setting("NEWSGRAPH_INDEX_MIN_ITEMS", 2) or 0)
        except (TypeError, ValueError):
            return 2

    def _description(self, content: Any) -> str:
        return article_description(content, tuple(self.setting("NEWSGRAPH_BOILERPLATE") or ()),
                                   int(self.setting("NEWSGRAPH_DESCRIPTION_LENGTH") or 160))

    def _read(self) -> None:
        ctx, site = self.ctx, self.site
        sitename = site.name
        subtitle = plain(self.setting("SITESUBTITLE") or "")
        article = ctx_get(ctx, "article")
        page = ctx_get(ctx, "page")
        speaker = ctx_get(ctx, "speaker")
        if article is not None:
            self.article = article
            self.kind = "article"
            self.title = plain(getattr(article, "title", ""))
            self.url = site.abs(article.url)
            self.description = self._description(article)
            self.image, self.image_size = article_image(site, article)
            return
        if speaker is not None:
            n = len(getattr(speaker, "quotes", None) or [])
            arts = len({id(r.article) for r in getattr(speaker, "quotes", None) or []})
            self.title = paged_name(str(speaker.name), ctx)
            self.url = page_url(site, ctx, getattr(speaker, "url", None))
            role = f", {speaker.role}" if getattr(speaker, "role", None) else ""
            self.description = (f"{speaker.name}{role}: {n} {'quote' if n == 1 else 'quotes'} in "
                                f"{arts} {'article' if arts == 1 else 'articles'} on {sitename}.")
            self.noindex = n < self.min_items
            return
        if page is not None and hasattr(page, "url"):
            self.title = plain(getattr(page, "title", ""))
            self.url = site.abs(page.url)
            self.description = self._description(page)
            return
        for key in ("tag", "category", "author"):
            obj = ctx_get(ctx, key)
            if obj is None:
                continue
            name = str(getattr(obj, "name", obj)).strip()
            arts = ctx_get(ctx, "articles") or []
            count = len(arts)
            self.title = paged_name(name, ctx)
            self.url = page_url(site, ctx, obj.url)
            what = {"tag": f"about {name}", "category": f"in {name}", "author": f"by {name}"}[key]
            self.description = f"{count} {'article' if count == 1 else 'articles'} {what} on {sitename}."
            self.kind = OG_TYPES.get(key, "website")
            self.noindex = key == "tag" and count < self.min_items
            return
        if ctx_get(ctx, "speakers") is not None:
            self.title = paged_name("Who said what: speakers", ctx)
            self.description = f"Everyone quoted in the articles of {sitename}, with their quotes."
            return
        page_name = str(ctx_get(ctx, "page_name", "") or "")
        if page_name and page_name != "index" and self.url != site.home:
            self.title = paged_name(page_name.rsplit("/", 1)[-1].replace("_", " ").replace("-", " ")
                                       .title(), ctx)
        self.description = subtitle or sitename


# --------------------------------------------------------------------------- head tags


def _tag(name: str, attr: str, value: Any) -> Markup:
    return Markup('<meta {}="{}" content="{}">').format(attr, name, str(value))


def meta_tags(f: PageFacts) -> list[Markup]:
    site = f.site
    tags = [Markup('<link rel="canonical" href="{}">').format(f.url)]
    if f.description:
        tags.append(_tag("description", "name", f.description))
    if f.noindex:
        tags.append(_tag("robots", "name", "noindex, follow"))
    tags += [_tag("og:type", "property", f.kind), _tag("og:site_name", "property", site.name),
             _tag("og:title", "property", f.title), _tag("og:url", "property", f.url)]
    if f.description:
        tags.append(_tag("og:description", "property", f.description))
    if f.image:
        tags.append(_tag("og:image", "property", f.image))
        if f.image_size:
            tags += [_tag("og:image:width", "property", f.image_size[0]),
                     _tag("og:image:height", "property", f.image_size[1])]
    art = f.article
    if art is not None:
        published = iso(getattr(art, "date", None), site.timezone)
        modified = iso(getattr(art, "modified", None), site.timezone)
        if published:
            tags.append(_tag("article:published_time", "property", published))
        if modified:
            tags.append(_tag("article:modified_time", "property", modified))
        if getattr(art, "category", None) is not None:
            tags.append(_tag("article:section", "property", str(art.category)))
        for t in getattr(art, "tags", None) or []:
            tags.append(_tag("article:tag", "property", str(t)))
    tags += [_tag("twitter:card", "name", "summary_large_image" if f.image else "summary"),
             _tag("twitter:title", "name", f.title)]
    if f.description:
        tags.append(_tag("twitter:description", "name", f.description))
    if f.image:
        tags.append(_tag("twitter:image", "name", f.image))
    handle = f.setting("NEWSGRAPH_TWITTER_SITE")
    if handle:
        tags.append(_tag("twitter:site", "name", handle))
    return tags


def meta_markup(ctx: Any, skip: Iterable[str] = ()) -> Markup:
    """The page's canonical link and meta tags ("" when ``NEWSGRAPH_META`` is off), leaving out
    tags containing any of ``skip``. Never raises: a failure is logged as a warning naming the page."""
    if is_off(ctx_get(ctx, "NEWSGRAPH_META", True)):
        return Markup("")
    try:
        tags = [t for t in meta_tags(PageFacts(ctx)) if not any(k in t for k in skip)]
    except Exception as exc:  # never crash the build over head tags
        logger.warning("newsgraph: no meta tags for %s: %s: %s", where(ctx), type(exc).__name__, exc)
        return Markup("")
    return xml_clean(Markup("\n  ").join(tags))     # (also inserted into pages outside Jinja)


@pass_context
def render_meta(ctx: Any) -> Markup:
    """The Jinja global ``newsgraph_meta()`` (noting the page, so :func:`ensure_in_file` skips it)."""
    state, out = build.of(ctx), ctx_get(ctx, "output_file")
    if state is not None and out:
        state.meta_done.add(out)
    return meta_markup(ctx)


def ensure_in_file(path: str, context: Any) -> bool:
    """Insert the head tags into a written HTML page whose theme does not call ``newsgraph_meta()``
    (before ``</head>``); tags of a kind the theme already has (canonical, description) are left
    out. Returns True when the file changed."""
    if is_off(ctx_get(context, "NEWSGRAPH_META", True)):
        return False

    def tags_for(head: str) -> Any:
        if 'property="og:url"' in head:
            return None
        skip = [k for k in ('rel="canonical"', 'name="description"') if re.search(k.replace('"', "[\"']?"), head)]
        return meta_markup(context, skip)
    return insert_in_head(path, "meta tags", tags_for)


# --------------------------------------------------------------------------- sitemap, robots


def _latest(articles: Iterable[Any], tz: str) -> str | None:
    dates = [getattr(a, "modified", None) or getattr(a, "date", None) for a in articles]
    dates = [d for d in dates if d is not None]
    return iso(max(dates), tz) if dates else None


def _pairs(value: Any) -> list[tuple[Any, list]]:
    """Pelican's ``tags``/``categories``/``authors`` context value: a dict or (key, articles) pairs."""
    if value is None:
        return []
    items = value.items() if hasattr(value, "items") else value
    return [(k, list(v)) for k, v in items]


def sitemap_entries(context: Mapping[str, Any], settings: Mapping[str, Any], site: "Site",
                    registry: Any = None) -> list[tuple[str, str | None]]:
    """(absolute URL, lastmod) of every page the site wants indexed, sorted by URL."""
    tz = site.timezone
    min_items = int(settings.get("NEWSGRAPH_INDEX_MIN_ITEMS", 2) or 0)
    articles = list(context.get("articles") or [])
    entries: dict[str, str | None] = {site.home: _latest(articles, tz)}

    def add(url: str | None, lastmod: str | None) -> None:
        if url:
            entries[site.abs(url)] = lastmod

    for art in articles:
        if getattr(art, "save_as", ""):
            add(art.url, iso(getattr(art, "modified", None) or getattr(art, "date", None), tz))
    for page in context.get("pages") or []:
        if getattr(page, "save_as", ""):
            add(page.url, iso(getattr(page, "modified", None) or getattr(page, "date", None), tz))
    for key in ("categories", "authors", "tags"):
        for obj, arts in _pairs(context.get(key)):
            if not getattr(obj, "save_as", "") or (key == "tags" and len(arts) < min_items):
                continue
            add(obj.url, _latest(arts, tz))
    if registry is not None:
        speakers = [i for i in getattr(registry, "speakers", None) or [] if getattr(i, "save_as", None)]
        if speakers and settings.get("NEWSGRAPH_SPEAKERS_SAVE_AS"):
            add(settings.get("NEWSGRAPH_SPEAKERS_URL"), _latest({id(r.article): r.article for i in speakers
                                                                 for r in i.quotes}.values(), tz))
        for ident in speakers:
            if len(ident.quotes) >= min_items:
                add(ident.url, _latest({id(r.article): r.article for r in ident.quotes}.values(), tz))
    return sorted(entries.items())


def sitemap_xml(entries: list[tuple[str, str | None]]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url, lastmod in entries:
        mod = f"<lastmod>{xml_escape(lastmod)}</lastmod>" if lastmod else ""
        lines.append(f"  <url><loc>{xml_escape(url)}</loc>{mod}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(sitemap_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if sitemap_url:
        lines += ["", f"Sitemap: {sitemap_url}"]
    return "\n".join(lines) + "\n"


def _static_targets(context: Mapping[str, Any]) -> set[str]:
    return {str(getattr(s, "save_as", "")).replace("\\", "/") for s in context.get("staticfiles") or []}


def sitemap_and_robots(context: Mapping[str, Any], settings: Mapping[str, Any],
                       registry: Any = None) -> list[tuple[str, str]]:
    """``[(output name, text)]`` of ``NEWSGRAPH_SITEMAP`` and ``NEWSGRAPH_ROBOTS`` (either ``""``:
    none). A robots.txt the site ships itself (a static file) is left alone. The adapter writes them."""
    site = site_from_context(settings)
    sitemap = str(settings.get("NEWSGRAPH_SITEMAP") or "")
    robots = str(settings.get("NEWSGRAPH_ROBOTS") or "")
    files: list[tuple[str, str]] = []
    if sitemap:
        files.append((sitemap, sitemap_xml(sitemap_entries(context, settings, site, registry))))
    if robots and robots not in _static_targets(context):
        files.append((robots, robots_txt(site.abs(sitemap) if sitemap else None)))
    return files
