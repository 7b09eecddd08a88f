"""One build's state in one object (:mod:`newsgraph.site.build`), made per build and never carried over."""
from newsgraph.site import build


class Part:
    """Something a build stores when it finishes (like the output manifest and the JSON-LD memo)."""

    def __init__(self, name: str, log: list):
        self.name, self.log = name, log

    def save(self):
        self.log.append(("save", self.name))

    def discard(self):
        self.log.append(("discard", self.name))


def test_each_build_context_gets_its_own_state_made_once():
    first, second = {}, {}
    state = build.start(first)
    assert build.start(first) is state and build.of(first) is state
    build.finish()
    other = build.start(second)
    assert other is not state and build.of(second) is other
    assert other.registry is None and not other.jsonld_done and not other.topic_slugs
    build.finish()


def test_a_finished_build_stores_its_parts_in_order_and_is_no_longer_held():
    log: list = []
    state = build.start({})
    state.until_finished(Part("manifest", log))
    state.until_finished(Part("memo", log))
    build.finish()
    assert log == [("save", "manifest"), ("save", "memo")]
    build.finish()                                  # nothing left to store twice
    assert log == [("save", "manifest"), ("save", "memo")]
    assert not build._in_progress


def test_a_build_that_never_finished_is_discarded_unsaved_when_the_next_starts():
    log: list = []
    state = build.start({})
    state.until_finished(Part("manifest", log))
    state.until_finished(Part("memo", log))
    build.start({})                                 # (the last build raised half-way)
    assert log == [("discard", "memo"), ("discard", "manifest")]
    build.finish()
    assert log == [("discard", "memo"), ("discard", "manifest")]


def test_outside_a_build_there_is_no_state():
    assert build.of(None) is None
    assert build.of({}) is None
    assert build.of({"newsgraph_build": "not a state"}) is None


def test_two_builds_in_one_process_each_get_a_fresh_state(tmp_path, monkeypatch):
    """``pelican --autoreload``: the second build starts from an empty state, not the first's."""
    from sitebuild import article
    from sitebuild import build as build_site

    made = []
    real = build.start

    def noting(context):
        state = real(context)
        if not made or made[-1] is not state:
            made.append(state)
            assert state.registry is None and state.manifest is None and not state.jsonld_done
        return state
    monkeypatch.setattr(build, "start", noting)
    one = {"one": article("Quay plan", '"We did our job," said Ann Lee of the Harbour Trust. Ann Lee chairs it.')}
    two = {"two": article("Port reopens", '"Ships are moving again," said Raj Patel, the port director.')}
    build_site(tmp_path / "a", one)
    res = build_site(tmp_path / "b", two)
    assert len(made) == 2 and made[0] is not made[1]
    assert [i.name for i in made[1].registry.speakers] == ["Raj Patel"]
    assert not build._in_progress                    # a finished build is no longer held
    assert "Raj Patel" in res.read("speakers/raj-patel/index.html")
