"""Where the plugin's pages go: a speaker's page and feed paths from the ``NEWSGRAPH_*`` patterns,
never outside the output folder, and never on a file Pelican or the plugin writes already (the
speaker indexes, Pelican's listing pages, the articles)."""
from __future__ import annotations

import functools
import logging
import os
import posixpath
import re
from typing import Callable, Iterable, Iterator

from pelican.utils import sanitised_join

from newsgraph.site.settings import TYPE_PAGES

logger = logging.getLogger(__name__)


def _norm_path(path: str) -> str:
    """A comparable output path (case-folded: on a case-insensitive disk "By-Count" is "by-count")."""
    return posixpath.normpath(str(path).replace(os.sep, "/").lstrip("/")).casefold()


#: Pelican's own listing pages (when their template is in ``DIRECT_TEMPLATES``).
_DIRECT_SAVE_AS = {"index": ("INDEX_SAVE_AS", "index.html"), "tags": ("TAGS_SAVE_AS", "tags.html"),
                   "categories": ("CATEGORIES_SAVE_AS", "categories.html"),
                   "authors": ("AUTHORS_SAVE_AS", "authors.html"), "archives": ("ARCHIVES_SAVE_AS", "archives.html")}


def reserved_paths(settings: dict, others: Iterable[str] = ()) -> set[str]:
    """Output files a speaker's page or feed must never be (nor be inside, nor contain): the
    plugin's speaker indexes, Pelican's own listing pages and ``others`` (the articles' files)."""
    paths = [settings.get(k) for k in ("NEWSGRAPH_SPEAKERS_SAVE_AS", "NEWSGRAPH_SPEAKERS_BY_COUNT_SAVE_AS")]
    by_type = settings.get("NEWSGRAPH_SPEAKERS_BY_TYPE_SAVE_AS")
    paths += [by_type.format(type=word) for word in TYPE_PAGES.values()] if by_type else []
    paths += others
    for name in settings.get("DIRECT_TEMPLATES") or ():
        key, default = _DIRECT_SAVE_AS.get(name, (f"{str(name).upper()}_SAVE_AS", f"{name}.html"))
        paths.append(settings.get(key, default))
    return {_norm_path(p) for p in paths if p}


def speaker_patterns(settings: dict) -> list[str]:
    return [str(settings[k]) for k in ("NEWSGRAPH_SPEAKER_SAVE_AS", "NEWSGRAPH_SPEAKER_FEED_ATOM") if settings.get(k)]


def slug_taken(settings: dict, others: Iterable[str] = ()) -> Callable[[str], bool]:
    """Whether a speaker slug's page or feed would collide with a reserved output file
    (:func:`reserved_paths`): the same file, a file where a folder is needed, or the reverse."""
    reserved = reserved_paths(settings, others)
    reserved_dirs = {d for p in reserved for d in _parents(p)}
    patterns = speaker_patterns(settings)

    def taken(slug: str) -> bool:
        for pattern in patterns:
            path = _norm_path(pattern.format(slug=slug))
            if path in reserved or path in reserved_dirs:
                return True
            if any(d in reserved for d in _parents(path)):
                return True
        return False
    return taken


def _parents(path: str) -> Iterator[str]:
    """The folders ``path`` is in, innermost first ("a/b/c.html" -> "a/b", "a")."""
    parent = posixpath.dirname(path)
    while parent:
        yield parent
        parent = posixpath.dirname(parent)


#: A slug of word characters and hyphens only: never a separator, never a dot.
_PLAIN_SLUG = re.compile(r"[\w-]+")


def page_path(pattern_key: str, slug: str, settings: dict) -> str | None:
    """Format a ``NEWSGRAPH_*`` URL/SAVE_AS pattern; None (with a warning) when it leaves the output."""
    pattern = settings.get(pattern_key)
    if not pattern:
        return None
    value = str(pattern).format(slug=slug)
    output = settings.get("OUTPUT_PATH") or "output"
    # a plain slug cannot add a path segment or make one "." or "..": then the pattern decides
    if (_PLAIN_SLUG.fullmatch(slug) and _stays_inside(str(pattern), output, "x")) \
            or _stays_inside(value, output):
        return value
    logger.warning("newsgraph: %s for %r would leave the output folder; page skipped", pattern_key, slug)
    return None


@functools.lru_cache(maxsize=256)
def _stays_inside(path: str, output: str, probe: str | None = None) -> bool:
    """Whether ``path`` (with ``{slug}`` formatted as ``probe``, if given) stays inside ``output``."""
    try:
        value = path.format(slug=probe) if probe is not None else path
        sanitised_join(output, value.lstrip("/") or ".")
    except (RuntimeError, LookupError, ValueError):
        return False
    return True
