#!/usr/bin/env python3
"""Memory over repeated builds in one process, as ``pelican --autoreload`` runs them.

    python benchmarks/bench_autoreload.py [--articles N] [--rebuilds 10] [--no-edit] [--plugin off]

Copies the demo content (the seed article and the first ``N - 1`` Wikinews articles; default: all)
into a temp folder and builds it with the demo's ``pelicanconf.py`` and theme the way Pelican's
``autoreload`` does: one ``Pelican`` object, ``run()`` again and again in the same process. Before
each rebuild one article is edited (a sentence appended, as an author saving a file would; the
plugin analyses that one article again) unless ``--no-edit``. After every build a full garbage
collection runs and the process's resident memory (RSS, ``/proc/self/status``) is read.

Prints the RSS after the cold build and after each rebuild, and the growth per rebuild: the
least-squares slope over the rebuilds (the cold build, which loads spaCy, is left out) and
(last - first rebuild) / (rebuilds - 1). A build that keeps nothing of the last one grows by ~0.
Results also go to ``benchmarks/results/`` as JSON (git-ignored). Linux only (reads /proc).
"""
from __future__ import annotations

import argparse
import gc
import io
import json
import logging
import shutil
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


def rss_mb() -> float:
    """Resident set size of this process in MB (VmRSS)."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def copy_content(dest: Path, limit: int | None) -> list[Path]:
    """The seed article and the first Wikinews articles (by name) into ``dest``; returns their paths."""
    sources = [CONTENT / "sessions-ms13.md", *sorted((CONTENT / "wikinews").glob("*.md"))]
    if limit:
        sources = sources[:limit]
    out = []
    for src in sources:
        target = dest / src.relative_to(CONTENT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
        out.append(target)
    return out


def slope(ys: list[float]) -> float:
    """Least-squares slope of ``ys`` against 0, 1, 2, ..."""
    n = len(ys)
    if n < 2:
        return 0.0
    mx, my = (n - 1) / 2, sum(ys) / n
    return sum((x - mx) * (y - my) for x, y in enumerate(ys)) / sum((x - mx) ** 2 for x in range(n))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=None, help="articles to build (default: all of content/)")
    ap.add_argument("--rebuilds", type=int, default=10)
    ap.add_argument("--no-edit", action="store_true", help="rebuild without editing an article first")
    ap.add_argument("--plugin", choices=("on", "off"), default="on")
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT / "plugins"))
    from pelican import Pelican
    from pelican.log import console
    from pelican.settings import read_settings

    tmp = Path(tempfile.mkdtemp(prefix="bench-autoreload-"))
    try:
        files = copy_content(tmp / "content", args.articles)
        settings = read_settings(str(ROOT / "pelicanconf.py"), override={
            "PATH": str(tmp / "content"), "OUTPUT_PATH": str(tmp / "output"), "CACHE_PATH": str(tmp / "cache"),
            "THEME": str(ROOT / "theme"), "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "PLUGINS": ["newsgraph"] if args.plugin == "on" else [],
            "NEWSGRAPH_CACHE_PATH": str(tmp / "cache" / "newsgraph"), "DELETE_OUTPUT_DIRECTORY": False,
        })
        logging.getLogger().setLevel(logging.WARNING)
        pelican = Pelican(settings)          # one instance, as pelican.autoreload() keeps
        edited = files[len(files) // 2]
        rss, seconds = [], []
        for i in range(args.rebuilds + 1):
            if i and not args.no_edit:
                with open(edited, "a", encoding="utf-8") as f:
                    f.write(f"\n\nThe editor added note {i}.\n")
            out = io.StringIO()
            console.file = out
            t0 = time.perf_counter()
            with redirect_stdout(out):
                pelican.run()
            seconds.append(time.perf_counter() - t0)
            gc.collect()
            rss.append(rss_mb())
            label = "cold build" if i == 0 else f"rebuild {i}"
            print(f"{label:>12}: {seconds[-1]:6.1f} s, RSS {rss[-1]:7.1f} MB", flush=True)
        rebuilds = rss[1:]
        per_fit = slope(rebuilds)
        per_span = (rebuilds[-1] - rebuilds[0]) / (len(rebuilds) - 1) if len(rebuilds) > 1 else 0.0
        print(f"articles: {len(files)}, plugin {args.plugin}, {'no edits' if args.no_edit else 'one article edited per rebuild'}")
        print(f"RSS growth per rebuild: {per_fit:.2f} MB (least-squares slope over {len(rebuilds)} rebuilds), "
              f"{per_span:.2f} MB ((last - first rebuild) / {len(rebuilds) - 1})")
        results = ROOT / "benchmarks" / "results"
        results.mkdir(parents=True, exist_ok=True)
        (results / f"autoreload-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps({
            "articles": len(files), "plugin": args.plugin, "edit": not args.no_edit, "rss_mb": rss,
            "seconds": seconds, "growth_per_rebuild_mb": per_fit, "growth_span_mb": per_span}, indent=1))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
