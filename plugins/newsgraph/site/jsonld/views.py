"""The views the graph builders read: site-wide facts and pages, entities, authors, quotes as
small dataclasses with absolute URLs (made from Pelican objects by :mod:`.read`)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping
from urllib.parse import quote as urlquote
from urllib.parse import urlsplit

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

