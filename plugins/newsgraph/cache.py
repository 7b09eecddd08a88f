"""Per-article result cache: ``ArticleResult`` by content hash + engine fingerprint.

The fingerprint covers the engine version, the result schema version, the spaCy model's
name/version (read from the installed package's ``meta.json`` -- the model is *not* loaded)
and every setting that changes results. Entries live in ``<cache>/<fingerprint>/<key>.json``;
each file is a JSON header line (key, checksum of the payload) followed by the payload, so a
truncated or edited entry is detected, reported and recomputed. No Pelican import here.
"""
from __future__ import annotations

import ast
import functools
import hashlib
import importlib
import importlib.util
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from typing import Any

from .model import SCHEMA_VERSION, ArticleResult

logger = logging.getLogger(__name__)

FORMAT = "newsgraph-cache/1"


def _meta_from_dir(path: str) -> dict | None:
    meta = os.path.join(path, "meta.json")
    if os.path.isfile(meta):
        with open(meta, encoding="utf-8") as f:
            return json.load(f)
    return None


@functools.lru_cache(maxsize=None)
def _constant(module: str, name: str) -> Any:
    """A literal module-level constant of one of our modules, read without importing the module.

    ``extract`` and ``nlp`` import spaCy (~1 s); a fully cached build needs only two of their
    constants, so it reads them from the source (falling back to importing when that fails).
    """
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), module + ".py")
    try:
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read(), path)
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, ast.AnnAssign) and node.value is not None else []
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                return ast.literal_eval(node.value)
    except (OSError, SyntaxError, ValueError):
        pass
    return getattr(importlib.import_module(f"{__package__}.{module}"), name)


def model_identity(name: str | None) -> str:
    """``lang_name-version`` of the pipeline ``nlp.load(name)`` would load, without loading it."""
    for candidate in ([name] if name else list(_constant("nlp", "DEFAULT_MODELS"))):
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
    from . import nlp as nlp_mod
    try:
        return nlp_mod.model_id(nlp_mod.load(name))
    except Exception:   # no such model: analysis will report it; nothing gets cached
        return f"unavailable:{name}"


def fingerprint(options: dict[str, Any]) -> str:
    """Changes when the engine, the result schema, the model or a result-changing option changes.

    ``options`` are ``extract.EngineConfig`` keyword arguments (see ``settings.engine_options``).
    """
    payload = json.dumps([_constant("extract", "ENGINE_VERSION"), SCHEMA_VERSION, model_identity(options.get("model")),
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
    corrupt: list[str] = field(default_factory=list)


class ResultCache:
    """``get``/``put`` ArticleResults in one folder per fingerprint."""

    def __init__(self, root: str, fingerprint: str):
        self.root = root
        self.fingerprint = fingerprint
        self.folder = os.path.join(root, fingerprint)
        self.stats = CacheStats()

    def path(self, key: str) -> str:
        return os.path.join(self.folder, key + ".json")

    def get(self, key: str, label: str = "") -> ArticleResult | None:
        """The cached result, or None (missing; or corrupt: warned about, naming entry and article)."""
        path = self.path(key)
        try:
            with open(path, "rb") as f:
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

    def put(self, key: str, result: ArticleResult) -> None:
        """Write atomically (a crash never leaves a half-written entry under the real name)."""
        payload = json.dumps(result.to_dict(), ensure_ascii=False, separators=(",", ":")).encode()
        header = json.dumps({"format": FORMAT, "key": key, "size": len(payload),
                             "sha256": hashlib.sha256(payload).hexdigest()}).encode()
        try:
            os.makedirs(self.folder, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(header + b"\n" + payload)
            os.replace(tmp, self.path(key))
        except OSError as exc:
            logger.warning("newsgraph: cannot write cache entry %s: %s", self.path(key), exc)
