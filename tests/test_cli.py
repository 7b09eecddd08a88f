"""`newsgraph extract`: one JSON line per file, bad files warned about and skipped, run goes on."""
import json
import os
import subprocess
import sys

import pytest

from newsgraph import cli
from newsgraph.site.markdown_meta import split_metadata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

GOOD_TXT = ("Council approves budget\n\n"
            "\u201cWe balanced it without new taxes,\u201d Mayor Lisa Tran said on Monday.\r\n"
            "The vote was 7 to 2.\n")


def run(capsys, *args):
    rc = cli.main(["extract", *map(str, args)])
    out, err = capsys.readouterr()
    return rc, [json.loads(line) for line in out.splitlines()], err


@pytest.fixture
def files(tmp_path):
    f = {}
    f["empty"] = tmp_path / "empty.txt"
    f["empty"].write_bytes(b"")
    f["blank"] = tmp_path / "blank.md"
    f["blank"].write_bytes(b"  \n\n \t\n")
    f["binary"] = tmp_path / "photo.txt"
    f["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    f["latin1"] = tmp_path / "latin1.txt"
    f["latin1"].write_bytes("Le caf\u00e9 a dit \u00ab non \u00bb.".encode("latin-1"))
    f["dir"] = tmp_path / "adir.txt"
    f["dir"].mkdir()
    f["missing"] = tmp_path / "missing.txt"
    f["good"] = tmp_path / "good.txt"
    f["good"].write_bytes(GOOD_TXT.encode("utf-8"))
    return f


def test_bad_files_warn_and_the_run_goes_on(capsys, files):
    order = ["empty", "binary", "good", "latin1", "dir", "missing", "blank"]
    rc, lines, err = run(capsys, *(files[k] for k in order))
    assert rc == 0
    assert [ln["doc"] for ln in lines] == ["empty", "photo", "good", "latin1", "adir", "missing", "blank"]
    reasons = {ln["doc"]: ln.get("error") for ln in lines}
    assert reasons["empty"] == "empty file" and reasons["blank"] == "empty file"
    assert reasons["photo"].startswith("binary")
    assert reasons["latin1"].startswith("not UTF-8")
    assert reasons["adir"] == "is a directory"
    assert reasons["missing"].startswith("unreadable")
    assert reasons["good"] is None
    for k in order:
        if k != "good":
            assert str(files[k]) in err  # the warning names the file
            bad = next(ln for ln in lines if ln["doc"] == files[k].stem)
            assert bad["quotes"] == bad["entities"] == bad["speakers"] == []
    good = next(ln for ln in lines if ln["doc"] == "good")
    assert good["quotes"] and good["entities"]
    assert str(files["good"]) not in err


def test_strict_exit_status(capsys, files):
    rc, _, _ = run(capsys, "--strict", files["good"], files["empty"])
    assert rc == 1
    rc, _, _ = run(capsys, "--strict", files["good"])
    assert rc == 0


def test_txt_offsets_are_into_the_text_as_read(capsys, files):
    _, (line,), _ = run(capsys, files["good"])
    with open(files["good"], encoding="utf-8") as f:  # universal newlines, like the scorer
        raw = f.read()
    (q,) = [q for q in line["quotes"] if q["kind"] == "direct"]
    for sp in q["contents"] + q["sources"] + [q["cue"]]:
        assert raw[sp["start"]:sp["end"]] == sp["text"]
    assert q["contents"][0]["text"].startswith("We balanced it")
    assert q["speaker"] == {"name": "Lisa Tran", "type": "Person"}
    assert set(q) >= {"contents", "cue", "sources", "speaker", "kind"}
    tran = next(e for e in line["entities"] if e["name"] == "Lisa Tran")
    assert tran["role"] == "Mayor" and "spans" not in tran
    assert line["speakers"] == [{"id": tran["id"], "name": "Lisa Tran", "type": "Person", "role": "Mayor"}]
    assert not any(e["name"] in ("Monday", "7", "2") for e in line["entities"])


def test_markdown_and_html(capsys, tmp_path):
    md = tmp_path / "story.md"
    md.write_text("Title: Tran unveils budget\nDate: 2020-01-01\nTags: a,\n    b\n\n"
                  "# Budget\n\n\u201cIt is balanced,\u201d Mayor Lisa Tran said.\n\n"
                  "![x](a.jpg)\n\nPhoto: Jane Roe\n", encoding="utf-8")
    html = tmp_path / "page.html"
    html.write_text("<html><head><title>City news</title></head><body><p>&ldquo;No,&rdquo; said "
                    "Jo Smith.</p><figure><figcaption>Jo Smith, left.</figcaption></figure></body></html>",
                    encoding="utf-8")
    _, (a, b), err = run(capsys, md, html)
    assert a["title"] == "Tran unveils budget" and b["title"] == "City news"
    assert [q["speaker"]["name"] for q in a["quotes"]] == ["Lisa Tran"]
    assert next(e for e in a["entities"] if e["name"] == "Lisa Tran")["salient"]  # named in the title
    assert not any("Jane Roe" in e["name"] for e in a["entities"])
    assert [q["contents"][0]["text"] for q in b["quotes"]] == ["No,"]
    assert err == ""


def test_one_failing_article_does_not_stop_the_others(capsys, tmp_path, monkeypatch):
    from newsgraph.engine import extract

    real = extract.Engine.analyse

    def flaky(self, tdoc, doc, title=""):
        if "EXPLODE" in tdoc.clean:
            raise RuntimeError("boom")
        return real(self, tdoc, doc, title)

    monkeypatch.setattr(extract.Engine, "analyse", flaky)
    paths = []
    for i, body in enumerate(["\u201cFine,\u201d Jo Smith said.", "EXPLODE here.", "\u201cAlso fine,\u201d Ann Lee said."]):
        p = tmp_path / f"a{i}.txt"
        p.write_text(body, encoding="utf-8")
        paths.append(p)
    rc, lines, err = run(capsys, *paths)
    assert [ln["doc"] for ln in lines] == ["a0", "a1", "a2"]
    assert lines[1]["error"] == "extraction failed" and lines[1]["quotes"] == []
    assert lines[0]["quotes"] and lines[2]["quotes"]
    assert str(paths[1]) in err and "RuntimeError" in err


def test_bad_boilerplate_regex_is_a_usage_error(capsys, files):
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", "--boilerplate", "([", str(files["good"])])
    assert exc.value.code == 2


def test_boilerplate_option(capsys, tmp_path):
    p = tmp_path / "n.txt"
    p.write_text("\u201cYes,\u201d Jo Smith said.\n\nSubscribe to Ann Lee Weekly now\n", encoding="utf-8")
    _, (line,), _ = run(capsys, p)
    assert any(e["name"].startswith("Ann Lee") for e in line["entities"])
    _, (line,), _ = run(capsys, "--boilerplate", r"^Subscribe to .*$", p)
    assert not any("Ann Lee" in e["name"] for e in line["entities"])


def test_module_entry_point_subprocess(tmp_path):
    good = tmp_path / "ok.txt"
    good.write_text("\u201cWe will appeal,\u201d Attorney General Jane Whitfield said.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00b\x00a\x00d")
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "plugins"), PYTHONIOENCODING="ascii")
    proc = subprocess.run([sys.executable, "-m", "newsgraph.cli", "extract", str(bad), str(good)],
                          capture_output=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    lines = [json.loads(x) for x in proc.stdout.decode("utf-8").splitlines()]
    assert [ln["doc"] for ln in lines] == ["bad", "ok"]
    assert "error" in lines[0] and str(bad) in proc.stderr.decode()
    (q,) = lines[1]["quotes"]
    assert q["speaker"]["name"] == "Jane Whitfield"


def test_split_metadata():
    meta, body = split_metadata("Title: A story\nTags: one,\n    two\nDate: 2020-01-01\n\nBody text.\n")
    assert meta == {"title": "A story", "tags": "one, two", "date": "2020-01-01"} and body == "Body text.\n"
    meta, body = split_metadata("---\ntitle: Fenced\n---\nBody.\n")
    assert meta == {"title": "Fenced"} and body == "Body.\n"
    assert split_metadata("Just a story. No metadata.\n") == ({}, "Just a story. No metadata.\n")
    meta, body = split_metadata("Title: T\nThis line is not metadata\n\nMore.")
    assert meta == {"title": "T"} and body == "This line is not metadata\n\nMore."
    assert split_metadata("") == ({}, "")


def test_seed_article_through_the_cli(capsys):
    seed = os.path.join(ROOT, "content", "seed", "000_c0eb73401adad504.txt")
    if not os.path.exists(seed):
        pytest.skip("seed article not vendored")
    _, (line,), err = run(capsys, seed)
    with open(seed, encoding="utf-8") as f:
        raw = f.read()
    names = {e["name"] for e in line["entities"]}
    for must in ("MS-13", "Jeff Sessions", "Trump", "Ralph Northam", "Ed Gillespie", "Department of Justice",
                 "ICE", "Virginia", "National Fusion Center Association"):
        assert must in names, must
    banned = ("Camille Fine", "Beto", "O'Rourke", "Rosenstein", "Emmet Flood", "McGahn", "enough there to proceed")
    for q in line["quotes"]:
        for sp in q["contents"] + q["sources"]:
            assert raw[sp["start"]:sp["end"]] == sp["text"]  # offsets into the raw file
            assert not any(b in sp["text"] for b in banned)
        assert q["speaker"] is None or q["speaker"]["name"].lower() not in ("he", "she", "they")
    assert not any(b in n for n in names for b in banned)
    assert not any(n in ("Thursday", "August", "last month") for n in names)
    assert {s["name"] for s in line["speakers"]} >= {"Jeff Sessions", "Trump"}


# --------------------------------------------------------------------------- bounded resources

def test_a_fifo_or_a_device_is_refused_without_waiting_and_the_run_goes_on(tmp_path):
    """A FIFO nobody writes to would block ``open`` for ever, ``/dev/zero`` would be read for
    ever: both are refused up front (the timeout is only a hang guard)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tmp_path / "ok.txt"
    good.write_text("\u201cWe will appeal,\u201d Attorney General Jane Whitfield said.", encoding="utf-8")
    paths = [fifo, good] + ([os.devnull] if os.path.exists(os.devnull) else [])
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "plugins"))
    proc = subprocess.run([sys.executable, "-m", "newsgraph.cli", "extract", *map(str, paths)],
                          capture_output=True, env=env, timeout=300)
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    lines = [json.loads(x) for x in proc.stdout.decode("utf-8").splitlines()]
    assert [ln["doc"] for ln in lines] == [os.path.splitext(os.path.basename(str(p)))[0] for p in paths]
    assert lines[0]["error"] == "not a regular file (a FIFO or pipe)" and str(fifo) in err
    assert lines[1]["quotes"][0]["speaker"]["name"] == "Jane Whitfield"
    if len(paths) > 2:
        assert lines[2]["error"] == "not a regular file (a device)" and os.devnull in err


@pytest.mark.parametrize("option", ["--batch-size", "--workers", "--max-bytes"])
def test_a_count_below_one_is_a_clear_usage_error(capsys, files, option):
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", option, "0", str(files["good"])])
    assert exc.value.code == 2
    assert f"{option}: must be at least 1 (got 0)" in capsys.readouterr().err


def test_files_over_max_bytes_are_refused_stdin_included(capsys, files, monkeypatch):
    size = files["good"].stat().st_size
    rc, (line,), err = run(capsys, "--max-bytes", size - 1, files["good"])
    assert line["error"] == f"too large (over {size - 1} bytes)" and str(files["good"]) in err
    rc, (line,), err = run(capsys, "--max-bytes", size, files["good"])
    assert "error" not in line and line["quotes"]

    import io

    class Stdin:                       # a pipe with more than the limit: read no further than it
        buffer = io.BytesIO(b"The council met. " * 1000)

    monkeypatch.setattr(sys, "stdin", Stdin)
    rc, (line,), err = run(capsys, "--max-bytes", 1000, "-")
    assert line == {"doc": "stdin", "quotes": [], "entities": [], "speakers": [],
                    "error": "too large (over 1 kB)"}
    assert Stdin.buffer.tell() == 1001


def test_a_file_whose_reading_fails_unexpectedly_costs_only_its_own_result(capsys, tmp_path, monkeypatch):
    real = cli.html_title

    def fragile(html):
        if "BREAKS THE PARSER" in html:
            raise RecursionError("maximum recursion depth exceeded")
        return real(html)

    monkeypatch.setattr(cli, "html_title", fragile)
    good = tmp_path / "a.html"
    good.write_text("<title>Budget</title><p>\u201cYes,\u201d Mayor Lisa Tran said.</p>", encoding="utf-8")
    bad = tmp_path / "b.html"
    bad.write_text("<p>BREAKS THE PARSER</p>", encoding="utf-8")
    rc, lines, err = run(capsys, bad, good)
    assert [ln["doc"] for ln in lines] == ["b", "a"]
    assert lines[0]["error"].startswith("unreadable (RecursionError") and str(bad) in err
    assert lines[1]["quotes"][0]["speaker"]["name"] == "Lisa Tran"


def test_warnings_print_bounded_text(capsys):
    cli.warn("x.txt", "extraction failed: " + "A" * 100_000)
    err = capsys.readouterr().err
    assert err.startswith("newsgraph: warning: x.txt: extraction failed: AAA") and len(err) <= 400
