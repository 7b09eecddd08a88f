"""Golden test: the project's spec article through ``newsgraph extract`` (the CLI path).

The article is vendored in tests/data/seed_article.txt (byte-identical to content/seed/).
"""
import json
import os

import pytest

from newsgraph import cli

SEED = os.path.join(os.path.dirname(__file__), "data", "seed_article.txt")

#: quoted words -> expected speaker (a name of the resolved entity or one of its aliases)
EXPECTED = {
    "dismantle": "Jeff Sessions",
    "Let me repeat my call": "Jeff Sessions",
    "Some cities, counties": "Jeff Sessions",
    "By placing conditions": "Jeff Sessions",
    "fighting for": "Trump",
    "Ralph Northam, who is running": "Trump",
    "Vote Ed Gillespie!": "Trump",
    "a commitment to reducing crime": "Department of Justice",
}


@pytest.fixture(scope="module")
def seed():
    import io
    import sys

    out, old = io.StringIO(), sys.stdout
    sys.stdout = out
    try:
        status = cli.main(["extract", SEED])
    finally:
        sys.stdout = old
    assert status == 0
    lines = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    assert len(lines) == 1
    return lines[0]


def _quote_with(seed, words):
    found = [q for q in seed["quotes"] if q["kind"] in ("direct", "partial")
             and any(words in m["text"] for m in q.get("marked", []))]
    assert found, f"no quotation containing {words!r}"
    return found[0]


def _names(seed, speaker):
    for e in seed["entities"]:
        if e["name"] == speaker["name"]:
            return {e["name"], *e.get("aliases", [])}
    return {speaker["name"]}


@pytest.mark.parametrize("words,who", sorted(EXPECTED.items()))
def test_every_quotation_has_the_right_speaker(seed, words, who):
    q = _quote_with(seed, words)
    assert q["speaker"] is not None, q
    assert who in _names(seed, q["speaker"]), q["speaker"]


def test_the_doj_quote_is_credited_to_the_organisation_entity(seed):
    q = _quote_with(seed, "a commitment to reducing crime")
    assert q["speaker"]["type"] == "Organization"
    assert "DOJ" in _names(seed, q["speaker"])
    assert q["kind"] == "partial"
    assert "a commitment to reducing crime stemming from illegal immigration" in q["contents"][0]["text"]


def test_he_said_source_is_the_pronoun_but_the_speaker_is_sessions(seed):
    q = _quote_with(seed, "By placing conditions")
    assert [s["text"] for s in q["sources"]] == ["he"]
    assert q["speaker"]["name"] == "Jeff Sessions"


def test_partial_quote_content_is_the_reported_clause(seed):
    q = _quote_with(seed, "dismantle")
    assert q["kind"] == "partial"
    text = q["contents"][0]["text"]
    assert "the MS-13 gang" in text and "sanctuary cities" in text


def test_no_pronoun_speakers_and_no_quote_from_the_widget_or_credit(seed):
    for q in seed["quotes"]:
        if q["speaker"] is not None:
            assert q["speaker"]["name"].lower() not in ("he", "she", "they", "it")
        for s in q["contents"]:
            assert "There is enough there to proceed" not in s["text"]
            assert "Camille Fine" not in s["text"]
    assert not any(s["name"] in ("Camille Fine", "Beto O'Rourke", "Rosenstein", "Emmet Flood", "McGahn")
                   for s in seed["speakers"])


def test_speaker_list(seed):
    names = [s["name"] for s in seed["speakers"]]
    assert names[:2] == ["Jeff Sessions", "Trump"]
    assert any("Department of Justice" == n for n in names)


def test_nothing_is_quoted_from_the_headline(seed):
    text = open(SEED, encoding="utf-8").read()
    headline_end = text.index("\n")
    assert not [q for q in seed["quotes"] if any(s["start"] < headline_end for s in q["contents"])]


def test_speakers_are_salient(seed):
    salient = {e["name"] for e in seed["entities"] if e.get("salient")}
    assert {"Jeff Sessions", "Trump"} <= salient


def test_headline_repeated_in_a_markdown_body_is_not_a_quote(extract):
    """The demo's content/sessions-ms13.md repeats the headline as the first paragraph."""
    body = open(SEED, encoding="utf-8").read()
    headline = body.splitlines()[0]
    result = extract(body, title=headline, format="markdown")
    assert result.quotes
    first_para_end = len(headline)
    assert all(q.start >= first_para_end for q in result.quotes), [q.text for q in result.quotes if q.start < first_para_end]
