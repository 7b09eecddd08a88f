"""A Pelican ``Generator`` writing the speaker index, one page per speaker and per-speaker feeds.

Templates are looked up in the theme first and then in this package's ``templates/`` (``pelican/plugins/newsgraph/templates``) (a Jinja
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

import copy
import functools
import logging
import os
from collections import Counter
from dataclasses import dataclass
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader
from markupsafe import Markup, escape
from pelican.generators import Generator
from pelican.paginator import Paginator
from pelican.utils import sanitised_join

from newsgraph.site import build
from newsgraph.site.manifest import OutputManifest
from newsgraph.site.registry import Identity, QuoteRef, Registry
from newsgraph.site.safe import xml_clean
from newsgraph.site.settings import TYPE_PAGES, exit_point

logger = logging.getLogger(__name__)
TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")


@dataclass
class QuoteFeedItem:
    """A quote shaped like the content objects Pelican's ``Writer.write_feed`` expects (its text
    without XML-forbidden characters even when another plugin's writer is used)."""

    ref: QuoteRef

    @property
    def title(self) -> str:
        return xml_clean(str(escape(f"{self.ref.speaker.name}: {_shorten(self.ref.text, 90)}")))

    @property
    def url(self) -> str:
        return self.ref.url

    @property
    def date(self):
        return self.ref.date

    @property
    def author(self) -> str:
        return xml_clean(self.ref.speaker.name)

    @property
    def summary(self) -> str:
        return xml_clean(str(escape(self.ref.text)))

    def get_content(self, siteurl: str) -> str:
        art = self.ref.article
        link = f"{siteurl}/{getattr(art, 'url', '')}" if siteurl else getattr(art, "url", "")
        return xml_clean(str(Markup('<blockquote>{}</blockquote><p>{} quote, in <a href="{}">{}</a></p>').format(
            self.ref.html, self.ref.kind.capitalize(), link,
            Markup(getattr(art, "title", "") or "").striptags())))


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
        """The sitemap and robots.txt; with a site registry, the speaker indexes, each speaker's
        pages and feed and the review report (each skipped when unchanged)."""
        state = build.of(self.context)
        reg: Registry | None = state.registry if state is not None else None
        write_sitemap_and_robots(self.context, self.settings, self.output_path, reg)
        if reg is None:
            return
        speakers = [i for i in reg.speakers if i.save_as]
        manifest = OutputManifest.of(self.settings, self.context, self.output_path)
        self._write_index(writer, speakers, manifest)
        skipped = self._write_speakers(writer, speakers, manifest)
        self._write_review(reg, manifest)
        if manifest is not None:                # (stored when the whole build has finished)
            logger.info("newsgraph: %d pages and feeds unchanged, not rewritten", manifest.skipped)
        logger.info("newsgraph: %d speaker pages written, %d unchanged", len(speakers) - skipped, skipped)

    def _write_speakers(self, writer, speakers: list[Identity], manifest: "OutputManifest | None") -> int:
        """Each speaker's pages and feed, unless unchanged; returns how many were unchanged."""
        per_page = int(self.settings.get("NEWSGRAPH_QUOTES_PER_PAGE") or 0) or None
        template = None                 # compiled when a page is written (none on an unchanged site)
        skipped = 0
        for ident in speakers:
            if manifest is not None and not self._to_write(manifest, ident, per_page):
                skipped += 1
                continue
            template = template or self.get_template("speaker")
            self._write_speaker(writer, template, ident, per_page, topics_of(ident), alongside_of(ident))
            self._write_speaker_feed(writer, ident)
            exit_point("speaker-page")
        return skipped

    def _to_write(self, manifest: "OutputManifest", ident: Identity, per_page: int | None) -> bool:
        """False when the speaker's pages and feed are unchanged; else their files are noted in
        the manifest (before they are written) and True."""
        key = f"speaker:{ident.save_as}"
        if manifest.unchanged(key):
            return False
        files = [p.save_as for p in _pages(ident, self.settings, per_page)]
        files += [ident.feed_save_as] if ident.feed_save_as else []
        for f in files:
            manifest.wrote(key, os.path.join(manifest.output, f))
        return True

    def _write_speaker_feed(self, writer, ident: Identity) -> None:
        """The speaker's Atom feed of quotes (``NEWSGRAPH_SPEAKER_FEED_ATOM``)."""
        if ident.feed_save_as:
            writer.write_feed([QuoteFeedItem(r) for r in ident.quotes], self.context,
                              path=ident.feed_save_as, url=ident.feed_url, feed_type="atom",
                              feed_title=xml_clean(f"Quotes: {ident.name}"))

    def _write_review(self, reg: Registry, manifest: "OutputManifest | None") -> None:
        """The editor's review report (:mod:`review`), a page the site never links; skipped
        when the site is unchanged."""
        save_as = self.settings.get("NEWSGRAPH_REVIEW_SAVE_AS")
        if not save_as:
            return
        path = os.path.join(self.output_path, save_as)
        if manifest is not None:
            if manifest.unchanged(f"review:{save_as}"):
                return
            manifest.wrote(f"review:{save_as}", path)
        from newsgraph.site.review import findings, render_text
        items = findings(reg, self.settings.get("NEWSGRAPH_SPEAKER_TYPES") or ())
        html = render_text(items, str(self.settings.get("SITENAME") or ""))
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(html)
        logger.info("newsgraph: review report (%d items) written to %s", len(items), save_as)

    def _write_index(self, writer, speakers: list[Identity], manifest: "OutputManifest | None") -> None:
        """The speaker indexes (by name, by number of quotes, one per speaker type), unless unchanged."""
        s = self.settings
        types = speaker_type_pages(s, speakers)
        common = dict(speakers_by_name_url=s.get("NEWSGRAPH_SPEAKERS_URL"),
                      speakers_by_count_url=s.get("NEWSGRAPH_SPEAKERS_BY_COUNT_URL"),
                      type_pages=[(label, url, etype) for etype, label, _, url in types])
        template = None
        for sort, listing, save_as, url, etype in self._index_pages(speakers, types):
            if not save_as or manifest is not None and manifest.unchanged(f"index:{save_as}"):
                continue
            if manifest is not None:
                manifest.wrote(f"index:{save_as}", os.path.join(manifest.output, save_as))
            items, letters = listing()
            template = template or self.get_template("speakers")
            writer.write_file(save_as, template, self.context, relative_urls=s["RELATIVE_URLS"],
                              speakers=items, sort=sort, letters=letters, url=url, speaker_type=etype,
                              page_name=os.path.splitext(save_as)[0], **common)

    def _index_pages(self, speakers: list[Identity], types: list) -> list[tuple]:
        """``(sort, listing, save_as, url, type)`` of each speaker index; ``listing()`` gives its
        speakers and letter anchors (made only for an index that is written)."""
        s = self.settings

        def by_name() -> tuple[list[Identity], list]:
            long = len(speakers) >= int(s.get("NEWSGRAPH_LETTER_INDEX_MIN") or 0)
            return speakers, list(dict.fromkeys((i.letter, i.letter_anchor) for i in speakers)) if long else []

        def by_count() -> tuple[list[Identity], list]:
            return sorted(speakers, key=lambda i: (-i.quote_count, i.sort_key)), []

        def of_type(etype: str) -> tuple[list[Identity], list]:
            return [i for i in by_count()[0] if i.type == etype], []

        return [("name", by_name, s.get("NEWSGRAPH_SPEAKERS_SAVE_AS"), s.get("NEWSGRAPH_SPEAKERS_URL"), None),
                ("count", by_count, s.get("NEWSGRAPH_SPEAKERS_BY_COUNT_SAVE_AS"),
                 s.get("NEWSGRAPH_SPEAKERS_BY_COUNT_URL"), None),
                *(("count", functools.partial(of_type, etype), save_as, url, etype)
                  for etype, _label, save_as, url in types)]

    def _write_speaker(self, writer, template, ident: Identity, per_page: int | None,
                       topics: list, alongside: list) -> None:
        s = self.settings
        paginator = Paginator(ident.save_as, ident.url, ident.quotes, s, per_page)
        extra = dict(speaker=ident, topics=topics, alongside=alongside,
                     feed_url=ident.feed_url, page_name=os.path.splitext(ident.save_as)[0],
                     quotes_paginator=paginator)
        for number in range(1, paginator.num_pages + 1):
            page = paginator.page(number)
            writer.write_file(page.save_as, template, self.context, relative_urls=s["RELATIVE_URLS"],
                              url=page.url, quotes=page.object_list, quotes_page=page,
                              quotes_previous_page=paginator.page(number - 1) if number > 1 else None,
                              quotes_next_page=paginator.page(number + 1) if number < paginator.num_pages
                              else None, **extra)


def speaker_type_pages(settings: dict, speakers: list[Identity]) -> list[tuple[str, str, str, str]]:
    """``[(type, its path word, save_as, url)]``: one index per type some speaker has, in the
    order of ``TYPE_PAGES`` (none without ``NEWSGRAPH_SPEAKERS_BY_TYPE_SAVE_AS``)."""
    save_as, url = settings.get("NEWSGRAPH_SPEAKERS_BY_TYPE_SAVE_AS"), settings.get("NEWSGRAPH_SPEAKERS_BY_TYPE_URL")
    if not save_as:
        return []
    present = {i.type for i in speakers}
    return [(etype, word, save_as.format(type=word), (url or save_as).format(type=word))
            for etype, word in TYPE_PAGES.items() if etype in present]


def _pages(ident: Identity, settings: dict, per_page: int | None):
    paginator = Paginator(ident.save_as, ident.url, ident.quotes, settings, per_page)
    return [paginator.page(n) for n in range(1, paginator.num_pages + 1)]


def clean_feed(feed) -> None:
    """Every text field of a feed about to be written, without characters XML 1.0 forbids (a
    control character in an article, a title or a name must not stop the build). Run on Pelican's
    public ``feed_generated`` signal, so the site keeps whichever writer it uses."""
    _clean_feed_fields(feed.feed)
    for item in feed.items:
        _clean_feed_fields(item)


def absolute_feed(feed, context: dict) -> None:
    """A feed usable by feed readers whatever the URL settings: its link, its own URL (also its
    id: Pelican's default id, the site's home, is the same for every feed and just "/" without
    SITEURL), every entry's link and its tag-URI id (which needs a host) made absolute on
    ``SITEURL``, or, when that is not absolute (development, relative URLs), on
    ``NEWSGRAPH_SITEURL`` / ``FEED_DOMAIN``, the JSON-LD base. Run on ``feed_generated``."""
    from urllib.parse import urljoin

    from feedgenerator import get_tag_uri

    from newsgraph.site.jsonld.read import absolute_base
    base = absolute_base(context.get("NEWSGRAPH_SITEURL"), context.get("SITEURL"), context.get("FEED_DOMAIN"))
    root = base.rstrip("/") + "/"
    info = feed.feed
    if not _is_abs(info.get("link")):
        info["link"] = urljoin(root, str(info.get("link") or "").lstrip("/"))
    if not _is_abs(info.get("feed_url")):
        info["feed_url"] = urljoin(root, str(info.get("feed_url") or "").lstrip("/"))
    info["id"] = info["feed_url"]
    for item in feed.items:
        link = str(item.get("link") or "")
        if not _is_abs(link):
            item["link"] = urljoin(root, link.lstrip("/"))
            item["unique_id"] = get_tag_uri(item["link"], item.get("pubdate"))


def note_written(path: str, context: dict | None) -> None:
    """A file was written (Pelican's ``content_written`` / ``feed_written`` signals): noted in the
    build's manifest, never removed as stale; under the topic tag being written, if any."""
    state = build.of(context)
    manifest = state.manifest if state is not None else None
    if manifest is None:
        return
    manifest.written.add(os.path.abspath(path))
    if manifest.capturing:
        manifest.wrote(manifest.capturing, path)


def _clean_feed_fields(fields: dict) -> None:
    """A feedgenerator feed's or item's text fields (and category lists) without XML-forbidden characters."""
    for key, value in fields.items():
        if isinstance(value, str):
            fields[key] = xml_clean(value)
        elif isinstance(value, (list, tuple)):
            fields[key] = type(value)(xml_clean(v) for v in value)     # categories: strings


def _is_abs(url: Any) -> bool:
    from newsgraph.site.jsonld.views import is_abs_url
    return is_abs_url(url)


def tag_feed_paths(settings: dict, slug: str) -> list[str]:
    """Output paths of a tag's feeds (Pelican's ``TAG_FEED_ATOM`` / ``TAG_FEED_RSS``)."""
    return [str(settings[k]).format(slug=slug) for k in ("TAG_FEED_ATOM", "TAG_FEED_RSS") if settings.get(k)]


def skip_unchanged_topic_tags(generator) -> None:
    """Leave the plugin's unchanged topic tags out of Pelican's tag-page and tag-feed loops.

    Pelican's ``generate_tags`` builds each tag's date-ordered article list before it calls the
    writer (a loop over tags × articles), and ``generate_feeds`` loops over every tag, even when
    an unchanged output needs no writing. So both methods, on this generator only, run with
    ``generator.tags`` minus the topic tags whose outputs :class:`OutputManifest` finds unchanged;
    the author's own tags are never left out.
    """
    settings, context = generator.settings, generator.context

    def topic(tag) -> bool:
        state = build.of(context)
        return state is not None and tag.slug in state.topic_slugs

    def page_keys(tag) -> list[str]:
        return [f"page:{tag.save_as}"] if topic(tag) else []

    def feed_keys(tag) -> list[str]:
        return [f"feed:{path}" for path in tag_feed_paths(settings, tag.slug)] if topic(tag) else []

    def without_unchanged(method, keys_of):
        @functools.wraps(method)
        def run(*args, **kwargs):
            manifest = OutputManifest.of(settings, context, generator.output_path)
            if manifest is None:
                return method(*args, **kwargs)
            every = generator.tags
            keep = copy.copy(every)
            for tag in every:
                keys = keys_of(tag)
                if keys and all([manifest.unchanged(k) for k in keys]):     # each key noted (a list)
                    del keep[tag]
            generator.tags = keep
            try:
                return method(*args, **kwargs)
            finally:
                generator.tags = every
        return run

    def recorded(manifest: OutputManifest, key: str, path: str, write, *args, **kwargs):
        """``write(...)``, noting the files it writes under ``key``: ``path`` before it is written,
        more pages of a paginated tag as Pelican reports them (:func:`note_written`)."""
        manifest.new[key] = []
        manifest.wrote(key, path)
        manifest.capturing = key
        try:
            return write(*args, **kwargs)
        finally:
            manifest.capturing = None
            exit_point("topic-page")

    def recording_write(write):
        """Pelican's ``write`` for tag pages, recording the topic tags' files."""
        def run(name, template, ctx, *args, **kwargs):
            manifest = OutputManifest.of(settings, context, generator.output_path)
            tag = kwargs.get("tag")
            if manifest is None or tag is None or not topic(tag):
                return write(name, template, ctx, *args, **kwargs)
            return recorded(manifest, f"page:{name}", sanitised_join(generator.output_path, name),
                            write, name, template, ctx, *args, **kwargs)
        return run

    generate_tags = without_unchanged(generator.generate_tags, page_keys)
    generate_feeds = without_unchanged(generator.generate_feeds, feed_keys)

    @functools.wraps(generate_tags)
    def tags_recorded(write):
        return generate_tags(recording_write(write))

    @functools.wraps(generate_feeds)
    def feeds_recorded(writer):
        return generate_feeds(_TopicFeedWriter(writer, settings, context, generator.output_path, recorded))

    generator.generate_tags, generator.generate_feeds = tags_recorded, feeds_recorded


class _TopicFeedWriter:
    """The site's writer (whichever it is) for Pelican's ``generate_feeds``, recording the files of
    the topic tags' feeds; every other call goes to the writer unchanged."""

    def __init__(self, writer, settings: dict, context: dict, output_path: str, recorded):
        self._writer, self._settings, self._context = writer, settings, context
        self._output_path, self._recorded = output_path, recorded

    def __getattr__(self, name: str):
        return getattr(self._writer, name)

    def write_feed(self, elements, context, path=None, url=None, *args, **kwargs):
        write = self._writer.write_feed
        manifest = OutputManifest.of(self._settings, self._context, self._output_path)
        state = build.of(self._context)
        if manifest is None or not path or state is None or path not in state.topic_feeds:
            return write(elements, context, path, url, *args, **kwargs)
        return self._recorded(manifest, f"feed:{path}", sanitised_join(self._output_path, path),
                              write, elements, context, path, url, *args, **kwargs)


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


def write_sitemap_and_robots(context: dict, settings: dict, output_path: str, registry: Registry | None = None) -> None:
    """Write ``NEWSGRAPH_SITEMAP`` and ``NEWSGRAPH_ROBOTS`` (made by :func:`seo.sitemap_and_robots`)
    into the output."""
    from newsgraph.site.seo import sitemap_and_robots

    for name, text in sitemap_and_robots(context, settings, registry):
        try:
            path = sanitised_join(output_path, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            logger.info('Writing "%s"', path)
        except (OSError, RuntimeError) as exc:
            logger.warning("newsgraph: cannot write %s: %s", name, exc)
