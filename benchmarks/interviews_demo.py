"""How the demo's interview transcripts are credited: one line per interview, and a fixed-seed sample.

    python benchmarks/interviews_demo.py [--content content] [--sample 20] [--seed 11]

An interview is an article with at least two paragraphs opening with a speaker label (``((Name))``,
``Name:``, ``Q:``/``A:``, initials). For each: the labelled answer paragraphs per label in the
source, and the answers the engine credits per speaker (direct quotes whose cue is a label).
A label that is a full name is credited rightly when the person of that name holds exactly that
many answers; the sample lists answers to read by hand against the article.
"""
from __future__ import annotations

import argparse
import collections
import glob
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "plugins"))

from newsgraph.engine.extract import ArticleInput, Engine  # noqa: E402

LABEL = re.compile(r"^(?:\(\(\s*([^()\n]{1,60}?)\s*\)\)|([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s"
                   r"|([A-Z]{2,4}) (?=[A-Z]))", re.M)


def source_labels(body: str) -> collections.Counter:
    """Labels opening paragraphs: every ``((Label))``, and ``Label:`` or initials that recur
    (initials only beside other labels)."""
    paren = collections.Counter(m.group(1) for m in LABEL.finditer(body) if m.group(1))
    colon = collections.Counter(m.group(2) for m in LABEL.finditer(body) if m.group(2))
    colon = collections.Counter({k: n for k, n in colon.items() if n >= 2})
    initials = collections.Counter(m.group(3) for m in LABEL.finditer(body) if m.group(3))
    if not paren and not colon:
        return paren
    return paren + colon + collections.Counter({k: n for k, n in initials.items() if n >= 2})


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--content", default=os.path.join(HERE, "..", "content"))
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    arts, labels = [], []
    for path in sorted(glob.glob(os.path.join(a.content, "**", "*.md"), recursive=True)):
        raw = open(path, encoding="utf-8").read()
        head, _, body = raw.partition("\n\n")
        lab = source_labels(body)
        if sum(lab.values()) < 2:
            continue
        title = re.search(r"^Title:\s*(.*)$", head, re.M)
        arts.append(ArticleInput(text=body, format="markdown", title=title.group(1) if title else "",
                                 id=os.path.basename(path)))
        labels.append(lab)
    engine = Engine()
    answers, full_right, full_total = [], 0, 0
    print(f"{'article':60} labels in source -> answers credited")
    for art, lab, res in zip(arts, labels, engine.extract_many(arts)):
        credited = collections.Counter()
        for q in res.quotes:
            if q.kind == "direct" and q.cue is not None and (q.cue.text in lab or q.cue.text == ""):
                e = res.entity(q.speaker)
                credited[e.name if e else None] += 1
                answers.append((art.id, e.name if e else None, q.cue.text or "(unlabelled)", q.text))
        print(f"{art.id[:60]:60} {dict(lab.most_common())} -> {dict(credited.most_common())}")
        for label, n in lab.items():
            if len(label.split()) >= 2:
                full_total += 1
                full_right += credited.get(label, 0) == n
    print(f"\n{len(arts)} articles with labelled turns; {len(answers)} answers credited by label")
    print(f"full-name labels credited with exactly their answers: {full_right}/{full_total}")
    print(f"\nsample of {a.sample} answers (seed {a.seed}):")
    for art_id, who, cue, text in random.Random(a.seed).sample(answers, min(a.sample, len(answers))):
        print(f"- [{art_id[:50]}] label {cue!r} -> {who}: {text[:140]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
