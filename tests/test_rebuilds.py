"""Repeated builds in one process (``pelican --autoreload``): nothing of a finished build is kept."""
import gc
import weakref
from pathlib import Path

from sitebuild import article, build

THEME = str(Path(__file__).resolve().parent.parent / "theme")      # calls newsgraph_jsonld()
ARTICLES = {
    "one": article("Harbour Trust backs plan", '"We did our job," said Ann Lee of the Harbour Trust. '
                   "The Harbour Trust will pay for the quay. Ann Lee chairs it.", date="2021-05-01"),
    "two": article("Port reopens", '"Ships are moving again," said Raj Patel, the port director. '
                   "Raj Patel thanked the Harbour Trust.", date="2021-05-02"),
}


def test_a_finished_builds_registry_and_articles_are_freed_by_the_next_build(tmp_path, monkeypatch):
    from pelican.plugins.newsgraph import pelican_glue

    registries = []
    real = pelican_glue.site_registry

    def noting(*args, **kwargs):
        reg = real(*args, **kwargs)
        registries.append(weakref.ref(reg))
        return reg
    monkeypatch.setattr(pelican_glue, "site_registry", noting)
    keep = {"DELETE_OUTPUT_DIRECTORY": False, "NEWSGRAPH_REGISTRY_CACHE": False}
    for _ in range(3):
        res = build(tmp_path, ARTICLES, settings=keep, theme=THEME)
    assert "harbour-trust" in res.read("tag/harbour-trust.html")           # topic pages with JSON-LD
    gc.collect()
    alive = [i for i, ref in enumerate(registries) if ref() is not None]
    # only the last build's registry may still be alive (Pelican's own references); none before it
    assert alive in ([], [2]), f"registries of builds {alive} are still alive"
