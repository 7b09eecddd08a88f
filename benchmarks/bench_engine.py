#!/usr/bin/env python3
"""Engine speed: words/second of plain ``nlp.pipe`` vs the full engine on the same texts.

    python benchmarks/bench_engine.py [--limit N] [--batch-size 32] [--workers 1] [--repeat 2] [--profile]

Reads ``../shared/corpora/doj-press-releases/content/*.md`` (skips with a message when absent).
Both measurements run in this one process on the same clean texts, with the same pipeline,
batch size and process count; runs are interleaved and the best of ``--repeat`` is kept.
The engine time includes the text stage (HTML/boilerplate) and every rule stage; the target
is an overhead of at most 15 % over spaCy itself. ``--profile`` adds a cProfile run of the
engine and prints the hot spots inside newsgraph.
"""
from __future__ import annotations

import argparse
import cProfile
import glob
import io
import os
import pstats
import sys
import time
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "plugins"))
CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "doj-press-releases", "content")
TARGET = 1.15


def load_articles(folder: str, limit: int | None):
    from newsgraph.engine.extract import ArticleInput
    from newsgraph.site.markdown_meta import split_metadata

    arts = []
    for path in sorted(glob.glob(os.path.join(folder, "*.md")))[:limit]:
        with open(path, encoding="utf-8", errors="replace") as f:
            meta, body = split_metadata(f.read())
        arts.append(ArticleInput(text=body, format="markdown", title=meta.get("title", ""),
                                 id=os.path.basename(path)))
    return arts


class StageTimer:
    """Wraps the engine's stage functions to add up the time spent in each (no profiler overhead)."""

    def __init__(self, clock=time.process_time):
        self.clock = clock
        self.total: dict[str, float] = defaultdict(float)
        self._undo = []

    def wrap(self, module, name: str, label: str):
        fn = getattr(module, name)

        def timed(*a, **k):
            t0 = self.clock()
            try:
                return fn(*a, **k)
            finally:
                self.total[label] += self.clock() - t0

        setattr(module, name, timed)
        self._undo.append((module, name, fn))

    def restore(self):
        for module, name, fn in reversed(self._undo):
            setattr(module, name, fn)
        self._undo.clear()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--limit", type=int, default=300, help="number of articles (default 300; 0 = all)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=2, help="interleaved runs; the best is kept")
    ap.add_argument("--model", default=None)
    ap.add_argument("--profile", action="store_true", help="also profile one engine run (cProfile)")
    args = ap.parse_args(argv)

    if not os.path.isdir(args.corpus):
        print(f"bench_engine: corpus not found at {os.path.normpath(args.corpus)}; skipping.")
        return 0
    from newsgraph.engine import extract as extract_mod
    from newsgraph.engine import nlp as nlp_mod
    from newsgraph.engine.extract import Engine, EngineConfig

    arts = load_articles(args.corpus, args.limit or None)
    if not arts:
        print("bench_engine: no .md files in the corpus; skipping.")
        return 0
    engine = Engine(EngineConfig(model=args.model))
    nlp = engine.nlp
    t0 = time.perf_counter()
    cleans = [engine.prepare(a).clean for a in arts]
    t_text = time.perf_counter() - t0
    words = sum(len(c.split()) for c in cleans)
    list(nlp_mod.pipe(nlp, cleans[:2], batch_size=args.batch_size))  # warm-up
    print(f"{len(arts)} articles, {words} words, model {nlp_mod.model_id(nlp)}, "
          f"batch size {args.batch_size}, {args.workers} process(es)")

    # wall-clock and CPU time of this process (CPU time is what other jobs on a shared machine
    # disturb least; with --workers > 1 only wall-clock counts the worker processes)
    spacy_t, engine_t = [], []
    clock = 0 if args.workers > 1 else 1
    timer = StageTimer(time.perf_counter if clock == 0 else time.process_time)
    for r in range(max(1, args.repeat)):
        w0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp_mod.pipe(nlp, cleans, batch_size=args.batch_size, n_process=args.workers):
            pass
        spacy_t.append((time.perf_counter() - w0, time.process_time() - c0))

        timer.restore()
        timer.total.clear()
        timer.wrap(extract_mod.text_mod, "from_markdown", "text stage")
        timer.wrap(extract_mod.entities, "extract_entities", "entities")
        timer.wrap(extract_mod.attribution, "attribute", "quotes + attribution")
        timer.wrap(extract_mod.indirect, "find_indirect", "indirect")
        w0, c0 = time.perf_counter(), time.process_time()
        n = sum(1 for _ in engine.extract_many(arts, batch_size=args.batch_size, n_process=args.workers))
        engine_t.append((time.perf_counter() - w0, time.process_time() - c0))
        timer.restore()
        assert n == len(arts)
        print(f"  run {r + 1}: spaCy {spacy_t[-1][0]:.2f}s wall {spacy_t[-1][1]:.2f}s cpu, "
              f"engine {engine_t[-1][0]:.2f}s wall {engine_t[-1][1]:.2f}s cpu, "
              f"stages {sum(timer.total.values()):.2f}s")

    s, e = min(t[clock] for t in spacy_t), min(t[clock] for t in engine_t)
    ratio = e / s
    stages = sum(timer.total.values())
    what = "wall-clock" if clock == 0 else "CPU"
    print(f"best of {len(spacy_t)} runs, {what} time:")
    print(f"plain nlp.pipe : {words / s:8.0f} words/s ({s:.2f}s)")
    print(f"full engine    : {words / e:8.0f} words/s ({e:.2f}s)")
    print(f"overhead ratio : {ratio:.3f} (engine / spaCy; target <= {TARGET:.2f}) "
          f"{'OK' if ratio <= TARGET else 'OVER TARGET'}")
    print(f"rule stages    : {stages:.2f}s {what} in the last engine run = {100 * stages / s:.1f} % of spaCy's "
          f"best (the text stage alone took {t_text:.2f}s wall before the runs):")
    for label, secs in sorted(timer.total.items(), key=lambda kv: -kv[1]):
        print(f"  {label:22s} {secs:6.2f}s  {100 * secs / s:5.1f} %")

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for _ in engine.extract_many(arts, batch_size=args.batch_size, n_process=args.workers):
            pass
        prof.disable()
        for order, n in (("tottime", 20), ("cumulative", 20)):
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats(order).print_stats(r"newsgraph", n)
            print(f"\ncProfile of one engine run: newsgraph functions by {order}:")
            rows = [ln for ln in out.getvalue().splitlines() if ln.strip() and "List reduced" not in ln]
            print("\n".join(ln.replace(ROOT + os.sep, "") for ln in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
