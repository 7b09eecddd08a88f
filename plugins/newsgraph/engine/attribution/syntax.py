"""What the parse says, for attribution: names, cue verbs, a verb's subject (through passives,
shared subjects, "X defended the plan, saying …" and datelines), a source's noun phrase, and
"according to X"."""
from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..lexicon import (
    ADDRESSEE_PASSIVES,
    ADDRESSEE_VERBS,
    AUDIENCE_HEADS,
    AUDIENCE_PREPS,
    CUE_LEMMAS,
    HUMAN_NOUNS,
    NAMED_PASSIVES,
    NOT_AGENT_NOUNS,
    ORG_WORDS,
    PERSON_NOUNS,
    PRONOUNS,
    STATEMENT_NOUNS,
)
from .context import Context

#: The dependency labels of a subject (a clause too: ``csubj``).
SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
#: Entity types of a proper-noun token that is nobody's name (dates, numbers, amounts).
NOT_NAMES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


def is_name(t: Token) -> bool:
    """A proper-name token (the tagger's PROPN, capitalised: "the senator" is not a name)."""
    return t.pos_ == "PROPN" and t.text[:1].isupper()


def person_noun(word: str) -> bool:
    """A noun that names a person: a title, a listed noun or an agent noun ("seller", "archbishop")."""
    if word in PERSON_NOUNS or word.endswith(("bishop", "man", "woman", "person")):
        return True
    return len(word) > 4 and word.endswith(("er", "or", "ist", "ian")) and word not in NOT_AGENT_NOUNS


def is_cue(t: Token) -> bool:
    """A reporting verb (``CUE_LEMMAS``, never "be"), or a verb whose object is a statement."""
    if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() == "be":
        return False
    if t.lemma_.lower() in CUE_LEMMAS:
        return True
    # "X issued a statement, “…”", "X released the following statement:"
    return any(c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in t.children)


def _subject(verb: Token, quoted: bytearray | None = None) -> Token | None:
    subs = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass") and not (quoted and quoted[t.i])]
    for t in sorted(subs, key=lambda t: (not speakerish(t), abs(t.i - verb.i))):
        if t.dep_ in ("nsubj", "nsubjpass"):
            if t.dep_ == "nsubjpass":
                agent = next((a for a in verb.children if a.dep_ == "agent"), None)
                if agent is not None:
                    pobj = next((p for p in agent.children if p.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj
                if verb.lemma_.lower() in ADDRESSEE_PASSIVES:
                    return None      # "Blumenthal was asked, “…”": he is not the speaker
                if verb.lemma_.lower() in NAMED_PASSIVES:
                    # "the union, which has been termed “…”": what is named, not who names it; the
                    # namer only in a clause of its own on a thing ("When the panel reviewed the
                    # film, it was rated …")
                    return _namer(verb, t)
            return t
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # "X defended the plan, saying …": the subject of the sentence's main verb
        top, first = verb, None
        while top.dep_ not in ("ROOT",) and top.head.i != top.i and top.dep_ in ("advcl", "ccomp", "conj", "xcomp", "pcomp", "pobj", "prep"):
            top = top.head
            s = next((t for t in top.children if t.dep_ in ("nsubj", "nsubjpass") and not (quoted and quoted[t.i])), None)
            if s is not None:
                first = first or s
                if speakerish(s):
                    return s
        if first is not None:
            return first
    if verb.lemma_.lower() in NAMED_PASSIVES and any(c.dep_ == "auxpass" for c in verb.children) \
            and not any(c.dep_ == "agent" for c in verb.children):
        return None     # "X grew and was called “…”": the subject it shares is what is named
    # verbs sharing a subject: "X stood up and said", "X went on to say", "X, speaking at …"
    v = verb
    for _ in range(3):
        if v.dep_ in ("conj", "xcomp", "advcl", "acl", "ccomp") and v.head.i != v.i:
            if v.dep_ == "acl" and v.head.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
                if addressee(v.head):
                    # "X speaking to the think tank called it …": the audience is no speaker; X is
                    return _speech_subject(v.head, quoted)
                return v.head
            v = v.head
            for t in v.children:
                if t.dep_ in ("nsubj", "nsubjpass") and not (quoted and quoted[t.i]):
                    return t
        else:
            break
    return orphan_subject(verb)


def _namer(verb: Token, named: Token) -> Token | None:
    """Who names ``named``, the subject of the agentless passive ``verb``: the speaker-like subject
    of an adverbial clause on the verb, when what is named is a thing (not a person or a name)."""
    if named.pos_ == "PROPN" or named.lower_ in PRONOUNS and named.lower_ != "it" or named.lower_ in HUMAN_NOUNS:
        return None
    for c in verb.children:
        if c.dep_ == "advcl":
            s = next((x for x in c.children if x.dep_ == "nsubj"), None)
            if s is not None and speakerish(s) and s.pos_ != "PRON":
                return s
    return None


def orphan_subject(verb: Token) -> Token | None:
    """A name right before a finite verb that the parser left without a subject, having
    hung the name on an earlier noun ("… his wife Hillary Clinton, former president Bill
    Clinton said …": ``Clinton`` parsed as an apposition)."""
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    prev = verb.doc[verb.i - 1]
    if prev.dep_ not in ("appos", "conj", "pobj", "dobj", "npadvmod", "nmod") or prev.head.i >= prev.i \
            or prev.head.i == verb.i:
        return None
    if addressee(prev):
        return None     # "… told the Gazette said …": the one spoken to is no subject
    if prev.pos_ == "PROPN":
        return prev
    # "…, the Democratic presidential candidate stated that …"
    if prev.pos_ == "NOUN" and prev.dep_ == "appos" and prev.lower_ in HUMAN_NOUNS \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in prev.children):
        return prev
    return None


def addressee(t: Token) -> bool:
    """``t`` names the one spoken to: the object of a verb of telling ("told the BBC", "addressing
    the council") or the "to/with/before" object of speech ("speaking to the think tank", "in an
    interview with the paper")."""
    if t.dep_ in ("dobj", "dative") and t.head.lemma_.lower() in ADDRESSEE_VERBS:
        return True
    if t.dep_ == "pobj" and t.head.lower_ in AUDIENCE_PREPS:
        h = t.head.head
        return h.lemma_.lower() in AUDIENCE_HEADS or h.lower_ in AUDIENCE_HEADS
    return False


def _speech_subject(audience: Token, quoted: bytearray | None = None) -> Token | None:
    """The subject of the speech verb whose audience is ``audience`` (None when unparsed)."""
    verb = audience.head
    for _ in range(4):      # "in an interview with X": up through the noun and its preposition
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return next((c for c in verb.children if c.dep_ == "nsubj" and not (quoted and quoted[c.i])), None)


def speakerish(t: Token) -> bool:
    """A subject that looks like someone who speaks (no entity index needed)."""
    if t.pos_ == "PRON":
        return t.lower_ in PRONOUNS and t.lower_ != "it"
    return (is_name(t) and t.ent_type_ not in NOT_NAMES) or t.ent_type_ in ("PERSON", "ORG", "NORP") \
        or t.lower_ in HUMAN_NOUNS or t.lower_ in ORG_WORDS


def subject_in(ctx: Context, verb: Token, toks: list[Token] | None = None) -> Token | None:
    """The verb's subject if it is usable: outside quotes, in the verb's paragraph (and frame)."""
    subj = _subject(verb, ctx.quoted)
    if subj is None or ctx.quoted[subj.i]:
        return None
    subj = _past_dateline(subj)
    if ctx.para_of(subj.idx) != ctx.para_of(verb.idx):
        return None
    if toks is not None and not (toks[0].i <= subj.i <= toks[-1].i):
        return None
    return subj


def _past_dateline(t: Token) -> Token:
    """A dateline parsed as the subject ("WASHINGTON -- President Obama … said"): the name after it."""
    doc = t.doc
    if not (t.text.isupper() and len(t.text) > 1 and (t.i == 0 or "\n" in doc[t.i - 1].text_with_ws)
            and t.i + 1 < len(doc) and doc[t.i + 1].text in ("--", "—", "–", "-")):
        return t
    return next((c for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None) or next(
        (x for x in doc[t.i + 2:t.i + 8] if x.pos_ == "PROPN" and x.head.pos_ != "PROPN"), t)


def speaker_like(ctx: Context, t: Token) -> bool:
    """A subject that can be a speaker: a name, a personal pronoun, a person or organisation."""
    if t.pos_ == "PRON":
        return t.lower_ in PRONOUNS and t.lower_ not in ("it",)
    if t.pos_ == "PROPN":
        return t.ent_type_ not in NOT_NAMES
    if ctx.entity_in(t.idx, t.idx + len(t), ("Person", "Organization", "Group")) is not None:
        return True
    return t.lower_ in ORG_WORDS or t.lower_ in HUMAN_NOUNS


def source_span(doc: Doc, head: Token) -> SpacySpan:
    """The noun phrase of a source head: its left part and name-like right parts, no asides."""
    start = head.left_edge.i
    end = head.i + 1
    for c in head.rights:
        if c.dep_ in ("prep", "compound", "nummod", "amod", "flat", "poss", "npadvmod") and c.i == end:
            end = c.right_edge.i + 1
        else:
            break
    # never across a line break (a headline or a credit line glued before the sentence)
    # (the tokens' own text, doc.text[doc[start].idx:head.idx]: doc.text is rebuilt per access)
    nl = doc[start:head.i].text_with_ws.rfind("\n")
    if nl >= 0:
        nl += doc[start].idx
        while start < head.i and doc[start].idx <= nl:
            start += 1
    for k in range(start, head.i):
        if doc[k].text in ("-", "—", "–", ":", ";", ",", "(", ")") and doc[k].whitespace_:
            start = k + 1
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


def named_after(src: SpacySpan, quoted: bytearray | None = None) -> SpacySpan | None:
    """The name in apposition right after a description of a person that the parse left out of
    it ("according to the town's first selectman, Jo Roe, …"): a run of two or more proper nouns
    between commas (``quoted``: per token, 1 inside quotation marks; those are no name); else None."""
    doc, root = src.doc, src.root
    if root.pos_ != "NOUN" or not person_noun(root.lower_) or src.end >= len(doc) or doc[src.end].text != ",":
        return None
    j = src.end + 1
    while j < len(doc) and doc[j].pos_ == "PROPN" and not (quoted and quoted[j]):
        j += 1
    if j - src.end - 1 < 2 or j >= len(doc) or doc[j].text != ",":
        return None
    return doc[src.end + 1:j]


def according_to(toks: list[Token]) -> tuple[Token, Token] | None:
    for t in toks:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            to = t.doc[t.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None and t.i + 2 < len(t.doc):
                pobj = t.doc[t.i + 2]
                while pobj.i + 1 < len(t.doc) and pobj.head.i == pobj.i + 1:
                    pobj = pobj.head
            return t, pobj
    return None
