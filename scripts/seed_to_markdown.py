#!/usr/bin/env python3
"""The seed article (content/seed/, kept byte for byte as scraped) -> content/sessions-ms13.md.

    python scripts/seed_to_markdown.py

A Pelican metadata header (Title: the scrape's first line; Date: 2017-11-09, the Thursday the U.S.
Department of Justice dates Sessions' remarks to the National Fusion Center Association, which
the article reports; no Tags: its topics come from the plugin) over the scraped text, minus the
headline lines the scrape repeats above the body (the page shows the title once, as its heading).
Everything else stays as scraped, the photo credit and the glued related-links widget included:
the engine must cope with them. The file in content/seed/ is only read.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "seed" / "000_c0eb73401adad504.txt"
OUT = ROOT / "content" / "sessions-ms13.md"
HEADER = {"Date": "2017-11-09", "Slug": "sessions-calls-on-law-enforcement-to-dismantle-ms-13",
          "Category": "US politics"}


def body_without_repeated_title(text: str) -> tuple[str, str]:
    """(title, body): the first line is the title; leading lines repeating it (and blank lines
    between them) are dropped from the body."""
    lines = text.split("\n")
    title = lines[0].strip()
    i = 0
    while i < len(lines) and (not lines[i].strip() or lines[i].strip() == title):
        i += 1
    return title, "\n".join(lines[i:])


def convert(seed: Path = SEED, out: Path = OUT) -> Path:
    title, body = body_without_repeated_title(seed.read_text(encoding="utf-8"))
    header = "".join(f"{k}: {v}\n" for k, v in {"Title": title, **HEADER}.items())
    out.write_text(header + "\n" + body, encoding="utf-8")
    return out


def main() -> int:
    if not SEED.exists():
        print(f"seed article not found: {SEED}", file=sys.stderr)
        return 2
    print(f"wrote {convert()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
