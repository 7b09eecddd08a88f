#!/usr/bin/env python3
"""Convert the Wikinews CSV corpus (url, date, title, text) into Pelican Markdown articles.

    python scripts/wikinews_to_markdown.py                      # ../shared/corpora/wikinews/*.csv -> content/wikinews/
    python scripts/wikinews_to_markdown.py a.csv b.csv --out DIR

Each article keeps its real title, date and source URL as metadata, with the CC BY 2.5
attribution fields the theme shows on the article page (Source, Source_name, License,
License_url, Changes). The dateline line ("Friday, January 4, 2019") is dropped from the body
(the date is kept in ``Date``); paragraphs stay paragraphs, a single line break stays a line
break, and Markdown syntax characters in the text are escaped so the page shows the text as
written. Wikinews maintenance lines (review banners, "Article last amended …") are dropped; rows
that are not news articles for a demo are skipped with a warning: test and project pages, and
interviews whose answers the scrape lost (most questions followed by another question). The
output folder is generated: its ``*.md`` files are replaced on every run.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = ROOT.parent / "shared" / "corpora" / "wikinews"
DEFAULT_OUT = ROOT / "content" / "wikinews"

LICENSE = "CC BY 2.5"
LICENSE_URL = "https://creativecommons.org/licenses/by/2.5/"
SOURCE_NAME = "Wikinews"
CATEGORY = "Wikinews"
AUTHOR = "Wikinews contributors"
CHANGES = "converted to Markdown"

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATELINE = re.compile(
    rf"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+((?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}})$")

# Characters Python-Markdown (with Pelican's default "extra" extensions) treats as syntax anywhere
# in a line; all are in Markdown's backslash-escapable set.
_INLINE = re.compile(r"([\\`*_{}\[\]|])")
_ENTITY = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
# Line openings that would start a block (heading, quote, list, rule, fence, definition, table …).
_LINE_START_BACKSLASH = re.compile(r"^([#>+\-])")
_ORDERED = re.compile(r"^(\d+)([.)])")
_LINE_START_ENTITY = {"=": "&#61;", ":": "&#58;", "~": "&#126;"}


#: Wikinews maintenance notices scraped into the text (review banners, edit stamps): not the story.
MAINTENANCE = re.compile(r"^\s*(?:This article requires (?:pre-publication )?review\b|-?\s*Article last amended:)", re.I)
#: Pages that are not news articles: test pages, Wikinews' own namespaces.
NOT_ARTICLE_TITLE = re.compile(r"^(?:TEST PAGE|Wikinews|User|Template|Portal|Category|Help|Talk)\s*:", re.I)
NOT_ARTICLE_TEXT = re.compile(r"^\s*This is a test page\b", re.I)
#: An interviewer's question paragraph: "((WN)) …?" (Wikinews reporters sign questions so).
QUESTION = re.compile(r"^\(\((?:WN|WSS|Wikinews)\)\)\s*:?\s*\S.*\?\W*$", re.S)


def drop_maintenance(text: str) -> str:
    """The text without Wikinews maintenance lines (see ``MAINTENANCE``)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(ln for ln in lines if not MAINTENANCE.match(ln))


def unanswered_questions(text: str) -> tuple[int, int]:
    """(interview questions, questions not followed by an answer) of a text: the scraped corpus
    lost the answers of some interviews (they were set apart in the page), leaving runs of questions."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    asked = [i for i, p in enumerate(paras) if QUESTION.match(p)]
    open_ = [i for i in asked if i + 1 >= len(paras) or QUESTION.match(paras[i + 1])]
    return len(asked), len(open_)


def not_a_news_article(title: str, text: str) -> str | None:
    """Why a row is not a news article for the demo (None when it is one)."""
    if NOT_ARTICLE_TITLE.match(title) or NOT_ARTICLE_TEXT.match(text):
        return "a test or project page"
    asked, unanswered = unanswered_questions(text)
    if asked >= 3 and 2 * unanswered >= asked:
        return f"an interview whose answers are missing ({unanswered} of {asked} questions unanswered)"
    return None


@dataclass
class Article:
    title: str
    date: dt.date
    url: str
    body: str          # Markdown
    slug: str = ""


def warn(msg: str) -> None:
    print(f"warning: {msg}", file=sys.stderr)


def escape_line(line: str) -> str:
    """One line of plain text -> Markdown that renders as the same text."""
    line = _ENTITY.sub("&amp;", line)
    line = line.replace("<", "&lt;")
    line = _INLINE.sub(r"\\\1", line)
    if line[:1] in _LINE_START_ENTITY:
        return _LINE_START_ENTITY[line[0]] + line[1:]
    line = _LINE_START_BACKSLASH.sub(r"\\\1", line)
    return _ORDERED.sub(r"\1\\\2", line)


def text_to_markdown(text: str) -> str:
    """Paragraphs (blank-line separated) -> Markdown paragraphs; a single newline -> a line break."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [escape_line(ln.strip()) for ln in block.split("\n")]
        lines = [ln for ln in lines if ln]
        if lines:
            paragraphs.append("  \n".join(lines))   # two trailing spaces: a Markdown line break
    return "\n\n".join(paragraphs) + "\n"


def split_dateline(text: str) -> tuple[dt.date | None, str]:
    """(date of the dateline, text without it) when the first non-blank line is a dateline."""
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    m = DATELINE.match(first.strip())
    if not m:
        return None, text
    date = dt.datetime.strptime(re.sub(r"\s+", " ", m.group(1)), "%B %d, %Y").date()
    return date, rest


def canonical_url(url: str) -> str:
    """The scraped URLs have a doubled slash (``…org//wiki/…``); collapse it."""
    parts = urlsplit(url.strip())
    return urlunsplit(parts._replace(path=re.sub(r"/{2,}", "/", parts.path)))


def one_line(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def slugify(title: str) -> str:
    """Pelican's own slugify, with Pelican's default substitutions."""
    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import slugify as pelican_slugify

    return pelican_slugify(title, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def read_csv(path: Path) -> list[Article]:
    """Articles of one CSV file; bad rows are reported (file, row, reason) and skipped."""
    out = []
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = {"url", "date", "title", "text"} - set(reader.fieldnames or ())
        if missing:
            warn(f"{path}: missing column(s) {', '.join(sorted(missing))}; file skipped")
            return out
        for n, row in enumerate(reader, 2):   # row 1 is the header
            where = f"{path}:{n}"
            title, url, text = (one_line(row.get("title") or ""), (row.get("url") or "").strip(),
                                row.get("text") or "")
            text = drop_maintenance(text)
            line_date, body = split_dateline(text)
            try:
                date = dt.date.fromisoformat((row.get("date") or "").strip())
            except ValueError:
                date = line_date
                if date is None:
                    warn(f"{where}: no valid date ({row.get('date')!r}) and no dateline; row skipped")
                    continue
                warn(f"{where}: invalid date {row.get('date')!r}; using the dateline's {date}")
            if line_date and line_date != date:
                warn(f"{where}: dateline says {line_date}, date column {date}; keeping the date column")
            if not title or not url:
                warn(f"{where}: missing {'title' if not title else 'url'}; row skipped")
                continue
            why = not_a_news_article(title, body)
            if why:
                warn(f"{where}: {title!r} is {why}; row skipped")
                continue
            markdown = text_to_markdown(body)
            if not markdown.strip():
                warn(f"{where}: empty text; row skipped")
                continue
            out.append(Article(title=title, date=date, url=canonical_url(url), body=markdown))
    return out


def render(art: Article) -> str:
    meta = [
        ("Title", html.escape(art.title, quote=False)),   # Pelican titles are HTML
        ("Date", art.date.isoformat()),
        ("Slug", art.slug),
        ("Category", CATEGORY),
        ("Author", AUTHOR),
        ("Source", art.url),
        ("Source_name", SOURCE_NAME),
        ("License", LICENSE),
        ("License_url", LICENSE_URL),
        ("Changes", CHANGES),
    ]
    return "".join(f"{k}: {one_line(v)}\n" for k, v in meta) + "\n" + art.body


def convert(csv_paths: list[Path], out_dir: Path) -> list[Path]:
    """Write one ``<date>-<slug>.md`` per article into ``out_dir`` (replacing its old ``*.md``)."""
    articles = [a for p in csv_paths for a in read_csv(p)]
    articles.sort(key=lambda a: (a.date, a.title))
    seen: set[str] = set()
    for a in articles:
        base = slugify(a.title) or "article"
        slug, i = base, 2
        while slug in seen:
            slug, i = f"{base}-{i}", i + 1
        seen.add(slug)
        a.slug = slug
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.md"):
        old.unlink()
    written = []
    for a in articles:
        path = out_dir / f"{a.date.isoformat()}-{a.slug}.md"
        path.write_text(render(a), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", nargs="*", type=Path, help=f"CSV files (default: {DEFAULT_SOURCES}/*.csv)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: content/wikinews)")
    args = ap.parse_args(argv)
    paths = args.csv or sorted(DEFAULT_SOURCES.glob("*.csv"))
    if not paths:
        print(f"no Wikinews CSV files found (looked in {DEFAULT_SOURCES}); content/ left as it is",
              file=sys.stderr)
        return 2
    written = convert(paths, args.out)
    print(f"wrote {len(written)} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
