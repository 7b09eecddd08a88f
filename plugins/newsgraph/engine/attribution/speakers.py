"""Source mention -> speaker: :func:`resolve_source` tries, in order, a relative pronoun ("a
general who said": the noun it stands for), a pronoun (``pronouns``), a name the entity stage
knows, a name it missed, and a description (``descriptions``)."""
from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .. import lexicon
from ..entities import NAME_WORD, EntityIndex, shape_type, used_as_thing
from ..lexicon import DATA_NOUNS, ORG_WORDS, PERSON_GROUP_HEADS, PRONOUNS, RESEARCH_NOUNS, SPOKES_WORDS
from ..model import Entity, Span
from .context import Context, make_context
from .descriptions import by_role, resolve_description
from .pronouns import resolve_pronoun
from .syntax import NOT_NAMES, is_name, person_noun, source_span

#: What a step of ``resolve_source`` answers when it does not apply: the next step decides.
_NEXT = object()
#: Heads of sources that are things, not speakers: data and pieces of research.
_THING_HEADS = DATA_NOUNS | RESEARCH_NOUNS

def resolve_source(doc: Doc, source: SpacySpan, index: EntityIndex, context: Context | None = None,
                   last_speaker: str | None = None) -> str | None:
    """Entity id for a speaker mention (a name, a pronoun or a description), or None.

    Pronouns and definite descriptions ("the senator", "the company") resolve to the last
    matching entity mentioned before the source (outside quotations); ``last_speaker`` (the
    previous quote's speaker) is preferred for a pronoun when it is that person. ``ctx.how``
    says how the speaker was found (see ``confidence``).
    """
    ctx = context or make_context(doc, index)
    ctx.how = "none"
    root = source.root
    words = [t for t in source if not t.is_punct]
    if not words:
        return None
    if len(words) == 1 and _relative_pronoun(root):
        noun = _antecedent(ctx, root)
        return resolve_source(doc, source_span(doc, noun), index, ctx, last_speaker) if noun is not None else None
    if len(words) == 1 and root.lower_ in PRONOUNS:
        return resolve_pronoun(ctx, source, last_speaker)
    officer = _officer_named(ctx, root)
    if officer is not None:
        ctx.how = "name"
        return officer.id
    found = _known_name(ctx, source)
    if found is _NEXT:
        found = _new_name(ctx, source, words)
    if found is _NEXT:
        found = resolve_description(ctx, source)
    if found is not None and root.pos_ == "NOUN" and root.lower_ in _THING_HEADS:
        # "the GPS signal showed", "according to data from X", "an X survey finding …": no one's words
        ctx.how = "thing"
    return found


def _officer_named(ctx: Context, root: Token) -> Entity | None:
    """The person named as an organisation's officer in apposition to it ("The Institute's
    director, Dr. Jo Roe, said", "said Westbrook University, Ashford's chancellor, Jo Roe"): the
    parse makes the organisation the subject and hangs the title and the name on it; the words
    are the named person's, not the organisation's. None unless a person's name follows a title
    noun that comes right after a possessive."""
    doc = ctx.doc
    if root.pos_ != "PROPN" or not is_name(root):
        return None
    owner = ctx.entity_in(root.idx, root.idx + len(root.text))
    if owner is None or owner.type == "Person":
        return None
    # the title hangs on the organisation as an apposition, or (misparsed) inside its "of" phrase
    for title in (t for t in root.subtree if t.i > root.i and t.pos_ == "NOUN" and person_noun(t.lower_)
                  and t.dep_ in ("appos", "pobj", "conj")):
        if not any(t.lower_ in ("'s", "’s", "'", "’") for t in doc[max(root.i, title.left_edge.i - 1):title.i]):
            continue    # "X's director", not "the director of X" (handled as a role)
        for name in (c for c in (*title.children, *root.children) if c.dep_ == "appos" and c.i > title.i):
            person = ctx.entity_in(name.idx, name.idx + len(name.text), ("Person", "Organization"))
            if person is None and is_name(name):
                # a mention NER missed, of a person it found elsewhere ("…, Jo Roe." then "Roe said")
                toks = [t for t in doc[name.left_edge.i:name.i + 1] if is_name(t)]
                full = " ".join(t.text for t in toks)
                person = ctx.index.find(full)
                if person is None and 2 <= len(toks) <= 3 and all(NAME_WORD.fullmatch(t.text) for t in toks):
                    # "X's chancellor, Jo Roe": a person's name by its place (NER missed it)
                    s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
                    person = ctx.index.add(full, "Person", Span(s, e, full))
                    ctx.add_mention(s, e, person)
            if person is not None and person.type == "Organization" and person is not owner \
                    and _personal_name(person.name):
                person.type = "Person"      # NER's "organisation" named as an organisation's chancellor
            if person is not None and person.type == "Person":
                return person
    return None


def _relative_pronoun(root: Token) -> bool:
    """A "who"/"which" (or "that" heading a relative clause) standing for a noun before it."""
    low = root.lower_
    return (low in ("who", "that", "which") and root.head.dep_ in ("relcl", "acl")
            and root.head.head.i != root.head.i) or (low in ("who", "which") and root.i > 0)


def _antecedent(ctx: Context, root: Token) -> Token | None:
    """The noun or name a relative pronoun stands for, or None."""
    doc = ctx.doc
    if root.head.dep_ in ("relcl", "acl") and root.head.head.i != root.head.i:
        # "a retired general who suggested …": the noun the relative clause hangs on
        noun = root.head.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and person_noun(noun.head.head.lower_) \
                and noun.head.head.dep_ == "appos":
            noun = noun.head.head   # "…, the president of the league, who said": the president
        while noun.dep_ == "appos" and noun.head.i != noun.i and is_name(noun.head):
            noun = noun.head        # "Jane Roe, the head of the league, who said": Jane Roe
        return noun if noun.i != root.i else None
    # the parse did not hang the clause on its noun ("the Police Department which reported …"
    # parsed as an adverbial clause): the name right before the relative pronoun
    prev = doc[root.i - 1]
    if prev.text == "," and root.i > 1:
        prev = doc[root.i - 2]
    if is_name(prev) and not ctx.quoted[prev.i] and prev.ent_type_ not in NOT_NAMES:
        while prev.dep_ in ("compound", "flat") and prev.head.i > prev.i and is_name(prev.head):
            prev = prev.head
        return prev
    return None


def _known_name(ctx: Context, source: SpacySpan) -> str | None | object:
    """Entity id for a source naming an entity the entity stage found (a name, or a description
    containing one: "Ryan's spokeswoman, AshLee Strong"); None for someone described by a relation
    to it ("Trump's lawyer"); else ``_NEXT``."""
    root = source.root
    # the entity the phrase is about (its head word: "… and Bridges Minister Obaidul Quader"), else any
    e = ctx.entity_in(root.idx, root.idx + len(root.text)) or ctx.entity_in(source.start_char, source.end_char)
    if e is not None and e.type == "Group" and not any(sp.start <= root.idx < sp.end for sp in e.spans):
        e = None        # "Chinese officials said": people described by a nationality, not the group
    if e is not None and root.pos_ == "NOUN" and root.lemma_.lower() in lexicon.ANONYMOUS_SOURCE_NOUNS \
            and not any(sp.start <= root.idx < sp.end for sp in e.spans):
        return None     # "a source within the ministry", "sources close to Roe": someone unnamed
    if e is not None and e.type != "Person" and is_name(root) and _affiliation_of(ctx, root, e):
        return _NEXT    # "Cardinal Jo Roe of the Holy See said": the person (a name NER missed), not the see
    if root.pos_ == "NOUN" and person_noun(root.lower_):
        # a person described, then named in apposition: "Ryan's spokeswoman, AshLee Strong"
        app = next((c for c in root.children if c.dep_ == "appos" and is_name(c)), None)
        named = ctx.entity_in(app.idx, app.idx + len(app.text), ("Person", "Organization")) if app is not None else None
        if named is not None and named.type == "Organization" and _personal_name(named.name):
            named.type = "Person"           # NER's "organisation" named as someone's spokeswoman
        if named is not None and named.type == "Person":
            ctx.how = "name"
            return named.id
        if e is not None and e.type == "Person" and _relation_of(ctx, root, e, source):
            # "Trump's lawyer", "Smith's widow", "Ryan's spokeswoman", "the wife of John Kerry":
            # someone else, unnamed (an organisation, though, speaks through its spokesman)
            return None
        if e is not None and e.type == "Organization" and root.lower_ not in SPOKES_WORDS \
                and (_relation_of(ctx, root, e, source) or _of_phrase_names(ctx, root, e)):
            # "the chair of the DNC said": the person the article titles so, else the organisation
            held = by_role(ctx.index, root.lower_, ctx, source.start_char)
            if held is not None:
                ctx.how = "description-role"
                return held.id
        if e is not None and e.type == "Organization" and root.lower_ not in lexicon.SPEAKS_FOR_BODY \
                and _named_for(ctx, root, e, source) and not _relation_of(ctx, root, e, source):
            # "the Wooster professor added", "the Unity Party nominee": one of its people, unnamed
            # here, who does not speak for it (and whom the role alone does not name: the last
            # nominee the article named may be another party's)
            return None
    if e is not None and e.type == "Person" and root.pos_ == "NOUN" and root.lower_ in PERSON_GROUP_HEADS \
            and _named_for(ctx, root, e, source):
        # "the Trump campaign said": the campaign speaks, not Trump; an organisation of that name
        name = f"{_owner_text(ctx, root, e, source)} {root.lower_}"
        found = ctx.index.find(name) or ctx.index.add(name, "Organization", Span(source.start_char, source.end_char, name))
        ctx.how = "name-org"
        return found.id
    if e is not None and e.type in ("Person", "Organization", "Group", "Place"):
        if e.type == "Place" and root.lower_ not in ORG_WORDS:
            pass
        else:
            ctx.how = "name" if e.type == "Person" else "name-org"
            return e.id
    return _NEXT


def _new_name(ctx: Context, source: SpacySpan, words: list[Token]) -> str | object:
    """Entity id for a name the entity stage missed (added to the index), else ``_NEXT``."""
    doc, index, root = ctx.doc, ctx.index, source.root
    propn = [t for t in words if is_name(t)]
    if is_name(root) or (propn and root.lower_ not in ORG_WORDS and root.lower_ not in SPOKES_WORDS
                                and root.pos_ != "NOUN"):
        name_toks = _name_tokens(root)
        if name_toks:
            s, e_ = name_toks[0].idx, name_toks[-1].idx + len(name_toks[-1])
            name = doc[name_toks[0].i:name_toks[-1].i + 1].text    # (not doc.text: rebuilt per access)
            if name.lower() not in PRONOUNS and any(c.isupper() for c in name):
                found = index.find(name) or index.add(name, _new_name_type(ctx, name_toks), Span(s, e_, name))
                ctx.add_mention(s, e_, found)
                ctx.how = "new-name"
                return found.id
    return _NEXT


def _new_name_type(ctx: Context, toks: list[Token]) -> str:
    """Type of a speaker's name NER missed: a person, unless a one-word name reads as a thing: a
    disease ("H1N1": a condition, never a speaker), with digits ("TVN24"), after "the" ("The
    Verge"), or used as one in the article ("on Facebook")."""
    if len(toks) != 1:
        return "Person"
    t = toks[0]
    typed = shape_type(t.text, "Person")
    if typed != "Person":
        return typed
    if any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) \
            or any(used_as_thing([u]) for u in ctx.same_text(t)):
        return "Organization"
    return "Person"


def _relation_of(ctx: Context, root: Token, ent: Entity, source: SpacySpan) -> bool:
    """Whether ``ent`` is named in ``source`` only as whose ``root`` is: its possessor ("Smith's
    widow") or after "of" ("the wife of John Kerry"), not in apposition ("…, Mariela Belski")."""
    toks = [t for sp in ent.spans if source.start_char <= sp.start < source.end_char
            for t in ctx.tokens(sp.start, sp.end)]
    heads = [t for t in toks if t.head not in toks]
    return bool(heads) and all((t.dep_ == "poss" and t.head.i == root.i) or
                               (t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i == root.i)
                               for t in heads)


def _person_tokens(ctx: Context, ent: Entity, source: SpacySpan) -> list[Token]:
    return [t for sp in ent.spans if source.start_char <= sp.start < source.end_char for t in ctx.tokens(sp.start, sp.end)]


def _named_for(ctx: Context, root: Token, ent: Entity, source: SpacySpan) -> bool:
    """``ent`` is named in ``source`` only as the name on ``root``: a compound or possessor of it
    ("the Trump campaign", "Hillary Clinton's campaign")."""
    toks = _person_tokens(ctx, ent, source)
    heads = [t for t in toks if t.head not in toks]
    return bool(heads) and all(t.dep_ in ("compound", "poss", "amod", "nmod") and t.head.i == root.i for t in heads)


def _owner_text(ctx: Context, root: Token, ent: Entity, source: SpacySpan) -> str:
    """The person's name as written before ``root``, without "'s" ("Hillary Clinton")."""
    toks = [t for t in _person_tokens(ctx, ent, source) if t.i < root.i and t.dep_ != "case"]
    return ctx.doc[toks[0].i:toks[-1].i + 1].text.removesuffix("'s").removesuffix("’s")


def _affiliation_of(ctx: Context, root: Token, ent: Entity) -> bool:
    """``ent`` is named only in a phrase after the name ``root`` ("Jo Roe of/from/at the Holy
    See"): where the named person belongs, not who speaks."""
    if any(sp.start <= root.idx < sp.end for sp in ent.spans) or root.lower_ in lexicon.NAME_TITLE_WORDS:
        return False    # ("First Minister of Scotland Jo Roe": a title, the name inside it)
    preps = [c for c in root.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "at", "with")]
    spans = [sp for sp in ent.spans if root.left_edge.idx <= sp.start <= root.right_edge.idx]
    return bool(preps) and bool(spans) and all(
        any(p.idx <= sp.start <= p.right_edge.idx for p in preps) for sp in spans)


def _of_phrase_names(ctx: Context, root: Token, ent: Entity) -> bool:
    """``ent`` is named inside the "of …" phrase of ``root`` ("the chair of the DNC board")."""
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return False
    lo, hi = of.left_edge.idx, of.right_edge.idx + len(of.right_edge)
    return any(lo <= sp.start < hi for sp in ent.spans)


def _personal_name(name: str) -> bool:
    """A name of two or three capitalised words starting with a known first name ("Lydia Marsh")."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(NAME_WORD.fullmatch(w) for w in words) \
        and lexicon.is_first_name(words[0])


def _name_tokens(root: Token) -> list[Token]:
    """The proper-name tokens around a head: compounds and flat names, no titles after commas."""
    toks = [t for t in root.subtree if t.i <= root.i and (t.pos_ == "PROPN" or t.dep_ in ("compound", "flat"))
            and t.dep_ not in ("poss",) and not any(a.dep_ == "poss" for a in t.ancestors if a.i != root.i and a.i > t.i)]
    toks = [t for t in toks if t.head.i == root.i or t.i == root.i or t.head.dep_ in ("compound", "flat")]
    # keep the contiguous run ending at the root
    run = []
    for t in sorted(toks, key=lambda t: t.i, reverse=True):
        if not run or t.i == run[-1].i - 1:
            run.append(t)
        else:
            break
    run.reverse()
    if run and run[0].lower_ in ("the", "a"):
        run = run[1:]
    return run
