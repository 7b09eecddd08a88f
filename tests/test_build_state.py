"""One build's state in one object (:mod:`newsgraph.build`), made per build and never carried over."""
from newsgraph import build


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
