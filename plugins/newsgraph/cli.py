"""Command line: ``newsgraph extract FILE...`` prints one JSON line per file."""
from __future__ import annotations

import argparse
import json
import os
import sys

from .extract import ArticleInput, Engine, EngineConfig, quote_to_eval

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
           ".html": "html", ".htm": "html"}


def read_article(path: str) -> tuple[ArticleInput | None, str | None]:
    """(input, None) or (None, reason the file cannot be used)."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as exc:
        return None, f"unreadable ({exc.strerror or exc})"
    if b"\x00" in raw[:8192]:
        return None, "binary file"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, f"not UTF-8 text (byte {exc.start})"
    if not text.strip():
        return None, "empty file"
    fmt = FORMATS.get(os.path.splitext(path)[1].lower(), "text")
    title = ""
    if fmt == "markdown":
        from .markdown_meta import split_metadata
        meta, text = split_metadata(text)
        title = meta.get("title", "")
    return ArticleInput(text=text, format=fmt, title=title, id=os.path.splitext(os.path.basename(path))[0]), None


def cmd_extract(args) -> int:
    engine = Engine(EngineConfig(model=args.model))
    arts, status = [], 0
    for path in args.files:
        art, why = read_article(path)
        if art is None:
            print(f"newsgraph: warning: {path}: {why}; empty result", file=sys.stderr)
            status = 1
        arts.append((path, art))
    good = [a for _, a in arts if a is not None]
    results = iter(engine.extract_many(good, batch_size=args.batch_size, n_process=args.workers))
    for path, art in arts:
        doc_id = os.path.splitext(os.path.basename(path))[0]
        if art is None:
            line = {"doc": doc_id, "quotes": [], "entities": [], "speakers": [], "error": "unusable file"}
        else:
            r = next(results)
            line = {"doc": doc_id,
                    "quotes": [quote_to_eval(q, r) for q in r.quotes],
                    "entities": [{k: v for k, v in e.to_dict().items() if k != "spans"} for e in r.entities],
                    "speakers": [{"id": e.id, "name": e.name, "type": e.type, "role": e.role} for e in r.speakers]}
            for w in r.warnings:
                print(f"newsgraph: warning: {path}: {w}", file=sys.stderr)
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    return status if args.strict else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="newsgraph", description="Who said what in news articles.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    ex = sub.add_parser("extract", help="print one JSON line of quotes, speakers and entities per file")
    ex.add_argument("files", nargs="+")
    ex.add_argument("--model", default=None, help="spaCy pipeline (default: en_core_web_sm)")
    ex.add_argument("--workers", type=int, default=1, help="spaCy worker processes")
    ex.add_argument("--batch-size", type=int, default=32)
    ex.add_argument("--strict", action="store_true", help="exit 1 when a file could not be used")
    args = ap.parse_args(argv)
    return cmd_extract(args)


if __name__ == "__main__":
    sys.exit(main())
