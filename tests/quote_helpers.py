"""Small look-ups shared by the engine's quote tests."""


def one(quotes, words):
    """The single quote whose contents contain ``words``."""
    found = [q for q in quotes if any(words in s.text for s in q.contents)]
    assert len(found) == 1, [(q.text, q.cue and q.cue.text) for q in quotes]
    return found[0]


def name(result, q):
    """The resolved speaker's name of ``q``, or None."""
    e = result.entity(q.speaker)
    return e.name if e else None


def said_by(result, chars):
    """{the first ``chars`` characters of each quote: its speaker's name or None}."""
    return {q.text[:chars]: name(result, q) for q in result.quotes}
