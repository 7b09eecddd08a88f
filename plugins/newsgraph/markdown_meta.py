"""Pelican-style ``Key: value`` metadata at the top of a Markdown file (for the CLI)."""
from __future__ import annotations

import re


def split_metadata(text: str) -> tuple[dict[str, str], str]:
    meta: dict[str, str] = {}
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        m = re.match(r"^([A-Za-z][\w-]*):\s*(.*)$", lines[i].rstrip("\n"))
        if not m:
            break
        meta[m.group(1).lower()] = m.group(2).strip()
        i += 1
    if not meta:
        return {}, text
    return meta, "".join(lines[i:])
