#!/usr/bin/env python3
"""Calibration of speaker confidence on PolNeAR dev: confidence bucket -> share right.

Reads ``newsgraph extract`` output (JSONL with ``quotes[i].confidence``) and the hand-resolved
speakers (``../shared/eval/polnear/speakers_dev.jsonl``, read in place; never copied). Each
gold quote-marked attribution with a named speaker is matched to a predicted quote as
``speaker_eval.py`` does; a found quote is right when its speaker's name matches.

    .venv/bin/newsgraph extract ../shared/eval/polnear/dev/text/*.txt > /tmp/dev.jsonl
    .venv/bin/python benchmarks/calibration.py /tmp/dev.jsonl [--by-value] [--split dev]

Prints, per bucket: quotes, share right, and for each threshold t the share right among
confidence >= t (what ``NEWSGRAPH_MIN_CONFIDENCE = t`` publishes) and how many it keeps.
Skips (exit 0) when the PolNeAR data is absent.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from speaker_errors import EVAL, _scorer, best_quote, load_predictions, speaker_name  # noqa: E402

BUCKETS = [(0.0, 0.0), (0.01, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.0)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pred")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--by-value", action="store_true", help="one row per distinct confidence value")
    args = ap.parse_args()
    gold_path = os.path.join(EVAL, "polnear", f"speakers_{args.split}.jsonl")
    if not os.path.exists(gold_path):
        print(f"skipped: {gold_path} not found")
        return 0
    same = _scorer()
    pred = load_predictions(args.pred)
    scored = []                     # (confidence, right)
    for line in open(gold_path, encoding="utf-8"):
        g = json.loads(line) if line.strip() else None
        if g is None or g["type"] == "Unresolved":
            continue
        q = best_quote(g, pred.get(g["doc"], []))
        if q is None:
            continue
        ok = any(same(speaker_name(q) or "", n) for n in g["speaker"].split("; "))
        scored.append((float(q.get("confidence") or 0.0), ok))
    if args.by_value:
        rows = sorted({c for c, _ in scored})
        groups = [(c, [ok for v, ok in scored if v == c]) for c in rows]
        print("confidence  quotes  right")
        for c, oks in groups:
            print(f"{c:10.3f}  {len(oks):6d}  {sum(oks) / len(oks):.3f}")
        return 0
    print("| confidence | quotes | right | share right at >= lower bound (kept) |")
    print("|---|---|---|---|")
    for lo, hi in BUCKETS:
        inb = [ok for c, ok in scored if (c == 0.0 if hi == 0.0 else lo <= c < hi or (hi == 1.0 and c == 1.0))]
        above = [ok for c, ok in scored if c >= lo and (lo > 0 or True)]
        label = "0 (no speaker)" if hi == 0.0 else f"{lo:.2f}–{hi:.2f}"
        share = f"{sum(inb) / len(inb):.3f}" if inb else "—"
        at = f"{sum(above) / len(above):.3f} ({len(above)})" if lo > 0 and above else "—"
        print(f"| {label} | {len(inb)} | {share} | {at} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
