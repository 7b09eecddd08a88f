"""The per-article result cache: round trip, corruption detection, fingerprints (no model load)."""
import json
import os

import pytest

from newsgraph.engine.model import ArticleResult, Entity, Quote, Span
from newsgraph.site import cache as cache_mod
from newsgraph.site.cache import ResultCache, content_key, fingerprint, model_identity


def result():
    return ArticleResult(quotes=[Quote(kind="direct", contents=[Span(0, 5, "Hello")], speaker="person/x")],
                         entities=[Entity(id="person/x", name="X Y", type="Person", mentions=2)])


def test_round_trip_and_stats(tmp_path):
    c = ResultCache(str(tmp_path), "fp")
    key = content_key("title", "<p>text</p>")
    assert c.get(key) is None and c.stats.misses == 1
    c.put(key, result())
    got = c.get(key)
    assert got is not None and got.to_dict() == result().to_dict() and c.stats.hits == 1
    assert content_key("title", "<p>text</p>") == key != content_key("title", "<p>text!</p>")
    assert content_key("a", "bc") != content_key("ab", "c")


@pytest.mark.parametrize("damage", [
    lambda b: b[: len(b) // 2],                                   # truncated
    lambda b: b[:-3] + b"}}}",                                     # edited payload
    lambda b: b"",                                                 # empty file
    lambda b: b"garbage\n" + b.partition(b"\n")[2],                # broken header
    lambda b: b.partition(b"\n")[0],                               # header only
])
def test_corrupt_entry_is_reported_naming_it_and_recomputed(tmp_path, caplog, damage):
    c = ResultCache(str(tmp_path), "fp")
    key = content_key("t", "x")
    c.put(key, result())
    path = c.path(key)
    with open(path, "rb") as f:
        raw = f.read()
    with open(path, "wb") as f:
        f.write(damage(raw))
    assert c.get(key, "content/a.md") is None
    assert path in caplog.text and "content/a.md" in caplog.text
    assert c.stats.corrupt == [path]
    c.put(key, result())                                           # recomputed result replaces it
    assert c.get(key) is not None


def test_wrong_schema_version_is_not_used(tmp_path, caplog):
    c = ResultCache(str(tmp_path), "fp")
    key = content_key("t")
    bad = dict(result().to_dict(), version=-1)
    payload = json.dumps(bad).encode()
    import hashlib
    header = json.dumps({"format": cache_mod.FORMAT, "key": key, "size": len(payload),
                         "sha256": hashlib.sha256(payload).hexdigest()}).encode()
    (tmp_path / "fp").mkdir()
    (tmp_path / "fp" / f"{key}.json").write_bytes(header + b"\n" + payload)
    assert c.get(key) is None and "schema version" in caplog.text


def test_fingerprint_changes_with_options_and_model_without_loading_it(monkeypatch):
    from newsgraph.engine import nlp

    def boom(*a, **k):
        raise AssertionError("the model must not be loaded to compute the fingerprint")
    monkeypatch.setattr(nlp, "load", boom)
    base = {"model": None, "boilerplate": (), "indirect": True}
    fp = fingerprint(base)
    assert fp == fingerprint(dict(base))
    assert fp != fingerprint(dict(base, boilerplate=("Photo: .*",)))
    assert fp != fingerprint(dict(base, indirect=False))
    ident = model_identity(None)
    assert ident.startswith("en_core_web_sm") and ident.rsplit("-", 1)[1][0].isdigit()


def test_fingerprint_differs_per_model(monkeypatch):
    monkeypatch.setattr(cache_mod, "model_identity", lambda name: f"en_{name}-1.0")
    assert fingerprint({"model": "a"}) != fingerprint({"model": "b"})


def test_fingerprint_is_computed_without_importing_spacy():
    import subprocess
    import sys
    plugins = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "plugins")
    code = ("import sys; from newsgraph.site import cache; cache.fingerprint({'model': None}); "
            "assert 'spacy' not in sys.modules, 'spacy imported'")
    subprocess.run([sys.executable, "-c", code], check=True, env=dict(os.environ, PYTHONPATH=plugins))


def test_a_pickled_result_unpacks_its_entities_and_quotes_only_when_read():
    import pickle

    got = pickle.loads(pickle.dumps(result()))
    assert "entities" not in vars(got) and "quotes" not in vars(got)     # still packed after loading
    again = pickle.loads(pickle.dumps(got))                # pickled again while packed
    assert again == result() and again.entity("person/x").name == "X Y"
    assert got.speakers[0].name == "X Y" and "entities" in vars(got) and "quotes" in vars(got)
    assert got.to_dict() == result().to_dict()
    with pytest.raises(AttributeError):
        got.no_such_field  # noqa: B018


def test_prune_keeps_used_entries_and_the_last_used_generations(tmp_path):
    import os
    import time
    old = [ResultCache(str(tmp_path), f"{i:016x}") for i in range(3)]
    for i, c in enumerate(old):
        c.put("k", ArticleResult())
        os.utime(c.folder, (time.time() - 100 + i, time.time() - 100 + i))
    cur = ResultCache(str(tmp_path), "f" * 16)
    for key in ("keep", "gone"):
        cur.put(key, ArticleResult())
    (tmp_path / ("f" * 16) / "left.tmp").write_text("x")
    (tmp_path / "registry.pickle").write_text("x")                     # not a generation: kept
    (tmp_path / "notes").mkdir()
    assert cur.prune({"keep"}, generations=2) == 2 + 2                # two files, two old folders' entries
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"{2:016x}", "f" * 16, "registry.pickle", "notes"])
    assert [p.name for p in (tmp_path / ("f" * 16)).iterdir()] == ["keep.json"]
    assert cur.get("keep") is not None


def _load_in_thread(load):
    """Run ``load`` with a hang guard (no timing is measured)."""
    import threading

    got = []
    t = threading.Thread(target=lambda: got.append(load()), daemon=True)
    t.start()
    t.join(60)
    return t, got


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_registry_cache_or_entry_that_is_a_fifo_is_refused(tmp_path, caplog):
    from newsgraph.site.cache import RegistryCache

    os.mkfifo(tmp_path / "registry.pickle")
    t, got = _load_in_thread(lambda: RegistryCache(str(tmp_path), "k").load([]))
    if t.is_alive():                            # today's bug: open() waits for a writer; release it
        os.close(os.open(tmp_path / "registry.pickle", os.O_WRONLY | os.O_NONBLOCK))
        t.join(10)
    assert got == [None] and "not a regular file (a FIFO or pipe)" in caplog.text

    c = ResultCache(str(tmp_path), "fp")
    key = content_key("t", "x")
    os.makedirs(c.folder)
    os.mkfifo(c.path(key))
    t, got = _load_in_thread(lambda: c.get(key, "a.md"))
    if t.is_alive():
        os.close(os.open(c.path(key), os.O_WRONLY | os.O_NONBLOCK))
        t.join(10)
    assert got == [None] and "a.md" in caplog.text and "FIFO" in caplog.text


def test_a_registry_cache_that_is_a_device_is_refused(tmp_path, caplog):
    from newsgraph.site.cache import RegistryCache

    if not os.path.exists("/dev/null") or not hasattr(os, "symlink"):
        pytest.skip("no /dev/null")
    os.symlink("/dev/null", tmp_path / "registry.pickle")     # (not /dev/zero: endless if read)
    assert RegistryCache(str(tmp_path), "k").load([]) is None
    assert "not a regular file (a device)" in caplog.text
