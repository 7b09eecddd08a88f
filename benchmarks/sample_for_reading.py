#!/usr/bin/env python3
"""A fixed-seed sample of what the built site publishes under a name, as a worksheet to read by hand.

    python benchmarks/sample_for_reading.py quotes [--output output] [--seed 12] [-n 60]
    python benchmarks/sample_for_reading.py speakers [--output output] [--seed 12] [-n 60]
    python benchmarks/sample_for_reading.py topics [--output output] [--seed 12] [-n 60]

``quotes``: every quote listed on a speaker page (``speakers/<slug>/index*.html``, the by-type and
by-count indexes left out) is collected, sorted, and ``random.Random(seed).sample``-d; each sampled
quote is printed with its speaker, kind, and the paragraph of the article around its marked
``#quote-N`` (so a reader can judge: is it speech, and is it this speaker's?). ``speakers``: the
same over the speaker pages themselves, with the page's type (JSON-LD ``mainEntity``), role and
first quote. ``topics``: the topic tag pages (``tag/<slug>.html``, pagination pages left out) with
their articles' headlines. Judging is done by a person; this only makes the sample reproducible.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

SKIP = ("by-", "index")      # speakers/by-type/…, speakers/by-count/…, the speaker index itself


def speaker_dirs(out: Path) -> list[Path]:
    root = out / "speakers"
    return sorted(d for d in root.iterdir() if d.is_dir() and not d.name.startswith(SKIP[0])
                  and (d / "index.html").is_file())


def graph_of(soup: BeautifulSoup) -> list[dict]:
    tag = soup.find("script", id="newsgraph-jsonld")
    return json.loads(tag.string)["@graph"] if tag and tag.string else []


def main_entity(graph: list[dict]) -> dict:
    page = next((n for n in graph if n.get("@type") == "CollectionPage"), {})
    want = (page.get("mainEntity") or {}).get("@id")
    return next((n for n in graph if n.get("@id") == want), {})


def quotes_on(d: Path) -> list[dict]:
    items = []
    for page in sorted(d.glob("index*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        name = (soup.find("h1").get_text(" ", strip=True) if soup.find("h1") else d.name)
        for li in soup.select("li.quote"):
            bq = li.find("blockquote")
            if bq is None:
                continue
            kind = li.find(class_="kind")
            items.append({"speaker": name, "slug": d.name, "kind": kind.get_text(strip=True) if kind else "",
                          "text": bq.get_text(" ", strip=True), "cite": bq.get("cite", ""),
                          "page": str(page)})
    return items


def context_of(out: Path, item: dict) -> tuple[str, str]:
    """(headline, the paragraph of the article holding the marked quote)."""
    url = urljoin("/" + str(Path(item["page"]).relative_to(out)), item["cite"])
    path, _, frag = url.partition("#")
    f = out / path.lstrip("/")
    f = f / "index.html" if f.is_dir() or path.endswith("/") else f
    if not f.is_file():
        return "", "(article not found)"
    soup = BeautifulSoup(f.read_text(encoding="utf-8"), "html.parser")
    mark = soup.find(id=frag)
    title = soup.find("h1") or soup.find("title")
    block = mark.find_parent(["p", "li", "blockquote", "dd", "td"]) if mark else None
    text = (block or mark).get_text(" ", strip=True) if (block or mark) else "(quote mark not found)"
    prev = block.find_previous_sibling("p") if block is not None else None
    if prev is not None:
        text = "[previous paragraph] " + prev.get_text(" ", strip=True) + "\n    [paragraph] " + text
    return (title.get_text(" ", strip=True) if title else ""), text


def sample_quotes(out: Path, seed: int, n: int) -> None:
    items = sorted((q for d in speaker_dirs(out) for q in quotes_on(d)),
                   key=lambda q: (q["slug"], q["cite"], q["text"]))
    picked = random.Random(seed).sample(items, min(n, len(items)))
    print(f"# {len(picked)} of {len(items)} quotes on {len(speaker_dirs(out))} speaker pages (seed {seed})\n")
    for i, q in enumerate(picked, 1):
        headline, para = context_of(out, q)
        print(f"## {i}. {q['speaker']} ({q['kind']}) — {headline}\n    quote: {q['text']}\n    {para}\n")


def sample_speakers(out: Path, seed: int, n: int) -> None:
    dirs = speaker_dirs(out)
    picked = random.Random(seed).sample(dirs, min(n, len(dirs)))
    print(f"# {len(picked)} of {len(dirs)} speaker pages (seed {seed})\n")
    for i, d in enumerate(picked, 1):
        soup = BeautifulSoup((d / "index.html").read_text(encoding="utf-8"), "html.parser")
        ent = main_entity(graph_of(soup))
        qs = quotes_on(d)
        first = qs[0] if qs else None
        head = context_of(out, first)[0] if first else ""
        print(f"## {i}. {ent.get('name', d.name)} [{ent.get('@type', '?')}] role: {ent.get('jobTitle', '')}"
              f" — {len(qs)} quotes\n    first: {first['text'][:300] if first else ''}\n    in: {head}\n")


def tag_pages(out: Path) -> list[Path]:
    """``tag/<slug>.html`` without the pagination pages (``<slug><n>.html`` beside ``<slug>.html``)."""
    files = sorted((out / "tag").glob("*.html"))
    names = {f.stem for f in files}
    return [f for f in files if not ((m := re.fullmatch(r"(.+?)\d+", f.stem)) and m.group(1) in names)]


def sample_topics(out: Path, seed: int, n: int) -> None:
    pages = tag_pages(out)
    picked = random.Random(seed).sample(pages, min(n, len(pages)))
    print(f"# {len(picked)} of {len(pages)} topic tags (seed {seed})\n")
    for i, f in enumerate(picked, 1):
        heads = []
        for page in [f] + sorted(out.glob(f"tag/{f.stem}[0-9]*.html")):
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            heads += [a.get_text(" ", strip=True) for a in soup.select("article h2 a, article h1 a")]
        print(f"## {i}. {f.stem} — {len(heads)} articles\n    " + "\n    ".join(heads) + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("quotes", "speakers", "topics"))
    ap.add_argument("--output", default="output")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("-n", type=int, default=60)
    args = ap.parse_args(argv)
    out = Path(args.output)
    if not (out / "speakers").is_dir():
        print(f"no speaker pages under {out}: build the site first (make html)", file=sys.stderr)
        return 2
    {"quotes": sample_quotes, "speakers": sample_speakers, "topics": sample_topics}[args.what](out, args.seed, args.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
