"""The state of one site build, in one object (no Pelican import).

A :class:`BuildState` is made when a build starts (the first generator Pelican creates for it,
:func:`start`) and kept in that build's shared context under :data:`KEY`, so every signal,
generator and template function reaches it through the context it is given. Pelican makes a new
context for every build, so a long-running ``pelican --autoreload`` never carries one build's
state into the next; a build that raised half-way is discarded, unsaved, when the next starts.

What themes read is unchanged: the template variable ``newsgraph_registry`` (the site
registry) and the Jinja globals ``newsgraph_jsonld()``, ``newsgraph_meta()``, ``newsgraph_chart()``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

#: The build context's key holding its :class:`BuildState`.
KEY = "newsgraph_build"
#: The template variable themes read the site registry from (kept for themes; same object).
REGISTRY_VARIABLE = "newsgraph_registry"


@dataclass(eq=False)
class BuildState:
    """Everything newsgraph keeps for one build."""

    #: the site registry (``registry.Registry``), made by the analysis pass (pre-taxonomy)
    registry: Any = None
    #: the engine fingerprint of the result cache (part of the site signature)
    fingerprint: str | None = None
    #: the alias file read (part of the site signature)
    aliases_path: str | None = None
    #: every article's output file (a speaker's page must not take one)
    article_files: list[str] = field(default_factory=list)
    #: slugs of the topic tags the plugin added, and their feeds' output paths
    topic_slugs: set[str] = field(default_factory=set)
    topic_feeds: set[str] = field(default_factory=set)
    #: ``manifest.OutputManifest`` and ``manifest.JsonldMemo`` (when unchanged outputs are skipped)
    manifest: Any = None
    jsonld_memo: Any = None
    #: ``charts.Charts`` of this build's registry (made when a page first shows a picture)
    charts: Any = None
    #: output files whose template called ``newsgraph_jsonld()`` / ``newsgraph_meta()`` (nothing to insert)
    jsonld_done: set[str] = field(default_factory=set)
    meta_done: set[str] = field(default_factory=set)
    #: what to store once the build has finished (:meth:`until_finished`), in that order
    unfinished: list = field(default_factory=list)

    def until_finished(self, part):
        """Note ``part`` (with ``save()`` and ``discard()``) to be stored when this build finishes."""
        self.unfinished.append(part)
        return part

    def finish(self) -> None:
        """The build has finished: store its output manifest and JSON-LD memo (only now: an
        interrupted build must never leave a record saying its half-written outputs are current)."""
        while self.unfinished:
            self.unfinished.pop(0).save()

    def discard(self) -> None:
        """The build never finished (an exception in a long-running ``pelican --autoreload``): drop
        what it would have stored, unsaved; its outputs are re-rendered (see the manifest's journal)."""
        while self.unfinished:
            self.unfinished.pop().discard()


def of(context: Mapping[str, Any] | None) -> BuildState | None:
    """The build state in ``context`` (a build's context, or a page's copy of it); None outside a build."""
    try:
        state = (context or {}).get(KEY)
    except Exception:               # (a template context that is not a mapping)
        return None
    return state if isinstance(state, BuildState) else None


#: The build in progress in this process (Pelican runs one at a time). Only for what has no
#: context to reach it through: Pelican's ``finalized`` signal, and the next build, which
#: discards this one if it never finished.
_in_progress: list[BuildState] = []


def start(context: dict) -> BuildState:
    """The state of the build whose shared context is ``context``, made on the first call (a new
    build: the one before it, if it never finished, is discarded)."""
    state = of(context)
    if state is None:
        while _in_progress:
            _in_progress.pop().discard()
        state = context[KEY] = BuildState()
        _in_progress.append(state)
    return state


def finish() -> None:
    """The build in progress has finished: what it keeps is stored, and it is no longer held."""
    while _in_progress:
        _in_progress.pop().finish()
