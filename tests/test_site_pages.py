"""Real Pelican builds of small fixture sites: speaker pages, links, tags, feeds, themes."""
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT, article, build

ATOM = "{http://www.w3.org/2005/Atom}"

ARTICLES = {
    "fires": article("Mayor blames gang for fires", """
Mayor Jane Roe said on Monday that the Harbor Gang was behind the fires.

"We will shut the Harbor Gang down," Roe said. "Nobody is above the law."

Police Chief Tom Baker said the Harbor Gang had recruited teenagers.
""", date="2020-03-02", tags="Local news"),
    "budget": article("Budget row at city hall", """
"The budget is balanced," said Jane Roe, the mayor of Springfield.

Councilman Bob Stone disagreed. "These numbers are fiction," Stone told reporters.
""", date="2020-04-10"),
    "weather": article("A quiet week", "It rained on Tuesday. The sun came out on Friday.", date="2020-01-05"),
}


def soup(res, rel):
    return BeautifulSoup(res.read(rel), "html.parser")


def items_text(*pages):
    return [li.get_text(" ", strip=True) for page in pages for li in page.select("li.newsgraph-quote")]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(tmp_path_factory.mktemp("site"), ARTICLES,
                 settings={"NEWSGRAPH_QUOTES_PER_PAGE": 2})


def test_speaker_index_lists_speakers_with_role_count_and_latest_date(site):
    page = soup(site, "speakers/index.html")
    rows = {a.get_text(): a.find_parent("tr") for a in page.select("tr.newsgraph-speaker a")}
    assert {"Jane Roe", "Bob Stone", "Tom Baker"} <= set(rows)
    roe = rows["Jane Roe"].get_text(" ", strip=True)
    assert "Mayor" in roe and " 4 " in f" {roe} " and "2020-04-10" in roe
    assert rows["Jane Roe"].a["href"] == "/speakers/jane-roe/"
    # sorted by surname on this page; by quote count on the other
    names = [a.get_text() for a in page.select("tr.newsgraph-speaker a")]
    assert names.index("Tom Baker") < names.index("Jane Roe") < names.index("Bob Stone")
    by_count = [a.get_text() for a in soup(site, "speakers/by-count/index.html").select("tr.newsgraph-speaker a")]
    assert by_count[0] == "Jane Roe"
    # nobody who only is mentioned gets a page
    assert not (site.output / "speakers" / "springfield").exists()


def test_speaker_page_quotes_newest_first_with_links_and_pagination(site):
    first = soup(site, "speakers/jane-roe/index.html")
    assert first.select_one("section.newsgraph-speaker-page h1").get_text() == "Jane Roe"
    items = first.select("li.newsgraph-quote")
    assert len(items) == 2                                   # NEWSGRAPH_QUOTES_PER_PAGE = 2
    assert "The budget is balanced" in items[0].get_text()   # April before March
    links = [a["href"] for a in first.select("li.newsgraph-quote a")]
    assert links[0] == "/budget-row-at-city-hall.html#quote-1"
    for href in links:
        assert (site.output / href.lstrip("/").split("#")[0]).is_file()
    kinds = [li.select_one(".newsgraph-kind").get_text() for li in items]
    assert kinds[0] == "Direct quote"
    second = soup(site, "speakers/jane-roe/index2.html")
    rest = [li.get_text(" ", strip=True) for li in second.select("li.newsgraph-quote")]
    assert len(rest) == 2
    # `"A," Roe said. "B."` is one attribution but two quotations, each its own entry
    assert any("Nobody is above the law" in t and "shut the Harbor Gang" not in t for t in items_text(first, second))
    assert first.select_one('a[rel="next"]')["href"] == "/speakers/jane-roe/index2.html"
    # topics and quoted-alongside
    topics = [a.get_text() for a in first.select(".newsgraph-topics a")]
    assert "Harbor Gang" in topics and "Local news" in topics and "Jane Roe" not in topics
    assert [a.get_text() for a in first.select(".newsgraph-alongside a")] == ["Bob Stone", "Tom Baker"] or \
        {a.get_text() for a in first.select(".newsgraph-alongside a")} == {"Bob Stone", "Tom Baker"}


def test_speaker_feed_is_atom_with_one_entry_per_quote(site):
    root = ET.fromstring((site.output / "speakers/jane-roe/feed.atom.xml").read_bytes())
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 4
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert links[0].endswith("/budget-row-at-city-hall.html#quote-1")
    assert "Jane Roe" in root.find(f"{ATOM}title").text


def test_topic_tags_are_pelican_tags_with_pages_and_feeds(site):
    tag_page = soup(site, "tag/harbor-gang.html")
    assert "Mayor blames gang for fires" in tag_page.get_text()
    feed = ET.fromstring((site.output / "feeds/tag/harbor-gang.atom.xml").read_bytes())
    assert [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")] == ["Mayor blames gang for fires"]
    tags = soup(site, "tags.html").get_text()
    assert "Harbor Gang" in tags and "Local news" in tags            # the author's own tag is kept
    # one mention is below NEWSGRAPH_TAG_MIN_MENTIONS=2; weekdays never become tags
    assert not (site.output / "tag" / "springfield.html").exists()
    assert not any(p.name.startswith(("tuesday", "friday", "monday")) for p in (site.output / "tag").iterdir())
    art = soup(site, "mayor-blames-gang-for-fires.html").get_text()
    assert "Harbor Gang" in art and "Local news" in art


def test_articles_carry_results_for_templates(site):
    # an article page is rendered; the theme decides what to show, the data is on the article
    assert (site.output / "a-quiet-week.html").is_file()
    assert site.stats == (3, 3, 0)


def test_plugin_off_build_in_same_process_writes_no_speaker_pages(tmp_path, site):
    res = build(tmp_path, ARTICLES, plugin=False)
    assert not (res.output / "speakers").exists()
    assert not (res.output / "tag" / "harbor-gang.html").exists()
    assert res.stats is None


def test_metadata_overrides(tmp_path):
    arts = dict(ARTICLES)
    arts["fires"] = ARTICLES["fires"].replace(
        "Tags: Local news", "Tags: Local news\nNewsgraph_ignore_speakers: Tom Baker\n"
        "Newsgraph_topics_remove: Harbor Gang\nNewsgraph_topics_add: Arson; Jane Roe")
    arts["budget"] = ARTICLES["budget"].replace("Date:", "Newsgraph: off\nDate:")
    res = build(tmp_path, arts)
    assert res.stats == (2, 2, 0)
    assert not (res.output / "speakers" / "tom-baker").exists()
    assert not (res.output / "speakers" / "bob-stone").exists()              # article not analysed
    roe = soup(res, "speakers/jane-roe/index.html")
    assert len(roe.select("li.newsgraph-quote")) == 3
    assert not (res.output / "tag" / "harbor-gang.html").exists()
    assert "Mayor blames gang for fires" in soup(res, "tag/arson.html").get_text()
    assert "Mayor blames gang for fires" in soup(res, "tag/jane-roe.html").get_text()


def test_alias_file_renames_merges_ignores_and_links(tmp_path):
    aliases = """
entities:
  - name: Jane Q. Roe
    aliases: [Jane Roe]
    role: Mayor of Springfield
    same_as: [https://www.wikidata.org/wiki/Q1]
  - name: Robert Stone
    aliases: [Bob Stone]
ignore: [Tom Baker]
"""
    res = build(tmp_path, ARTICLES, settings={"NEWSGRAPH_ALIASES": str(tmp_path / "aliases.yaml")},
                files={"aliases.yaml": aliases})
    index = soup(res, "speakers/index.html").get_text()
    assert "Jane Q. Roe" in index and "Robert Stone" in index and "Tom Baker" not in index
    page = soup(res, "speakers/jane-q-roe/index.html")
    assert "Mayor of Springfield" in page.get_text()
    assert page.select_one('a[href="https://www.wikidata.org/wiki/Q1"]') is not None
    assert not (res.output / "speakers" / "jane-roe").exists()


def test_hostile_names_and_patterns_never_leave_the_output(tmp_path):
    aliases = '{"rename": {"Jane Roe": "../../etc/passwd", "Bob Stone": "x/../../../y"}}'
    res = build(tmp_path, ARTICLES, files={"aliases.json": aliases},
                settings={"NEWSGRAPH_ALIASES": str(tmp_path / "aliases.json"), "SLUG_REGEX_SUBSTITUTIONS": []})
    written = [p for p in tmp_path.rglob("*") if p.is_file()
               and not {"content", "cache"} & set(p.relative_to(tmp_path).parts) and p.name != "aliases.json"]
    assert written and all(res.output in p.parents for p in written)
    assert not (tmp_path.parent / "etc").exists() and not (tmp_path.parent / "y").exists()
    index = soup(res, "speakers/index.html")
    hrefs = [a["href"] for a in index.select("tr.newsgraph-speaker a")]
    for h in hrefs:
        assert ".." not in h and (res.output / h.lstrip("/") / "index.html").is_file()
    assert "../../etc/passwd" in index.get_text()              # the name is shown, escaped, as text

    res = build(tmp_path / "b", ARTICLES, settings={"NEWSGRAPH_SPEAKER_SAVE_AS": "../../{slug}.html",
                                                   "NEWSGRAPH_SPEAKER_URL": "../../{slug}.html"})
    assert any("would leave the output folder" in w for w in res.warnings)
    assert not list((tmp_path / "b").glob("*.html")) and not list(tmp_path.glob("*.html"))


def test_theme_overrides_a_plugin_template_and_falls_back_for_the_other(tmp_path):
    theme = tmp_path / "mytheme" / "templates"
    theme.mkdir(parents=True)
    (theme / "speaker.html").write_text(
        '{% extends "base.html" %}{% block content %}<p id="custom">CUSTOM {{ speaker.name|e }} '
        '{{ quotes|length }}</p>{% endblock %}', encoding="utf-8")
    res = build(tmp_path / "site", ARTICLES, theme=str(tmp_path / "mytheme"))
    assert soup(res, "speakers/jane-roe/index.html").select_one("#custom").get_text() == "CUSTOM Jane Roe 4"
    assert soup(res, "speakers/index.html").select("tr.newsgraph-speaker")      # plugin fallback


@pytest.mark.parametrize("theme", ["simple", "notmyidea"])
def test_pelicans_own_themes_work(tmp_path, theme):
    res = build(tmp_path, {"budget": ARTICLES["budget"]}, theme=theme)
    page = soup(res, "speakers/bob-stone/index.html")
    assert "Bob Stone" in page.get_text() and "These numbers are fiction" in page.get_text()


@pytest.mark.skipif(not (ROOT / "theme" / "templates" / "article.html").exists(), reason="demo theme absent")
def test_demo_theme_shows_whos_quoted_on_article_pages(tmp_path):
    res = build(tmp_path, ARTICLES, theme=str(ROOT / "theme"))
    art = soup(res, "mayor-blames-gang-for-fires.html")
    box = art.select_one(".whos-quoted")
    assert box is not None
    links = {a.get_text(): a["href"] for a in box.select("a")}
    assert links.get("Jane Roe", "").endswith("speakers/jane-roe/")
    assert art.select_one("#quote-2") is not None
    assert "Jane Roe" in soup(res, "speakers/jane-roe/index.html").get_text()


def test_bad_input_warns_and_the_build_goes_on(tmp_path):
    arts = {"empty": "Title: Empty\nDate: 2020-01-01\n\n", "budget": ARTICLES["budget"],
            "markup": article("Odd <b>title</b>", '<div><script>alert("x")</script>"Fine words," said '
                              'Jo <i>Bloggs</i>.</div>\n\n"We say &lt;script&gt;alert(1)&lt;/script&gt; here," said Ann Other.')}
    res = build(tmp_path, arts, settings={"NEWSGRAPH_ALIASES": str(tmp_path / "missing.yaml")})
    assert any("missing.yaml" in w for w in res.warnings)
    assert res.stats == (3, 3, 0)
    assert (res.output / "speakers" / "bob-stone" / "index.html").is_file()
    ann = res.read("speakers/ann-other/index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in ann            # article text shown as text
    for page in res.output.joinpath("speakers").rglob("*.html"):
        assert "<script>alert" not in page.read_text(encoding="utf-8")


def test_long_speaker_index_gets_a_letter_index_and_progress_lines(tmp_path):
    res = build(tmp_path, ARTICLES, settings={"NEWSGRAPH_LETTER_INDEX_MIN": 2, "NEWSGRAPH_PROGRESS_EVERY": 1e-9})
    page = soup(res, "speakers/index.html")
    letters = [a.get_text() for a in page.select(".newsgraph-letters a")]
    assert letters == ["B", "R", "S"]                              # Baker, Roe, Stone: by surname
    for a in page.select(".newsgraph-letters a"):
        assert page.select_one(a["href"]) is not None              # every anchor exists
    assert not soup(res, "speakers/by-count/index.html").select(".newsgraph-letters a")
    assert re.search(r"newsgraph: analysed \d/3 articles", res.log)


@pytest.mark.parametrize("pattern, slug, ok", [
    ("speakers/{slug}/index.html", "jane-roe", True),
    ("speakers/{slug}/index.html", "\u5317\u4eac", True),
    ("speakers/{slug}/index.html", "u.s", True),             # not a plain slug: checked in full
    ("{slug}/../../x.html", "jane-roe", False),
    ("a/{slug}/../../../x.html", "jane-roe", False),
    ("a/{slug}/../x.html", "jane-roe", True),
    ("../{slug}.html", "jane-roe", False),
    ("{slug}/index.html", "..", False),                      # never made by the registry, still refused
])
def test_speaker_paths_stay_in_the_output_folder(pattern, slug, ok):
    from pelican.plugins.newsgraph.output_paths import page_path

    got = page_path("NEWSGRAPH_SPEAKER_SAVE_AS", slug, {"NEWSGRAPH_SPEAKER_SAVE_AS": pattern,
                                                        "OUTPUT_PATH": "/tmp/out"})
    assert (got is not None) == ok and (got is None or got == pattern.format(slug=slug))


def test_the_publication_writing_an_article_is_never_one_of_its_speakers(tmp_path):
    # "Harbor Ledger asked …", "the Harbor Ledger confirmed with …": the writers' own narration,
    # named by their collective byline (or SITENAME, the publisher, NEWSGRAPH_SELF_NAMES)
    body = ("Harbor Ledger asked Mayor Jane Roe whether the pier would reopen this summer.\n\n"
            "“We will reopen the pier in June,” Roe said.\n\n"
            "Harbor Ledger confirmed with the port authority that the repairs had been paid for.\n\n"
            "Harbor Ledger said the repairs took eight months.")
    res = build(tmp_path, {"pier": article("Pier to reopen", body, author="Harbor Ledger staff")},
                settings={"NEWSGRAPH_MIN_CONFIDENCE": 0})
    speakers = sorted(p.name for p in (res.output / "speakers").iterdir() if p.is_dir() and not p.name.startswith("by-"))
    assert "jane-roe" in speakers
    assert not any("ledger" in s for s in speakers), speakers
    own = build(tmp_path / "own", {"pier": article("Pier to reopen", body, author="Tom Baker")},
                settings={"NEWSGRAPH_MIN_CONFIDENCE": 0, "NEWSGRAPH_SELF_NAMES": ["Harbor Ledger"]})
    assert not any("ledger" in p.name for p in (own.output / "speakers").iterdir())
    other = build(tmp_path / "other", {"pier": article("Pier to reopen", body, author="Tom Baker")},
                  settings={"NEWSGRAPH_MIN_CONFIDENCE": 0})
    assert any("ledger" in p.name for p in (other.output / "speakers").iterdir())   # the rule is what hides it
