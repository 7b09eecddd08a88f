"""Text and URLs from content made safe to write: one place for every page, feed and name.

- :func:`xml_clean` removes the characters XML 1.0 forbids (C0 controls other than tab, line feed
  and carriage return, lone surrogates, U+FFFE, U+FFFF). Feed writers refuse them
  (``UnserializableContentError``) and HTML parsers report them; pages and feeds get the text
  without them. JSON-LD keeps exact text (``jsonld.dumps`` writes them as ``\\uXXXX``).
- :func:`strip_invisible` removes zero-width and bidi-control characters (Unicode category Cf,
  plus the controls above) so that look-alike names compare and display as one.
- :func:`is_http_url` says whether a URL from metadata may become a link (no ``javascript:``).
- :func:`safe_striptags` is ``striptags`` that stays HTML: entity-escaped text in a title
  (``&lt;script&gt;``) is decoded by Jinja's own filter into live markup; this one re-escapes it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

#: Characters outside XML 1.0's ``Char`` production.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_C0_BYTES = bytes([*range(0x09), 0x0b, 0x0c, *range(0x0e, 0x20)])


def has_xml_forbidden(text: str) -> bool:
    """Whether ``text`` holds a character XML 1.0 forbids (a byte-level check: about twice as
    fast as the regex on long text, which matters as it runs on every printed template value)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:                         # a lone surrogate
        return True
    return len(data.translate(None, _C0_BYTES)) != len(data) \
        or b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data   # U+FFFE, U+FFFF


def xml_clean(value: Any) -> Any:
    """``value`` without the characters XML 1.0 forbids; non-strings unchanged, Markup stays Markup."""
    if not isinstance(value, str) or not has_xml_forbidden(value):
        return value
    cleaned = XML_FORBIDDEN.sub("", value)
    return Markup(cleaned) if isinstance(value, Markup) else cleaned


def clean_output(value: Any) -> Any:
    """Jinja ``finalize``: every printed value as text without XML-forbidden characters (objects
    such as Pelican's ``Tag`` are printed through ``str`` anyway)."""
    if value is None or isinstance(value, (int, float)):
        return value
    return xml_clean(value if isinstance(value, str) else str(value))


@lru_cache(maxsize=1 << 14)
def _has_invisible(text: str) -> bool:
    return any(unicodedata.category(c) in ("Cf", "Cc") and c not in "\t\n\r" for c in text)


def strip_invisible(text: str) -> str:
    """``text`` without format characters (zero-width spaces and joiners, bidi overrides and
    isolates, soft hyphens, BOM) and controls other than tab and line breaks."""
    if text.isascii() and text.isprintable() or not _has_invisible(text):
        return text
    return "".join(c for c in text if c in "\t\n\r" or unicodedata.category(c) not in ("Cf", "Cc"))


#: Characters a URL from metadata never needs (and that only help break out of an attribute).
_NOT_IN_URL = re.compile(r"[\s<>\"'`]")


def is_http_url(url: Any) -> bool:
    """True for an absolute http(s) URL: the only URLs from metadata rendered as links."""
    if not isinstance(url, str):
        return False
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) \
        and XML_FORBIDDEN.search(url) is None and not _NOT_IN_URL.search(url)


class StrippedText(Markup):
    """The result of :func:`safe_striptags`: plain text, held HTML-escaped."""


def safe_striptags(value: Any) -> Markup:
    """Jinja ``striptags`` whose result is still HTML: tags dropped, spaces collapsed, and the
    text escaped again, so ``&lt;/title&gt;`` stays text wherever a theme prints it (``<title>``,
    attributes). ``|e`` after it is a no-op (Markup); ``|safe`` keeps it escaped; ``|urlencode``
    gets the plain text (see :func:`urlencode_plain`)."""
    return StrippedText(escape(Markup(str(value if value is not None else "")).striptags()))


def urlencode_plain(urlencode):
    """Jinja's ``urlencode`` filter, given the plain text of a :func:`safe_striptags` result (a
    share link's ``?text={{ title|striptags|urlencode }}`` must not carry ``&amp;``)."""
    def run(value, *args, **kwargs):
        return urlencode(value.unescape() if isinstance(value, StrippedText) else value, *args, **kwargs)
    return run
