"""Names, merges and roles readers flagged on the speaker pages: a role cut at a hyphen or at a
portfolio, a post-nominal or a cast/guest label glued to a name, an acronym two countries' bodies
share, and alternate names that are a title plus the name or a piece of it. Sentences and names
are written for the test."""
import pytest
from spacy.tokens import Span as SpacySpan
from test_registry import art, ent, quote, rec

from newsgraph.engine.entities import extract_entities, split_title
from newsgraph.site import registry
from newsgraph.site.eligibility import why_not_speaker
from newsgraph.site.jsonld import views
from newsgraph.site.jsonld.graph import alternate_names
from newsgraph.site.registry.merge import shared_acronyms

ORG = "Organization"


@pytest.fixture
def people(nlp):
    """(text, person phrases NER found) -> {name: role} of the article's people."""
    def run(text, phrases):
        doc = nlp(text)
        spans = []
        for p in phrases:
            i = text.index(p)
            sp = doc.char_span(i, i + len(p))
            assert sp is not None, p
            spans.append(SpacySpan(doc, sp.start, sp.end, label="PERSON"))
        doc.ents = sorted(spans, key=lambda s: s.start)
        return {e.name: e.role for e in extract_entities(doc).entities if e.type == "Person"}
    return run


# --------------------------------------------------------------------------- roles

def test_a_hyphenated_title_is_the_whole_role(people):
    got = people("The alliance's Secretary-General Marta Olsen wrote a letter on Monday.", ["Marta Olsen"])
    assert got == {"Marta Olsen": "Secretary-General"}


def test_a_lowercase_hyphenated_title_is_the_whole_role(people):
    got = people("The agency's director-general Ana Ruiz Vidal said the name had to be short.", ["Ana Ruiz Vidal"])
    assert got == {"Ana Ruiz Vidal": "director-general"}


def test_a_spaced_dash_is_no_part_of_a_title(people):
    # "General - Jo Roe" is a list or an aside, not one hyphenated title
    got = people("They thanked the Secretary - General Marta Olsen too.", ["Marta Olsen"])
    assert got["Marta Olsen"] != "Secretary-General"


def test_a_ranks_portfolio_stays_in_the_role(people):
    got = people('"It is over," Deputy Flood Relief Minister Ivan Petrenko told reporters.', ["Ivan Petrenko"])
    assert got == {"Ivan Petrenko": "Deputy Flood Relief Minister"}


def test_no_portfolio_without_a_rank(people):
    # capitalised words before a title with no "Deputy"/"Vice" before them are not taken in
    got = people('"It is over," Flood Relief Minister Ivan Petrenko told reporters.', ["Ivan Petrenko"])
    assert got == {"Ivan Petrenko": "Minister"}


@pytest.mark.parametrize("words,role,rest", [
    ("Secretary-General Marta Olsen", "Secretary-General", "Marta Olsen"),
    ("Deputy Flood Relief Minister Ivan Petrenko", "Deputy Flood Relief Minister", "Ivan Petrenko"),
    ("Deputy Ivan Petrenko", "Deputy", "Ivan Petrenko"),          # no title after: a name
    ("Well-Known Marta Olsen", "", "Well-Known Marta Olsen"),      # hyphenated, but no title words
])
def test_split_title(words, role, rest):
    r, n = split_title(words.split())
    assert (" ".join(r), " ".join(n)) == (role, rest)


# --------------------------------------------------------------------------- names

def test_a_post_nominal_is_dropped_from_the_name(people):
    got = people("Judge Colin Marsh QC said they were cruel.", ["Colin Marsh QC"])
    assert got == {"Colin Marsh": "Judge"}


def test_a_cast_label_is_no_first_name(people):
    got = people("Lead Tomas Varga talked about the series.", ["Lead Tomas Varga"])
    assert list(got) == ["Tomas Varga"]


def test_a_guest_of_honour_label_is_no_first_name(people):
    got = people("Guests of Honour Pia and Leo Brandt spoke at the event.", ["Honour Pia", "Leo Brandt"])
    assert sorted(got) == ["Leo Brandt", "Pia"]


# --------------------------------------------------------------------------- an acronym two countries share

def _two_kwx():
    """FKW is the Freedonian broadcaster (spelled out in one article) and FKW Sylvania (another)."""
    return [
        rec(art("a"), [ent("o1", "Freedonian Kestrel Works", ORG, aliases=["FKW"], mentions=2),
                       ent("c", "Freedonia", "Place", mentions=3)], [quote("o1")]),
        rec(art("b"), [ent("o1", "FKW Sylvania", ORG), ent("c", "Sylvania", "Place", mentions=3)], [quote("o1")]),
    ]


def test_shared_acronyms_needs_two_countries(monkeypatch):
    import newsgraph.site.registry.merge as merge
    monkeypatch.setattr(merge, "demonym_country", lambda w: "Freedonia" if w == "Freedonian" else None)
    monkeypatch.setattr(merge, "country_of", lambda w, states=True: w if w in ("Freedonia", "Sylvania") else None)
    assert shared_acronyms(_two_kwx()) == {"FKW": {"Freedonia": "Freedonian Kestrel Works",
                                                   "Sylvania": "FKW Sylvania"}}
    assert shared_acronyms(_two_kwx()[:1]) == {}


def test_a_bare_shared_acronym_joins_only_its_articles_countrys_body(monkeypatch):
    import newsgraph.site.registry.merge as merge
    monkeypatch.setattr(merge, "demonym_country", lambda w: "Freedonia" if w == "Freedonian" else None)
    places = {"Freedonia", "Sylvania", "Ruritania"}
    real = merge.country_of
    monkeypatch.setattr(merge, "country_of", lambda w, states=True: w if w in places else real(w, states))
    reg = registry.build([
        *_two_kwx(),
        # an article about Freedonia: its FKW is Freedonia's
        rec(art("c"), [ent("o1", "FKW News", ORG), ent("c", "Freedonia", "Place", mentions=3)], [quote("o1")]),
        # an article about a third country: either body; nobody's page
        rec(art("d"), [ent("o1", "FKW", ORG), ent("c", "Ruritania", "Place", mentions=3)], [quote("o1")]),
    ])
    fre = reg.find("Freedonian Kestrel Works")
    assert fre is not None and fre.quote_count == 2
    assert reg.find("FKW Sylvania").quote_count == 1
    assert sum(s.quote_count for s in reg.speakers) == 3


def test_an_acronym_of_one_body_still_joins_across_articles():
    reg = registry.build([
        rec(art("a"), [ent("o1", "Fine Kestrel Works", ORG, aliases=["FKW"], mentions=2)], [quote("o1")]),
        rec(art("b"), [ent("o1", "FKW", ORG)], [quote("o1")]),
    ])
    assert reg.find("FKW") is reg.find("Fine Kestrel Works")
    assert reg.find("FKW").quote_count == 2


# --------------------------------------------------------------------------- alternate names

def _view(name, aliases, type="Person"):
    return views.EntityView(key="x/y", name=name, type=type, aliases=aliases)


def test_a_title_before_a_persons_name_is_no_alternate_name():
    v = _view("Dana Kovac", ["Broadcaster Dana Kovac", "Crown Prince Dana Kovac", "Kovac", "D. Kovac"])
    assert alternate_names(v) == ["Kovac", "D. Kovac"]


def test_a_piece_cut_at_a_names_list_is_no_alternate_name():
    v = _view("UNEXO", ["United Nations Example, Scientific and Cultural Office", "Cultural Office",
                        "Scientific and Cultural Office", "Example Office"], type="Organization")
    assert alternate_names(v) == ["United Nations Example, Scientific and Cultural Office", "Example Office"]
    # (a body named otherwise keeps "Example Office"; see below for one named by its acronym)


def test_the_end_of_the_name_an_acronym_spells_is_no_alternate_name():
    v = _view("UNEXO", ["Xeno Office", "United Nations Xeno Office", "Unexo Agency"], type="Organization")
    # "Xeno Office" spells "XO", the end of UNEXO: a fragment; a longer name and another name stay
    assert alternate_names(v) == ["United Nations Xeno Office", "Unexo Agency"]


# --------------------------------------------------------------------------- a place's own body

@pytest.fixture
def ents(nlp):
    """(text, [(phrase, label, nth occurrence)]) -> {name: mentions} of the article's entities."""
    def run(text, spans):
        doc = nlp(text)
        new = []
        for phrase, label, nth in spans:
            i = -1
            for _ in range(nth + 1):
                i = text.index(phrase, i + 1)
            sp = doc.char_span(i, i + len(phrase))
            new.append(SpacySpan(doc, sp.start, sp.end, label=label))
        doc.ents = sorted(new, key=lambda s: s.start)
        return {e.name: e.mentions for e in extract_entities(doc).entities}
    return run


TERRITORY = ("Guam's governor quit on Friday. In Guam, the Senate had not confirmed his successor. "
             "Guam has no vote in the U.S. Senate. The Senate will meet on Monday.")
TERRITORY_SPANS = [("Guam", "GPE", 0), ("Guam", "GPE", 1), ("Guam", "GPE", 2), ("U.S. Senate", "ORG", 0),
                   ("Senate", "ORG", 0), ("Senate", "ORG", 2)]


def test_a_bare_body_in_an_article_about_another_place_is_not_the_countrys(ents):
    got = ents(TERRITORY, TERRITORY_SPANS)
    assert got["U.S. Senate"] == 1 and got["Senate"] == 2


def test_a_bare_body_joins_the_countrys_when_the_article_is_about_the_country(ents):
    text = TERRITORY.replace("Guam", "the United States", 1).replace("In Guam", "In Washington").replace(
        "Guam has", "The United States has")
    got = ents(text, [("United States", "GPE", 0), ("United States", "GPE", 1), ("U.S. Senate", "ORG", 0),
                      ("Senate", "ORG", 0), ("Senate", "ORG", 2)])
    assert got["U.S. Senate"] == 3 and "Senate" not in got


@pytest.mark.parametrize("name,etype,ok", [
    ("Senate", "Organization", False), ("The Parliament", "Organization", False),
    ("Parliament (Canada)", "Organization", True), ("Ruritanian Senate", "Organization", True),
    ("Senate", "Person", True),       # (left to the person rules)
])
def test_a_body_of_one_per_country_with_no_country_has_no_page(name, etype, ok):
    assert (why_not_speaker(name, etype, ("Person", "Organization")) is None) is ok
