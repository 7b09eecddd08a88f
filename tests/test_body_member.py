"""One of an organisation's people, described by it ("the Wooster professor"), speaks for
themselves: the quote is not the organisation's; its spokesman or director speaks for it."""


def _speaker(extract, text):
    r = extract(text)
    assert r.quotes, text
    e = r.entity(r.quotes[-1].speaker)
    return e.name if e is not None else None


def test_a_member_described_by_the_organisation_is_not_the_organisation(extract):
    assert _speaker(extract, "Researchers from the College of Dunmore reported the finding. "
                             "The Dunmore professor added, \"These effects matter.\"") is None


def test_a_spokesman_described_by_the_organisation_speaks_for_it(extract):
    assert _speaker(extract, "Velmar Corp cut jobs on Monday. "
                             "The Velmar spokesman added, \"These cuts were needed.\"") in ("Velmar", "Velmar Corp")
