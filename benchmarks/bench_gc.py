#!/usr/bin/env python3
"""Is the plugin's garbage-collector pause-and-freeze worth it? Warm rebuilds with and without it.

    python benchmarks/bench_gc.py [--limit N] [--repeat 5]

``pelican_glue._long_lived`` pauses the cyclic garbage collector while the build's long-lived
objects (cached results, the registry) are made, then ``gc.freeze()``s everything alive until the
next build. That is process-wide, so it has to pay for itself. This builds the DOJ press releases
(``../shared/corpora/doj-press-releases/content``; skipped when absent) once with an empty cache,
then times warm rebuilds (cache full, nothing changed) alternately with the plugin as it is and
with ``_long_lived`` replaced by a do-nothing context manager, each in a fresh process, and prints
the best wall and CPU times of each and their ratios (one run; CPU time is the steadier figure on a
busy machine).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "plugins"))

from bench_site import CORPUS, build_settings  # noqa: E402


def child(args) -> dict:
    import contextlib
    import io
    import logging
    from contextlib import redirect_stdout

    from pelican import Pelican
    from pelican.log import console

    if args.no_freeze:
        from newsgraph import pelican_glue
        pelican_glue._long_lived = contextlib.nullcontext
    settings = build_settings(args.content, args.output, args.cache, True, 1, 32)
    logging.getLogger().setLevel(logging.WARNING)
    console.file = io.StringIO()
    with redirect_stdout(console.file):
        t0, c0 = time.perf_counter(), time.process_time()
        Pelican(settings).run()
        return {"seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0}


def run_child(common: list[str], no_freeze: bool) -> dict:
    cmd = [sys.executable, __file__, "--child", *common] + (["--no-freeze"] if no_freeze else [])
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"bench_gc: a build failed (exit {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (sorted by file name)")
    ap.add_argument("--repeat", type=int, default=5, help="warm rebuilds of each kind (best kept)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--no-freeze", action="store_true", help=argparse.SUPPRESS)
    for name in ("--content", "--output", "--cache"):
        ap.add_argument(name, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args)))
        return 0

    files = sorted(args.source.glob("*.md")) if args.source.is_dir() else []
    if not files:
        print(f"bench_gc: no articles in {args.source} (the DOJ corpus lives in ../shared); skipped")
        return 0
    files = files[: args.limit] if args.limit else files
    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-bench-gc-"))
    try:
        (tmp / "content").mkdir()
        for f in files:
            shutil.copy2(f, tmp / "content" / f.name)
        common = ["--content", str(tmp / "content"), "--output", str(tmp / "output"), "--cache", str(tmp / "cache")]
        print(f"bench_gc: {len(files)} articles; cold build first (not timed)", flush=True)
        run_child(common, False)
        runs: dict[bool, list[dict]] = {False: [], True: []}
        for _ in range(max(1, args.repeat)):          # alternated: drift of the machine hits both
            for no_freeze in (False, True):
                runs[no_freeze].append(run_child(common, no_freeze))
        for key in ("seconds", "cpu_seconds"):
            with_it, without = (min(r[key] for r in runs[k]) for k in (False, True))
            print(f"  warm rebuild, best {key:11s}: with pause+freeze {with_it:7.2f}, without {without:7.2f}, "
                  f"without / with = {without / with_it:.2f}")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
