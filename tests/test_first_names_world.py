"""First names beyond the US (the first-name table's names of other countries, built from Faker's
per-locale lists by scripts/build_first_names.py): the table, its lookup, pronoun agreement and
the registry's typing. Names and sentences are written for these tests."""
import pytest
from quote_helpers import name, one
from test_registry import art, ent, quote, rec

from newsgraph.engine import lexicon
from newsgraph.site import registry

ORG = "Organization"


def test_first_names_of_other_countries_have_their_gender():
    assert lexicon.first_name_gender("Grzegorz") == "m"          # Polish
    assert lexicon.first_name_gender("Agnieszka") == "f"
    assert lexicon.first_name_gender("Sven") == "m"              # Swedish
    assert lexicon.first_name_gender("Siobhan") == "f"           # Irish


def test_a_name_is_looked_up_with_or_without_its_accents():
    assert lexicon.first_name_key("Małgorzata") == "malgorzata"
    assert lexicon.first_name_key("Søren.") == "soren"
    assert lexicon.first_name_gender("Małgorzata") == lexicon.first_name_gender("Malgorzata") == "f"
    assert lexicon.first_name_gender("José") == lexicon.first_name_gender("Jose") == "m"


def test_the_us_names_keep_their_gender_and_ambiguous_ones_stay_without():
    assert lexicon.first_name_gender("Margaret") == "f" and lexicon.first_name_gender("Gregory") == "m"
    assert lexicon.first_name_gender("Jordan") is None


def test_a_first_name_of_either_sex_is_a_first_name_without_a_gender():
    # "Nicola" is a man's name in Italy and a woman's in Britain: no gender, but a first name
    assert lexicon.first_name_gender("Nicola") is None
    assert lexicon.is_first_name("Nicola") and lexicon.is_first_name("Grzegorz")
    assert not lexicon.is_first_name("Zzyzxq") and not lexicon.is_first_name("")


@pytest.mark.parametrize("word", [
    "Per", "Long", "Bent", "Son",           # first names somewhere, common English words here
    "Milan", "Paris", "Indiana", "Oman",    # a big city, a US state, a country
    "Von", "Le", "Del",                     # surname particles ("Le Pen")
    "November", "Monday",                   # dates
    "Philippine", "Turkmen", "Georgian",    # nationalities ("Philippine Institute", "Georgian Army")
    "Muslim", "Hong",                       # a religion; "Hong Kong"
])
def test_words_that_would_make_false_persons_are_no_first_names(word):
    assert not lexicon.is_first_name(word) and lexicon.first_name_gender(word) is None


def test_every_entry_is_a_folded_latin_name_with_a_known_gender_mark():
    table = lexicon._first_names()
    assert len(table) > 15000
    for key, g in table.items():
        assert g in ("m", "f", "?")
        assert key == lexicon.first_name_key(key) and key.replace("-", "").isascii() and key.replace("-", "").isalpha()


def test_she_skips_a_man_known_only_by_a_polish_first_name(extract):
    # the subject of the sentence before "she" is a man, known as one only by his first name
    r = extract("Agnieszka Wrobel chairs the harbour committee.\n\n"
                "Grzegorz Malec presented the budget on Tuesday.\n\n"
                "“This plan abandons the fishermen,” she said.")
    qs = [q for q in r.quotes if q.kind in ("direct", "partial")]
    assert name(r, one(qs, "abandons")) == "Agnieszka Wrobel"


def test_the_registry_types_a_person_with_a_first_name_of_another_country_as_a_person():
    reg = registry.build([rec(art("a"), [ent("o1", "Grzegorz Malec", ORG), ent("o2", "Malec Shipping Group", ORG),
                                         ent("o3", "Philippine Seafarers", ORG)],
                              [quote("o1"), quote("o2", start=10), quote("o3", start=20)])])
    types = {i.name: i.type for i in reg}
    assert types == {"Grzegorz Malec": "Person", "Malec Shipping Group": ORG, "Philippine Seafarers": ORG}
