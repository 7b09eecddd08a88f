"""Issue 12 points 2-4: names cleaned, types from evidence, one identity per real entity.

Names written for the test (no spaCy): the registry sees only the engine's entities and quotes.
"""
from test_registry import art, ent, quote, rec

from newsgraph.site import registry

ORG = "Organization"


def speakers(reg):
    return sorted((s.name, s.type, s.quote_count) for s in reg.speakers)


# --------------------------------------------------------------------------- point 2: names

def test_an_occupation_glued_before_a_name_becomes_the_role():
    reg = registry.build([rec(art("a"), [ent("p1", "Virologist Maren Tollefsen")], [quote("p1")]),
                          rec(art("b"), [ent("p1", "Maren Tollefsen")], [quote("p1")])])
    assert speakers(reg) == [("Maren Tollefsen", "Person", 2)]
    assert reg.speakers[0].role == "Virologist"


def test_a_country_glued_before_a_name_joins_that_person_but_a_country_first_name_stays():
    reg = registry.build([
        rec(art("a"), [ent("o1", "Norway Maren Tollefsen", ORG)], [quote("o1")]),
        rec(art("b"), [ent("p1", "Maren Tollefsen")], [quote("p1")]),
        rec(art("c"), [ent("p1", "Chad Ellery Moss")], [quote("p1")]),     # nobody called "Ellery Moss"
    ])
    assert speakers(reg) == [("Chad Ellery Moss", "Person", 1), ("Maren Tollefsen", "Person", 2)]


def test_a_lowercase_description_is_not_part_of_a_name():
    reg = registry.build([rec(art("a"), [ent("o1", "news agency Zorvex Press", ORG)], [quote("o1")])])
    assert speakers(reg) == [("Zorvex Press", ORG, 1)]


def test_the_role_shown_is_the_newest_one():
    reg = registry.build([
        rec(art("a", 1), [ent("p1", "Tobin Marsh", role="Mayor")], [quote("p1")]),
        rec(art("b", 3), [ent("p1", "Tobin Marsh", role="Mayor")], [quote("p1")]),
        rec(art("c", 9), [ent("p1", "Governor Tobin Marsh")], [quote("p1")]),
        rec(art("d", 5), [ent("p1", "Tobin Marsh", role="Mayor")], [quote("p1")]),
    ])
    assert reg.speakers[0].role == "Governor"       # one article, but the newest, against three older


# --------------------------------------------------------------------------- point 3: types

def test_types_from_the_shape_of_the_name():
    reg = registry.build([
        rec(art("a"), [ent("o1", "Tobin Quarrie", ORG),          # a known first name, then a surname
                       ent("p1", "Harbor Valley News"),          # an organisation's word, no first name
                       ent("p2", "TideCast"),                    # camel case
                       ent("p3", "Osaka"),                       # a place, no first name
                       ent("o2", "Peru", ORG)],                  # a country: its government
            [quote("o1"), quote("p1", start=10), quote("p2", start=20), quote("p3", start=30),
             quote("o2", start=40)]),
    ])
    types = {i.name: i.type for i in reg}
    assert types == {"Tobin Quarrie": "Person", "Harbor Valley News": ORG, "TideCast": ORG,
                     "Osaka": "Place", "Peru": "Place"}
    assert all(i.retyped for i in reg)           # each says why, for the review report
    # a city is no speaker (its officials are named as such); a country's government is
    assert speakers(reg) == [("Harbor Valley News", ORG, 1), ("Peru", "Place", 1),
                             ("TideCast", ORG, 1), ("Tobin Quarrie", "Person", 1)]


def test_a_surname_ner_typed_as_an_organisation_is_the_person_named_in_full():
    reg = registry.build([rec(art("a"), [ent("p1", "Hanna De Vell"), ent("o1", "De Vell", ORG, mentions=6),
                                         ent("o2", "Pellmark", ORG)],
                              [quote("o1"), quote("p1", start=10), quote("o2", start=20)])])
    assert speakers(reg) == [("Hanna De Vell", "Person", 2), ("Pellmark", ORG, 1)]


def test_an_editor_type_is_never_second_guessed(tmp_path):
    path = tmp_path / "aliases.yaml"
    path.write_text("entities:\n  - {name: Tobin Quarrie, type: Organization}\n")
    reg = registry.build([rec(art("a"), [ent("o1", "Tobin Quarrie", ORG)], [quote("o1")])],
                         registry.load_aliases(str(path)))
    assert speakers(reg) == [("Tobin Quarrie", ORG, 1)]


# --------------------------------------------------------------------------- point 4: one identity

def test_a_first_name_or_surname_joins_the_person_the_article_names_in_full():
    reg = registry.build([
        rec(art("a"), [ent("p1", "Rupert Quell"), ent("p2", "Rupert"), ent("p3", "Mr. Quell"),
                       ent("p4", "Judge Quell")],
            [quote("p2"), quote("p3", start=10), quote("p4", start=20)]),
        rec(art("b"), [ent("p1", "Wanda Ibarra Solter"), ent("p2", "Ibarra")], [quote("p2")]),
    ])
    assert speakers(reg) == [("Rupert Quell", "Person", 3), ("Wanda Ibarra Solter", "Person", 1)]


def test_namesakes_stay_apart_and_an_unclear_word_gets_no_page():
    reg = registry.build([
        # a judge and an older namesake both named in full: "Pell" fits both, so neither gets it
        rec(art("a", 1), [ent("p1", "Hanna Voss Pell"), ent("p2", "Rupert Pell"), ent("p3", "Pell")],
            [quote("p3"), quote("p1", start=10)]),
        rec(art("b", 2), [ent("p1", "Rupert Pell", mentions=9)], [quote("p1")]),
        # a first name alone the site knows in full elsewhere: which one is unclear
        rec(art("c", 3), [ent("p1", "Hanna")], [quote("p1")]),
    ])
    assert speakers(reg) == [("Hanna Voss Pell", "Person", 1), ("Rupert Pell", "Person", 1)]
    assert reg.find("Pell").no_page and reg.find("Hanna").no_page


def test_a_single_word_that_is_no_first_name_gets_no_page_but_a_first_name_alone_does():
    reg = registry.build([rec(art("a"), [ent("p1", "Quillfeather"), ent("p2", "Priya")],
                              [quote("p1"), quote("p2", start=10)])])
    assert speakers(reg) == [("Priya", "Person", 1)]


def test_a_country_body_is_one_identity_per_country():
    records = [
        rec(art("a"), [ent("g1", "United States", "Place", mentions=4), ent("o1", "Senate", ORG)], [quote("o1")]),
        rec(art("b"), [ent("o1", "U.S. Senate", ORG)], [quote("o1")]),
        rec(art("c"), [ent("o1", "United States Senate", ORG)], [quote("o1")]),
        rec(art("d"), [ent("g1", "Peru", "Place", mentions=3), ent("o1", "Senate", ORG)], [quote("o1")]),
        rec(art("e"), [ent("g1", "Chile", "Place", mentions=3), ent("o1", "Senate", ORG)], [quote("o1")]),
        # a US state's body is not the country's
        rec(art("f"), [ent("o1", "Ohio Senate", ORG)], [quote("o1")]),
    ]
    reg = registry.build(records)
    assert speakers(reg) == [("Ohio Senate", ORG, 1), ("Senate (Chile)", ORG, 1), ("Senate (Peru)", ORG, 1),
                             ("United States Senate", ORG, 3)]


def test_a_short_organisation_name_joins_the_one_longer_name_of_its_article():
    reg = registry.build([
        rec(art("a"), [ent("o1", "Tidewater Harbour Court", ORG), ent("o2", "Harbour Court", ORG)], [quote("o2")]),
        # two longer names end with it: the mention is nobody's for sure
        rec(art("b"), [ent("o1", "Lakeside Post", ORG), ent("o2", "Hillcrest Post", ORG), ent("o3", "Post", ORG)],
            [quote("o3"), quote("o1", start=10)]),
    ])
    assert speakers(reg) == [("Lakeside Post", ORG, 1), ("Tidewater Harbour Court", ORG, 1)]


def test_an_acronym_joins_the_name_spelled_out_without_its_last_and_part():
    reg = registry.build([rec(art("a"), [ent("o1", "Bureau for Tide Monitoring and Response", ORG),
                                         ent("o2", "BTM", ORG)], [quote("o2")])])
    assert speakers(reg) == [("Bureau for Tide Monitoring and Response", ORG, 1)]


def test_a_piece_of_a_spelled_out_name_gives_way_to_the_acronym():
    reg = registry.build([rec(art("a"), [ent("o1", "Heritage Organization", ORG, aliases=["NSSHO"])],
                              [quote("o1")])])
    assert speakers(reg) == [("NSSHO", ORG, 1)]


def test_a_surname_typed_as_a_thing_that_fits_two_people_of_the_article_is_nobodys():
    reg = registry.build([rec(art("a"), [ent("p1", "Tobin Garrow"), ent("p2", "Margaret Garrow"),
                                         ent("o1", "Garrow", ORG, mentions=5)],
                              [quote("o1"), quote("p2", start=10)])])
    assert speakers(reg) == [("Margaret Garrow", "Person", 1)]


def test_a_surname_that_is_also_a_town_joins_the_person_unless_typed_a_place():
    reg = registry.build([
        rec(art("a"), [ent("p1", "Tobin Brack"), ent("o1", "Brack", ORG)], [quote("o1")]),     # a town too
        rec(art("b"), [ent("p1", "Margaret Osaka"), ent("g1", "Osaka", "Place")], [quote("g1")]),
    ])
    assert speakers(reg) == [("Tobin Brack", "Person", 1)]
    assert reg.find("Osaka").type == "Place" and reg.find("Osaka").quote_count == 1


def test_a_body_named_with_its_country_first_is_the_body_named_without_it():
    reg = registry.build([
        rec(art("a"), [ent("o1", "Peru Commission on Coastal Fisheries", ORG)], [quote("o1")]),
        rec(art("b"), [ent("o1", "Commission on Coastal Fisheries", ORG, mentions=3)], [quote("o1")]),
        rec(art("c"), [ent("o1", "Peru Today", ORG), ent("o2", "Today", ORG)], [quote("o1")]),   # one word: no
    ])
    assert speakers(reg) == [("Commission on Coastal Fisheries", ORG, 2), ("Peru Today", ORG, 1)]


def test_a_one_word_name_from_the_alias_file_keeps_its_page(tmp_path):
    path = tmp_path / "aliases.yaml"
    path.write_text("rename: {Margaret Quillfeather: Quillfeather}\n")
    reg = registry.build([rec(art("a"), [ent("p1", "Margaret Quillfeather")], [quote("p1")])],
                         registry.load_aliases(str(path)))
    assert speakers(reg) == [("Quillfeather", "Person", 1)]


def test_a_titled_surname_alone_keeps_its_page():
    reg = registry.build([rec(art("a"), [ent("p1", "Quillfeather", role="Senator")], [quote("p1")])])
    assert speakers(reg) == [("Quillfeather", "Person", 1)]


def test_a_group_with_a_first_name_or_an_organisations_word_is_retyped():
    reg = registry.build([rec(art("a"), [ent("g1", "Margaret", "Group"), ent("g2", "Velarian KGB", "Group"),
                                         ent("g3", "Velarians", "Group")],
                              [quote("g1"), quote("g2", start=10), quote("g3", start=20)])])
    assert speakers(reg) == [("Margaret", "Person", 1), ("Velarian KGB", ORG, 1)]
