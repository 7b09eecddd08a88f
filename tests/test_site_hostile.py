"""Hostile text in real Pelican builds (issue 17): no character, name or slug stops the build, and
no text from content becomes markup or a script, with the demo theme, the plugin's fallback
templates and Pelican's own themes."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from sitebuild import ROOT, article, build

DEMO = str(ROOT / "theme")
THEMES = ["notmyidea", "simple", DEMO]
#: characters XML 1.0 forbids (see newsgraph.safe)
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def html_pages(res):
    return sorted(res.output.rglob("*.html"))


def jsonld_texts(html: str) -> list[str]:
    """Every string value in the page's JSON-LD (parsed, so escapes are decoded)."""
    out = []

    def walk(v):
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    for script in BeautifulSoup(html, "html.parser").select('script[type="application/ld+json"]'):
        walk(json.loads(script.string))
    return out


# --------------------------------------------------------------------------- 1. no crash on any text

CONTROL = {
    "bell": article("Bell\x07 rings at\x0b city hall", """
"We ring the\x07 bell at noon," said Jane Roe.

"A null\x00 here, a \ufffe there and \uffff too," said Jane Roe.

"Form\x0c feeds are fine," Bob Stone said.
""", date="2020-03-02", tags="Bells\x07, Noise"),
}


@pytest.mark.parametrize("theme", ["notmyidea", DEMO])
def test_control_characters_never_stop_the_build_and_feeds_are_xml(tmp_path, theme):
    res = build(tmp_path, CONTROL, theme=theme, settings={
        "FEED_ALL_RSS": "feeds/all.rss.xml", "TAG_FEED_RSS": "feeds/tag/{slug}.rss.xml",
        "NEWSGRAPH_SITEURL": "https://example.org"})
    feeds = sorted(res.output.rglob("*.xml"))
    assert (res.output / "speakers" / "jane-roe" / "feed.atom.xml") in feeds
    assert any("/tag/" in str(f) for f in feeds) and any(f.name == "all.rss.xml" for f in feeds)
    for feed in feeds:                                   # every feed is well-formed XML 1.0
        ET.parse(feed)
    speaker_feed = (res.output / "speakers" / "jane-roe" / "feed.atom.xml").read_text(encoding="utf-8")
    assert "We ring the bell at noon" in speaker_feed    # the text kept, the control character removed
    for page in html_pages(res):
        assert not FORBIDDEN.search(page.read_text(encoding="utf-8")), page
    # JSON-LD keeps the exact text (as JSON escapes)
    texts = jsonld_texts(res.read("speakers/jane-roe/index.html"))
    assert "We ring the\x07 bell at noon," in texts
    assert any("\x00" in t and "\ufffe" in t and "\uffff" in t for t in texts)


def test_control_characters_in_speaker_feed_with_pelicans_feeds_off(tmp_path):
    res = build(tmp_path, CONTROL, settings={"FEED_ALL_ATOM": None, "TAG_FEED_ATOM": None,
                                             "CATEGORY_FEED_ATOM": None, "AUTHOR_FEED_ATOM": None})
    ET.parse(res.output / "speakers" / "jane-roe" / "feed.atom.xml")


SPEAKERS = {
    "count": article("Counting votes", """
"We count every vote," said Jane Roe.

"The count is slow," Bob Stone said.

"Counting takes time," said Ann Other.
""", date="2020-03-02"),
}


@pytest.mark.parametrize("subs", [None, []])
def test_speaker_and_alias_slugs_colliding_with_the_plugins_pages_get_a_suffix(tmp_path, subs):
    aliases = ("rename: {Jane Roe: By Count}\n"
               "entities:\n  - name: Bob Stone\n    slug: by-count\n"
               "  - name: Ann Other\n    slug: index.html\n")
    settings = {"NEWSGRAPH_ALIASES": str(tmp_path / "aliases.yaml")}
    if subs is not None:
        settings["SLUG_REGEX_SUBSTITUTIONS"] = subs
    res = build(tmp_path, SPEAKERS, files={"aliases.yaml": aliases}, settings=settings)
    by_count = BeautifulSoup(res.read("speakers/by-count/index.html"), "html.parser")
    assert by_count.select("tr.newsgraph-speaker")                     # still the index by count
    index = BeautifulSoup(res.read("speakers/index.html"), "html.parser")
    links = {a.get_text(): a["href"] for a in index.select("tr.newsgraph-speaker a")}
    assert set(links) == {"By Count", "Bob Stone", "Ann Other"}
    for name, href in links.items():
        assert href not in ("/speakers/by-count/", "/speakers/index.html/", "/speakers/")
        page = BeautifulSoup(res.read(href.lstrip("/") + "index.html"), "html.parser")
        assert name in page.select_one(".newsgraph-speaker-page h1").get_text()


@pytest.mark.parametrize("slug, expected", [("Jane Roe!", "jane-roe"), ("../../x", "x"),
                                            ("Ünïcode Slug", "unicode-slug")])
def test_alias_file_slugs_are_slugified(tmp_path, slug, expected):
    aliases = {"entities": [{"name": "Jane Roe", "slug": slug}]}
    res = build(tmp_path, SPEAKERS, files={"aliases.json": json.dumps(aliases)},
                settings={"NEWSGRAPH_ALIASES": str(tmp_path / "aliases.json")})
    index = BeautifulSoup(res.read("speakers/index.html"), "html.parser")
    links = {a.get_text(): a["href"] for a in index.select("tr.newsgraph-speaker a")}
    assert links["Jane Roe"] == f"/speakers/{expected}/"
