"""JSON-LD builders, safe embedding and the Pelican adapters, without a site build."""
from __future__ import annotations

import datetime as dt
import json
import logging
from types import SimpleNamespace as NS

import jsonld_check as C
import pytest
from bs4 import BeautifulSoup

from newsgraph.engine.model import Quote, Span
from newsgraph.site.build import BuildState
from newsgraph.site.jsonld import embed, graph, read, views
from newsgraph.site.jsonld import page as page_doc

HOSTILE = ["</script><script>alert(1)</script>", "<!--", "&quot;", "a\u2028b\u2029c", "</SCRIPT >",
           "<script>", "& &amp; <b>", "\\u003c", "\"'`", "]]>", "\x00\x1f"]
SITE = views.Site(url="https://news.example.org", name="Example News", publisher_name="Example News")


def person(key="person/jeff-sessions", name="Jeff Sessions", role="Attorney General", **kw):
    return views.EntityView(key=key, name=name, type="Person", role=role,
                        url=f"https://news.example.org/speakers/{key.split('/')[1]}/", **kw)


def article(**kw):
    sp = kw.pop("speaker", person(aliases=["Sessions", "Jeff Sessions"],
                                  same_as=["https://www.wikidata.org/wiki/Q359442", "not a url"]))
    url = "https://news.example.org/2017/ms-13/"
    base = dict(url=url, title="Sessions calls for action", date=dt.datetime(2017, 11, 9, 10, 30),
                authors=[views.AuthorView("Jane Doe", "https://news.example.org/author/jane-doe.html", "jane-doe")],
                section=views.Crumb("US politics", "https://news.example.org/category/us-politics.html"),
                keywords=["MS-13", "Jeff Sessions"], word_count=321,
                about=[sp, views.EntityView("organization/ms-13", "MS-13", "Organization",
                                        url="https://news.example.org/tag/ms-13.html")],
                mentions=[views.EntityView("place/virginia", "Virginia", "Place"),
                          views.EntityView("group/republicans", "Republicans", "Group")],
                quotes=[views.QuoteView(1, "Let's dismantle MS-13.", sp, url, "Sessions calls for action"),
                        views.QuoteView(3, "dismantle", sp, url, "Sessions calls for action")])
    base.update(kw)
    return views.ArticleView(**base)


def by_id(doc):
    return {n["@id"]: n for n in doc["@graph"]}


# --------------------------------------------------------------------------- embedding


@pytest.mark.parametrize("text", HOSTILE)
def test_script_tag_round_trips_hostile_text(text):
    data = {"@context": "https://schema.org", "@graph": [{"@type": "Quotation", "@id": "https://x.org/#q",
                                                          "text": text, "name": [text, text.upper()]}]}
    tag = str(embed.script_tag(data))
    body = tag[len(embed.SCRIPT_OPEN):-len(embed.SCRIPT_CLOSE)]
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in body
    assert json.loads(body) == data
    # an HTML parser sees exactly one script whose text parses back to the same data
    page = f"<html><head>{tag}</head><body><p>after</p></body></html>"
    scripts = BeautifulSoup(page, "html.parser").find_all("script")
    assert len(scripts) == 1 and json.loads(scripts[0].string) == data
    assert C.extract_scripts(page) == [body]


def test_dumps_rejects_nan_and_replaces_lone_surrogates():
    with pytest.raises(ValueError):
        embed.dumps({"x": float("nan")})
    out = embed.dumps({"x": "a\ud800b", "y": "😀"})
    assert json.loads(out) == {"x": "a\ufffdb", "y": "😀"}
    out.encode("utf-8")  # writable


def test_script_tag_is_markup_not_reescaped_by_jinja():
    jinja2 = pytest.importorskip("jinja2")
    env = jinja2.Environment(autoescape=True)
    env.globals["newsgraph_jsonld"] = page_doc.render_for_context
    ctx = {"NEWSGRAPH_SITEURL": "https://news.example.org", "SITENAME": "Tom &amp; Jerry's <em>News</em>", "output_file": "x/index.html",
           "page_name": "x"}
    html = env.from_string("<head>{{ newsgraph_jsonld() }}</head>").render(ctx)
    doc, problems = C.check_html(html)
    assert problems == []
    assert by_id(doc)["https://news.example.org/#website"]["name"] == "Tom & Jerry's News"  # as a browser shows it


# --------------------------------------------------------------------------- builders


def test_article_graph_is_valid_schema_org_with_resolving_ids():
    doc = graph.article_graph(SITE, article())
    assert C.check_doc(doc) == []
    ids = by_id(doc)
    types = [n["@type"] for n in doc["@graph"]]
    assert types[:4] == ["Organization", "WebSite", "WebPage", "NewsArticle"]
    art = ids["https://news.example.org/2017/ms-13/#article"]
    assert art["headline"] == "Sessions calls for action"
    assert art["datePublished"] == "2017-11-09T10:30:00+00:00" == art["dateModified"]
    assert art["mainEntityOfPage"] == {"@id": "https://news.example.org/2017/ms-13/"}
    assert art["publisher"] == {"@id": "https://news.example.org/#organization"}
    assert art["articleSection"] == "US politics" and art["keywords"] == ["MS-13", "Jeff Sessions"]
    assert art["wordCount"] == 321 and art["inLanguage"] == "en"
    assert "image" not in art
    sessions = "https://news.example.org/#/schema/person/jeff-sessions"
    assert art["about"] == [{"@id": sessions}, {"@id": "https://news.example.org/#/schema/organization/ms-13"}]
    assert art["mentions"] == [{"@id": "https://news.example.org/#/schema/place/virginia"},
                               {"@id": "https://news.example.org/#/schema/group/republicans"}]
    p = ids[sessions]
    assert p["@type"] == "Person" and p["jobTitle"] == "Attorney General"
    assert p["alternateName"] == ["Sessions"]                      # the name itself is not an alias
    assert p["sameAs"] == ["https://www.wikidata.org/wiki/Q359442"]  # not-URLs dropped
    assert p["url"] == "https://news.example.org/speakers/jeff-sessions/"
    assert ids["https://news.example.org/#/schema/group/republicans"]["@type"] == "Thing"
    quotes = C.nodes_of_type(doc, "Quotation")
    assert [q["@id"] for q in quotes] == ["https://news.example.org/2017/ms-13/#/schema/quotation/1",
                                          "https://news.example.org/2017/ms-13/#/schema/quotation/3"]
    assert all(q["creator"] == {"@id": sessions} and q["isPartOf"] == {"@id": art["mainEntityOfPage"]["@id"]} for q in quotes)
    assert quotes[1]["url"] == "https://news.example.org/2017/ms-13/#quote-3"
    crumbs = C.nodes_of_type(doc, "BreadcrumbList")[0]["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Home", "US politics", "Sessions calls for action"]
    assert [c["position"] for c in crumbs] == [1, 2, 3]
    author = ids["https://news.example.org/#/schema/author/jane-doe"]
    assert author == {"@type": "Person", "@id": author["@id"], "name": "Jane Doe",
                      "url": "https://news.example.org/author/jane-doe.html"}


def test_article_graph_optional_parts():
    a = article(image="https://news.example.org/img/a.jpg", modified=dt.datetime(2017, 11, 10, tzinfo=dt.timezone(
        dt.timedelta(hours=-5))), quotes=[], about=[], mentions=[], section=None, keywords=[],
        license="https://creativecommons.org/licenses/by/2.5/", based_on="https://en.wikinews.org/wiki/X",
        authors=[views.AuthorView("Wikinews contributors", organization=True)])
    doc = graph.article_graph(SITE, a)
    assert C.check_doc(doc) == []
    ids = by_id(doc)
    art = ids[a.url + "#article"]
    assert art["image"] == {"@id": a.url + "#primaryimage"}
    assert ids[a.url + "#primaryimage"]["contentUrl"] == "https://news.example.org/img/a.jpg"
    assert ids[a.url]["primaryImageOfPage"] == {"@id": a.url + "#primaryimage"}
    assert art["dateModified"] == "2017-11-10T00:00:00-05:00"
    assert art["license"] == "https://creativecommons.org/licenses/by/2.5/"
    assert art["isBasedOn"] == "https://en.wikinews.org/wiki/X"
    for absent in ("about", "mentions", "hasPart", "articleSection", "keywords"):
        assert absent not in art
    assert not C.nodes_of_type(doc, "Quotation")
    assert ids[art["author"][0]["@id"]]["@type"] == "Organization"
    crumbs = C.nodes_of_type(doc, "BreadcrumbList")[0]["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Home", "Sessions calls for action"]


def test_author_equal_to_publisher_is_the_publisher_node():
    doc = graph.article_graph(SITE, article(authors=[views.AuthorView("Example News", organization=True)]))
    assert C.check_doc(doc) == []
    assert by_id(doc)[doc["@graph"][3]["@id"]]["author"] == [{"@id": SITE.org_id}]


def test_publisher_logo_and_same_as():
    site = views.Site(url="https://n.org", name="N", publisher_name="N Media", publisher_url="https://corp.n.org/",
                  logo={"url": "https://n.org/logo.png", "width": 600, "height": 60},
                  publisher_same_as=("https://www.wikidata.org/wiki/Q1",))
    doc = graph.webpage_graph(site, views.PageView(url="https://n.org/about/", name="About",
                                           crumbs=[views.Crumb("About", "https://n.org/about/")]))
    assert C.check_doc(doc) == []
    org, logo = doc["@graph"][0], doc["@graph"][1]
    assert org["name"] == "N Media" and org["url"] == "https://corp.n.org/" and org["logo"] == {"@id": logo["@id"]}
    assert logo["width"] == 600 and org["sameAs"] == ["https://www.wikidata.org/wiki/Q1"]


def test_speaker_graph_uses_the_same_ids_as_the_article():
    a = article()
    sp = a.quotes[0].speaker
    page_url = "https://news.example.org/speakers/jeff-sessions/"
    doc = graph.speaker_graph(SITE, views.PageView(url=page_url, name="Jeff Sessions", type="CollectionPage",
                                           crumbs=[views.Crumb("Speakers", "https://news.example.org/speakers/"),
                                                   views.Crumb("Jeff Sessions", page_url)]), sp, a.quotes)
    assert C.check_doc(doc) == []
    ids = by_id(doc)
    page = ids[page_url]
    pid = SITE.schema_id("person/jeff-sessions")
    assert page["@type"] == "CollectionPage" and page["about"] == page["mainEntity"] == {"@id": pid}
    assert ids[pid] == by_id(graph.article_graph(SITE, a))[pid]
    art_ids = {q["@id"] for q in C.nodes_of_type(graph.article_graph(SITE, a), "Quotation")}
    assert {q["@id"] for q in C.nodes_of_type(doc, "Quotation")} == art_ids
    assert {r["@id"] for r in page["hasPart"]} == art_ids
    assert ids[a.url]["@type"] == "WebPage" and ids[a.url]["name"] == "Sessions calls for action"
    assert [c["name"] for c in ids[page_url + "#breadcrumb"]["itemListElement"]] == \
        ["Home", "Speakers", "Jeff Sessions"]
    assert not C.nodes_of_type(doc, "NewsArticle")  # a listing page is not an article page


def test_collection_graph_topic_and_index():
    topic = views.EntityView("organization/ms-13", "MS-13", "Organization", url="https://news.example.org/tag/ms-13.html")
    url = "https://news.example.org/tag/ms-13.html"
    doc = graph.collection_graph(SITE, views.PageView(url=url, name="MS-13", type="CollectionPage",
                                              crumbs=[views.Crumb("MS-13", url)]),
                             [views.ListEntry("https://news.example.org/a/", "A"), views.ListEntry("https://news.example.org/b/", "B")],
                             about=topic)
    assert C.check_doc(doc) == []
    ids = by_id(doc)
    assert ids[url]["about"] == {"@id": SITE.schema_id("organization/ms-13")}
    items = ids[url + "#itemlist"]["itemListElement"]
    assert [(i["position"], i["url"]) for i in items] == [(1, "https://news.example.org/a/"), (2, "https://news.example.org/b/")]
    people = [person(), person("person/ana-lopez", "Ana López", None)]
    doc = graph.collection_graph(SITE, views.PageView(url="https://news.example.org/speakers/", name="Speakers",
                                              type="CollectionPage"), people)
    assert C.check_doc(doc) == []
    ids = by_id(doc)
    assert [i["item"]["@id"] for i in ids["https://news.example.org/speakers/#itemlist"]["itemListElement"]] == \
        [SITE.schema_id("person/jeff-sessions"), SITE.schema_id("person/ana-lopez")]
    assert not C.nodes_of_type(doc, "BreadcrumbList")  # one crumb is no breadcrumb


def test_profile_page_for_an_author():
    doc = graph.webpage_graph(SITE, views.PageView(url="https://news.example.org/author/jane-doe.html", name="Jane Doe",
                                           type="ProfilePage"),
                          main=views.AuthorView("Jane Doe", "https://news.example.org/author/jane-doe.html", "jane-doe"))
    assert C.check_doc(doc) == []
    assert doc["@graph"][2]["mainEntity"] == {"@id": SITE.schema_id("author/jane-doe")}


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_names_and_quotes_validate_and_round_trip(text):
    sp = person(name=f"Jeff {text} Sessions", role=text, aliases=[text])
    a = article(speaker=sp, title=text or "t", keywords=[text])
    a.quotes = [views.QuoteView(1, text, sp, a.url, text)]
    doc = graph.article_graph(SITE, a)
    assert C.check_doc(doc) == []
    parsed, problems = C.check_html(f"<head>{embed.script_tag(doc)}</head>")
    assert problems == [] and parsed == doc
    assert C.nodes_of_type(parsed, "Quotation")[0]["text"] == text
    assert by_id(parsed)[SITE.schema_id("person/jeff-sessions")]["name"] == f"Jeff {text} Sessions"


def test_iso_dates():
    assert graph.iso(dt.datetime(2020, 1, 2, 3, 4, 5, 678), "Europe/Paris") == "2020-01-02T03:04:05+01:00"
    assert graph.iso(dt.date(2020, 7, 1), "UTC") == "2020-07-01T00:00:00+00:00"
    assert graph.iso(dt.datetime(2020, 1, 1), "No/Such_Zone") == "2020-01-01T00:00:00+00:00"
    assert graph.iso(None) is None and graph.iso("2020") is None


def test_quote_of_a_place_has_no_creator():
    russia = views.EntityView("place/russia", "Russia", "Place", url="https://news.example.org/speakers/russia/")
    a = article()
    a.quotes.append(views.QuoteView(5, "We reject this.", russia, a.url, a.title))
    doc = graph.article_graph(SITE, a)
    assert C.check_doc(doc) == []
    q = by_id(doc)[a.url + "#/schema/quotation/5"]
    assert "creator" not in q and q["isPartOf"] == {"@id": a.url}
    assert {"@id": SITE.schema_id("place/russia")} in by_id(doc)[a.url + "#article"]["mentions"]
    sp = graph.speaker_graph(SITE, views.PageView(url=russia.url, name="Russia", type="CollectionPage"), russia, a.quotes[-1:])
    assert C.check_doc(sp) == [] and by_id(sp)[russia.url]["about"] == {"@id": SITE.schema_id("place/russia")}


def test_quotation_text_by_kind():
    direct = Quote("direct", [Span(0, 5, "Hello"), Span(20, 25, "world")])
    partial = Quote("partial", [Span(0, 40, "he would dismantle the gang")], marked=[Span(9, 18, "dismantle")])
    indirect = Quote("indirect", [Span(0, 10, "it was bad")])
    assert read.quotation_text(direct) == "Hello world"
    assert read.quotation_text(partial) == "dismantle"
    assert read.quotation_text(indirect) is None


# --------------------------------------------------------------------------- checker self-test


@pytest.mark.parametrize("mutate, expect", [
    (lambda d: d["@graph"][3].update({"@type": "NewsArticel"}), "unknown type"),
    (lambda d: d["@graph"][3].update({"headLine": "x"}), "unknown property"),
    (lambda d: d["@graph"][3].update({"author": [{"@id": "https://news.example.org/#/schema/author/nobody"}]}),
     "does not resolve"),
    (lambda d: d["@graph"][3].update({"datePublished": "2017-11-09T10:30:00"}), "offset"),
    (lambda d: d["@graph"][2].update({"url": "/2017/ms-13/"}), "absolute"),
    (lambda d: d["@graph"][0].update({"jobTitle": "x"}), "not expected on"),
    (lambda d: d["@graph"][3].update({"about": [{"@id": "https://news.example.org/#website"}]}), None),
    (lambda d: d["@graph"][3].update({"wordCount": "many"}), "does not fit"),
    (lambda d: d["@graph"].append(dict(d["@graph"][0])), "defined twice"),
])
def test_checker_catches_mistakes(mutate, expect):
    doc = graph.article_graph(SITE, article())
    mutate(doc)
    problems = C.check_doc(doc)
    if expect is None:
        assert problems == []   # WebSite is a CreativeWork: a valid (if odd) `about`
    else:
        assert any(expect in p for p in problems), problems


def test_checker_rejects_unsafe_script_text():
    html = '<head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[],"x":"<b>"}</script>'
    _, problems = C.check_html(html)
    assert any("unescaped '<'" in p for p in problems)
    _, problems = C.check_html("<head></head>")
    assert problems == ["expected exactly one JSON-LD script, found 0"]


# --------------------------------------------------------------------------- Pelican adapters


class Wrapper(NS):
    def __str__(self):
        return self.name


def fake_article(settings, **kw):
    sessions = NS(key="person/jeff-sessions", name="Jeff Sessions", type="Person", aliases=["Sessions"],
                  role="Attorney General", same_as=[], url="speakers/jeff-sessions/")
    q = NS(kind="direct", text="We will hit them harder.", marked=[])
    base = dict(settings=settings, url="2017/ms-13/", title="Sessions &amp; <em>MS-13</em>",
                date=dt.datetime(2017, 11, 9), modified=None, lang="en", metadata={"author": "Jane Doe"},
                authors=[Wrapper(name="Jane Doe", url="author/jane-doe.html", save_as="author/jane-doe.html",
                                 slug="jane-doe")],
                category=Wrapper(name="US", url="category/us.html", save_as="category/us.html"),
                tags=[Wrapper(name="MS-13")], content="<p>One two <b>three</b></p>",
                newsgraph_about=[sessions], newsgraph_mentions=[], source_path="content/ms13.md")
    base["newsgraph_quotes"] = [NS(article=None, quote=q, speaker=sessions, n=2),
                                NS(article=None, quote=NS(kind="indirect", text="x", marked=[]), speaker=sessions, n=3),
                                NS(article=None, quote=q, speaker=None, n=4)]
    base.update(kw)
    art = NS(**base)
    for r in art.newsgraph_quotes:
        r.article = art
    return art


SETTINGS = {"SITEURL": "https://news.example.org", "SITENAME": "Example News", "DEFAULT_LANG": "en",
            "TIMEZONE": "America/New_York", "NEWSGRAPH_JSONLD": True,
            "NEWSGRAPH_PUBLISHER": {"name": "Example News", "url": "https://news.example.org", "logo": "/logo.png"}}


def ctx_for(**kw):
    ctx = dict(SETTINGS, SITEURL="../..")   # RELATIVE_URLS: the template context has a relative SITEURL
    ctx.update(kw)
    return ctx


def test_render_for_article_context():
    art = fake_article(SETTINGS)
    html = str(page_doc.render_for_context(ctx_for(article=art, output_file="2017/ms-13/index.html")))
    doc, problems = C.check_html(html)
    assert problems == []
    ids = by_id(doc)
    a = ids["https://news.example.org/2017/ms-13/#article"]
    assert a["headline"] == "Sessions & MS-13"                     # visible text of the title
    assert a["datePublished"] == "2017-11-09T00:00:00-05:00"       # TIMEZONE applied to a naive date
    assert a["wordCount"] == 3 and a["keywords"] == ["MS-13"]
    assert ids["https://news.example.org/#logo"]["url"] == "https://news.example.org/logo.png"
    quotes = C.nodes_of_type(doc, "Quotation")
    assert [q["@id"] for q in quotes] == ["https://news.example.org/2017/ms-13/#/schema/quotation/2"]
    assert ids[quotes[0]["creator"]["@id"]]["url"] == "https://news.example.org/speakers/jeff-sessions/"


@pytest.mark.parametrize("switch", [{"NEWSGRAPH_JSONLD": False}, {"NEWSGRAPH_JSONLD": "off"}, {"metadata": True}])
def test_jsonld_can_be_turned_off(switch, tmp_path):
    art = fake_article(SETTINGS, metadata={"jsonld": "off"} if "metadata" in switch else {})
    ctx = ctx_for(article=art, output_file="a/index.html", **{k: v for k, v in switch.items() if k != "metadata"})
    assert str(page_doc.render_for_context(ctx)) == ""
    f = tmp_path / "a.html"
    f.write_text("<html><head></head><body></body></html>", encoding="utf-8")
    assert page_doc.ensure_in_file(str(f), ctx) is False
    assert "ld+json" not in f.read_text(encoding="utf-8")


def test_siteurl_fallback_warns_once(caplog):
    read._warned.discard("siteurl")
    settings = dict(SETTINGS, SITEURL="")
    with caplog.at_level(logging.WARNING, logger="newsgraph.site.jsonld"):
        for _ in range(2):
            html = str(page_doc.render_for_context(dict(settings, article=fake_article(settings), output_file="x.html")))
    doc, problems = C.check_html(html)
    assert problems == []
    assert doc["@graph"][0]["@id"] == "https://example.org/#organization"
    assert sum("NEWSGRAPH_SITEURL" in r.message for r in caplog.records) == 1
    doc2, _ = C.check_html(str(page_doc.render_for_context(dict(settings, NEWSGRAPH_SITEURL="https://mine.test/",
                                                         article=fake_article(settings), output_file="x.html"))))
    assert doc2["@graph"][0]["@id"] == "https://mine.test/#organization"


def test_broken_page_data_warns_and_renders_nothing(caplog):
    art = fake_article(SETTINGS, url=None)   # an article without a URL
    with caplog.at_level(logging.WARNING, logger="newsgraph.site.jsonld"):
        assert str(page_doc.render_for_context(ctx_for(article=art, output_file="x.html"))) == ""
    assert any("content/ms13.md" in r.getMessage() for r in caplog.records)


def test_listing_contexts():
    art = fake_article(SETTINGS)
    page = NS(number=1, object_list=[art])
    tag = Wrapper(name="MS-13", url="tag/ms-13.html", save_as="tag/ms-13.html", settings=SETTINGS)
    topic = NS(key="organization/ms-13", name="MS-13", type="Organization", aliases=[], role=None, same_as=[],
               url="tag/ms-13.html", tag=tag)
    registry = NS(identities=[topic], speakers=[])
    cases = {
        "index": ctx_for(articles=[art], articles_page=page, page_name="index", output_file="index.html"),
        "index2": ctx_for(articles=[art], articles_page=NS(number=2, object_list=[art]), page_name="index",
                          output_file="index2.html"),
        "tag": ctx_for(tag=tag, articles=[art], articles_page=page, page_name="tag/ms-13",
                       output_file="tag/ms-13.html", newsgraph_build=BuildState(registry=registry)),
        "category": ctx_for(category=art.category, articles=[art], output_file="category/us.html"),
        "author": ctx_for(author=art.authors[0], articles=[art], output_file="author/jane-doe.html"),
        "archives": ctx_for(articles=[art], dates=[art], page_name="archives", output_file="archives.html"),
        "period": ctx_for(articles=[art], dates=[art], period=(2017, "November"), output_file="2017/11/index.html"),
        "tags": ctx_for(articles=[art], page_name="tags", output_file="tags.html"),
        "page": ctx_for(page=NS(settings=SETTINGS, url="pages/about.html", title="About", metadata={}),
                        output_file="pages/about.html"),
        "speakers": ctx_for(articles=[art], speakers=[art.newsgraph_about[0]], page_name="speakers",
                            output_file="speakers/index.html"),
        "speaker": ctx_for(articles=[art], speaker=art.newsgraph_about[0], quotes=art.newsgraph_quotes,
                           output_file="speakers/jeff-sessions/index.html"),
    }
    docs = {}
    for name, ctx in cases.items():
        docs[name], problems = C.check_html(str(page_doc.render_for_context(ctx)))
        assert problems == [], (name, problems)
    main = {k: d["@graph"][3] for k, d in docs.items()}   # Organization, logo, WebSite, then the page
    assert main["index"]["@id"] == "https://news.example.org/" and main["index"]["@type"] == "CollectionPage"
    assert main["index2"]["@id"] == "https://news.example.org/index2.html"
    assert main["index2"]["name"] == "Example News (page 2)"
    assert main["tag"]["about"] == {"@id": "https://news.example.org/#/schema/organization/ms-13"}
    assert main["author"]["@type"] == "ProfilePage"
    assert main["archives"]["mainEntity"] == {"@id": "https://news.example.org/archives.html#itemlist"}
    assert main["period"]["name"] == "Archives: 2017 November"
    assert main["page"]["@type"] == "WebPage" and main["page"]["name"] == "About"
    assert main["speaker"]["about"] == {"@id": "https://news.example.org/#/schema/person/jeff-sessions"}
    assert main["speaker"]["@id"] == "https://news.example.org/speakers/jeff-sessions/"
    assert len(C.nodes_of_type(docs["speaker"], "Quotation")) == 1
    assert [n["@type"] for n in docs["speakers"]["@graph"]][-3:] == ["ItemList", "Person", "BreadcrumbList"]


def test_paginated_speaker_page_marks_up_only_its_quotes():
    art = fake_article(SETTINGS)
    sessions = art.newsgraph_about[0]
    refs = [NS(article=art, quote=NS(kind="direct", text=f"Quote {i}.", marked=[]), speaker=sessions, n=i)
            for i in range(1, 6)]
    ctx = ctx_for(articles=[art], speaker=sessions, quotes=refs[3:],
                  quotes_page=NS(number=2, object_list=refs[3:]), output_file="speakers/jeff-sessions/2/index.html")
    doc, problems = C.check_html(str(page_doc.render_for_context(ctx)))
    assert problems == []
    page = doc["@graph"][3]
    assert page["@id"] == "https://news.example.org/speakers/jeff-sessions/2/"
    assert page["name"] == "Jeff Sessions (page 2)"
    assert [q["text"] for q in C.nodes_of_type(doc, "Quotation")] == ["Quote 4.", "Quote 5."]


def test_ensure_in_file_inserts_once(tmp_path):
    f = tmp_path / "index.html"
    f.write_text("<!DOCTYPE html><html><HEAD><title>x</title></HEAD><body><p>b</p></body></html>", encoding="utf-8")
    ctx = ctx_for(article=fake_article(SETTINGS), output_file="index.html")
    assert page_doc.ensure_in_file(str(f), ctx) is True
    first = f.read_text(encoding="utf-8")
    assert first.index(embed.SCRIPT_OPEN) < first.index("</HEAD>")
    assert page_doc.ensure_in_file(str(f), ctx) is False          # already there: no-op
    assert f.read_text(encoding="utf-8") == first
    assert C.check_html(first)[1] == []
    feed = tmp_path / "feed.xml"
    feed.write_text("<feed/>", encoding="utf-8")
    assert page_doc.ensure_in_file(str(feed), ctx) is False


def test_same_input_same_bytes():
    def build():
        return str(page_doc.render_for_context(ctx_for(article=fake_article(SETTINGS), output_file="a/index.html")))
    assert build() == build()


def test_head_tags_and_jsonld_land_in_the_real_head_not_in_a_title_holding_the_end_tag(tmp_path):
    # a theme printing a title raw: its text "</head>" is not the end of the head for a browser
    from newsgraph.site import seo

    f = tmp_path / "index.html"
    f.write_text("<html><head><title>Why </head> matters</title>\n</head><body><p>b</p></body></html>",
                 encoding="utf-8")
    ctx = ctx_for(article=fake_article(SETTINGS), output_file="index.html")
    assert page_doc.ensure_in_file(str(f), ctx) is True
    assert seo.ensure_in_file(str(f), ctx) is True
    html = f.read_text(encoding="utf-8")
    title_end = html.index("</title>")
    assert html.index(embed.SCRIPT_OPEN) > title_end and html.index('property="og:url"') > title_end
    assert html.rindex("</head>") > html.index(embed.SCRIPT_OPEN)
    assert seo.ensure_in_file(str(f), ctx) is False               # already there: no-op
