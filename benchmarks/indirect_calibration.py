#!/usr/bin/env python3
"""Calibration of reported speech (indirect quotes) on PolNeAR: confidence bucket -> share right.

PolNeAR has no hand-resolved names for indirect attributions, but it has their source spans. A
predicted indirect quote with a speaker is *right* when some gold attribution's content is covered
> 30 % by the prediction's content (the scorer's ggt measure) and that gold attribution's source
span overlaps the predicted source span. Reads the predictions of
``benchmarks/eval_polnear.py --out`` (research-only data, read in place, never copied).

    .venv/bin/python benchmarks/eval_polnear.py --split train --out /tmp/train.jsonl
    .venv/bin/python benchmarks/indirect_calibration.py /tmp/train.jsonl --split train [--by-rule]

Prints per bucket: quotes, share right, and for each threshold the share right among
confidence >= t (what ``NEWSGRAPH_MIN_CONFIDENCE = t`` publishes) and how many it keeps.
Skips (exit 0) when the PolNeAR data is absent.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.environ.get("NEWSGRAPH_EVAL_DIR", os.path.join(HERE, "..", "..", "shared", "eval"))
BUCKETS = [(0.01, 0.3), (0.3, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.0)]


def _chars(spans: list[dict]) -> set[int]:
    return {i for s in spans for i in range(s["start"], s["end"])}


def right(pred: dict, gold: list[dict]) -> bool:
    """A gold attribution covered > 30 % by the prediction, whose source overlaps the predicted one."""
    pc, ps = _chars(pred["contents"]), _chars(pred.get("sources") or [])
    for g in gold:
        gc = _chars(g["contents"])
        if gc and len(gc & pc) / len(gc) > 0.3 and _chars(g["sources"]) & ps:
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pred")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--kind", default="indirect")
    ap.add_argument("--show", type=float, default=None, metavar="C",
                    help="print the wrong ones at confidence C (to the terminal only)")
    args = ap.parse_args()
    root = os.path.join(EVAL, "polnear")
    if not os.path.isdir(os.path.join(root, args.split)):
        print(f"skipped: {root}/{args.split} not found (PolNeAR is research-only and lives in ../shared)")
        return 0
    sys.path.insert(0, EVAL)
    from quote_eval import load_polnear
    gold = load_polnear(args.split, root)
    scored = []                       # (confidence, right)
    for line in open(args.pred, encoding="utf-8"):
        if not line.strip():
            continue
        r = json.loads(line)
        g = gold.get(r["doc"], {"quotes": []})["quotes"]
        for q in r["quotes"]:
            if q.get("kind") == args.kind and q.get("speaker"):
                ok = right(q, g)
                scored.append((q.get("confidence", 0.0), ok))
                if args.show is not None and not ok and round(q.get("confidence", 0.0), 2) == args.show:
                    print(f"  {q['sources'][0]['text']!r} {q['cue']['text'] if q.get('cue') else ''!r} "
                          f"{' | '.join(c['text'] for c in q['contents'])[:150]!r} -> {q['speaker']['name']}")
    n = len(scored)
    print(f"PolNeAR {args.split}: {n} {args.kind} quotes with a speaker, {sum(ok for _, ok in scored)} right")
    print(f"{'confidence':12s} {'quotes':>6s} {'right':>6s}   share right at >= lower bound (kept)")
    for lo, hi in BUCKETS:
        inb = [ok for c, ok in scored if lo <= c < hi or (hi == 1.0 and c == 1.0)]
        kept = [ok for c, ok in scored if c >= lo]
        share = f"{sum(inb) / len(inb):.3f}" if inb else "  -  "
        cum = f"{sum(kept) / len(kept):.3f} ({len(kept)})" if kept else "-"
        print(f"{lo:.2f}-{hi:.2f}    {len(inb):6d} {share:>6s}   {cum}")
    pub = [ok for c, ok in scored if c >= 0.5]
    if pub:
        print(f"published (>= 0.5): {len(pub)}, right {sum(pub)} = {sum(pub) / len(pub):.3f}")
    print("confidence values:", dict(sorted(Counter(round(c, 2) for c, _ in scored).items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
