"""Pelican settings for the newsgraph demo site."""
import os

AUTHOR = "newsgraph demo"
SITENAME = "newsgraph demo — who said what"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
# The demo theme; Pelican's default theme until theme/templates exists.
THEME = "theme" if os.path.isdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "theme", "templates")) \
    else "notmyidea"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["newsgraph"]
DEFAULT_PAGINATION = 20
ARTICLE_URL = "{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{slug}/index.html"
FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
CACHE_PATH = "cache"
LOAD_CONTENT_CACHE = True
RELATIVE_URLS = True

# newsgraph (every NEWSGRAPH_* setting has a default; see plugins/newsgraph/settings.py)
NEWSGRAPH_WORKERS = 1
NEWSGRAPH_TAG_MIN_MENTIONS = 2
NEWSGRAPH_QUOTES_PER_PAGE = 20
_aliases = os.path.join(os.path.dirname(os.path.abspath(__file__)), "newsgraph-aliases.yaml")
NEWSGRAPH_ALIASES = _aliases if os.path.exists(_aliases) else None
