"""Attribution of quotations: cue, source mention and resolved speaker (clean offsets).

Direct quotations get their cue from the text around the marks (``"…," X said`` /
``said X`` / ``X said: "…"`` / ``"…" —Name`` / ``according to X``); a quotation with no cue of
its own that follows another one (``"…," he said. "…"`` or the next paragraph) continues it;
a paragraph ending with a colon introduces the quotation after it. Partial quotations
(``called on police to "dismantle" MS-13``) take the reported clause under their speech
verb as content, the quoted words in ``Quote.marked``. Quoted words under no speech verb
count only when a person or organisation is the subject of the verb they hang on
(``LOOSE_PARTIALS``, as PolNeAR annotates); titles and names in Title Case, and words in marks
that nobody says, are not speech.

Sources are the mention near the quote (may be a pronoun); speakers are entity ids from the
``EntityIndex``, resolved through pronouns and descriptions ("the senator") to the person
last in focus, never a pronoun entity.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from . import lexicon
from .entities import NAME_WORD, EntityIndex, shape_type, used_as_thing
from .lexicon import (
    ADDRESSEE_PASSIVES,
    CORE_TITLES,
    CUE_LEMMAS,
    HUMAN_NOUNS,
    MENTAL_CUES,
    NAMED_ORG_WORDS,
    NAMING_CUES,
    NEW_REPORT_CUES,
    NOT_AGENT_NOUNS,
    ORG_WORDS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PRONOUNS,
    QUOTE_WEAK_CUES,
    RELAY_CUES,
    SAY_CUES,
    SPOKES_WORDS,
    STATEMENT_NOUNS,
)
from .model import Entity, Quote, Span
from .quotes import Marked, find_marked, paragraphs

#: Treat quoted words under any verb with a speaker-like subject as attributed (PolNeAR-style).
LOOSE_PARTIALS = True
#: The outermost of nested speech verbs is the cue (PolNeAR-style).
OUTER_CUES_WIN = True
#: Confidence that a speaker is right, by how ``resolve_source`` found it (``_Context.how``): the
#: share right of each way among PolNeAR dev's quote-marked attributions, rounded (engine 0.5.0;
#: re-measure with benchmarks/calibration.py --by-value after changing the rules).
CONFIDENCE = {
    "name": 0.97,               # a name at the cue: "…," said Jane Doe
    "name-org": 0.85,           # an organisation's name: "the Post reported"
    "new-name": 0.7,            # a name NER missed, added by the attribution stage
    "pronoun-focus": 0.94,      # he/she: the subject of this or the previous sentence
    "pronoun-run": 0.92,        # he/she: the speaker of the previous quote, nobody else named since
    "pronoun-near": 0.3,        # he/she: only the nearest person of that gender (often wrong)
    "pronoun-org": 0.6,         # it/they: the organisation named lately
    "description-org": 0.65,    # "the company": the organisation with that word, else the last one
    "description-role": 0.6,    # "the senator": the person with that role
    "description-near": 0.35,   # "the lawyer": only the last person named
    "document": 0.7,            # "the report said": who the article says published it
    "label": 0.9,               # a transcript's "SMITH: …" inside the marks: the person of that name
    "none": 0.0,
}
#: Per kind of quote: quoted words inside reported speech, and reported speech without marks, are
#: attributed less surely (partial: measured; indirect: no names by hand to measure, set lower).
KIND_CONFIDENCE = {"direct": 0.0, "partial": -0.04, "indirect": -0.1}
SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
#: How many sentences back a he/she looks for a person as subject (``_focus_person``).
FOCUS_SENTENCES = 3
#: How many paragraphs back "the businessman said" looks for the person it describes (``_most_named``).
DESCRIPTION_PARAS = 3
#: How many paragraphs back "the report said" looks for who published the report (``_publisher``).
PUBLISHER_PARAS = 3
_SENT_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bSen)(?<!\bRep)(?<!\bGov)"
                       r"(?<!\bGen)(?<!\bLt)(?<!\bCol)(?<!\bJr)(?<!\bSr)(?<!\b[A-Z])[.!?]+[\"”’']*\s")
_TITLE_BEFORE = re.compile(r"((?:[A-Z][\w.-]*\s+){1,3})$")
_DASH_LINE = re.compile(r"\s*[―—–-]{1,2}\s*((?:[A-Z][\w.'’-]*\s?){1,6})")


@dataclass
class _Unit:
    """A quotation being attributed (clean offsets)."""

    marked: list[Marked]
    kind: str = "direct"
    contents: list[tuple[int, int]] = field(default_factory=list)
    cue: tuple[int, int] | None = None
    source: SpacySpan | None = None
    speaker: str | None = None
    para: int = 0
    loose: bool = False        # attributed through a verb that is not a speech verb
    cue_tok: int | None = None
    confidence: float = 0.0


class _Context:
    """Per-document look-ups, computed once (keeps the stage linear in the text size)."""

    def __init__(self, doc: Doc, index: EntityIndex, paras: list[tuple[int, int]], text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text
        self.index = index
        self.paras = paras
        self.para_starts = [s for s, _ in paras]
        self.tok_starts = [t.idx for t in doc]
        self.quoted = bytearray(len(doc))          # token inside a quotation
        mentions = []
        for e in index.entities:
            for s in e.spans:
                mentions.append((s.start, s.end, e))
        mentions.sort(key=lambda m: m[0])
        self.mentions = mentions
        self.mention_starts = [m[0] for m in mentions]
        self.genders: dict[str, str | None] = {}
        self._things: dict[int, bool] = {}      # mention start -> used as a thing (see _as_thing)
        self.marked: list[Marked] = []
        self._by_text: dict[str, list[int]] | None = None   # token text -> token indices (same_text)
        self.how = "none"                           # how resolve_source found its last speaker
        self.focus: dict[int, Entity | None] = {}   # he/she token -> the person in focus (_focus_person)
        self._titles: dict[str, list[list[str]]] = {}   # entity id -> its roles (titles_of)

    def add_mention(self, start: int, end: int, ent: Entity) -> None:
        """A mention found after the context was built (a name the NER missed)."""
        i = bisect.bisect_left(self.mention_starts, start)
        if i < len(self.mentions) and self.mentions[i][0] == start:
            return
        self.mentions.insert(i, (start, end, ent))
        self.mention_starts.insert(i, start)

    def same_text(self, tok: Token) -> list[Token]:
        """The document's tokens with the same text as ``tok``, in order (a word index built on the
        first call, not a pass over every token per call)."""
        if self._by_text is None:
            self._by_text = {}
            for t in self.doc:
                self._by_text.setdefault(t.text, []).append(t.i)
        return [self.doc[i] for i in self._by_text.get(tok.text, ())]

    def para_of(self, pos: int) -> int:
        return max(bisect.bisect_right(self.para_starts, pos) - 1, 0)

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens starting inside [start, end)."""
        i = bisect.bisect_left(self.tok_starts, start)
        j = bisect.bisect_left(self.tok_starts, end)
        return [self.doc[k] for k in range(i, j)]

    def token_at(self, pos: int) -> Token | None:
        i = bisect.bisect_right(self.tok_starts, pos) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def entity_in(self, start: int, end: int, types: tuple[str, ...] | None = None) -> Entity | None:
        i = bisect.bisect_left(self.mention_starts, start)
        j = i - 1
        best = None
        # mentions starting inside the range, and one starting before it that overlaps
        # (by index: a slice of the rest of the list would copy it, on every call)
        for k in range(max(j, 0), len(self.mentions)):
            s, e, ent = self.mentions[k]
            if s >= end:
                break
            if s < end and start < e and (types is None or ent.type in types):
                best = best or ent
                if ent.type == "Person":
                    return ent
        return best

    def last_entity(self, before: int, types: tuple[str, ...], skip_quoted: bool = True,
                    gender: str | None = None, named: str | None = None,
                    paras: int | None = None) -> Entity | None:
        """The entity of the last mention before ``before`` (of a compatible gender for he/she;
        with ``named``, the last whose name has that word, else the last of any name; with
        ``paras``, mentioned at most that many paragraphs back)."""
        i = bisect.bisect_left(self.mention_starts, before) - 1
        fallback = None
        floor = -1
        if paras is not None and self.para_starts:
            floor = self.para_starts[max(self.para_of(before) - paras, 0)]
        while i >= 0 and self.mentions[i][0] >= floor:
            s, e, ent = self.mentions[i]
            if ent.type == "Group" and self._adjectival(s):
                pass            # "the Italian foreign minister": not a group that "they" can be
            elif ent.type == "Person" and self._as_thing(s, e):
                pass            # "the EastMed pipeline", "on Twitter": not someone "he" can be
            elif ent.type in types and not (skip_quoted and self._in_quote(s)):
                if gender is None or self.gender_of(ent) in (None, gender):
                    if named is None or named in ent.name.lower().split():
                        return ent
                    fallback = fallback or ent
            i -= 1
        return fallback

    def _as_thing(self, start: int, end: int) -> bool:
        """A mention used as a thing (``entities.used_as_thing``), memoised."""
        known = self._things.get(start)
        if known is None:
            known = self._things[start] = used_as_thing(self.tokens(start, end))
        return known

    def _adjectival(self, pos: int) -> bool:
        t = self.token_at(pos)
        return t is not None and (t.pos_ == "ADJ" or t.dep_ == "amod")

    def gender_of(self, ent: Entity) -> str | None:
        """"m"/"f" from honorifics before its mentions, gendered roles, or earlier he/she resolutions."""
        if ent.id in self.genders:
            return self.genders[ent.id]
        # the article first: a gendered role ("the congresswoman"), an honorific before a mention
        # ("Ms. Pelosi"); then the first name (a public first-name table, see lexicon)
        g = next(filter(None, (lexicon.word_gender(w) for w in re.findall(r"[\w]+", ent.role or ""))), None)
        if g is None:
            for sp in ent.spans:
                pre = re.search(r"\b(\w+)\.?\s$", self.text[max(0, sp.start - 6):sp.start])
                if pre and pre.group(1).lower() in lexicon.FEMALE_HONORIFICS | lexicon.MALE_HONORIFICS:
                    g = lexicon.word_gender(pre.group(1))
                    break
        if g is None:
            words = [w for w in ent.name.split() if w.lower().strip(".") not in CORE_TITLES]
            if len(words) >= 2:
                g = lexicon.first_name_gender(words[0])
        self.genders[ent.id] = g
        return g

    def titles_of(self, ent: Entity) -> list[list[str]]:
        """The roles a person is given: its role, and the title words right before each of its
        mentions ("President Obama", "Vermont Sen. Jane Roe"), lowercased, abbreviations spelled
        out ("sen" -> "senator"); memoised."""
        known = self._titles.get(ent.id)
        if known is None:
            known = [] if not ent.role else [ent.role]
            for sp in ent.spans:
                pre = _TITLE_BEFORE.search(self.text, max(0, sp.start - 40), sp.start)
                if pre and any(w.lower().strip(".") in CORE_TITLES for w in pre.group(1).split()):
                    known.append(pre.group(1))
            known = [[lexicon.TITLE_WORDS.get(w.strip("."), w.strip(".")) for w in r.lower().replace("-", " ").split()]
                     for r in known]
            self._titles[ent.id] = known
        return known

    def _in_quote(self, pos: int) -> bool:
        t = self.token_at(pos)
        return bool(t is not None and self.quoted[t.i])


def make_context(doc: Doc, index: EntityIndex, paras: list[tuple[int, int]] | None = None,
                 text: str | None = None) -> _Context:
    """The per-document look-ups ``resolve_source`` needs, built once (pass as ``context=``;
    ``text``: ``doc.text`` when the caller has it, as spaCy rebuilds it on every access)."""
    text = doc.text if text is None else text
    paras = paras if paras is not None else paragraphs(text)
    ctx = _Context(doc, index, paras, text)
    ctx.marked = find_marked(text, paras)
    for m in ctx.marked:
        for s, e in m.spans:
            for t in ctx.tokens(s, e):
                ctx.quoted[t.i] = 1
    return ctx


# --------------------------------------------------------------------------- resolution
def resolve_source(doc: Doc, source: SpacySpan, index: EntityIndex, context: _Context | None = None,
                   last_speaker: str | None = None) -> str | None:
    """Entity id for a speaker mention (a name, a pronoun or a description), or None.

    Pronouns and definite descriptions ("the senator", "the company") resolve to the last
    matching entity mentioned before the source (outside quotations); ``last_speaker`` (the
    previous quote's speaker) is preferred for a pronoun when it is that person.
    """
    ctx = context or make_context(doc, index)
    ctx.how = "none"
    root = source.root
    words = [t for t in source if not t.is_punct]
    if not words:
        return None
    low = root.lower_
    if len(words) == 1 and low in ("who", "that", "which") and root.head.dep_ in ("relcl", "acl") \
            and root.head.head.i != root.head.i:
        # "a retired general who suggested …": the noun the relative clause hangs on
        noun = root.head.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _person_noun(noun.head.head.lower_) \
                and noun.head.head.dep_ == "appos":
            noun = noun.head.head   # "…, the president of the league, who said": the president
        while noun.dep_ == "appos" and noun.head.i != noun.i and _is_name(noun.head):
            noun = noun.head        # "Jane Roe, the head of the league, who said": Jane Roe
        return resolve_source(doc, _source_span(doc, noun), index, ctx, last_speaker) if noun.i != root.i else None
    if len(words) == 1 and low in ("who", "which") and root.i > 0:
        # the parse did not hang the clause on its noun ("the Police Department which reported …"
        # parsed as an adverbial clause): the name right before the relative pronoun
        prev = doc[root.i - 1]
        if prev.text == "," and root.i > 1:
            prev = doc[root.i - 2]
        if _is_name(prev) and not ctx.quoted[prev.i] and prev.ent_type_ not in _NOT_NAMES:
            while prev.dep_ in ("compound", "flat") and prev.head.i > prev.i and _is_name(prev.head):
                prev = prev.head
            return resolve_source(doc, _source_span(doc, prev), index, ctx, last_speaker)
        return None
    if len(words) == 1 and low in PRONOUNS:
        # an organisation "it"/"they" stands for was named lately (not ten paragraphs back)
        how = "pronoun-org"
        if low in ("it",):
            e = ctx.last_entity(source.start_char, ("Organization",), paras=2)
        elif low in ("they", "them"):
            e = ctx.last_entity(source.start_char, ("Organization", "Group"), paras=2)
        elif low in ("i", "we", "me", "us", "you"):
            return None
        else:
            g = PERSON_PRONOUNS.get(low)
            # a careful reader: the person the current or previous sentence is about comes first
            e = focus = _focus_person(ctx, root, g) if g else None
            how = "pronoun-focus"
            if e is None and last_speaker:
                how = "pronoun-run"
                ent = _entity_by_id(index, last_speaker)
                if ent is not None and ent.type == "Person" and ctx.gender_of(ent) in (None, g):
                    prev = ctx.last_entity(source.start_char, ("Person",), gender=g)
                    # another person named since the last quote takes over the pronoun
                    if prev is None or prev.id == ent.id or not _mentioned_since_speaker(ctx, ent, prev, source.start_char):
                        e = ent
            if e is None:
                how = "pronoun-near"
                e = ctx.last_entity(source.start_char, ("Person",), gender=g)
            named = _mistyped_person(ctx, source.start_char)
            if named is not None and focus is None and (e is None or max(sp.start for sp in e.spans if sp.start < source.start_char)
                                      < max(sp.start for sp in named.spans if sp.start < source.start_char)):
                e, how = named, "pronoun-near"
            if e is not None and g and ctx.genders.get(e.id) is None:
                ctx.genders[e.id] = g            # "she said" → this person is "she" from now on
        ctx.how = how if e else "none"
        return e.id if e else None
    # a name (or a description containing one)
    # the entity the phrase is about (its head word: "… and Bridges Minister Obaidul Quader"), else any
    e = ctx.entity_in(root.idx, root.idx + len(root.text)) or ctx.entity_in(source.start_char, source.end_char)
    if e is not None and e.type == "Group" and not any(sp.start <= root.idx < sp.end for sp in e.spans):
        e = None        # "Chinese officials said": people described by a nationality, not the group
    if root.pos_ == "NOUN" and _person_noun(root.lower_):
        # a person described, then named in apposition: "Ryan's spokeswoman, AshLee Strong"
        app = next((c for c in root.children if c.dep_ == "appos" and _is_name(c)), None)
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
            held = _by_role(index, root.lower_, ctx, source.start_char)
            if held is not None:
                ctx.how = "description-role"
                return held.id
    if e is not None and e.type in ("Person", "Organization", "Group", "Place"):
        if e.type == "Place" and root.lower_ not in ORG_WORDS:
            pass
        else:
            ctx.how = "name" if e.type == "Person" else "name-org"
            return e.id
    propn = [t for t in words if _is_name(t)]
    if _is_name(root) or (propn and root.lower_ not in ORG_WORDS and root.lower_ not in SPOKES_WORDS
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
    # descriptions: "the senator", "the company", "a Coca-Cola spokesman"
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
            return e.id if e else None
        return None
    if det in ("the", "this", "that") and root.pos_ in ("NOUN", "PROPN") and root.tag_ in ("NN", "NNP"):
        e = _by_role(index, root.lower_, ctx, source.start_char)
        ctx.how = "description-role"
        if e is None and (_person_noun(root.lower_) or lexicon.word_gender(root.lower_)):   # ("the ruling": nobody)
            # only someone who fits: "the businessman" is not the last woman named
            e = _most_named(ctx, source.start_char, lexicon.word_gender(root.lower_))
            ctx.how = "description-near"
        ctx.how = ctx.how if e else "none"
        return e.id if e else None
    return None


def _most_named(ctx: _Context, before: int, gender: str | None) -> Entity | None:
    """For a description no role matches ("the businessman"): of the people of that gender named
    in the last ``DESCRIPTION_PARAS`` paragraphs, the one the article names most (the one it is
    about), else the last one named."""
    floor = ctx.para_starts[max(ctx.para_of(before) - DESCRIPTION_PARAS, 0)] if ctx.para_starts else 0
    seen: dict[str, Entity] = {}
    i = bisect.bisect_left(ctx.mention_starts, before) - 1
    while i >= 0 and ctx.mentions[i][0] >= floor:
        s, e, ent = ctx.mentions[i]
        i -= 1
        if ent.type == "Person" and ent.id not in seen and not ctx._in_quote(s) and not ctx._as_thing(s, e) \
                and (gender is None or ctx.gender_of(ent) in (None, gender)):
            seen[ent.id] = ent
    if not seen:
        return ctx.last_entity(before, ("Person",), gender=gender)
    return max(seen.values(), key=lambda x: x.mentions)     # (ties: the last named, seen first)


def _publisher(ctx: _Context, doc_noun: Token) -> Entity | None:
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


def _publisher_at(ctx: _Context, t: Token) -> Entity | None:
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


def speaker_confidence(ctx: _Context, kind: str) -> float:
    """The confidence of the speaker ``resolve_source`` just returned, for a quote of ``kind``."""
    base = CONFIDENCE.get(ctx.how, 0.0)
    return round(min(1.0, max(0.01, base + KIND_CONFIDENCE.get(kind, 0.0))), 2) if base else 0.0


def _focus_person(ctx: _Context, pron: Token, g: str, depth: int = 0) -> Entity | None:
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


def _subject_person(ctx: _Context, sent: SpacySpan, before: int, g: str, depth: int) -> Entity | None:
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    fragment = first is not None and first.i < before and _is_name(first) and not ctx.quoted[first.i] \
        and first.dep_ in ("compound", "flat", "npadvmod", "dep") and first.head.i == sent.root.i \
        and not any(c.dep_ in SUBJ_DEPS for c in sent.root.children)
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
        else:
            e = ctx.entity_in(t.idx, t.idx + len(t.text), ("Person",))
            if e is not None and (e.type != "Person" or ctx._as_thing(t.idx, t.idx + len(t.text))):
                e = None
        if e is not None and ctx.gender_of(e) in (None, g):
            return e
    return None


def _new_name_type(ctx: _Context, toks: list[Token]) -> str:
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


def _relation_of(ctx: _Context, root: Token, ent: Entity, source: SpacySpan) -> bool:
    """Whether ``ent`` is named in ``source`` only as whose ``root`` is: its possessor ("Smith's
    widow") or after "of" ("the wife of John Kerry"), not in apposition ("…, Mariela Belski")."""
    toks = [t for sp in ent.spans if source.start_char <= sp.start < source.end_char
            for t in ctx.tokens(sp.start, sp.end)]
    heads = [t for t in toks if t.head not in toks]
    return bool(heads) and all((t.dep_ == "poss" and t.head.i == root.i) or
                               (t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i == root.i)
                               for t in heads)


def _of_phrase_names(ctx: _Context, root: Token, ent: Entity) -> bool:
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
        and lexicon.first_name_gender(words[0]) is not None


def _person_noun(word: str) -> bool:
    """A noun that names a person: a title, a listed noun or an agent noun ("seller", "archbishop")."""
    if word in PERSON_NOUNS or word.endswith(("bishop", "man", "woman", "person")):
        return True
    return len(word) > 4 and word.endswith(("er", "or", "ist", "ian")) and word not in NOT_AGENT_NOUNS


def _mistyped_person(ctx: _Context, before: int) -> Entity | None:
    """The last entity before ``before`` that NER typed as an organisation but that looks like
    a person speaking: a surname-like name ("Kaepernick") followed by a reporting verb."""
    i = bisect.bisect_left(ctx.mention_starts, before) - 1
    for _ in range(12):
        if i < 0:
            return None
        s, e, ent = ctx.mentions[i]
        i -= 1
        if ent.type != "Organization" or ctx._in_quote(s):
            continue
        words = ent.name.split()
        if not 1 <= len(words) <= 3 or not all(NAME_WORD.fullmatch(w) for w in words) \
                or any(w.lower() in ORG_WORDS for w in words):
            continue
        nxt = ctx.token_at(e)
        while nxt is not None and nxt.idx < e:
            nxt = nxt.doc[nxt.i + 1] if nxt.i + 1 < len(nxt.doc) else None
        if nxt is not None and _is_cue(nxt) and nxt.lemma_.lower() in SAY_CUES:
            return ent
    return None


def _is_name(t: Token) -> bool:
    """A proper-name token (the tagger's PROPN, capitalised: "the senator" is not a name)."""
    return t.pos_ == "PROPN" and t.text[:1].isupper()


def _entity_by_id(index: EntityIndex, eid: str) -> Entity | None:
    return next((e for e in index.entities if e.id == eid), None)


def _mentioned_since_speaker(ctx: _Context, speaker: Entity, prev: Entity, pos: int) -> bool:
    """True when ``prev`` (another person) is mentioned after the speaker's last mention."""
    last_sp = max((s.start for s in speaker.spans if s.start < pos), default=-1)
    last_prev = max((s.start for s in prev.spans if s.start < pos and not ctx._in_quote(s.start)), default=-1)
    return last_prev > last_sp


def _by_role(index: EntityIndex, word: str, ctx: _Context, before: int) -> Entity | None:
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


# --------------------------------------------------------------------------- cues & sources
def _subject(verb: Token, quoted: bytearray | None = None) -> Token | None:
    subs = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass") and not (quoted and quoted[t.i])]
    for t in sorted(subs, key=lambda t: (not _speakerish(t), abs(t.i - verb.i))):
        if t.dep_ in ("nsubj", "nsubjpass"):
            if t.dep_ == "nsubjpass":
                agent = next((a for a in verb.children if a.dep_ == "agent"), None)
                if agent is not None:
                    pobj = next((p for p in agent.children if p.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj
                if verb.lemma_.lower() in ADDRESSEE_PASSIVES:
                    return None      # "Blumenthal was asked, “…”": he is not the speaker
            return t
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # "X defended the plan, saying …": the subject of the sentence's main verb
        top, first = verb, None
        while top.dep_ not in ("ROOT",) and top.head.i != top.i and top.dep_ in ("advcl", "ccomp", "conj", "xcomp", "pcomp", "pobj", "prep"):
            top = top.head
            s = next((t for t in top.children if t.dep_ in ("nsubj", "nsubjpass") and not (quoted and quoted[t.i])), None)
            if s is not None:
                first = first or s
                if _speakerish(s):
                    return s
        if first is not None:
            return first
    # verbs sharing a subject: "X stood up and said", "X went on to say", "X, speaking at …"
    v = verb
    for _ in range(3):
        if v.dep_ in ("conj", "xcomp", "advcl", "acl", "ccomp") and v.head.i != v.i:
            if v.dep_ == "acl" and v.head.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
                return v.head
            v = v.head
            for t in v.children:
                if t.dep_ in ("nsubj", "nsubjpass") and not (quoted and quoted[t.i]):
                    return t
        else:
            break
    return orphan_subject(verb)


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
    if prev.pos_ == "PROPN":
        return prev
    # "…, the Democratic presidential candidate stated that …"
    if prev.pos_ == "NOUN" and prev.dep_ == "appos" and prev.lower_ in HUMAN_NOUNS \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in prev.children):
        return prev
    return None


def _speakerish(t: Token) -> bool:
    """A subject that looks like someone who speaks (no entity index needed)."""
    if t.pos_ == "PRON":
        return t.lower_ in PRONOUNS and t.lower_ != "it"
    return (_is_name(t) and t.ent_type_ not in _NOT_NAMES) or t.ent_type_ in ("PERSON", "ORG", "NORP") \
        or t.lower_ in HUMAN_NOUNS or t.lower_ in ORG_WORDS


def _source_span(doc: Doc, head: Token) -> SpacySpan:
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


def _according_to(toks: list[Token]) -> tuple[Token, Token] | None:
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


def _is_cue(t: Token) -> bool:
    if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() == "be":
        return False
    if t.lemma_.lower() in CUE_LEMMAS:
        return True
    # "X issued a statement, “…”", "X released the following statement:"
    return any(c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in t.children)


# --------------------------------------------------------------------------- main
def attribute(doc: Doc, index: EntityIndex, paras: list[tuple[int, int]] | None = None,
              context: _Context | None = None) -> list[Quote]:
    """Direct and partial quotes with cue, source and speaker, in clean offsets
    (``context``: ``make_context(doc, index, paras)`` when the caller already built it)."""
    ctx = context or make_context(doc, index, paras)
    text = ctx.text
    paras = ctx.paras
    marked = ctx.marked
    units: list[_Unit] = []
    by_cue: dict[int, _Unit] = {}
    prev: _Unit | None = None
    last_direct: _Unit | None = None
    for k, m in enumerate(marked):
        prev_close = marked[k - 1].close_end if k > 0 else 0
        pi = ctx.para_of(m.open_start)
        ps, pe = paras[pi]
        lframe = (max(ps, prev_close), m.open_start)
        rframe = (m.close_end, paras[ctx.para_of(m.close_end - 1)][1])
        if _is_direct(text, m, lframe, rframe):
            if prev is not None and prev.kind == "direct" and prev.cue_tok is not None \
                    and lframe[0] <= ctx.doc[prev.cue_tok].idx < lframe[1] \
                    and not re.search(r"[.!?][\"”’']*\s", text[ctx.doc[prev.cue_tok].idx:m.open_start]) \
                    and not any(t.lemma_.lower() in NEW_REPORT_CUES and t.i > prev.cue_tok
                                for t in ctx.tokens(lframe[0], lframe[1])):
                _extend(prev, m)          # "“A,” X said, explaining …, “B.”"
                continue
            found = _frame_cue(ctx, m, lframe, rframe, marked[k + 1].open_start if k + 1 < len(marked) else len(text))
            if found is None and prev is not None and prev.kind == "partial" and last_direct is not None \
                    and last_direct.source is not None and _continues(ctx, last_direct, m, pi):
                _extend(last_direct, m)   # "“A,” said X, who noted that … “cratered” … . “B.”"
                continue
            if found is None and prev is not None and prev.source is not None and not prev.loose \
                    and _continues(ctx, prev, m, pi):
                _extend(prev, m)
                continue
            if found is None:
                found = _dash_paragraph(ctx, m)
            if found is None:
                found = _intro(ctx, m, pi)
            if found is None and len(text[m.start:m.end].split()) < 3:
                continue          # a word or two in marks with nobody saying them
            if found is not None and found[2] is not None and found[2].i in by_cue \
                    and by_cue[found[2].i].kind == "direct":
                # "A," she said, "B." — one quotation around one cue
                _extend(by_cue[found[2].i], m)
                continue
            u = _Unit([m], "direct", list(m.spans), para=pi)
            if found is not None:
                u.cue, u.source, tok = found
                if u.source is None and prev is not None and pi - prev.para <= 1 and tok is not None \
                        and not any(c.dep_ in SUBJ_DEPS for c in tok.children):
                    u.source = prev.source          # "Adding, “…”": the last speaker goes on
                if tok is not None:
                    by_cue[tok.i] = u
                    u.cue_tok = tok.i
            units.append(u)
            prev = last_direct = u
            continue
        # partial: the reported clause under a speech verb
        res = _partial(ctx, m)
        if res is None:
            if prev is not None and prev.kind == "direct" and prev.source is not None and not prev.loose \
                    and _starts_sentence(text, m, lframe[0]) and _continues(ctx, prev, m, pi):
                _extend(prev, m)   # "“A,” said X. “B C D” for the rest.": B goes on with A's speaker
            continue
        verb, content, cue, source, loose = res
        u = by_cue.get(verb.i)
        if u is None:
            u = _Unit([m], "partial", [content], cue=cue, source=source, para=pi, loose=loose)
            by_cue[verb.i] = u
            units.append(u)
        elif u.kind == "partial":
            u.marked.append(m)
            s0, e0 = u.contents[0]
            u.contents[0] = (min(s0, content[0]), max(e0, content[1]))
        else:
            _extend(u, m)
        prev = u
    quotes = []
    last_speaker: str | None = None
    for u in sorted(units, key=lambda u: u.contents[0][0]):
        turns = _label_turns(text, u) if u.kind == "direct" and _CAPS_LABEL.match(text, u.contents[0][0]) else []
        labels = [_transcript_label(ctx, t.contents[0][0]) for t in turns]
        if turns and (u.source is None or (len(turns) > 1 and any(labels))):
            # a transcript inside marks ("SMITH: …" / "JONES: …" paragraphs): one quote per turn,
            # whoever introduced the excerpt ("WARNING: …" / "NOTE: …", nobody's names, do not count)
            for turn, label in zip(turns, labels):
                if label is not None:
                    turn.speaker, turn.confidence = label.id, CONFIDENCE["label"]
                    last_speaker = turn.speaker
                quotes.append(_to_quote(text, turn))
            continue
        if u.source is not None:
            u.speaker = resolve_source(doc, u.source, index, ctx, last_speaker)
            u.confidence = speaker_confidence(ctx, u.kind) if u.speaker else 0.0
        if u.speaker is not None:
            last_speaker = u.speaker
        quotes.append(_to_quote(text, u))
    return quotes


_CAPS_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")


def _transcript_label(ctx: _Context, pos: int) -> Entity | None:
    """The speaker of a transcript turn opening at ``pos`` with a label in capitals (``SMITH: …``):
    the one person of the article with that surname or name, else None."""
    m = _CAPS_LABEL.match(ctx.text, pos)
    if m is None:
        return None
    words = m.group(1).lower().split()
    found = [e for e in ctx.index.entities if e.type == "Person"
             and [w.lower() for w in e.name.split()[-len(words):]] == words]
    return found[0] if len(found) == 1 else None


def _label_turns(text: str, u: _Unit) -> list[_Unit]:
    """``u``'s paragraphs split where one opens with a capitals label: one unit per turn."""
    turns: list[_Unit] = []
    for sp in u.contents:
        if not turns or _CAPS_LABEL.match(text, sp[0]):
            turns.append(_Unit([], "direct", [], para=u.para))
        turns[-1].contents.append(sp)
    for t in turns:
        t.marked = [Marked(list(t.contents), t.contents[0][0], t.contents[-1][1])]
    return turns


def _extend(u: _Unit, m: Marked) -> None:
    u.marked.append(m)
    if u.kind == "direct":
        u.contents.extend(m.spans)
    else:
        u.contents.extend(sp for sp in m.spans if not any(s <= sp[0] < e for s, e in u.contents))
    u.para = m.paras[-1] if m.paras else u.para


def _to_quote(text: str, u: _Unit) -> Quote:
    sp = lambda s, e: Span(s, e, text[s:e])
    q = Quote(kind=u.kind, contents=[sp(s, e) for s, e in u.contents])
    if u.kind == "direct":
        # `"A," she said. "B"`: the cue's sentence ends between the spans -> two quotations
        q.breaks = [i for i in range(1, len(u.contents))
                    if _SENT_END.search(text[u.contents[i - 1][1]:u.contents[i][0]])]
    q.marked = [sp(s, e) for m in u.marked for s, e in m.spans]
    if u.cue:
        q.cue = sp(*u.cue)
    if u.source is not None:
        q.sources = [sp(u.source.start_char, u.source.end_char)]
    q.speaker = u.speaker
    q.confidence = u.confidence
    return q


def _prev_char(text: str, pos: int, floor: int) -> str:
    i = pos - 1
    while i >= floor and text[i].isspace():
        i -= 1
    return text[i] if i >= floor else ""


def _starts_sentence(text: str, m: Marked, floor: int) -> bool:
    """Quoted words that open a sentence of their own and hold a whole sentence: after a sentence
    end (or at the start of the paragraph), capitalised, four words or more, a sentence end inside
    ("… said X. “No reform. Just a tax rise” for the rich.")."""
    before = _prev_char(text, m.open_start, floor)
    words = text[m.start:m.end].split()
    return before in ("", ".", "!", "?", "\"", "”", "'") and len(words) >= 4 and words[0][:1].isupper() \
        and re.search(r"\w[.!?] +[A-Z]", text[m.start:m.end]) is not None   # whole sentences, not a title


def _is_direct(text: str, m: Marked, lframe: tuple[int, int], rframe: tuple[int, int]) -> bool:
    """A full quotation (not quoted words inside a sentence)."""
    before = _prev_char(text, m.open_start, lframe[0])
    inner = text[m.spans[-1][0]:m.spans[-1][1]].rstrip().rstrip("'’\"”")
    ends_punct = inner[-1:] in ".,!?…—-:;"
    after = text[rframe[0]:rframe[1]].lstrip()[:1]
    if _title_like(inner) and len(m.spans) == 1 and len(inner.split()) > 1:
        return False      # titles and names go through the partial-quote rules
    left_ok = before in ("", ".", "!", "?", ":", ",", ";", "(", "―", "—", "–", "-") or before in "\"”'"
    if not left_ok:
        # `X said "Hello there."` — a cue word right before a capitalised full sentence
        first = text[m.start:m.start + 1]
        if first.isupper() and ends_punct and len(inner.split()) >= 4:
            return True
        return False
    if before == "," and not text[m.start:m.start + 1].isupper() and not ends_punct and len(inner.split()) < 5:
        return False
    right_ok = ends_punct or after in ("", ".", ",", "!", "?", ";", ":", ")", "―", "—", "–", "-") or len(m.spans) > 1
    if not right_ok:
        return False
    if len(inner.split()) < 3 and before not in (":",) and not ends_punct:
        return False
    return True


def _clip_left(text: str, s: int, e: int) -> int:
    """Start of the last sentence in text[s:e]."""
    last = s
    for mm in _SENT_END.finditer(text, s, e):
        last = mm.end()
    return last


def _clip_right(text: str, s: int, e: int) -> int:
    mm = _SENT_END.search(text, s, e)
    return mm.end() if mm else e


def _frame_cue(ctx: _Context, m: Marked, lframe, rframe, next_open: int):
    """(cue span, source span, cue token) found right after or right before the quotation."""
    text = ctx.text
    inner = text[m.spans[-1][0]:m.spans[-1][1]].rstrip()
    r_end = _clip_right(text, rframe[0], rframe[1])
    new_sentence = inner[-1:] in ".!?" and text[rframe[0]:r_end].strip()[:1].isupper()
    if new_sentence:
        r_end = min(r_end, next_open)      # a new sentence: stop at the next quotation
    rtoks = [t for t in ctx.tokens(rframe[0], r_end) if not ctx.quoted[t.i]]
    rtext = text[rframe[0]:r_end]
    if rtoks:
        dm = _DASH_LINE.match(text, rframe[0], r_end)
        if dm and rtext.lstrip()[:1] in "―—–-" and dm.group(1).strip():
            toks = ctx.tokens(dm.start(1), dm.end(1))
            names = [t for t in toks if t.pos_ == "PROPN"] or toks
            if names:
                src = ctx.doc[names[0].i:names[-1].i + 1]
                dash = dm.start() + len(text[dm.start():dm.start(1)]) - len(text[dm.start():dm.start(1)].lstrip())
                return (dash, dash + 1), src, None
    # a new sentence after the quote that introduces the next quotation is not this one's
    intro_next = new_sentence and rtext.rstrip()[-1:] in (",", ":") and not text[r_end:next_open].strip()
    l_start = _clip_left(text, lframe[0], lframe[1])
    ltoks = [t for t in ctx.tokens(l_start, lframe[1]) if not ctx.quoted[t.i]]
    colon = bool(ltoks) and text[l_start:lframe[1]].rstrip().endswith(":")
    right = lambda strict: _cue_in(ctx, rtoks, first=True, max_pos=6 if new_sentence else None, right=True,
                                   strict=strict) if rtoks and not intro_next else None
    left = lambda strict: (_cue_in(ctx, ltoks, first=False, strict=strict) if ltoks else None) or \
        (_colon_source(ctx, ltoks) if colon and strict else None)
    # "“…,” X said" first; after a full sentence ("“….” He left.") the left side goes first
    order = (left, right) if new_sentence else (right, left)
    for strict in (True, False):
        for side in order:
            found = side(strict)
            if found is not None:
                return found
    if inner.rstrip("'’\"”")[-1:] in (",", "?", "!") and rtoks and not new_sentence:
        return _lexical_cue(ctx, rtoks)
    return None


def _lexical_cue(ctx: _Context, rtoks: list[Token]):
    """``“…,” a voice-over in the ad states.`` when the parse went wrong: a reporting-verb word
    among the first words after the quote, the words between as the source."""
    words = [t for t in rtoks if not t.is_punct]
    for k, t in enumerate(words[:8]):
        if t.lemma_.lower() in CUE_LEMMAS and t.lemma_.lower() not in QUOTE_WEAK_CUES and t.tag_ in (
                "VBD", "VBZ", "VBN", "VBP", "NNS"):
            src = [w for w in words[:k] if w.pos_ in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "ADP", "NUM")]
            if src and len(src) == k and src[-1].pos_ in ("PROPN", "NOUN", "PRON"):
                return (t.idx, t.idx + len(t)), ctx.doc[src[0].i:src[-1].i + 1], t
            if k == 0 and len(words) > 1 and words[1].pos_ in ("PROPN", "DET", "NOUN"):
                h = words[1]
                while h.i + 1 < len(ctx.doc) and ctx.doc[h.i + 1].pos_ in ("PROPN",) and h.i + 1 <= words[-1].i:
                    h = ctx.doc[h.i + 1]
                return (t.idx, t.idx + len(t)), ctx.doc[words[1].i:h.i + 1], t
            return None
    return None


def _subject_in(ctx: _Context, verb: Token, toks: list[Token] | None = None) -> Token | None:
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


def _cue_in(ctx: _Context, toks: list[Token], first: bool, max_pos: int | None = None, right: bool = False,
            strict: bool = False):
    """(cue span, source span, cue token) in a frame; ``strict``: only cues with a parsed subject."""
    seq = toks if first else list(reversed(toks))
    acc = _according_to(toks)
    words = [x for x in seq if not x.is_punct]
    for n, t in enumerate(seq):
        lem = t.lemma_.lower()
        if max_pos is not None and n > max_pos:
            break
        if not _is_cue(t):
            # "“This is fantastic!” beamed Donald Hartley" / "“…,” she laughed": any verb right after
            adjacent = right and t.pos_ == "VERB" and t in words[:3] and t.tag_ in ("VBD", "VBZ", "VBP")
            if not (adjacent and (sj := _subject_in(ctx, t, toks)) is not None and _speakerish(sj)):
                continue
        if max_pos is not None and any(c.dep_ in ("ccomp", "xcomp") and not ctx.quoted[c.i]
                                       for c in t.children):
            continue      # "“….” She further announced that …": a new report, not this quote's cue
        # weak cues ("read", "go", "offer") only right next to the quotation: "“…,” read one." / "it reads, “…”"
        if lem in QUOTE_WEAK_CUES and not (lem == "continue" or (n <= 1 if right else n <= 3)):
            continue
        cue = (t.idx, t.idx + len(t))
        subj = _subject_in(ctx, t, toks)
        if subj is not None:
            if not right and OUTER_CUES_WIN and t.dep_ in ("ccomp", "conj") \
                    and t.lemma_.lower() not in NEW_REPORT_CUES:
                # "Trump said he responded: “…”": the outermost saying verb in the frame
                up, lo = t.head, toks[0].i
                for _ in range(3):
                    if up.i == t.i or up.i < lo or ctx.quoted[up.i]:
                        break
                    if up.lemma_.lower() in SAY_CUES and _is_cue(up) and up.lemma_.lower() not in RELAY_CUES:
                        sj = _subject_in(ctx, up, toks)
                        if sj is not None and _speaker_like(ctx, sj):
                            t, subj, cue = up, sj, (up.idx, up.idx + len(up))
                    if up.dep_ == "ROOT":
                        break
                    up = up.head
            return cue, _source_span(ctx.doc, subj), t
        if strict:
            continue
        if any(c.dep_ == "nsubjpass" for c in t.children) and lem in ADDRESSEE_PASSIVES:
            return cue, None, t     # "X was asked, “…”": the speaker is not in the sentence
        before = [x for x in toks if x.i < t.i and _is_name(x) and x.ent_type_ not in _NOT_NAMES]
        if right and before:
            h = before[-1]
            while h.dep_ in ("compound", "flat") and h.head.i > h.i and _is_name(h.head):
                h = h.head
            return cue, _source_span(ctx.doc, h), t
        # "said Mr. X" when the parse missed the subject: the next name
        for c in t.rights:
            if c.pos_ in ("PROPN", "PRON") and not ctx.quoted[c.i] and c.i <= toks[-1].i:
                return cue, _source_span(ctx.doc, c), t
        if acc is None:
            # the nearest name or pronoun in the frame
            near = [x for x in toks if (x.pos_ in ("PROPN",) or x.pos_ == "PRON" and x.lower_ in PRONOUNS)
                    and x.dep_ not in ("poss",) and x.ent_type_ not in ("DATE", "TIME", "CARDINAL")]
            if near:
                h = min(near, key=lambda x: abs(x.i - t.i))
                while h.dep_ in ("compound", "flat") and h.head.pos_ == "PROPN" and h.head.i > h.i:
                    h = h.head
                return cue, _source_span(ctx.doc, h), t
            # "Adding, “…”": a cue with no subject in a sentence of its own continues the last speaker
            return cue, None, t
    if acc is not None and acc[1] is not None and strict:
        a, pobj = acc
        to = ctx.doc[a.i + 1]
        return (a.idx, to.idx + len(to)), _source_span(ctx.doc, pobj), a
    return None


_NOT_NAMES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


def _colon_source(ctx: _Context, toks: list[Token]):
    """``X: "…"`` or ``In a statement, X wrote:`` — the name before ':', or the frame's subject."""
    colon = toks[-1] if toks[-1].text == ":" else None
    cue = (colon.idx, colon.idx + 1) if colon is not None else None
    body = toks[:-1] if colon is not None else toks
    dash = max((k for k, t in enumerate(body) if t.text in ("-", "—", "–") and t.whitespace_), default=-1)
    if 0 <= dash < len(body) - 1 and all(_is_name(t) or t.pos_ == "CCONJ" or t.text in (",", ".")
                                           for t in body[dash + 1:]):
        h = body[-1]                                   # "… - David Wasserman: “…”"
        return cue, ctx.doc[body[dash + 1].i:h.i + 1], colon
    for t in reversed(body):
        if _is_cue(t) and t.lemma_.lower() not in QUOTE_WEAK_CUES:
            subj = _subject_in(ctx, t)
            if subj is not None and _speaker_like(ctx, subj):
                return cue, _source_span(ctx.doc, subj), colon
    for t in reversed(body):
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and not ctx.quoted[subj.i] and _speaker_like(ctx, subj) and subj.lower_ not in ("it",):
            return cue, _source_span(ctx.doc, subj), colon     # "X released the following statement:"
    if body:
        last = body[-1]
        if last.pos_ == "NOUN" and (last.lower_ in ORG_WORDS or last.lower_ in HUMAN_NOUNS):
            return cue, _source_span(ctx.doc, last), colon   # "More from the report:"
        name_like = _is_name(last) or last.pos_ == "PRON" or (
            last.pos_ == "NOUN" and last.is_title and (last.i > body[0].i or len(body) <= 4))
        if name_like and last.ent_type_ not in _NOT_NAMES:
            h = last
            while h.dep_ in ("compound", "flat") and h.head.i > h.i and h.head.pos_ == "PROPN":
                h = h.head
            return cue, _source_span(ctx.doc, h), colon
    for t in reversed(body):
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and not ctx.quoted[subj.i] and subj.ent_type_ not in _NOT_NAMES:
            return cue, _source_span(ctx.doc, subj), colon
    names = [t for t in body if (t.pos_ == "PROPN" or t.pos_ == "PRON" and t.lower_ in PRONOUNS)
             and t.ent_type_ not in _NOT_NAMES]
    if names:
        h = names[-1]
        while h.dep_ in ("compound", "flat") and h.head.i > h.i and h.head.pos_ == "PROPN":
            h = h.head
        return cue, _source_span(ctx.doc, h), colon
    return None


def _continues(ctx: _Context, prev: _Unit, m: Marked, pi: int) -> bool:
    """``m`` (no cue of its own) continues ``prev``: same or next paragraph, nothing else between."""
    last = prev.marked[-1]
    lpi = ctx.para_of(last.close_end - 1)
    if pi - lpi > 1:
        return False
    between = ctx.text[last.close_end:m.open_start]
    if pi == lpi:
        # only the attribution of the previous quote between them
        return len(between.split()) <= 15 or _attribution_only(ctx, prev, last.close_end, m.open_start)
    # the next paragraph: it must start with the quote
    tail = ctx.text[ctx.paras[pi][0]:m.open_start]
    if tail.strip():
        return False
    rest = ctx.text[last.close_end:ctx.paras[lpi][1]]
    return len(rest.split()) <= 15 or _attribution_only(ctx, prev, last.close_end, ctx.paras[lpi][1])


def _attribution_only(ctx: _Context, prev: _Unit, start: int, end: int) -> bool:
    """text[start:end] is the rest of one sentence holding ``prev``'s own cue
    ("“A,” X said on Thursday during a speech at … . “B.”"): B goes on with A."""
    if prev.cue_tok is None or not start <= ctx.doc[prev.cue_tok].idx < end:
        return False
    seg = ctx.text[start:end]
    if len(seg.split()) > 40 or _SENT_END.search(seg.rstrip() + " ", 0, len(seg.rstrip())):
        return False
    # asides of the same speaker are fine ("…, pointing out where …", "who noted that …",
    # "as he called for …"); another named party reporting is not
    return not any(_is_cue(t) and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in t.children)
                   for t in ctx.tokens(start, end) if t.i != prev.cue_tok)


_DASH_PARA = re.compile(r"\s*[―—–-]{1,2}\s*((?:[A-Z][\w.'’-]*\s?){1,5})\.?\s*$")


def _dash_paragraph(ctx: _Context, m: Marked):
    """``"…"`` followed by a paragraph that is only ``- Name.``"""
    pi = ctx.para_of(m.close_end - 1)
    if ctx.text[m.close_end:ctx.paras[pi][1]].strip(" .\n") or pi + 1 >= len(ctx.paras):
        return None
    ps, pe = ctx.paras[pi + 1]
    dm = _DASH_PARA.match(ctx.text, ps, pe)
    if dm is None or dm.end() < pe:
        return None
    toks = [t for t in ctx.tokens(dm.start(1), dm.end(1)) if not t.is_punct]
    if not toks:
        return None
    dash = ctx.text.index(ctx.text[ps:dm.start(1)].strip()[0], ps)
    return (dash, dash + 1), ctx.doc[toks[0].i:toks[-1].i + 1], None


def _intro(ctx: _Context, m: Marked, pi: int):
    """A quotation after a sentence that introduces it: ``X stated:`` ending the previous
    paragraph, or ``X said he was worried.`` right before it."""
    text = ctx.text
    ps = ctx.paras[pi][0]
    if text[ps:m.open_start].strip():
        l_start = _clip_left(text, ps, m.open_start)
        if text[l_start:m.open_start].strip():
            return None
        start = _clip_left(text, ps, max(l_start - 1, ps))
        end = l_start
    elif pi > 0:
        pps, ppe = ctx.paras[pi - 1]
        if text[pps:ppe].rstrip().endswith(":"):
            toks = [t for t in ctx.tokens(_clip_left(text, pps, ppe), ppe) if not ctx.quoted[t.i]]
            return _colon_source(ctx, toks) if toks else None
        start, end = _clip_left(text, pps, ppe), ppe
    else:
        return None
    toks = [t for t in ctx.tokens(start, end) if not ctx.quoted[t.i]]
    for t in toks:
        lem = t.lemma_.lower()
        if _is_cue(t) and lem not in QUOTE_WEAK_CUES and lem not in MENTAL_CUES and (t.dep_ == "ROOT" or t.tag_ == "VBG"):
            subj = _subject_in(ctx, t)
            if subj is not None and _speaker_like(ctx, subj):
                return (t.idx, t.idx + len(t)), _source_span(ctx.doc, subj), None
    return None


def _partial(ctx: _Context, m: Marked):
    """(verb, content range, cue range, source) for quoted words inside reported speech."""
    doc = ctx.doc
    toks = [t for s, e in m.spans for t in ctx.tokens(s, e)]
    if not toks:
        return None
    inside = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in inside or t.dep_ == "ROOT"), toks[0])
    child, v = head, head
    acc = None
    is_loose = False
    loose = None        # the nearest verb with a speaker-like subject, when no speech verb governs
    qpara = ctx.para_of(m.open_start)
    for _ in range(8):
        if ctx.para_of(v.idx) != qpara:
            v = None
            break
        if v.pos_ == "NOUN" and v.lemma_.lower() in lexicon.CLAIM_NOUNS and child.dep_ in ("acl", "ccomp") \
                and v.i not in inside and not ctx.quoted[v.i]:
            owner = next((c for c in v.children if c.dep_ == "poss" and _is_name(c)), None)
            if owner is not None:
                # "Trump's claim that there were “thousands of …”": the owner's words
                s, e = _trim(doc, child.left_edge.i, child.right_edge.i + 1)
                s, e = min(s, m.open_start), max(e, m.close_end)
                return v, (s, e), (v.idx, v.idx + len(v)), _source_span(doc, owner), False
        if _is_cue(v) and v.i not in inside and not ctx.quoted[v.i] and v.lemma_.lower() not in QUOTE_WEAK_CUES:
            break
        if loose is None and v.pos_ == "VERB" and v.i not in inside and not ctx.quoted[v.i]:
            sj = _subject_in(ctx, v)
            if sj is not None and _speaker_like(ctx, sj):
                loose = (child, v)
        if v.dep_ == "ROOT" or v.head.i == v.i:
            v = None
            break
        child, v = v, v.head
    else:
        v = None
    if v is None:
        paren = _parenthetical(ctx, head, qpara)
        if paren is not None:
            cue_t, subj = paren
            sent = head.sent
            s, e = _trim(doc, sent.start, sent.end, exclude=(cue_t.left_edge.i, cue_t.right_edge.i + 1))
            s, e = min(s, m.open_start), max(e, m.close_end)
            return cue_t, (s, e), (cue_t.idx, cue_t.idx + len(cue_t)), _source_span(doc, subj), False
    if v is None:
        sent = head.sent
        acc = _according_to([t for t in sent if not ctx.quoted[t.i]])
        if (acc is None or acc[1] is None) and loose is not None and LOOSE_PARTIALS:
            child, v = loose
            is_loose = True
        elif acc is None or acc[1] is None:
            return None
    if v is None:
        a, pobj = acc
        to = doc[a.i + 1]
        src = _source_span(doc, pobj)
        # the "according to X" phrase out (X's own words, not what the parse hung on X)
        s, e = _trim(doc, sent.start, sent.end, exclude=(a.i, max(src.end, pobj.i + 1)))
        s, e = min(s, m.open_start), max(e, m.close_end)    # the quoted words are always in the clause
        return a, (s, e), (a.idx, to.idx + len(to)), src, False
    inner_v = v
    outer = None
    if not is_loose and OUTER_CUES_WIN:
        # nested reports: "Brafman noted that I had long felt that way", "X said he would tell
        # him “…”" — the outermost saying verb reports the quoted words
        c2, up = v, v.head
        for _ in range(4):
            if up.i == c2.i or ctx.para_of(up.idx) != qpara:
                break
            if up.lemma_.lower() in SAY_CUES and _is_cue(up) and not ctx.quoted[up.i]:
                sj = _subject_in(ctx, up)
                if sj is not None and _speaker_like(ctx, sj):
                    outer = up
            if up.dep_ == "ROOT":
                break
            c2, up = up, up.head
        if outer is None:
            # "During his years in office, Mr. Obama said, a majority have come to believe “…”":
            # the one reporting in a short aside reports the whole sentence
            paren = _parenthetical(ctx, head, qpara)
            if paren is not None and paren[0].i != v.i and _speaker_like(ctx, paren[1]):
                outer = paren[0]
    naming_as = head.dep_ == "pobj" and head.head.lower_ == "as"     # "referred to it as “X”"
    if _title_like(ctx.text[m.start:m.end]) and inner_v.lemma_.lower() not in NAMING_CUES and not naming_as and (
            is_loose or head.dep_ in ("pobj", "dative", "npadvmod", "appos", "compound", "nmod")
            or any(c.dep_ == "poss" for c in head.children)):
        return None      # a title or a name: ABC’s “Good Morning America”, acting in “The Walking Dead”
    subj = _subject_in(ctx, outer if outer is not None else v)
    if subj is None:
        return None
    if child.i > v.i:
        first = next((c for c in v.rights if not c.is_punct and c.dep_ not in ("prt",)), child)
        # to the end of the verb's complements after the quoted words too ("likened them to a
        # “snake” in a song about …"), not into a coordinated clause
        last = max((c for c in v.rights if c.i >= child.i and not c.is_punct and c.dep_ not in ("cc", "conj")
                    and ctx.para_of(c.right_edge.idx) == qpara), key=lambda c: c.i, default=child)
        s_i, e_i = first.left_edge.i, max(child.right_edge.i, last.right_edge.i) + 1
    else:
        s_i, e_i = child.left_edge.i, child.right_edge.i + 1
        if s_i <= subj.i < e_i:
            s_i = subj.right_edge.i + 1
    s, e = _trim(doc, s_i, e_i)
    s, e = min(s, m.open_start), max(e, m.close_end)   # the quoted words are always in the clause
    cv = outer if outer is not None else v
    return v, (s, e), (cv.idx, cv.idx + len(cv)), _source_span(doc, subj), is_loose


_SMALL_WORDS = frozenset("of the a an and or on for in to with at by from as vs".split())


def _title_like(s: str) -> bool:
    """Title Case words without sentence punctuation: a show, a book, a nickname."""
    s = s.strip().rstrip(",.")
    words = re.findall(r"[^\W\d_][\w’'-]*", s)
    if not words or len(words) > 10 or s[-1:] in "!?":
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


def _parenthetical(ctx: _Context, head: Token, qpara: int) -> tuple[Token, Token] | None:
    """``South Carolina, he said, was "…"``: a short "X said" set off inside the sentence."""
    top = head
    while top.dep_ != "ROOT" and top.head.i != top.i:
        top = top.head
    for c in top.children:
        if c.dep_ in ("parataxis", "ccomp", "advcl") and _is_cue(c) and not ctx.quoted[c.i] \
                and c.lemma_.lower() in SAY_CUES and c.right_edge.i - c.left_edge.i <= 6 \
                and ctx.para_of(c.idx) == qpara:
            subj = _subject_in(ctx, c)
            if subj is not None and subj.head.i == c.i:
                return c, subj
    return None


def _speaker_like(ctx: _Context, t: Token) -> bool:
    """A subject that can be a speaker: a name, a personal pronoun, a person or organisation."""
    if t.pos_ == "PRON":
        return t.lower_ in PRONOUNS and t.lower_ not in ("it",)
    if t.pos_ == "PROPN":
        return t.ent_type_ not in _NOT_NAMES
    if ctx.entity_in(t.idx, t.idx + len(t), ("Person", "Organization", "Group")) is not None:
        return True
    return t.lower_ in ORG_WORDS or t.lower_ in HUMAN_NOUNS


def _trim(doc: Doc, s_i: int, e_i: int, exclude: tuple[int, int] | None = None) -> tuple[int, int]:
    toks = [t for t in doc[s_i:e_i] if not (exclude and exclude[0] <= t.i < exclude[1])]
    while toks and (toks[0].is_space or toks[0].is_punct and toks[0].text not in "\"“'‘"):
        toks = toks[1:]
    while toks and (toks[-1].is_space or toks[-1].is_punct and toks[-1].text not in "\"”'’"):
        toks = toks[:-1]
    if not toks:
        return doc[s_i].idx, doc[e_i - 1].idx + len(doc[e_i - 1])
    return toks[0].idx, toks[-1].idx + len(toks[-1])
