"""Right speaker, by name (issue 11): pronouns, affiliations, descriptions, confidence.
Sentences are written for these tests."""
import pytest

from newsgraph import lexicon
from quote_helpers import name, one


@pytest.fixture
def marked(extract):
    def run(text):
        r = extract(text)
        return r, [q for q in r.quotes if q.kind in ("direct", "partial")]
    return run


# --------------------------------------------------------------------------- 1. pronouns
def test_first_name_table_gives_gender():
    assert lexicon.first_name_gender("Margaret") == "f"
    assert lexicon.first_name_gender("Gregory") == "m"
    assert lexicon.first_name_gender("Jordan") is None          # given to both: the article must say


def test_she_skips_a_man_named_later_by_first_name(marked):
    # the nearest person before "she" is a man, known only by his first name's gender
    r, qs = marked("Margaret Okafor criticised the budget proposed by Gregory Vance.\n\n"
                   "“This plan abandons the farmers,” she said.")
    assert name(r, one(qs, "abandons")) == "Margaret Okafor"


def test_he_is_the_subject_of_the_previous_sentence_not_the_last_name(marked):
    # a careful reader takes the sentence's subject (the retired judge), not the name in the object
    r, qs = marked("Retired judge Tomas Brandt spoke at length about his years serving under Victor Hale.\n\n"
                   "“The courts were starved of money,” he told the audience.")
    assert name(r, one(qs, "starved")) == "Tomas Brandt"


def test_he_follows_a_chain_of_pronoun_subjects(marked):
    r, qs = marked("Campaign adviser Dmitri Olsen met reporters on Friday.\n\n"
                   "He would not say why the rally with Nathan Price was cancelled.\n\n"
                   "“We have nothing to add,” he said.")
    assert name(r, one(qs, "nothing to add")) == "Dmitri Olsen"
