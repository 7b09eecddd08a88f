#!/usr/bin/env python3
"""Per-class breakdown of named-speaker errors on PolNeAR dev (reads the data in place).

Each hand-resolved quote (``speakers_dev.jsonl``) is matched to a predicted quote as
``speaker_eval.py`` does; a found quote credited to the wrong name (or to nobody) is put in
one error class, from the gold source mention and the predicted one:

- ``none``: no speaker predicted;
- ``pronoun``: the gold source is a pronoun ("he", "she", "they");
- ``description``: the gold source is a description ("the senator", "a spokesman");
- ``affiliation``: the predicted name is inside the gold source but is not the speaker
  ("Ryan's spokeswoman, AshLee Strong" -> Ryan);
- ``other-mention``: the predicted source mention is elsewhere than the gold one;
- ``name``: the right mention, resolved to the wrong name.

usage: speaker_errors.py PRED.jsonl [--split dev] [--show CLASS] [-n N]
(CLASS is one of the classes above, or "not found": prints the gold quote in context.)
Skips (exit 0) when the PolNeAR data is absent.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "eval"))
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "we", "i", "you"}


def _scorer():
    """``same`` and ``norm`` from speaker_eval.py, without running its script body."""
    src = open(os.path.join(EVAL, "speaker_eval.py"), encoding="utf-8").read()
    head = src.split("gold = [json.loads")[0]
    ns: dict = {}
    exec(compile(head, "speaker_eval.py", "exec"), ns)
    return ns["same"]


def best_quote(gold: dict, quotes: list[dict]) -> dict | None:
    gs, ge = sorted((gold["content_start"], gold["content_end"]))
    best, best_ov = None, 0.0
    for q in quotes:
        ov = sum(max(0, min(ge, c["end"]) - max(gs, c["start"])) for c in q.get("contents", []))
        r = ov / max(1, ge - gs)
        if r > 0.3 and r > best_ov:
            best, best_ov = q, r
    return best


def speaker_name(q: dict | None) -> str | None:
    s = (q or {}).get("speaker")
    return s.get("name") if isinstance(s, dict) else s


def classify(g: dict, q: dict, text: str, same) -> str:
    gsrc = text[g["source_start"]:g["source_end"]] if g.get("source_start") is not None else ""
    pred = speaker_name(q)
    if pred is None:
        return "none"
    if gsrc.strip().lower() in PRONOUNS:
        return "pronoun"
    if gsrc[:1].islower() or gsrc.lower().startswith(("the ", "a ", "an ")):
        if not any(same(pred, w) for w in gsrc.replace("’s", " ").replace("'s", " ").split(",")):
            return "description"
    psrcs = q.get("sources") or []
    if pred and pred.split()[-1] in gsrc and not any(same(pred, n) for n in g["speaker"].split("; ")):
        return "affiliation"
    gs, ge = g.get("source_start") or 0, g.get("source_end") or 0
    if psrcs and not any(s["start"] < ge and gs < s["end"] for s in psrcs):
        return "other-mention"
    return "name"


def load_predictions(path: str) -> defaultdict:
    """``newsgraph extract`` JSON lines -> {doc: its quotes} (no quotes for an unknown doc)."""
    pred: defaultdict = defaultdict(list)
    for line in open(path, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            pred[r["doc"]] = r.get("quotes", [])
    return pred


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pred")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--show", default=None, help="print the cases of this class")
    ap.add_argument("-n", type=int, default=30)
    args = ap.parse_args()
    gold_path = os.path.join(EVAL, "polnear", f"speakers_{args.split}.jsonl")
    if not os.path.exists(gold_path):
        print(f"skipped: {gold_path} not found")
        return 0
    same = _scorer()
    gold = [json.loads(line) for line in open(gold_path, encoding="utf-8") if line.strip()]
    pred = load_predictions(args.pred)
    texts: dict[str, str] = {}
    counts: Counter = Counter()
    shown = 0
    for g in gold:
        if g["type"] == "Unresolved":
            continue
        q = best_quote(g, pred.get(g["doc"], []))
        if q is None:
            counts["not found"] += 1
            if args.show == "not found" and shown < args.n:
                shown += 1
                if g["doc"] not in texts:
                    texts[g["doc"]] = open(os.path.join(EVAL, "polnear", args.split, "text", g["doc"] + ".txt"),
                                           encoding="utf-8").read()
                text = texts[g["doc"]]
                cs, ce = sorted((g["content_start"], g["content_end"]))
                near = [(c["start"], c["end"]) for p in pred.get(g["doc"], []) for c in p.get("contents", [])
                        if c["start"] < ce and cs < c["end"]]
                print(f"[{g['doc'][:40]} @{cs}] gold {g['speaker']!r}: {text[max(0, cs - 60):ce + 40]!r} "
                      f"(overlapping predictions {near})")
            continue
        if any(same(speaker_name(q) or "", n) for n in g["speaker"].split("; ")):
            counts["right"] += 1
            continue
        if g["doc"] not in texts:
            texts[g["doc"]] = open(os.path.join(EVAL, "polnear", args.split, "text", g["doc"] + ".txt"),
                                   encoding="utf-8").read()
        text = texts[g["doc"]]
        cls = classify(g, q, text, same)
        counts[cls] += 1
        if args.show == cls and shown < args.n:
            shown += 1
            gsrc = text[g["source_start"]:g["source_end"]]
            print(f"[{g['doc'][:40]} @{g['content_start']}] gold {g['speaker']!r} (src {gsrc!r}) "
                  f"pred {speaker_name(q)!r} (src {[s['text'] for s in q.get('sources', [])]}, "
                  f"conf {q.get('confidence')})")
    total = sum(counts.values())
    for k, v in counts.most_common():
        print(f"{k:14s} {v:4d}  {v / max(1, total):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
