"""How sure a speaker is: one figure per way ``resolve_source`` found it (``Context.how``),
calibrated on PolNeAR dev, shifted by the kind of quote."""
from __future__ import annotations

from .context import Context

#: Confidence that a speaker is right, by how ``resolve_source`` found it (``Context.how``): the
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
    "pronoun-org-far": 0.45,    # they: an organisation named only in an earlier paragraph (1 of 3 right; not published)
    "description-org": 0.65,    # "the company": the organisation with that word, else the last one
    "description-medium": 0.4,  # "the police/the network": only a medium named as a source (not published)
    "description-role": 0.6,    # "the senator": the person with that role
    "description-near": 0.35,   # "the lawyer": only the last person named
    "thing": 0.4,               # "the signal showed", "data from X": a thing's, not X's words (not published)
    "description-org-last": 0.5,  # "the network": no organisation of that word, only the last one named
    "document": 0.7,            # "the report said": who the article says published it
    "label": 0.9,               # a transcript's "SMITH: …" inside the marks: the person of that name
    "none": 0.0,
}
#: Per kind of quote: quoted words inside reported speech, and reported speech without marks, are
#: attributed less surely (partial: measured; indirect: no names by hand to measure, set lower).
KIND_CONFIDENCE = {"direct": 0.0, "partial": -0.04, "indirect": -0.1}


def speaker_confidence(ctx: Context, kind: str) -> float:
    """The confidence of the speaker ``resolve_source`` just returned, for a quote of ``kind``."""
    base = CONFIDENCE.get(ctx.how, 0.0)
    return round(min(1.0, max(0.01, base + KIND_CONFIDENCE.get(kind, 0.0))), 2) if base else 0.0
