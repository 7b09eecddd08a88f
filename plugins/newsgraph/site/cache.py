"""Per-article result cache: ``ArticleResult`` by content hash + engine fingerprint.

Also the site registry (:class:`RegistryCache`), reused while all of its inputs are unchanged.

The fingerprint covers the engine version, the result schema version, the spaCy model's
name/version (read from the installed package's ``meta.json`` -- the model is *not* loaded)
and every setting that changes results. Entries live in ``<cache>/<fingerprint>/<key>.json``;
each file is a JSON header line (key, checksum of the payload) followed by the payload, so a
truncated or edited entry is detected, reported and recomputed. An article whose analysis failed
gets an entry too (:class:`Failure`), so a rebuild does not retry it until its content changes.
The registry cache (and :func:`write_checked` files) carry the same kind of checksum. No Pelican
import here.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from typing import Any

from ..engine.model import DEFAULT_MODELS, ENGINE_VERSION, SCHEMA_VERSION, ArticleResult
from .files import open_regular

logger = logging.getLogger(__name__)

FORMAT = "newsgraph-cache/1"


def _meta_from_dir(path: str) -> dict | None:
    meta = os.path.join(path, "meta.json")
    if os.path.isfile(meta):
        with open(meta, encoding="utf-8") as f:
            return json.load(f)
    return None


def model_identity(name: str | None) -> str:
    """``lang_name-version`` of the pipeline ``nlp.load(name)`` would load, without loading it."""
    for candidate in ([name] if name else list(DEFAULT_MODELS)):
        meta = None
        try:
            if os.path.isdir(candidate):
                meta = _meta_from_dir(candidate)
            else:
                spec = importlib.util.find_spec(candidate)
                if spec is not None and spec.submodule_search_locations:
                    meta = _meta_from_dir(list(spec.submodule_search_locations)[0])
        except (ImportError, ValueError, OSError, json.JSONDecodeError):
            meta = None
        if meta:
            return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
    # Not an installed package or a model folder we can read: ask spaCy (loads the model).
    from ..engine import nlp as nlp_mod
    try:
        return nlp_mod.model_id(nlp_mod.load(name))
    except Exception:   # no such model: analysis will report it; nothing gets cached
        return f"unavailable:{name}"


def fingerprint(options: dict[str, Any]) -> str:
    """Changes when the engine, the result schema, the model or a result-changing option changes.

    ``options`` are ``extract.EngineConfig`` keyword arguments (see ``settings.engine_options``).
    """
    payload = json.dumps([ENGINE_VERSION, SCHEMA_VERSION, model_identity(options.get("model")),
                          options], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def content_key(*parts: str) -> str:
    """Hash of an article's analysed content (text, title...)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    outdated: int = 0              # entries older than their article's source file (``touch``)
    failed: int = 0                # entries remembering a failed analysis (counted in ``hits`` too)
    corrupt: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Failure:
    """A cache entry saying the analysis of this content failed (and why): not retried until the
    content, the engine, the model or a result-changing setting changes."""

    reason: str


class ResultCache:
    """``get``/``put`` ArticleResults in one folder per fingerprint."""

    def __init__(self, root: str, fingerprint: str):
        self.root = root
        self.fingerprint = fingerprint
        self.folder = os.path.join(root, fingerprint)
        self.stats = CacheStats()

    def path(self, key: str) -> str:
        return os.path.join(self.folder, key + ".json")

    def get(self, key: str, label: str = "", not_before: int | None = None) -> ArticleResult | Failure | None:
        """The cached result (a :class:`Failure` when the analysis failed), or None (missing; older
        than ``not_before`` (mtime in ns); or corrupt: warned about, naming entry and article)."""
        path = self.path(key)
        try:
            with open_regular(path) as f:      # (a FIFO or device here is refused, not waited on)
                if not_before is not None and os.fstat(f.fileno()).st_mtime_ns < not_before:
                    self.stats.misses += 1
                    self.stats.outdated += 1
                    return None
                raw = f.read()
        except FileNotFoundError:
            self.stats.misses += 1
            return None
        except OSError as exc:
            return self._bad(path, label, f"unreadable ({exc.strerror or exc})")
        header, sep, payload = raw.partition(b"\n")
        try:
            head = json.loads(header)
        except ValueError:
            return self._bad(path, label, "unreadable header")
        if not isinstance(head, dict) or head.get("format") != FORMAT or head.get("key") != key:
            return self._bad(path, label, "wrong header")
        if not sep or hashlib.sha256(payload).hexdigest() != head.get("sha256") \
                or len(payload) != head.get("size"):
            return self._bad(path, label, "truncated or modified (checksum mismatch)")
        if head.get("failed"):
            try:
                reason = str(json.loads(payload)["reason"])
            except (ValueError, KeyError, TypeError) as exc:
                return self._bad(path, label, f"unusable failure record ({exc})")
            self.stats.hits += 1
            self.stats.failed += 1
            return Failure(reason)
        try:
            result = ArticleResult.from_dict(json.loads(payload))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            return self._bad(path, label, f"unusable result ({exc})")
        self.stats.hits += 1
        return result

    def _bad(self, path: str, label: str, why: str) -> None:
        logger.warning("newsgraph: corrupt cache entry %s%s: %s; re-analysing",
                       path, f" (for {label})" if label else "", why)
        self.stats.corrupt.append(path)
        self.stats.misses += 1
        return None

    def stamp(self, key: str) -> tuple[int, int] | None:
        """(size, mtime in ns) of the entry for ``key``; None when there is none."""
        try:
            st = os.stat(self.path(key))
        except OSError:
            return None
        return st.st_size, st.st_mtime_ns

    def put(self, key: str, result: ArticleResult | Failure) -> None:
        """Write atomically (a crash never leaves a half-written entry under the real name)."""
        failed = isinstance(result, Failure)
        data = {"reason": result.reason} if failed else result.to_dict()
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        head = {"format": FORMAT, "key": key, "size": len(payload), "sha256": hashlib.sha256(payload).hexdigest()}
        if failed:
            head["failed"] = True
        try:
            write_atomic(self.path(key), [json.dumps(head).encode(), b"\n", payload])
        except OSError as exc:
            logger.warning("newsgraph: cannot write cache entry %s: %s", self.path(key), exc)

    def prune(self, keep: set[str], generations: int = 2) -> int:
        """Delete this fingerprint's entries whose key is not in ``keep`` (edited or deleted
        articles; left-over temp files) and the folders of all but the ``generations`` last used
        fingerprints, this one included (an older engine, model or setting). Returns the number
        of entries removed; files it cannot remove are left (warned about)."""
        import re
        import shutil

        removed = 0
        try:
            os.utime(self.folder)           # "newest" is the last used, not the last written
            with os.scandir(self.folder) as it:
                names = [e.name for e in it if e.is_file()]
        except OSError:
            names = []
        for name in names:
            stem, ext = os.path.splitext(name)
            if (ext == ".json" and stem not in keep) or ext == ".tmp":
                try:
                    os.remove(os.path.join(self.folder, name))
                    removed += 1
                except OSError as exc:
                    logger.warning("newsgraph: cannot remove stale cache entry %s: %s", name, exc)
        try:
            with os.scandir(self.root) as it:
                others = [(e.stat().st_mtime, e.path) for e in it if e.is_dir() and e.name != self.fingerprint
                          and re.fullmatch(r"[0-9a-f]{16}", e.name)]
            for _mtime, path in sorted(others, reverse=True)[max(generations - 1, 0):]:
                removed += len(os.listdir(path))
                shutil.rmtree(path)
        except OSError as exc:
            logger.warning("newsgraph: cannot remove an old cache folder in %s: %s", self.root, exc)
        return removed


# --------------------------------------------------------------------------- checked files


def write_atomic(path: str, parts: list[bytes]) -> None:
    """Write ``parts`` to a temp file beside ``path``, then rename it over ``path``: a crash or a
    kill never leaves a half-written file under the real name. Raises OSError."""
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.writelines(parts)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.remove(tmp)
        except OSError:
            pass
        raise


class Damaged(ValueError):
    """A cache file that fails its checksum or cannot be parsed (the reason is the message)."""


def write_checked(path: str, fmt: str, payload: bytes) -> None:
    """``payload`` behind a JSON header line with its format, size and SHA-256, written atomically
    (read back with :func:`read_checked`). Raises OSError."""
    head = {"format": fmt, "size": len(payload), "sha256": hashlib.sha256(payload).hexdigest()}
    write_atomic(path, [json.dumps(head).encode(), b"\n", payload])


def read_checked(path: str, fmt: str) -> bytes | None:
    """The payload of a :func:`write_checked` file; None when there is none or it is of another
    format (an older version's: not an error). Raises :class:`Damaged` when it is truncated or
    modified, OSError when unreadable."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        return None
    header, sep, payload = raw.partition(b"\n")
    try:
        head = json.loads(header)
    except ValueError:
        raise Damaged("unreadable header") from None
    if not isinstance(head, dict):
        raise Damaged("unreadable header")
    if head.get("format") != fmt:
        return None
    if not sep or len(payload) != head.get("size") or hashlib.sha256(payload).hexdigest() != head.get("sha256"):
        raise Damaged("truncated or modified (checksum mismatch)")
    return payload


class _HashingReader:
    """A binary file wrapper hashing (SHA-256) and counting every byte read through it: lets
    ``pickle`` load straight from the file while the checksum is verified (no second pass)."""

    def __init__(self, f):
        self.f = f
        self.sha = hashlib.sha256()
        self.size = 0

    def _seen(self, data) -> None:
        self.sha.update(data)
        self.size += len(data)

    def read(self, n: int = -1) -> bytes:
        data = self.f.read(n)
        self._seen(data)
        return data

    def readinto(self, buf) -> int:
        n = self.f.readinto(buf)
        self._seen(memoryview(buf)[:n])
        return n

    def readline(self, n: int = -1) -> bytes:
        data = self.f.readline(n)
        self._seen(data)
        return data


# --------------------------------------------------------------------------- site registry

#: 3: the classes moved (``newsgraph.site.registry``): an older pickle is skipped, not "damaged".
REGISTRY_FORMAT = "newsgraph-registry/3"


#: The files whose code shapes a registry (relative to the site package).
REGISTRY_CODE = (*(os.path.join("registry", m) for m in ("__init__.py", "names.py", "records.py", "merge.py",
                                                        "identities.py", "topics.py")),
                 os.path.join("..", "engine", "model.py"), os.path.join("..", "engine", "lexicon.py"),
                 "cache.py", "eligibility.py")


@functools.lru_cache(maxsize=None)
def _code_hash() -> str:
    """Hash of the modules whose code shapes a registry (a code change invalidates it)."""
    h = hashlib.sha256()
    here = os.path.dirname(os.path.abspath(__file__))
    for name in REGISTRY_CODE:
        try:
            with open(os.path.join(here, name), "rb") as f:
                h.update(f.read())
        except OSError:
            h.update(name.encode())
    return h.hexdigest()


def registry_key(articles: list, result_keys: list[str], entries: list, overrides: list[dict], aliases: Any,
                 options: dict[str, Any], sources: list | None = None) -> str:
    """Hash of every input of the site registry: each article's result key, the stamp of its
    result-cache entry (``ResultCache.stamp``), its date, metadata overrides and (optional)
    source-file stamp (in order), the alias file (its digest), the build options (slug settings
    included) and the registry code."""
    h = hashlib.sha256()
    h.update(json.dumps([REGISTRY_FORMAT, SCHEMA_VERSION, _code_hash(), repr(aliases), options],
                        sort_keys=True, default=repr).encode())
    for art, key, entry, over, src in zip(articles, result_keys, entries, overrides,
                                          sources or [None] * len(articles)):
        date = getattr(art, "date", None)
        h.update(json.dumps([key, entry, date.isoformat() if hasattr(date, "isoformat") else repr(date),
                             over, src], sort_keys=True).encode())
    h.update(str(len(articles)).encode())
    return h.hexdigest()


class RegistryCache:
    """The site registry of the last build, its records' results included, reused when all of its
    inputs are unchanged (then no result is read from the per-article cache).

    Stored with :mod:`pickle` in ``<cache>/registry.pickle`` (one file, like Pelican's own content
    cache), with the articles left out (``persistent_id``) and put back from this build's articles
    on load, so the registry refers to this build's objects. The header line carries the inputs'
    key and the pickle's size and SHA-256 (verified while it is read): a damaged file is reported
    and never used; any problem reading it means a rebuild.
    """

    def __init__(self, root: str, key: str):
        self.path = os.path.join(root, "registry.pickle")
        self.key = key

    def load(self, articles: list):
        import pickle

        try:
            f = open_regular(self.path)         # (a FIFO or device here is refused, not waited on)
        except FileNotFoundError:
            return None
        except OSError as exc:
            return self._damaged(f"unreadable ({exc})")
        with f:
            try:
                head = json.loads(f.readline())
            except (OSError, ValueError) as exc:
                return self._damaged(f"unreadable header ({exc})")
            if not isinstance(head, dict):
                return self._damaged("unreadable header")
            if head.get("format") != REGISTRY_FORMAT or head.get("key") != self.key:
                return None                         # another site state or version: not an error
            # straight from the file (no copy of the whole file in memory), hashed as it is read
            reader = _HashingReader(f)
            unpickler = pickle.Unpickler(reader)
            unpickler.persistent_load = articles.__getitem__      # (a C call for each article reference)
            try:
                reg = unpickler.load()
                reader.read()                       # (anything after the pickle counts too)
            except Exception as exc:  # truncated or damaged file: any unpickling error
                return self._damaged(f"{type(exc).__name__}: {exc}")
            if reader.size != head.get("size") or reader.sha.hexdigest() != head.get("sha256"):
                return self._damaged("truncated or modified (checksum mismatch)")
        logger.debug("newsgraph: site registry from cache")
        return reg

    def _damaged(self, why: str) -> None:
        logger.warning("newsgraph: registry cache %s damaged: %s; not used, rebuilt", self.path, why)
        return None

    def save(self, reg) -> None:
        import io
        import pickle

        refs = {id(rec.article): i for i, rec in enumerate(reg.records)}

        buf = io.BytesIO()
        pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.persistent_id = lambda obj: refs.get(id(obj))
        try:
            pickler.dump(reg)
            data = buf.getbuffer()
            head = {"format": REGISTRY_FORMAT, "key": self.key, "size": len(data),
                    "sha256": hashlib.sha256(data).hexdigest()}
            write_atomic(self.path, [json.dumps(head).encode(), b"\n", data])
        except Exception as exc:  # unpicklable article data, full disk…: just no cache next time
            logger.warning("newsgraph: cannot write registry cache %s: %s", self.path, exc)
