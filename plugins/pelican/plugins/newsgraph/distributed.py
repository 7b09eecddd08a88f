"""``newsgraph analyse``: a site's analysis on a Dask cluster, into the cache the Pelican build reads.

The analysis of an article is a pure function of (text, engine version, model, settings), stored
by :mod:`cache` under the same key and fingerprint the build uses. So the expensive part of a
large site's build can run on many machines ahead of ``pelican content``, which then finds every
result in the cache and analyses nothing:

1. the articles are read exactly as the build reads them (Pelican's own settings, readers and
   ``ArticlesGenerator``), keyed like :func:`pelican_glue.article_key`;
2. only those without a usable cache entry are sent to the workers, in batches (texts travel,
   never the model: each worker process loads the spaCy pipeline once, :func:`nlp.load` is
   cached per process), with a bounded number of batches in flight;
3. each batch's results are written to the cache as it arrives (or by the workers themselves
   into a cache folder they all see, ``shared_cache``), so an interrupted run resumes where it
   stopped; a batch whose worker dies is rescheduled by Dask.

Workers must run the same newsgraph engine, spaCy and model as the client: checked on every
worker before the run (and again in every batch, for workers that join later), with a clear
error naming the worker and what differs. Dask is an optional dependency (``newsgraph[dask]``):
only this module imports it, and only when it runs.
"""
from __future__ import annotations

import functools
import logging
import os
import platform
import re
import socket
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from newsgraph.engine.extract import ArticleInput, Engine, EngineConfig
from newsgraph.engine.model import ENGINE_VERSION, SCHEMA_VERSION, ArticleResult
from newsgraph.site.cache import ResultCache, fingerprint, model_identity
from newsgraph.site.settings import engine_options, is_off, set_defaults

logger = logging.getLogger(__name__)

#: As listed in ``PLUGINS`` ("newsgraph"), or as Pelican names the loaded module ("pelican.plugins.newsgraph").
PLUGIN_NAME = "newsgraph"


class AnalyseError(RuntimeError):
    """The run cannot go on (a worker cannot load the model, versions differ, a batch was lost)."""


@dataclass
class Job:
    """One article to analyse: its cache key, a label for messages (its source file) and its input."""

    key: str
    label: str
    input: ArticleInput


@dataclass
class Outcome:
    """A worker's answer for one article: the result (as its JSON dict; None when the shared cache
    already holds it, or when the analysis failed) and the reason it failed."""

    key: str
    result: dict | None = None
    error: str | None = None


@dataclass
class Report:
    total: int = 0                  # articles the build would analyse
    cached: int = 0                 # of them, already in the cache
    analysed: int = 0               # results written this run
    failed: list[str] = field(default_factory=list)     # labels of articles whose analysis failed
    written: list[str] = field(default_factory=list)    # cache keys written, in arrival order
    words: int = 0                  # words of the texts analysed
    seconds: float = 0.0            # time from the first batch sent to the last result written
    workers: int = 0


# --------------------------------------------------------------------------- reading the site


def pelican_settings(content_dir: str, settings_file: str | None = None,
                     cache_path: str | None = None) -> dict:
    """Pelican's settings as ``pelican CONTENT_DIR [-s FILE] [--cache-path DIR]`` would read them
    (``pelicanconf.py`` in the current folder when no file is given), with newsgraph's defaults."""
    from pelican import DEFAULT_CONFIG_NAME
    from pelican.settings import read_settings

    override: dict[str, Any] = {"PATH": os.path.abspath(os.path.expanduser(content_dir))}
    if cache_path:
        override["CACHE_PATH"] = cache_path
    if settings_file is None and os.path.isfile(DEFAULT_CONFIG_NAME):
        settings_file = DEFAULT_CONFIG_NAME
    settings = read_settings(settings_file, override=override)
    set_defaults(settings)
    return settings


def site_articles(settings: dict) -> list:
    """The articles a build analyses, read by Pelican's own ``ArticlesGenerator`` (same readers,
    metadata, plugins and ``_content``): published articles and their translations, without those
    whose ``Newsgraph: off``. newsgraph itself is left out of ``PLUGINS`` for this reading step (its
    analysis pass is what runs here instead), and Pelican's content cache is read but not written."""
    from pelican import Pelican
    from pelican.generators import ArticlesGenerator

    plugins = [p for p in settings.get("PLUGINS") or ()
               if getattr(p, "__name__", p) not in (PLUGIN_NAME, f"pelican.plugins.{PLUGIN_NAME}")]
    reading = dict(settings, PLUGINS=plugins, CACHE_CONTENT=False)
    pelican = Pelican(reading)
    context = dict(reading, generated_content={}, static_links=set(), static_content={},
                   localsiteurl=reading["SITEURL"])
    generator = ArticlesGenerator(context=context, settings=reading, path=pelican.path,
                                  theme=pelican.theme, output_path=pelican.output_path)
    generator.generate_context()
    articles = list(generator.articles) + list(getattr(generator, "translations", []))
    return [a for a in articles if not is_off((getattr(a, "metadata", None) or {}).get("newsgraph") or "on")]


def plan(articles: list, cache: ResultCache, settings: dict) -> tuple[list[Job], int]:
    """(the jobs for articles without a usable cache entry, how many are cached), judged as the
    build judges them: same key, and with ``CHECK_MODIFIED_METHOD = "mtime"`` an entry older than
    its source file does not count. Articles with the same key are analysed once."""
    from .pelican_glue import _label, _mtime_ns, _plain_title, article_key

    by_mtime = settings.get("CHECK_MODIFIED_METHOD", "mtime") == "mtime"
    jobs: dict[str, Job] = {}
    cached = 0
    for art in articles:
        key = article_key(art)
        if key in jobs:
            continue
        if cache.stamp(key) is not None and \
                cache.get(key, _label(art), not_before=_mtime_ns(art) if by_mtime else None) is not None:
            cached += 1
            continue
        jobs[key] = Job(key, _label(art), ArticleInput(text=getattr(art, "_content", None) or "", format="html",
                                                       title=_plain_title(art), id=_label(art)))
    return list(jobs.values()), cached


# --------------------------------------------------------------------------- on the workers


def identity(options: dict) -> dict[str, str]:
    """What must be equal on the client and every worker for their results to be interchangeable."""
    import spacy
    import thinc

    return {"engine": ENGINE_VERSION, "schema": str(SCHEMA_VERSION), "spacy": spacy.__version__,
            "thinc": thinc.__version__, "python": ".".join(platform.python_version_tuple()[:2]),
            "fingerprint": fingerprint(options)}


@functools.lru_cache(maxsize=4)
def _engine(model: str | None, boilerplate: tuple[str, ...], indirect: bool) -> Engine:
    """This process's engine for these options, its pipeline loaded (once per worker process)."""
    engine = Engine(EngineConfig(model=model, boilerplate=boilerplate, indirect=indirect))
    try:
        engine.nlp                      # noqa: B018 (the property loads the pipeline)
    except Exception as exc:
        raise AnalyseError(f"worker {socket.gethostname()} (pid {os.getpid()}) cannot load the spaCy "
                           f"pipeline {model or 'en_core_web_sm'}: {type(exc).__name__}: {exc}") from None
    return engine


@functools.lru_cache(maxsize=4)
def _identity_cached(options_items: tuple) -> dict[str, str]:
    return identity(dict(options_items))


def check_worker(options: dict, expected: dict[str, str]) -> None:
    """Raise :class:`AnalyseError` unless this worker can load the model and matches ``expected``."""
    _engine(options.get("model"), tuple(options.get("boilerplate") or ()), bool(options.get("indirect", True)))
    mine = _identity_cached(tuple(sorted(options.items())))
    diff = {k: (expected.get(k), v) for k, v in mine.items() if expected.get(k) != v}
    if diff:
        what = ", ".join(f"{k} {v!r} here, {e!r} on the client" for k, (e, v) in diff.items())
        raise AnalyseError(f"worker {socket.gethostname()} (pid {os.getpid()}) differs from the client: {what}; "
                           "install the same newsgraph, spaCy and model versions on every worker")


def analyse_batch(batch: list[tuple[str, ArticleInput]], options: dict, expected: dict[str, str],
                  batch_size: int, shared_cache: str | None = None) -> list[Outcome]:
    """Runs on a worker: one batch through the engine (one ``nlp.pipe`` stream). An article the
    engine fails on costs only its own result (the batch is redone article by article). With
    ``shared_cache`` (the cache folder, the same path on every worker) results are written there
    and only their keys travel back."""
    check_worker(options, expected)
    engine = _engine(options.get("model"), tuple(options.get("boilerplate") or ()), bool(options.get("indirect", True)))
    inputs = [art for _key, art in batch]
    try:
        results: list[ArticleResult | Exception] = list(engine.extract_many(inputs, batch_size=batch_size))
    except Exception:  # noqa: BLE001 - find the article at fault below
        results = []
        for art in inputs:
            try:
                results.append(engine.extract(art))
            except Exception as exc:  # noqa: BLE001 - one bad article never loses the batch
                results.append(exc)
    cache = ResultCache(shared_cache, expected["fingerprint"]) if shared_cache else None
    out = []
    for (key, _art), r in zip(batch, results):
        if isinstance(r, Exception):
            out.append(Outcome(key, error=f"{type(r).__name__}: {str(r)[:300]}"))
        elif cache is not None:
            cache.put(key, r)
            out.append(Outcome(key))
        else:
            out.append(Outcome(key, result=r.to_dict()))
    return out


# --------------------------------------------------------------------------- on the client

_TAG = re.compile(r"<[^>]*>")     # words/s count the words of the article HTML without its tags


def batches(jobs: list[Job], size: int) -> Iterable[list[Job]]:
    size = max(1, int(size))
    for i in range(0, len(jobs), size):
        yield jobs[i:i + size]


def check_workers(client, options: dict, expected: dict[str, str]) -> int:
    """Load the model on every worker and compare versions; returns the number of worker threads.
    Raises :class:`AnalyseError` listing every worker that cannot take part."""
    def probe() -> str | None:
        try:
            check_worker(options, expected)
        except AnalyseError as exc:
            return str(exc)
        return None

    problems = [msg for msg in client.run(probe).values() if msg]
    if problems:
        raise AnalyseError("; ".join(problems))
    return max(1, sum(client.nthreads().values()))


def run(client, jobs: list[Job], cache: ResultCache, options: dict, *, batch_size: int = 32,
        shared_cache: bool = False, in_flight: int | None = None,
        on_batch: Callable[[list[str]], None] | None = None, progress: bool = True) -> Report:
    """Analyse ``jobs`` on the cluster behind ``client``, writing each result into ``cache`` as
    its batch returns. ``on_batch`` is called with each finished batch's keys (tests use it)."""
    from distributed import as_completed

    expected = identity(options)
    if expected["fingerprint"] != cache.fingerprint:
        raise AnalyseError(f"cache fingerprint {cache.fingerprint} does not match these settings "
                           f"({expected['fingerprint']})")
    report = Report(workers=len(client.scheduler_info().get("workers", {})))
    threads = check_workers(client, options, expected)
    labels = {j.key: j.label for j in jobs}
    words = {j.key: len(_TAG.sub(" ", j.input.text).split()) for j in jobs}
    limit = in_flight or 2 * threads
    pending = iter(batches(jobs, batch_size))
    bar = _progress_bar(len(jobs), progress)
    start = time.monotonic()

    def submit(batch: list[Job]):
        return client.submit(analyse_batch, [(j.key, j.input) for j in batch], options, expected, batch_size,
                             cache.root if shared_cache else None, pure=False)

    # (its loop named: by default it takes the default client's, which need not be ours)
    futures = as_completed([submit(b) for b in _take(pending, limit)], loop=client.loop)
    try:
        for fut in futures:
            try:
                outcomes = fut.result()
            except AnalyseError:
                raise
            except Exception as exc:   # KilledWorker after repeated deaths, an unpicklable result…
                raise AnalyseError(f"a batch could not be analysed ({type(exc).__name__}: {exc}); "
                                   "the results so far are cached, run again to resume") from exc
            finally:
                fut.release()
            for nxt in _take(pending, 1):
                futures.add(submit(nxt))
            _store(outcomes, cache, labels, words, report, shared_cache)
            bar.update(len(outcomes))
            if on_batch is not None:
                on_batch([o.key for o in outcomes])
    finally:
        left = list(futures.futures)        # (an interrupted run: nothing keeps computing)
        if left:
            client.cancel(left)
        bar.close()
    report.seconds = time.monotonic() - start
    return report


def _take(it, n: int) -> list:
    out = []
    for item in it:
        out.append(item)
        if len(out) >= n:
            break
    return out


def _store(outcomes: list[Outcome], cache: ResultCache, labels: dict[str, str], words: dict[str, int],
           report: Report, shared_cache: bool) -> None:
    """Write a batch's results (or check the workers wrote them into the shared folder)."""
    for o in outcomes:
        if o.error is not None:
            logger.warning("newsgraph: %s: analysis failed (%s); not cached, the build will try again",
                           labels.get(o.key, o.key), o.error)
            report.failed.append(labels.get(o.key, o.key))
            continue
        if shared_cache:
            if cache.stamp(o.key) is None:
                raise AnalyseError(f"a worker wrote {cache.path(o.key)} but it is not visible here: "
                                   "--shared-cache needs the cache folder at the same path on every machine")
        else:
            result = ArticleResult.from_dict(o.result)
            for w in result.warnings:
                logger.warning("newsgraph: %s: %s", labels.get(o.key, o.key), w)
            cache.put(o.key, result)
        report.written.append(o.key)
        report.analysed += 1
        report.words += words.get(o.key, 0)


def _progress_bar(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="article", desc="newsgraph", disable=not enabled or total == 0,
                file=sys.stderr, smoothing=0.1)


@functools.lru_cache(maxsize=1)
def _dask_available() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def connect(scheduler: str | None, local_workers: int):
    """A Dask client: to ``scheduler`` when given, else to a new ``LocalCluster`` of
    ``local_workers`` single-threaded worker processes (each with its own spaCy pipeline)."""
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=max(1, local_workers), threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster), cluster


def analyse_site(content_dir: str, settings_file: str | None = None, *, scheduler: str | None = None,
                 local_workers: int = 2, batch_size: int | None = None, cache_path: str | None = None,
                 shared_cache: bool = False, client=None, progress: bool = True,
                 on_batch: Callable[[list[str]], None] | None = None) -> Report:
    """Everything ``newsgraph analyse`` does; returns the :class:`Report` (raises :class:`AnalyseError`)."""
    if not _dask_available():
        raise AnalyseError("Dask is not installed: pip install 'newsgraph[dask]'")
    settings = pelican_settings(content_dir, settings_file, cache_path)
    options = engine_options(settings)
    if model_identity(options.get("model")).startswith("unavailable:"):
        raise AnalyseError(f"the spaCy pipeline {options.get('model') or 'en_core_web_sm'} is not installed here "
                           "(the client needs it too: the cache fingerprint names its version)")
    cache = ResultCache(settings["NEWSGRAPH_CACHE_PATH"], fingerprint(options))
    articles = site_articles(settings)
    jobs, cached = plan(articles, cache, settings)
    size = int(batch_size or settings["NEWSGRAPH_BATCH_SIZE"])
    if not jobs:
        return Report(total=len(articles), cached=cached)
    ours = client is None
    cluster = None
    if ours:
        client, cluster = connect(scheduler, local_workers)
    try:
        report = run(client, jobs, cache, options, batch_size=size, shared_cache=shared_cache,
                     progress=progress, on_batch=on_batch)
    finally:
        if ours:                       # (a client of ours is closed, a LocalCluster of ours too)
            client.close()
            if cluster is not None:
                cluster.close()
    report.total, report.cached = len(articles), cached
    return report


def summary(report: Report) -> str:
    msg = f"newsgraph: {report.analysed} of {report.total} articles analysed, {report.cached} from cache"
    if report.analysed:
        msg += (f" ({report.workers} workers, {report.seconds:.1f} s, "
                f"{report.words / max(report.seconds, 1e-9):,.0f} words/s)")
    if report.failed:
        msg += f" ({len(report.failed)} failed, see warnings)"
    return msg
