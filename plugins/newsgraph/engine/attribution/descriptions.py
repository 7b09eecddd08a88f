"""Descriptions as sources: "the senator" (the person with that role), "the businessman" (the
person of that gender the article names most lately), "the company" (the organisation with that
word in its name), "the report" (whoever the article says published it)."""
from __future__ import annotations

import bisect

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .. import lexicon
from ..entities import EntityIndex
from ..lexicon import NAMED_ORG_WORDS, ORG_WORDS, SPOKES_WORDS
from ..model import Entity
from .context import Context
from .pronouns import medium, owner_only
from .syntax import person_noun

#: How many paragraphs back "the businessman said" looks for the person it describes (``_most_named``).
DESCRIPTION_PARAS = 3
#: How many paragraphs back "the report said" looks for who published the report (``_publisher``).
PUBLISHER_PARAS = 3


def resolve_description(ctx: Context, source: SpacySpan) -> str | None:
    """Entity id for a description ("the senator", "the company", "a Coca-Cola spokesman", "the
    report said"), or None; sets ``ctx.how``."""
    root = source.root
    det = next((t.lower_ for t in root.children if t.dep_ == "det"), "")
    if root.lower_ in lexicon.DOCUMENT_NOUNS and det in ("a", "an"):
        e = _publisher_at(ctx, root)  # "according to a speech Mrs. Roe delivered", "a study by Pew"
        ctx.how = "document" if e is not None else "none"
        return e.id if e is not None else None
    if root.lower_ in lexicon.DOCUMENT_NOUNS and det in ("the", "this", "that", "its", "his", "her", "their"):
        e = _publisher(ctx, root)     # "the report said": whoever the article says published it, else nobody
        ctx.how = "document" if e is not None else "none"
        return e.id if e is not None else None
    if det in ("the", "this", "that") and root.lower_ in NAMED_ORG_WORDS:
        e = ctx.last_entity(source.start_char, ("Organization",), named=root.lower_)
        ok = e is not None and root.lower_ in e.name.lower().split()
        ctx.how = "description-org" if ok else "none"
        return e.id if ok else None
    if root.lower_ in ORG_WORDS and root.lower_ not in SPOKES_WORDS:
        if det in ("the", "this", "that") or root.lower_ in ("statement", "report"):
            # "the commission": the last organisation with that word in its name, else the last one
            e = ctx.last_entity(source.start_char, ("Organization",), named=root.lower_)
            ctx.how = "description-org" if e else "none"
            if e is not None and root.lower_ not in e.name.lower().split():
                if owner_only(ctx, e, source.start_char):
                    ctx.how, e = "none", None        # "with NASA's telescope, the paper suggests": not NASA
                elif medium(ctx, e, source.start_char):
                    ctx.how = "description-medium"   # "the network": only a medium cited as a source
                else:
                    ctx.how = "description-org-last"   # a guess: the last organisation, not one so called
            return e.id if e else None
        return None
    if det in ("the", "this", "that") and root.pos_ in ("NOUN", "PROPN") and root.tag_ in ("NN", "NNP"):
        e = by_role(ctx.index, root.lower_, ctx, source.start_char)
        ctx.how = "description-role"
        if e is None and (person_noun(root.lower_) or lexicon.word_gender(root.lower_)):   # ("the ruling": nobody)
            # only someone who fits: "the businessman" is not the last woman named
            e = _most_named(ctx, source.start_char, lexicon.word_gender(root.lower_))
            ctx.how = "description-near"
        ctx.how = ctx.how if e else "none"
        return e.id if e else None
    return None


def _most_named(ctx: Context, before: int, gender: str | None) -> Entity | None:
    """For a description no role matches ("the businessman"): of the people of that gender named
    in the last ``DESCRIPTION_PARAS`` paragraphs, the one the article names most (the one it is
    about), else the last one named."""
    floor = ctx.para_starts[max(ctx.para_of(before) - DESCRIPTION_PARAS, 0)] if ctx.para_starts else 0
    seen: dict[str, Entity] = {}
    i = bisect.bisect_left(ctx.mention_starts, before) - 1
    while i >= 0 and ctx.mentions[i][0] >= floor:
        s, e, ent = ctx.mentions[i]
        i -= 1
        if ent.type == "Person" and ent.id not in seen and not ctx.in_quote(s) and not ctx.as_thing(s, e) \
                and (gender is None or ctx.gender_of(ent) in (None, gender)):
            seen[ent.id] = ent
    if not seen:
        return ctx.last_entity(before, ("Person",), gender=gender)
    return max(seen.values(), key=lambda x: x.mentions)     # (ties: the last named, seen first)


def _publisher(ctx: Context, doc_noun: Token) -> Entity | None:
    """Who published the document ``doc_noun`` stands for: at its last earlier mention (the same
    noun, outside quotations, at most ``PUBLISHER_PARAS`` paragraphs back), its possessor or
    name compound ("the Brookings report"), "by/from X" ("a study by Pew"), or the subject of a
    publishing verb ("the RNC released a clip")."""
    floor = ctx.para_starts[max(ctx.para_of(doc_noun.idx) - PUBLISHER_PARAS, 0)] if ctx.para_starts else 0
    lemma = doc_noun.lemma_.lower()
    for k in range(doc_noun.i - 1, -1, -1):
        t = ctx.doc[k]
        if t.idx < floor:
            break
        if t.pos_ not in ("NOUN", "PROPN") or ctx.quoted[t.i] or not lexicon.same_document(t.lemma_.lower(), lemma):
            continue
        found = _publisher_at(ctx, t)
        if found is not None:
            return found
    return None


def _publisher_at(ctx: Context, t: Token) -> Entity | None:
    types = ("Person", "Organization", "Group")
    for c in t.children:
        if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in lexicon.PUBLISHING_VERBS | {"deliver", "give"}:
            subj = next((x for x in c.children if x.dep_ == "nsubj" and x.pos_ == "PROPN"), None)
            if subj is not None:      # "a speech Mrs. Roe delivered", "the report the RNC released"
                return ctx.entity_in(subj.idx, subj.idx + len(subj.text), types)
        if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN":
            return ctx.entity_in(c.idx, c.idx + len(c.text), types)
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:      # "from Trump's campaign": the campaign's owner when unnamed itself
                return ctx.entity_in(obj.idx, obj.idx + len(obj.text), types) or next(
                    (ctx.entity_in(p.idx, p.idx + len(p.text), types) for p in obj.children
                     if p.dep_ == "poss" and p.pos_ == "PROPN"), None)
    if t.dep_ == "dobj" and t.head.lemma_.lower() in lexicon.PUBLISHING_VERBS:
        subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ == "PROPN":
            return ctx.entity_in(subj.idx, subj.idx + len(subj.text), types)
    return None


def by_role(index: EntityIndex, word: str, ctx: Context, before: int) -> Entity | None:
    """The person whose role is ``word`` ("the president": "President", "former president"; "the
    senator": "Sen."; "the secretary": "Secretary of State"; never "vice president"), of the
    description's gender; of several, the one mentioned last before ``before``."""
    want = lexicon.TITLE_WORDS.get(word, word)
    best, best_pos = None, -2
    for e in index.entities:
        if e.type != "Person" or not any(_role_fits(words, want) for words in ctx.titles_of(e)):
            continue
        wg = lexicon.word_gender(word)
        if wg is not None and ctx.gender_of(e) not in (None, wg):
            continue
        pos = max((sp.start for sp in e.spans if sp.start < before), default=-1)
        if pos > best_pos:
            best, best_pos = e, pos
    return best


def _role_fits(words: list[str], want: str) -> bool:
    if not words or any(w in lexicon.DEPUTY_WORDS for w in words) or want not in words:
        return False
    k = words.index(want)
    return k == len(words) - 1 or words[k + 1] == "of"   # "Attorney General" is not "the general"
