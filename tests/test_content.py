"""scripts/wikinews_to_markdown.py on small hand-made CSVs, and the demo content's invariants."""
from __future__ import annotations

import csv
import importlib.util
import re
import sys
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SPEC = importlib.util.spec_from_file_location("wikinews_to_markdown", ROOT / "scripts" / "wikinews_to_markdown.py")
w2m = importlib.util.module_from_spec(SPEC)
sys.modules[SPEC.name] = w2m
SPEC.loader.exec_module(w2m)


def write_csv(path: Path, rows: list[dict]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["url", "date", "title", "text"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def parse(path: Path) -> tuple[dict[str, str], str]:
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    meta = dict(line.split(": ", 1) for line in head.splitlines())
    return meta, body


def render(md_text: str) -> BeautifulSoup:
    """A body as Pelican renders it: after a metadata header, with Pelican's default Markdown extensions."""
    from pelican.settings import DEFAULT_CONFIG

    cfg = DEFAULT_CONFIG["MARKDOWN"]
    md = markdown.Markdown(extensions=list(cfg["extension_configs"]), extension_configs=cfg["extension_configs"],
                           output_format=cfg["output_format"])
    return BeautifulSoup(md.convert("Title: T\n\n" + md_text), "html.parser")


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.fixture
def converted(tmp_path):
    rows = [
        {"url": "https://en.wikinews.org//wiki/Mayor_opens_bridge", "date": "2019-03-08",
         "title": "Mayor opens bridge",
         "text": "Friday, March 8, 2019\xa0\n\n\nThe mayor opened the bridge on Thursday.\n\n\n"
                 "\"It is a great day,\" the mayor said.\n\n\n—The mayor, speaking at the opening\n"},
        {"url": "https://en.wikinews.org/wiki/Storm_hits_coast", "date": "2020-01-05",
         "title": "Storm hits coast",
         "text": "On Saturday a storm hit the coast.\n\n\nNo one was hurt."},
    ]
    src = write_csv(tmp_path / "news.csv", rows)
    out = tmp_path / "out"
    paths = w2m.convert([src], out)
    return {p.name: p for p in paths}


def test_titles_dates_urls_and_attribution_metadata(converted):
    assert sorted(converted) == ["2019-03-08-mayor-opens-bridge.md", "2020-01-05-storm-hits-coast.md"]
    meta, _ = parse(converted["2019-03-08-mayor-opens-bridge.md"])
    assert meta["Title"] == "Mayor opens bridge"
    assert meta["Date"] == "2019-03-08"
    assert meta["Slug"] == "mayor-opens-bridge"
    assert meta["Source"] == "https://en.wikinews.org/wiki/Mayor_opens_bridge"   # doubled slash collapsed
    assert meta["Category"] == "Wikinews"
    assert meta["License"] == "CC BY 2.5"
    assert meta["License_url"] == "https://creativecommons.org/licenses/by/2.5/"
    assert meta["Source_name"] == "Wikinews"
    assert meta["Changes"] == "converted to Markdown"
    meta2, _ = parse(converted["2020-01-05-storm-hits-coast.md"])
    assert meta2["Source"] == "https://en.wikinews.org/wiki/Storm_hits_coast"
    assert meta2["Date"] == "2020-01-05"


def test_dateline_removed_paragraphs_kept(converted):
    _, body = parse(converted["2019-03-08-mayor-opens-bridge.md"])
    assert "March 8, 2019" not in body
    paras = [p.get_text() for p in render(body).find_all("p")]
    assert paras == ["The mayor opened the bridge on Thursday.", "\"It is a great day,\" the mayor said.",
                     "—The mayor, speaking at the opening"]
    # no dateline: the first line is text and stays
    _, body2 = parse(converted["2020-01-05-storm-hits-coast.md"])
    assert [p.get_text() for p in render(body2).find_all("p")] == ["On Saturday a storm hit the coast.",
                                                                    "No one was hurt."]


def test_csv_doubled_quotes_are_undoubled(tmp_path):
    raw = ('url,date,title,text\n'
           '"https://en.wikinews.org/wiki/Q",2019-02-01,"Minister says ""no""","Friday, February 1, 2019\n\n\n'
           '""We will not move,"" the minister said."\n')
    (tmp_path / "q.csv").write_text(raw, encoding="utf-8")
    [path] = w2m.convert([tmp_path / "q.csv"], tmp_path / "out")
    meta, body = parse(path)
    assert meta["Title"] == 'Minister says "no"'
    assert body.strip() == '"We will not move," the minister said.'


TRICKY = [
    "# Not a heading",
    "* not a list item",
    "- not a list item either",
    "+ nor this",
    "1. Not an ordered list",
    "2) Nor this",
    "> not a blockquote",
    "<b>not bold</b> and <script>alert(1)</script>",
    "[not a link](http://example.org) and ![no image](x.png)",
    "_not emphasis_ and *not emphasis* and **not strong** and `not code`",
    "a | b | c",
    "Term",
    ": not a definition",
    "~~~",
    "```",
    "----",
    "====",
    "&amp; stays literal, &#169; too, and AT&T is fine",
    "    four spaces are not code",
    "back\\slash and {: .not-attr} and [^1] no footnote",
    "*[HTML]: not an abbreviation",
    "[ref]: http://example.org not a reference",
]


@pytest.mark.parametrize("line", TRICKY)
def test_markdown_syntax_in_text_renders_as_written(tmp_path, line):
    text = f"Friday, March 8, 2019\n\n\nBefore.\n\n\n{line}\n\n\nAfter."
    src = write_csv(tmp_path / "t.csv", [{"url": "https://en.wikinews.org/wiki/T", "date": "2019-03-08",
                                          "title": "T", "text": text}])
    [path] = w2m.convert([src], tmp_path / "out")
    _, body = parse(path)
    soup = render(body)
    assert {t.name for t in soup.find_all(True)} <= {"p", "br"}, (line, str(soup))
    assert [norm(p.get_text()) for p in soup.find_all("p")] == ["Before.", norm(line), "After."]


BLOCKS = [
    "Not a setext heading\n=====",
    "Nor this one\n-----",
    "a | b\n--- | ---\n1 | 2",
    "Term\n: not a definition",
    "~~~\nnot fenced code\n~~~",
    "Text\n# not a heading inside a paragraph",
    "Text\n> not a quote inside a paragraph",
]


@pytest.mark.parametrize("block", BLOCKS)
def test_multiline_markdown_constructs_render_as_written(block):
    soup = render(w2m.text_to_markdown(block))
    assert {t.name for t in soup.find_all(True)} <= {"p", "br"}, (block, str(soup))
    assert [norm(p.get_text()) for p in soup.find_all("p")] == [norm(block)]


def test_single_newlines_stay_line_breaks():
    md = w2m.text_to_markdown("Footnotes:\n1. Unofficial results\n2. Relative to last time")
    soup = render(md)
    assert len(soup.find_all("p")) == 1
    assert len(soup.find_all("br")) == 2
    assert norm(soup.get_text()) == "Footnotes: 1. Unofficial results 2. Relative to last time"


def test_title_is_html_escaped_and_slugs_unique(tmp_path):
    rows = [{"url": "https://en.wikinews.org/wiki/A", "date": "2019-01-01", "title": "Q&A <live>", "text": "One."},
            {"url": "https://en.wikinews.org/wiki/B", "date": "2019-01-02", "title": "Q&A <live>", "text": "Two."}]
    paths = w2m.convert([write_csv(tmp_path / "s.csv", rows)], tmp_path / "out")
    metas = [parse(p)[0] for p in paths]
    assert [m["Title"] for m in metas] == ["Q&amp;A &lt;live&gt;"] * 2
    assert metas[0]["Slug"] != metas[1]["Slug"]


def test_bad_rows_are_reported_not_fatal(tmp_path, capsys):
    rows = [{"url": "https://en.wikinews.org/wiki/Ok", "date": "2019-05-01", "title": "Ok", "text": "Fine."},
            {"url": "https://en.wikinews.org/wiki/NoTitle", "date": "2019-05-01", "title": "", "text": "Text."},
            {"url": "https://en.wikinews.org/wiki/Empty", "date": "2019-05-02", "title": "Empty",
             "text": "Thursday, May 2, 2019\n\n"},
            {"url": "https://en.wikinews.org/wiki/Dateless", "date": "soon", "title": "Dateless",
             "text": "Friday, May 3, 2019\n\nText."}]
    src = write_csv(tmp_path / "bad.csv", rows)
    paths = w2m.convert([src], tmp_path / "out")
    err = capsys.readouterr().err
    assert f"{src}:3: missing title" in err
    assert f"{src}:4: empty text" in err
    assert f"{src}:5: invalid date 'soon'" in err
    names = sorted(p.name for p in paths)
    assert names == ["2019-05-01-ok.md", "2019-05-03-dateless.md"]   # date recovered from the dateline


def test_rerun_replaces_generated_files(tmp_path):
    out = tmp_path / "out"
    w2m.convert([write_csv(tmp_path / "a.csv", [{"url": "https://x.org/wiki/A", "date": "2019-01-01",
                                                  "title": "Old", "text": "Old."}])], out)
    w2m.convert([write_csv(tmp_path / "b.csv", [{"url": "https://x.org/wiki/B", "date": "2019-01-02",
                                                  "title": "New", "text": "New."}])], out)
    assert sorted(p.name for p in out.glob("*.md")) == ["2019-01-02-new.md"]


def test_main_without_csv_files_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(w2m, "DEFAULT_SOURCES", tmp_path / "nowhere")
    assert w2m.main(["--out", str(tmp_path / "out")]) == 2
    assert "no Wikinews CSV files found" in capsys.readouterr().err


# --- the committed demo content ------------------------------------------------------------

SEED_SHA256 = "61e54e274fb051d7a640570f7bf3af5af8e2afeb92bbbdf99c5b5fab1249eb86"


def test_seed_article_is_the_scrape_with_its_title_once():
    import hashlib
    seed = (ROOT / "content" / "seed" / "000_c0eb73401adad504.txt").read_bytes()
    assert hashlib.sha256(seed).hexdigest() == SEED_SHA256          # the original stays untouched
    md = (ROOT / "content" / "sessions-ms13.md").read_bytes()
    header, sep, body = md.partition(b"\n\n")
    title = seed.decode().splitlines()[0]
    meta = dict(line.split(": ", 1) for line in header.decode().splitlines())
    assert meta["Title"] == title
    assert "Tags" not in meta          # the MS-13 topic must come from the plugin, not from us
    # the body is the scrape from the first line that is not the headline (printed once, as the h1)
    assert sep and seed.endswith(body) and title not in body.decode()
    assert seed[: len(seed) - len(body)].decode().replace(title, "").strip() == ""
    assert body.decode().startswith("© Camille Fine\n")               # the credit stays: the engine copes


def test_wikinews_content_carries_attribution():
    files = sorted((ROOT / "content" / "wikinews").glob("*.md"))
    assert files, "content/wikinews/ is empty: run `make content`"
    for path in files:
        meta, body = parse(path)
        assert meta["Source"].startswith("https://en.wikinews.org/wiki/"), path
        assert meta["License"] == "CC BY 2.5" and meta["License_url"].startswith("https://creativecommons.org/"), path
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["Date"]) and path.name.startswith(meta["Date"]), path
        assert body.strip(), path


def test_demo_theme_shows_attribution(tmp_path, converted):
    """A plugin-off Pelican build of a converted article with the demo theme shows the CC BY notice."""
    from sitebuild import build

    name = "2019-03-08-mayor-opens-bridge.md"
    res = build(tmp_path / "site", {name: converted[name].read_text(encoding="utf-8")},
                theme=str(ROOT / "theme"), plugin=False)
    soup = BeautifulSoup(res.read("mayor-opens-bridge.html"), "html.parser")
    att = soup.select_one(".attribution")
    assert att is not None
    assert norm(att.get_text()) == "This article is from Wikinews, licensed CC BY 2.5; converted to Markdown."
    links = {a.get_text(): a["href"] for a in att.find_all("a")}
    assert links == {"Wikinews": "https://en.wikinews.org/wiki/Mayor_opens_bridge",
                     "CC BY 2.5": "https://creativecommons.org/licenses/by/2.5/"}
    assert soup.html["lang"] == "en"
    assert soup.select_one("a.skip-link")["href"] == "#main" and soup.find(id="main") is not None


def test_maintenance_banners_test_pages_and_interviews_without_answers_are_left_out(tmp_path, capsys):
    answered = "\n\n".join(f"((WN)) Question {i}?\n\n((Ann Lee)) Answer {i}." for i in range(4))
    lost = "\n\n".join(f"((WN)) Question {i}?" for i in range(4)) + "\n\nThe vote is on Sunday."
    rows = [
        {"url": "https://x.org/wiki/A", "date": "2020-01-02", "title": "Council votes on budget",
         "text": "This article requires pre-publication review by an uninvolved reviewer.\n\n"
                 "-Article last amended: Mar 5 at 12:05:19 UTC (history)Please check the talk page.\n\n"
                 "Thursday, January 2, 2020\n\nThe council voted on the budget."},
        {"url": "https://x.org/wiki/TEST_PAGE:Today", "date": "2021-03-05", "title": "TEST PAGE:Self-publish today",
         "text": "This is a test page! It should not be reviewed."},
        {"url": "https://x.org/wiki/B", "date": "2020-01-03", "title": "Wikinews interviews Ann Lee",
         "text": answered},
        {"url": "https://x.org/wiki/C", "date": "2020-01-04", "title": "Wikinews interviews Bo Ray", "text": lost},
    ]
    out = tmp_path / "out"
    w2m.convert([write_csv(tmp_path / "w.csv", rows)], out)
    assert sorted(p.name for p in out.glob("*.md")) == ["2020-01-02-council-votes-on-budget.md",
                                                        "2020-01-03-wikinews-interviews-ann-lee.md"]
    _, body = parse(out / "2020-01-02-council-votes-on-budget.md")
    assert body.strip() == "The council voted on the budget."         # banners and dateline gone
    err = capsys.readouterr().err
    assert "w.csv:3: 'TEST PAGE:Self-publish today' is a test or project page; row skipped" in err
    assert "w.csv:5: 'Wikinews interviews Bo Ray' is an interview whose answers are missing (3 of 4" in err


def test_demo_content_is_news_only():
    files = sorted((ROOT / "content" / "wikinews").glob("*.md"))
    for path in files:
        meta, body = parse(path)
        assert not w2m.NOT_ARTICLE_TITLE.match(meta["Title"]), path
        assert "pre-publication review" not in body and "Article last amended" not in body, path
        asked, unanswered = w2m.unanswered_questions(body)
        assert not (asked >= 3 and 2 * unanswered >= asked), path
    meta, body = parse(files[-1])                                  # the home page's first story
    assert not w2m.NOT_ARTICLE_TITLE.match(meta["Title"]) and not w2m.NOT_ARTICLE_TEXT.match(body)
