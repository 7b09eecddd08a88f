#!/usr/bin/env python3
"""Site build speed: the newsgraph plugin against spaCy alone and against a plugin-off build.

    python benchmarks/bench_site.py [--limit N] [--workers 1] [--batch-size 32] [--repeat 5]

Builds the DOJ press releases (``../shared/corpora/doj-press-releases/content``; skipped with a
message when absent) with the demo site's ``pelicanconf.py`` and theme into temp folders, and
prints from this one run:

  (a) spaCy alone: load the pipeline and ``nlp.pipe`` the very texts the plugin analyses (each
      article's rendered HTML through the engine's text stage), same batch size and processes;
  (b) cold build with the plugin (empty newsgraph cache);
  (c) warm rebuild with the plugin (cache full, nothing changed: 0 articles analysed), into the
      cold build's output folder, as a second ``make html`` does;
  (d) build with the plugin off;

and the ratios cold/spaCy (target <= 1.3) and warm/plugin-off (target <= 1.2).

Every measurement runs in a fresh Python process (no model or import shared between them) and
times the work only: for builds, constructing ``Pelican(settings)`` (plugin loading included)
through ``run()``; for spaCy, ``import spacy`` through the last parsed doc. Pelican's own content
cache is off in every build so that only the plugin's cache differs. The fast builds (c) and (d)
run ``--repeat`` times (default 5), alternated, and the best time of each is kept (the ratio of
the medians and of the CPU times are printed too). Results are
also written as JSON to ``benchmarks/results/`` (git-ignored).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "doj-press-releases" / "content"
TARGET_COLD = 1.3
TARGET_WARM = 1.2
STATS = re.compile(r"newsgraph: (\d+) of (\d+) articles analysed, (\d+) from cache")


# --------------------------------------------------------------------------- child processes

def build_settings(content: str, output: str, cache: str, plugin: bool, workers: int, batch: int) -> dict:
    from pelican.settings import read_settings

    return read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": content, "OUTPUT_PATH": output, "CACHE_PATH": cache,
        "THEME": str(ROOT / "theme"), "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "PLUGINS": ["newsgraph"] if plugin else [],
        "NEWSGRAPH_WORKERS": workers, "NEWSGRAPH_BATCH_SIZE": batch,
        "NEWSGRAPH_CACHE_PATH": os.path.join(cache, "newsgraph"),
        "LOAD_CONTENT_CACHE": False, "CACHE_CONTENT": False,
        "DELETE_OUTPUT_DIRECTORY": False,
    })


def child_build(args) -> dict:
    import io
    import logging
    from contextlib import redirect_stdout

    from pelican import Pelican
    from pelican.log import console

    settings = build_settings(args.content, args.output, args.cache, args.plugin, args.workers, args.batch_size)
    logging.getLogger().setLevel(logging.WARNING)
    out = io.StringIO()
    console.file = out
    with redirect_stdout(out):
        started = time.time() - 0.05            # (file times lag the clock by a tick at most)
        t0, c0 = time.perf_counter(), time.process_time()
        Pelican(settings).run()
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    log = out.getvalue()
    m = STATS.search(log)
    return {"seconds": seconds, "cpu_seconds": cpu, "stats": [int(x) for x in m.groups()] if m else None,
            "pages": sum(1 for _ in Path(args.output).rglob("*.html")),
            "feeds": sum(1 for _ in Path(args.output).rglob("*.xml")),
            "written": sum(1 for p in Path(args.output).rglob("*") if p.is_file() and p.stat().st_mtime >= started)}


def child_spacy(args) -> dict:
    texts = json.loads(Path(args.texts).read_text(encoding="utf-8"))
    sys.path.insert(0, str(ROOT / "plugins"))
    t0 = time.perf_counter()
    import spacy  # noqa: F401 — timed: the plugin's build pays for it too

    from newsgraph.engine import nlp as nlp_mod

    nlp = nlp_mod.load(None)
    t_load = time.perf_counter() - t0
    n = 0
    for _doc in nlp_mod.pipe(nlp, texts, batch_size=args.batch_size, n_process=args.workers):
        n += 1
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "load_seconds": t_load, "docs": n, "model": nlp_mod.model_id(nlp)}


# --------------------------------------------------------------------------- parent

def analysed_texts(content: Path) -> list[str]:
    """The clean texts the plugin sends to spaCy: Pelican's rendered HTML through the text stage."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from pelican.contents import Article
    from pelican.readers import Readers

    from newsgraph.engine.extract import ArticleInput, Engine, EngineConfig
    from newsgraph.site.settings import engine_options, is_off, set_defaults

    with tempfile.TemporaryDirectory() as tmp:
        settings = build_settings(str(content), tmp, tmp, True, 1, 32)
    set_defaults(settings)
    engine = Engine(EngineConfig(**engine_options(settings)))
    readers = Readers(settings)
    texts = []
    for path in sorted(content.rglob("*.md")):
        art = readers.read_file(base_path=str(content), path=str(path.relative_to(content)),
                                content_class=Article, context={})
        if getattr(art, "status", "published") != "published" or is_off(art.metadata.get("newsgraph", "on")):
            continue
        texts.append(engine.prepare(ArticleInput(text=art._content or "", format="html")).clean)
    return texts


def run_child(kind: str, extra: list[str]) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"bench_site: the {kind} run failed (exit {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=CORPUS, help="folder of Pelican Markdown articles")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (sorted by file name)")
    ap.add_argument("--workers", type=int, default=1, help="spaCy processes (NEWSGRAPH_WORKERS)")
    ap.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size (NEWSGRAPH_BATCH_SIZE)")
    ap.add_argument("--repeat", type=int, default=5, help="runs of the warm and plugin-off builds (best kept)")
    ap.add_argument("--keep", action="store_true", help="keep the temp folder and print its path")
    # internal: one measurement in a fresh process
    ap.add_argument("--child", choices=["build", "spacy"], help=argparse.SUPPRESS)
    ap.add_argument("--content", help=argparse.SUPPRESS)
    ap.add_argument("--output", help=argparse.SUPPRESS)
    ap.add_argument("--cache", help=argparse.SUPPRESS)
    ap.add_argument("--plugin", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--texts", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        result = child_build(args) if args.child == "build" else child_spacy(args)
        print(json.dumps(result))
        return 0

    files = sorted(args.source.glob("*.md")) if args.source.is_dir() else []
    if not files:
        print(f"bench_site: no articles in {args.source} (the DOJ corpus lives in ../shared); skipped")
        return 0
    files = files[: args.limit] if args.limit else files

    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-bench-site-"))
    try:
        content = tmp / "content"
        content.mkdir()
        for f in files:
            shutil.copy2(f, content / f.name)
        common = ["--content", str(content), "--workers", str(args.workers), "--batch-size", str(args.batch_size)]

        def build(output: str, plugin: bool, cache: str) -> dict:
            """One build; folders are kept between builds, as between two `make html` runs."""
            return run_child("build", common + ["--output", str(tmp / output), "--cache", str(tmp / cache)]
                             + (["--plugin"] if plugin else []))

        print(f"bench_site: {len(files)} articles from {args.source}; workers={args.workers}, "
              f"batch size={args.batch_size}", flush=True)
        t = time.perf_counter()
        texts = analysed_texts(content)
        (tmp / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
        words = sum(len(x.split()) for x in texts)
        print(f"  texts the plugin analyses: {len(texts)} ({words:,} words; prepared in "
              f"{time.perf_counter() - t:.1f} s, not timed)", flush=True)

        a = run_child("spacy", common + ["--texts", str(tmp / "texts.json")])
        print(f"  (a) spaCy alone         {a['seconds']:8.1f} s   (load {a['load_seconds']:.1f} s, "
              f"{a['docs']} docs, {a['model']})", flush=True)
        b = build("output-plugin", True, "cache-plugin")
        print(f"  (b) plugin, cold cache  {b['seconds']:8.1f} s   (analysed/total/cached: {b['stats']})", flush=True)
        off, warm = [], []
        for _ in range(max(1, args.repeat)):      # alternated, so that drift of the machine hits both
            off.append(build("output-off", False, "cache-off"))
            warm.append(build("output-plugin", True, "cache-plugin"))
        c, d = (min(runs, key=lambda r: r["seconds"]) for runs in (warm, off))
        print(f"  (c) plugin, warm cache  {c['seconds']:8.1f} s   (analysed/total/cached: {c['stats']}; "
              f"{c['pages']} pages, {c['feeds']} feeds in the output, {c['written']} files rewritten)", flush=True)
        print(f"  (d) plugin off          {d['seconds']:8.1f} s   ({d['pages']} pages, {d['feeds']} feeds written)",
              flush=True)
        if len(warm) > 1:
            print("  runs (c): " + ", ".join(f"{r['seconds']:.2f}" for r in warm)
                  + ";  runs (d): " + ", ".join(f"{r['seconds']:.2f}" for r in off))
            print(f"  warm / plugin off by medians {statistics.median(r['seconds'] for r in warm) / statistics.median(r['seconds'] for r in off):.2f}; "
                  f"by CPU time (best runs) {min(r['cpu_seconds'] for r in warm) / min(r['cpu_seconds'] for r in off):.2f}")

        cold_ratio, warm_ratio = b["seconds"] / a["seconds"], c["seconds"] / d["seconds"]
        ok_cold, ok_warm = cold_ratio <= TARGET_COLD, warm_ratio <= TARGET_WARM
        print(f"  cold / spaCy alone   = {cold_ratio:.2f}  (target <= {TARGET_COLD})  {'OK' if ok_cold else 'MISSED'}")
        print(f"  warm / plugin off    = {warm_ratio:.2f}  (target <= {TARGET_WARM})  {'OK' if ok_warm else 'MISSED'}")
        print(f"  time per output file (pages + feeds): plugin off {1000 * d['seconds'] / max(1, d['pages'] + d['feeds']):.1f} ms, "
              f"warm {1000 * c['seconds'] / max(1, c['pages'] + c['feeds']):.1f} ms")
        if c["stats"] and c["stats"][0] != 0:
            print(f"  note: the warm rebuild analysed {c['stats'][0]} articles (expected 0)")

        results = {"articles": len(files), "texts": len(texts), "words": words, "workers": args.workers,
                   "batch_size": args.batch_size, "spacy": a, "cold": b, "warm": c, "off": d,
                   "warm_runs": [r["seconds"] for r in warm], "off_runs": [r["seconds"] for r in off],
                   "cold_over_spacy": cold_ratio, "warm_over_off": warm_ratio,
                   "cpus": os.cpu_count(), "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        out_dir = ROOT / "benchmarks" / "results"
        out_dir.mkdir(exist_ok=True)
        name = f"bench_site-{len(files)}-{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}.json"
        (out_dir / name).write_text(json.dumps(results, indent=2), encoding="utf-8")
        print(f"  results: benchmarks/results/{name}")
        return 0
    finally:
        if args.keep:
            print(f"  temp folder kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
