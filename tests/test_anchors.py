"""Quotes marked in place in the article HTML (anchors.mark_quotes)."""
from bs4 import BeautifulSoup

from newsgraph.site.anchors import mark_quotes


def marks(html):
    return [(m.get("id"), m["data-quote"], m.get_text()) for m in BeautifulSoup(html, "html.parser").select("mark")]


def test_quote_is_marked_with_its_anchor_and_the_text_is_unchanged():
    html = '<p>He said: "We will <em>never</em> give up &amp; never\n surrender," at the rally.</p>'
    res = mark_quotes(html, [(3, ["We will never give up & never surrender,"])])
    assert res.marked == {3}
    assert marks(res.html) == [("quote-3", "3", "We will "), (None, "3", "never"), (None, "3", " give up & never\n surrender,")]
    assert BeautifulSoup(res.html, "html.parser").get_text() == BeautifulSoup(html, "html.parser").get_text()


def test_repeated_words_mark_the_occurrence_in_article_order():
    html = "<p>“Yes,” she said.</p><p>“No,” he said. “Yes,” she said again.</p>"
    res = mark_quotes(html, [(1, ["Yes,"]), (2, ["No,"]), (3, ["Yes,"])])
    soup = BeautifulSoup(res.html, "html.parser")
    assert soup.find(id="quote-1").parent.name == "p" and "she said." in soup.find_all("p")[0].get_text()
    assert soup.find(id="quote-3") in soup.find_all("p")[1].find_all("mark")


def test_interrupted_quote_marks_both_parts_one_anchor():
    html = "<p>“The gang recruits kids,” Roe said, “and we will stop it.”</p>"
    res = mark_quotes(html, [(4, ["The gang recruits kids,", "and we will stop it."])])
    assert [m[0] for m in marks(res.html)] == ["quote-4", None]


def test_a_quote_not_in_the_html_is_left_unmarked():
    html = "<p>Nothing here.</p><script>var q = 'Hidden words';</script>"
    res = mark_quotes(html, [(1, ["Hidden words"]), (2, ["Nothing here."])])
    assert res.marked == {2} and "<mark" not in res.html.split("<script>")[1]
    assert mark_quotes(html, [(1, ["absent"])]).html == html
