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

The package in modules, one per seam: ``context`` (the per-document look-ups), ``syntax`` (names,
cue verbs, subjects, source phrases), ``quotations`` (marks into attributions), ``cues`` (a direct
quotation's cue and source), ``partial`` (quoted words in reported speech), ``speakers`` (source
-> speaker), ``pronouns``, ``descriptions``, ``confidence``; here :func:`attribute`, the steps in
order.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..entities import EntityIndex
from ..lexicon import CORE_TITLES, CUE_LEMMAS, MENTAL_CUES  # noqa: F401 (the stage's word lists: lexicon's own)
from ..model import Quote
from .confidence import CONFIDENCE, KIND_CONFIDENCE, speaker_confidence
from .context import Context, make_context
from .pronouns import _focus_person  # noqa: F401 (tests)
from .quotations import Unit, gather, to_quote, transcript_turns
from .speakers import resolve_source
from .syntax import SUBJ_DEPS, named_after, orphan_subject

__all__ = ["CONFIDENCE", "KIND_CONFIDENCE", "SUBJ_DEPS", "Context", "attribute", "make_context", "named_after", "orphan_subject",
           "resolve_source", "speaker_confidence"]


def attribute(doc: Doc, index: EntityIndex, paras: list[tuple[int, int]] | None = None,
              context: Context | None = None) -> list[Quote]:
    """Direct and partial quotes with cue, source and speaker, in clean offsets
    (``context``: ``make_context(doc, index, paras)`` when the caller already built it)."""
    ctx = context or make_context(doc, index, paras)
    units = gather(ctx)                         # each quotation with its cue and source mention
    quotes = []
    last_speaker: str | None = None             # "he said" in a run of quotes: maybe the last speaker
    for u in sorted(units, key=lambda u: u.contents[0][0]):
        turns = transcript_turns(ctx, u)        # "SMITH: …" inside the marks: each turn by its label
        if not turns:
            _name_speaker(doc, index, ctx, u, last_speaker)
        for said in turns or [u]:
            if said.speaker is not None:
                last_speaker = said.speaker
            quotes.append(to_quote(ctx.text, said))
    return quotes


def _name_speaker(doc: Doc, index: EntityIndex, ctx: Context, u: Unit, last_speaker: str | None) -> None:
    """The speaker ``u``'s source mention stands for, and how sure that is."""
    if u.source is not None:
        u.speaker = resolve_source(doc, u.source, index, ctx, last_speaker)
        u.confidence = speaker_confidence(ctx, u.kind) if u.speaker else 0.0
