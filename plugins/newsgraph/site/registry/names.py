"""Names: comparison keys (:func:`norm`), display forms, and what a name's shape says (a title, a
glued job or country, a generic body's country, an acronym's initials, a better type than NER's).
Pure functions of a name, used by the merge steps."""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter
from typing import Iterable

from ...engine.lexicon import (
    BARRISTER_RANKS,
    BRAND_TRAILING_WORDS,
    CHAMBER_SHORT_FORMS,
    COLLECTIVE_WORDS,
    COUNTRY_BOUND_BODIES,
    COUNTRY_UNIQUE_BODIES,
    COURTESY,
    GENERIC_HEADS,
    GENERIC_ORG_WORDS,
    GLUED_JOB_WORDS,
    NAME_TITLE_WORDS,
    ORG_HEAD_WORDS,
    ORG_NAME_WORDS,
    ORG_WORDS,
    PORTFOLIO_FILLER_NOUNS,
    PORTFOLIO_HEADS,
    PRODUCT_LAST_WORDS,
    SITE_TITLE_WORDS,
    is_first_name,
)
from ..eligibility import country_of, demonym_country, is_demonym, is_known_place, is_large_city
from ..safe import strip_invisible

#: Words skipped when forming an organisation's initials.
MINOR_WORDS = frozenset("of the and for on in at to a an & de".split())
INITIAL = re.compile(r"^[A-Za-z]\.?$")


_POSSESSIVE = re.compile(r"['’]s\b")
_NON_WORD = re.compile(r"[^\w&]+")
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_TRAILING_POSSESSIVE = re.compile(r"['’]s$")
#: the transliterated Arabic article inside a person's name ("al-Sisi", "el-Sisi", "Al-Assad")
_ARABIC_ARTICLE = re.compile(r"(?<=\s)[ae]l-(?=\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=1 << 16)
def byline_publication(byline: str) -> str | None:
    """The publication a collective byline names ("Wikinews contributors", "AP staff": Wikinews,
    AP), else None."""
    words = byline.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in COLLECTIVE_WORDS else None


def norm(name: str) -> str:
    """Comparison key of a name: case-, accent-, punctuation- and article-insensitive, and blind
    to invisible characters (a zero-width space or bidi override makes no look-alike twin)."""
    s = unicodedata.normalize("NFKD", strip_invisible(name))
    if not s.isascii():
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = _POSSESSIVE.sub("", s.casefold()).replace(".", "")
    s = _NON_WORD.sub(" ", s).strip()
    return s[4:] if s.startswith("the ") else s


#: Lowercase words that belong to a name ("de Blasio", "van Gogh", "bin Salman", "al-Assad").
_PARTICLES = frozenset("de del della di da das dos du la le van von der den ter bin ibn al el abu".split())


@functools.lru_cache(maxsize=1 << 16)
def clean_display(name: str) -> str:
    """A name as shown: no invisible characters, single spaces, no leading "the", no trailing
    possessive, no lowercase description before it ("news agency Fars" -> "Fars")."""
    name = _LEADING_THE.sub("", _SPACES.sub(" ", strip_invisible(name)).strip())
    words = name.split(" ")
    i = 0
    while i < len(words) - 1 and words[i].isalpha() and words[i].islower() and words[i] not in _PARTICLES:
        i += 1
    if i and any(c.isupper() for c in words[i][:1]):
        name = " ".join(words[i:])
    return _TRAILING_POSSESSIVE.sub("", name).strip()


#: An adjective of a title, capitalised before it ("Presidential Spokesperson", "Regional Director").
_TITLE_ADJECTIVE = re.compile(r"^[A-Z][a-z]{3,}(?:al|ary|ive|ior)$")


def _is_title_word(word: str) -> bool:
    return word.lower().replace(".", "") in NAME_TITLE_WORDS | SITE_TITLE_WORDS


def _strip_title(words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name words) of a person's name; at least two name words are kept. Adjectives
    count as the title's when a title word follows them ("Presidential Spokesperson Jo Roe")."""
    i = 0
    while i < len(words) - 2:
        if _is_title_word(words[i]):
            i += 1
            continue
        j = i
        while j < len(words) - 2 and _TITLE_ADJECTIVE.match(words[j]) and not _is_title_word(words[j]):
            j += 1
        if j == i or j >= len(words) - 2 or not _is_title_word(words[j]):
            break
        i = j + 1
    # "Mr. Sessions": a courtesy title before a bare surname
    if len(words) == 2 and words[0].lower().replace(".", "") in COURTESY:
        i = 1
    return words[:i], words[i:]


#: A capitalised occupation ending in "-ist" ("Immunologist", "Economist"; not "Christ").
_JOB_SHAPE = re.compile(r"^[A-Z][a-z]{3,}ist$")


def _glued(word: str) -> str | None:
    """What a word glued before a person's name is: "job" ("Immunologist Kristian Andersen"),
    "country" ("India Narendra Modi"), or None (part of the name)."""
    w = word.strip(".,")
    if w.lower() in GLUED_JOB_WORDS or _JOB_SHAPE.match(w):
        return "job"
    if country_of(w):
        return "country"
    return None


def _person_variants(name: str) -> tuple[str, list[str], str | None]:
    """(core name, other keys to merge with, role from a title prefix).

    An occupation glued before a name of at least two more words is split off into the role
    ("Immunologist Kristian Andersen"); a country so glued ("India Narendra Modi") only yields a
    key to merge with, since countries are first names too ("India Arie", "Chad Smith")."""
    words = clean_display(name).split()
    title, core = _strip_title(words)
    keys = []
    if len(core) >= 3 and _glued(core[0]) == "job":
        title, core = [*title, core[0]], core[1:]
    elif len(core) >= 3 and _glued(core[0]) == "country":
        keys.append(norm(" ".join(core[1:])))
    role = " ".join(title) if title and len(core) >= 2 else None
    if len(core) > 2 and all(INITIAL.match(w) for w in core[1:-1]):
        keys.append(norm(f"{core[0]} {core[-1]}"))        # drop middle initials
    return " ".join(core), keys, role


def _org_words(words: list[str]) -> bool:
    """Whether any word is one of organisation names ("News", "Council", "Institute")."""
    return any(w.lower().strip(".,'’") in _ORG_VOCAB for w in words)


_ORG_VOCAB = ORG_HEAD_WORDS | ORG_NAME_WORDS | GENERIC_HEADS | (ORG_WORDS - {"spokesman", "spokeswoman",
                                                                           "spokesperson", "representative",
                                                                           "official", "officials"})
#: Last words of a generic body's name ("Supreme Court", "Liberal Party", "Parliament").
_GENERIC_LAST = GENERIC_HEADS | frozenset("""congress house commons lords cabinet courts forces guard
democrats republicans conservatives greens socialists ministry force""".split())


def _generic(words: list[str]) -> bool:
    """A name made only of generic words and ending in a body's head word ("Supreme Court")."""
    low = [w.lower().strip(".,'’") for w in words]
    return bool(low) and low[-1] in _GENERIC_LAST and all(w in GENERIC_ORG_WORDS or w in GENERIC_HEADS for w in low)


def _country_split(name: str) -> tuple[str | None, list[str]]:
    """(country, the rest) of "U.S. Supreme Court", "United States Supreme Court", "Parliament of
    Iraq"; (None, words) when the name names no country first or last."""
    words = clean_display(name).split()
    for n in (3, 2, 1):         # (countries only: "Wisconsin Supreme Court" is no U.S. Supreme Court)
        if len(words) > n:
            c = country_of(" ".join(words[:n]), states=False)
            if c:
                return c, words[n:]
            if len(words) > n + 1 and words[-n - 1].lower() == "of":
                c = country_of(" ".join(words[-n:]), states=False)
                if c:
                    return c, words[:-n - 1]
    return None, words


#: British "-isation" and American "-ization" spell one name ("World Health Organisation").
_ISATION = re.compile(r"isation\b")


def _barrister_rank(word: str) -> bool:
    """A senior barrister's rank written after a name ("QC", "KC": ``BARRISTER_RANKS``), which ends
    a person's name, never an organisation's ("Jane Doe QC")."""
    w = word.strip(".")
    return w.isupper() and w.lower() in BARRISTER_RANKS


def _singular(word: str) -> str:
    """A plural's singular the regular ways ("emergencies", "services"), else the word."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _portfolio_shape(low: list[str]) -> str | None:
    """:func:`portfolio_form` of normalised words, by their shape alone (no gazetteer)."""
    if any(not w or " " in w for w in low):
        return None
    if len(low) >= 2 and low[-1] in PORTFOLIO_HEADS:
        head, mods = low[-1], low[:-1]
    elif len(low) >= 3 and low[0] in PORTFOLIO_HEADS and low[1] == "of":
        head, mods = low[0], low[2:]
    else:
        return None
    if mods and mods[0] == "the":
        mods = mods[1:]
    if not 1 <= len(mods) <= 4 or any(not w.isalpha() or w in PORTFOLIO_HEADS or w in ("of", "the")
                                      or w in ORG_HEAD_WORDS for w in mods):
        return None     # (a company's or medium's word: "Ministry of Sound Records" is a label)
    mods = [_singular(w) for w in mods if w not in PORTFOLIO_FILLER_NOUNS]
    return f"{head} {' '.join(mods)}" if mods and mods != ["and"] else None


def portfolio_form(words: list[str]) -> str | None:
    """One form of a government portfolio's name whatever its order, plurals and filler nouns:
    "Emergency Situations Ministry", "Emergencies Ministry" and "Ministry of Emergency Situations"
    are all "ministry emergency"; "Justice Department" and "Department of Justice" "department
    justice". None for any other name, one naming a place ("Montgomery County Police
    Department" is a county's, not a portfolio of a government) or with a company's or medium's
    word (``ORG_HEAD_WORDS``: "Ministry of Sound Records")."""
    low = [norm(w) for w in words]
    form = _portfolio_shape(low)
    if form is None:
        return None
    mods = low[:-1] if low[-1] in PORTFOLIO_HEADS else low[2:]
    if is_known_place(" ".join(mods)) or any(w not in ("and", "the") and is_known_place(w) for w in mods):
        return None
    return form


@functools.lru_cache(maxsize=1)
def _bound() -> dict[str, str]:
    """Country-bound bodies by their comparison form (a portfolio's name in any order: "Department
    of State" is the State Department)."""
    return {_portfolio_shape(k.split()) or k: c for k, c in COUNTRY_BOUND_BODIES.items()}


def _org_key(name: str, country: str | None) -> str:
    """Comparison key of an organisation's name: a generic body's name is one per country ("U.S.
    Supreme Court", "United States Supreme Court" and, in an article about the US, "Supreme
    Court" share "supreme court@united states"); a government portfolio's name
    (:func:`portfolio_form`) too, in any of its forms; a body the press ties to one country
    ("State Department", "Kremlin": ``COUNTRY_BOUND_BODIES``) is keyed by that country, not its
    article's; any other name is its :func:`norm`, "-isation" spelt "-ization"."""
    return org_key_why(name, country)[0]


def org_key_why(name: str, country: str | None) -> tuple[str, str | None]:
    """:func:`_org_key` and why it is no plain :func:`norm` of the name (None when it is)."""
    c, rest = _country_split(name)
    if c is None and len(rest) >= 2 and demonym_country(rest[0]):
        # an adjective of nationality first ("Turkish Foreign Ministry", "Tunisian Parliament"):
        # the country, when the rest is a body of one per country (below)
        adj = _country_split(" ".join(rest[1:]))[1]
        if _portfolio_shape([norm(w) for w in adj]) or _generic(adj) or norm(" ".join(adj)) in CHAMBER_SHORT_FORMS \
                or norm(" ".join(adj)) in _bound():
            c, rest = demonym_country(rest[0]), adj
    form = portfolio_form(rest)
    rest_key = norm(" ".join(rest))
    bound = _bound().get(form or rest_key)
    if bound:
        return (f"{form or rest_key}@{norm(c or bound)}",
                f"'{name}': a body the press ties to one country, {c or bound}, whatever its article is about")
    short = CHAMBER_SHORT_FORMS.get(rest_key)      # "House of Representatives": "House"
    why = ("a chamber's full name and short form are one" if short else
           "a government portfolio's name, one body per country whatever its word order, plural or filler noun"
           if form else "a generic body's name, one per country")
    if c and (short or form or _generic(rest)):
        return f"{short or form or rest_key}@{norm(c)}", f"'{name}': {why} ({c}, from the name)"
    if country and (short or form or _generic(clean_display(name).split())):
        return f"{short or form or norm(name)}@{norm(country)}", f"'{name}': {why} ({country}, the article's)"
    if form:
        return form, f"'{name}': {why} (no country known)"
    return _ISATION.sub("ization", norm(name)), None


def brand_of(name: str) -> str | None:
    """The brand a name is, when it is an acronym-like brand plus a word such brands add with no
    change of body ("NBC News", "WPP Group": ``BRAND_TRAILING_WORDS``): its :func:`norm` ("nbc");
    else None. Only an acronym of 2-5 capitals: "Sky News" or "Fox News" may be the channel of a
    larger company or the company itself, which the name does not tell."""
    words = clean_display(name).split()
    if len(words) != 2 or norm(words[1]) not in BRAND_TRAILING_WORDS:
        return None
    return norm(words[0]) if re.fullmatch(r"[A-Z]{2,5}", words[0]) else None


def is_generic_word(name: str) -> bool:
    """A one-word name that is a generic body's head word ("Court", "Department", "Board"):
    the short form of a different body in each article; not a body a country has only one of
    ("Congress", "Parliament": the country rule keys those)."""
    words = clean_display(name).split()
    if len(words) != 1:
        return False
    w = words[0].lower().strip(".,'’")
    return w in _GENERIC_LAST and w not in COUNTRY_UNIQUE_BODIES


#: A name of capitalised syllables of 3+ letters run together ("EastMed", "SouthPac").
_CAMEL_PARTS = re.compile(r"^(?:[A-Z][a-z]{2,}){2,4}$")


def is_contraction(short: str, name: str) -> bool:
    """Whether a one-word name is run together from the starts of another name's words, in order
    ("EastMed" of "Eastern Mediterranean")."""
    if not _CAMEL_PARTS.match(short):
        return False
    parts = [p.lower() for p in re.findall(r"[A-Z][a-z]+", short)]
    words = [w.lower() for w in clean_display(name).split()]
    return len(words) == len(parts) and all(w.startswith(p) for w, p in zip(words, parts)) \
        and any(len(w) > len(p) for w, p in zip(words, parts))


def _retype(name: str, etype: str, has_role: bool, aliases: Iterable[str] = ()) -> tuple[str, str] | None:
    """A type the name's shape shows better than NER's label, with why; None to keep ``etype``.

    - a one-word "person" the gazetteer knows as a place and that is no first name: a place;
    - a "person" whose last word is a product's or software's ("Rocky Linux"): a product;
    - a one-word "person" in camel case ("CalFire", "UpGuard"): an organisation;
    - a "person" with no known first name whose name holds an organisation's word ("Sputnik
      News", "Emergency Management Presidency") or an acronym ("CNN Philippines"): an organisation;
    - a "group" that is a known first name and no nationality ("German" of Germany stays a
      group): a person; with an organisation's word or acronym
      ("Belarusian KGB"): an organisation;
    - an "organisation" named as a country: a place (its government speaking: "Armenia said");
    - an "organisation" named as a large city, with no organisation's word or acronym ("Omsk"):
      a place (its officials are named as such);
    - an "organisation" of capitalised words then "QC" or "KC": a person;
    - an "organisation" of two or three capitalised words, no organisation's word or place, whose
      last word alone is one of its names ("Gáspár Maróth", also "Maróth"): a person;
    - an "organisation" of two or three capitalised words, a known first name (or its first part,
      "Nils-Erik") first, no
      organisation word, acronym or country in it ("Nikki Holland"): a person.
    """
    words = name.split()
    if not words:
        return None
    first_known = is_first_name(words[0])
    if etype == "Person" and not has_role:
        if len(words) == 1 and not first_known and is_known_place(name):
            return "Place", "typed Person, but the gazetteer knows a place of this name and it is no first name"
        if len(words) >= 2 and words[-1].lower() in PRODUCT_LAST_WORDS:
            return "Product", "typed Person, but the name ends in a product's or software's word"
        if len(words) == 1 and re.match(r"^[A-Z][a-z]+[A-Z][A-Za-z]*$", name):
            return "Organization", "typed Person, but a camel-case name is a company's or agency's"
        if len(words) >= 2 and not first_known and (
                words[-1].lower() in _ORG_VOCAB or any(len(w) >= 3 and w.isalpha() and w.isupper() for w in words)):
            return "Organization", "typed Person, but no first name and an organisation's word or acronym in the name"
    if etype == "Group" and len(words) == 1 and first_known and not is_demonym(name):
        return "Person", "typed Group, but a known first name"
    if etype == "Group" and (_org_words(words) or any(len(w) >= 2 and w.isalpha() and w.isupper() for w in words)):
        return "Organization", "typed Group, but an organisation's word or acronym in the name"
    if etype == "Organization" and country_of(name, states=False):
        return "Place", "typed Organization, but the name is a country's (its government speaking)"
    if etype == "Organization" and not _org_words(words) and not any(w.isupper() for w in words) \
            and is_large_city(name):
        return "Place", "typed Organization, but the gazetteer knows a city of this name of over 100,000 people"
    if etype == "Organization" and len(words) >= 3 and _barrister_rank(words[-1]) \
            and all(w[:1].isupper() and w.replace("-", "").isalpha() and not w.isupper() for w in words[:-1]) \
            and not _org_words(words[:-1]):
        return "Person", "typed Organization, but a barrister's post-nominal (QC, KC) ends the name"
    if etype == "Organization" and 2 <= len(words) <= 3 and words[-1] in aliases and words[0].lower() not in ("al", "el") \
            and all(w[:1].isupper() and w.replace("-", "").isalpha() and not w.isupper() for w in words) \
            and not _org_words(words) and not any(country_of(w) for w in words) and not is_known_place(name) \
            and not is_known_place(words[-1]):
        return "Person", "typed Organization, but its last word alone names it too, as a surname does"
    first_known = first_known or ("-" in words[0] and is_first_name(words[0].split("-")[0]))
    if etype == "Organization" and 2 <= len(words) <= 3 and first_known and words[0].lower() not in ("al", "el") \
            and all(w[:1].isupper() and w.replace("-", "").isalpha() and not w.isupper() for w in words) \
            and not _org_words(words) and not any(country_of(w) for w in words) and not is_known_place(name):
        return "Person", "typed Organization, but a known first name then a surname, and no organisation's word"
    return None


#: Transliterations of the Slavic ending -ий/-ый: "Zelenskyy", "Zelenskiy", "Zelenskii", "Zelensky".
_SLAVIC_Y = re.compile(r"(?<=\w{3})(?:yy|iy|ii|yi|y)$", re.IGNORECASE)


def _spelling_key(core: str) -> str | None:
    """A key shared by transliterations of one name: "al-Sisi" and "el-Sisi" -> "sisi";
    "Volodymyr Zelenskyy" and "Volodymyr Zelensky" -> "volodymyr zelensky"."""
    if " " not in core:
        return None
    arabic = bool(_ARABIC_ARTICLE.search(core))
    words = (_ARABIC_ARTICLE.sub("", core) if arabic else core).split()
    if _SLAVIC_Y.search(words[-1]):
        words[-1] = _SLAVIC_Y.sub("y", words[-1])
    elif not arabic:
        return None
    return "p~" + norm(" ".join(words))


def _initials(name: str) -> set[str]:
    """Acronyms a name may have: its initials, without minor words, and without a last "and ..."
    part ("Centers for Disease Control and Prevention" is the CDC)."""
    words = re.findall(r"[A-Za-z][\w']*", name)
    if len(words) < 2 or any(len(w) > 1 and w.isupper() for w in words):    # ("CC BY-SA" is no "CBS")
        return set()
    out = {"".join(w[0] for w in words).upper(),
           "".join(w[0] for w in words if w.lower() not in MINOR_WORDS).upper()}
    low = [w.lower() for w in words]
    if "and" in low[2:]:
        head = words[:len(low) - 1 - low[::-1].index("and")]
        out.add("".join(w[0] for w in head if w.lower() not in MINOR_WORDS).upper())
    return out


def _is_acronym(name: str) -> bool:
    s = name.replace(".", "")
    return 2 <= len(s) <= 8 and s.isalpha() and s.isupper()


def _canonical(forms: Counter, etype: str) -> str:
    """The display name of a cluster: the most used full form (not a bare surname/acronym/title)."""
    cands = [(f, c) for f, c in forms.items() if f]
    if not cands:
        return ""
    if etype == "Person":
        full = [(f, c) for f, c in cands if len(f.split()) >= 2 and not _strip_title(f.split())[0]
                and not (len(f.split()) >= 3 and _glued(f.split()[0]))]
        if full:
            cands = full
    else:
        full = [(f, c) for f, c in cands if not _is_acronym(f)]
        # a name whose initials end an acronym of the same identity is a piece of the spelled-out
        # name ("Cultural Organization" of UNESCO): the acronym is the better name
        acronyms = [(f, c) for f, c in cands if _is_acronym(f)]
        whole = [(f, c) for f, c in full if not any(
            len(a.replace(".", "")) > len(i) and a.replace(".", "").endswith(i)
            for a, _ in acronyms for i in _initials(f) if len(i) >= 2)]
        if whole:
            cands = whole
        elif full and acronyms:
            cands = acronyms
    return max(cands, key=lambda fc: (fc[1], len(fc[0]), fc[0]))[0]


def safe_slug(slug: str, name: str = "") -> str:
    """A slug that is one path segment: no separators, no dot-only names, never empty."""
    s = re.sub(r"[/\\\x00-\x1f]+", "-", slug or "")
    s = re.sub(r"\.{2,}", ".", s).strip(".- ")
    if not s:
        s = "x-" + hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return s[:80]
