#!/usr/bin/env python3
"""Dask throughput: the full engine on 1 and 2 local Dask workers vs plain ``nlp.pipe`` in one process.

    python benchmarks/bench_distributed.py [--limit 120] [--task-size 8] [--repeat 2]

Reads ``../shared/corpora/doj-press-releases/content/*.md`` (skips with a message when absent or
when Dask is not installed). Two ``LocalCluster``s (1 and 2 one-thread worker processes) are
started and their workers load the model before timing starts; then plain ``nlp.pipe`` (this
process, one core), 1 worker and 2 workers are run in turn, ``--repeat`` rounds, each Dask run into
a fresh empty cache folder (everything analysed, written to the cache as in ``newsgraph analyse``).
Throughput is words of the clean texts per second of wall time; the best round of each is kept,
and the ratios are printed with the load average seen during each run (the machine may be shared).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "plugins"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "doj-press-releases", "content")


def _cpu_seconds() -> float:
    """CPU time (user + system) of the calling process, all its threads (run on each worker)."""
    import resource

    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--limit", type=int, default=120, help="number of articles (default 120; 0 = all)")
    ap.add_argument("--task-size", type=int, default=8, help="articles per Dask task (and nlp.pipe batch)")
    ap.add_argument("--repeat", type=int, default=2, help="rounds of (nlp.pipe, 1 worker, 2 workers)")
    args = ap.parse_args(argv)
    if not os.path.isdir(args.corpus):
        print(f"skipped: corpus not found at {args.corpus}")
        return 0
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print("skipped: Dask is not installed (pip install 'newsgraph[dask]')")
        return 0
    import logging

    from bench_engine import load_articles
    from pelican.plugins.newsgraph.distributed import Job, run

    from newsgraph.engine import nlp as nlp_mod
    from newsgraph.engine.extract import Engine, EngineConfig
    from newsgraph.site.cache import ResultCache, content_key, fingerprint
    logging.getLogger("distributed").setLevel(logging.ERROR)      # no start/stop chatter
    arts = load_articles(args.corpus, args.limit or None)
    engine = Engine(EngineConfig())
    clean = [engine.prepare(a).clean for a in arts]
    words = sum(len(t.split()) for t in clean)
    options = {"model": None, "boilerplate": (), "indirect": True}
    jobs = [Job(content_key(a.title, a.text), a.id, a) for a in arts]
    print(f"{len(arts)} DOJ releases, {words:,} words (clean text), tasks of {args.task_size}, "
          f"{os.cpu_count()} CPUs")

    clusters = {}
    for n in (1, 2):
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        clusters[n] = (cluster, Client(cluster))

    def plain() -> tuple[float, float]:
        t0, c0 = time.perf_counter(), time.process_time()
        for _doc in nlp_mod.pipe(engine.nlp, clean, batch_size=args.task_size):
            pass
        return time.perf_counter() - t0, time.process_time() - c0

    def on_dask(n: int) -> tuple[float, float]:
        client = clusters[n][1]
        c0 = sum(client.run(_cpu_seconds).values())
        with tempfile.TemporaryDirectory() as tmp:
            cache = ResultCache(tmp, fingerprint(options))
            report = run(client, jobs, cache, options, batch_size=args.task_size, progress=False)
            assert report.analysed == len(jobs) and not report.failed
        return report.seconds, sum(client.run(_cpu_seconds).values()) - c0

    for n in (1, 2):      # load the model on every worker before any timing (run() checks them)
        with tempfile.TemporaryDirectory() as tmp:
            run(clusters[n][1], jobs[:n], ResultCache(tmp, fingerprint(options)), options, batch_size=1,
                progress=False)
    plain()                # (and warm this process's pipeline)

    best: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for r in range(args.repeat):
        for name, fn in (("nlp.pipe", plain), ("1 worker", lambda: on_dask(1)), ("2 workers", lambda: on_dask(2))):
            secs, cpu_secs = fn()
            load = os.getloadavg()[0]
            print(f"round {r + 1}: {name:9s} {secs:6.1f} s  {words / secs:8,.0f} words/s  "
                  f"(CPU {cpu_secs:6.1f} s: {words / cpu_secs:6,.0f} words per CPU-second; load {load:.1f})",
                  flush=True)
            best[name] = min(best.get(name, float("inf")), secs)
            cpu[name] = min(cpu.get(name, float("inf")), cpu_secs)
    for _cluster, client in clusters.values():
        client.close()
    for cluster, _client in clusters.values():
        cluster.close()

    rate = {k: words / v for k, v in best.items()}
    print("\nbest of %d rounds:" % args.repeat)
    for k, v in rate.items():
        print(f"  {k:9s} {v:8,.0f} words/s  ({v / rate['nlp.pipe']:.2f} x nlp.pipe)")
    print(f"  2 workers / 1 worker: {rate['2 workers'] / rate['1 worker']:.2f} x (target >= 1.7 on 2 idle cores)")
    print("per CPU-second (workers' own CPU time; insensitive to other load):")
    for k, v in cpu.items():
        print(f"  {k:9s} {words / v:8,.0f} words per CPU-second ({cpu['nlp.pipe'] / v:.2f} x nlp.pipe)")
    per_article = words / len(arts)
    print(f"\nprojection, 300,000 articles of {per_article:.0f} words, at {rate['1 worker']:,.0f} words/s per worker "
          "and the measured 2-worker efficiency:")
    eff = rate["2 workers"] / (2 * rate["1 worker"])
    for n in (1, 2, 8, 32, 64):
        secs = 300_000 * per_article / (rate["1 worker"] * (n if n == 1 else n * eff))
        print(f"  {n:3d} workers: {secs / 3600:6.1f} h")
    return 0


if __name__ == "__main__":
    sys.exit(main())
