"""newsgraph is a good neighbour: it builds next to common ecosystem plugins, each of which does its job.

The site is built in a subprocess: Pelican's signals are process-wide, and plugins such as
pelican-seo would go on acting in every later in-process build of the test run.
"""
from __future__ import annotations

import os
import pathlib
import re
import subprocess
import sys
import textwrap

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent

ARTICLES = {
    "pier.md": ("Rebuilding the pier", "2021-03-01", "harbour, council", """
        The council met on Monday to discuss the old pier.

        "We will rebuild the pier before the summer," Mayor Alma Frisk said.
        """),
    "ferry.md": ("Ferry timetable changes", "2021-03-08", "harbour, transport", """
        The ferry company announced a new timetable on Friday.

        "Boats will leave every forty minutes," said Ivo Lund, the company's director.
        """),
    "budget.md": ("Harbour budget approved", "2021-03-15", "harbour, council", """
        The harbour budget passed by nine votes to two.

        "The pier comes first, the marina second," Mayor Alma Frisk said after the vote.
        """),
}

# A plugin of the site's own that claims Pelican's get_writer signal (Pelican uses one writer only).
OWN_WRITER = '''
from pelican import signals
from pelican.writers import Writer

WRITTEN = []


class CountingWriter(Writer):
    def write_file(self, name, *args, **kwargs):
        WRITTEN.append(name)
        return super().write_file(name, *args, **kwargs)


def get_writer(pelican):
    return CountingWriter


def finalized(pelican):
    with open(pelican.settings["OUTPUT_PATH"] + "/own-writer.txt", "w") as f:
        f.write("\\n".join(WRITTEN))


def register():
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(finalized)
'''

# The theme's article page shows what neighbors, related_posts and statistics add to an article.
ARTICLE_TEMPLATE = """{% extends "!theme/article.html" %}
{% block content %}{{ super() }}
<p id="neighbours">{{ article.prev_article.url if article.prev_article }}|{{ article.next_article.url if article.next_article }}</p>
<p id="related">{% for a in article.related_posts %}{{ a.url }} {% endfor %}</p>
<p id="words">{{ article.statistics.wc }}</p>
{% endblock %}
"""


def _site(tmp_path: pathlib.Path) -> pathlib.Path:
    (tmp_path / "content").mkdir()
    for name, (title, date, tags, body) in ARTICLES.items():
        text = f"Title: {title}\nDate: {date}\nTags: {tags}\n\n" + textwrap.dedent(body).strip() + "\n"
        (tmp_path / "content" / name).write_text(text, encoding="utf-8")
    (tmp_path / "extra").mkdir()
    (tmp_path / "extra" / "own_writer.py").write_text(OWN_WRITER, encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "article.html").write_text(ARTICLE_TEMPLATE, encoding="utf-8")
    (tmp_path / "pelicanconf.py").write_text(textwrap.dedent(f"""\
        SITENAME = "Neighbours"
        AUTHOR = "Harbour desk"   # (pelican-seo needs an author on every article)
        SITEURL = "https://example.org"
        PATH = "content"
        OUTPUT_PATH = "output"
        CACHE_PATH = "cache"
        TIMEZONE = "UTC"
        DEFAULT_LANG = "en"
        ARTICLE_URL = ARTICLE_SAVE_AS = "{{slug}}.html"
        TAG_FEED_ATOM = "feeds/tag/{{slug}}.atom.xml"
        THEME_TEMPLATES_OVERRIDES = ["templates"]
        PLUGIN_PATHS = [{str(ROOT / "plugins")!r}, "extra"]
        PLUGINS = ["newsgraph", "sitemap", "seo", "neighbors", "related_posts", "statistics", "own_writer"]
        SITEMAP = {{"format": "xml"}}
        SEO_ENHANCER = True
        NEWSGRAPH_WORKERS = 1
        """), encoding="utf-8")
    return tmp_path


def _build(site: pathlib.Path) -> str:
    run = subprocess.run([sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-v"], cwd=site,
                         env={**os.environ, "COLUMNS": "500"}, capture_output=True, text=True, timeout=600)
    log = run.stdout + run.stderr
    assert run.returncode == 0, log
    assert not re.search(r"\b(ERROR|CRITICAL)\b", log), log
    return log


def test_newsgraph_claims_no_writer_and_no_private_writer_method():
    from pelican import signals
    from pelican.plugins.newsgraph import pelican_glue

    pelican_glue.register()
    claimed = [r for r in signals.get_writer.receivers_for(None) if getattr(r, "__module__", "").startswith("newsgraph")]
    assert claimed == []


@pytest.mark.slow
def test_a_site_with_ecosystem_plugins_gets_every_plugins_output(tmp_path):
    site = _site(tmp_path)
    log = _build(site)
    out = site / "output"
    assert "writers found" not in log                       # Pelican had one writer to choose: the site's own

    # newsgraph: speaker pages, JSON-LD
    assert "rebuild the pier" in (out / "speakers" / "alma-frisk" / "index.html").read_text(encoding="utf-8")
    pier = (out / "rebuilding-the-pier.html").read_text(encoding="utf-8")
    assert "application/ld+json" in pier
    # the site's own writer wrote every page, the plugin's included
    written = (out / "own-writer.txt").read_text(encoding="utf-8").split()
    assert "speakers/alma-frisk/index.html" in written and "rebuilding-the-pier.html" in written
    # pelican-sitemap: the articles and the speaker pages
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.org/rebuilding-the-pier.html" in sitemap and "speakers/alma-frisk/" in sitemap
    # pelican-seo (enhancer): robots.txt and a canonical link
    assert (out / "robots.txt").is_file()
    assert 'rel="canonical"' in pier
    # pelican-neighbors, pelican-related-posts, pelican-statistics (shown by the theme's article page)
    ferry = (out / "ferry-timetable-changes.html").read_text(encoding="utf-8")
    assert re.search(r'id="neighbours">rebuilding-the-pier\.html\|harbour-budget-approved\.html<', ferry)
    assert "harbour-budget-approved.html" in re.search(r'id="related">([^<]*)<', pier).group(1)
    assert int(re.search(r'id="words">(\d+)<', pier).group(1)) > 10

    # a rebuild of the unchanged site skips the plugin's unchanged outputs with the site's own writer too
    log = _build(site)
    skipped = re.search(r"newsgraph: (\d+) pages and feeds unchanged, not rewritten", log)
    assert skipped and int(skipped.group(1)) > 0, log
    assert (out / "speakers" / "alma-frisk" / "index.html").is_file()
