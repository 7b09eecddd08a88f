"""Headless Chromium for the browser tests: open a page, take a screenshot, read the console.

    result = open_page(output / "speakers" / "index.html")   # a path (file://) or a URL
    result.screenshot  # PNG bytes
    result.console     # [{"level": "SEVERE", "message": "...", ...}, ...]
    result.alerts      # texts of any alert() dialogs that were open

The calling test is skipped (``pytest.skip``) when selenium, chromium or chromedriver are absent.
Only the standard library is used to inspect screenshots (``png_stats``).
"""
from __future__ import annotations

import os
import shutil
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMEDRIVER_CANDIDATES = ("/usr/bin/chromedriver",)
CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-dev-shm-usage")


@dataclass
class PageResult:
    url: str
    title: str
    screenshot: bytes
    console: list[dict] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)
    value: object = None          # result of the ``evaluate`` script, if any

    def errors(self) -> list[dict]:
        """Console messages at level SEVERE (JavaScript errors, failed loads, CSP violations)."""
        return [m for m in self.console if m.get("level") == "SEVERE"]


def _find(env: str, candidates: tuple[str, ...], name: str) -> str | None:
    path = os.environ.get(env)
    if path and os.access(path, os.X_OK):
        return path
    for c in candidates:
        if os.access(c, os.X_OK):
            return c
    return shutil.which(name)


def browser_paths() -> tuple[str, str]:
    """(chromium, chromedriver), or skip the calling test when either is missing."""
    chromium = _find("CHROMIUM", CHROMIUM_CANDIDATES, "chromium")
    driver = _find("CHROMEDRIVER", CHROMEDRIVER_CANDIDATES, "chromedriver")
    if not chromium or not driver:
        pytest.skip("headless Chromium or chromedriver not installed (apt-get install chromium chromium-driver)")
    return chromium, driver


def make_driver(width: int = 1280, height: int = 1000):
    """A headless Chrome WebDriver that records the browser console."""
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    chromium, driver_path = browser_paths()
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in CHROME_FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--window-size={width},{height}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        return webdriver.Chrome(service=Service(executable_path=driver_path), options=opts)
    except Exception as exc:  # noqa: BLE001 — a broken local browser install is a skip, not a failure
        pytest.skip(f"could not start headless Chromium: {exc}".splitlines()[0])


def to_url(path_or_url: str | os.PathLike) -> str:
    s = str(path_or_url)
    if "://" in s:
        return s
    return Path(s).resolve().as_uri()


def open_page(path_or_url: str | os.PathLike, driver=None, width: int = 1280, height: int = 1000,
              evaluate: str | None = None) -> PageResult:
    """Load one page and return its screenshot, console messages and any alert texts.

    evaluate: JavaScript run in the loaded page (``return …``); its result is ``.value``.
    """
    own = driver is None
    if own:
        driver = make_driver(width, height)
    try:
        driver.set_window_size(width, height)
        url = to_url(path_or_url)
        driver.get(url)
        alerts = []
        try:  # an alert() would block everything else; record and dismiss it
            alert = driver.switch_to.alert
            alerts.append(alert.text)
            alert.dismiss()
        except Exception:  # noqa: BLE001 — NoAlertPresentException: the normal case
            pass
        value = driver.execute_script(evaluate) if evaluate else None
        shot = driver.get_screenshot_as_png()
        console = driver.get_log("browser")
        return PageResult(url=url, title=driver.title, screenshot=shot, console=console, alerts=alerts, value=value)
    finally:
        if own:
            driver.quit()


# --- PNG inspection with the standard library only ---------------------------------------

def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode_png(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """(width, height, bytes per pixel, rows) of an 8-bit RGB/RGBA/grey PNG (what Chrome writes)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, [], 0
    while pos < len(data):
        length, ctype = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if ctype == b"IHDR":
            width, height, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", chunk)
            if depth != 8 or interlace:
                raise ValueError(f"unsupported PNG (depth {depth}, interlace {interlace})")
            bpp = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
        elif ctype == b"IDAT":
            idat.append(chunk)
        elif ctype == b"IEND":
            break
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 0xFF
            elif ftype == 2:
                line[x] = (line[x] + b) & 0xFF
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                line[x] = (line[x] + _paeth(a, b, c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


@dataclass
class PngStats:
    width: int
    height: int
    colours: int              # distinct colours among the sampled pixels
    dominant_share: float     # share of sampled pixels having the most common colour


def png_stats(data: bytes, step: int = 3) -> PngStats:
    """Colour statistics of a screenshot, sampling every ``step``-th pixel of every ``step``-th row."""
    width, height, bpp, rows = decode_png(data)
    counts: dict[bytes, int] = {}
    for row in rows[::step]:
        for x in range(0, width * bpp, bpp * step):
            px = row[x:x + min(bpp, 3)]
            counts[px] = counts.get(px, 0) + 1
    total = sum(counts.values()) or 1
    return PngStats(width, height, len(counts), max(counts.values(), default=0) / total)
