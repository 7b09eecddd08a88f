"""Pronouns as sources: "he"/"she" is the person the sentence or the one before is about, else
the speaker of the previous quote, else the nearest person of that gender; "it"/"they" an
organisation named lately; "I"/"we"/"you" nobody."""
from __future__ import annotations

import bisect

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..entities import NAME_WORD
from ..lexicon import (
    FEMALE_WORDS,
    MALE_WORDS,
    ORG_WORDS,
    PERSON_PRONOUNS,
    RELAY_CUES,
    REPORT_NOUNS,
    SAY_CUES,
    SPOKES_WORDS,
    UNNAMED_PERSON_NOUNS,
)
from ..model import Entity
from .context import Context
from .syntax import SUBJ_DEPS, is_cue, is_name, person_noun

#: How many sentences back a he/she looks for a person as subject (``_focus_person``).
FOCUS_SENTENCES = 3
#: What ``_focus_person`` finds when the subject in focus is an unnamed person introduced by an
#: indefinite description ("One of the victims …", "A woman who saw it …"): nobody to name.
UNNAMED = Entity(id="", name="", type="Person")


def resolve_pronoun(ctx: Context, source: SpacySpan, last_speaker: str | None = None) -> str | None:
    """Entity id for a pronoun source, or None; sets ``ctx.how``."""
    low = source.root.lower_
    if low in ("i", "we", "me", "us", "you"):
        return None
    if low in ("it", "they", "them"):
        # an organisation "it"/"they" stands for was named lately (not ten paragraphs back)
        types = ("Organization",) if low == "it" else ("Organization", "Group")
        # "they" is never a medium or platform named as the source of a report ("according to
        # the network, …", "a report from the paper", "told the station"): it carries others' words
        skip = None if low == "it" else (lambda ent: medium(ctx, ent, source.start_char)
                                          or owner_only(ctx, ent, source.start_char))
        e, how = ctx.last_entity(source.start_char, types, paras=2, skip=skip), "pronoun-org"
        if e is not None and low != "it" and not _named_in_paragraph(ctx, e, source.start_char):
            # "they" for an organisation named only in an earlier paragraph: as often the people
            # the new paragraph is about ("the sheriff's office … They arrested three …")
            how = "pronoun-org-far"
    else:
        e, how = _person_for(ctx, source, last_speaker)
    ctx.how = how if e else "none"
    return e.id if e else None


def _person_for(ctx: Context, source: SpacySpan, last_speaker: str | None) -> tuple[Entity | None, str]:
    """The person a he/she stands for, and how it was found: the person in focus, the speaker of
    the previous quote, the nearest person of that gender (or a person NER typed otherwise)."""
    root = source.root
    g = PERSON_PRONOUNS.get(root.lower_)
    # a careful reader: the person the current or previous sentence is about comes first
    e = focus = _focus_person(ctx, root, g) if g else None
    if e is UNNAMED:
        return None, "none"     # "One of the victims spoke out. She said …": someone unnamed
    how = "pronoun-focus"
    if e is None and last_speaker:
        how = "pronoun-run"
        e = _run_speaker(ctx, source, g, last_speaker)
    if e is None:
        how = "pronoun-near"
        e = ctx.last_entity(source.start_char, ("Person",), gender=g)
    named = _mistyped_person(ctx, source.start_char)
    if named is not None and focus is None and (e is None or max(sp.start for sp in e.spans if sp.start < source.start_char)
                              < max(sp.start for sp in named.spans if sp.start < source.start_char)):
        e, how = named, "pronoun-near"
    if e is not None and g and ctx.genders.get(e.id) is None:
        ctx.genders[e.id] = g            # "she said" → this person is "she" from now on
    return e, how


def _run_speaker(ctx: Context, source: SpacySpan, g: str | None, last_speaker: str) -> Entity | None:
    """The previous quote's speaker, if of the pronoun's gender and nobody else was named since."""
    ent = ctx.index.by_id(last_speaker)
    if ent is not None and ent.type == "Person" and ctx.gender_of(ent) in (None, g):
        prev = ctx.last_entity(source.start_char, ("Person",), gender=g)
        # another person named since the last quote takes over the pronoun
        if prev is None or prev.id == ent.id or not _mentioned_since_speaker(ctx, ent, prev, source.start_char):
            return ent
    return None


def _focus_person(ctx: Context, pron: Token, g: str, depth: int = 0) -> Entity | None:
    """The person a he/she refers to when a sentence makes it plain: the first subject (outside
    quotations) of the pronoun's own sentence before it, else of the closest of the previous
    ``FOCUS_SENTENCES`` sentences that has one, that is a person of the pronoun's gender; a
    subject that is itself he/she is resolved the same way."""
    if pron.i in ctx.focus:
        return ctx.focus[pron.i]
    ctx.focus[pron.i] = None            # a cycle resolves to nobody
    sent = pron.sent
    e = _subject_person(ctx, sent, pron.i, g, depth)
    back = 0
    while e is None and sent.start > 0 and depth < 4 and back < FOCUS_SENTENCES:
        sent = ctx.doc[sent.start - 1].sent
        if sent.text.strip():
            back += 1
            e = _subject_person(ctx, sent, sent.end, g, depth)
    ctx.focus[pron.i] = e
    return e


def _subject_person(ctx: Context, sent: SpacySpan, before: int, g: str, depth: int) -> Entity | None:
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    fragment = first is not None and first.i < before and is_name(first) and not ctx.quoted[first.i] \
        and first.dep_ in ("compound", "flat", "npadvmod", "dep") and first.head.i == sent.root.i \
        and not any(c.dep_ in SUBJ_DEPS for c in sent.root.children)
    unnamed = False
    for t in sent:
        if t.i >= before:
            break
        if fragment and t.i == first.i:
            # "Scott bristles at …" with no subject in the parse (the name glued to the verb as a
            # compound): the name that opens the sentence is its subject
            e = ctx.entity_in(t.idx, t.idx + len(t.text), ("Person",))
            if e is not None and e.type == "Person" and ctx.gender_of(e) in (None, g):
                return e
        if t.dep_ not in ("nsubj", "nsubjpass") or ctx.quoted[t.i]:
            continue
        if t.lower_ in PERSON_PRONOUNS:
            if PERSON_PRONOUNS[t.lower_] != g or depth >= 4:
                continue
            e = _focus_person(ctx, t, g, depth + 1)
            if e is UNNAMED:
                return e
        elif _unnamed_person(t, g):
            # (only when no person is named as a subject later in the sentence: "A cashier who
            # steals is held accountable, Roe said": Roe)
            unnamed = True
            continue
        else:
            e = ctx.entity_in(t.idx, t.idx + len(t.text), ("Person",))
            if e is not None and (e.type != "Person" or ctx.as_thing(t.idx, t.idx + len(t.text))):
                e = None
        if e is not None and ctx.gender_of(e) in (None, g):
            return e
    return UNNAMED if unnamed else None


def _unnamed_person(t: Token, g: str) -> bool:
    """A subject that introduces someone unnamed: "one of the victims", "a woman", "another
    witness" (an indefinite person noun, no name in it; not of the other sex)."""
    noun, det = t, None
    if t.lower_ == "one" and t.pos_ in ("NUM", "PRON", "NOUN"):
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None:
            return False
        noun, det = pobj, "one"
    else:
        det = next((c.lower_ for c in t.children if c.dep_ == "det"), None)
    if det not in ("one", "a", "an", "another") or noun.pos_ != "NOUN":
        return False
    lemma = noun.lemma_.lower()
    if not person_noun(lemma) and lemma not in UNNAMED_PERSON_NOUNS:
        return False
    if any(is_name(c) for c in noun.subtree):
        return False
    other = MALE_WORDS if g == "f" else FEMALE_WORDS
    return lemma not in other


def _mistyped_person(ctx: Context, before: int) -> Entity | None:
    """The last entity before ``before`` that NER typed as an organisation but that looks like
    a person speaking: a surname-like name ("Kaepernick") followed by a reporting verb."""
    i = bisect.bisect_left(ctx.mention_starts, before) - 1
    for _ in range(12):
        if i < 0:
            return None
        s, e, ent = ctx.mentions[i]
        i -= 1
        if ent.type != "Organization" or ctx.in_quote(s):
            continue
        words = ent.name.split()
        if not 1 <= len(words) <= 3 or not all(NAME_WORD.fullmatch(w) for w in words) \
                or any(w.lower() in ORG_WORDS for w in words):
            continue
        nxt = ctx.token_at(e)
        while nxt is not None and nxt.idx < e:
            nxt = nxt.doc[nxt.i + 1] if nxt.i + 1 < len(nxt.doc) else None
        if nxt is not None and is_cue(nxt) and nxt.lemma_.lower() in SAY_CUES:
            return ent
    return None


def medium(ctx: Context, ent: Entity, before: int) -> bool:
    """Whether ``ent`` is named before ``before`` as a medium carrying words: "according to X",
    "X reported", "a report from X", "told X", "said on X"."""
    if ent.type != "Organization":
        return False
    for sp in ent.spans:
        if sp.start >= before:
            continue
        head = ctx.head_of(sp.start, sp.end)
        if head is None:
            continue
        up = head.head
        if head.dep_ in ("nsubj",) and up.lemma_.lower() in RELAY_CUES:
            return True
        if head.dep_ in ("dative", "dobj") and up.lemma_.lower() == "tell":
            return True
        if head.dep_ == "pobj":
            gov = up.head
            if up.lower_ == "to" and (gov.lower_ == "according" or gov.lemma_.lower() in ("tell", "say", "speak", "talk")):
                return True
            if up.lower_ in ("from", "by", "in", "on", "with") and gov.lemma_.lower() in REPORT_NOUNS:
                return True
    return False


def owner_only(ctx: Context, ent: Entity, before: int) -> bool:
    """Whether the last mention of the organisation ``ent`` before ``before`` names it only as
    the owner of a thing ("data from NASA's telescope"): not what a later "they" is about."""
    if ent.type != "Organization":
        return False
    spans = [sp for sp in ent.spans if sp.end <= before]
    if not spans:
        return False
    sp = max(spans, key=lambda x: x.start)
    head = ctx.head_of(sp.start, sp.end)
    return head is not None and head.dep_ == "poss" and head.head.pos_ == "NOUN" \
        and not person_noun(head.head.lower_) and head.head.lower_ not in SPOKES_WORDS


def _mentioned_since_speaker(ctx: Context, speaker: Entity, prev: Entity, pos: int) -> bool:
    """True when ``prev`` (another person) is mentioned after the speaker's last mention."""
    last_sp = max((s.start for s in speaker.spans if s.start < pos), default=-1)
    last_prev = max((s.start for s in prev.spans if s.start < pos and not ctx.in_quote(s.start)), default=-1)
    return last_prev > last_sp


def _named_in_paragraph(ctx: Context, ent: Entity, pos: int) -> bool:
    """``ent`` is mentioned (outside quotations) in the paragraph of ``pos``, before it."""
    start = ctx.para_starts[ctx.para_of(pos)] if ctx.para_starts else 0
    return any(start <= sp.start < pos and not ctx.in_quote(sp.start) for sp in ent.spans)
