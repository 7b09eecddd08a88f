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

import copy
import functools
import hashlib
import json
import logging
import os
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader
from markupsafe import Markup, escape
from pelican.generators import Generator
from pelican.paginator import Paginator
from pelican.utils import sanitised_join

from . import build
from .cache import Damaged, read_checked, write_atomic, write_checked
from .registry import Identity, QuoteRef, Registry
from .safe import xml_clean
from .settings import TYPE_PAGES, exit_point

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
        state = build.of(self.context)
        reg: Registry | None = state.registry if state is not None else None
        from .seo import write_sitemap_and_robots
        write_sitemap_and_robots(self.context, self.settings, self.output_path, reg)
        if reg is None:
            return
        s = self.settings
        speakers = [i for i in reg.speakers if i.save_as]
        manifest = OutputManifest.of(s, self.context, self.output_path)
        self._write_index(writer, speakers, manifest)
        per_page = int(s.get("NEWSGRAPH_QUOTES_PER_PAGE") or 0) or None
        template = None                 # compiled when a page is written (none on an unchanged site)
        skipped = 0
        for ident in speakers:
            if manifest is not None:
                key = f"speaker:{ident.save_as}"
                if manifest.unchanged(key):
                    skipped += 1
                    continue
                files = [p.save_as for p in _pages(ident, s, per_page)]
                files += [ident.feed_save_as] if ident.feed_save_as else []
                for f in files:
                    manifest.wrote(key, os.path.join(manifest.output, f))
            template = template or self.get_template("speaker")
            self._write_speaker(writer, template, ident, per_page, topics_of(ident), alongside_of(ident))
            if ident.feed_save_as:
                writer.write_feed([QuoteFeedItem(r) for r in ident.quotes], self.context,
                                  path=ident.feed_save_as, url=ident.feed_url, feed_type="atom",
                                  feed_title=xml_clean(f"Quotes: {ident.name}"))
            exit_point("speaker-page")
        self._write_review(reg, manifest)
        if manifest is not None:                # (stored when the whole build has finished)
            logger.info("newsgraph: %d pages and feeds unchanged, not rewritten", manifest.skipped)
        logger.info("newsgraph: %d speaker pages written, %d unchanged", len(speakers) - skipped, skipped)

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
        from .review import findings, render_text
        items = findings(reg, self.settings.get("NEWSGRAPH_SPEAKER_TYPES") or ())
        html = render_text(items, str(self.settings.get("SITENAME") or ""))
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(html)
        logger.info("newsgraph: review report (%d items) written to %s", len(items), save_as)

    def _write_index(self, writer, speakers: list[Identity], manifest: "OutputManifest | None") -> None:
        s = self.settings
        template = None
        common = dict(speakers_by_name_url=s.get("NEWSGRAPH_SPEAKERS_URL"),
                      speakers_by_count_url=s.get("NEWSGRAPH_SPEAKERS_BY_COUNT_URL"))

        def by_name() -> tuple[list[Identity], list]:
            long = len(speakers) >= int(s.get("NEWSGRAPH_LETTER_INDEX_MIN") or 0)
            return speakers, list(dict.fromkeys((i.letter, i.letter_anchor) for i in speakers)) if long else []

        def by_count() -> tuple[list[Identity], list]:
            return sorted(speakers, key=lambda i: (-i.quote_count, i.sort_key)), []

        pages = [("name", by_name, s.get("NEWSGRAPH_SPEAKERS_SAVE_AS"), s.get("NEWSGRAPH_SPEAKERS_URL"), None),
                 ("count", by_count, s.get("NEWSGRAPH_SPEAKERS_BY_COUNT_SAVE_AS"),
                  s.get("NEWSGRAPH_SPEAKERS_BY_COUNT_URL"), None)]
        types = speaker_type_pages(s, speakers)
        common["type_pages"] = [(label, url, etype) for etype, label, _, url in types]
        for etype, _label, save_as, url in types:
            def of_type(etype=etype) -> tuple[list[Identity], list]:
                return [i for i in by_count()[0] if i.type == etype], []
            pages.append(("count", of_type, save_as, url, etype))
        for sort, listing, save_as, url, etype in pages:
            if not save_as or manifest is not None and manifest.unchanged(f"index:{save_as}"):
                continue
            if manifest is not None:
                manifest.wrote(f"index:{save_as}", os.path.join(manifest.output, save_as))
            items, letters = listing()
            template = template or self.get_template("speakers")
            writer.write_file(save_as, template, self.context, relative_urls=s["RELATIVE_URLS"],
                              speakers=items, sort=sort, letters=letters, url=url, speaker_type=etype,
                              page_name=os.path.splitext(save_as)[0], **common)

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


class OutputManifest:
    """Skips re-rendering the plugin's own outputs when nothing they are made from changed.

    Covers speaker pages and feeds, and Pelican's pages and feeds of the topic tags the plugin
    added (:func:`skip_unchanged_topic_tags`, :func:`note_written`). An output's digest is its
    own data (a speaker's quotes, topics, URLs; a tag's article list) plus a *site signature*:
    every article's and page's source path, metadata and content hash, the engine fingerprint, all
    settings, the alias file, and the theme's and the plugin's rendering files (mtime and size). Anything a template could
    show is in the signature, so any change re-renders everything; a missing output file
    re-renders that output. One per build, in the build state (:mod:`build`); stored in
    ``NEWSGRAPH_CACHE_PATH/pages-<output folder hash>.json`` (with a checksum) when the build has
    finished (:meth:`build.BuildState.finish`).

    Interruptions: before the first output file is (re)written, a journal
    ``pages-<hash>.journal`` is created, and each file is noted in it before it is written; it is
    removed only after the manifest of a finished build is stored. A journal found at the start
    of a build means the last one stopped half-way (crash, kill, Ctrl-C, time-out): then no
    output counts as unchanged, and the files it lists count as the plugin's for stale-file
    removal. So an interrupted build never leaves a stored manifest vouching for outputs it changed.
    """

    FORMAT = "newsgraph-pages/2"

    def __init__(self, settings: dict, context: dict, output_path: str):
        out = os.path.abspath(output_path)
        self.output = out
        self.path = os.path.join(settings["NEWSGRAPH_CACHE_PATH"],
                                 "pages-%s.json" % hashlib.sha256(out.encode()).hexdigest()[:12])
        self.journal_path = self.path[:-len(".json")] + ".journal"
        self.site = site_signature(settings, context)
        old = self._load()
        self.previous: dict[str, list] = old.get("outputs") or {}
        interrupted = self._interrupted_files()
        self.interrupted = interrupted is not None
        if self.interrupted:
            logger.warning("newsgraph: the last build into %s did not finish; all of the plugin's pages and "
                           "feeds are rendered again", out)
            self.previous = dict(self.previous, **{"(interrupted build)": interrupted})
        self.old = self.previous if old.get("site") == self.site and not self.interrupted else {}
        self.new: dict[str, list] = {}
        self.written: set[str] = set()        # every file written in this build (see note_written)
        self.capturing: str | None = None     # the topic tag output being written, if any
        self._listings: dict[str, set[str]] = {}
        self._journal: Any = None             # open while this build writes outputs
        self.skipped = 0

    def _load(self) -> dict:
        """The stored manifest ({} when there is none, or when damaged: warned about)."""
        try:
            payload = read_checked(self.path, self.FORMAT)
            old = json.loads(payload) if payload is not None else {}
            if not isinstance(old, dict) or not isinstance(old.get("outputs", {}), dict):
                raise Damaged("not a manifest")
            return old
        except (Damaged, ValueError, OSError) as exc:
            logger.warning("newsgraph: output manifest %s damaged (%s); not used, all of the plugin's pages "
                           "rendered again", self.path, exc)
            return {}

    def _interrupted_files(self) -> list[str] | None:
        """The files a build that did not finish noted in its journal; None when there is none."""
        try:
            with open(self.journal_path, "rb") as f:
                lines = f.read().splitlines()
        except FileNotFoundError:
            return None
        except OSError:
            return []
        files = []
        for line in lines:
            try:
                rel = json.loads(line)
            except ValueError:          # (a line cut short by the interruption)
                continue
            if isinstance(rel, str):
                files.append(rel)
        return files

    @classmethod
    def of(cls, settings: dict, context: dict, output_path: str) -> "OutputManifest | None":
        """The build's manifest, made on the first call; None when unchanged outputs are not
        skipped or there is no site registry."""
        state = build.of(context)
        if not settings.get("NEWSGRAPH_SKIP_UNCHANGED", True) or state is None or state.registry is None:
            return None
        if state.manifest is None:
            state.manifest = state.until_finished(cls(settings, context, output_path))
        return state.manifest

    def unchanged(self, key: str) -> bool:
        """True when the site is unchanged since ``key`` was written and its files still exist.

        (Every input of every output is in the site signature, so no per-output data is needed.)
        """
        old = self.old.get(key)
        if old and all(self._exists(f) for f in old):
            self.new[key] = old
            self.skipped += 1
            return True
        self.new[key] = []
        return False

    def _exists(self, rel: str) -> bool:
        """Whether output file ``rel`` exists (one directory listing per folder, not a stat per file;
        called before this build writes the key's files, and nothing is deleted until ``save``)."""
        folder, name = os.path.split(os.path.join(self.output, rel))
        names = self._listings.get(folder)
        if names is None:
            try:
                names = {e.name for e in os.scandir(folder) if e.is_file()}
            except OSError:
                names = set()
            self._listings[folder] = names
        return name in names

    def wrote(self, key: str, path: str) -> None:
        """``path`` is about to be written for ``key``: noted, in the journal first."""
        rel = os.path.relpath(path, self.output)
        if key in self.new and rel not in self.new[key]:
            self._note(rel)
            self.new[key].append(rel)

    def _note(self, rel: str) -> None:
        """Append ``rel`` to the journal (created on the first write of the build), flushed to the
        OS before the file is written: it survives the process being killed."""
        try:
            if self._journal is None:
                os.makedirs(os.path.dirname(self.journal_path), exist_ok=True)
                self._journal = open(self.journal_path, "a", encoding="utf-8")
            self._journal.write(json.dumps(rel) + "\n")
            self._journal.flush()
        except OSError as exc:
            logger.warning("newsgraph: cannot write %s: %s", self.journal_path, exc)

    def save(self) -> None:
        """The build has finished: remove stale outputs, store the manifest, remove the journal."""
        self.remove_stale()
        if self.new != self.old or self.interrupted:
            try:
                write_checked(self.path, self.FORMAT,
                              json.dumps({"site": self.site, "outputs": self.new}).encode())
            except OSError as exc:
                logger.warning("newsgraph: cannot write %s: %s", self.path, exc)
                return                      # (the journal stays: the next build renders everything)
        self.discard()
        try:
            os.remove(self.journal_path)
        except FileNotFoundError:
            pass
        except OSError as exc:
            logger.warning("newsgraph: cannot remove %s: %s", self.journal_path, exc)

    def discard(self) -> None:
        """Close the journal (left on disk: this build's outputs stay unvouched for)."""
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    def remove_stale(self) -> None:
        """Delete the plugin's outputs of the last build that this build no longer makes: pages
        and feeds of a speaker or topic that is gone (merged, renamed, ignored, article deleted),
        pages a shorter pagination dropped. Only files the plugin itself wrote, never one written
        in this build, never outside the output folder."""
        keep = {f for files in self.new.values() for f in files}
        stale = {f for files in self.previous.values() for f in files} - keep
        removed = 0
        for rel in sorted(stale):
            path = os.path.abspath(os.path.join(self.output, rel))
            if os.path.commonpath([path, self.output]) != self.output or path in self.written \
                    or not os.path.isfile(path):
                continue
            try:
                os.remove(path)
                removed += 1
                folder = os.path.dirname(path)
                while folder != self.output and not os.listdir(folder):
                    os.rmdir(folder)
                    folder = os.path.dirname(folder)
            except OSError as exc:
                logger.warning("newsgraph: cannot remove stale output %s: %s", path, exc)
        if removed:
            logger.info("newsgraph: removed %d stale pages and feeds (speakers or topics no longer on the site)",
                        removed)


class JsonldMemo:
    """Each page's rendered JSON-LD of the last build, reused while the site signature is unchanged.

    A page's JSON-LD is made from the page's own data and the site (every input of which is in
    :func:`site_signature`), so with an unchanged signature it is the same text as last time.
    Keyed by output file; stored next to the manifest as ``jsonld-<output folder hash>.bin`` when
    the build has finished: a JSON header line (format, size and SHA-256 of the next line), a JSON
    line (site signature, ``{key: [offset, length, checksum]}``) and the texts in UTF-8, each read,
    checked and decoded only when its page is rendered (nothing is loaded up front). A damaged
    file or entry is reported and rendered again, never used.
    """

    FORMAT = "newsgraph-jsonld/3"

    def __init__(self, manifest: "OutputManifest"):
        self.path = os.path.join(os.path.dirname(manifest.path),
                                 os.path.basename(manifest.path).replace("pages-", "jsonld-", 1)
                                 .replace(".json", ".bin"))
        self.site = manifest.site
        self.new: dict[str, str | None] = {}     # key -> fresh text, or None: last build's reused
        self.index: dict[str, list] = {}
        self.file: Any = None                    # the last build's file, open while pages render
        self.start = 0
        self.damaged = 0
        try:
            f = open(self.path, "rb")
        except OSError:
            return
        try:
            meta = self._read_meta(f)
        except (OSError, Damaged) as exc:
            self._warn(f"{exc}; all JSON-LD rendered again")
            meta = None
        if meta is not None and meta.get("site") == self.site:
            self.index, self.start, self.file = meta["index"], f.tell(), f
        else:
            f.close()

    def _read_meta(self, f) -> dict | None:
        """The site signature and index (None: another format); raises Damaged."""
        try:
            head = json.loads(f.readline())
        except ValueError:
            raise Damaged("unreadable header") from None
        if not isinstance(head, dict):
            raise Damaged("unreadable header")
        if head.get("format") != self.FORMAT:
            return None                             # an older version's memo: not an error
        size = head.get("size")
        raw = f.read(size) if isinstance(size, int) and size >= 0 else b""
        if len(raw) != size or _digest(raw, 64) != head.get("sha256") or f.read(1) != b"\n":
            raise Damaged("truncated or modified (checksum mismatch)")
        meta = json.loads(raw)
        if not isinstance(meta, dict) or not isinstance(meta.get("index"), dict):
            raise Damaged("not a JSON-LD memo")
        return meta

    def _warn(self, why: str) -> None:
        logger.warning("newsgraph: JSON-LD memo %s damaged (%s)", self.path, why)

    def get(self, key: str, render) -> str:
        """Last build's text for ``key``, else ``str(render())``."""
        raw = self._stored(key)
        if raw is not None:
            self.new[key] = None
            return raw.decode("utf-8")
        text = self.new[key] = str(render())
        return text

    def _stored(self, key: str) -> bytes | None:
        """The stored text of ``key`` when it passes its checksum (a damaged one is reported)."""
        where = self.index.get(key)
        if self.file is None or not (isinstance(where, list) and len(where) == 3):
            return None
        try:
            self.file.seek(self.start + int(where[0]))
            raw = self.file.read(int(where[1]))
        except (OSError, ValueError, TypeError):
            raw = b""
        if len(raw) == where[1] and _digest(raw) == where[2]:
            try:
                raw.decode("utf-8")
                return raw
            except UnicodeDecodeError:
                pass
        self.damaged += 1
        if self.damaged == 1:
            self._warn(f"the entry for {key} fails its checksum; damaged entries are rendered again")
        del self.index[key]                  # (reported once; rendered, then stored afresh)
        return None

    def save(self) -> None:
        unchanged = set(self.new) == set(self.index) and all(v is None for v in self.new.values())
        if not unchanged:
            parts = [(key, self._stored(key) if text is None else text.encode("utf-8"))
                     for key, text in self.new.items()]
        self.discard()
        if unchanged:                       # same site, same pages: the stored file is current
            return
        parts = [(key, data) for key, data in parts if data is not None]   # (unreadable: rendered next time)
        index, pos = {}, 0
        for key, data in parts:
            index[key] = [pos, len(data), _digest(data)]
            pos += len(data)
        meta = json.dumps({"site": self.site, "index": index}).encode()
        head = json.dumps({"format": self.FORMAT, "size": len(meta), "sha256": _digest(meta, 64)}).encode()
        try:
            write_atomic(self.path, [head, b"\n", meta, b"\n", *(data for _key, data in parts)])
        except OSError as exc:
            logger.warning("newsgraph: cannot write %s: %s", self.path, exc)
        for older in (".pickle", ".json"):     # earlier versions' memo of this output folder
            try:
                os.remove(self.path[:-len(".bin")] + older)
            except OSError:
                pass

    def discard(self) -> None:
        """Close the last build's file (the build is over, or never finished: nothing stored)."""
        if self.file is not None:
            self.file.close()
            self.file = None


def _digest(data: bytes, n: int = 16) -> str:
    """The first ``n`` hex digits of ``data``'s SHA-256 (16: plenty to detect damage)."""
    return hashlib.sha256(data).hexdigest()[:n]


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

    from .jsonld.read import absolute_base
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
    from .jsonld.views import is_abs_url
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


def _simple(o: Any) -> Any:
    """JSON fallback for settings: stable text for values, the type name for code objects."""
    if isinstance(o, (set, frozenset)):
        return sorted(map(str, o))
    if hasattr(o, "isoformat"):
        return o.isoformat()
    if hasattr(o, "slug") and hasattr(o, "name"):         # Pelican's Tag, Category, Author
        return f"{o.name}|{o.slug}"
    if callable(o) or type(o).__repr__ is object.__repr__:
        return f"<{type(o).__module__}.{type(o).__qualname__}>"
    return repr(o)


def _tree_stamp(paths: list[str]) -> list:
    """(path, mtime, size) of every file under ``paths`` (files or folders; caches skipped)."""
    stamp = []
    for top in paths:
        walk = [(os.path.dirname(top), [], [os.path.basename(top)])] if os.path.isfile(top) else os.walk(top)
        for root, dirs, files in walk:
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                try:
                    st = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                stamp.append([os.path.join(root, name), st.st_mtime_ns, st.st_size])
    return stamp


#: The package's files that shape a rendered page (engine changes reach pages through results).
RENDERING_CODE = ("generator.py", "build.py", "registry.py", "eligibility.py", "review.py", "pelican_glue.py", "jsonld",
                  "seo.py", "anchors.py", "settings.py", "safe.py", "charts.py", "templates")


def site_signature(settings: dict, context: dict) -> str:
    """Hash of everything a page's template can read besides the page's own data."""
    h = hashlib.sha256()
    h.update(json.dumps(settings, sort_keys=True, default=_simple).encode())
    state = build.of(context) or build.BuildState()
    h.update(str(state.fingerprint).encode())
    h.update(str(getattr(sys.modules.get("pelican"), "__version__", "")).encode())
    here = os.path.dirname(os.path.abspath(__file__))
    paths = [*(os.path.join(here, p) for p in RENDERING_CODE), os.path.join(settings["THEME"], "templates"),
             *settings.get("THEME_TEMPLATES_OVERRIDES", [])]
    if state.aliases_path:
        paths.append(state.aliases_path)
    h.update(json.dumps(_tree_stamp(paths)).encode())
    for kind in ("articles", "translations", "drafts", "hidden_articles", "pages", "hidden_pages", "draft_pages"):
        for c in context.get(kind, None) or []:
            meta = {k: v for k, v in (getattr(c, "metadata", None) or {}).items()}
            # (no URL: Pelican derives it from the settings, the metadata and the source path)
            h.update(json.dumps([kind, getattr(c, "source_path", ""), meta],
                                sort_keys=True, default=_simple).encode())
            h.update(hashlib.sha256((getattr(c, "_content", None) or "").encode("utf-8", "surrogatepass")).digest())
    return h.hexdigest()


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
