"""Interrupted builds (crash, kill -9, Ctrl-C, CI time-out): no stale output, nothing lost.

The fault-injection tests run a build in a subprocess that ends itself at a named step, like
``kill -9`` (``os._exit``: no cleanup), through the test-only hook ``settings.exit_point``
(environment variable ``NEWSGRAPH_TEST_EXIT_AT``), then rebuild in this process.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import article, build

TESTS = Path(__file__).resolve().parent
KEEP = {"DELETE_OUTPUT_DIRECTORY": False}        # (Pelican would empty output/: nothing to skip)

BODY_ONE = ('"We did our job," said Councilwoman Ann Lee after the vote on the harbour plan. '
            "Lee said the Harbour Trust would pay for the new quay.\n\n"
            "The Harbour Trust has run the port since 1990. Ann Lee chairs the council's port committee.")
BODY_TWO = ('"Ships are moving again," said Raj Patel, the port director. Patel thanked the '
            "Harbour Trust for its patience.\n\nThe Harbour Trust said the quay would open in May.")
ARTICLES = {
    "one": article("Council backs harbour plan", BODY_ONE, date="2021-05-01"),
    "two": article("Port reopens", BODY_TWO, date="2021-05-02"),
    "three": article("Library hours", "The library will open at nine. Children's hour is on Saturdays.",
                     date="2021-05-03"),
}
#: the edit: Ann Lee's quote changes, and Raj Patel becomes Rajesh Patel (a new speaker page)
EDITED = dict(ARTICLES, one=ARTICLES["one"].replace("We did our job", "We were misled"),
              two=ARTICLES["two"].replace("said Raj Patel", "said Rajesh Patel"))


def snapshot(out: Path) -> dict:
    return {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def killed_build(tmp_path: Path, articles: dict, point: str, settings: dict | None = None) -> None:
    """Build ``articles`` in a subprocess that ends itself (like kill -9) at ``point``."""
    code = ("import json, sys; sys.path.insert(0, sys.argv[1]); from sitebuild import build; "
            "build(sys.argv[2], json.loads(sys.argv[3]), settings=json.loads(sys.argv[4]))")
    proc = subprocess.run([sys.executable, "-c", code, str(TESTS), str(tmp_path), json.dumps(articles),
                           json.dumps({**KEEP, **(settings or {})})],
                          env=dict(os.environ, NEWSGRAPH_TEST_EXIT_AT=point), capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 75, f"the build was not interrupted at {point}:\n{proc.stdout}\n{proc.stderr}"


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """A clean build of ARTICLES: the output every rebuild of them must give, byte for byte."""
    tmp = tmp_path_factory.mktemp("clean")
    build(tmp, ARTICLES, settings={"DELETE_OUTPUT_DIRECTORY": True})
    res = build(tmp, ARTICLES, settings=KEEP)     # (same settings as below: same site signature)
    out = snapshot(res.output)
    assert "We did our job" in res.read("speakers/ann-lee/index.html")
    assert any("tag" in p.parts for p in out)                       # the site has topic pages
    return out


@pytest.mark.parametrize("point", ["topic-page:1", "speaker-page:1", "finalized"])
def test_a_build_killed_after_writing_pages_leaves_no_stale_output_after_a_revert(tmp_path, clean, point):
    build(tmp_path, ARTICLES, settings=KEEP)
    assert snapshot(tmp_path / "output") == clean
    killed_build(tmp_path, EDITED, point)            # edit, then kill the build at `point`
    res = build(tmp_path, ARTICLES, settings=KEEP)   # revert, rebuild
    after = snapshot(res.output)
    assert "We were misled" not in res.read("speakers/ann-lee/index.html")
    assert not [p for p in after if "rajesh" in str(p)]      # the interrupted build's new pages are gone
    assert after == clean
    assert "the last build into" in res.log and "did not finish" in res.log
    page = tmp_path / "output" / "speakers" / "ann-lee" / "index.html"
    written = page.stat().st_mtime_ns
    assert not list((tmp_path / "cache").rglob("*.journal"))
    res = build(tmp_path, ARTICLES, settings=KEEP)   # and the next build trusts its record again
    assert "did not finish" not in res.log
    assert page.stat().st_mtime_ns == written        # (not rewritten)
    assert snapshot(res.output) == clean


def test_a_build_killed_during_analysis_keeps_what_it_analysed(tmp_path, clean):
    killed_build(tmp_path, ARTICLES, "analysed:2")   # cold build, killed after 2 of 3 articles
    res = build(tmp_path, ARTICLES, settings=KEEP)
    assert res.stats == (1, 3, 2)
    assert snapshot(res.output) == clean


def test_an_edit_killed_during_analysis_then_reverted_gives_the_clean_output(tmp_path, clean):
    build(tmp_path, ARTICLES, settings=KEEP)
    killed_build(tmp_path, EDITED, "analysed:1")
    res = build(tmp_path, ARTICLES, settings=KEEP)
    assert snapshot(res.output) == clean


def test_ctrl_c_while_writing_speaker_pages_then_a_revert_in_the_same_process(tmp_path, clean, monkeypatch):
    """Ctrl-C (or an exception an ``--autoreload`` loop catches) inside this process: the build's
    state is never stored, and the next build renders the plugin's pages again."""
    from pelican.plugins.newsgraph.generator import SpeakersGenerator

    build(tmp_path, ARTICLES, settings=KEEP)
    real = SpeakersGenerator._write_speaker

    def interrupted(self, *args, **kwargs):
        real(self, *args, **kwargs)
        raise KeyboardInterrupt
    monkeypatch.setattr(SpeakersGenerator, "_write_speaker", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(tmp_path, EDITED, settings=KEEP)
    monkeypatch.setattr(SpeakersGenerator, "_write_speaker", real)
    res = build(tmp_path, ARTICLES, settings=KEEP)
    assert "We were misled" not in res.read("speakers/ann-lee/index.html")
    assert snapshot(res.output) == clean
    assert "did not finish" in res.log
