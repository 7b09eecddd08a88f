"""Issue 12 point 7: the editor's review report (names written for the test; no spaCy)."""
from test_registry import art, ent, quote, rec

from newsgraph.site import registry, review

TYPES = ("Person", "Organization", "Group", "Place")


def _findings():
    records = [
        rec(art("a", 1), [ent("p1", "Orla Venn", mentions=3),
                          ent("o2", "Tidewater Harbour Court", "Organization"), ent("x1", "Lakeshore Music Festival", "Organization")],
            [quote("p1", "One."), quote("p1", "Two.", start=10),
             quote("o2", "Four.", start=30), quote("o2", "Five.", start=40), quote("x1", "Six.", start=50)]),
        # (in the article of the longer name, "Harbour Court" would join it: here it is elsewhere)
        rec(art("b", 2), [ent("p2", "Orla"), ent("p3", "Nairobi"), ent("o1", "Harbour Court", "Organization")],
            [quote("p2", "Seven."), quote("p2", "Eight.", start=10), quote("p3", "Nine.", start=20),
             quote("o1", "Three.", start=30)]),
    ]
    reg = registry.build(records)
    return reg, review.findings(reg, TYPES)


def test_review_lists_each_kind_with_an_alias_line():
    reg, found = _findings()
    by = {(f.section, f.name): f for f in found}
    assert by[("duplicates", "Orla")].fix == 'entities:  - {name: "Orla Venn", aliases: ["Orla"]}'
    assert by[("duplicates", "Harbour Court")].why == "may be Tidewater Harbour Court"
    assert ("low-confidence", "Orla") not in by      # (listed once: a duplicate)
    assert by[("single-quote", "Harbour Court")].fix == 'ignore:  - "Harbour Court"'
    assert ("single-quote", "Orla Venn") not in by
    # a one-word "person" the gazetteer knows as a place is retyped; the report says why and how to undo it
    nairobi = [f for f in found if f.section == "type-conflicts" and f.name == "Nairobi"]
    assert reg.find("Nairobi").type == "Place"
    assert any("gazetteer" in f.why and f.fix == 'entities:  - {name: "Nairobi", type: Person}' for f in nairobi)
    assert any("no page: a place that is no country" in f.why for f in nairobi)    # (a city: no page)
    assert by[("duplicates", "Orla")].url is None      # a word naming a speaker in full: no page of its own
    festival = by[("type-conflicts", "Lakeshore Music Festival")]
    assert "no page: an event" in festival.why


def test_low_confidence_quotes_are_reported_when_the_engine_gives_a_confidence():
    reg, _ = _findings()
    venn = reg.find("Orla Venn")
    for ref in venn.quotes:
        ref.quote.confidence = 0.2
    found = review.findings(reg, TYPES)
    assert any(f.section == "low-confidence" and f.name == "Orla Venn" for f in found)


def test_report_is_deterministic_text_without_control_characters():
    _, found = _findings()
    text = review.render_text(found, "Test\x07 site")
    assert text == review.render_text(list(found), "Test\x07 site") and "\x07" not in text
    assert "== Likely duplicates (2)" in text
    assert 'fix, under entities:  - {name: "Orla Venn", aliases: ["Orla"]}' in text


def test_a_page_refused_for_doubtful_attributions_is_listed_with_the_line_that_gives_it_back():
    q = quote("o1", kind="indirect")
    q.confidence = 0.55
    reg = registry.build([rec(art("a"), [ent("o1", "Harbor Valley Times", "Organization")], [q])], min_confidence=0.5)
    found = [f for f in review.findings(reg, TYPES) if f.name == "Harbor Valley Times"]
    assert [f.section for f in found] == ["low-confidence"]
    assert 'entities:  - {name: "Harbor Valley Times", type: Organization}' in found[0].fix
