"""Incremental builds: the cache makes a rebuild analyse only what changed."""
import re
from pathlib import Path

import pytest
from sitebuild import article, build

ARTICLES = {
    "one": article("Council votes", '"We did our job," said Councilwoman Ann Lee after the vote.', date="2021-05-01"),
    "two": article("Port reopens", '"Ships are moving again," said Raj Patel, the port director.', date="2021-05-02"),
    "three": article("Library hours", "The library will open at nine. Children's hour is on Saturdays.",
                     date="2021-05-03"),
}


@pytest.fixture
def cold(tmp_path):
    res = build(tmp_path, ARTICLES)
    assert res.stats == (3, 3, 0)
    assert "newsgraph: 3 of 3 articles analysed, 0 from cache" in res.log
    return tmp_path


def test_rebuild_with_nothing_changed_analyses_nothing_and_never_loads_the_model(cold, monkeypatch):
    from newsgraph.engine import nlp

    def boom(*a, **k):
        raise AssertionError("spaCy must not be loaded when everything is cached")
    monkeypatch.setattr(nlp, "load", boom)
    res = build(cold, ARTICLES)
    assert res.stats == (0, 3, 3)
    assert "newsgraph: 0 of 3 articles analysed, 3 from cache" in res.log
    assert "Ann Lee" in res.read("speakers/index.html")                 # pages still complete


def test_editing_one_article_reanalyses_only_it(cold):
    arts = dict(ARTICLES, two=ARTICLES["two"].replace("again", "once more"))
    res = build(cold, arts)
    assert res.stats == (1, 3, 2)
    assert "once more" in res.read("speakers/raj-patel/index.html")


def test_corrupt_entry_is_warned_about_and_recomputed(cold):
    entries = sorted((cold / "cache" / "newsgraph").glob("*/*.json"))
    assert len(entries) == 3
    entries[0].write_bytes(entries[0].read_bytes()[:40])
    res = build(cold, ARTICLES)
    assert res.stats == (1, 3, 2)
    assert any(str(entries[0]) in w and "corrupt" in w for w in res.warnings)
    assert build(cold, ARTICLES).stats == (0, 3, 3)                   # rewritten, good again


def test_entries_no_article_uses_and_old_generations_are_pruned(cold):
    root = cold / "cache" / "newsgraph"

    def generations():
        return sorted(d.name for d in root.iterdir() if d.is_dir())
    (first,) = generations()
    arts = dict(ARTICLES, two=ARTICLES["two"].replace("again", "once more"))
    del arts["three"]
    assert build(cold, arts).stats == (1, 2, 1)
    assert len(list((root / first).glob("*.json"))) == 2     # the edited and the deleted article's gone
    build(cold, arts, settings={"NEWSGRAPH_INDIRECT": False})
    assert len(generations()) == 2
    assert build(cold, arts).stats == (0, 2, 2)               # switching back costs nothing
    build(cold, arts, settings={"NEWSGRAPH_BOILERPLATE": ["^Ignore this$"]})
    assert len(generations()) == 2 and first in generations()  # the least recently used went
    assert build(cold, arts).stats == (0, 2, 2)
    assert build(cold, arts, settings={"NEWSGRAPH_CACHE_PRUNE": False,
                                       "NEWSGRAPH_INDIRECT": False}).stats == (2, 2, 0)
    assert len(generations()) == 3                            # pruning off: nothing removed


def test_a_setting_that_changes_results_invalidates(cold):
    res = build(cold, ARTICLES, settings={"NEWSGRAPH_INDIRECT": False})
    assert res.stats == (3, 3, 0)
    # presentation settings do not
    assert build(cold, ARTICLES, settings={"NEWSGRAPH_INDIRECT": False,
                                           "NEWSGRAPH_QUOTES_PER_PAGE": 1}).stats == (0, 3, 3)


def test_a_model_change_invalidates(cold, monkeypatch):
    from newsgraph.site import cache

    real = cache.model_identity
    monkeypatch.setattr(cache, "model_identity", lambda name: real(name) + "-other")
    assert build(cold, ARTICLES).stats == (3, 3, 0)


def _snapshot(out):
    return {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_warm_build_skips_unchanged_plugin_pages_but_output_is_identical(cold):
    before = _snapshot(cold / "output")
    res = build(cold, ARTICLES)                      # DELETE_OUTPUT_DIRECTORY is on in sitebuild
    assert _snapshot(res.output).keys() >= {p for p in before if "speakers" not in p.parts
                                            and "tag" not in p.parts}
    res = build(cold, ARTICLES, settings={"DELETE_OUTPUT_DIRECTORY": False})
    res = build(cold, ARTICLES, settings={"DELETE_OUTPUT_DIRECTORY": False})
    assert re.search(r"newsgraph: 0 speaker pages written, 2 unchanged", res.log)
    assert _snapshot(res.output) == before
    (res.output / "speakers" / "ann-lee" / "index.html").unlink()
    res = build(cold, ARTICLES, settings={"DELETE_OUTPUT_DIRECTORY": False})
    assert re.search(r"newsgraph: 1 speaker pages written, 1 unchanged", res.log)
    assert _snapshot(res.output) == before


@pytest.mark.parametrize("damage", ["truncate", "garble", "flip-text", "flip-index", "delete"])
def test_a_damaged_jsonld_memo_only_means_rendering_the_jsonld_again(tmp_path, damage, monkeypatch):
    from pelican.plugins.newsgraph import pelican_glue

    theme = str(Path(__file__).resolve().parent.parent / "theme")     # calls newsgraph_jsonld()
    cold = tmp_path
    build(cold, ARTICLES, settings={"DELETE_OUTPUT_DIRECTORY": False}, theme=theme)    # (same settings:
    before = _snapshot(cold / "output")                                                #  same site signature)
    (memo,) = (cold / "cache" / "newsgraph").glob("jsonld-*.bin")
    data = memo.read_bytes()
    head, _, rest = data.partition(b"\n")
    meta, _, body = rest.partition(b"\n")
    assert body and b'"index"' in meta
    top = len(head) + 1 + len(meta) + 1
    if damage == "truncate":
        memo.write_bytes(data[: top + len(body) // 2])
    elif damage == "garble":
        memo.write_bytes(data[:top] + b"\xff" * len(body))
    elif damage == "flip-text":                   # one character of one page's JSON-LD: still valid UTF-8
        i = top + body.index(b"Raj Patel")
        memo.write_bytes(data[:i] + b"Raj Petel" + data[i + 9:])
    elif damage == "flip-index":                  # one digit of the index: still valid JSON
        i = len(head) + 1 + meta.index(b", 1") + 2
        memo.write_bytes(data[:i] + (b"2" if data[i:i + 1] != b"2" else b"3") + data[i + 1:])
    else:
        memo.unlink()
    renders = []
    real = pelican_glue._jsonld_renderer

    def counting():
        render = real()
        return lambda *a, **k: renders.append(1) or render(*a, **k)
    monkeypatch.setattr(pelican_glue, "_jsonld_renderer", counting)
    res = build(cold, ARTICLES, settings={"DELETE_OUTPUT_DIRECTORY": False}, theme=theme)
    assert renders                                   # the damaged entries were rendered again
    assert _snapshot(cold / "output") == before      # to the same text, never the damaged one
    reported = [w for w in res.warnings if str(memo) in w and "damaged" in w]
    assert len(reported) == (0 if damage == "delete" else 1)
    renders.clear()
    build(cold, ARTICLES, settings={"DELETE_OUTPUT_DIRECTORY": False}, theme=theme)
    assert not renders                               # and stored again


def test_a_missing_model_is_an_error_not_a_crash_and_nothing_is_cached(tmp_path):
    res = build(tmp_path, ARTICLES, settings={"NEWSGRAPH_MODEL": "no_such_pipeline_xyz"}, expect_errors=True)
    assert any("cannot load the spaCy pipeline" in r.getMessage() for r in res.records)
    assert (res.output / "council-votes.html").is_file()                 # the site is still built
    assert not list((tmp_path / "cache" / "newsgraph").glob("*/*.json"))


def test_warm_build_reuses_the_site_registry_until_an_input_changes(cold, monkeypatch):
    from newsgraph.site import registry

    keep = {"DELETE_OUTPUT_DIRECTORY": False}
    before = _snapshot(cold / "output")
    real = registry.build

    def boom(*a, **k):
        raise AssertionError("the site registry must come from the cache when nothing changed")
    monkeypatch.setattr(registry, "build", boom)
    res = build(cold, ARTICLES, settings=keep)
    assert _snapshot(res.output) == before
    monkeypatch.setattr(registry, "build", real)
    # the alias file is an input: a rename takes effect
    aliases = cold / "aliases.json"
    aliases.write_text('{"rename": {"Raj Patel": "Rajesh Patel"}}', encoding="utf-8")
    res = build(cold, ARTICLES, settings={**keep, "NEWSGRAPH_ALIASES": str(aliases)})
    assert "Rajesh Patel" in res.read("speakers/index.html")
    # so is an article's date (quotes are listed newest first)
    arts = dict(ARTICLES, one=ARTICLES["one"].replace("2021-05-01", "2021-06-01"))
    res = build(cold, arts, settings={**keep, "NEWSGRAPH_ALIASES": str(aliases)})
    assert "2021-06-01" in res.read("speakers/index.html")
    # a damaged registry cache is warned about and rebuilt
    stored = cold / "cache" / "newsgraph" / "registry.pickle"
    stored.write_bytes(stored.read_bytes()[:-200])
    res = build(cold, arts, settings={**keep, "NEWSGRAPH_ALIASES": str(aliases)})
    assert any("registry cache" in w and "damaged" in w for w in res.warnings)
    assert "Rajesh Patel" in res.read("speakers/index.html")
    assert not any("registry cache" in w for w in build(cold, arts, settings={
        **keep, "NEWSGRAPH_ALIASES": str(aliases)}).warnings)


def test_pages_of_a_speaker_who_is_gone_are_removed_and_nothing_else(cold):
    keep = {"DELETE_OUTPUT_DIRECTORY": False}
    out = cold / "output"
    build(cold, ARTICLES, settings=keep)
    mine = out / "speakers" / "notes.txt"                  # a file the plugin did not write
    mine.write_text("keep me", encoding="utf-8")
    assert (out / "speakers" / "raj-patel" / "index.html").is_file()
    res = build(cold, {k: v for k, v in ARTICLES.items() if k != "two"}, settings=keep)
    assert not (out / "speakers" / "raj-patel").exists()                 # page, feed and folder
    assert (out / "speakers" / "ann-lee" / "index.html").is_file()
    assert mine.read_text(encoding="utf-8") == "keep me"
    assert "Raj Patel" not in res.read("speakers/index.html")
    # a rename: the old slug's pages go, the new ones come
    aliases = cold / "aliases.json"
    aliases.write_text('{"rename": {"Ann Lee": "Ann B. Lee"}}', encoding="utf-8")
    build(cold, ARTICLES, settings={**keep, "NEWSGRAPH_ALIASES": str(aliases)})
    assert not (out / "speakers" / "ann-lee").exists()
    assert (out / "speakers" / "ann-b-lee" / "index.html").is_file()
    assert (out / "speakers" / "raj-patel" / "index.html").is_file()      # back with its article


def _touch(path):
    import os
    import time
    later = time.time() + 10                      # surely newer than the cache entries just written
    os.utime(path, (later, later))


def test_touching_one_article_reanalyses_it_as_pelican_checks_mtime(cold):
    _touch(cold / "content" / "two.md")
    res = build(cold, ARTICLES)
    assert res.stats == (1, 3, 2)
    assert "1 unchanged but touched" in res.log
    assert build(cold, ARTICLES).stats == (0, 3, 3)


def test_with_a_content_hash_check_touching_reanalyses_nothing(cold):
    _touch(cold / "content" / "two.md")
    assert build(cold, ARTICLES, settings={"CHECK_MODIFIED_METHOD": "sha256"}).stats == (0, 3, 3)


TAGGED = {
    "fires": article("Mayor blames gang for fires", """
Mayor Jane Roe said on Monday that the Harbor Gang was behind the fires.

"We will shut the Harbor Gang down," Roe said. "Nobody is above the law."

Police Chief Tom Baker said the Harbor Gang had recruited teenagers.
""", date="2020-03-02", tags="Local news"),
}


def test_unchanged_topic_tags_stay_out_of_pelicans_tag_loops_and_output_is_identical(tmp_path, monkeypatch):
    from pelican.generators import ArticlesGenerator

    seen = {}
    for name in ("generate_tags", "generate_feeds"):          # which tags Pelican's own loops see
        def spy(self, *args, _real=getattr(ArticlesGenerator, name), _name=name, **kwargs):
            seen[_name] = {t.slug for t in self.tags}
            return _real(self, *args, **kwargs)
        monkeypatch.setattr(ArticlesGenerator, name, spy)
    keep = {"DELETE_OUTPUT_DIRECTORY": False}
    res = build(tmp_path, TAGGED, settings=keep)
    out = res.output
    every = seen["generate_tags"]
    assert seen["generate_feeds"] == every and {"local-news", "harbor-gang"} <= every
    before = _snapshot(out)
    res = build(tmp_path, TAGGED, settings=keep)
    assert seen["generate_tags"] == seen["generate_feeds"] == {"local-news"}   # the author's tag always
    assert _snapshot(out) == before
    # a missing output brings its tag back into that loop only, and it is written again, the same
    (out / "tag" / "harbor-gang.html").unlink()
    build(tmp_path, TAGGED, settings=keep)
    assert seen["generate_tags"] == {"local-news", "harbor-gang"} and seen["generate_feeds"] == {"local-news"}
    (out / "feeds" / "tag" / "harbor-gang.atom.xml").unlink()
    build(tmp_path, TAGGED, settings=keep)
    assert seen["generate_tags"] == {"local-news"} and seen["generate_feeds"] == {"local-news", "harbor-gang"}
    assert _snapshot(out) == before
    # the article lists the topic tag on every build
    assert 'href="/tag/harbor-gang.html"' in res.read("mayor-blames-gang-for-fires.html")


def test_topic_tag_slugs_kept_in_the_cached_registry_follow_pelicans_tag_slug_settings(tmp_path):
    from pelican.settings import DEFAULT_CONFIG

    arts = {"gang": article("Gang blamed", "Mayor Jane Roe said the Harbor Gang set the fires. "
                                           "Police said the Harbor Gang recruits teenagers.", date="2020-03-02")}
    keep = {"DELETE_OUTPUT_DIRECTORY": False}
    assert (build(tmp_path, arts, settings=keep).output / "tag" / "harbor-gang.html").exists()
    subs = [(r"(?i)harbor", "port"), *DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]]
    res = build(tmp_path, arts, settings={**keep, "TAG_REGEX_SUBSTITUTIONS": subs})
    assert (res.output / "tag" / "port-gang.html").exists()
    assert 'href="/tag/port-gang.html"' in res.read("gang-blamed.html")


def test_a_registry_cache_edited_in_place_is_reported_and_never_used(cold):
    keep = {"DELETE_OUTPUT_DIRECTORY": False}
    build(cold, ARTICLES, settings=keep)
    stored = cold / "cache" / "newsgraph" / "registry.pickle"
    data = stored.read_bytes()
    assert b"moving again" in data
    stored.write_bytes(data.replace(b"moving again", b"mowing again"))    # still a valid pickle
    res = build(cold, ARTICLES, settings=keep)
    assert any(str(stored) in w and "damaged" in w and "checksum" in w for w in res.warnings)
    assert "mowing" not in res.read("speakers/raj-patel/index.html")
    assert "moving again" in res.read("speakers/raj-patel/index.html")
    assert b"moving again" in stored.read_bytes()                          # rebuilt and stored again


@pytest.mark.parametrize("registry_cache", [True, False])
def test_an_article_that_fails_analysis_is_remembered_as_failed_for_its_content(tmp_path, monkeypatch,
                                                                                 registry_cache):
    from newsgraph.engine.extract import Engine

    real = Engine.analyse
    analysed = []

    def analyse(self, tdoc, doc, title):
        analysed.append(title)
        if "Exploding" in title:
            raise RuntimeError("engine bug on this text")
        return real(self, tdoc, doc, title)
    monkeypatch.setattr(Engine, "analyse", analyse)
    bad = article("Exploding budget", '"It will not add up," said Mayor Tom Ruiz.')
    name = f"bad-{registry_cache}"          # (Pelican's log filter drops a warning seen before in the process)
    arts = dict(ARTICLES, **{name: bad})
    settings = {"NEWSGRAPH_REGISTRY_CACHE": registry_cache}
    res = build(tmp_path, arts, settings=settings)
    assert any(f"{name}.md" in w and "analysis failed" in w and "engine bug" in w for w in res.warnings)
    assert "Exploding budget" in analysed and "Ann Lee" in res.read("speakers/index.html")
    analysed.clear()
    res = build(tmp_path, arts, settings=settings)            # warm: not retried, still reported
    assert analysed == []
    assert res.stats == (0, 4, 3)
    assert any(f"{name}.md" in w and "earlier build" in w and "engine bug" in w for w in res.warnings)
    res = build(tmp_path, dict(arts, **{name: bad.replace("add up", "balance")}), settings=settings)
    assert analysed == ["Exploding budget"]                   # its content changed: tried again


def test_a_damaged_output_manifest_is_reported_and_everything_rendered_again(cold):
    keep = {"DELETE_OUTPUT_DIRECTORY": False}
    build(cold, ARTICLES, settings=keep)
    before = _snapshot(cold / "output")
    (manifest,) = (cold / "cache" / "newsgraph").glob("pages-*.json")
    data = manifest.read_bytes()
    manifest.write_bytes(data.replace(b"raj-patel", b"raj-pakel", 1))            # still valid JSON
    page = cold / "output" / "speakers" / "raj-patel" / "index.html"
    written = page.stat().st_mtime_ns
    res = build(cold, ARTICLES, settings=keep)
    assert any(str(manifest) in w and "damaged" in w for w in res.warnings)
    assert page.stat().st_mtime_ns != written                                    # not trusted: rendered
    assert _snapshot(res.output) == before
