"""Skipping unchanged outputs: the output manifest (which of the plugin's pages and feeds are
unchanged since the last build, the journal that makes an interrupted build harmless, stale-file
removal), the JSON-LD memo, and the site signature both are keyed on. No Pelican import: the
Pelican side (which outputs are written, tag pages and feeds) is in :mod:`generator`.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from typing import Any

from . import build
from .cache import Damaged, read_checked, write_atomic, write_checked

logger = logging.getLogger(__name__)


class OutputManifest:
    """Skips re-rendering the plugin's own outputs when nothing they are made from changed.

    Covers speaker pages and feeds, and Pelican's pages and feeds of the topic tags the plugin
    added (:func:`generator.skip_unchanged_topic_tags`, :func:`generator.note_written`). An output's digest is its
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


#: The site layer's files that shape a rendered page (engine changes reach pages through results).
RENDERING_CODE = ("manifest.py", "build.py", "registry", "eligibility.py", "review.py", "jsonld", "seo.py",
                  "anchors.py", "settings.py", "safe.py", "charts.py")
#: The Pelican adapter's (``pelican.plugins.newsgraph``), when it is loaded.
ADAPTER_RENDERING_CODE = ("generator.py", "output_paths.py", "pelican_glue.py", "templates")


def site_signature(settings: dict, context: dict) -> str:
    """Hash of everything a page's template can read besides the page's own data."""
    h = hashlib.sha256()
    h.update(json.dumps(settings, sort_keys=True, default=_simple).encode())
    state = build.of(context) or build.BuildState()
    h.update(str(state.fingerprint).encode())
    h.update(str(getattr(sys.modules.get("pelican"), "__version__", "")).encode())
    h.update(json.dumps(_tree_stamp(_rendering_paths(settings, state))).encode())
    for kind in ("articles", "translations", "drafts", "hidden_articles", "pages", "hidden_pages", "draft_pages"):
        for c in context.get(kind, None) or []:
            meta = {k: v for k, v in (getattr(c, "metadata", None) or {}).items()}
            # (no URL: Pelican derives it from the settings, the metadata and the source path)
            h.update(json.dumps([kind, getattr(c, "source_path", ""), meta],
                                sort_keys=True, default=_simple).encode())
            h.update(hashlib.sha256((getattr(c, "_content", None) or "").encode("utf-8", "surrogatepass")).digest())
    return h.hexdigest()


def _rendering_paths(settings: dict, state: build.BuildState) -> list[str]:
    """The code and templates a page's text depends on: the site layer's, the adapter's, the
    theme's templates and overrides, the alias file."""
    here = os.path.dirname(os.path.abspath(__file__))
    paths = [os.path.join(here, p) for p in RENDERING_CODE]
    adapter = sys.modules.get("pelican.plugins.newsgraph")
    if adapter is not None and getattr(adapter, "__file__", None):
        there = os.path.dirname(os.path.abspath(adapter.__file__))
        paths += [os.path.join(there, p) for p in ADAPTER_RENDERING_CODE]
    paths += [os.path.join(settings["THEME"], "templates"), *settings.get("THEME_TEMPLATES_OVERRIDES", [])]
    if state.aliases_path:
        paths.append(state.aliases_path)
    return paths
