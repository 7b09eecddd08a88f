"""Pelican settings for the newsgraph demo site."""
import os

AUTHOR = "newsgraph demo"
SITENAME = "newsgraph demo — who said what"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["newsgraph"]
DEFAULT_PAGINATION = 20
ARTICLE_URL = "{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{slug}/index.html"
FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
CACHE_PATH = "cache"
LOAD_CONTENT_CACHE = True
RELATIVE_URLS = True  # browse output/ from disk or `make serve`
# Development build: feeds, JSON-LD, canonical links and the sitemap need absolute URLs even when
# pages use relative ones, so they use this placeholder (a reserved example domain). The published
# site is built with publishconf.py (`make publish`), where everything is on SITEURL.
FEED_DOMAIN = "https://example.org"

# newsgraph (every NEWSGRAPH_* setting has a default; see plugins/newsgraph/settings.py)
NEWSGRAPH_WORKERS = 1
NEWSGRAPH_TAG_MIN_MENTIONS = 2
NEWSGRAPH_QUOTES_PER_PAGE = 20
_aliases = os.path.join(os.path.dirname(os.path.abspath(__file__)), "newsgraph-aliases.yaml")
NEWSGRAPH_ALIASES = _aliases if os.path.exists(_aliases) else None
