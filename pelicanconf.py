"""Pelican settings for the newsgraph demo site."""
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
RELATIVE_URLS = True
