"""Check every picture (``figure.newsgraph-chart``) of a built site: the SVG parses as XML, has a
``<title>`` named by ``aria-labelledby`` and a ``<desc>`` named by ``aria-describedby``, a data
table (the text equivalent), no script or external URL, and every link in it leads to a page of
the site.

    python tests/chart_check.py output/      # prints a summary, exits 1 on any problem
"""
from __future__ import annotations

import os
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

SVG = "{http://www.w3.org/2000/svg}"
FIGURE = re.compile(r'<figure class="newsgraph-chart .*?</figure>', re.S)


def figures(output: Path) -> dict[str, list[str]]:
    """Every picture of the site, by page (relative path)."""
    found = {}
    for page in sorted(Path(output).rglob("*.html")):
        figs = FIGURE.findall(page.read_text(encoding="utf-8"))
        if figs:
            found[str(page.relative_to(output))] = figs
    return found


def problems(output: Path, page: str, fig: str) -> list[str]:
    """What is wrong with one picture (empty: nothing)."""
    try:
        svg = ET.fromstring(fig[fig.index("<svg"):fig.index("</svg>") + len("</svg>")])
    except (ValueError, ET.ParseError) as exc:
        return [f"{page}: not well-formed SVG: {exc}"]
    out = []
    title, desc = svg.find(SVG + "title"), svg.find(SVG + "desc")
    if svg.tag != SVG + "svg" or not svg.get("viewBox"):
        out.append(f"{page}: no svg element with a viewBox")
    if title is None or not (title.text or "").strip() or svg.get("aria-labelledby") != title.get("id"):
        out.append(f"{page}: no title naming the picture")
    if desc is None or not (desc.text or "").strip() or svg.get("aria-describedby") != desc.get("id"):
        out.append(f"{page}: no description")
    if "<details" not in fig or "<table>" not in fig:
        out.append(f"{page}: no text equivalent (data table)")
    if "<script" in fig or re.search(r"(?:href|src)=\"(?:https?:)?//", fig):
        out.append(f"{page}: script or external resource")
    for a in svg.iter(SVG + "a"):
        target = os.path.normpath(os.path.join(output, os.path.dirname(page), a.get("href", "")))
        target = os.path.join(target, "index.html") if os.path.isdir(target) else target
        if not os.path.isfile(target):
            out.append(f"{page}: broken link {a.get('href')}")
    return out


def main(argv: list[str]) -> int:
    output = Path(argv[1] if len(argv) > 1 else "output")
    found = figures(output)
    bad = [p for page, figs in found.items() for fig in figs for p in problems(output, page, fig)]
    kinds = {}
    for figs in found.values():
        for fig in figs:
            kind = re.search(r"newsgraph-chart-(\w+)", fig).group(1)
            kinds[kind] = kinds.get(kind, 0) + 1
    print(f"{sum(kinds.values())} pictures on {len(found)} pages ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}); "
          f"{len(bad)} problems")
    for p in bad[:50]:
        print("  " + p)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
