"""Command line: ``newsgraph extract FILE...`` prints one JSON line per file.

Each line follows ``../shared/eval/FORMAT.md`` (``doc``, ``quotes``) plus ``title``,
``entities`` (without mention spans) and ``speakers``. A ``.txt`` file is read as is (offsets
into its text as Python reads it: UTF-8, universal newlines); ``.md``/``.html`` go through the
text stage (offsets into the text stage's block text). A file that cannot be used (missing,
unreadable, a directory, a FIFO or device, larger than ``--max-bytes``, binary, not UTF-8, empty)
gives a warning on stderr naming the file and the reason, and an empty result line with an
``error`` key; the run goes on. ``-`` reads stdin (also at most ``--max-bytes``). Files are read
and analysed one chunk (``--batch-size`` x ``--workers`` files) at a time, so memory stays bounded
however many files are given.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from typing import Iterator

from .engine.extract import ArticleInput, Engine, EngineConfig, quote_to_eval
from .engine.model import ArticleResult
from .site.files import NotRegular, TooLarge, read_bounded, read_regular

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
           ".mdown": "markdown", ".html": "html", ".htm": "html", ".xhtml": "html"}
#: Default for ``--max-bytes``: larger files are refused (a news article is a few tens of kB).
MAX_BYTES = 5_000_000
#: Longest warning printed (the reason may quote an engine error or the file's content).
MAX_WARNING = 300


def warn(path: str, why: str) -> None:
    if len(why) > MAX_WARNING:
        why = why[:MAX_WARNING - 1] + "\u2026"
    print(f"newsgraph: warning: {path}: {why}", file=sys.stderr)


def doc_id(path: str) -> str:
    return "stdin" if path == "-" else os.path.splitext(os.path.basename(os.path.normpath(path)))[0]


def decode(raw: bytes) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason). Text as Python's text mode reads it (universal newlines)."""
    if not raw.strip():
        return None, "empty file"
    head = raw[:8192]
    if b"\x00" in head:
        return None, "binary file (NUL bytes)"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, f"not UTF-8 text (invalid byte at offset {exc.start})"
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\t\n\r\f\v")
    if controls > max(8, len(text[:8192]) // 100):
        return None, "binary file (control characters)"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, "empty file"
    return text, None


def read_article(path: str, fmt: str | None = None,
                 max_bytes: int = MAX_BYTES) -> tuple[ArticleInput | None, str | None]:
    """(input, None) or (None, reason the file cannot be used). Never waits on a FIFO or reads a
    device (refused), never reads more than ``max_bytes`` + 1 bytes."""
    try:
        raw = read_bounded(sys.stdin.buffer, max_bytes) if path == "-" else read_regular(path, max_bytes)
    except (NotRegular, TooLarge) as exc:
        return None, str(exc)
    except OSError as exc:
        return None, f"unreadable ({exc.strerror or exc})"
    text, why = decode(raw)
    if text is None:
        return None, why
    fmt = fmt or FORMATS.get(os.path.splitext(path)[1].lower(), "text")
    title = ""
    if fmt == "markdown":
        from .site.markdown_meta import split_metadata
        meta, text = split_metadata(text)
        title = meta.get("title", "")
        if not text.strip():
            return None, "no text after the metadata"
    elif fmt == "html":
        title = html_title(text)
    return ArticleInput(text=text, format=fmt, title=title, id=doc_id(path)), None


def html_title(html: str) -> str:
    """The page's <title> (or first <h1>), as plain text."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    el = soup.title or soup.find("h1")
    return " ".join(el.get_text().split()) if el else ""


def run_engine(engine: Engine, arts: list[ArticleInput], batch_size: int, workers: int,
               paths: list[str]) -> Iterator[ArticleResult | None]:
    """Results in input order; a batch that fails is redone article by article, so that one
    article the engine cannot handle costs only its own result (None, with a warning)."""
    step = max(1, batch_size) * max(1, workers)
    for i in range(0, len(arts), step):
        chunk = arts[i:i + step]
        try:
            results = list(engine.extract_many(chunk, batch_size=batch_size, n_process=workers))
        except Exception:  # noqa: BLE001 - isolate the bad article below
            results = []
            for art, path in zip(chunk, paths[i:i + step]):
                try:
                    results.append(engine.extract(art))
                except Exception as exc:  # noqa: BLE001 - never crash the run for one article
                    warn(path, f"extraction failed ({type(exc).__name__}: {str(exc)[:200]}); empty result")
                    results.append(None)
        yield from results


def empty_line(path: str, error: str) -> dict:
    return {"doc": doc_id(path), "quotes": [], "entities": [], "speakers": [], "error": error}


def result_line(path: str, art: ArticleInput, r: ArticleResult) -> dict:
    return {"doc": doc_id(path),
            "title": art.title,
            "quotes": [quote_to_eval(q, r) for q in r.quotes],
            "entities": [{k: v for k, v in e.to_dict().items() if k != "spans"} for e in r.entities],
            "speakers": [{"id": e.id, "name": e.name, "type": e.type, "role": e.role} for e in r.speakers]}


def read_or_warn(path: str, args) -> tuple[ArticleInput | None, str | None]:
    """``read_article``, with any failure (even an unexpected error in a parser) one warning."""
    try:
        art, why = read_article(path, args.format, args.max_bytes)
    except Exception as exc:  # noqa: BLE001 - a bad file never costs the other files' results
        art, why = None, f"unreadable ({type(exc).__name__}: {str(exc)[:200]})"
    if art is None:
        warn(path, f"{why}; empty result")
    return art, why


def cmd_extract(args) -> int:
    engine: Engine | None = None
    failed = False
    out = sys.stdout
    step = args.batch_size * args.workers
    for i in range(0, len(args.files), step):          # one chunk of files in memory at a time
        arts = [(path, *read_or_warn(path, args)) for path in args.files[i:i + step]]
        good = [(p, a) for p, a, _ in arts if a is not None]
        failed = failed or len(good) < len(arts)
        results = iter(())
        if good:
            if engine is None:
                engine = Engine(EngineConfig(model=args.model, boilerplate=tuple(args.boilerplate or ())))
                try:
                    engine.nlp  # noqa: B018 (load the pipeline once, up front: a missing model is one clear error)
                except (OSError, ImportError, ValueError) as exc:
                    print(f"newsgraph: error: cannot load the spaCy pipeline: {exc}", file=sys.stderr)
                    return 2
            results = run_engine(engine, [a for _, a in good], args.batch_size, args.workers,
                                 [p for p, _ in good])
        for path, art, why in arts:
            line = empty_line(path, why or "unusable file") if art is None else None
            if art is not None:
                r = next(results)
                try:
                    line = result_line(path, art, r) if r is not None else None
                except Exception as exc:  # noqa: BLE001 - never lose the other files' lines
                    warn(path, f"result unusable ({type(exc).__name__}: {str(exc)[:200]}); empty result")
                if line is None:
                    line, failed = empty_line(path, "extraction failed"), True
                else:
                    for w in r.warnings:
                        warn(path, w)
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            out.flush()
    return 1 if (args.strict and failed) else 0


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1, else a usage error saying so."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 (got {n})")
    return n


def cmd_analyse(args) -> int:
    """``newsgraph analyse``: the site's analysis on Dask workers, into the build's cache."""
    from pelican.plugins.newsgraph.distributed import AnalyseError, analyse_site, summary

    try:
        report = analyse_site(args.content, args.settings, scheduler=args.scheduler,
                              local_workers=args.local_workers, batch_size=args.batch_size,
                              cache_path=args.cache_path, shared_cache=args.shared_cache)
    except AnalyseError as exc:
        print(f"newsgraph: error: {exc}", file=sys.stderr)
        return 2
    print(summary(report), file=sys.stderr)
    return 1 if (args.strict and report.failed) else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="newsgraph", description="Who said what in news articles.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    ex = sub.add_parser("extract", help="print one JSON line of quotes, speakers and entities per file")
    ex.add_argument("files", nargs="+", help="article files (.txt, .md, .html), or - for stdin")
    ex.add_argument("--format", choices=("text", "markdown", "html"), default=None,
                    help="read every file as this format (default: by extension; unknown = text)")
    ex.add_argument("--model", default=None, help="spaCy pipeline (default: en_core_web_sm)")
    ex.add_argument("--workers", type=positive_int, default=1, help="spaCy worker processes")
    ex.add_argument("--batch-size", type=positive_int, default=32,
                    help="texts per spaCy batch (and files read per chunk: batch size x workers)")
    ex.add_argument("--max-bytes", type=positive_int, default=MAX_BYTES,
                    help=f"refuse files larger than this (default {MAX_BYTES:,} bytes)")
    ex.add_argument("--boilerplate", action="append", metavar="REGEX",
                    help="extra regex for text to cut before NLP (repeatable)")
    ex.add_argument("--strict", action="store_true", help="exit 1 when a file could not be used")
    an = sub.add_parser("analyse", help="analyse a site's articles on a Dask cluster into the build's cache")
    an.add_argument("content", help="the site's content folder (as for `pelican CONTENT`)")
    an.add_argument("-s", "--settings", default=None, help="Pelican settings file (default: ./pelicanconf.py)")
    where = an.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://host:8786")
    where.add_argument("--local-workers", type=int, default=2, metavar="N",
                       help="without --scheduler: a LocalCluster of N one-thread worker processes (default 2)")
    an.add_argument("--batch-size", type=int, default=None, help="articles per task (default NEWSGRAPH_BATCH_SIZE)")
    an.add_argument("--cache-path", default=None, help="as `pelican --cache-path` (default: the settings' CACHE_PATH)")
    an.add_argument("--shared-cache", action="store_true",
                    help="workers write results straight into the cache folder (same path on every machine)")
    an.add_argument("--strict", action="store_true", help="exit 1 when an article's analysis failed")
    args = ap.parse_args(argv)
    if args.cmd == "analyse":
        if args.local_workers < 1 or (args.batch_size is not None and args.batch_size < 1):
            ap.error("--local-workers and --batch-size must be at least 1")
        return cmd_analyse(args)
    for pat in args.boilerplate or ():
        try:
            re.compile(pat)
        except re.error as exc:
            ap.error(f"--boilerplate {pat!r}: {exc}")
    if hasattr(sys.stdout, "reconfigure"):
        try:
            sys.stdout.reconfigure(encoding="utf-8")  # JSON lines are UTF-8 whatever the locale
        except (ValueError, OSError):
            pass
    return cmd_extract(args)


if __name__ == "__main__":
    sys.exit(main())
