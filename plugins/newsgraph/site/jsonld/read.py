"""Reading Pelican objects into views, by attribute (no Pelican import): the site from a template
context or the settings, articles, authors, entities, quotes.

Settings read: ``NEWSGRAPH_PUBLISHER``, ``NEWSGRAPH_SITEURL`` (absolute base of every JSON-LD URL;
default SITEURL, else FEED_DOMAIN, else https://example.org with one warning),
``NEWSGRAPH_ORGANIZATION_AUTHORS``. Metadata: ``image``/``cover``/``og_image`` (with
``image_width``/``image_height``), ``license_url``/``license``, ``source_url``/``source`` (URLs).
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any, Iterable, Mapping
from urllib.parse import urlsplit

from markupsafe import Markup

from ...engine.lexicon import COLLECTIVE_WORDS
from .views import ArticleView, AuthorView, Crumb, EntityView, QuoteView, Site, is_abs_url

try:  # Jinja2 comes with Pelican; the builders work without it
    from jinja2 import pass_context
except ImportError:  # pragma: no cover
    def pass_context(f):  # type: ignore[no-redef]
        return f

logger = logging.getLogger(__name__)

FALLBACK_SITEURL = "https://example.org"
IMAGE_METADATA = ("image", "cover", "og_image")

_warned: set[str] = set()


def _warn_once(key: str, msg: str, *args: Any) -> None:
    if key not in _warned:
        _warned.add(key)
        logger.warning(msg, *args)



def ctx_get(ctx: Any, key: str, default: Any = None) -> Any:
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


def settings_of(ctx: Any) -> Mapping[str, Any]:
    """The real settings: Pelican objects keep them; the template context's SITEURL may be relative."""
    for key in ("article", "page", "tag", "category", "author"):
        s = getattr(ctx_get(ctx, key), "settings", None)
        if isinstance(s, Mapping):
            return s
    for key in ("articles", "dates", "pages", "hidden_articles"):
        seq = ctx_get(ctx, key)
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
    settings = settings_of(ctx)

    def setting(key: str, default: Any = None) -> Any:
        v = ctx_get(ctx, key)
        return v if v is not None else settings.get(key, default)

    base = absolute_base(setting("NEWSGRAPH_SITEURL"), settings.get("SITEURL"), ctx_get(ctx, "SITEURL"),
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


def meta_value(obj: Any, key: str) -> Any:
    md = getattr(obj, "metadata", None) or {}
    v = md.get(key) if isinstance(md, Mapping) else None
    return v if v is not None else getattr(obj, key, None)


def crumb_of(site: Site, wrapper: Any) -> Crumb | None:
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
    image = next((meta_value(article, k) for k in IMAGE_METADATA if meta_value(article, k)), None)
    if not isinstance(image, str):
        return None, None
    image = re.sub(r"^\{(static|attach|filename)\}", "", image.strip())
    image = site.abs(image) if image else None
    if not is_abs_url(image):
        _warn_once(f"image:{article.url}", "newsgraph: %s: image %r is not a usable URL; left out of JSON-LD",
                   getattr(article, "source_path", article.url), image)
        return None, None
    width, height = _dimension(meta_value(article, "image_width")), _dimension(meta_value(article, "image_height"))
    return image, (width, height) if width and height else None


def article_view(site: Site, article: Any) -> ArticleView:
    url = site.abs(article.url)
    image, size = article_image(site, article)
    extra = {}
    for prop, keys in (("license", ("license_url", "license")), ("based_on", ("source_url", "source"))):
        val = next((meta_value(article, k) for k in keys if is_abs_url(meta_value(article, k))), None)
        if val:
            extra[prop] = val
    quotes = quote_views(site, getattr(article, "newsgraph_quotes", None) or [])
    return ArticleView(
        url=url, title=plain(getattr(article, "title", "")),
        date=getattr(article, "date", None), modified=getattr(article, "modified", None),
        lang=str(getattr(article, "lang", None) or site.lang),
        authors=[author_view(site, a) for a in bylined_authors(article)],
        section=crumb_of(site, getattr(article, "category", None)),
        keywords=[str(getattr(t, "name", t)) for t in getattr(article, "tags", None) or []],
        word_count=len(Markup(str(getattr(article, "content", "") or "")).striptags().split()),
        image=image,
        image_width=size[0] if size else None, image_height=size[1] if size else None,
        about=[entity_view(site, i) for i in getattr(article, "newsgraph_about", None) or []],
        mentions=[entity_view(site, i) for i in getattr(article, "newsgraph_mentions", None) or []],
        quotes=quotes, **extra)

