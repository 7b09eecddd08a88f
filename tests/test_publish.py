"""The site as published (issue 13): every URL on SITEURL, feeds feed readers accept, head tags for
search engines and sharing, sitemap/robots, truthful JSON-LD; and the development build unchanged."""
import filecmp
import json
import pathlib
import re
from urllib.parse import urlsplit

import feedparser
import jsonld_check as C
import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT, article, build

from newsgraph.engine.model import Quote, Span
from newsgraph.site import seo
from newsgraph.site.jsonld import read

SITEURL = "https://news.example.net"
HOST = urlsplit(SITEURL).netloc

ARTICLES = {
    "fires": article("Mayor blames gang for fires", """
Mayor blames gang for fires

© Harbor Photo Agency

Mayor Jane Roe said on Monday that the Harbor Gang was behind the fires in the old port.

"We will shut the Harbor Gang down," Roe said. "Nobody is above the law."

"The gang recruits kids," Roe said, "and we will stop it."

Police Chief Tom Baker said the gang had recruited teenagers, calling them "lost" and "easy prey for the gang".
""", date="2020-03-02", tags="Local news", author="Ann Writer"),
    "budget": article("Budget row at city hall", """
"The budget is balanced," said Jane Roe, the mayor of Springfield.

Councilman Bob Stone disagreed. "These numbers are fiction," Stone told reporters.
""", date="2020-04-10", image="/images/hall.jpg", image_width="1200", image_height="630"),
}

#: Pelican's publish convention (publishconf.py) on a small site, with the demo theme.
PUBLISH = {"SITEURL": SITEURL, "FEED_DOMAIN": SITEURL, "RELATIVE_URLS": False, "AUTHOR": "Site Default",
           "ARTICLE_URL": "{date:%Y}/{slug}/", "ARTICLE_SAVE_AS": "{date:%Y}/{slug}/index.html",
           "CATEGORY_FEED_ATOM": "feeds/{slug}.atom.xml"}
#: The development settings (pelicanconf.py): relative pages, absolute feeds and JSON-LD on FEED_DOMAIN.
DEVELOP = {**PUBLISH, "SITEURL": "", "RELATIVE_URLS": True, "FEED_DOMAIN": "https://example.org"}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    return build(tmp_path_factory.mktemp("pub"), ARTICLES, settings=PUBLISH, theme=str(ROOT / "theme"))


@pytest.fixture(scope="module")
def developed(tmp_path_factory):
    return build(tmp_path_factory.mktemp("dev"), ARTICLES, settings=DEVELOP, theme=str(ROOT / "theme"))


def files(out: pathlib.Path, *suffixes: str) -> list[pathlib.Path]:
    return sorted(p for p in out.rglob("*") if p.is_file() and p.suffix in suffixes and "theme" not in p.parts)


def jsonld_urls(value) -> list[str]:
    """Every http(s) URL in a JSON value (any key, any depth)."""
    if isinstance(value, dict):
        return [u for k, v in value.items() if k != "@context" for u in jsonld_urls(v)]
    if isinstance(value, list):
        return [u for v in value for u in jsonld_urls(v)]
    return [value] if isinstance(value, str) and re.match(r"https?://", value) else []


#: URLs that are not the site's own (licences, sources, sameAs, the generator's credit link).
FOREIGN_OK = re.compile(r"https?://(schema\.org|getpelican\.com|www\.sitemaps\.org|www\.w3\.org)[/]?")


# --------------------------------------------------------------------------- publish build


def test_every_absolute_url_is_on_siteurl(published):
    out = published.output
    seen = 0
    for page in files(out, ".html"):
        html = page.read_text(encoding="utf-8")
        doc, problems = C.check_html(html)
        assert problems == [], (page, problems)
        soup = BeautifulSoup(html, "html.parser")
        urls = jsonld_urls(doc) + [t["href"] for t in soup.select("head link[href]")] + \
            [t["content"] for t in soup.select("head meta[content]") if t["content"].startswith("http")]
        for url in urls:
            seen += 1
            assert urlsplit(url).netloc == HOST, (page.relative_to(out), url)
        assert soup.select_one('link[rel="canonical"]')["href"].startswith(SITEURL + "/")
    for feed in files(out, ".xml"):
        for url in re.findall(r'(?:href|src)="([^"]+)"|<(?:id|loc)>([^<]+)<', feed.read_text(encoding="utf-8")):
            url = "".join(url)
            if FOREIGN_OK.match(url):
                continue
            seen += 1
            host = urlsplit(url).netloc or url.split(",")[0].removeprefix("tag:")
            assert host == HOST, (feed.relative_to(out), url)
    assert seen > 100


def test_feeds_parse_in_feedparser_with_absolute_links_and_stable_unique_ids(published, tmp_path):
    feeds = files(published.output, ".xml")
    feeds = [f for f in feeds if f.name != "sitemap.xml"]
    assert any("speakers" in f.parts for f in feeds) and any("tag" in f.parts for f in feeds)
    ids = {}
    for path in feeds:
        d = feedparser.parse(path.read_bytes())
        assert not d.bozo, (path, d.get("bozo_exception"))
        atom = path.name.endswith(".atom.xml")
        if atom:
            assert d.feed.id == SITEURL + "/" + str(path.relative_to(published.output))   # its own URL
        assert d.entries
        for e in d.entries:
            assert e.link.startswith(SITEURL + "/") and "None" not in e.id
            assert e.id.startswith(f"tag:{HOST},") and (e.updated if atom else e.published)
            assert (path, e.id) not in ids
            ids[(path, e.id)] = e.link
    roe = feedparser.parse((published.output / "speakers/jane-roe/feed.atom.xml").read_bytes())
    assert {e.author for e in roe.entries} == {"Jane Roe"}
    assert all("#quote-" in e.link for e in roe.entries)
    # the same ids in another build of the same site
    again = build(tmp_path, ARTICLES, settings=PUBLISH, theme=str(ROOT / "theme")).output
    for (path, entry_id), _link in ids.items():
        d = feedparser.parse((again / path.relative_to(published.output)).read_bytes())
        assert entry_id in {e.id for e in d.entries}


def test_two_publish_builds_are_byte_identical(published, tmp_path):
    again = build(tmp_path, ARTICLES, settings=PUBLISH, theme=str(ROOT / "theme")).output

    def differ(cmp: filecmp.dircmp) -> list[str]:
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        out = mismatch + errors + cmp.left_only + cmp.right_only
        return out + [f for sub in cmp.subdirs.values() for f in differ(sub)]
    assert differ(filecmp.dircmp(published.output, again)) == []


def test_head_has_canonical_description_og_and_twitter_from_clean_text(published):
    soup = BeautifulSoup(published.read("2020/mayor-blames-gang-for-fires/index.html"), "html.parser")
    head = soup.head
    url = SITEURL + "/2020/mayor-blames-gang-for-fires/"
    assert head.select_one('link[rel="canonical"]')["href"] == url
    desc = head.select_one('meta[name="description"]')["content"]
    # the story's first paragraph, not the repeated title or the photo credit
    assert desc.startswith("Mayor Jane Roe said on Monday that the Harbor Gang was behind the fires")
    assert "©" not in desc and "Photo Agency" not in desc and len(desc) <= 160
    props = {m["property"]: m["content"] for m in head.select("meta[property]")}
    names = {m["name"]: m["content"] for m in head.select("meta[name]")}
    assert props["og:type"] == "article" and props["og:url"] == url and props["og:description"] == desc
    assert props["og:title"] == names["twitter:title"] == "Mayor blames gang for fires"
    assert props["article:published_time"] == "2020-03-02T00:00:00+00:00"
    assert names["twitter:card"] == "summary" and "robots" not in names
    budget = BeautifulSoup(published.read("2020/budget-row-at-city-hall/index.html"), "html.parser").head
    props = {m["property"]: m["content"] for m in budget.select("meta[property]")}
    assert props["og:image"] == SITEURL + "/images/hall.jpg"
    assert (props["og:image:width"], props["og:image:height"]) == ("1200", "630")
    assert budget.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
    assert len(head.select('meta[name="description"]')) == 1


def test_thin_pages_are_noindex_and_not_in_the_sitemap(published):
    def robots(rel):
        m = BeautifulSoup(published.read(rel), "html.parser").select_one('meta[name="robots"]')
        return m["content"] if m else None
    assert robots("speakers/jane-roe/index.html") is None              # several quotes
    assert robots("speakers/bob-stone/index.html") == "noindex, follow"  # one quote
    assert robots("tag/local-news.html") == "noindex, follow"            # one article
    locs = re.findall(r"<loc>([^<]+)</loc>", published.read("sitemap.xml"))
    assert locs == sorted(locs) and len(set(locs)) == len(locs)
    assert SITEURL + "/speakers/jane-roe/" in locs and SITEURL + "/speakers/bob-stone/" not in locs
    assert SITEURL + "/tag/local-news.html" not in locs
    assert {SITEURL + "/", SITEURL + "/2020/mayor-blames-gang-for-fires/", SITEURL + "/2020/budget-row-at-city-hall/",
            SITEURL + "/speakers/"} <= set(locs)
    assert published.read("robots.txt").splitlines()[-1] == f"Sitemap: {SITEURL}/sitemap.xml"


def test_noindex_threshold_is_a_setting(tmp_path):
    res = build(tmp_path, ARTICLES, settings={**PUBLISH, "NEWSGRAPH_INDEX_MIN_ITEMS": 0,
                                              "NEWSGRAPH_ROBOTS": ""}, theme=str(ROOT / "theme"))
    assert 'name="robots"' not in res.read("speakers/bob-stone/index.html")
    assert SITEURL + "/speakers/bob-stone/" in res.read("sitemap.xml")
    assert not (res.output / "robots.txt").exists()


def test_author_node_only_for_a_byline(published):
    def doc(rel):
        return C.check_html(published.read(rel))[0]
    fires = C.nodes_of_type(doc("2020/mayor-blames-gang-for-fires/index.html"), "NewsArticle")[0]
    assert fires["author"] == [{"@id": f"{SITEURL}/#/schema/author/ann-writer"}]
    budget = doc("2020/budget-row-at-city-hall/index.html")
    assert "author" not in C.nodes_of_type(budget, "NewsArticle")[0]       # only the default AUTHOR
    assert "Site Default" not in json.dumps(budget)
    image = C.nodes_by_id(budget)[f"{SITEURL}/2020/budget-row-at-city-hall/#primaryimage"]
    assert (image["width"], image["height"]) == (1200, 630)


def test_quotation_is_part_of_the_same_node_on_every_page(published):
    art = C.check_html(published.read("2020/mayor-blames-gang-for-fires/index.html"))[0]
    sp = C.check_html(published.read("speakers/jane-roe/index.html"))[0]
    on_article = {q["@id"]: q for q in C.nodes_of_type(art, "Quotation")}
    on_speaker = {q["@id"]: q for q in C.nodes_of_type(sp, "Quotation") if q["@id"] in on_article}
    assert on_speaker
    for qid, q in on_speaker.items():
        assert q["isPartOf"] == on_article[qid]["isPartOf"] == {"@id": SITEURL + "/2020/mayor-blames-gang-for-fires/"}
        assert q["text"] == on_article[qid]["text"]
    texts = [q["text"] for q in on_article.values()]
    assert "We will shut the Harbor Gang down" in texts                      # no attribution comma
    assert "The gang recruits kids, and we will stop it." in texts           # one quotation, no "…"
    assert not any("…" in t or t.endswith(",") for t in texts)


# --------------------------------------------------------------------------- development build


def test_development_build_keeps_relative_pages_and_absolute_feeds(developed):
    out = developed.output
    html = developed.read("2020/mayor-blames-gang-for-fires/index.html")
    assert 'href="../../theme/css/style.css"' in html                      # pages stay relative
    doc = C.check_html(html)[0]
    assert {urlsplit(u).netloc for u in jsonld_urls(doc)} <= {"example.org", "creativecommons.org"}
    for path in [p for p in files(out, ".xml") if p.name != "sitemap.xml"]:
        d = feedparser.parse(path.read_bytes())
        assert not d.bozo and d.feed.get("id", "https://example.org/").startswith("https://example.org/")
        for e in d.entries:
            assert e.link.startswith("https://example.org/") and e.id.startswith("tag:example.org,"), (path, e.id)
    assert not [w for w in developed.warnings if "SITEURL" in w]


def test_another_host_for_jsonld_is_warned_about(tmp_path):
    res = build(tmp_path, {"a": ARTICLES["budget"]},
                settings={**PUBLISH, "NEWSGRAPH_SITEURL": "https://example.org"})
    assert any("NEWSGRAPH_SITEURL" in w and "another host" in w for w in res.warnings)


def test_publishconf_is_pelicans_convention_on_one_host():
    from pelican.settings import read_settings
    dev = read_settings(str(ROOT / "pelicanconf.py"))
    pub = read_settings(str(ROOT / "publishconf.py"))
    assert not dev.get("NEWSGRAPH_SITEURL") and not pub.get("NEWSGRAPH_SITEURL")
    assert dev["SITEURL"] == "" and dev["RELATIVE_URLS"] is True
    assert urlsplit(pub["SITEURL"]).scheme == "https" and pub["RELATIVE_URLS"] is False
    assert pub["FEED_DOMAIN"] == pub["SITEURL"] and pub["FEED_ALL_ATOM"]
    assert "publish:" in (ROOT / "Makefile").read_text() and "publishconf.py" in (ROOT / "Makefile").read_text()


# --------------------------------------------------------------------------- units


def test_quotation_text_is_the_quotation_alone():
    said = Quote("direct", [Span(1, 14, "We will win,")])
    split = Quote("direct", [Span(1, 14, "We will win,"), Span(30, 40, "and soon.")])
    partial = Quote("partial", [Span(0, 60, "he vowed to dismantle the gang in sanctuary cities")],
                    marked=[Span(12, 21, "dismantle"), Span(34, 50, "sanctuary cities")])
    assert read.quotation_text(said) == "We will win"
    assert read.quotation_text(split) == "We will win, and soon."
    assert read.quotation_text(partial) == "sanctuary cities"                  # fragments never joined


def test_description_skips_credits_widgets_and_the_title():
    html = ("<p>Sessions calls on police</p><p>© Camille Fine</p>"
            "<p>Attorney General Jeff SessionsJefferson (Jeff) Beauregard SessionsBeto O'Rourke on "
            "impeachment MORE called on police to act against the gang.</p><p>Second paragraph here.</p>")
    lead = seo.clean_lead(html, "Sessions calls on police", limit=80)
    assert lead.startswith("Attorney General Jeff Sessions called on police to act against the gang.")
    assert "Camille" not in lead and "O'Rourke" not in lead and len(lead) <= 80 and lead.endswith("…")


def test_a_theme_without_newsgraph_meta_gets_the_tags_inserted(tmp_path):
    res = build(tmp_path, {"fires": ARTICLES["fires"]}, settings=PUBLISH)      # Pelican's notmyidea theme
    head = BeautifulSoup(res.read("2020/mayor-blames-gang-for-fires/index.html"), "html.parser").head
    assert head.select_one('link[rel="canonical"]')["href"] == SITEURL + "/2020/mayor-blames-gang-for-fires/"
    assert head.select_one('meta[property="og:url"]')["content"] == SITEURL + "/2020/mayor-blames-gang-for-fires/"
    assert len(head.select('meta[name="description"]')) == 1                   # the theme's own is kept
    speaker = BeautifulSoup(res.read("speakers/jane-roe/index.html"), "html.parser").head
    assert len(speaker.select('link[rel="canonical"]')) == 1
