"""Pictures on a real build (demo theme and Pelican's default theme): where they appear, that every
SVG parses and has a title, a description and a table, that the links in them lead to pages of the
site, that two builds give the same bytes, and that a warm rebuild draws none."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from chart_check import figures, problems
from chart_site import ARTICLES
from sitebuild import build

ROOT = Path(__file__).resolve().parent.parent
KEEP = {"RELATIVE_URLS": True, "DELETE_OUTPUT_DIRECTORY": False}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return build(tmp_path_factory.mktemp("charts-demo"), ARTICLES, theme=str(ROOT / "theme"), settings=KEEP)


def kinds(page: str, output: Path) -> list[str]:
    html = BeautifulSoup((output / page).read_text(encoding="utf-8"), "html.parser")
    return [c.replace("newsgraph-chart-", "") for f in html.select("figure.newsgraph-chart")
            for c in f["class"] if c.startswith("newsgraph-chart-")]


def test_pictures_on_speaker_topic_and_index_pages(demo):
    out = demo.output
    assert kinds("speakers/jane-porter/index.html", out) == ["timeline", "network"]
    assert kinds("speakers/ada-osei/index.html", out) == ["network"]   # 3 quotes: no timeline
    assert kinds("tag/jane-porter.html", out) == ["network"]
    assert kinds("speakers/index.html", out) == ["top"] == kinds("speakers/by-count/index.html", out)
    html = BeautifulSoup(demo.read("speakers/jane-porter/index.html"), "html.parser")
    rows = [tr.th.get_text() for tr in html.select(".newsgraph-chart-timeline tbody tr")]
    assert rows == ["Jan 2021", "Feb 2021", "Apr 2021"]          # months with quotes
    top = [a.get_text() for a in html.select(".newsgraph-chart-network tbody a")]
    assert top[0] == "Jane Porter" and set(top[1:]) == {"Ada Osei", "Tomas Lindqvist"}


def test_every_picture_is_valid_svg_with_title_description_table_and_working_links(demo):
    found = figures(demo.output)
    assert len(found) >= 4
    assert [p for page, figs in found.items() for fig in figs for p in problems(demo.output, page, fig)] == []


def test_the_check_finds_a_broken_picture(demo):
    fig = figures(demo.output)["speakers/jane-porter/index.html"][0]
    broken = re.sub(r"<desc[^>]*>.*?</desc>", "", fig.replace("<table>", "<ul>"))
    assert len(problems(demo.output, "speakers/jane-porter/index.html", broken)) == 2
    linked = figures(demo.output)["speakers/jane-porter/index.html"][1].replace("/speakers/", "/nowhere/")
    assert any("broken link" in p for p in problems(demo.output, "speakers/jane-porter/index.html", linked))


def test_two_builds_give_byte_identical_pictures(demo, tmp_path):
    again = build(tmp_path, ARTICLES, theme=str(ROOT / "theme"), settings=KEEP)
    first, second = figures(demo.output), figures(again.output)
    assert first == second and first


def test_warm_rebuild_draws_no_picture_and_an_edit_redraws(demo, monkeypatch):
    from newsgraph.site import charts

    drawn = []
    render = charts.Charts.render

    def counting(self, kind, *args, **kwargs):
        drawn.append(kind)
        return render(self, kind, *args, **kwargs)

    monkeypatch.setattr(charts.Charts, "render", counting)
    tmp = demo.output.parent
    before = figures(demo.output)
    res = build(tmp, ARTICLES, theme=str(ROOT / "theme"), settings=KEEP)
    assert re.search(r"newsgraph: 0 speaker pages written", res.log)
    assert drawn == []
    assert figures(res.output) == before                          # the pages (and pictures) are still there
    edited = dict(ARTICLES, extra="""Title: Jane Porter names a bridge keeper
Date: 2021-06-02

Mayor Jane Porter named a keeper for the river bridge on Wednesday.

"Every bridge needs someone who knows its moods," said Jane Porter.
""")
    build(tmp, edited, theme=str(ROOT / "theme"), settings=KEEP)
    assert "timeline" in drawn and "top" in drawn


def test_default_theme_shows_the_pictures_and_settings_turn_them_off(tmp_path):
    res = build(tmp_path / "on", ARTICLES, settings={"RELATIVE_URLS": True})          # Pelican's notmyidea
    assert kinds("speakers/jane-porter/index.html", res.output) == ["timeline", "network"]
    assert kinds("speakers/index.html", res.output) == ["top"]
    off = build(tmp_path / "off", ARTICLES, settings={"NEWSGRAPH_CHART_TIMELINE": False,
                                                      "NEWSGRAPH_CHART_NETWORK": False, "NEWSGRAPH_CHART_TOP": False})
    assert figures(off.output) == {}
