"""Text stage: blocks, exact offsets, boilerplate (credits, glued widgets, embedded tweets)."""
import os

import pytest

from newsgraph.engine import text
from newsgraph.engine.text import Boilerplate, from_html, from_markdown, from_plain

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "content", "seed", "000_c0eb73401adad504.txt")

# A hand-made related-link widget in the style scraped from news sites: the speaker's name,
# glued to their full legal name, glued to three headlines, then an all-caps "MORE".
WIDGET = ("Senator Maria Delgado said the bill would pass.\n\n"
          "Budget Director Tom HalversonThomas (Tom) Edward HalversonLawmakers on shutdown: 'We are not "
          "there yet' Senate panel to vote next week McGahn returns as adviser MORE told reporters the "
          "budget was balanced.\n\nHalverson later left.")


def clean_blocks(doc):
    return [doc.clean[b.start:b.end] for b in doc.blocks]


def assert_exact(doc):
    """Every kept clean character maps to the same character in the source."""
    for cs, ss, n in doc._segments:
        assert doc.clean[cs:cs + n] == doc.source[ss:ss + n]
    for b in doc.blocks:
        sp = doc.span(b.start, b.end)
        assert sp.text == doc.source[sp.start:sp.end]
        assert doc.clean[b.start:b.end].strip() and sp.text.startswith(doc.clean[b.start:b.start + 1])


# --------------------------------------------------------------------------- plain text

def test_plain_blocks_and_offsets_are_the_raw_text():
    src = "First paragraph here.\nStill first.\n\n  Second one.  \n\n\nThird."
    doc = from_plain(src)
    assert doc.source == src
    assert clean_blocks(doc) == ["First paragraph here.\nStill first.", "Second one.", "Third."]
    assert doc.clean == src  # nothing to cut
    sp = doc.span(doc.clean.index("Second"), doc.clean.index("Second") + 6)
    assert (sp.text, src[sp.start:sp.end]) == ("Second", "Second")
    assert_exact(doc)


def test_widget_is_cut_and_offsets_stay_exact():
    doc = from_plain(WIDGET)
    assert "Budget Director Tom Halverson told reporters the budget was balanced." in doc.clean
    for gone in ("Thomas (Tom)", "Lawmakers on shutdown", "We are not there yet", "McGahn", "MORE"):
        assert gone not in doc.clean
    (s, e, why), = doc.removed
    assert why == "related-link widget"
    assert WIDGET[s:e].startswith("Thomas (Tom)") and WIDGET[s:e].endswith("MORE")
    i = doc.clean.index("told")
    sp = doc.span(i, i + len("told reporters"))
    assert sp.text == "told reporters" and WIDGET[sp.start:sp.end] == "told reporters"
    j = doc.clean.index("Tom Halverson")
    assert doc.span(j, j + len("Tom Halverson")).text == "Tom Halverson"
    assert_exact(doc)


@pytest.mark.parametrize("sentence", [
    "White House counsel Don McGahn left. Gov. Ron DeSantis and Beto O'Rourke spoke. MORE later.",
    "General MacArthur returned. MacArthur said so, and MORE troops came.",
    "McDonald's sells burgers. McDonald's said MORE stores open.",
    "The iPhone maker posted on LinkedIn and YouTube. YouTube said MORE videos came.",
    "LinkedIn said LinkedIn users want MORE jobs.",
    "Sessions said SessionsMORE is not a word, and NASA said MORE.",
])
def test_real_names_are_not_widgets(sentence):
    doc = from_plain(sentence)
    assert doc.clean == sentence
    assert doc.removed == []


def test_seed_article_boilerplate():
    if not os.path.exists(SEED):
        pytest.skip("seed article not vendored")
    with open(SEED, encoding="utf-8") as f:
        src = f.read()
    doc = from_plain(src)
    assert ("Attorney General Jeff Sessions called on\u00a0federal law enforcement" in doc.clean
            or "Attorney General Jeff Sessions called on federal law enforcement" in doc.clean)
    for gone in ("Camille Fine", "Beto", "Rosenstein", "Emmet Flood", "McGahn", "enough there to proceed"):
        assert gone not in doc.clean
    assert {why for _, _, why in doc.removed} == {"photo credit", "related-link widget"}
    assert [b.kind for b in doc.blocks[:3]] == ["heading", "heading", "p"]
    assert_exact(doc)


@pytest.mark.parametrize("line", [
    "© Jane Roe", "(c) Reuters 2019", "Copyright 2020 The Daily Example",
    "Photo: Jane Roe for The Example", "Photo by Jane Roe", "Credit: Jane Roe/Example Times",
    "Photograph: Jane Roe", "Image courtesy of Jane Roe",
    "Getty Images", "Jane Roe/Getty Images", "(AP Photo/Jane Roe)", "AFP via Getty Images",
    "Win McNamee/Getty Images", "Getty.", "Getty/Instagram.", "Jane Roe / Reuters.",
    "The senator speaks in Ohio on May 2, 2016. (JANE ROE/AFP/Getty Images)",
])
def test_credit_lines_are_cut(line):
    src = f"The mayor spoke on Monday.\n{line}\n\nShe said it was over."
    doc = from_plain(src)
    assert line not in doc.clean, doc.removed
    assert "The mayor spoke on Monday." in doc.clean and "She said it was over." in doc.clean
    assert [why for _, _, why in doc.removed] == ["photo credit"]


@pytest.mark.parametrize("line", [
    "Photographers said the light was perfect.",
    "Reuters reported that the talks had failed.",
    "He told AP that he would run again.",
    "Credit card debt rose by 4 percent, the report said.",
    "Pictures of the storm spread online.",
    "The Reuters/Ipsos poll showed the mayor ahead.",
    "ORLANDO, Fla. (Reuters) - The mayor met survivors on Thursday.",
    "She told The Associated Press on Monday that the inquiry was independent.",
])
def test_story_lines_that_look_like_credits_are_kept(line):
    doc = from_plain(f"{line}\n\nNext paragraph.")
    assert line in doc.clean and doc.removed == []


def test_tweet_markup_in_plain_text_is_an_embed():
    tweet = "Big news today! pic.twitter.com/abc — Jane Roe (@janeroe) May 1, 2016"
    src = (f"Roe celebrated online.\n\n<tweet id=\"1\" author=\"@janeroe\" datetime=\"2016-05-01\">{tweet}</tweet>.\n\n"
           f"<tweet tweet-id=\"2\"><tweet/>\n\nShe then said it was fine.")
    doc = from_plain(src)
    assert "<tweet" not in doc.clean and "Big news" not in doc.clean
    assert "Roe celebrated online." in doc.clean and "She then said it was fine." in doc.clean
    (emb,) = doc.embeds
    assert emb.kind == "tweet" and emb.author == "@janeroe" and emb.span.text == tweet
    assert src[emb.span.start:emb.span.end] == tweet
    assert [why for _, _, why in doc.removed] == ["embedded tweet", "embedded tweet"]
    assert_exact(doc)


def test_tweets_can_be_kept_as_text():
    src = 'Intro.\n\n<tweet id="1" author="@janeroe">We will win!</tweet>\n\nOutro.'
    doc = from_plain(src, Boilerplate(tweets="text"))
    assert clean_blocks(doc) == ["Intro.", "We will win!", "Outro."]
    assert doc.embeds[0].author == "@janeroe" and "<tweet" not in doc.clean
    assert_exact(doc)


def test_extra_patterns_are_configurable():
    src = "The council met.\n\nSign up for our newsletter here!\n\nIt voted yes."
    assert "Sign up" in from_plain(src).clean
    doc = from_plain(src, Boilerplate(extra_patterns=(r"^Sign up for our newsletter.*$",)))
    assert "Sign up" not in doc.clean and "It voted yes." in doc.clean
    assert clean_blocks(doc) == ["The council met.", "It voted yes."]
    assert doc.removed[0][2].startswith("pattern")


def test_widgets_can_be_switched_off():
    assert "Thomas (Tom)" in from_plain(WIDGET, Boilerplate(widgets=False)).clean


def test_empty_and_blank_input():
    for src in ("", "   \n\n  "):
        for doc in (from_plain(src), from_html(src), from_markdown(src)):
            assert doc.blocks == [] and doc.clean.strip() == ""
            assert doc.span(0, 0).text == ""


# --------------------------------------------------------------------------- HTML / Markdown

def test_html_blocks_entities_br_and_inline_markup():
    html = ("<html><head><title>x</title><style>p{}</style></head><body>"
            "<h1>Council &amp; mayor agree</h1>"
            "<p>The <b>mayor <i>said</i></b> &ldquo;yes&rdquo; &amp; left.<!-- a comment --></p>"
            "<p>Line one<br>line two</p>"
            "<figure><img src='a.jpg'><figcaption>The mayor, right. Photo: Jane Roe</figcaption></figure>"
            "<blockquote><p>We did it.</p><p>Together.</p></blockquote>"
            "<ul><li>First item<ul><li>Nested item</li></ul></li><li>Second item</li></ul>"
            "<table><tr><th>Name</th><td>Votes</td></tr></table>"
            "<script>var x = 'He said \"no\"';</script>"
            "</body></html>")
    doc = from_html(html)
    blocks = [(b.kind, doc.clean[b.start:b.end]) for b in doc.blocks]
    assert blocks == [
        ("heading", "Council & mayor agree"),
        ("p", "The mayor said \u201cyes\u201d & left."),
        ("p", "Line one\nline two"),
        ("blockquote", "We did it."), ("blockquote", "Together."),
        ("li", "First item"), ("li", "Nested item"), ("li", "Second item"),
        ("cell", "Name"), ("cell", "Votes"),
    ]
    for gone in ("Jane Roe", "a comment", "var x", "Photo:"):
        assert gone not in doc.source
    assert_exact(doc)


def test_html_embedded_tweet_is_kept_out_of_the_story():
    html = ("<p>The senator replied on Twitter.</p>"
            "<blockquote class=\"twitter-tweet\"><p>We will win. Vote!</p>&mdash; Jane Roe (@janeroe) "
            "<a href=\"https://twitter.com/janeroe/status/1\">May 1, 2016</a></blockquote>"
            "<p>She later deleted it.</p>")
    doc = from_html(html)
    assert "We will win" not in doc.clean
    assert clean_blocks(doc)[0] == "The senator replied on Twitter."
    assert clean_blocks(doc)[-1] == "She later deleted it."
    (emb,) = doc.embeds
    assert emb.author == "@janeroe" and "We will win. Vote!" in emb.span.text
    assert doc.source[emb.span.start:emb.span.end] == emb.span.text


def test_html_credit_paragraph_and_caption_class():
    html = ("<p>Voters lined up early.</p><p>Photo: Jane Roe/Getty Images</p>"
            "<p class=\"wp-caption-text\">Voters in line.</p><p>Turnout was high.</p>")
    doc = from_html(html)
    assert clean_blocks(doc) == ["Voters lined up early.", "Turnout was high."]


def test_html_block_inside_inline_element():
    doc = from_html("<div><a href='#'><p>Linked paragraph.</p></a>Tail text.</div>")
    assert clean_blocks(doc) == ["Linked paragraph.", "Tail text."]


def test_markdown_headings_quotes_lists():
    md = "# The headline\n\nA paragraph with *emphasis*.\n\n> A quoted line.\n\n- one\n- two\n"
    doc = from_markdown(md)
    assert [(b.kind, doc.clean[b.start:b.end]) for b in doc.blocks] == [
        ("heading", "The headline"), ("p", "A paragraph with emphasis."),
        ("blockquote", "A quoted line."), ("li", "one"), ("li", "two")]
    assert doc.block_at(doc.clean.index("emphasis")).kind == "p"
    assert doc.block_at(doc.clean.index("A paragraph") - 1) is None


def test_markdown_widget_and_credit():
    md = "Headline here\n\u00a9 Jane Roe\n\n" + WIDGET
    doc = from_markdown(md)
    assert "Jane Roe" not in doc.clean and "Thomas (Tom)" not in doc.clean
    assert "Budget Director Tom Halverson told reporters" in doc.clean
    assert_exact(doc)


def test_span_across_a_cut_covers_the_source_between():
    doc = from_plain(WIDGET)
    i = doc.clean.index("Halverson told")
    sp = doc.span(i, i + len("Halverson told"))
    assert sp.text.startswith("HalversonThomas") and sp.text.endswith("told")
    assert "MORE" in sp.text  # the source range is contiguous, so it contains the cut material


def test_to_source_is_monotonic():
    doc = from_plain(WIDGET)
    mapped = [doc.to_source(i) for i in range(len(doc.clean) + 1)]
    assert mapped == sorted(mapped)
    assert text.TextDoc  # public name kept


def test_absurdly_deep_html_does_not_crash():
    doc = from_html("<div>" * 3000 + "Deep text." + "</div>" * 3000)
    assert clean_blocks(doc) == ["Deep text."]


def test_markdown_paragraph_repeating_a_headline_is_a_heading():
    doc = text.from_markdown("Mayor calls plan 'dead' at hearing\n\n\"It is dead,\" the mayor said.\n")
    kinds = [(doc.clean[b.start:b.end], b.kind) for b in doc.blocks]
    assert kinds[0] == ("Mayor calls plan 'dead' at hearing", "heading")
    assert kinds[1][1] == "p"
