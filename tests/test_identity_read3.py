"""Issue 12, third reading: identity and topic classes found by hand on the demo, each a general
rule (names written for the test; no spaCy)."""
import pytest
from test_registry import art, ent, quote, rec

from newsgraph.site import registry
from newsgraph.site.eligibility import why_not_speaker

ORG = "Organization"
SPEAKING = ("Person", "Organization", "Group", "Place")
TAG_TYPES = ("Person", "Organization", "Place", "Event")


def speakers(reg):
    return sorted((s.name, s.type, s.quote_count) for s in reg.speakers)


def topics(records, **kw):
    registry.build(records, topic_types=TAG_TYPES, topic_min_mentions=2, topic_min_articles=2, **kw)
    return [sorted(i.name for i in r.topics) for r in records]


# --------------------------------------------------------------------------- a title glued before a name

def test_an_adjective_and_a_title_glued_before_a_name_typed_organisation_are_the_persons_role():
    reg = registry.build([rec(art("a"), [ent("o1", "Ministerial Spokesperson Tomas Verhoeven", ORG)], [quote("o1")]),
                          rec(art("b"), [ent("p1", "Tomas Verhoeven")], [quote("p1")])])
    assert speakers(reg) == [("Tomas Verhoeven", "Person", 2)]
    assert reg.speakers[0].role == "Ministerial Spokesperson"


def test_a_glued_title_before_a_person_named_nowhere_else_still_gives_the_person():
    reg = registry.build([rec(art("a"), [ent("o1", "Regional Director Helen Marsh", ORG)], [quote("o1")])])
    assert speakers(reg) == [("Helen Marsh", "Person", 1)]
    assert reg.speakers[0].role == "Regional Director"


def test_a_title_before_words_that_are_no_persons_name_stays_an_organisation():
    # no known first name after the title, or an organisation's word in the name
    reg = registry.build([rec(art("a"), [ent("o1", "Presidential Commissioner Tideway Holdings", ORG),
                                         ent("o2", "National Director Quarnby Institute", ORG)],
                              [quote("o1"), quote("o2", start=10)])])
    assert all(t == ORG for _, t, _ in speakers(reg))


def test_a_person_typed_name_with_an_adjective_and_title_first_joins_the_bare_name():
    reg = registry.build([rec(art("a"), [ent("p1", "Provincial Director Helen Marsh")], [quote("p1")]),
                          rec(art("b"), [ent("p1", "Helen Marsh")], [quote("p1")])])
    assert speakers(reg) == [("Helen Marsh", "Person", 2)]
    assert reg.speakers[0].role == "Provincial Director"


# --------------------------------------------------------------------------- unnamed people

@pytest.mark.parametrize("name", ["Associates of Varga", "Relatives of Orla Benn", "Aides of the Governor",
                                  "Supporters of Dunmore"])
def test_a_plural_noun_of_people_then_of_and_a_name_is_no_speaker(name):
    assert why_not_speaker(name, ORG, SPEAKING) is not None


@pytest.mark.parametrize("name", ["Friends of the Heath", "Sons of Harbour Street",
                                  "Members of the Quarnby Institute"])      # real bodies' names
def test_an_organisation_named_after_people_keeps_its_page(name):
    assert why_not_speaker(name, ORG, SPEAKING) is None


# --------------------------------------------------------------------------- one chamber, one tag

def test_a_country_prefixed_short_form_and_the_full_name_of_a_chamber_are_one_identity():
    records = [rec(art("a", 1), [ent("o1", "Norway House", ORG, mentions=3),
                                 ent("g1", "Norway", "Place", mentions=4)], []),
               rec(art("b", 2), [ent("o1", "House of Representatives", ORG, mentions=3),
                                 ent("g1", "Norway", "Place", mentions=4)], [])]
    got = topics(records)
    assert ["Norway", "Norway House"] in got or ["House of Representatives", "Norway"] in got
    assert got[0] == got[1]


def test_the_house_of_representatives_of_two_countries_stays_two():
    records = [rec(art("a", 1), [ent("o1", "House of Representatives", ORG, mentions=3),
                                 ent("g1", "Norway", "Place", mentions=4)], [quote("o1")]),
               rec(art("b", 2), [ent("o1", "House of Representatives", ORG, mentions=3),
                                 ent("g1", "Chile", "Place", mentions=4)], [quote("o1")])]
    reg = registry.build(records)
    assert len([s for s in reg.speakers if s.type == ORG]) == 2


def test_a_contracted_twin_tag_of_the_same_articles_is_dropped_for_the_spelled_out_one():
    records = [rec(art(s, d), [ent("o1", "NorthSea", ORG, mentions=3),
                               ent("g1", "Northern Sea", "Place", mentions=3)], []) for s, d in (("a", 1), ("b", 2))]
    assert topics(records) == [["Northern Sea"], ["Northern Sea"]]
    # not when the two tags hold different articles
    records.append(rec(art("c", 3), [ent("o1", "NorthSea", ORG, mentions=3)], []))
    records.append(rec(art("d", 4), [ent("o1", "NorthSea", ORG, mentions=3)], []))
    assert topics(records)[0] == ["NorthSea", "Northern Sea"]


def test_is_contraction():
    from newsgraph.site.registry.names import is_contraction
    assert is_contraction("NorthSea", "Northern Sea") and is_contraction("SouthPac", "Southern Pacific")
    assert not is_contraction("NorthSea", "North Sea")           # nothing shortened: no contraction
    assert not is_contraction("Northsea", "Northern Sea") and not is_contraction("NorthSea", "Nordic Sea")


# --------------------------------------------------------------------------- a product typed Person

def test_a_name_ending_in_a_software_word_typed_person_is_a_product_with_no_page():
    reg = registry.build([rec(art("a"), [ent("p1", "Rowan Linux"), ent("p2", "Rowan Tamsin")],
                              [quote("p1"), quote("p2", start=10)])])
    assert speakers(reg) == [("Rowan Tamsin", "Person", 1)]
    assert any(i.name == "Rowan Linux" and i.type == "Product" for i in reg.identities)


# --------------------------------------------------------------------------- a one-word generic alias

def test_a_one_word_generic_alias_joins_no_specific_body_across_articles():
    records = [
        rec(art("a", 1), [ent("o1", "Norway Supreme Court", ORG, aliases=["Court"], mentions=3)], [quote("o1")]),
        # another article's "this Court" is a district court it names apart
        rec(art("b", 2), [ent("o1", "Court", ORG, mentions=2),
                          ent("o2", "Norway", "Place", mentions=3)], [quote("o1")]),
    ]
    reg = registry.build(records)
    supreme = next(i for i in reg.identities if i.name == "Norway Supreme Court")
    assert supreme.quote_count == 1 and "Court" not in supreme.aliases


def test_a_one_word_generic_name_joins_the_one_longer_body_of_its_article():
    reg = registry.build([rec(art("a"), [ent("o1", "Harbourside Department of Ferries", ORG, mentions=3),
                                         ent("o2", "Department", ORG, mentions=2)], [quote("o2")])])
    assert speakers(reg) == [("Harbourside Department of Ferries", ORG, 1)]


def test_a_one_word_generic_name_beside_two_bodies_is_nobodys():
    reg = registry.build([rec(art("a"), [ent("o1", "Harbour Court", ORG), ent("o2", "Appeals Court", ORG),
                                         ent("o3", "Court", ORG)], [quote("o3")])])
    assert speakers(reg) == []


def test_a_body_a_country_has_one_of_keeps_its_country_key():
    # "Senate" beside the "Spring Senate" session joins the country's Senate, as its alias does
    records = [rec(art("a", 1), [ent("o1", "Senate", ORG, mentions=2), ent("o2", "Spring Senate", ORG),
                                 ent("g1", "Norway", "Place", mentions=3)], [quote("o1")]),
               rec(art("b", 2), [ent("o1", "Norway Senate", ORG, mentions=2),
                                 ent("g1", "Norway", "Place", mentions=3)], [quote("o1")])]
    reg = registry.build(records)
    assert ("Norway Senate", ORG, 2) in speakers(reg)


def test_a_partys_one_word_alias_still_joins_the_party_across_articles():
    records = [rec(art("a", 1), [ent("o1", "Democratic Party", ORG, aliases=["Democrats"], mentions=2),
                                 ent("g1", "Norway", "Place", mentions=3)], [quote("o1")]),
               rec(art("b", 2), [ent("o1", "Democrats", ORG, mentions=2),
                                 ent("g1", "Norway", "Place", mentions=3)], [quote("o1")])]
    reg = registry.build(records)
    assert [s.quote_count for s in reg.speakers if s.type == ORG] == [2]
