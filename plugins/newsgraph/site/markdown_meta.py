"""Metadata at the top of a Markdown file, read the way Pelican's Markdown reader reads it.

Pelican uses python-markdown's ``meta`` extension: ``Key: value`` lines at the very top
(continuation lines indented by 4+ spaces), optionally fenced by ``---`` (YAML-style front
matter, closed by ``---`` or ``...``), ending at the first blank line. Keys are lowercased;
repeated keys and continuation lines are joined with a space.
"""
from __future__ import annotations

import re

KEY_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$")
CONTINUATION = re.compile(r"^[ ]{4,}(.*)$")
FENCE_OPEN = re.compile(r"^-{3}\s*$")
FENCE_CLOSE = re.compile(r"^(?:-{3}|\.{3})\s*$")


def split_metadata(text: str) -> tuple[dict[str, str], str]:
    """``(metadata, body)``; ``({}, text)`` when the file has no metadata block."""
    lines = text.splitlines(keepends=True)
    meta: dict[str, str] = {}
    i, key = 0, None
    fenced = bool(lines) and FENCE_OPEN.match(lines[0].rstrip("\r\n")) is not None
    if fenced:
        i = 1
    while i < len(lines):
        line = lines[i].rstrip("\r\n")
        if fenced and FENCE_CLOSE.match(line):
            i += 1
            break
        if not line.strip():
            i += 1  # the blank line ends the block
            break
        m = KEY_LINE.match(line)
        c = CONTINUATION.match(line) if m is None else None
        if m:
            key = m.group(1).lower()
            meta[key] = (meta[key] + " " + m.group(2).strip()).strip() if key in meta else m.group(2).strip()
        elif c and key is not None:
            meta[key] = (meta[key] + " " + c.group(1).strip()).strip()
        else:
            break  # not metadata: this line starts the body
        i += 1
    if not meta:
        return {}, text
    return meta, "".join(lines[i:])
