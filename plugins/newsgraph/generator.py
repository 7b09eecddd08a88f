"""A Pelican ``Generator`` writing the speaker index, one page per speaker and per-speaker feeds.

Templates are looked up in the theme first and then in ``newsgraph/templates`` (a Jinja
``ChoiceLoader``), so any theme works and any theme can override them.

``speakers.html`` context (besides Pelican's): ``speakers`` (list of ``registry.Identity``, sorted
as ``sort`` says: ``"name"`` or ``"count"``), ``sort``, ``speakers_by_name_url``,
``speakers_by_count_url``, ``letters`` (``[(letter, anchor id)]`` for a letter index when the list is
long, else ``[]``; ``Identity.letter`` / ``Identity.letter_anchor`` place the anchors),
``page_name``, ``url``.

``speaker.html`` context: ``speaker`` (Identity), ``quotes`` (this page's ``registry.QuoteRef``s,
newest first), ``quotes_paginator``/``quotes_page``/``quotes_previous_page``/``quotes_next_page``
(Pelican's paginator, ``NEWSGRAPH_QUOTES_PER_PAGE`` per page), ``topics`` (``[(Tag, articles)]``),
``alongside`` (``[(Identity, articles)]``), ``feed_url``, ``page_name``, ``url``.
"""
from __future__ import annotations

import logging
import os
from collections import Counter
from dataclasses import dataclass
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader
from markupsafe import Markup, escape
from pelican.generators import Generator
from pelican.paginator import Paginator

from .registry import Identity, QuoteRef, Registry

logger = logging.getLogger(__name__)
TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")


@dataclass
class QuoteFeedItem:
    """A quote shaped like the content objects Pelican's ``Writer.write_feed`` expects."""

    ref: QuoteRef

    @property
    def title(self) -> str:
        return str(escape(f"{self.ref.speaker.name}: {_shorten(self.ref.text, 90)}"))

    @property
    def url(self) -> str:
        return self.ref.url

    @property
    def date(self):
        return self.ref.date

    @property
    def author(self) -> str:
        return self.ref.speaker.name

    @property
    def summary(self) -> str:
        return str(escape(self.ref.text))

    def get_content(self, siteurl: str) -> str:
        art = self.ref.article
        link = f"{siteurl}/{getattr(art, 'url', '')}" if siteurl else getattr(art, "url", "")
        return str(Markup('<blockquote>{}</blockquote><p>{} quote, in <a href="{}">{}</a></p>').format(
            self.ref.html, self.ref.kind.capitalize(), link,
            Markup(getattr(art, "title", "") or "").striptags()))


def _shorten(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"


class SpeakersGenerator(Generator):
    """Writes ``NEWSGRAPH_SPEAKERS_SAVE_AS``, ``NEWSGRAPH_SPEAKER_SAVE_AS`` pages and feeds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # the theme (and Pelican's own chain) first, our fallbacks last
        self.env.loader = ChoiceLoader([self.env.loader, FileSystemLoader(TEMPLATES)])

    def generate_context(self) -> None:
        """Nothing to read: the registry is built during the articles' pre-taxonomy signal."""

    def generate_output(self, writer) -> None:
        reg: Registry | None = self.context.get("newsgraph_registry")
        if reg is None:
            return
        s = self.settings
        speakers = [i for i in reg.speakers if i.save_as]
        self._write_index(writer, speakers)
        per_page = int(s.get("NEWSGRAPH_QUOTES_PER_PAGE") or 0) or None
        template = self.get_template("speaker")
        for ident in speakers:
            self._write_speaker(writer, template, ident, per_page)
            if ident.feed_save_as:
                writer.write_feed([QuoteFeedItem(r) for r in ident.quotes], self.context,
                                  path=ident.feed_save_as, url=ident.feed_url, feed_type="atom",
                                  feed_title=f"Quotes: {ident.name}")

    def _write_index(self, writer, speakers: list[Identity]) -> None:
        s = self.settings
        template = self.get_template("speakers")
        long = len(speakers) >= int(s.get("NEWSGRAPH_LETTER_INDEX_MIN") or 0)
        letters = list(dict.fromkeys((i.letter, i.letter_anchor) for i in speakers)) if long else []
        common = dict(speakers_by_name_url=s.get("NEWSGRAPH_SPEAKERS_URL"),
                      speakers_by_count_url=s.get("NEWSGRAPH_SPEAKERS_BY_COUNT_URL"))
        pages = [("name", speakers, letters, "NEWSGRAPH_SPEAKERS"),
                 ("count", sorted(speakers, key=lambda i: (-i.quote_count, i.sort_key)), [],
                  "NEWSGRAPH_SPEAKERS_BY_COUNT")]
        for sort, items, lets, key in pages:
            save_as = s.get(key + "_SAVE_AS")
            if not save_as:
                continue
            writer.write_file(save_as, template, self.context, relative_urls=s["RELATIVE_URLS"],
                              speakers=items, sort=sort, letters=lets, url=s.get(key + "_URL"),
                              page_name=os.path.splitext(save_as)[0], **common)

    def _write_speaker(self, writer, template, ident: Identity, per_page: int | None) -> None:
        s = self.settings
        paginator = Paginator(ident.save_as, ident.url, ident.quotes, s, per_page)
        extra = dict(speaker=ident, topics=topics_of(ident), alongside=alongside_of(ident),
                     feed_url=ident.feed_url, page_name=os.path.splitext(ident.save_as)[0],
                     quotes_paginator=paginator)
        for number in range(1, paginator.num_pages + 1):
            page = paginator.page(number)
            writer.write_file(page.save_as, template, self.context, relative_urls=s["RELATIVE_URLS"],
                              url=page.url, quotes=page.object_list, quotes_page=page,
                              quotes_previous_page=paginator.page(number - 1) if number > 1 else None,
                              quotes_next_page=paginator.page(number + 1) if number < paginator.num_pages
                              else None, **extra)


def _articles(ident: Identity) -> list[Any]:
    return list({id(r.article): r.article for r in ident.quotes}.values())


def topics_of(ident: Identity) -> list[tuple[Any, int]]:
    """Tags of the articles the speaker is quoted in (their own tag excluded), most frequent first."""
    count: Counter = Counter()
    tags: dict[str, Any] = {}
    own = ident.tag.slug if ident.tag is not None else None
    for art in _articles(ident):
        for tag in getattr(art, "tags", None) or []:
            if tag.slug != own:
                tags.setdefault(tag.slug, tag)
                count[tag.slug] += 1
    return [(tags[k], n) for k, n in sorted(count.items(), key=lambda kv: (-kv[1], str(tags[kv[0]].name).lower()))]


def alongside_of(ident: Identity) -> list[tuple[Identity, int]]:
    """Other speakers quoted in the same articles, with the number of shared articles."""
    count: Counter = Counter()
    who: dict[str, Identity] = {}
    for art in _articles(ident):
        for other in getattr(art, "newsgraph_speakers", []) or []:
            if other.key != ident.key and other.is_speaker:
                who[other.key] = other
                count[other.key] += 1
    return [(who[k], n) for k, n in sorted(count.items(), key=lambda kv: (-kv[1], who[kv[0]].sort_key))]
