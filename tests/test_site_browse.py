"""Issue 12 point 6: a person is one place to browse (speaker page <-> topic page), and the
speaker index can be filtered by type, most quoted first (static pages, no JavaScript)."""
from bs4 import BeautifulSoup
from sitebuild import ROOT, build


def _article(title, day, body):
    return f"Title: {title}\nDate: 2021-05-{day:02d}\n\n{body}\n"


ARTICLES = {
    "one": _article("Orla Venn opens the ferry terminal", 1,
                    'Orla Venn cut the ribbon on Monday. "The terminal is finally open," Orla Venn said. '
                    'The Lantern Guild welcomed it. "We will hold concerts here," the Lantern Guild said in a statement. '
                    'Venn thanked the workers.'),
    "two": _article("Orla Venn promises night crossings", 2,
                    'Orla Venn spoke to commuters. "Night crossings start in June," Orla Venn said. '
                    '"Nobody will wait an hour again," Venn added. Critics of Orla Venn were not convinced.'),
}


def _soup(out, rel):
    return BeautifulSoup((out / rel).read_text(encoding="utf-8"), "html.parser")


def test_speaker_and_topic_pages_link_each_other_and_type_indexes(tmp_path):
    res = build(tmp_path, ARTICLES, theme=str(ROOT / "theme"), settings={"NEWSGRAPH_TAG_MIN_ARTICLES": 2})
    out = res.output
    speaker = _soup(out, "speakers/orla-venn/index.html")
    topic_link = speaker.select_one("a.topic-link")
    assert topic_link is not None and topic_link["href"].endswith("tag/orla-venn.html")
    tag = _soup(out, "tag/orla-venn.html")
    assert tag.select_one("a.speaker-link")["href"].endswith("speakers/orla-venn/")
    people = _soup(out, "speakers/by-type/people/index.html")
    names = [a.get_text() for a in people.select("table.speakers th[scope=row] a")]
    assert names == ["Orla Venn"]
    orgs = _soup(out, "speakers/by-type/organisations/index.html")
    assert [a.get_text() for a in orgs.select("table.speakers th[scope=row] a")] == ["Lantern Guild"]
    index = _soup(out, "speakers/index.html")
    type_links = {a.get_text(): a["href"] for a in index.select("nav.type-links a")}
    assert type_links == {"people": "/speakers/by-type/people/", "organisations": "/speakers/by-type/organisations/"}
    # the editor's review report: written, never linked from the site
    report = (out / "newsgraph-review.txt").read_text(encoding="utf-8")
    assert "Likely duplicates" in report and "Lantern Guild" in report      # one quote
    assert not any("newsgraph-review" in p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
