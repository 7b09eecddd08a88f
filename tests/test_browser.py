"""Headless Chromium opens a speaker page and an article page of a small site built with the
demo theme and the plugin: the pages render (the screenshot has content), the stylesheet loads,
the layout fits a phone screen, and the browser console shows no errors."""
from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from browser_util import make_driver, open_page, png_stats
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.browser

ARTICLES = {
    "bridge.md": """Title: City opens the new river bridge
Date: 2021-04-02
Category: Local

The new river bridge opened to traffic on Thursday after three years of work.

"This bridge connects two halves of our city that were apart for too long," said Mayor Jane Porter.

Engineers from the Harbour Works Company inspected the deck on Wednesday.

"We tested every cable twice," said chief engineer Tomas Lindqvist. "It will stand for a century."

Porter said the old ferry would keep running on weekends.
""",
    "budget.md": """Title: Council approves the bridge maintenance budget
Date: 2021-05-10
Category: Local

The city council approved a maintenance budget for the river bridge on Monday.

"Looking after what we build is cheaper than rebuilding it," said Mayor Jane Porter.

Council member Ada Osei voted against the plan. "The budget ignores the ferry," Osei said.
""",
    # a long article: the quote is far below the first screen
    "ferry.md": """Title: Weekend ferry keeps running
Date: 2021-06-01
Category: Local

""" + "\n\n".join(f"Paragraph {i} of the ferry report describes the timetable, the crossings and the boats "
                   "in some detail, so that this article is much longer than one screen." for i in range(1, 31)) + """

"The ferry is part of who we are," said Mayor Jane Porter at the pier on Saturday.

The ferry runs every hour on Saturdays and Sundays.
""",
}

# Only what the demo theme's stylesheet sets: proves the CSS file was found and applied.
STYLE_PROBE = """
const s = getComputedStyle(document.querySelector('.site-header'));
return {
  headerBorder: s.borderBottomStyle,
  overflow: document.documentElement.scrollWidth - window.innerWidth,
  lang: document.documentElement.lang,
  h1: (document.querySelector('h1') || {}).textContent || '',
};
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from sitebuild import build

    res = build(tmp_path_factory.mktemp("browser-site"), ARTICLES, theme=str(ROOT / "theme"),
                settings={"RELATIVE_URLS": True})   # relative links work over file://
    return res.output


@pytest.fixture(scope="module")
def driver():
    d = make_driver()
    yield d
    d.quit()


def speaker_page(site: Path, name: str) -> Path:
    """The speaker page linked from the speaker index for ``name``."""
    index = BeautifulSoup((site / "speakers" / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = next((a for a in index.select("table a") if a.get_text(strip=True) == name), None)
    assert link is not None, f"{name} not on the speaker index"
    path = (site / "speakers" / link["href"]).resolve()
    return path / "index.html" if path.is_dir() else path


def assert_renders(result, min_colours: int = 8):
    assert result.alerts == []
    assert result.errors() == [], result.console
    stats = png_stats(result.screenshot)
    assert stats.width > 0 and stats.height > 0
    # a blank or single-colour page has one colour; a rendered page has text, rules, links…
    assert stats.colours >= min_colours and stats.dominant_share < 0.98, stats


def test_speaker_page_renders_without_console_errors(site, driver):
    page = speaker_page(site, "Jane Porter")
    result = open_page(page, driver=driver, evaluate=STYLE_PROBE)
    assert_renders(result)
    assert result.value["h1"].strip() == "Jane Porter"
    assert result.value["headerBorder"] == "solid"      # theme CSS loaded over file://
    assert "Jane Porter" in result.title
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in html.select(".speaker-quotes a")]
    assert any("#quote-" in h for h in links)


def test_article_page_renders_without_console_errors(site, driver):
    page = site / "city-opens-the-new-river-bridge.html"
    result = open_page(page, driver=driver, evaluate=STYLE_PROBE)
    assert_renders(result)
    assert result.value["h1"].strip() == "City opens the new river bridge"
    assert result.value["lang"] == "en"
    assert result.value["headerBorder"] == "solid"
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    quoted = [a.get_text(strip=True) for a in html.select(".whos-quoted a")]
    assert "Jane Porter" in quoted
    assert html.find(id="quote-1") is not None


@pytest.mark.parametrize("which", ["article", "speaker"])
def test_pages_fit_a_phone_screen(site, driver, which):
    page = site / "city-opens-the-new-river-bridge.html" if which == "article" else speaker_page(site, "Jane Porter")
    result = open_page(page, driver=driver, width=390, height=844, evaluate=STYLE_PROBE)
    assert_renders(result)
    assert result.value["overflow"] <= 0, "page scrolls sideways on a 390px-wide screen"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_pages_over_http_request_nothing_missing(site, driver):
    """Served over HTTP (as `make serve` does) every request succeeds: no 404 for a favicon or CSS."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        for rel in ("city-opens-the-new-river-bridge.html",
                    speaker_page(site, "Jane Porter").relative_to(site).as_posix(), "speakers/index.html"):
            result = open_page(f"{base}/{rel}", driver=driver, evaluate=STYLE_PROBE)
            assert_renders(result)
            assert result.value["headerBorder"] == "solid"
    finally:
        server.shutdown()
        server.server_close()


QUOTE_PROBE = """
const el = document.getElementById(location.hash.slice(1));
if (!el) return {found: false, hash: location.hash};
const box = el.getBoundingClientRect();
return {found: true, hash: location.hash, tag: el.tagName, cls: el.className,
        inBody: !!el.closest('.article-body'), text: el.textContent,
        top: box.top, bottom: box.bottom, viewport: window.innerHeight, scrolled: window.scrollY,
        background: getComputedStyle(el).backgroundColor,
        other: getComputedStyle(document.querySelector('mark.newsgraph-quote:not(:target)') || document.body).backgroundColor};
"""


def test_in_article_link_from_a_speaker_page_scrolls_to_the_marked_quote(site, driver):
    from selenium.webdriver.common.by import By

    driver.set_window_size(1280, 800)
    driver.get(speaker_page(site, "Jane Porter").as_uri())
    link = next(a for a in driver.find_elements(By.CSS_SELECTOR, ".speaker-quotes a[href*='#quote-']")
                if "ferry" in a.get_attribute("href"))
    driver.execute_script("arguments[0].scrollIntoView(); arguments[0].click();", link)
    probe = driver.execute_script(QUOTE_PROBE)
    assert probe["found"] and probe["tag"] == "MARK" and probe["inBody"], probe   # in the text, not the list
    assert probe["text"].startswith("The ferry is part of who we are")
    assert probe["scrolled"] > 0 and 0 <= probe["top"] < probe["viewport"], probe   # scrolled to it
    assert probe["background"] != probe["other"] and probe["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert driver.get_log("browser") == [] or all(m["level"] != "SEVERE" for m in driver.get_log("browser"))


# --- pictures (inline SVG charts) --------------------------------------------------------

CHART_PROBE = """
const out = {overflow: document.documentElement.scrollWidth - window.innerWidth, charts: []};
for (const f of document.querySelectorAll('figure.newsgraph-chart')) {
  const svg = f.querySelector('svg'), r = svg.getBoundingClientRect();
  let right = r.right;
  for (const t of svg.querySelectorAll('text')) right = Math.max(right, t.getBoundingClientRect().right);
  let left = r.left;
  for (const t of svg.querySelectorAll('text')) left = Math.min(left, t.getBoundingClientRect().left);
  const fill = svg.querySelector('.ng-quoted, .ng-node, .ng-bar');
  out.charts.push({kind: f.className, width: r.width, height: r.height, left: left, right: right,
                   fill: fill ? getComputedStyle(fill).fill : '', links: svg.querySelectorAll('a').length});
}
out.viewport = window.innerWidth;
return out;
"""


@pytest.fixture(scope="module")
def chart_site(tmp_path_factory):
    from chart_site import ARTICLES as CHART_ARTICLES
    from sitebuild import build

    return build(tmp_path_factory.mktemp("browser-charts"), CHART_ARTICLES, theme=str(ROOT / "theme"),
                 settings={"RELATIVE_URLS": True}).output


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("page,expected", [("speakers/jane-porter/index.html", 2), ("tag/jane-porter.html", 1),
                                           ("speakers/index.html", 1)])
def test_pictures_are_visible_fit_the_screen_and_use_the_theme_colours(chart_site, driver, page, expected, width,
                                                                      tmp_path_factory):
    result = open_page(chart_site / page, driver=driver, width=width, height=1400, evaluate=CHART_PROBE)
    shots = tmp_path_factory.getbasetemp() / "chart-screenshots"
    shots.mkdir(exist_ok=True)
    (shots / f"{page.replace('/', '_')}-{width}.png").write_bytes(result.screenshot)   # for a look by hand
    assert_renders(result)
    info = result.value
    assert info["overflow"] <= 0, "page scrolls sideways"
    assert len(info["charts"]) == expected
    for chart in info["charts"]:
        assert chart["width"] > 200 and chart["height"] > 50, chart                 # visible
        assert chart["left"] >= 0 and chart["right"] <= info["viewport"], chart     # labels on screen
        assert chart["fill"] not in ("", "rgb(0, 0, 0)"), chart                     # the theme's colours applied


def test_links_in_a_picture_lead_to_the_speaker_pages(chart_site, driver):
    """Served over HTTP (pretty URLs ``speakers/<slug>/`` need a server), clicking a node of the
    topic's network opens that speaker's page."""
    from selenium.webdriver.common.by import By

    handler = functools.partial(_QuietHandler, directory=str(chart_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        open_page(f"http://127.0.0.1:{server.server_port}/tag/jane-porter.html", driver=driver)
        links = driver.find_elements(By.CSS_SELECTOR, "figure.newsgraph-chart-network svg a")
        names = [a.find_element(By.CSS_SELECTOR, "title").get_attribute("textContent") for a in links]
        assert any(n.startswith("Ada Osei") for n in names), names
        links[[n.startswith("Ada Osei") for n in names].index(True)].click()
        assert driver.title.startswith("Ada Osei"), driver.current_url
        assert driver.current_url.endswith("/speakers/ada-osei/")
    finally:
        server.shutdown()
        server.server_close()
