"""Issue 12, second round: classes of failure found over the demo's whole speaker list, each a
general rule (names written for the test; no spaCy)."""
import pytest
from test_registry import art, ent, quote, rec

from newsgraph.site import registry
from newsgraph.site.eligibility import is_foreign_script, is_large_city, why_not_speaker

ORG = "Organization"
TYPES = ("Person", "Organization", "Group", "Place")


def speakers(reg):
    return sorted((s.name, s.type, s.quote_count) for s in reg.speakers)


# --------------------------------------------------------------------------- not a speaker

@pytest.mark.parametrize("name,etype", [
    ("Referendum", ORG), ("Treaty", ORG), ("Initiative", ORG),        # a head word alone: a common noun
    ("Helium", ORG), ("Fentanyl", ORG),                               # substances
    ("Thousands", ORG), ("Dozens", "Group"), ("Numismatists", ORG),  # many people, no one speaker
    ("Regional Farming news", ORG), ("Coastal Sailing blog", ORG),   # a description: last word lowercase
    ("Operational Officer", ORG), ("Innovation Director", "Person"),  # a title last, no first name
    ("Harbour Act No", "Person"), ("Fisheries Bill No.", ORG),        # a law, its number cut off
])
def test_more_things_that_do_not_speak(name, etype):
    assert why_not_speaker(name, etype, TYPES) is not None


@pytest.mark.parametrize("name,etype", [
    ("Zoë Ångström", "Person"), ("Łucja Ébert", "Person"),         # Latin letters with diacritics
    ("Carole King", "Person"), ("Tobin Marshal", "Person"),          # a title word as a surname
    ("Fair Trade Alliance", ORG), ("Office of the Regional Director", ORG),   # an office speaks
    ("Harbor Valley Times", ORG), ("Ibn al", "Person"),
    ("Numismatic Society", ORG), ("Goldfield Mining", ORG),
])
def test_real_speakers_keep_their_page(name, etype):
    assert why_not_speaker(name, etype, TYPES) is None


def test_foreign_script():
    assert is_foreign_script("Мельница") and is_foreign_script("東京")
    assert not is_foreign_script("Mélanie") and not is_foreign_script("123")


def test_a_name_with_no_latin_letter_gets_no_page_on_a_latin_script_site_only():
    latin = [rec(art(f"a{n}"), [ent("p1", f"Orla Venn{n}", mentions=2)], [quote("p1")]) for n in range(10)]
    cyrillic = rec(art("z"), [ent("o1", "Мельница", ORG)], [quote("o1")])
    reg = registry.build([*latin, cyrillic])
    assert "Мельница" not in [s.name for s in reg.speakers] and "Latin" in reg.find("Мельница").no_page
    reg = registry.build([rec(art("r"), [ent("p1", "Ольга Венн"), ent("o1", "Мельница", ORG)],
                              [quote("p1"), quote("o1", start=10)])])       # a Cyrillic site: its names speak
    assert sorted(s.name for s in reg.speakers) == ["Мельница", "Ольга Венн"]


# --------------------------------------------------------------------------- types

def test_an_organisation_named_as_a_large_city_is_the_place():
    assert is_large_city("Yekaterinburg") and not is_large_city("Bozeman")     # ~50,000 people
    reg = registry.build([rec(art("a"), [ent("o1", "Yekaterinburg", ORG), ent("o2", "Bozeman", ORG),
                                         ent("o3", "Yekaterinburg Tram Company", ORG)],
                              [quote("o1"), quote("o2", start=10), quote("o3", start=20)])])
    types = {i.name: i.type for i in reg}
    assert types == {"Yekaterinburg": "Place", "Bozeman": ORG, "Yekaterinburg Tram Company": ORG}
    assert "100,000" in reg.find("Yekaterinburg").retyped
    assert speakers(reg) == [("Bozeman", ORG, 1), ("Yekaterinburg Tram Company", ORG, 1)]


def test_an_organisation_ending_in_qc_or_a_hyphenated_first_name_is_a_person():
    reg = registry.build([rec(art("a"), [ent("o1", "Orla Penhallow QC", ORG), ent("o2", "Mary-Kate Tolland", ORG),
                                         ent("o3", "Penhallow Legal Group QC", ORG)],
                              [quote("o1"), quote("o2", start=10), quote("o3", start=20)])])
    types = {i.name: i.type for i in reg}
    assert types == {"Orla Penhallow QC": "Person", "Mary-Kate Tolland": "Person", "Penhallow Legal Group QC": ORG}


def test_only_a_person_has_a_role():
    reg = registry.build([rec(art("a"), [ent("c1", "Velmoria Republic", "Place", role="Captain"),
                                         ent("p1", "Tobin Marsh", role="Captain")],
                              [quote("c1"), quote("p1", start=10)])])
    assert reg.find("Velmoria Republic").role is None
    assert reg.find("Tobin Marsh").role == "Captain"


# --------------------------------------------------------------------------- split

def test_british_and_american_spellings_of_an_organisation_are_one_identity():
    reg = registry.build([rec(art("a"), [ent("o1", "Global Harbour Organisation", ORG)], [quote("o1")]),
                          rec(art("b"), [ent("o1", "Global Harbour Organization", ORG)], [quote("o1")])])
    assert [(s.type, s.quote_count) for s in reg.speakers] == [(ORG, 2)]
    assert reg.find("Global Harbour Organisation") is reg.find("Global Harbour Organization")


def test_a_transliteration_of_a_slavic_ending_and_a_glued_nation_join_the_person():
    reg = registry.build([
        rec(art("a"), [ent("p1", "Bohdan Kovalskyy")], [quote("p1")]),
        rec(art("b"), [ent("p1", "Bohdan Kovalsky")], [quote("p1")]),
        rec(art("c"), [ent("o1", "Wales Bohdan Kovalskiy", ORG)], [quote("o1")]),
        rec(art("d"), [ent("o1", "Scotland Morag Dunleith", ORG)], [quote("o1")]),
        rec(art("e"), [ent("p1", "Morag Dunleith")], [quote("p1")]),
        rec(art("f"), [ent("p1", "Bohdan Kovalska")], [quote("p1")]),      # another ending: another name
    ])
    got = speakers(reg)
    assert [(t, q) for _, t, q in got] == [("Person", 1), ("Person", 3), ("Person", 2)]
    assert got[0][0] == "Bohdan Kovalska" and got[1][0] in ("Bohdan Kovalsky", "Bohdan Kovalskyy")
    assert got[2][0] == "Morag Dunleith"


def test_a_name_joins_the_one_fuller_name_with_a_second_surname():
    reg = registry.build([
        rec(art("a"), [ent("p1", "Inés Quiroga"), ent("p2", "Dana Holt")], [quote("p1")]),
        rec(art("b"), [ent("p1", "Inés Quiroga Beltrán"), ent("p2", "Dana Holt", ORG)], [quote("p1")]),
        rec(art("c"), [ent("p1", "Tobin Marsh")], [quote("p1")]),          # two fuller names: nobody's
        rec(art("d"), [ent("p1", "Tobin Marsh Ellery")], [quote("p1")]),
        rec(art("e"), [ent("p1", "Tobin Marsh Quell")], [quote("p1")]),
        rec(art("f"), [ent("p1", "Mary Ann")], [quote("p1")]),             # "Ann" is a first name
        rec(art("g"), [ent("p1", "Mary Ann Velloso")], [quote("p1")]),
    ])
    got = {(s.quote_count, s.name.split()[0]) for s in reg.speakers}
    assert len(reg.speakers) == 6 and (2, "Inés") in got


def test_a_name_and_a_fuller_one_with_no_person_in_common_stay_apart():
    reg = registry.build([
        rec(art("a"), [ent("p1", "Osric Vellam"), ent("p2", "Dana Holt")], [quote("p1")]),
        rec(art("b"), [ent("p1", "Osric Vellam Tarn"), ent("p2", "Ilse Marrow"), ent("c1", "Germany", "Place")],
            [quote("p1")]),
        rec(art("c"), [ent("c1", "Germany", "Place"), ent("p2", "Dana Holt")], []),   # a place in common: no
    ])
    assert len(reg.speakers) == 2


def test_a_company_short_name_joins_its_full_name_in_the_article_but_not_a_national_branch():
    reg = registry.build([
        rec(art("a"), [ent("o1", "Quorvel", ORG), ent("o2", "Quorvel Motor Company", ORG)],
            [quote("o1"), quote("o2", start=10)]),
        rec(art("b"), [ent("o1", "Zintra", ORG), ent("o2", "Zintra Ireland Limited", ORG)],
            [quote("o1"), quote("o2", start=10)]),
    ])
    assert speakers(reg) == [("Quorvel Motor Company", ORG, 2), ("Zintra", ORG, 1),
                             ("Zintra Ireland Limited", ORG, 1)]


def test_a_storms_bare_name_is_the_storm_not_a_person():
    reg = registry.build([
        rec(art("a"), [ent("s1", "Hurricane Ysolde", "Event", mentions=2), ent("p1", "Ysolde", mentions=3),
                       ent("p2", "Dana Holt")],
            [quote("p2")]),
        rec(art("b"), [ent("p1", "Ysolde", mentions=2)], [quote("p1")]),     # no storm here: a person
    ])
    kinds = sorted((i.name, i.type) for i in reg)
    assert ("Hurricane Ysolde", "Event") in kinds and not any(t == "Event" and n == "Ysolde" for n, t in kinds)
    storm = reg.find("Hurricane Ysolde")
    assert "Ysolde" in storm.aliases and storm.mentions >= 5


def test_a_nationality_adjective_that_is_also_a_first_name_stays_a_group():
    reg = registry.build([rec(art("a"), [ent("g1", "Jordanian", "Group"), ent("g2", "Kevin", "Group")],
                              [quote("g1"), quote("g2", start=10)])])
    assert {i.name: i.type for i in reg} == {"Jordanian": "Group", "Kevin": "Person"}


def test_an_organisation_also_named_by_its_last_word_alone_is_a_person():
    reg = registry.build([
        rec(art("a"), [ent("o1", "Vuk Draganović", ORG, aliases=["Draganović"]),
                       ent("o2", "Harbor Valley", ORG, aliases=["Valley"]),       # a place's word? no: kept
                       ent("o3", "Zintra Analytics", ORG)],
            [quote("o1"), quote("o2", start=10), quote("o3", start=20)]),
    ])
    types = {i.name: i.type for i in reg}
    assert types["Vuk Draganović"] == "Person" and types["Zintra Analytics"] == ORG


def test_a_three_letter_acronym_joins_the_sites_one_public_body_of_those_initials():
    reg = registry.build([
        rec(art("a"), [ent("o1", "Bureau for Harbour Safety and Rescue", ORG)], [quote("o1")]),
        rec(art("b"), [ent("o1", "BHS", ORG)], [quote("o1")]),
        rec(art("c"), [ent("o1", "Kelso Municipal Airport", ORG)], [quote("o1")]),   # no body: apart
        rec(art("d"), [ent("o1", "KMA", ORG)], [quote("o1")]),
        rec(art("e"), [ent("o1", "Quill Valley Commission", ORG, aliases=["QVCO"])], [quote("o1")]),
        rec(art("f"), [ent("o1", "QVC", ORG)], [quote("o1")]),                       # has its own acronym
    ])
    assert set(speakers(reg)) == {("Bureau for Harbour Safety and Rescue", ORG, 2), ("Kelso Municipal Airport", ORG, 1),
                                  ("KMA", ORG, 1), ("QVC", ORG, 1), ("Quill Valley Commission", ORG, 1)}


def test_two_public_bodies_of_the_same_initials_leave_the_acronym_alone():
    reg = registry.build([
        rec(art("a"), [ent("o1", "Bureau for Harbour Safety", ORG)], [quote("o1")]),
        rec(art("b"), [ent("o1", "Board of Highway Standards", ORG)], [quote("o1")]),
        rec(art("c"), [ent("o1", "BHS", ORG)], [quote("o1")]),
    ])
    assert len(reg.speakers) == 3


@pytest.mark.parametrize("name", ["Multiple Harbour Unions", "Several Valley Councils", "Ostland Penal Code"])
def test_descriptions_and_codes_get_no_page(name):
    assert why_not_speaker(name, ORG, TYPES) is not None


@pytest.mark.parametrize("name,etype", [
    ("De Vaultier", "Person"), ("Van Oostrum", "Person"), ("De La Ostra", "Person"),   # a surname's particle
    ("Ostland County Board of Elections", ORG), ("Court of Justice", ORG),            # "X of Y" is an X
    ("Regional Conference of Harbour Masters", ORG),
])
def test_particles_and_x_of_y_names_keep_their_page(name, etype):
    assert why_not_speaker(name, etype, TYPES) is None


@pytest.mark.parametrize("name", ["Ostland Harbour Festival", "Treaty of Ostland", "Secretary of State"])
def test_x_of_y_names_whose_head_does_not_speak(name):
    assert why_not_speaker(name, ORG, TYPES) is not None


def test_demonyms_from_the_gazetteer():
    from newsgraph.site.eligibility import is_demonym
    assert all(is_demonym(w) for w in ("German", "Cuban", "Mexican", "Italian", "Chinese", "Japanese", "Iraqi"))
    assert not any(is_demonym(w) for w in ("Sean", "Brian", "Christian", "Jordan", "Logan", "Morgan"))


def test_a_surname_with_its_particle_alone_is_a_surname_alone():
    reg = registry.build([rec(art("a"), [ent("p1", "De Vaultier"), ent("p2", "Anouk de Vaultier")],
                              [quote("p1"), quote("p2", start=10)]),
                          rec(art("b"), [ent("p1", "Van Oostrum")], [quote("p1")])])
    assert speakers(reg) == [("Anouk de Vaultier", "Person", 2)]         # joined; the other: no full name
    assert reg.find("Van Oostrum").no_page


def test_a_thing_typed_spelling_one_letter_off_a_surname_joins_the_person_of_the_article():
    reg = registry.build([
        rec(art("a"), [ent("p1", "Idris Qasemi"), ent("o1", "Qasemy", ORG)], [quote("p1"), quote("o1", start=10)]),
        rec(art("b"), [ent("p1", "Tobin Marsh"), ent("o1", "Marshfield", ORG)], [quote("p1"), quote("o1", start=10)]),
    ])
    assert speakers(reg) == [("Idris Qasemi", "Person", 2), ("Marshfield", ORG, 1), ("Tobin Marsh", "Person", 1)]


def test_crown_prince_and_like_titles_become_the_role():
    reg = registry.build([rec(art("a"), [ent("p1", "Crown Prince Tariq bin Haddad")], [quote("p1")]),
                          rec(art("b"), [ent("p1", "Tariq bin Haddad")], [quote("p1")])])
    assert speakers(reg) == [("Tariq bin Haddad", "Person", 2)]
    assert reg.speakers[0].role == "Crown Prince"


def test_a_namesakes_bracketed_country_does_not_hide_a_partys_members():
    assert why_not_speaker("Velarians (Ostland)", "Group", TYPES) is not None
    assert why_not_speaker("Harbour Party (Ostland)", ORG, TYPES) is None


def _q(speaker, conf, kind="indirect", start=0):
    q = quote(speaker, kind=kind, start=start)
    q.confidence = conf
    return q


def test_a_page_needs_one_confident_attribution_when_the_site_publishes_by_confidence(tmp_path):
    records = lambda: [rec(art("a"), [ent("o1", "Harbor Valley Times", ORG), ent("o2", "Zintra Analytics", ORG)],  # noqa: E731
                           [_q("o1", 0.55), _q("o2", 0.55, start=10), _q("o2", 0.75, start=20)])]
    reg = registry.build(records(), min_confidence=0.5)
    assert speakers(reg) == [("Zintra Analytics", ORG, 2)]
    doubtful = reg.find("Harbor Valley Times")
    assert doubtful.quote_count == 1 and "confidence 0.6" in doubtful.no_page     # its quote stays in the data
    assert speakers(registry.build(records())) == [("Harbor Valley Times", ORG, 1), ("Zintra Analytics", ORG, 2)]
    path = tmp_path / "aliases.yaml"
    path.write_text("entities:\n  - name: Harbor Valley Times\n")                  # the editor vouches for it
    reg = registry.build(records(), registry.load_aliases(str(path)), min_confidence=0.5)
    assert [s.name for s in reg.speakers] == ["Harbor Valley Times", "Zintra Analytics"]
