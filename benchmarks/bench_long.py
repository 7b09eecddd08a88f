#!/usr/bin/env python3
"""Long-article speed: engine time / plain spaCy time on one very long article.

    python benchmarks/bench_long.py [--words 42000] [--repeat 3] [--profile]

The article is U.S. Department of Justice press releases (public domain, in
``../shared/corpora/doj-press-releases/content``; skips with a message when absent) joined in
file-name order, each under a ``## title`` heading, into one Markdown text of about ``--words``
words. Both measurements run in this one process on the same clean text with the same pipeline
(spaCy ``nlp.pipe`` alone, then the full engine: text stage, spaCy, every rule stage); runs are
interleaved and the best CPU time of ``--repeat`` is kept. An engine whose rule stages are
linear in the article's length stays near its normal-size ratio (``make bench``) here; a
step that rescans the article per quote or per entity shows up as a ratio that grows with
``--words``. ``--profile`` adds a cProfile run of the engine's rule stages.
"""
from __future__ import annotations

import argparse
import cProfile
import glob
import hashlib
import io
import json
import os
import pstats
import re
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "plugins"))
CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "doj-press-releases", "content")
TARGET = 1.3


def long_article(folder: str = CORPUS, words: int = 42_000, sentence_paragraphs: bool = False):
    """One ArticleInput of DOJ releases joined until about ``words`` words (None: no corpus);
    ``sentence_paragraphs``: every sentence a paragraph of its own (~3,000 short paragraphs for
    42k words, the shape of a long live blog or transcript)."""
    from newsgraph.engine.extract import ArticleInput
    from newsgraph.site.markdown_meta import split_metadata

    parts, n = [], 0
    for path in sorted(glob.glob(os.path.join(folder, "*.md"))):
        if n >= words:
            break
        with open(path, encoding="utf-8", errors="replace") as f:
            meta, body = split_metadata(f.read())
        body = body.strip()
        if sentence_paragraphs:
            body = re.sub(r'(?<=[.!?])(["\u201d]?) +(?=["\u201c]?[A-Z])', "\\1\n\n", body)
        parts.append(f"## {meta.get('title', os.path.basename(path))}\n\n{body}\n")
        n += len(body.split())
    if not parts:
        return None
    return ArticleInput(text="\n".join(parts), format="markdown", title="Press releases", id="long")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--words", type=int, default=42_000, help="article length in words (default 42000)")
    ap.add_argument("--sentence-paragraphs", action="store_true",
                    help="one paragraph per sentence (~3,000 paragraphs at 42k words)")
    ap.add_argument("--repeat", type=int, default=3, help="interleaved runs; the best is kept")
    ap.add_argument("--model", default=None)
    ap.add_argument("--profile", action="store_true", help="also profile one engine run (cProfile)")
    args = ap.parse_args(argv)

    if not os.path.isdir(args.corpus):
        print(f"bench_long: corpus not found at {os.path.normpath(args.corpus)}; skipping.")
        return 0
    from newsgraph.engine import nlp as nlp_mod
    from newsgraph.engine.extract import Engine, EngineConfig

    art = long_article(args.corpus, args.words, args.sentence_paragraphs)
    if art is None:
        print("bench_long: no .md files in the corpus; skipping.")
        return 0
    engine = Engine(EngineConfig(model=args.model))
    nlp = engine.nlp
    tdoc = engine.prepare(art)
    clean = tdoc.clean
    paragraphs = sum(1 for b in tdoc.blocks if b.kind != "heading")
    print(f"one article: {len(clean.split())} words, {len(clean)} characters, {paragraphs} paragraphs, "
          f"model {nlp_mod.model_id(nlp)}")
    list(nlp_mod.pipe(nlp, [clean[:2000]]))  # warm-up

    spacy_t, engine_t = [], []
    for r in range(max(1, args.repeat)):
        c0 = time.process_time()
        doc = next(iter(nlp_mod.pipe(nlp, [clean])))
        spacy_t.append(time.process_time() - c0)
        c0 = time.process_time()
        result = engine.extract(art)
        engine_t.append(time.process_time() - c0)
        digest = hashlib.sha256(json.dumps(result.to_dict(), sort_keys=True).encode()).hexdigest()[:16]
        print(f"  run {r + 1}: spaCy {spacy_t[-1]:.2f}s cpu, engine {engine_t[-1]:.2f}s cpu "
              f"({len(result.quotes)} quotes, {len(result.entities)} entities, results {digest})")
    s, e = min(spacy_t), min(engine_t)
    ratio = e / s
    print(f"best of {len(spacy_t)} runs, CPU time:")
    print(f"plain nlp.pipe : {s:.2f}s")
    print(f"full engine    : {e:.2f}s")
    print(f"overhead ratio : {ratio:.3f} (engine / spaCy; target <= {TARGET:.2f}) "
          f"{'OK' if ratio <= TARGET else 'OVER TARGET'}")

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        engine.analyse(tdoc, doc, art.title)
        prof.disable()
        for order in ("tottime", "cumulative"):
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats(order).print_stats(25)
            print(f"\ncProfile of the rule stages on the parsed article, by {order}:")
            rows = [ln for ln in out.getvalue().splitlines() if ln.strip() and "List reduced" not in ln]
            print("\n".join(ln.replace(ROOT + os.sep, "") for ln in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
