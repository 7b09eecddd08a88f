"""Pelican settings for publishing the newsgraph demo site (`make publish`).

Pelican's own convention: the development settings (pelicanconf.py) plus what a published site
needs. Every absolute URL (pages, feeds, JSON-LD, canonical links, sitemap) is on SITEURL.
Override the address without editing this file: `make publish SITEURL=https://news.example.net`.
"""
import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = os.environ.get("SITEURL", "https://news.example.org").rstrip("/")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
DELETE_OUTPUT_DIRECTORY = True
