"""A page's JSON-LD from its template context: which page it is (article, speaker, listing…),
its views, its graph; the Jinja global and the insertion into pages whose theme does not call it."""
from __future__ import annotations

import logging
import os
from typing import Any

from markupsafe import Markup

from .. import build
from .embed import SCRIPT_OPEN, insert_in_head, script_tag
from .graph import article_graph, collection_graph, speaker_graph, webpage_graph
from .read import (
    article_view,
    author_view,
    crumb_of,
    ctx_get,
    entity_view,
    is_off,
    meta_value,
    pass_context,
    plain,
    quote_views,
    site_from_context,
)
from .views import Crumb, ListEntry, PageView, Site

logger = logging.getLogger(__name__)


def _url_of_output(output_file: str | None) -> str:
    """Site-relative URL of a written file (``a/index.html`` -> ``a/``)."""
    name = (output_file or "").replace(os.sep, "/")
    if name == "index.html" or name.endswith("/index.html"):
        name = name[: -len("index.html")]
    return name


def _pagination(ctx: Any) -> tuple[int, Any]:
    """(page number, Pelican paginator Page) of a paginated listing, else (1, None)."""
    for key in ("articles_page", "quotes_page", "speakers_page"):
        p = ctx_get(ctx, key)
        if p is not None and hasattr(p, "number"):
            return int(p.number), p
    return 1, None


def page_url(site: Site, ctx: Any, obj_url: str | None) -> str:
    number, _ = _pagination(ctx)
    if obj_url is not None and number == 1:
        return site.abs(obj_url)
    return site.abs(_url_of_output(ctx_get(ctx, "output_file")))


def paged_name(name: str, ctx: Any) -> str:
    number, _ = _pagination(ctx)
    return f"{name} (page {number})" if number > 1 else name


def _listed_articles(site: Site, ctx: Any, key: str = "articles") -> list[ListEntry]:
    number, page = _pagination(ctx)
    arts = page.object_list if page is not None and key == "articles" else (ctx_get(ctx, key) or [])
    return [ListEntry(site.abs(a.url), plain(getattr(a, "title", ""))) for a in arts]


def _speakers_crumb(site: Site, ctx: Any) -> Crumb:
    save_as = ctx_get(ctx, "NEWSGRAPH_SPEAKERS_SAVE_AS", "speakers/index.html")
    url = ctx_get(ctx, "NEWSGRAPH_SPEAKERS_URL", "speakers/")
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
    """The page's JSON-LD document, or None when turned off (site-wide or by ``jsonld: off``):
    the first of the page kinds below that the context is."""
    if is_off(ctx_get(ctx, "NEWSGRAPH_JSONLD", True)):
        return None
    site = site_from_context(ctx)
    for kind in (_article_doc, _speaker_doc, _page_doc, _taxonomy_doc, _speakers_doc):
        doc = kind(site, ctx)
        if doc is not _NOT_THIS_KIND:
            return doc
    return _listing_doc(site, ctx)


#: What a page-kind step returns for a context that is not of its kind (None means "turned off").
_NOT_THIS_KIND: Any = object()


def _turned_off(obj: Any) -> bool:
    """Whether an article's or page's metadata says ``jsonld: off``."""
    return meta_value(obj, "jsonld") is not None and is_off(meta_value(obj, "jsonld"))


def _article_doc(site: Site, ctx: Any) -> Any:
    """An article page: its NewsArticle with quotes, entities, authors."""
    article = ctx_get(ctx, "article")
    if article is None:
        return _NOT_THIS_KIND
    if _turned_off(article):
        return None
    return article_graph(site, article_view(site, article))


def _speaker_doc(site: Site, ctx: Any) -> Any:
    """A speaker page (one page of its quotes): about the speaker, with the page's Quotations."""
    speaker = ctx_get(ctx, "speaker")
    if speaker is None:
        return _NOT_THIS_KIND
    number, page = _pagination(ctx)
    refs = page.object_list if page is not None else (ctx_get(ctx, "quotes") or [])
    view = entity_view(site, speaker)
    p = PageView(url=page_url(site, ctx, getattr(speaker, "url", None)), name=paged_name(view.name, ctx),
                 type="CollectionPage", crumbs=[_speakers_crumb(site, ctx), Crumb(view.name, None)],
                 lang=site.lang)
    p.crumbs[-1].url = p.url
    return speaker_graph(site, p, view, quote_views(site, refs))


def _page_doc(site: Site, ctx: Any) -> Any:
    """A Pelican page (``pages/``): a WebPage."""
    page_obj = ctx_get(ctx, "page")
    if page_obj is None or not hasattr(page_obj, "url"):
        return _NOT_THIS_KIND
    if _turned_off(page_obj):
        return None
    url = site.abs(page_obj.url)
    title = plain(getattr(page_obj, "title", ""))
    return webpage_graph(site, PageView(url=url, name=title, crumbs=[Crumb(title, url)],
                                        lang=str(getattr(page_obj, "lang", None) or site.lang),
                                        date=getattr(page_obj, "date", None),
                                        modified=getattr(page_obj, "modified", None)))


def _taxonomy_doc(site: Site, ctx: Any) -> Any:
    """A tag's or category's article list (a topic tag's page is about its entity), or an
    author's ProfilePage."""
    key, obj = next(((k, ctx_get(ctx, k)) for k in ("tag", "category", "author") if ctx_get(ctx, k) is not None),
                    (None, None))
    if obj is None:
        return _NOT_THIS_KIND
    crumb = crumb_of(site, obj)
    url = page_url(site, ctx, obj.url)
    name = paged_name(crumb.name, ctx)
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


def _speakers_doc(site: Site, ctx: Any) -> Any:
    """A speaker index (by name, by count, by type): the speakers it lists."""
    speakers = ctx_get(ctx, "speakers")
    if speakers is None or isinstance(speakers, (str, bytes)):
        return _NOT_THIS_KIND
    number, page = _pagination(ctx)
    listed = page.object_list if page is not None and ctx_get(ctx, "speakers_page") is not None else speakers
    url = page_url(site, ctx, None)
    name = paged_name("Speakers by number of quotes" if ctx_get(ctx, "sort") == "count" else "Speakers", ctx)
    return collection_graph(site, PageView(url=url, name=name, type="CollectionPage",
                                           crumbs=[Crumb(name, url)], lang=site.lang),
                            [entity_view(site, s) for s in listed])


def _listing_doc(site: Site, ctx: Any) -> dict[str, Any]:
    """Any other page: the home page's or an archive's article list, else a plain page named
    after its template."""
    page_name = str(ctx_get(ctx, "page_name", "") or "")
    url = page_url(site, ctx, None)
    if page_name == "index" or url == site.home:
        return collection_graph(site, PageView(url=url, name=paged_name(site.name, ctx), type="CollectionPage",
                                               lang=site.lang), _listed_articles(site, ctx))
    period = ctx_get(ctx, "period")
    if period is not None:
        label = " ".join(str(x) for x in (period if isinstance(period, (tuple, list)) else [period]))
        name = paged_name(f"Archives: {label}", ctx)
        return collection_graph(site, PageView(url=url, name=name, type="CollectionPage",
                                               crumbs=[Crumb(name, url)], lang=site.lang),
                                _listed_articles(site, ctx, "dates"))
    name = paged_name(page_name.rsplit("/", 1)[-1].replace("_", " ").replace("-", " ").title() or site.name, ctx)
    p = PageView(url=url, name=name, type="CollectionPage", crumbs=[Crumb(name, url)], lang=site.lang)
    if page_name == "archives":
        return collection_graph(site, p, _listed_articles(site, ctx, "dates"))
    return webpage_graph(site, p)


def where(ctx: Any) -> str:
    for key in ("article", "page"):
        obj = ctx_get(ctx, key)
        if obj is not None:
            return str(getattr(obj, "source_path", None) or getattr(obj, "url", key))
    return str(ctx_get(ctx, "output_file", "") or "page")


@pass_context
def render_for_context(ctx: Any) -> Markup:
    """The page's ``<script type="application/ld+json">…</script>`` ("" when off).

    Never raises: a failure is logged as a warning naming the page, and the page gets no JSON-LD.
    """
    try:
        data = graph_for_context(ctx)
    except Exception as exc:  # never crash the build over structured data
        logger.warning("newsgraph: no JSON-LD for %s: %s: %s", where(ctx), type(exc).__name__, exc)
        return Markup("")
    return script_tag(data) if data is not None else Markup("")



def ensure_in_file(path: str, context: Any) -> bool:
    """Insert the page's JSON-LD before ``</head>`` of a written HTML file that lacks it.

    For themes that do not call ``newsgraph_jsonld()``; a no-op when our script is already in
    the head, for non-HTML files and when JSON-LD is off. Returns True when the file changed.
    """
    return insert_in_head(path, "JSON-LD",
                          lambda head: None if SCRIPT_OPEN in head else render_for_context(context))

