"""Issue 12: one speaker page per real organisation. A brand and its "… News" form, a body tied to
one country whatever its article's country, a portfolio's name in its several forms (names
written for the test; no spaCy)."""
import pytest
from test_registry import art, ent, quote, rec

from newsgraph.site import registry
from newsgraph.site.registry.names import brand_of, portfolio_form

ORG = "Organization"


def about(country, n=3):
    """An entity that makes an article be about ``country`` (named ``n`` times)."""
    return ent("c", country, "Place", mentions=n)


def speaker_names(reg):
    return sorted(s.name for s in reg.speakers)


# --------------------------------------------------------------------------- a brand and its variants

@pytest.mark.parametrize("name,brand", [
    ("KWX News", "kwx"), ("KWX Network", "kwx"), ("QRT Group", "qrt"), ("QRT Inc.", "qrt"),
    ("KWX", None), ("Vexo News", None),            # no trailing word; no acronym (a channel or a company?)
    ("KWX Radio", None), ("KWX News Tonight", None),
])
def test_brand_of(name, brand):
    assert brand_of(name) == brand


def test_an_acronym_brand_and_its_news_form_are_one_page():
    reg = registry.build([
        rec(art("a"), [ent("o1", "KWX News", ORG, mentions=3)], [quote("o1")]),
        rec(art("b"), [ent("o1", "KWX", ORG)], [quote("o1")]),
        rec(art("c"), [ent("o1", "QKWX", ORG)], [quote("o1")]),            # another broadcaster
    ])
    assert speaker_names(reg) == ["KWX News", "QKWX"]
    kwx = reg.find("KWX")
    assert kwx.name == "KWX News" and kwx.quote_count == 2 and "brand KWX" in kwx.joined
    assert reg.find("QKWX") is not kwx and reg.find("QKWX").joined is None


def test_a_word_brand_and_its_news_form_stay_apart():
    # "Vexo" may be the company owning the channel "Vexo News": the name does not tell
    reg = registry.build([
        rec(art("a"), [ent("o1", "Vexo News", ORG)], [quote("o1")]),
        rec(art("b"), [ent("o1", "Vexo", ORG)], [quote("o1")]),
    ])
    assert speaker_names(reg) == ["Vexo", "Vexo News"]


def test_no_brand_page_of_a_person_named_like_the_acronym():
    # only an organisation named by the bare acronym is the brand
    reg = registry.build([
        rec(art("a"), [ent("o1", "KWX News", ORG)], [quote("o1")]),
        rec(art("b"), [ent("p1", "KWX", "Person")], [quote("p1")]),
    ])
    assert reg.find("KWX News") is not reg.find("KWX")


# --------------------------------------------------------------------------- bodies of one country

def test_a_country_bound_body_is_its_country_s_whatever_the_article_is_about():
    reg = registry.build([
        rec(art("a"), [about("United Kingdom"), ent("o1", "State Department", ORG)], [quote("o1")]),
        rec(art("b"), [ent("o1", "US State Department", ORG)], [quote("o1")]),
        rec(art("c"), [about("Canada"), ent("o1", "Home Office", ORG)], [quote("o1")]),
        rec(art("d"), [ent("o1", "UK Home Office", ORG)], [quote("o1")]),
    ])
    state = reg.find("State Department")
    assert state is reg.find("US State Department") and state.quote_count == 2
    assert "United States" in state.joined
    home = reg.find("Home Office")
    assert home is reg.find("UK Home Office") and home is not state and home.quote_count == 2


def test_a_generic_body_still_follows_its_article():
    # not in the table: "Supreme Court" of an article about the UK is the UK's, not the US one
    reg = registry.build([
        rec(art("a"), [about("United Kingdom"), ent("o1", "Supreme Court", ORG)], [quote("o1")]),
        rec(art("b"), [ent("o1", "US Supreme Court", ORG)], [quote("o1")]),
    ])
    assert reg.find("Supreme Court") is not reg.find("US Supreme Court")


# --------------------------------------------------------------------------- a portfolio's forms

@pytest.mark.parametrize("a,b", [
    ("Emergency Situations Ministry", "Emergencies Ministry"),
    ("Ministry of Emergency Situations", "Emergencies Ministry"),
    ("Foreign Affairs Ministry", "Foreign Ministry"),
    ("Ministry of the Interior", "Interior Ministry"),
    ("Department of Justice", "Justice Department"),
    ("Department of Veterans Affairs", "Veterans Department"),
])
def test_forms_of_one_portfolio(a, b):
    assert portfolio_form(a.split()) == portfolio_form(b.split()) is not None


@pytest.mark.parametrize("a,b", [
    ("Defence Industry Ministry", "Defence Ministry"),       # another portfolio
    ("Foreign Trade Ministry", "Trade Ministry"),
    ("Health Department", "Health Ministry"),                # another head word
])
def test_different_portfolios(a, b):
    assert portfolio_form(a.split()) != portfolio_form(b.split())


@pytest.mark.parametrize("name", [
    "Harlow Police Department",         # a town's (a place in the name)
    "Ministry of Sound Records", "Affairs Ministry", "Ministry", "Department of",
])
def test_no_portfolio(name):
    assert portfolio_form(name.split()) is None


def test_a_portfolio_is_one_body_per_country():
    reg = registry.build([
        rec(art("a"), [about("Kazakhstan"), ent("o1", "Emergency Situations Ministry", ORG)], [quote("o1")]),
        rec(art("b"), [about("Kazakhstan"), ent("o1", "Emergencies Ministry", ORG, mentions=2)], [quote("o1")]),
        rec(art("c"), [about("Kyrgyzstan"), ent("o1", "Ministry of Emergency Situations", ORG)], [quote("o1")]),
        rec(art("d"), [about("Kazakhstan"), ent("o1", "Defence Industry Ministry", ORG)], [quote("o1")]),
    ])
    kz = reg.find("Emergency Situations Ministry")
    assert kz.name == "Emergencies Ministry" and kz.quote_count == 2 and "Kazakhstan" in kz.joined
    assert reg.find("Ministry of Emergency Situations") is not kz
    assert reg.find("Defence Industry Ministry") is not kz


def test_same_named_portfolios_of_two_countries_say_whose():
    reg = registry.build([
        rec(art("a"), [about("Samoa"), ent("o1", "Ministry of Foreign Affairs", ORG)], [quote("o1")]),
        rec(art("b"), [about("Fiji"), ent("o1", "Ministry of Foreign Affairs", ORG)], [quote("o1")]),
    ])
    assert speaker_names(reg) == ["Ministry of Foreign Affairs (Fiji)", "Ministry of Foreign Affairs (Samoa)"]


def test_an_air_force_is_one_per_country():
    # "Air Force" is a generic body's name (every country has one), keyed by its article's country
    reg = registry.build([
        rec(art("a"), [about("United States"), ent("o1", "Air Force", ORG)], [quote("o1")]),
        rec(art("b"), [ent("o1", "US Air Force", ORG)], [quote("o1")]),
        rec(art("c"), [about("Iran"), ent("o1", "Air Force", ORG)], [quote("o1")]),
    ])
    us = reg.find("US Air Force")
    assert us.quote_count == 2 and "Air Force" in us.aliases
    assert sorted((s.name, s.quote_count) for s in reg.speakers) == [("Air Force", 1), ("US Air Force", 2)]


# --------------------------------------------------------------------------- an adjective of nationality first

@pytest.mark.parametrize("word,country", [
    ("Turkish", "Turkey"), ("Iraqi", "Iraq"), ("French", "France"), ("Canadian", "Canada"),
    ("Federal", None), ("Royal", None), ("Democratic", None),
])
def test_demonym_country(word, country):
    from newsgraph.site.eligibility import demonym_country
    assert demonym_country(word) == country


def test_a_nationality_first_names_the_country_of_a_body_of_one_per_country():
    reg = registry.build([
        rec(art("a"), [ent("o1", "Turkish Foreign Ministry", ORG)], [quote("o1")]),
        rec(art("b"), [ent("o1", "Turkish Ministry of Foreign Affairs", ORG)], [quote("o1")]),
        rec(art("c"), [about("Turkey"), ent("o1", "Foreign Ministry", ORG, mentions=3)], [quote("o1")]),
        rec(art("d"), [about("Greece"), ent("o1", "Foreign Ministry", ORG)], [quote("o1")]),
        rec(art("e"), [ent("o1", "Turkish Rail Union", ORG)], [quote("o1")]),     # no body of one per country
        rec(art("f"), [ent("o1", "Rail Union", ORG)], [quote("o1")]),
    ])
    tr = reg.find("Turkish Foreign Ministry")
    assert tr is reg.find("Turkish Ministry of Foreign Affairs") and tr.quote_count == 3 and "Turkey" in tr.joined
    assert reg.find("Rail Union") is not reg.find("Turkish Rail Union")
    assert len(reg.speakers) == 4


# --------------------------------------------------------------------------- organisations that are no speaker

@pytest.mark.parametrize("name,why", [
    ("Harbour Vessel Identification System", "data system"), ("Regional Injury Statistics System", "data system"),
    ("Coastal Fisheries Infobase", "data system"), ("Provincial Crime Dashboard", "data system"),
    ("Remarked Institute", "speech verb"), ("Stated Foundation", "speech verb"), ("Replied Trust", "speech verb"),
    ("Philippine Institute", "cut short"), ("Iraqi Ministry", "cut short"), ("Turkish Agency", "cut short"),
])
def test_organisations_that_are_no_speaker(name, why):
    from newsgraph.site.eligibility import why_not_speaker
    assert why in why_not_speaker(name, ORG, ("Organization",))


@pytest.mark.parametrize("name", [
    "Federal Reserve System", "Selective Service System", "Harbour University System",   # bodies named "System"
    "Associated Press", "Applied Research Institute", "United Nations",                  # no speech verb first
    "British Council", "Indian Army", "Turkish Airlines", "Saudi Press Agency",         # whole names
])
def test_organisations_that_keep_their_page(name):
    from newsgraph.site.eligibility import why_not_speaker
    assert why_not_speaker(name, ORG, ("Organization",)) is None


# --------------------------------------------------------------------------- an organisation glued before a person

def test_an_organisation_glued_before_a_person_is_the_person():
    reg = registry.build([
        rec(art("a"), [ent("o1", "Harbour Watch International", ORG, mentions=2)], [quote("o1")]),
        rec(art("b"), [ent("o1", "Harbour Watch International Lin-mei Osk", ORG)], [quote("o1")]),
        rec(art("c"), [ent("o1", "Harbour Watch International Hong Kong", ORG)], [quote("o1")]),   # a branch
        rec(art("d"), [ent("o1", "Harbour Watch International Press Office", ORG)], [quote("o1")]),
    ])
    person = reg.find("Lin-mei Osk")
    assert person is not None and person.type == "Person" and person.quote_count == 1
    assert "glued" in person.joined and person.aliases == ["Harbour Watch International Lin-mei Osk"]
    assert reg.find("Harbour Watch International").quote_count == 1
    assert reg.find("Harbour Watch International Hong Kong").type == ORG
    assert reg.find("Harbour Watch International Press Office").type == ORG
