"""Hostile text in real Pelican builds (issue 17): no character, name or slug stops the build, and
no text from content becomes markup or a script, with the demo theme, the plugin's fallback
templates and Pelican's own themes."""
from __future__ import annotations

import json
import pathlib
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT, article, build

DEMO = str(ROOT / "theme")
THEMES = ["notmyidea", "simple", DEMO]
#: characters XML 1.0 forbids (see newsgraph.site.safe)
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
    name = f"bell-{pathlib.Path(theme).name}"       # (Pelican logs a repeated warning once per process)
    res = build(tmp_path, {name: CONTROL["bell"]}, theme=theme, settings={
        "FEED_ALL_RSS": "feeds/all.rss.xml", "TAG_FEED_RSS": "feeds/tag/{slug}.rss.xml",
        "NEWSGRAPH_SITEURL": "https://example.org"})
    assert any(f"{name}.md" in w and "U+0007" in w and "U+FFFE" in w for w in res.warnings), res.warnings
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
    assert "We ring the\x07 bell at noon" in texts
    assert any("\x00" in t and "\ufffe" in t and "\uffff" in t for t in texts)


@pytest.mark.parametrize("skip_unchanged", [True, False])
def test_control_characters_in_speaker_feed_with_pelicans_feeds_off(tmp_path, skip_unchanged):
    res = build(tmp_path, CONTROL, settings={"FEED_ALL_ATOM": None, "TAG_FEED_ATOM": None,
                                             "CATEGORY_FEED_ATOM": None, "AUTHOR_FEED_ATOM": None,
                                             "NEWSGRAPH_SKIP_UNCHANGED": skip_unchanged})
    ET.parse(res.output / "speakers" / "jane-roe" / "feed.atom.xml")


B = "\x07\x00\ufffe\x1b\u200b\uffff"
EVERY_FIELD = {"meta": f"""Title: Ti{B}tle
Date: 2020-01-01
Category: Lo{B}cal
Author: Ann{B} Writer
Tags: Bel{B}ls, Noise
Summary: Sum{B}mary
Newsgraph_topics_add: Har{B}bor Gang
Newsgraph_ignore_speakers: Bob{B} Stone

"We ring{B} the bell," said Jane Roe.

"No," Bob Stone said{B}.
"""}


@pytest.mark.parametrize("theme", ["simple", DEMO])
def test_control_characters_in_every_metadata_field_and_every_feed_type(tmp_path, theme):
    res = build(tmp_path, EVERY_FIELD, theme=theme, settings={
        "FEED_ALL_RSS": "feeds/all.rss.xml", "CATEGORY_FEED_ATOM": "feeds/{slug}.atom.xml",
        "CATEGORY_FEED_RSS": "feeds/{slug}.rss.xml", "AUTHOR_FEED_ATOM": "feeds/a-{slug}.atom.xml",
        "AUTHOR_FEED_RSS": "feeds/a-{slug}.rss.xml", "TAG_FEED_RSS": "feeds/tag/{slug}.rss.xml"})
    feeds = sorted(res.output.rglob("*.xml"))
    assert len(feeds) >= 12
    for feed in feeds:
        ET.parse(feed)
    for page in html_pages(res):
        assert not FORBIDDEN.search(page.read_text(encoding="utf-8")), page
    assert (res.output / "speakers" / "jane-roe" / "index.html").is_file()
    assert not (res.output / "speakers" / "bob-stone").exists()        # ignored in metadata, as written


SPEAKERS = {
    "count": article("Counting votes", """
"We count every vote," said Jane Roe.

"The count is slow," Bob Stone said.

"Counting takes time," said Ann Other.
""", date="2020-03-02"),
}


def test_a_speaker_slug_colliding_with_the_speaker_index_under_another_pattern_gets_a_suffix(tmp_path):
    res = build(tmp_path, SPEAKERS, files={"aliases.yaml": "rename: {Jane Roe: Index}\n"}, settings={
        "NEWSGRAPH_ALIASES": str(tmp_path / "aliases.yaml"), "NEWSGRAPH_SPEAKER_SAVE_AS": "speakers/{slug}.html",
        "NEWSGRAPH_SPEAKER_URL": "speakers/{slug}.html", "NEWSGRAPH_SPEAKER_FEED_ATOM": "speakers/{slug}.atom.xml"})
    index = BeautifulSoup(res.read("speakers/index.html"), "html.parser")
    links = {a.get_text(): a["href"] for a in index.select("tr.newsgraph-speaker a")}
    assert links["Index"] == "/speakers/index-2.html"
    page = BeautifulSoup(res.read("speakers/index-2.html"), "html.parser")
    assert page.select_one(".newsgraph-speaker-page h1").get_text() == "Index"


def test_a_speaker_page_never_overwrites_an_article(tmp_path):
    arts = dict(SPEAKERS, roe=article("Jane Roe", "A profile of the mayor.", date="2020-01-01"))
    res = build(tmp_path, arts, settings={"NEWSGRAPH_SPEAKER_SAVE_AS": "{slug}.html", "NEWSGRAPH_SPEAKER_URL": "{slug}.html"})
    assert "A profile of the mayor." in res.read("jane-roe.html")
    index = BeautifulSoup(res.read("speakers/index.html"), "html.parser")
    links = {a.get_text(): a["href"] for a in index.select("tr.newsgraph-speaker a")}
    assert links["Jane Roe"] == "/jane-roe-2.html" and "We count every vote" in res.read("jane-roe-2.html")


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


# --------------------------------------------------------------------------- 4. no script from content

TITLE = ("Vote &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;/head&gt; &quot;row&quot; &amp; more"
         " &quot; onmouseover=&quot;alert(4)")
TITLE_TEXT = 'Vote </title><script>alert(1)</script> </head> "row" & more " onmouseover="alert(4)'
HOSTILE = {
    "vote": article(TITLE, """
"We count every vote," said Jane Roe.

"The count is slow," Bob Stone said.
""", date="2020-03-02", source="javascript:alert(1)", license="CC BY 2.5",
        license_url="JavaScript:alert(2)", tags="Votes &lt;script&gt;alert(3)&lt;/script&gt;",
        summary="Row &quot; onfocus=&quot;alert(5)&quot; autofocus x=&quot; &lt;script&gt;alert(6)&lt;/script&gt;"),
}


def only_jsonld_scripts(page: BeautifulSoup) -> bool:
    return all(s.get("type") == "application/ld+json" for s in page.find_all("script"))


@pytest.mark.parametrize("theme", THEMES)
def test_entity_escaped_titles_stay_text_in_every_template(tmp_path, theme):
    res = build(tmp_path, HOSTILE, theme=theme)
    pages = html_pages(res)
    assert any("speakers" in p.parts for p in pages)
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert only_jsonld_scripts(page), path
        handlers = [(el.name, a) for el in page.find_all(True) for a in el.attrs if a.lower().startswith("on")]
        assert not handlers, (path, handlers)
        assert page.head.select_one("script#newsgraph-jsonld") is not None, path   # JSON-LD in the head
        assert "ld+json" not in page.title.get_text(), path
    article_page = BeautifulSoup(res.read("vote-titlescriptalert1script-head-row-more-onmouseoveralert4.html"), "html.parser")
    assert TITLE_TEXT in article_page.title.get_text()
    speaker = BeautifulSoup(res.read("speakers/jane-roe/index.html"), "html.parser")
    assert TITLE_TEXT in speaker.get_text()          # the article's title, shown as text on the speaker page


@pytest.mark.parametrize("theme", THEMES)
def test_metadata_urls_become_links_only_for_http(tmp_path, theme):
    arts = dict(HOSTILE, ok=article("Fine source", '"All fine," said Ann Other.', source="https://example.com/a?b=1&c=2",
                                    license="CC BY 2.5", license_url="https://creativecommons.org/licenses/by/2.5/"))
    res = build(tmp_path, arts, theme=theme)
    for path in html_pages(res):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for a in page.find_all(href=True):
            assert not a["href"].strip().lower().startswith(("javascript:", "data:", "vbscript:")), (path, a)
    if theme == DEMO:                                # the demo theme shows Source and License_url
        ok = BeautifulSoup(res.read("fine-source.html"), "html.parser").select_one(".attribution")
        assert ok.select_one('a[href="https://example.com/a?b=1&c=2"]') is not None
        assert ok.select_one('a[rel="license"]')["href"] == "https://creativecommons.org/licenses/by/2.5/"
        bad = BeautifulSoup(res.read("vote-titlescriptalert1script-head-row-more-onmouseoveralert4.html"), "html.parser")
        line = bad.select_one(".attribution")
        assert "javascript:alert(1)" in line.get_text() and not line.select("a")   # shown as text only


def test_jsonld_lands_in_the_real_head_when_the_title_holds_head_markup(tmp_path):
    """A theme printing the title as HTML in <title> and not calling newsgraph_jsonld(): the
    inserted JSON-LD goes before the real </head>, not the "</head>" text inside <title>."""
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "article.html").write_text(
        '{% extends "!simple/article.html" %}{% block title %}{{ article.title }}{% endblock %}', encoding="utf-8")
    arts = {"raw": article("Row over <b>signs</b> </head> <!-- and more", '"We count every vote," said Jane Roe.')}
    res = build(tmp_path / "site", arts, theme="simple", settings={"THEME_TEMPLATES_OVERRIDES": [str(overrides)]})
    html = res.read("row-over-signs-and-more.html")
    # (read as a browser does: <title> is text up to the first "</title>"; html.parser is not exact here)
    title_end = html.index("</title>")
    assert "</head>" in html[:title_end]                      # the theme did print the raw title
    start = html.index('<script type="application/ld+json" id="newsgraph-jsonld">')
    assert html.count('id="newsgraph-jsonld"') == 1
    assert title_end < start < html.index("<body")            # after the title, in the real head
    body = html[start:].split(">", 1)[1].split("</script>", 1)[0]
    assert json.loads(body)["@graph"]


def test_invisible_characters_make_no_look_alike_speakers(tmp_path):
    arts = {
        "a": article("One", '"We count every vote," said Jane Roe.', date="2020-01-01"),
        "b": article("Two", '"We count every ballot," said Ja\u200bne Roe.', date="2020-01-02"),
        "c": article("Three", '"We count every chair," said Jane\u2060 Roe\u200d.', date="2020-01-03",
                     newsgraph_topics_add="Har\u200bbor \u202eGang"),
    }
    aliases = "entities:\n  - name: \"Bob\u202e Stone\"\n    role: Council\u200b member\n"
    res = build(tmp_path, arts, files={"aliases.yaml": aliases},
                settings={"NEWSGRAPH_ALIASES": str(tmp_path / "aliases.yaml")})
    speakers = sorted(p.name for p in (res.output / "speakers").iterdir() if p.is_dir() and p.name not in ("by-count", "by-type"))
    assert speakers == ["jane-roe"]
    index = BeautifulSoup(res.read("speakers/index.html"), "html.parser")
    names = [a.get_text() for a in index.select("tr.newsgraph-speaker a")]
    assert names == ["Jane Roe"]
    page = BeautifulSoup(res.read("speakers/jane-roe/index.html"), "html.parser")
    assert len(page.select("li.newsgraph-quote")) == 3
    assert (res.output / "tag" / "harbor-gang.html").is_file()          # a topic added in metadata, too


# --------------------------------------------------------------------------- the helpers themselves

def test_invisible_characters_are_cut_before_nlp_with_exact_offsets():
    from newsgraph.engine import text

    src = "Ja\u200bne\u202e Roe\u2066 said\x07 no."
    doc = text.from_plain(src)
    assert doc.clean == "Jane Roe said no."
    i = doc.clean.index("Roe said")
    span = doc.span(0, i + len("Roe"))
    assert (span.start, span.end) == (0, src.index("Roe") + 3) and span.text == src[:span.end]


@pytest.mark.parametrize("html, found", [
    ("<head><title>a </head> b</title></head><body>", True),
    ("<head><!-- </head> --><script>x = '</head>'</script><style>/* </head> */</style></HEAD >", True),
    ("<head><textarea></head></textarea></head>", True),
    ("<head><title>x</title><body></head>", False),
    ("<head><title>never closed </head>", False),
])
def test_head_end_skips_text_that_only_looks_like_the_end_of_the_head(html, found):
    from newsgraph.site.jsonld.embed import head_end

    assert head_end(html) == (html.lower().rindex("</head") if found else None)


def test_safe_helpers():
    from markupsafe import Markup

    from newsgraph.site.safe import clean_output, is_http_url, safe_striptags, strip_invisible, xml_clean

    assert safe_striptags("&lt;/title&gt;<b>x</b> &amp; &quot;") == Markup("&lt;/title&gt;x &amp; &#34;")
    assert xml_clean("a\x00b\x07c\ufffed\uffff\te\n") == "abcd\te\n"
    assert isinstance(xml_clean(Markup("<i>\x07</i>")), Markup)
    assert clean_output(3) == 3 and clean_output(None) is None
    from newsgraph.site.safe import XML_FORBIDDEN, has_xml_forbidden
    sample = [chr(c) for c in [*range(0x30), 0x85, 0xed, 0xd55c, 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfffd,
                               0xfffe, 0xffff, 0x10000]]
    for a in sample:                        # the byte-level check agrees with the XML 1.0 rule
        for b in sample:
            assert has_xml_forbidden("x" + a + b) == bool(XML_FORBIDDEN.search(a + b)), repr(a + b)
    assert strip_invisible("Ja\u200bne\u202e Roe\u00ad") == "Jane Roe"
    assert [is_http_url(u) for u in ("https://a.org/x", "HTTP://a.org", "javascript:alert(1)", " java\tscript:x",
                                     "data:text/html,x", "//a.org", "https://a.org/\x07", "http:///x",
                                     'https://a.org/" onclick="x')] \
        == [True, True, False, False, False, False, False, False, False]


BROWSER_PROBE = """
const s = document.head.querySelectorAll('script[type="application/ld+json"]');
return {title: document.title, inHead: s.length, doc: s.length ? JSON.parse(s[0].textContent) : null,
        scripts: document.querySelectorAll('script:not([type="application/ld+json"])').length,
        handlers: [...document.querySelectorAll('*')].filter(
            el => [...el.attributes].some(a => a.name.startsWith('on'))).length};
"""


@pytest.mark.browser
@pytest.mark.parametrize("theme", THEMES)
def test_hostile_titles_in_headless_chromium(tmp_path, theme):
    """What a browser makes of the pages: no alert, no script but the JSON-LD, which is in the
    real <head>; the title is the text as written."""
    from browser_util import make_driver, open_page

    res = build(tmp_path, HOSTILE, theme=theme, settings={"RELATIVE_URLS": True})
    driver = make_driver()
    try:
        for rel in ["vote-titlescriptalert1script-head-row-more-onmouseoveralert4.html",
                    "speakers/jane-roe/index.html", "index.html"]:
            got = open_page(res.output / rel, driver=driver, evaluate=BROWSER_PROBE)
            assert got.alerts == [], (rel, got.alerts)
            assert got.value["scripts"] == 0 and got.value["handlers"] == 0, (rel, got.value)
            assert got.value["inHead"] == 1 and got.value["doc"]["@graph"], rel
        assert TITLE_TEXT in open_page(res.output / "vote-titlescriptalert1script-head-row-more-onmouseoveralert4.html",
                                       driver=driver).title
    finally:
        driver.quit()


def test_striptags_stays_escaped_through_filter_chains_and_urlencodes_the_plain_text():
    """Templates of other themes: |striptags then |safe, |truncate or |urlencode (share links)."""
    from jinja2 import Environment

    from newsgraph.site.safe import clean_output, safe_striptags, urlencode_plain

    env = Environment(finalize=clean_output)
    env.filters["striptags"] = safe_striptags
    env.filters["urlencode"] = urlencode_plain(env.filters["urlencode"])
    out = env.from_string('<title>{{ t|striptags }}</title><meta content="{{ t|striptags|safe|truncate(40) }}">'
                          '<a href="https://x.example/share?text={{ t|striptags|urlencode }}">').render(t=TITLE)
    assert "<script>" not in out and 'onmouseover="' not in out
    assert "text=Vote%20%3C/title%3E%3Cscript%3Ealert%281%29" in out and "%26amp%3B" not in out
