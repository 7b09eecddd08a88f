"""Interview transcripts: labelled question/answer paragraphs -> one quote per answer (clean offsets).

News sites publish interviews as transcripts whose paragraphs start with a speaker label:
``Q:`` / ``A:``, ``Name:`` (a bold name becomes plain text in the text stage), initials
(``NG:``, ``MS`` before a capitalised word) or the Wikinews form ``((WN))`` / ``((Richard Stallman))``.
Every answer is a quotation of the interviewee, credited by full name (from the label, or the
article for ``A:``, surnames, first names and initials); questions are the interviewer's and are
not reported as anybody's quotes. Paragraphs without a label continue the turn before them while
the transcript goes on (another label follows); after a question they are the answer of the one
interviewee the article names (its title, or the only one labelled).

The stages that read quotation marks and cue verbs know nothing of turns: whatever they find in a
transcript (an interviewee's "I said no" credited to a pronoun, ``((WN))`` as a speaker) is
replaced by the turns (see :func:`replace_in_transcript`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .entities import EntityIndex, name_key
from .lexicon import ANSWER_LABELS, INTERVIEWER_LABELS, NOT_LABELS
from .model import Entity, Quote, Span

#: Confidence of an answer's speaker: on the demo's 18 interviews with answers every labelled
#: answer went to the right person (docs/interviews.md); a label is a surer cue than "said".
ANSWER_CONFIDENCE = 0.95

#: ``((Label))`` (optionally followed by a colon) at the start of a paragraph.
PAREN_LABEL = re.compile(r"\(\(\s*([^()\n]{1,60}?)\s*\)\)\s*(?::\s*)?")
#: ``Label:`` at the start of a paragraph: up to four capitalised words, or Q / A.
COLON_LABEL = re.compile(r"((?:[A-Z][\w.'’-]*)(?:[ \u00a0](?:[A-Z][\w.'’-]*|de|da|van|von|bin|al)){0,3})\s*:\s+(?=\S)")
#: Initials without a colon before the answer's first word: ``MS Although we used…``.
INITIALS_LABEL = re.compile(r"([A-Z]{2,4})\s+(?=[A-Z\"“‘'])")
#: Minimum number of labelled paragraphs for a text to count as a transcript.
MIN_TURNS = 2


@dataclass
class Turn:
    """One speaker's turn: its label (clean offsets) and the paragraphs it covers."""

    label: str
    label_span: tuple[int, int]
    paras: list[tuple[int, int]] = field(default_factory=list)
    interviewer: bool = False
    speaker: Entity | None = None


@dataclass
class Transcript:
    turns: list[Turn]

    @property
    def region(self) -> list[tuple[int, int]]:
        """Clean ranges of every paragraph inside the transcript (labels included)."""
        out = []
        for t in self.turns:
            out.append((t.label_span[0], t.paras[0][1] if t.paras else t.label_span[1]))
            out.extend(t.paras[1:])
        return out

    def quotes(self, text: str) -> list[Quote]:
        """One direct quote per answer, credited to its speaker."""
        out = []
        for t in self.turns:
            if t.interviewer or t.speaker is None or not t.paras:
                continue
            ls, le = t.label_span
            out.append(Quote(kind="direct", contents=[Span(s, e, text[s:e]) for s, e in t.paras],
                             cue=Span(ls, le, text[ls:le]), sources=[Span(ls, le, text[ls:le])] if le > ls else [],
                             speaker=t.speaker.id, confidence=ANSWER_CONFIDENCE))
        return out


# --------------------------------------------------------------------------- finding turns

def find_transcript(text: str, paras: list[tuple[int, int]], index: EntityIndex, title: str = "",
                    headings: list[tuple[int, int]] = ()) -> Transcript | None:
    """The article's transcript, its answers credited, or None when it has none."""
    labelled = _labelled_paragraphs(text, paras, index)
    if len(labelled) < MIN_TURNS:
        return None
    turns = _turns(text, paras, labelled, headings)
    _assign_roles(text, turns)
    if not any(t.interviewer for t in turns):
        return None                        # labels but nobody asking: a list, not an interview
    _credit(turns, index, title)
    return Transcript(turns)


def replace_in_transcript(quotes: list[Quote], transcript: Transcript | None, text: str) -> list[Quote]:
    """The other stages' quotes outside the transcript, plus one quote per answer."""
    if transcript is None:
        return quotes
    region = transcript.region
    kept = [q for q in quotes
            if not any(rs < s.end and s.start < re_ for s in q.contents for rs, re_ in region)]
    return kept + transcript.quotes(text)


def _labelled_paragraphs(text: str, paras: list[tuple[int, int]], index: EntityIndex
                         ) -> dict[int, tuple[str, int, int]]:
    """Paragraph index -> (label, label start, answer start) for paragraphs that open with a label.

    ``((Label))`` and role words always count; ``Label:`` when it names a person of the article or
    opens at least two paragraphs; bare initials when they open two paragraphs and abbreviate the
    name of one person of the article. "Update:", "Note:"… never count."""
    found: dict[int, tuple[str, int, int, str]] = {}
    for i, (ps, pe) in enumerate(paras):
        for form, rx in (("paren", PAREN_LABEL), ("colon", COLON_LABEL), ("initials", INITIALS_LABEL)):
            m = rx.match(text, ps, pe)
            if m and m.end() < pe:
                found[i] = (m.group(1), m.start(1), m.end(), form)
                break
    counts: dict[str, int] = {}
    for label, *_ in found.values():
        counts[name_key(label)] = counts.get(name_key(label), 0) + 1
    out = {}
    for i, (label, ls, as_, form) in found.items():
        key = name_key(label)
        if form == "paren" or _role_word(key):
            out[i] = (label, ls, as_)
        elif key.split()[0] in NOT_LABELS or key in NOT_LABELS:
            continue
        elif form == "initials":
            if counts[key] >= MIN_TURNS and _by_initials(label, index) is not None:
                out[i] = (label, ls, as_)
        elif counts[key] >= MIN_TURNS or _person(label, index) is not None:
            out[i] = (label, ls, as_)
    return out


def _role_word(key: str) -> bool:
    return key in INTERVIEWER_LABELS or key in ANSWER_LABELS


def _turns(text: str, paras: list[tuple[int, int]], labelled: dict[int, tuple[str, int, int]],
           headings: list[tuple[int, int]]) -> list[Turn]:
    """Labelled paragraphs, each with the unlabelled paragraphs that continue it before the next
    label; a heading, or the end of the labels, ends a turn."""
    first, last = min(labelled), max(labelled)
    turns: list[Turn] = []
    cur: Turn | None = None
    for i in range(first, last + 1):
        ps, pe = paras[i]
        if i in labelled:
            label, ls, as_ = labelled[i]
            cur = Turn(label=label, label_span=(ls, ls + len(label)), paras=[(as_, _rstrip(text, as_, pe))])
            turns.append(cur)
        elif any(hs < pe and ps < he for hs, he in headings):
            cur = None
        elif cur is not None:
            cur.paras.append((ps, _rstrip(text, ps, pe)))
    return turns


def _rstrip(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1].isspace():
        e -= 1
    return e


def _assign_roles(text: str, turns: list[Turn]) -> None:
    """Interviewer: a role word, or a label whose turns are mostly questions. A question's
    unlabelled follow-up paragraphs are split off as an answer turn without a label name."""
    questions: dict[str, list[bool]] = {}
    for t in turns:
        key = name_key(t.label)
        s, e = t.paras[0]
        questions.setdefault(key, []).append(text[s:e].rstrip().endswith("?"))
    for t in turns:
        key = name_key(t.label)
        asks = questions[key]
        t.interviewer = key in INTERVIEWER_LABELS or (key not in ANSWER_LABELS
                                                      and sum(asks) * 2 > len(asks))
    split: list[Turn] = []
    for t in turns:
        split.append(t)
        if t.interviewer and len(t.paras) > 1:
            # "((WN)) Question?" then unlabelled paragraphs: the answer, by whoever answers here
            split.append(Turn(label="", label_span=(t.paras[1][0], t.paras[1][0]), paras=t.paras[1:]))
            t.paras = t.paras[:1]
    turns[:] = split


# --------------------------------------------------------------------------- names

def _credit(turns: list[Turn], index: EntityIndex, title: str) -> None:
    """The full name behind every answer's label; unnamed answers go to the article's interviewee."""
    named: dict[str, Entity] = {}
    for t in turns:
        if t.interviewer or not t.label or name_key(t.label) in ANSWER_LABELS:
            continue
        e = named.get(name_key(t.label))
        if e is None:
            e = named[name_key(t.label)] = _speaker(t.label, index)
        t.speaker = e
        index.add(e.name, "Person", Span(t.label_span[0], t.label_span[1], t.label))
    _stray_labels_to_the_interviewee(turns)
    default = _title_person(index, title)
    people = {t.speaker.id: t.speaker for t in turns if t.speaker is not None}
    if default is None and len(people) == 1:
        default = next(iter(people.values()))
    for t in turns:
        if not t.interviewer and t.speaker is None:
            t.speaker = default


def _stray_labels_to_the_interviewee(turns: list[Turn]) -> None:
    """In a one-on-one interview, a label used once that names nobody the story mentions
    (a typo, "((AN))" among forty "((Aparna Garg))") is the interviewee's."""
    labels = [t.label_span for t in turns if t.label]
    count: dict[str, int] = {}
    for t in turns:
        if t.speaker is not None:
            count[t.speaker.id] = count.get(t.speaker.id, 0) + 1
    main = [t.speaker for t in turns if t.speaker is not None and count[t.speaker.id] >= MIN_TURNS]
    if len({e.id for e in main}) != 1:
        return
    for t in turns:
        e = t.speaker
        if e is not None and count[e.id] == 1 and all(
                any(ls <= s.start and s.end <= le for ls, le in labels) for s in e.spans):
            t.speaker = main[0]


def _speaker(label: str, index: EntityIndex) -> Entity:
    """The person a label stands for: by name, surname, first name or initials, else the label."""
    e = _person(label, index) or _by_initials(label, index)
    if e is None:
        e = index.add(label, "Person")
    elif e.type != "Person":
        e.type = "Person"                 # a transcript's speaker is a person whatever NER said
    return e


def _person(label: str, index: EntityIndex) -> Entity | None:
    key = name_key(label)
    e = index.find(label)
    if e is not None and (e.type == "Person" or len(key.split()) > 1):
        return e
    if len(key.split()) == 1:              # a first name: "Jaya", "Perttu"
        firsts = [p for p in index.entities if p.type == "Person" and name_key(p.name).split()[0] == key
                  and len(p.name.split()) > 1]
        if len(firsts) == 1:
            return firsts[0]
    return None


def _by_initials(label: str, index: EntityIndex) -> Entity | None:
    """The one person of the article whose name's initials are the label ("NG" -> Natasha Gownaris)."""
    if not (2 <= len(label) <= 4 and label.isupper()):
        return None
    hits = [e for e in index.entities if e.type == "Person" and len(e.name.split()) > 1
            and "".join(w[0] for w in e.name.split() if w[:1].isalpha()).upper() == label]
    return hits[0] if len({e.id for e in hits}) == 1 else None


def _title_person(index: EntityIndex, title: str) -> Entity | None:
    """The person the title names (by full name or surname), the most mentioned if several."""
    words = {name_key(w) for w in re.findall(r"[\w.'’-]+", title or "")}
    hits = [e for e in index.entities if e.type == "Person" and len(e.name.split()) > 1
            and name_key(e.name.split()[-1]) in words]
    return max(hits, key=lambda e: e.mentions) if hits else None
