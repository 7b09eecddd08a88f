"""Topics: which identities become an article's topic tags, and which of those are worth a tag
page on the site."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import Iterable

from ...engine.entities import SALIENT_MENTIONS, default_lead
from ...engine.lexicon import (
    CORE_TITLES,
    LABEL_TITLE_MODIFIERS,
    NAME_ADJECTIVE_SUFFIXES,
    NAME_TITLE_WORDS,
    SITE_TITLE_WORDS,
    SOURCE_AFTER,
    SOURCE_BEFORE,
)
from ...engine.model import Span
from ..eligibility import country_of, demonym_stems, is_large_city
from .names import byline_publication, is_contraction, norm
from .records import ArticleRecord, Identity

_MONTHS = "january february march april may june july august september october november december"
_JUNK = re.compile(
    r"^(?:[\d\W_]+|\d+(?:st|nd|rd|th|s)|(?:%s|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"today|yesterday|tomorrow)(?:\s+\d.*)?|.*\b\d{4}\b.*|.*\d+\s*%%.*)$" % _MONTHS.replace(" ", "|"), re.I)


#: Time zones named in datelines and schedules ("10 a.m. EST", "Pacific Time") are never topics.
_TIME_ZONE = re.compile(
    r"^(?:(?:[A-Z]{1,4}[SD]T|GMT|UTC|Zulu)|(?:(?:Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii|"
    r"Greenwich(?: Mean)?|British(?: Summer)?|Central European|Eastern European|Western European|Indian|"
    r"Japan|China|Moscow|Coordinated Universal)(?: Standard| Daylight| Summer)? Time))$", re.I)
#: Adjective endings of nationality, religion and party words ("Chinese", "Israeli", "Democratic",
#: "Islamic", "British", "Syrian"): a one-word name of this shape that is not a person or a place
#: is an adjective NER took for a name, not something a reader browses.
_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?:ese|ish|ic|ical|ian|ean|ican)$")
#: A person's name ending in an abbreviated surname ("Sergey M.", "Ana K.") is a fragment: the
#: surname is withheld or cut off, and one tag may gather several people (not "Malcolm X": no dot).
_TRAILING_INITIAL = re.compile(r"\s[^\W\d_][.\u2024]$")

#: An article longer than this (characters of its text, as far as the engine found names and
#: quotes in it: about 1,300 words) is a round-up, an interview or a feature: a name in its lead,
#: a few mentions or one quote do not make it what the article is about ...
LONG_ARTICLE = 8000
#: ... there a topic not named in the headline needs one mention per this many characters.
CHARS_PER_MENTION = 3000
#: An article this short (characters of its text) is a brief of a few sentences: there a name
#: said twice in its own words is what it is about (elsewhere three times, or in the lead).
BRIEF = 1000


def is_topic_name(name: str, etype: str | None = None) -> bool:
    """False for dates, numbers, time zones, adjectives and junk that must never become a tag."""
    name = name.strip()
    if _TIME_ZONE.match(name):
        return False
    if etype not in ("Person", "Place") and " " not in name and _ADJECTIVE.match(name):
        return False
    if etype == "Person" and _TRAILING_INITIAL.search(name):
        return False
    if not (2 <= len(name) <= 60) or len(name.split()) > 6 or "\n" in name:
        return False
    if not re.search(r"[^\W\d_]", name) or _JUNK.match(name):
        return False
    if not any(c.isupper() for c in name):        # names are capitalised; "he", "officials" are not
        return False
    if name.count("(") != name.count(")") or name.count('"') % 2 or re.search(r"[<>{}\[\]|\\/@#=*]", name):
        return False
    return True


def topics(rec: ArticleRecord, types: Iterable[str], min_mentions: int,
           salient_only: bool = False) -> list[Identity]:
    """Identities of one article that become its topic tags (before metadata add/remove).

    An identity of one of ``types`` mentioned at least ``min_mentions`` times in the article with
    a topic-like name; with ``salient_only``, also one the article is *about* (``Entity.salient``:
    in the title or lead, mentioned often, or quoted), not a passing name; in a long article
    (:data:`LONG_ARTICLE`), that is only a name of the headline or one mentioned throughout
    (:func:`_about_in_long_article`); where the article's text is known, one named in the
    headline or in the article's own words often enough (:func:`_about_in_own_words`); and not a
    city that only locates the story of the person the headline names (:func:`_without_passed_cities`).
    """
    types = set(types)
    count: Counter = Counter()
    idents: dict[str, Identity] = {}
    names: dict[str, set[str]] = {}
    spans: dict[str, list[Span]] = {}
    salient: set[str] = set()
    for e in rec.result.entities:
        ident = rec.identities.get(e.id)
        if ident is None:
            continue
        count[ident.key] += e.mentions
        idents[ident.key] = ident
        names.setdefault(ident.key, set()).update([e.name, *e.aliases])
        spans.setdefault(ident.key, []).extend(e.spans)
        if e.salient:
            salient.add(ident.key)
    length = _extent(rec)
    headline = _words(rec.headline) if salient_only else set()
    text = rec.plain_text if salient_only else ""
    reading: _Reading | None = None
    out = []
    for key, ident in idents.items():
        if not (ident.type in types and count[key] >= min_mentions and is_topic_name(ident.name, ident.type)):
            continue
        if salient_only:
            if key not in salient:
                continue
            in_headline = _in_headline(ident, names[key], headline)
            if length > LONG_ARTICLE and not _about_in_long_article(
                    ident, names[key], count[key], length, headline):
                continue
            if text and not in_headline and _only_cited(text, names[key] | {ident.name}):
                continue
            if text and " " not in ident.name and _mostly_glued(text, ident.name):
                continue
            if text and not in_headline and spans[key]:
                reading = reading or _Reading(rec)
                if not _about_in_own_words(reading, ident, spans[key]):
                    continue
        out.append(ident)
    if salient_only:
        out = _without_passed_cities(out, names, headline)
    removed = {norm(n) for n in rec.topics_remove}
    return [i for i in out if not ({norm(n) for n in [i.name, *i.aliases]} & removed)]


def _extent(rec: ArticleRecord) -> int:
    """How far into the article's text the engine found names or quotes: its length, near enough
    (the registry does not keep the text)."""
    ends = [sp.end for e in rec.result.entities for sp in e.spans]
    ends += [sp.end for q in rec.result.quotes for sp in q.contents]
    return max(ends, default=0)


def _words(text: str) -> set[str]:
    return set(norm(text).split())


def _about_in_long_article(ident: Identity, names: set[str], mentions: int, length: int,
                           headline: set[str]) -> bool:
    """A long article is about a name of its headline (all words of one of its names; a person's
    surname is enough) or one mentioned throughout it: at least once per
    :data:`CHARS_PER_MENTION` characters. A place, a medium or a person named in the lead of a
    monthly round-up, a quoted source or a point of comparison in an interview is not."""
    return _in_headline(ident, names, headline) or mentions >= max(3, length / CHARS_PER_MENTION)


def _in_headline(ident: Identity, names: set[str], headline: set[str]) -> bool:
    """All words of one of the names are in the headline (a person's surname is enough), or its
    adjective is: a one-word name with an adjective's ending ("Congressional", "Parliamentary"),
    a country's or US state's adjective ("Egyptian", "Hungarian", "Iraqi")."""
    for n in names | {ident.name, *ident.aliases}:
        words = norm(n).split()
        if words and (set(words) <= headline or (ident.type == "Person" and words[-1] in headline)):
            return True
        if len(words) == 1 and len(words[0]) >= 5 and any(
                w.startswith(words[0]) and w[len(words[0]):] in NAME_ADJECTIVE_SUFFIXES for w in headline):
            return True                 # "Congressional term limits": Congress
    return ident.type == "Place" and bool(_adjective_places(headline) & {norm(n) for n in names | {ident.name}})


def _adjective_places(headline: set[str]) -> set[str]:
    """The countries and US states whose adjectives are words of ``headline`` (its normalised
    words), derived the common ways (``eligibility.demonym_stems``: "egyptian": egypt, "iraqi": iraq)."""
    out = set()
    for w in headline:
        if len(w) < 4 or not w.isalpha():
            continue
        out.update(norm(stem) for stem in demonym_stems(w) if country_of(stem))
    return out


#: a cue, then maybe "the" and another source it is listed with ("projections by CNN and NPR")
_BEFORE = re.compile(r"\b(?:%s)\s+(?:the\s+)?(?:[\w'’. ]{1,30}\s+(?:and|or)\s+)?$"
                     % "|".join(re.escape(w) for w in SOURCE_BEFORE), re.I)
#: maybe a possessive, an acronym in brackets or an aside in commas, then the word after it
_AFTER = re.compile(r"(?:['’]s)?(?:\s*\([^()]{1,12}\))?(?:,[^,]{1,40},)?\s+(\w+)")
#: ... or listed with another source before that word ("Chirper and the Courier reported")
_AFTER_LISTED = re.compile(r"\s+(?:and|or)\s+[^,.;:!?]{1,40}?\s+(?:%s)\b" % "|".join(sorted(SOURCE_AFTER)), re.I)


_GLUED = re.compile(r"(?<=[a-z,;:] )(?!(?:%s)\b)[A-Z][\w.&’'-]*[A-Za-z] $" % "|".join(
    sorted({w.capitalize() for w in NAME_TITLE_WORDS | SITE_TITLE_WORDS} | {"The", "A", "An"})))


def _mostly_glued(text: str, name: str) -> bool:
    """A one-word name that the text mostly names after another capitalised word (mid-sentence,
    not a title: "CentOS Stream", "New Mexico") is the end of a longer name, not one by itself."""
    glued = alone = 0
    for m in re.finditer(r"(?<![\w-])%s(?![\w-])" % re.escape(name), text):
        if _GLUED.search(text[max(0, m.start() - 40):m.start()]):
            glued += 1
        else:
            alone += 1
    return glued > alone


def _only_cited(text: str, names: set[str]) -> bool:
    """Every time the article's text names it, it is cited as a source ("according to CNN", "told
    NPR", "wrote on Twitter", "CNN reported", "Johns Hopkins University data"): the article quotes
    it, it is not about it. False when the text does not name it at all (nothing to judge)."""
    forms = sorted({n for n in names if len(n) > 1}, key=len, reverse=True)
    if not forms:
        return False
    found = 0
    for m in re.finditer(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(map(re.escape, forms)), text):
        found += 1
        after = _AFTER.match(text, m.end())
        if not (_BEFORE.search(text[max(0, m.start() - 60):m.start()])
                or (after and after.group(1).lower() in SOURCE_AFTER) or _AFTER_LISTED.match(text, m.end())):
            return False
    return found > 0


#: Types whose story an article tells when its headline names them (see _without_passed_cities)
STORY_TYPES = ("Person",)


def _without_passed_cities(out: list[Identity], names: dict[str, set[str]], headline: set[str]) -> list[Identity]:
    """When the headline names a person of the article, the article tells that person's story: a
    city it does not name (not a country or state: a city of the gazetteer) is where the story
    took place, not what the article is about ("Navalny airlifted to Germany": the cities he was
    flown from and to; a former president who died at home in his capital)."""
    if not any(i.type in STORY_TYPES and _in_headline(i, names[i.key], headline) for i in out):
        return out
    return [i for i in out if not (i.type == "Place" and not _in_headline(i, names[i.key], headline)
                                   and not country_of(i.name) and is_large_city(i.name))]


#: A name is one of many, not a subject, in a list of this many names or more ("Alabama,
#: Arkansas, California and Maine voted"; "agencies from Germany, Korea, Peru and Chile").
LIST_NAMES = 4


def _about_in_own_words(reading: "_Reading", ident: Identity, spans: list[Span]) -> bool:
    """Whether an article not naming it in its headline is about it, by the mentions in its own
    words: a mention counts unless it is inside a direct quotation (a speaker's words), one of
    :data:`LIST_NAMES` or more names listed together, or, for a place, a label of a person or
    office ("Warren of Massachusetts", "the governor of Texas", "Ohio Governor Mike DeWine", "the
    Manhattan district attorney's office"): the place says who someone is, the story is not
    about it. The article is about it when a mention that counts is in its lead, or when at least
    ``SALIENT_MENTIONS`` count (a name and its acronym in brackets just after it are one)."""
    counted = [sp for sp in spans if not reading.quoted(sp) and not reading.listed(sp)
               and not (ident.type == "Place" and reading.labels_someone(sp))]
    if any(reading.in_lead(sp) for sp in counted):
        return True
    return len(counted) - reading.bracketed(counted) >= (SALIENT_MENTIONS if len(reading.text) > BRIEF else 2)


#: a title and "of"/"for"/"from" just before a place: "the governor of", "Senator from", "Mayor of"
_TITLE_OF = re.compile(r"\b(?:%s)\s+(?:of|for|from)\s+(?:the\s+)?$" % "|".join(sorted(CORE_TITLES)), re.I)
#: ... or a title just after it: "Ohio Governor", "Egypt's current President", "Manhattan District Attorney"
_TITLE_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:%s)\s+)*(?:%s)\b" % (
    "|".join(sorted(LABEL_TITLE_MODIFIERS)), "|".join(sorted(CORE_TITLES))), re.I)
#: between a person's name and a place that labels them: "Elizabeth Warren of Massachusetts"
_PERSON_OF = re.compile(r"^,?\s+(?:of|from)\s+(?:the\s+)?$")
#: between two names of a list: a comma, "and"/"or", maybe "the"
_LIST_GAP = re.compile(r"^(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?:the\s+)?$")


def _answer(q) -> bool:
    """An interview transcript's answer (its cue is the label naming who answers)."""
    return q.kind == "direct" and q.cue is not None and any(
        (s.start, s.end) == (q.cue.start, q.cue.end) for s in q.sources)


class _Reading:
    """The article as the engine read it, to judge its mentions of a name: its text (the engine's
    offsets), lead, direct quotations and all names found in it."""

    def __init__(self, rec: ArticleRecord):
        from ...engine.text import from_html

        doc = from_html(rec.body_html)
        self.text = doc.source
        lead = default_lead(doc.clean)            # the engine's lead: its first paragraph of 15+ words
        self.lead = (doc.to_source(lead[0]), doc.to_source(lead[1], end=True)) if lead else None
        # (an interview's answers are what the article is made of: not quotations here; the
        # engine gives each answer its speaker's label as both cue and source)
        self._quoted = sorted((sp.start, sp.end) for q in rec.result.quotes if not _answer(q)
                              for sp in (q.contents if q.kind == "direct" else q.marked))
        self._people = {(sp.start, sp.end) for e in rec.result.entities if e.type == "Person" for sp in e.spans}
        self._names = sorted({(sp.start, sp.end) for e in rec.result.entities for sp in e.spans})
        self._listed = self._lists()

    def in_lead(self, sp: Span) -> bool:
        return self.lead is not None and self.lead[0] <= sp.start < self.lead[1]

    def quoted(self, sp: Span) -> bool:
        """Inside a direct quotation (or the quoted words of a partial quote)."""
        return any(s <= sp.start and sp.end <= e for s, e in self._quoted)

    def listed(self, sp: Span) -> bool:
        return (sp.start, sp.end) in self._listed

    def labels_someone(self, sp: Span) -> bool:
        """A place naming whose official or representative someone is ("Mayor of Ardley", "Jo Roe of
        Ardley", "Ardley Governor Jo Roe", "Ardley's police chief")."""
        before = self.text[max(0, sp.start - 60):sp.start]
        if _TITLE_OF.search(before) or _TITLE_AFTER.match(self.text, sp.end):
            return True
        i = bisect.bisect_left(self._names, (sp.start, sp.end))
        prev = self._names[i - 1] if i else None
        return prev is not None and prev in self._people and bool(_PERSON_OF.match(self.text[prev[1]:sp.start]))

    def bracketed(self, spans: list[Span]) -> int:
        """How many of ``spans`` are another's short form in brackets just after it ("National
        Hurricane Center (NHC)")."""
        ends = {sp.end for sp in spans}
        return sum(1 for sp in spans if sp.start >= 1 and self.text[sp.start - 1] == "("
                   and (sp.start - 1 in ends or (self.text[sp.start - 2:sp.start - 1] == " " and sp.start - 2 in ends)))

    def _lists(self) -> set[tuple[int, int]]:
        """Spans of names listed with :data:`LIST_NAMES` - 1 others or more, "and"/"or" before one."""
        out: set[tuple[int, int]] = set()
        run: list[tuple[int, int]] = []
        joined = False
        for span in self._names:
            gap = self.text[run[-1][1]:span[0]] if run and span[0] >= run[-1][1] else None
            if gap is not None and _LIST_GAP.match(gap):
                run.append(span)
                joined = joined or bool(re.search(r"\b(?:and|or)\b", gap))
                continue
            if len(run) >= LIST_NAMES and joined:
                out.update(run)
            run, joined = [span], False
        if len(run) >= LIST_NAMES and joined:
            out.update(run)
        return out


def site_topics(records: list[ArticleRecord], min_articles: int, exclude: Iterable[str] = ()) -> None:
    """Keep (in place) only the article topics worth a page: an identity that is a topic of at
    least ``min_articles`` articles (a tag holding one article is a dead end for a reader) and
    none of whose names is in ``exclude`` (bylines and the publisher are not what articles are
    about, even when named in them). Metadata ``newsgraph_topics_add`` is applied later, as is."""
    exclude = list(exclude)
    # a collective byline names the publication writing ("Wikinews contributors": Wikinews)
    excluded = {norm(n) for n in [*exclude, *filter(None, map(byline_publication, exclude))]} - {""}
    per_identity = Counter(i.key for rec in records for i in rec.topics)
    for rec in records:
        rec.topics = [i for i in rec.topics if per_identity[i.key] >= min_articles
                      and not ({norm(n) for n in [i.name, *i.aliases]} & excluded)]
    _drop_contracted_twins(records)


def _drop_contracted_twins(records: list[ArticleRecord]) -> None:
    """A tag whose name is run together from another tag's name ("EastMed" beside "Eastern
    Mediterranean") and that holds the same articles is the same page twice for a reader: only
    the spelled-out one is kept (the identities stay apart: a pipeline is no sea)."""
    arts: dict[str, set[int]] = {}
    idents: dict[str, Identity] = {}
    for ri, rec in enumerate(records):
        for i in rec.topics:
            arts.setdefault(i.key, set()).add(ri)
            idents[i.key] = i
    drop = {k for k, i in idents.items() for k2, j in idents.items()
            if k != k2 and arts[k] == arts[k2] and any(is_contraction(a, b) for a in [i.name, *i.aliases]
                                                       for b in [j.name, *j.aliases])}
    if drop:
        for rec in records:
            rec.topics = [i for i in rec.topics if i.key not in drop]
