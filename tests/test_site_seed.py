"""The seed article through a real Pelican build with the demo theme: the issue's acceptance checks."""
import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT, build

SEED = (ROOT / "content" / "sessions-ms13.md").read_text(encoding="utf-8")
ARTICLE = "sessions-calls-on-law-enforcement-to-dismantle-ms-13"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(tmp_path_factory.mktemp("seed"), {"sessions-ms13": SEED}, theme=str(ROOT / "theme"))


def quotes(site, name):
    """(kind, text, link) of every quote on the speaker page that the speaker index links as ``name``."""
    index = BeautifulSoup(site.read("speakers/index.html"), "html.parser")
    href = next(a["href"] for a in index.select("a") if a.get_text(strip=True) == name)
    page = BeautifulSoup(site.read(href.strip("/") + "/index.html"), "html.parser")
    return [(li.select_one(".kind").get_text(), li.blockquote.get_text(" ", strip=True),
             li.select_one(".quote-meta a")["href"]) for li in page.select("ol.quote-list > li")]


def test_sessions_has_a_page_with_the_four_quotations_each_linking_to_the_article(site):
    index = BeautifulSoup(site.read("speakers/index.html"), "html.parser").get_text(" ")
    assert "Jeff Sessions" in index
    marked = [q for q in quotes(site, "Jeff Sessions") if q[0] in ("direct", "partial")]
    assert len(marked) == 4
    assert all(ARTICLE in href and "#quote-" in href for _, _, href in marked)
    texts = " | ".join(t for _, t, _ in marked)
    for words in ("dismantle", "Let me repeat my call", "Some cities, counties", "By placing conditions"):
        assert words in texts


def test_trump_has_his_three_quotations(site):
    marked = [t for kind, t, _ in quotes(site, "Trump") if kind in ("direct", "partial")]
    assert len(marked) == 3
    # the partial quote ("fighting for", in its reported clause), then the tweet's two quotations
    for words in ("then-candidate", "Ralph Northam, who is running", "Vote Ed Gillespie!"):
        assert sum(words in t for t in marked) == 1


def test_nobody_from_the_byline_or_the_related_links_widget_gets_a_page(site):
    speakers = {p.name for p in (site.output / "speakers").iterdir() if p.is_dir()}
    for slug in ("camille-fine", "beto-orourke", "rosenstein", "emmet-flood", "mcgahn", "don-mcgahn"):
        assert slug not in speakers
    assert not any("orourke" in s or "rosenstein" in s or "mcgahn" in s for s in speakers)


def test_the_seed_is_on_the_ms13_tag_page(site):
    tag = BeautifulSoup(site.read("tag/ms-13.html"), "html.parser")
    assert any(ARTICLE in a.get("href", "") for a in tag.find_all("a"))
