"""The engine's word lists, in one place: cue verbs, titles, honorifics, organisation words and
gendered words, used by every stage (attribution, indirect, entities, registry).

Lists are lowercase ``frozenset``s compared to lowercased words (or lemmas for verbs).
A stage that needs a narrower list builds it from these, so the stages cannot disagree on
what a title or a speech verb is.
"""
from __future__ import annotations

import os
from functools import lru_cache

# --------------------------------------------------------------------------- documents
#: Things that "say" on behalf of whoever published them ("the report said" is its publisher's),
#: in groups of words that name the same document ("the ad" ... "the clip").
DOCUMENT_GROUPS = (
    frozenset("report study survey poll analysis audit review research paper".split()),
    frozenset("ad advertisement commercial clip video spot".split()),
    frozenset("piece article story editorial column op-ed".split()),
    frozenset("book memoir".split()),
    frozenset("memo letter document filing complaint lawsuit brief".split()),
    frozenset("ruling decision opinion".split()),
    frozenset("statement release".split()),
    frozenset("post tweet email website".split()),
)
DOCUMENT_NOUNS = frozenset().union(*DOCUMENT_GROUPS) - {"paper"}     # "the paper said": a newspaper


def same_document(a: str, b: str) -> bool:
    """Whether two document nouns can name the same document ("ad" / "clip")."""
    return a == b or any(a in g and b in g for g in DOCUMENT_GROUPS)


#: Verbs whose subject publishes their object ("the institute released a report").
PUBLISHING_VERBS = frozenset("""
release publish issue produce air run write file conduct launch post put unveil commission sponsor
send author pen tweet have
""".split())

# --------------------------------------------------------------------------- gender
#: Honorifics and gendered role words: "Ms Smith", "the congresswoman", "first lady".
FEMALE_WORDS = frozenset("""
woman women wife mother daughter sister actress queen duchess princess congresswoman chairwoman
spokeswoman businesswoman councilwoman assemblywoman anchorwoman sportswoman lady mrs ms miss madam
dame grandmother aunt niece girlfriend widow girl
""".split())
MALE_WORDS = frozenset("""
man husband father son brother actor king duke prince congressman chairman spokesman businessman
councilman assemblyman anchorman sportsman mr sir lord grandfather uncle nephew boyfriend widower boy
""".split())
FEMALE_HONORIFICS = frozenset("mrs ms miss madam dame lady".split())
MALE_HONORIFICS = frozenset("mr sir lord".split())

_FIRST_NAMES = os.path.join(os.path.dirname(__file__), "data", "first_names.tsv")


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    """first name -> "m"/"f" (US SSA baby names, unambiguous ones only; see data/FIRST-NAMES-NOTICE.md)."""
    table: dict[str, str] = {}
    with open(_FIRST_NAMES, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            name, g = line.rstrip("\n").split("\t")
            table[name] = g
    return table


def first_name_gender(word: str) -> str | None:
    """"m"/"f" for a first name that is (almost) always given to one sex, else None."""
    return _first_names().get(word.lower().strip(".")) if word else None


def word_gender(word: str) -> str | None:
    """"m"/"f" for a gendered honorific or role word ("Mrs", "spokeswoman"), else None."""
    w = word.lower().strip(".")
    return "f" if w in FEMALE_WORDS else "m" if w in MALE_WORDS else None
