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


def test_an_anonymous_source_inside_a_body_is_not_the_body(extract):
    assert _speaker(extract, "The ministry denied the report. A source within the Tarvian Interior "
                             "Ministry said \"the order came from the top.\"") is None
    assert _speaker(extract, "Sources close to Odalys Verhoeven said she would resign.") is None


def test_a_count_an_outlet_reported_is_not_published_under_its_name(extract):
    r = extract("The virus spread quickly. The Harbor Courier reported there were at least 118,381 cases worldwide.")
    assert r.quotes and all(q.confidence < 0.5 for q in r.quotes if q.speaker)
    r = extract("The virus spread quickly. Maria Lopez reported there were at least 118 cases in her ward.")
    assert any(q.confidence >= 0.5 for q in r.quotes if q.speaker)       # a person saying it still speaks


def test_a_measurement_or_projection_of_an_organisation_is_not_published_under_its_name(extract):
    for text in ("The quake hit at dawn. The Harbor Survey reported it was of 7.0 magnitude.",
                 "According to the Harbor Institute, the virus may cause roughly 32,000 more deaths by August."):
        r = extract(text)
        assert r.quotes and all(q.confidence < 0.5 for q in r.quotes if q.speaker), text
    r = extract("According to the Harbor Institute, the plan is a mistake.")         # a view, not a figure
    assert any(q.confidence >= 0.5 for q in r.quotes if q.speaker)
    r = extract("According to a report from the Harbor Courier on March 3, the stores were reluctant to act.")
    assert any(q.confidence >= 0.5 for q in r.quotes if q.speaker)                 # a date is no figure
