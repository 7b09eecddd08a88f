"""Issue 12 point 1: only real speakers get pages (names written for the test; no spaCy)."""
import pytest
from test_registry import art, ent, quote, rec

from newsgraph.site import registry
from newsgraph.site.eligibility import is_known_place, why_not_speaker

TYPES = ("Person", "Organization", "Group", "Place")


@pytest.mark.parametrize("name,etype", [
    ("Tropical Storm Belinda", "Organization"), ("Hurricane Osgood", "Person"),
    ("Lakeshore Music Festival", "Organization"), ("Riverside Water Act", "Organization"),
    ("Advanced Pottery Course", "Organization"), ("Harbour Renewal Initiative", "Organization"),
    ("Deputy Prime Minister", "Person"), ("Chief Executive", "Organization"), ("Senator", "Person"),
    ("Democratic Assemblywoman", "Person"),
    ("Velocipteryx", "Organization"), ("Gracilisaurus", "Person"), ("iBlender", "Organization"),
    ("the", "Person"), ("of Finance", "Organization"), ("Port Authority of", "Organization"),
    ("Palace of the Winds Tower", "Place"), ("Second Amendment", "Law"), ("Blue Symphony", "Work"),
    ("Nairobi", "Place"), ("Munich", "Place"),      # a city's officials are named as such
    ("Republicans", "Group"), ("Velarians", "Group"), ("Velarian", "Group"),   # many people, no one speaker
])
def test_things_that_do_not_speak_get_no_page(name, etype):
    assert why_not_speaker(name, etype, TYPES) is not None


@pytest.mark.parametrize("name,etype", [
    ("Jane Roe", "Person"), ("Marta Storm", "Person"), ("Tom Fair", "Person"),
    ("Harbor Gang", "Organization"), ("World Food Programme", "Organization"), ("Epic Games", "Organization"),
    ("Office of Management and Budget", "Organization"), ("NATO", "Organization"),
    ("Velarian Freedom Movement", "Group"), ("Russia", "Place"), ("Brazil", "Place"), ("the United States", "Place"),
    ("Texas", "Place"), ("U.S.", "Place"), ("Nairobi County Council", "Organization"),
])
def test_people_organisations_and_governments_of_places_may_speak(name, etype):
    assert why_not_speaker(name, etype, TYPES) is None


def test_gazetteer_knows_countries_states_and_cities_but_not_buildings():
    assert is_known_place("Kenya") and is_known_place("Ohio") and is_known_place("Osaka")
    assert not is_known_place("Palace of the Winds Tower") and not is_known_place("Jane Roe")


def test_registry_gives_no_page_to_a_quoted_storm_or_job_title():
    records = [rec(art("a"), [ent("o1", "Tropical Storm Belinda", "Organization"), ent("p1", "Prime Minister"),
                              ent("p2", "Jane Roe")],
                   [quote("o1"), quote("p1", start=10), quote("p2", start=20)])]
    reg = registry.build(records)
    assert [s.name for s in reg.speakers] == ["Jane Roe"]


def test_an_alias_file_type_gives_a_page_the_name_rules_would_refuse():
    records = [rec(art("a"), [ent("o1", "Harbour Music Festival", "Organization")], [quote("o1")])]
    assert registry.build(records).speakers == []
    aliases = registry.Aliases(entries=[registry.AliasEntry(name="Harbour Music Festival", type="Organization")])
    records = [rec(art("a"), [ent("o1", "Harbour Music Festival", "Organization")], [quote("o1")])]
    assert [s.name for s in registry.build(records, aliases).speakers] == ["Harbour Music Festival"]


def test_honorifics_are_never_a_role():
    from newsgraph.site.eligibility import is_honorific
    assert is_honorific("Dr") and is_honorific("Mrs.") and is_honorific("Most Rev.")
    assert not is_honorific("Professor") and not is_honorific("Bishop")
    records = [rec(art("a"), [ent("p1", "Lena Quarry", role="Dr")], [quote("p1")]),
               rec(art("b"), [ent("p1", "Marek Quill", role="Rev.")], [quote("p1")]),
               rec(art("c"), [ent("p1", "Tom Brine", role="harbour master")], [quote("p1")])]
    reg = registry.build(records)
    assert {s.name: s.role for s in reg.speakers} == {"Lena Quarry": None, "Marek Quill": None,
                                                     "Tom Brine": "harbour master"}
