"""The per-document look-ups of the attribution stage (:class:`Context`), built once per article
by :func:`make_context`: token and paragraph offsets, the quoted tokens, the entity mentions in
text order, genders and roles of people, and how the last speaker was found (``Context.how``)."""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from .. import lexicon
from ..entities import EntityIndex, used_as_thing
from ..lexicon import CORE_TITLES
from ..model import Entity
from ..quotes import Marked, find_marked, paragraphs

_TITLE_BEFORE = re.compile(r"((?:[A-Z][\w.-]*\s+){1,3})$")


class Context:
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
        self._things: dict[int, bool] = {}      # mention start -> used as a thing (see as_thing)
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

    def head_of(self, start: int, end: int) -> Token | None:
        """The syntactic head of the tokens starting inside [start, end) (the one whose head lies
        outside them), e.g. of an entity's mention."""
        toks = self.tokens(start, end)
        return next((t for t in toks if t.head not in toks or t.head.i == t.i), None)

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
                    paras: int | None = None, skip=None) -> Entity | None:
        """The entity of the last mention before ``before`` (of a compatible gender for he/she;
        with ``named``, the last whose name has that word, else the last of any name; with
        ``paras``, mentioned at most that many paragraphs back; ``skip(ent)`` true: passed over)."""
        i = bisect.bisect_left(self.mention_starts, before) - 1
        fallback = None
        floor = -1
        if paras is not None and self.para_starts:
            floor = self.para_starts[max(self.para_of(before) - paras, 0)]
        while i >= 0 and self.mentions[i][0] >= floor:
            s, e, ent = self.mentions[i]
            if ent.type == "Group" and self._adjectival(s):
                pass            # "the Italian foreign minister": not a group that "they" can be
            elif ent.type == "Person" and self.as_thing(s, e):
                pass            # "the EastMed pipeline", "on Twitter": not someone "he" can be
            elif skip is not None and skip(ent):
                pass
            elif ent.type in types and not (skip_quoted and self.in_quote(s)):
                if gender is None or self.gender_of(ent) in (None, gender):
                    if named is None or named in ent.name.lower().split():
                        return ent
                    fallback = fallback or ent
            i -= 1
        return fallback

    def as_thing(self, start: int, end: int) -> bool:
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

    def in_quote(self, pos: int) -> bool:
        t = self.token_at(pos)
        return bool(t is not None and self.quoted[t.i])


def make_context(doc: Doc, index: EntityIndex, paras: list[tuple[int, int]] | None = None,
                 text: str | None = None) -> Context:
    """The per-document look-ups ``resolve_source`` needs, built once (pass as ``context=``;
    ``text``: ``doc.text`` when the caller has it, as spaCy rebuilds it on every access)."""
    text = doc.text if text is None else text
    paras = paras if paras is not None else paragraphs(text)
    ctx = Context(doc, index, paras, text)
    ctx.marked = find_marked(text, paras)
    for m in ctx.marked:
        for s, e in m.spans:
            for t in ctx.tokens(s, e):
                ctx.quoted[t.i] = 1
    return ctx
