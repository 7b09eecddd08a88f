"""The JSON-LD script tag: serialising a graph safely into a page, and finding a page's head.

:func:`dumps`: ``json.dumps(allow_nan=False)``, then ``<``, ``>``, ``&``, U+2028 and U+2029 as
``\\u003c`` … (Jinja2's ``tojson`` rule); the parsed value is unchanged and the script text can
never contain ``</script``, ``<!--`` or an HTML entity.
"""
from __future__ import annotations

import json
import logging
import re
from typing import Any, Callable

from markupsafe import Markup

#: Marker on our script tag (lets :func:`ensure_in_file` see that a theme already called us).
SCRIPT_OPEN = '<script type="application/ld+json" id="newsgraph-jsonld">'
SCRIPT_CLOSE = "</script>"

_SURROGATE = re.compile("[\ud800-\udfff]")
logger = logging.getLogger(__name__)


def dumps(data: Any) -> str:
    """JSON safe to place between ``<script …>`` and ``</script>``: parses to ``data`` unchanged."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    # str.replace per character (C speed) instead of str.translate (slow with string values)
    if not text.isascii():
        # lone surrogates cannot be written as UTF-8; they are not text anyway
        if _SURROGATE.search(text):
            text = _SURROGATE.sub("\ufffd", text)
        if "\u2028" in text:
            text = text.replace("\u2028", "\\u2028")
        if "\u2029" in text:
            text = text.replace("\u2029", "\\u2029")
        # noncharacters XML forbids: escaped, so the page has none and the JSON keeps them
        if "\ufffe" in text:
            text = text.replace("\ufffe", "\\ufffe")
        if "\uffff" in text:
            text = text.replace("\uffff", "\\uffff")
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def script_tag(data: Any) -> Markup:
    """The fixed script tag around :func:`dumps` (the one place JSON becomes markup)."""
    return Markup(SCRIPT_OPEN + dumps(data) + SCRIPT_CLOSE)

#: What the head-end scan steps over: comments and elements whose text is not markup (a title
#: holding "</head>" as text must not be taken for the end of the head).
_HEAD_SCAN = re.compile(r"<!--|<(title|textarea|script|style|noscript|xmp|iframe|noembed|noframes)\b[^>]*>"
                        r"|</head\s*>|<body\b", re.I)


def head_end(html: str) -> int | None:
    """Offset of the real ``</head>`` tag of ``html`` (None when there is none before ``<body``),
    skipping comments and the text of ``<title>``, ``<script>``, ``<style>``… as a browser does."""
    pos = 0
    while True:
        m = _HEAD_SCAN.search(html, pos)
        if m is None or m.group().lower().startswith("<body"):
            return None
        token = m.group().lower()
        if token.startswith("</head"):
            return m.start()
        if token == "<!--":
            close = html.find("-->", m.end())
        else:
            end = re.compile(r"</%s[\s/>]" % m.group(1), re.I).search(html, m.end())
            close = end.start() if end else -1
        if close < 0:
            return None
        pos = close + 1


def insert_in_head(path: str, what: str, tags_for: Callable[[str], Any]) -> bool:
    """Insert ``tags_for(head)`` before the real ``</head>`` of a written HTML file (``head``: the
    file's text before it; ``tags_for`` returns nothing to leave the file alone). For themes that
    do not call our template functions. Returns True when the file changed; a file that cannot be
    read is warned about (``what``: what was to be added) and left alone."""
    if not str(path).endswith((".html", ".htm")):
        return False
    try:
        with open(path, encoding="utf-8") as f:
            html = f.read()
    except (OSError, UnicodeDecodeError) as exc:
        logger.warning("newsgraph: cannot add %s to %s: %s", what, path, exc)
        return False
    end = head_end(html)
    tags = tags_for(html[:end]) if end is not None else None
    if not tags:
        return False
    with open(path, "w", encoding="utf-8") as f:
        f.write(html[:end] + str(tags) + "\n" + html[end:])
    return True
