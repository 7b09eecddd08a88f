"""Pelican signals -> the engine, the cache and the site registry. Thin on purpose.

Order in a build: ``initialized`` (settings defaults) -> articles read ->
``article_generator_pretaxonomy`` (one analysis pass over every article's ``_content``, cache,
registry, topic ``Tag``s, attributes on the articles) -> tags collected by Pelican -> pages
written; our :class:`generator.SpeakersGenerator` writes the speaker pages and feeds.

A rebuild reuses what cannot have changed: each article's result (result cache), the site
registry (when none of its inputs changed) and, when the whole site is unchanged (the site
signature of :class:`manifest.OutputManifest`), each page's JSON-LD text and the plugin's own
pages and feeds.

Signals are module-global in Pelican (blinker): receivers are connected once, are module-level
functions, and do nothing in a build whose ``PLUGINS`` does not list this plugin. What one build
keeps is one :class:`build.BuildState`, made by the first generator of the build and reached
through the build's context (``finalized`` gets no context: :func:`build.finish`).
"""
from __future__ import annotations

import hashlib
import logging
import os
import time
from typing import Any, Iterable

from pelican import signals
from pelican.log import console
from pelican.urlwrappers import Tag
from pelican.utils import slugify

from newsgraph.engine.model import ArticleResult
from newsgraph.site import build
from newsgraph.site import registry as registry_mod
from newsgraph.site.cache import Failure, RegistryCache, ResultCache, content_key, fingerprint, registry_key
from newsgraph.site.files import open_regular
from newsgraph.site.registry.names import byline_publication
from newsgraph.site.safe import XML_FORBIDDEN, clean_output, has_xml_forbidden, safe_striptags, urlencode_plain
from newsgraph.site.settings import engine_options, exit_point, is_off, set_defaults, split_list

from .output_paths import page_path, reserved_paths, slug_taken, speaker_patterns

logger = logging.getLogger(__name__)
#: As listed in ``PLUGINS`` ("newsgraph"), or as Pelican names the loaded module ("pelican.plugins.newsgraph").
PLUGIN_NAME = "newsgraph"


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.article_generator_pretaxonomy.connect(on_pretaxonomy)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(on_generator_init)
    signals.all_generators_finalized.connect(on_generators_finalized)
    signals.feed_generated.connect(on_feed_generated)
    signals.content_written.connect(on_content_written)
    signals.content_written.connect(on_file_written)
    signals.feed_written.connect(on_file_written)
    signals.finalized.connect(on_finalized)


def enabled(settings: dict) -> bool:
    plugins = settings.get("PLUGINS") or ()
    return any(getattr(p, "__name__", p) in (PLUGIN_NAME, f"pelican.plugins.{PLUGIN_NAME}") for p in plugins)


def on_initialized(pelican) -> None:
    if enabled(pelican.settings):
        set_defaults(pelican.settings)
        _check_hosts(pelican.settings)


def _check_hosts(settings: dict) -> None:
    """Warn when a published site (absolute ``SITEURL``) would put JSON-LD or feed URLs on another host."""
    from urllib.parse import urlsplit
    site = str(settings.get("SITEURL") or "")
    if not urlsplit(site).netloc:
        return
    for key in ("NEWSGRAPH_SITEURL", "FEED_DOMAIN"):
        other = str(settings.get(key) or "")
        if urlsplit(other).netloc and urlsplit(other).netloc != urlsplit(site).netloc:
            logger.warning("newsgraph: %s (%s) is on another host than SITEURL (%s); "
                           "set it to SITEURL or leave it unset", key, other, site)


def get_generators(pelican):
    if not enabled(pelican.settings):
        return None
    from .generator import SpeakersGenerator
    return SpeakersGenerator


def on_generators_finalized(generators) -> None:
    """Every generator has read its content: this build's output manifest (which skips unchanged
    outputs) is made now, before the first file is written, so it notes every file written."""
    gen = next((g for g in generators if getattr(build.of(g.context), "registry", None) is not None), None)
    if gen is not None and enabled(gen.settings):
        from newsgraph.site.manifest import OutputManifest
        OutputManifest.of(gen.settings, gen.context, gen.output_path)


def on_feed_generated(context: dict, feed) -> None:
    """Every feed with absolute links and ids, its text cleaned of characters XML 1.0 forbids,
    before it is written."""
    if context and enabled(context):
        from .generator import absolute_feed, clean_feed
        absolute_feed(feed, context)
        clean_feed(feed)


def on_file_written(path: str, context: dict | None = None, **_kwargs) -> None:
    """Pelican wrote a page or a feed: noted for the skip-unchanged machinery (see generator)."""
    if context and enabled(context):
        from .generator import note_written
        note_written(path, context)


def on_generator_init(generator) -> None:
    """The build's state (made with the first generator of a build); Jinja globals
    ``newsgraph_jsonld()`` (:mod:`jsonld`), ``newsgraph_meta()``, ``newsgraph_chart()`` for every
    generator's templates, and every template's output made safe: each printed value without the
    characters XML 1.0 forbids (``finalize``), ``striptags`` that keeps entity-escaped text
    escaped (see :mod:`safe`)."""
    if not enabled(generator.settings):
        return
    generator.env.finalize = clean_output
    generator.env.filters["striptags"] = safe_striptags
    generator.env.filters["urlencode"] = urlencode_plain(generator.env.filters["urlencode"])
    build.start(generator.context)
    generator.env.globals["newsgraph_jsonld"] = _jsonld_global(_jsonld_renderer(), generator)
    from newsgraph.site.seo import render_meta
    generator.env.globals["newsgraph_meta"] = render_meta
    generator.env.globals["newsgraph_chart"] = _chart_global(generator)


def _chart_global(generator):
    """Jinja global ``newsgraph_chart(kind, subject=None, articles=None)``: an inline SVG picture
    (``charts.Charts``, one per build in the shared context), drawn only when a page showing it is
    rendered, so pages skipped as unchanged cost nothing; "" without the site registry."""
    from jinja2 import pass_context
    from markupsafe import Markup

    @pass_context
    def newsgraph_chart(ctx, kind, subject=None, articles=None):
        state = build.of(generator.context)
        reg = state.registry if state is not None else None
        if reg is None:
            return Markup("")
        charts = state.charts
        if charts is None or charts.registry is not reg:
            from newsgraph.site.charts import Charts
            charts = state.charts = Charts(generator.settings, reg)
        return charts.render(kind, subject, articles, str(ctx.get("SITEURL") or ""))
    return newsgraph_chart


def _jsonld_memo(generator):
    """The build's :class:`manifest.JsonldMemo` (None when unchanged outputs are not skipped)."""
    state = build.of(generator.context)
    if state is None:
        return None
    if state.jsonld_memo is None:
        from newsgraph.site.manifest import JsonldMemo, OutputManifest
        manifest = OutputManifest.of(generator.settings, generator.context, generator.output_path)
        if manifest is None:
            return None
        state.jsonld_memo = state.until_finished(JsonldMemo(manifest))
    return state.jsonld_memo


def _jsonld_global(render, generator=None):
    """``render`` noting which output file called it, so ``content_written`` need not re-read it;
    on a rebuild of an unchanged site, the page's JSON-LD of the last build (same text)."""
    from jinja2 import pass_context
    from markupsafe import Markup

    @pass_context
    def newsgraph_jsonld(ctx, *args, **kwargs):
        state = build.of(ctx)
        out = ctx.get("output_file")
        if state is not None and out:
            state.jsonld_done.add(out)
        memo = _jsonld_memo(generator) if generator is not None and out and not args and not kwargs \
            and state is not None and state.registry is not None else None
        if memo is None:
            return render(ctx, *args, **kwargs)
        return Markup(memo.get(str(out), lambda: render(ctx)))
    return newsgraph_jsonld


def on_finalized(pelican) -> None:
    """The build has finished: store its output manifest and JSON-LD memo (only now)."""
    if enabled(pelican.settings):
        exit_point("finalized")
        build.finish()




def _forget_pelicans_memos() -> None:
    """Empty Pelican's memo of ``Content.get_content`` / ``get_summary`` (``pelican.utils.memoized``:
    one dict per method, keyed by the article itself, never emptied). In a long-running
    ``pelican --autoreload`` it keeps every earlier build's articles alive -- and through each
    article's context, that build's whole site (registry, results, pages): tens of MB a rebuild."""
    from pelican.contents import Content

    for name in ("get_content", "get_summary"):
        memo = getattr(vars(Content).get(name), "cache", None)
        if isinstance(memo, dict):
            memo.clear()


def _thaw() -> None:
    """Free what the last build left in Pelican's memos; done when the next build starts."""
    _forget_pelicans_memos()


def on_content_written(path: str, context: dict | None = None) -> None:
    """JSON-LD and head tags for pages whose theme does not call ``newsgraph_jsonld()`` or
    ``newsgraph_meta()`` (inserted in the file)."""
    if not context or not enabled(context):
        return
    state = build.of(context)
    done_meta, done_jsonld = (state.meta_done, state.jsonld_done) if state is not None else ((), ())
    if context.get("output_file") not in done_meta:
        from newsgraph.site.seo import ensure_in_file as ensure_meta
        try:
            ensure_meta(path, context)
        except Exception as exc:  # never crash the build over head tags
            logger.warning("newsgraph: meta tags not added to %s: %s", path, exc)
    if not context.get("NEWSGRAPH_JSONLD", True):
        return
    if context.get("output_file") in done_jsonld:
        return
    from newsgraph.site.jsonld.page import ensure_in_file
    try:
        ensure_in_file(path, context)
    except Exception as exc:  # never crash the build over metadata
        logger.warning("newsgraph: JSON-LD not added to %s: %s", path, exc)


def _jsonld_renderer():
    """The page's JSON-LD script tag from its template context (:mod:`jsonld`)."""
    from newsgraph.site.jsonld.page import render_for_context
    return render_for_context


# --------------------------------------------------------------------------- analysis pass


def _label(article) -> str:
    return getattr(article, "relative_source_path", None) or getattr(article, "source_path", "?")


def _meta(article, key: str) -> Any:
    return (getattr(article, "metadata", None) or {}).get(key)


def _empty(article) -> None:
    article.newsgraph = ArticleResult()
    article.newsgraph_marked = set()
    article.newsgraph_quotes = []
    article.newsgraph_speakers = []
    article.newsgraph_about = []
    article.newsgraph_mentions = []


def article_key(article) -> str:
    """The cache key of an article's analysis: a hash of what the engine reads (title, HTML; the
    title as written: the engine reads it without markup, so it changes only when this does)."""
    return content_key(str(getattr(article, "title", "") or ""), getattr(article, "_content", None) or "")


def analyse(articles: list, keys: dict[int, str], cache: ResultCache, settings: dict,
            sources: dict[int, int | None] | None = None) -> tuple[dict[int, ArticleResult], dict[str, str]]:
    """``{id(article): result}`` for every article: from the cache, or analysed together in batches,
    and ``{label: reason}`` of the articles whose analysis failed (now or, for the same content, in
    an earlier build: remembered, not retried). Each result is cached as soon as it is made, so a
    build interrupted during analysis keeps what it analysed.

    ``sources``: each article's source-file mtime (ns); a cache entry older than it is not used.
    """
    results: dict[int, ArticleResult] = {}
    failures: dict[str, str] = {}
    todo: list[tuple[Any, str]] = []
    sources = sources or {}
    for art in articles:
        cached = cache.get(keys[id(art)], _label(art), not_before=sources.get(id(art)))
        if isinstance(cached, Failure):
            results[id(art)] = ArticleResult()
            failures[_label(art)] = cached.reason
            logger.warning("newsgraph: %s: analysis failed in an earlier build (%s); not retried "
                           "until the article changes; no quotes or topics for it", _label(art), cached.reason)
        elif cached is not None:
            results[id(art)] = cached
        else:
            todo.append((art, keys[id(art)]))

    def keep(art, key: str, result: ArticleResult | None, failure: str | None) -> None:
        """One article done: its result (or failure) into the cache at once."""
        if result is None:             # (warned about) empty; remembered when the article itself failed
            results[id(art)] = ArticleResult()
            if failure is not None:
                failures[_label(art)] = failure
                cache.put(key, Failure(failure))
            return
        results[id(art)] = result
        for w in result.warnings:
            logger.warning("newsgraph: %s: %s", _label(art), w)
        cache.put(key, result)
        exit_point("analysed")

    if todo:
        _extract(todo, engine_options(settings), settings, keep)
    _report(len(todo), len(articles), cache.stats.hits - cache.stats.failed, len(failures),
            len(cache.stats.corrupt), cache.stats.outdated, cache.stats.failed)
    if settings.get("NEWSGRAPH_CACHE_PRUNE", True):
        removed = cache.prune(set(keys.values()))
        if removed:
            logger.info("newsgraph: %d stale cache entries removed", removed)
    return results, failures


def _report(analysed: int, total: int, cached: int, failed: int = 0, corrupt: int = 0, touched: int = 0,
            remembered: int = 0) -> None:
    msg = f"newsgraph: {analysed} of {total} articles analysed, {cached} from cache"
    if touched:
        msg += f" ({touched} unchanged but touched: source file newer than its cache entry)"
    if failed:
        msg += f" ({failed} failed, see warnings"
        msg += f"; {remembered} of them in an earlier build, not retried)" if remembered else ")"
    if corrupt:
        msg += f" ({corrupt} corrupt cache entries replaced)"
    logger.debug(msg)
    console.print(msg)


def _mtime_ns(article) -> int | None:
    try:
        return os.stat(article.source_path).st_mtime_ns
    except (OSError, TypeError, AttributeError):
        return None


def _plain_title(article) -> str:
    from markupsafe import Markup
    return Markup(getattr(article, "title", "") or "").striptags()


def _extract(todo: list[tuple[Any, str]], options: dict, settings: dict, keep) -> None:
    """All ``todo`` articles through the engine in one ``nlp.pipe`` stream; each ``(article, key)``
    is handed to ``keep(article, key, result, failure)`` as soon as it is done.

    If the engine raises, the results so far are kept and the rest is bisected until the failing
    article is found (warned about; ``result`` None, ``failure`` its reason), so one bad article
    never stops the build. When the model cannot load, every article gets None and no failure
    (the articles are not at fault: they are analysed again next time).
    """
    from newsgraph.engine.extract import ArticleInput, Engine, EngineConfig

    engine = Engine(EngineConfig(**options))
    total, start = len(todo), time.monotonic()
    every = float(settings.get("NEWSGRAPH_PROGRESS_EVERY") or 10.0)
    state = {"done": 0, "last": start}

    def progress(_i: int) -> None:
        state["done"] += 1
        now = time.monotonic()
        if now - state["last"] >= every and state["done"] < total:
            state["last"] = now
            console.print(f"newsgraph: analysed {state['done']}/{total} articles ({now - start:.0f} s)")

    def run(items: list[tuple[Any, str]]) -> None:
        done = 0
        inputs = [ArticleInput(text=getattr(a, "_content", None) or "", format="html",
                               title=_plain_title(a), id=_label(a)) for a, _ in items]
        try:
            for r in engine.extract_many(inputs, batch_size=int(settings["NEWSGRAPH_BATCH_SIZE"]),
                                         n_process=int(settings["NEWSGRAPH_WORKERS"] or 1),
                                         progress=progress):
                keep(*items[done], r, None)
                done += 1
        except Exception as exc:
            rest = items[done:]
            if len(rest) == 1:
                why = f"{type(exc).__name__}: {exc}"
                logger.warning("newsgraph: %s: analysis failed (%s); no quotes or topics for it",
                               _label(rest[0][0]), why)
                keep(*rest[0], None, why)
                return
            half = len(rest) // 2
            run(rest[:half])
            run(rest[half:])

    try:
        engine.nlp  # noqa: B018 (loads the model: only now that something needs analysing)
    except Exception as exc:
        logger.error("newsgraph: cannot load the spaCy pipeline (%s); %d articles not analysed", exc, total)
        for art, key in todo:
            keep(art, key, None, None)
        return
    run(todo)


# --------------------------------------------------------------------------- registry, tags


def _slugifier(settings: dict):
    subs = settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    preserve = settings.get("SLUGIFY_PRESERVE_CASE", False)
    uni = settings.get("SLUGIFY_USE_UNICODE", False)

    def slug(name: str) -> str:
        return slugify(name, regex_subs=subs, preserve_case=preserve, use_unicode=uni)
    return slug


def _aliases_path(settings: dict) -> str | None:
    path = settings.get("NEWSGRAPH_ALIASES")
    if not path:
        return None
    path = os.path.expanduser(str(path))
    if not os.path.isabs(path) and not os.path.exists(path):
        for base in (settings.get("PATH"), os.path.dirname(settings.get("PATH") or "")):
            if base and os.path.exists(os.path.join(base, path)):
                return os.path.join(base, path)
    return path


def on_pretaxonomy(generator) -> None:
    """One analysis pass, the site registry, topic tags; attributes attached to every article."""
    settings = generator.settings
    if not enabled(settings):
        return
    _thaw()
    state = build.start(generator.context)
    set_defaults(settings)
    articles = _reset_articles(generator)
    active = [a for a in articles if not is_off(_meta(a, "newsgraph") or "on")]
    state.aliases_path = _aliases_path(settings)
    state.article_files = sorted({str(a.save_as) for a in articles if getattr(a, "save_as", "")})
    reg = site_registry(active, settings, state)
    _place_speaker_pages(reg, settings)
    if settings.get("NEWSGRAPH_TAGS", True):
        _add_topic_tags(generator, state, reg)
    for ident in reg.identities:
        if ident.url is None and ident.tag is not None:
            ident.url = ident.tag.url
    _attach_results(reg.records, settings)
    state.registry = generator.context[build.REGISTRY_VARIABLE] = reg   # (the variable themes read)


def _reset_articles(generator) -> list:
    """Every article's newsgraph attributes emptied (drafts and hidden ones too, which are never
    analysed) and its HTML as read restored (an article object Pelican's generator cache reuses
    still has the last build's marked quotes); returns the published articles and translations."""
    articles = list(generator.articles) + list(getattr(generator, "translations", []))
    for other in ("drafts", "drafts_translations", "hidden_articles", "hidden_translations"):
        for art in getattr(generator, other, []) or []:
            _empty(art)
    for art in articles:
        _empty(art)
        _warn_forbidden_characters(art)
        if getattr(art, "newsgraph_source_content", None) is not None:
            art._content = art.newsgraph_source_content
    return articles


def _place_speaker_pages(reg: registry_mod.Registry, settings: dict) -> None:
    """Each speaker's page and feed paths and URLs (None where a pattern would leave the output)."""
    for ident in reg.speakers:
        ident.save_as = page_path("NEWSGRAPH_SPEAKER_SAVE_AS", ident.slug, settings)
        ident.url = page_path("NEWSGRAPH_SPEAKER_URL", ident.slug, settings) if ident.save_as else None
        ident.feed_save_as = page_path("NEWSGRAPH_SPEAKER_FEED_ATOM", ident.slug, settings)
        ident.feed_url = ident.feed_save_as


def _add_topic_tags(generator, state: build.BuildState, reg: registry_mod.Registry) -> None:
    """Topic ``Tag``s on the articles, noted in the build state (with their feeds' paths); Pelican's
    tag pages and feeds then skip the unchanged ones (``NEWSGRAPH_SKIP_UNCHANGED``)."""
    from .generator import skip_unchanged_topic_tags, tag_feed_paths
    settings = generator.settings
    state.topic_slugs = _add_tags(reg, reg.records, settings)
    state.topic_feeds = {path for slug in state.topic_slugs for path in tag_feed_paths(settings, slug)}
    if settings.get("NEWSGRAPH_SKIP_UNCHANGED", True):
        skip_unchanged_topic_tags(generator)


def _attach_results(records: list, settings: dict) -> None:
    """Each analysed article's result, quotes, speakers and entities as its ``newsgraph*``
    attributes (what themes read); its quotes marked in its HTML (``NEWSGRAPH_MARK_QUOTES``)."""
    for rec in records:
        art = rec.article
        art.newsgraph = rec.result
        art.newsgraph_quotes = rec.quotes
        art.newsgraph_speakers = rec.speakers
        art.newsgraph_about = rec.about
        art.newsgraph_mentions = rec.mentions
        if settings.get("NEWSGRAPH_MARK_QUOTES", True):
            mark_quotes_in_body(art)


def _warn_forbidden_characters(article) -> None:
    """A warning naming the article when its text or metadata holds characters XML 1.0 forbids
    (pages and feeds get the text without them; the build goes on)."""
    texts = [getattr(article, "_content", None), getattr(article, "title", None),
             *(getattr(article, "metadata", None) or {}).values()]
    found = sorted({c for t in texts if isinstance(t, str) and has_xml_forbidden(t) for c in XML_FORBIDDEN.findall(t)})
    if found:
        logger.warning("newsgraph: %s: control or non-characters (%s) removed from pages and feeds",
                       _label(article), ", ".join(f"U+{ord(c):04X}" for c in found))


def mark_quotes_in_body(article) -> None:
    """Anchor and mark the article's quotes in its own HTML (see :mod:`anchors`); the numbers of the
    quotes marked go to ``article.newsgraph_marked``. The HTML as read stays in
    ``newsgraph_source_content`` (what the analysis and its cache key read)."""
    from newsgraph.site.anchors import mark_quotes
    refs = sorted(getattr(article, "newsgraph_quotes", None) or [], key=lambda r: (r.quote.start, r.n))
    article.newsgraph_marked = set()
    if not refs:
        return
    source = getattr(article, "_content", None) or ""
    result = mark_quotes(source, [(r.n, [c.text for c in r.quote.contents]) for r in refs])
    if result.marked:
        article.newsgraph_source_content = source
        article._content = result.html
        article.newsgraph_marked = result.marked


def site_registry(articles: list, settings: dict, state: build.BuildState) -> registry_mod.Registry:
    """The analysed site: every article's result and the registry built from them.

    With ``NEWSGRAPH_REGISTRY_CACHE`` the last build's registry (results included) is reused when
    none of its inputs changed: the articles' cache keys, dates, metadata overrides and (with
    Pelican's ``CHECK_MODIFIED_METHOD = "mtime"``) source-file mtimes, the alias file's bytes, the
    options and code, and the per-article cache entries it was made from (size and mtime, so a
    damaged entry is still found and recomputed). Else each result comes from the result cache or
    the engine, and the registry is built (and stored).
    """
    cache = ResultCache(settings["NEWSGRAPH_CACHE_PATH"], fingerprint(engine_options(settings)))
    state.fingerprint = cache.fingerprint
    keys = {id(a): article_key(a) for a in articles}
    overrides = [_overrides(a, settings) for a in articles]
    options = _registry_options(articles, settings)
    inputs = _registry_inputs(options, cache.fingerprint, settings, state.article_files)
    use_cache = bool(settings.get("NEWSGRAPH_REGISTRY_CACHE", True)) and bool(articles)
    # like Pelican's own cache: with CHECK_MODIFIED_METHOD "mtime" (its default) a source file
    # newer than its cache entry is analysed again, so `touch` forces it; else content only
    sources = {id(a): _mtime_ns(a) for a in articles} \
        if settings.get("CHECK_MODIFIED_METHOD", "mtime") == "mtime" else {}

    def stored(entries: list) -> RegistryCache:
        return RegistryCache(settings["NEWSGRAPH_CACHE_PATH"],
                             registry_key(articles, [keys[id(a)] for a in articles], entries, overrides,
                                          _file_digest(state.aliases_path), inputs,
                                          [sources.get(id(a)) for a in articles]))

    def entry_stamps() -> list:
        return [cache.stamp(keys[id(a)]) for a in articles]
    if use_cache:
        reg = stored(entry_stamps()).load(articles)
        if reg is not None:
            _report_reused(reg, len(articles))
            return reg
    results, failures = analyse(articles, keys, cache, settings, sources) if articles else ({}, {})
    records = [registry_mod.ArticleRecord(article=a, result=results[id(a)], **o) for a, o in zip(articles, overrides)]
    reg = _build_registry(records, failures, options, settings, state)
    if use_cache:
        now = entry_stamps()
        if all(now):                # only when every result (or failure) is in the result cache
            stored(now).save(reg)
    return reg


def _overrides(article, settings: dict) -> dict:
    """The article's overrides of the registry: speakers ignored (its metadata's, and its own
    voice: :func:`own_voice`), topics added or removed."""
    ignored = split_list(_meta(article, "newsgraph_ignore_speakers"))
    return dict(ignore_speakers=ignored + [n for n in own_voice(article, settings) if n not in ignored],
                topics_add=split_list(_meta(article, "newsgraph_topics_add")),
                topics_remove=split_list(_meta(article, "newsgraph_topics_remove")))


def own_voice(article, settings: dict) -> list[str]:
    """Names under which an article's writers speak in it, never one of its speakers: "Wikinews
    asked …", "Wikinews confirmed with X that …" are the writer's narration, not a source quoted.
    Its bylines, a collective byline without its collective word ("Wikinews contributors":
    Wikinews), ``SITENAME``, the publisher's name and ``NEWSGRAPH_SELF_NAMES``."""
    names: list = [*(settings.get("NEWSGRAPH_SELF_NAMES") or ()), *_publisher_names(settings)]
    for name in _bylines(article):
        names += [name, byline_publication(name)]
    out: list[str] = []
    for n in names:
        if isinstance(n, str) and n.strip() and n.strip() not in out:
            out.append(n.strip())
    return out


def _registry_options(articles: list, settings: dict) -> dict:
    """The settings ``registry.build`` takes (who gets a page, what becomes a topic)."""
    return dict(indirect_on_pages=bool(settings["NEWSGRAPH_INDIRECT_ON_PAGES"]),
                min_confidence=float(settings["NEWSGRAPH_MIN_CONFIDENCE"] or 0.0),
                speaker_types=tuple(settings["NEWSGRAPH_SPEAKER_TYPES"]),
                topic_types=tuple(settings["NEWSGRAPH_TAG_TYPES"]),
                topic_min_mentions=int(settings["NEWSGRAPH_TAG_MIN_MENTIONS"]),
                topic_salient_only=bool(settings["NEWSGRAPH_TAG_SALIENT_ONLY"]),
                topic_min_articles=int(settings["NEWSGRAPH_TAG_MIN_ARTICLES"]),
                topic_exclude=_not_topics(articles, settings))


def _registry_inputs(options: dict, engine_fingerprint: str, settings: dict, article_files: Iterable[str]) -> dict:
    """Everything besides the articles and the alias file that a stored registry was made from."""
    import pelican

    return {**options, "fingerprint": engine_fingerprint, "pelican": getattr(pelican, "__version__", ""),
            "slugify": [settings.get(k) for k in ("SLUG_REGEX_SUBSTITUTIONS", "TAG_REGEX_SUBSTITUTIONS",
                                                  "SLUGIFY_PRESERVE_CASE", "SLUGIFY_USE_UNICODE")],
            "reserved": [sorted(reserved_paths(settings, article_files)), *speaker_patterns(settings)]}


def _report_reused(reg: registry_mod.Registry, total: int) -> None:
    """The progress line of a build that reused the stored registry; its remembered failures warned about again."""
    failures = getattr(reg, "analysis_failures", None) or {}
    for label, why in failures.items():
        logger.warning("newsgraph: %s: analysis failed in an earlier build (%s); not retried "
                       "until the article changes; no quotes or topics for it", label, why)
    _report(0, total, total - len(failures), len(failures), remembered=len(failures))


def _build_registry(records: list, failures: dict[str, str], options: dict, settings: dict,
                    state: build.BuildState) -> registry_mod.Registry:
    """The registry of the analysed articles (alias file, slugs clear of reserved paths), each
    topic's tag slug stored in it, and the failures to warn about when it is reused."""
    aliases = registry_mod.load_aliases(state.aliases_path)    # (its warnings: when the registry is built)
    reg = registry_mod.build(records, aliases, slugify=_slugifier(settings),
                             slug_taken=slug_taken(settings, state.article_files), **options)
    for ident in {id(i): i for rec in records for i in rec.topics}.values():
        ident.tag_slug = Tag(ident.name, settings).slug       # (stored: slugify is slow)
    reg.analysis_failures = failures                          # (warned about again when reused)
    return reg


def _not_topics(articles: list, settings: dict) -> tuple[str, ...]:
    """Names never made topic tags: the site's bylines (every article's authors), the publisher
    and ``SITENAME``, and ``NEWSGRAPH_TAG_EXCLUDE`` (sorted: part of the registry cache key)."""
    names = set(settings.get("NEWSGRAPH_TAG_EXCLUDE") or ())
    names.update(n for n in _publisher_names(settings) if isinstance(n, str))
    for art in articles:
        names.update(_bylines(art))
    return tuple(sorted(n.strip() for n in names if n and n.strip()))


def _publisher_names(settings: dict) -> list:
    """``SITENAME`` and the publisher's name (either may be missing)."""
    publisher = settings.get("NEWSGRAPH_PUBLISHER") or {}
    return [settings.get("SITENAME"), publisher.get("name") if isinstance(publisher, dict) else None]


def _bylines(article) -> list[str]:
    """The article's author names."""
    return [str(getattr(a, "name", a)).strip() for a in getattr(article, "authors", None) or []]


def _file_digest(path: str | None) -> str | None:
    """SHA-256 of a file's bytes ("missing" when unreadable), None without a path."""
    if not path:
        return None
    try:
        with open_regular(path) as f:           # (a FIFO or device: "missing", not waited on)
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return "missing"


def _add_tags(reg: registry_mod.Registry, records: list, settings: dict) -> set[str]:
    """Add topic ``Tag``s to the articles; returns the slugs of the tags added."""
    tags_by_slug: dict[str, Tag] = {}

    def tag_for(name: str, slug: str | None = None) -> Tag | None:
        tag = Tag(name, settings)
        if slug:
            tag.slug = slug
        if not tag.slug:
            return None
        return tags_by_slug.setdefault(tag.slug, tag)

    for rec in records:
        art = rec.article
        own = list(getattr(art, "tags", None) or [])
        have = {t.slug for t in own}
        new: list[Tag] = []
        wanted: list[tuple[registry_mod.Identity | None, str]] = [(i, i.name) for i in rec.topics]
        for name in rec.topics_add:
            wanted.append((reg.find(name), name))
        for ident, name in wanted:
            tag = ident.tag if ident is not None and ident.tag is not None else \
                tag_for(ident.name, ident.tag_slug) if ident is not None else tag_for(name)
            if tag is None:
                continue
            if ident is not None:
                ident.tag = tag
            if tag.slug not in have:
                have.add(tag.slug)
                new.append(tag)
        if new:
            art.tags = own + new
    return set(tags_by_slug)
