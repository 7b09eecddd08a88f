"""Reading input files with bounded resources: only regular files, at most a given size.

Opening a FIFO blocks until some other process writes to it, and a device such as
``/dev/zero`` never ends; an article, an alias file or a cache entry is neither. The file is
opened without blocking (``O_NONBLOCK``) and refused unless it is a regular file, then read up
to a size limit, so a bad path costs a warning, never a hung or exhausted build.
"""
from __future__ import annotations

import os
import stat
from typing import BinaryIO

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


class NotRegular(OSError):
    """The path is a FIFO, a device, a socket or a directory: not a file to read."""


class TooLarge(OSError):
    """The file is larger than the limit given."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory"
    if stat.S_ISFIFO(mode):
        return "not a regular file (a FIFO or pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "not a regular file (a device)"
    if stat.S_ISSOCK(mode):
        return "not a regular file (a socket)"
    return "not a regular file"


def open_regular(path: str) -> BinaryIO:
    """``open(path, "rb")`` for a regular file; :class:`NotRegular` (without waiting for a
    writer or reading a byte) for anything else; other ``OSError`` s as ``open`` raises them."""
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegular(_kind(mode))
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bounded(f: BinaryIO, max_bytes: int) -> bytes:
    """At most ``max_bytes`` bytes of an open file (stdin included); :class:`TooLarge` if it has more."""
    raw = f.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise TooLarge(f"too large (over {describe_size(max_bytes)})")
    return raw


def read_regular(path: str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (see :func:`open_regular`)."""
    with open_regular(path) as f:
        return read_bounded(f, max_bytes)


def describe_size(n: int) -> str:
    """``5 MB``, ``300 kB``, ``12 bytes``: a size limit as a warning states it."""
    for unit, size in (("MB", 1_000_000), ("kB", 1_000)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    return f"{n} bytes"
