"""``NEWSGRAPH_*`` settings: defaults set when the plugin initialises, and the engine config.

No Pelican import here; ``pelican_glue`` calls :func:`set_defaults` on Pelican's settings dict.
"""
from __future__ import annotations

import os
from typing import Any

from .safe import strip_invisible

#: Every setting the plugin reads, with its default (``None`` entries are computed in set_defaults).
DEFAULTS: dict[str, Any] = {
    "NEWSGRAPH_MODEL": None,                  # spaCy pipeline name or path; None = en_core_web_sm
    "NEWSGRAPH_WORKERS": 1,                   # spaCy worker processes (nlp.pipe n_process)
    "NEWSGRAPH_BATCH_SIZE": 32,
    "NEWSGRAPH_BOILERPLATE": (),              # extra regexes for text cut before NLP
    "NEWSGRAPH_INDIRECT": True,               # report indirect speech (changes results)
    "NEWSGRAPH_CACHE_PATH": None,             # default: CACHE_PATH/newsgraph
    "NEWSGRAPH_CACHE_PRUNE": True,            # drop entries no article uses, and old engine/model generations
    "NEWSGRAPH_ALIASES": None,                # path to a YAML or JSON alias file
    # ("Group", spaCy's NORP, is mostly nationality and party adjectives: "Chinese", "Democratic")
    "NEWSGRAPH_TAG_TYPES": ("Person", "Organization", "Place", "Event", "Condition"),
    "NEWSGRAPH_TAG_MIN_MENTIONS": 2,
    "NEWSGRAPH_TAG_MIN_ARTICLES": 2,          # a topic tag needs this many articles about it
    "NEWSGRAPH_TAG_EXCLUDE": (),              # names never made topics (bylines and the publisher always)
    "NEWSGRAPH_SELF_NAMES": (),               # names the site's writers use for themselves ("Wikinews asked …"): never speakers
    "NEWSGRAPH_TAG_SALIENT_ONLY": True,       # tags only for what an article is about, not passing names
    "NEWSGRAPH_TAGS": True,                   # add topic tags at all
    "NEWSGRAPH_SPEAKER_TYPES": ("Person", "Organization", "Group", "Place"),  # who gets a speaker page
    "NEWSGRAPH_SPEAKERS_URL": "speakers/",
    "NEWSGRAPH_SPEAKERS_SAVE_AS": "speakers/index.html",
    "NEWSGRAPH_SPEAKERS_BY_COUNT_URL": "speakers/by-count/",
    "NEWSGRAPH_SPEAKERS_BY_COUNT_SAVE_AS": "speakers/by-count/index.html",
    # one index per type of speaker ("people", "organisations", "places", "groups"), most quoted first
    "NEWSGRAPH_SPEAKERS_BY_TYPE_URL": "speakers/by-type/{type}/",
    "NEWSGRAPH_SPEAKERS_BY_TYPE_SAVE_AS": "speakers/by-type/{type}/index.html",
    "NEWSGRAPH_SPEAKER_URL": "speakers/{slug}/",
    "NEWSGRAPH_SPEAKER_SAVE_AS": "speakers/{slug}/index.html",
    "NEWSGRAPH_SPEAKER_FEED_ATOM": "speakers/{slug}/feed.atom.xml",
    "NEWSGRAPH_QUOTES_PER_PAGE": 20,
    "NEWSGRAPH_LETTER_INDEX_MIN": 30,         # speakers index gets a letter index from this many
    "NEWSGRAPH_REGISTRY_CACHE": True,         # reuse the site registry when no input of it changed
    "NEWSGRAPH_SKIP_UNCHANGED": True,         # don't re-render the plugin's pages/feeds when the site is unchanged
    "NEWSGRAPH_REVIEW_SAVE_AS": "newsgraph-review.txt",    # the editor's review report (unlinked); None: off
    "NEWSGRAPH_JSONLD": True,
    "NEWSGRAPH_PUBLISHER": None,              # default {"name": SITENAME, "url": SITEURL, "logo": None}
    "NEWSGRAPH_INDIRECT_ON_PAGES": True,      # show indirect quotes on speaker pages
    # publish a quote under its speaker's name (speaker pages, feeds, JSON-LD) only from this
    # confidence (0-1); below it, it stays in the results and `newsgraph extract` only. 0.5: what
    # is more likely right than wrong on PolNeAR dev (see benchmarks/calibration.py)
    "NEWSGRAPH_MIN_CONFIDENCE": 0.5,
    "NEWSGRAPH_PROGRESS_EVERY": 10.0,         # seconds between progress lines on long runs
    "NEWSGRAPH_MARK_QUOTES": True,            # anchor (id="quote-<n>") and mark each quote in the article body
    "NEWSGRAPH_META": True,                   # canonical link, description, og:/twitter: tags (newsgraph_meta())
    "NEWSGRAPH_DESCRIPTION_LENGTH": 160,      # characters of an article's meta description
    "NEWSGRAPH_TWITTER_SITE": None,           # the site's @handle for twitter:site
    "NEWSGRAPH_INDEX_MIN_ITEMS": 2,           # speaker/topic pages with fewer quotes/articles: noindex
    "NEWSGRAPH_SITEMAP": "sitemap.xml",       # "" = none
    "NEWSGRAPH_ROBOTS": "robots.txt",         # "" = none (a static robots.txt of the site wins)
    # pictures (inline SVG, charts.py; docs/pictures.md)
    "NEWSGRAPH_CHART_TIMELINE": True,         # a speaker's quotes per month
    "NEWSGRAPH_CHART_TIMELINE_MIN_QUOTES": 5, # ... for speakers with at least this many quotes
    "NEWSGRAPH_CHART_NETWORK": True,          # who is quoted alongside (speaker and topic pages)
    "NEWSGRAPH_CHART_NETWORK_SIZE": 10,       # most people/organisations shown (besides the speaker)
    "NEWSGRAPH_CHART_NETWORK_MIN": 2,         # fewer than this: no network
    "NEWSGRAPH_CHART_TOP": True,              # most quoted speakers on the speaker index
    "NEWSGRAPH_CHART_TOP_MONTHS": 12,         # ... over the site's last this many months
    "NEWSGRAPH_CHART_TOP_SIZE": 10,           # ... this many bars
}


#: The path word of each speaker type's index page (``{type}`` of ``NEWSGRAPH_SPEAKERS_BY_TYPE_*``).
TYPE_PAGES = {"Person": "people", "Organization": "organisations", "Place": "places", "Group": "groups"}


def set_defaults(settings: dict) -> None:
    """Fill in every missing ``NEWSGRAPH_*`` setting (in place)."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    if not settings.get("NEWSGRAPH_CACHE_PATH"):
        settings["NEWSGRAPH_CACHE_PATH"] = os.path.join(settings.get("CACHE_PATH") or "cache", "newsgraph")
    if settings.get("NEWSGRAPH_PUBLISHER") is None:
        settings["NEWSGRAPH_PUBLISHER"] = {"name": settings.get("SITENAME", ""),
                                           "url": settings.get("SITEURL", ""), "logo": None}
    settings["NEWSGRAPH_BOILERPLATE"] = tuple(settings["NEWSGRAPH_BOILERPLATE"] or ())
    settings["NEWSGRAPH_TAG_TYPES"] = tuple(settings["NEWSGRAPH_TAG_TYPES"] or ())
    settings["NEWSGRAPH_TAG_EXCLUDE"] = tuple(split_list(settings["NEWSGRAPH_TAG_EXCLUDE"]))
    settings["NEWSGRAPH_SELF_NAMES"] = tuple(split_list(settings["NEWSGRAPH_SELF_NAMES"]))


def engine_options(settings: dict) -> dict[str, Any]:
    """The keyword arguments of ``extract.EngineConfig`` (everything that changes results)."""
    return {"model": settings.get("NEWSGRAPH_MODEL"),
            "boilerplate": tuple(settings.get("NEWSGRAPH_BOILERPLATE") or ()),
            "indirect": bool(settings.get("NEWSGRAPH_INDIRECT", True))}


def split_list(value: Any) -> list[str]:
    """Article metadata ``A; B`` (or a list, or comma-separated) -> ``["A", "B"]`` (names without
    invisible characters: "Har\u200bbor Gang" is "Harbor Gang")."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        items = [str(v) for v in value]
    else:
        text = str(value)
        items = text.split(";") if ";" in text else text.split(",")
    items = [strip_invisible(i).strip() for i in items]
    return [i for i in items if i]


def is_off(value: Any) -> bool:
    """Metadata switch: ``off``/``false``/``no``/``0`` -> True."""
    return str(value).strip().lower() in ("off", "false", "no", "0", "none")


#: Test-only fault injection (see :func:`exit_point`): ``NAME`` or ``NAME:N`` (the N-th time).
EXIT_AT_ENV = "NEWSGRAPH_TEST_EXIT_AT"
_exit_counts: dict[str, int] = {}


def exit_point(name: str) -> None:
    """TEST-ONLY fault injection: end the process at once (``os._exit``, like ``kill -9``: no
    cleanup, no ``finally``) when the environment variable ``NEWSGRAPH_TEST_EXIT_AT`` names this
    point (``"speaker-page"``, or ``"speaker-page:2"`` for its second time). The fault-injection
    tests use it to interrupt a build at a precise step; never set it otherwise."""
    wanted = os.environ.get(EXIT_AT_ENV)
    if not wanted:
        return
    point, _, nth = wanted.partition(":")
    if point != name:
        return
    _exit_counts[name] = _exit_counts.get(name, 0) + 1
    if _exit_counts[name] >= int(nth or 1):
        os._exit(75)
