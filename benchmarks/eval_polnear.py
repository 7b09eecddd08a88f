"""Score the engine on PolNeAR with the shared scorer (research-only data, read in place).

    python benchmarks/eval_polnear.py [--split dev|train] [--limit N] [--out preds.jsonl] [--no-indirect]

Skips with a message when ../shared/eval/polnear is absent. Never copies the data.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "plugins"))
EVAL = os.environ.get("NEWSGRAPH_EVAL_DIR", os.path.join(HERE, "..", "..", "shared", "eval"))

from newsgraph.engine.extract import ArticleInput, Engine, EngineConfig, quote_to_eval  # noqa: E402

HEADLINE = [("quote-marked (direct+mixed)", "ggt@0.3", "F1"), ("quote-marked (direct+mixed)", "e2e@0.3", "F1"),
            ("ALL attributions", "ggt@0.3", "F1"), ("quote-marked (direct+mixed)", "ggt@0.3", "speaker_acc"),
            ("ALL attributions", "e2e@0.3", "F1")]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--out", default=None, help="keep the predictions here (outside the repo)")
    ap.add_argument("--model", default=None)
    ap.add_argument("--no-indirect", action="store_true",
                    help="quote-marked stages only (EngineConfig.indirect=False)")
    a = ap.parse_args()
    root = os.path.join(EVAL, "polnear")
    if not os.path.isdir(os.path.join(root, a.split)):
        print(f"skipped: {root}/{a.split} not found (PolNeAR is research-only and lives in ../shared)")
        return 0
    paths = sorted(glob.glob(os.path.join(root, a.split, "text", "*.txt")))
    if a.limit:
        paths = paths[: a.limit]
    engine = Engine(EngineConfig(model=a.model, indirect=not a.no_indirect))
    arts = [ArticleInput(text=open(p, encoding="utf-8").read(), format="text",
                         id=os.path.basename(p)[:-4]) for p in paths]
    t0 = time.perf_counter()
    out = a.out or tempfile.mkstemp(suffix=".jsonl")[1]
    with open(out, "w", encoding="utf-8") as f:
        for art, r in zip(arts, engine.extract_many(arts)):
            f.write(json.dumps({"doc": art.id, "quotes": [quote_to_eval(q, r) for q in r.quotes]}) + "\n")
    secs = time.perf_counter() - t0
    scores = out + ".scores.json"
    cmd = [sys.executable, os.path.join(EVAL, "quote_eval.py"), "--split", a.split, "--root", root,
           "--pred", out, "--json", scores]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode:
        print(proc.stdout, proc.stderr)
        return proc.returncode
    rep = json.load(open(scores))
    print(f"PolNeAR {a.split}: {len(arts)} articles in {secs:.1f}s")
    for label, metric, key in HEADLINE:
        print(f"  {label:30s} {metric:8s} {key:12s} {rep[label][metric][key]:.3f}")
    if a.limit:
        print("  (--limit: the scorer counts unpredicted articles as misses; recall is understated)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
