"""The pictures module (charts.py) on hand-made data: counts, layout, SVG validity, accessibility,
links, settings, determinism."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from types import SimpleNamespace

import pytest

from newsgraph.site import charts
from newsgraph.site.registry import Identity

SVG = "{http://www.w3.org/2000/svg}"


def day(y, m, d=1):
    return datetime(y, m, d, tzinfo=timezone.utc)


def person(name, slug, kind="Person"):
    return Identity(key=slug, name=name, type=kind, slug=slug, is_speaker=True, url=f"speakers/{slug}/")


def ref(date, kind="direct", art=None):
    return SimpleNamespace(date=date, kind=kind, article=art)


def article(date, *speakers):
    return SimpleNamespace(date=date, newsgraph_speakers=list(speakers))


def parse_figure(markup) -> tuple[ET.Element, str]:
    """The figure's svg as XML (raises on invalid markup) and the figure's HTML."""
    html = str(markup)
    start, end = html.index("<svg"), html.index("</svg>") + len("</svg>")
    return ET.fromstring(html[start:end]), html


def assert_accessible(svg: ET.Element, html: str) -> None:
    title, desc = svg.find(SVG + "title"), svg.find(SVG + "desc")
    assert title is not None and title.text and desc is not None and desc.text
    assert svg.get("aria-labelledby") == title.get("id") and svg.get("aria-describedby") == desc.get("id")
    assert "<details" in html and "<table>" in html            # the text equivalent


def test_quotes_per_month_keeps_reported_speech_apart():
    refs = [ref(day(2020, 3, 2)), ref(day(2020, 3, 9), "partial"), ref(day(2020, 3, 20), "indirect"),
            ref(day(2020, 5, 1), "indirect"), ref(None)]
    assert charts.quotes_per_month(refs) == {(2020, 3): (2, 1), (2020, 5): (0, 1)}


def test_month_range_crosses_years():
    assert charts.month_range((2019, 11), (2020, 2)) == [(2019, 11), (2019, 12), (2020, 1), (2020, 2)]


def test_timeline_spans_the_site_and_is_valid_accessible_svg():
    per_month = {(2020, 3): (2, 1), (2020, 5): (0, 1)}
    markup = charts.timeline_svg("Ann Lee", per_month, ((2019, 1), (2020, 12)), uid="ann-lee")
    svg, html = parse_figure(markup)
    assert_accessible(svg, html)
    assert svg.get("role") == "img"
    assert "from Jan 2019 to Dec 2020" in svg.find(SVG + "desc").text     # the site's months, not the speaker's
    bars = svg.findall(f".//{SVG}rect[@class='ng-quoted']")
    reported = svg.findall(f".//{SVG}rect[@class='ng-reported']")
    assert len(bars) == 1 + 1 and len(reported) == 2 + 1                  # (+1: the legend's swatch)
    assert html.count("<tr><th scope=\"row\">") == 2                       # months with quotes
    assert markup == charts.timeline_svg("Ann Lee", per_month, ((2019, 1), (2020, 12)), uid="ann-lee")
    for el in svg.iter():                                                  # nothing drawn outside the box
        for attr in ("x", "x1", "x2"):
            if el.get(attr) is not None:
                assert 0 <= float(el.get(attr)) <= charts.WIDTH


def test_co_quoted_counts_shared_articles_people_and_organisations_only():
    ann, bob, cy = person("Ann Lee", "ann-lee"), person("Bob Ray", "bob-ray"), person("Cy Org", "cy", "Organization")
    place = person("Springfield", "springfield", "Place")
    arts = [article(day(2020, 1), ann, bob), article(day(2020, 2), ann, bob, cy), article(day(2020, 3), bob, place),
            article(day(2020, 4), ann, place)]
    nodes, edges = charts.co_quoted(arts, limit=5, center=ann)
    assert [(n.key, n.count) for n in nodes] == [("ann-lee", 3), ("bob-ray", 2), ("cy", 1)]
    assert edges == {("ann-lee", "bob-ray"): 2, ("ann-lee", "cy"): 1, ("bob-ray", "cy"): 1}
    nodes, edges = charts.co_quoted(arts, limit=1)
    assert [(n.key, n.count) for n in nodes] == [("ann-lee", 3)] and edges == {}   # a tie: by surname


def test_network_links_every_node_and_keeps_names_in_the_box():
    ann = person("Ann Lee", "ann-lee")
    others = [person(f"Person Number {i} With A Long Name", f"p{i}") for i in range(10)]
    arts = [article(day(2020, 1), ann, o) for o in others] + [article(day(2020, 2), ann, others[0], others[1])]
    nodes, edges = charts.co_quoted(arts, limit=10, center=ann)
    markup = charts.network_svg("Quoted alongside Ann Lee", nodes, edges, "..", "ann-lee", "Articles", center=True)
    svg, html = parse_figure(markup)
    assert_accessible(svg, html)
    links = [a.get("href") for a in svg.iter(SVG + "a")]
    assert links == [f"../{n.url}" for n in nodes]
    assert svg.get("role") == "group"
    assert len(svg.findall(f".//{SVG}line[@class='ng-edge']")) == len(edges) == 11
    for text in svg.iter(SVG + "text"):         # labels (at most 16 characters, ~7 px each) fit the width
        x, anchor, n = float(text.get("x")), text.get("text-anchor"), len(text.text) * 7
        left = x - n if anchor == "end" else x - n / 2 if anchor == "middle" else x
        assert 0 <= left and left + n <= charts.WIDTH, text.text
    assert markup == charts.network_svg("Quoted alongside Ann Lee", nodes, edges, "..", "ann-lee", "Articles",
                                        center=True)


def test_most_quoted_counts_only_the_last_months():
    ann, bob = person("Ann Lee", "ann-lee"), person("Bob Ray", "bob-ray")
    ann.quotes = [ref(day(2019, 1))] * 5 + [ref(day(2020, 6))]
    bob.quotes = [ref(day(2020, 1)), ref(day(2020, 12))]
    nodes, first = charts.most_quoted([ann, bob], (2020, 12), months=12, limit=10)
    assert first == (2020, 1)
    assert [(n.key, n.count) for n in nodes] == [("bob-ray", 2), ("ann-lee", 1)]
    svg, html = parse_figure(charts.bars_svg(nodes, first, (2020, 12), ""))
    assert_accessible(svg, html)
    assert [a.get("href") for a in svg.iter(SVG + "a")] == ["/speakers/bob-ray/", "/speakers/ann-lee/"]


def make_charts(settings=None):
    ann, bob, cy = person("Ann Lee", "ann-lee"), person("Bob Ray", "bob-ray"), person("Cy Dee", "cy-dee")
    arts = [article(day(2020, m), ann, bob, cy) for m in range(1, 7)]
    ann.quotes = [ref(a.date, art=a) for a in arts]
    bob.quotes = [ref(arts[0].date, art=arts[0])]
    reg = SimpleNamespace(records=[SimpleNamespace(article=a) for a in arts], speakers=[ann, bob, cy])
    return charts.Charts(settings or {}, reg), ann, bob, arts


def test_settings_turn_each_picture_off_and_set_thresholds():
    on, ann, bob, arts = make_charts()
    assert "newsgraph-chart-timeline" in on.render("timeline", ann)
    assert on.render("timeline", bob) == ""                      # fewer than 5 quotes
    assert "newsgraph-chart-network" in on.render("alongside", ann)
    assert "newsgraph-chart-network" in on.render("topic", SimpleNamespace(name="T", slug="t"), arts)
    assert "newsgraph-chart-top" in on.render("top")
    off, ann, bob, arts = make_charts({"NEWSGRAPH_CHART_TIMELINE": False, "NEWSGRAPH_CHART_NETWORK": False,
                                       "NEWSGRAPH_CHART_TOP": False})
    assert off.render("timeline", ann) == off.render("alongside", ann) == off.render("top") == ""
    assert off.render("topic", SimpleNamespace(name="T", slug="t"), arts) == ""
    fewer, ann, bob, arts = make_charts({"NEWSGRAPH_CHART_TIMELINE_MIN_QUOTES": 1, "NEWSGRAPH_CHART_NETWORK_MIN": 3})
    assert "newsgraph-chart-timeline" in fewer.render("timeline", bob)
    assert fewer.render("alongside", ann) == ""                   # only 2 others
    with pytest.raises(ValueError, match="unknown picture"):
        on.render("pie", ann)


def test_a_place_or_group_speaker_gets_its_network_too():
    """Only people and organisations are drawn around a speaker, but the speaker may be anything
    with a page ("Russia said …")."""
    russia, ann, bob = person("Russia", "russia", "Place"), person("Ann Lee", "ann-lee"), person("Bob Ray", "bob-ray")
    arts = [article(day(2020, 1), russia, ann), article(day(2020, 2), russia, ann, bob)]
    nodes, edges = charts.co_quoted(arts, limit=5, center=russia)
    assert [(n.key, n.count) for n in nodes] == [("russia", 2), ("ann-lee", 2), ("bob-ray", 1)]
    assert edges == {("ann-lee", "bob-ray"): 1, ("ann-lee", "russia"): 2, ("bob-ray", "russia"): 1}


def test_month_axis_labels_every_year_and_the_first_month_when_it_fits():
    def labels(first, last):
        months = charts.month_range(first, last)
        return [text for _i, text, _a in charts._month_ticks(months, 366 / len(months))]

    assert labels((2017, 11), (2021, 3)) == ["2018", "2019", "2020", "2021"]   # "Nov 2017" would hide 2018
    assert labels((2019, 6), (2021, 3)) == ["Jun 2019", "2020", "2021"]
    assert labels((2021, 1), (2021, 4)) == ["Jan 2021", "Feb 2021", "Mar 2021", "Apr 2021"]
