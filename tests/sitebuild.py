"""Build small real Pelican sites in temp folders, in-process, with the newsgraph plugin.

    from sitebuild import build_site, build
    out = build_site(tmp_path, {"a.md": "Title: A\\nDate: 2020-01-01\\n\\nText…"})
    res = build(tmp_path, articles, settings={...})   # res.output, res.log, res.stats

Repeated builds into the same ``tmp_path`` share the content folder (rewritten to exactly
``articles`` each time), the output folder (emptied each build) and the cache.
"""
from __future__ import annotations

import io
import logging
import os
import pathlib
import re
import sys
from contextlib import redirect_stdout
from dataclasses import dataclass, field

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

STATS = re.compile(r"newsgraph: (\d+) of (\d+) articles analysed, (\d+) from cache")


@dataclass
class BuildResult:
    output: pathlib.Path
    log: str
    records: list[logging.LogRecord] = field(default_factory=list)

    @property
    def stats(self) -> tuple[int, int, int] | None:
        """(analysed, total, from cache) as reported in the build log, or None."""
        m = STATS.search(self.log)
        return tuple(int(x) for x in m.groups()) if m else None

    @property
    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= logging.WARNING]

    def read(self, rel: str) -> str:
        return (self.output / rel).read_text(encoding="utf-8")


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def _name(name: str) -> str:
    return name if os.path.splitext(name)[1] else name + ".md"


def site_settings(tmp_path, settings: dict | None = None, theme: str | None = None,
                  plugin: bool = True) -> dict:
    """The Pelican settings :func:`build` uses for a site in ``tmp_path`` (``settings`` applied)."""
    tmp = pathlib.Path(tmp_path)
    content = tmp / "content"
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(tmp / "output"),
        "CACHE_PATH": str(tmp / "cache"),
        "SITENAME": "Test site",
        "SITEURL": "",
        "TIMEZONE": "UTC",
        "DEFAULT_LANG": "en",
        "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "PLUGINS": ["newsgraph"] if plugin else [],
        "THEME": theme or "notmyidea",
        "DELETE_OUTPUT_DIRECTORY": True,
        "ARTICLE_URL": "{slug}.html",
        "ARTICLE_SAVE_AS": "{slug}.html",
        "TAG_FEED_ATOM": "feeds/tag/{slug}.atom.xml",
        "FEED_ALL_ATOM": "feeds/all.atom.xml",
        "RELATIVE_URLS": False,
        "LOAD_CONTENT_CACHE": False,
        "CACHE_CONTENT": False,
        # the small test sites have one article per topic; the default (2) is tested explicitly
        "NEWSGRAPH_TAG_MIN_ARTICLES": 1,
    }
    overrides.update(settings or {})
    return overrides


def build(tmp_path, articles: dict[str, str], settings: dict | None = None, theme: str | None = None,
          plugin: bool = True, files: dict[str, str] | None = None, expect_errors: bool = False) -> BuildResult:
    """Write ``articles`` (file name -> Markdown with Pelican metadata) and build the site.

    settings: overrides of the defaults below; theme: a theme folder or a Pelican theme name
    (default: Pelican's "notmyidea"); plugin: False for a plugin-off build; files: extra files
    (relative to ``tmp_path``, e.g. an alias file).  Raises AssertionError with the log when the
    build logs errors (unless ``expect_errors``).
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    tmp = pathlib.Path(tmp_path)
    content = tmp / "content"
    content.mkdir(parents=True, exist_ok=True)
    wanted = {_name(n) for n in articles}
    for old in content.rglob("*.md"):
        if str(old.relative_to(content)) not in wanted:
            old.unlink()
    for name, text in articles.items():
        path = content / _name(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for name, text in (files or {}).items():
        (tmp / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / name).write_text(text, encoding="utf-8")

    overrides = site_settings(tmp, settings, theme, plugin)
    pelican_settings = read_settings(path=None, override=overrides)

    # each build is a separate run: Pelican's log filter would drop a message any earlier build in
    # this process logged (it dedups process-wide), so forget what it has seen
    from pelican.log import LimitFilter
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()

    handler = _Collect()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    out = io.StringIO()
    try:
        with redirect_stdout(out):
            from pelican.log import console
            old_file = console.file
            console.file = out
            try:
                Pelican(pelican_settings).run()
            finally:
                console.file = old_file
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    log = out.getvalue() + "\n".join(f"{r.levelname}: {r.getMessage()}" for r in handler.records)
    errors = [r for r in handler.records if r.levelno >= logging.ERROR]
    if errors and not expect_errors:
        raise AssertionError("Pelican build logged errors:\n" + log)
    return BuildResult(output=tmp / "output", log=log, records=handler.records)


def build_site(tmp_path, articles: dict[str, str], settings: dict | None = None,
               theme: str | None = None) -> pathlib.Path:
    """Build and return the output folder (the contract's entry point)."""
    return build(tmp_path, articles, settings=settings, theme=theme).output


def article(title: str, body: str, date: str = "2020-01-01", **meta: str) -> str:
    """A Markdown article with Pelican metadata (``tags="A, B"``, ``newsgraph="off"``...)."""
    lines = [f"Title: {title}", f"Date: {date}"]
    lines += [f"{k.capitalize()}: {v}" for k, v in meta.items()]
    return "\n".join(lines) + "\n\n" + body.strip() + "\n"
