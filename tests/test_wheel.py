"""The built wheel: a namespace plugin Pelican finds without ``PLUGINS``, holding no test data.

The wheel is built with pip (``pip wheel --no-deps``) and installed with ``--no-deps`` into a
fresh virtual environment. To stay fast, that environment gets no downloads: it sees the test
environment's packages through a ``.pth`` line, except Pelican, copied in without any plugin
(``pelican.plugins`` must be the fresh environment's own for the wheel's adapter to land in it,
and no other plugin may come along) and the worktree's editable newsgraph.
"""
from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import zipfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent

ARTICLE = """Title: Harbour plan
Date: 2021-03-04

The council met on Tuesday to discuss the harbour plan.

"We will rebuild the old pier before the summer," Mayor Alma Frisk said.
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> pathlib.Path:
    out = tmp_path_factory.mktemp("wheel")
    # built from a copy of the sources: a build/ folder left in the worktree could bring stale files
    src = out / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", ".venv", "build", "output", "cache", "content",
                                                             "*.egg-info", "__pycache__", ".pytest_cache"))
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(src)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    (found,) = out.glob("newsgraph-*.whl")
    return found


def test_the_wheel_holds_the_plugin_and_its_templates_and_no_test_data(wheel):
    import newsgraph

    names = zipfile.ZipFile(wheel).namelist()
    assert wheel.name.startswith(f"newsgraph-{newsgraph.__version__}-")
    assert "pelican/plugins/newsgraph/__init__.py" in names
    # namespace packages: a pelican/__init__.py would shadow Pelican itself
    assert "pelican/__init__.py" not in names and "pelican/plugins/__init__.py" not in names
    assert "newsgraph/engine/extract.py" in names and "newsgraph/site/registry/merge.py" in names
    assert "pelican/plugins/newsgraph/templates/speaker.html" in names
    assert not [n for n in names if "schemaorg" in n.lower() or n.startswith("tests/")]
    # the only data shipped is what the engine reads: the first-name table and its notice
    assert sorted(n for n in names if "/data/" in n) == ["newsgraph/engine/data/FIRST-NAMES-NOTICE.md",
                                                         "newsgraph/engine/data/first_names.tsv"]
    assert sum(zipfile.ZipFile(wheel).getinfo(n).file_size for n in names) < 1_000_000


def _fresh_venv(path: pathlib.Path) -> pathlib.Path:
    """A virtual environment with Pelican (no plugins) of its own and the test environment's other packages."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True, timeout=120)
    python = path / "bin" / "python"
    site = pathlib.Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                       check=True, capture_output=True, text=True).stdout.strip())
    ours = pathlib.Path(sysconfig.get_path("purelib"))
    import pelican
    src = pathlib.Path(pelican.__file__).parent
    shutil.copytree(src, site / "pelican",
                    ignore=lambda d, names: [n for n in names if pathlib.Path(d) == src / "plugins"
                                             and (src / "plugins" / n).is_dir()])
    for info in ours.glob("pelican-*.dist-info"):
        shutil.copytree(info, site / info.name)
    # the test environment's packages, but neither Pelican (it extends its path over all of sys.path,
    # which would bring the test environment's plugins) nor the worktree's editable newsgraph
    mirror = path / "test-env-packages"
    mirror.mkdir()
    for entry in ours.iterdir():
        if not entry.name.startswith(("pelican", "newsgraph", "__editable__", "_newsgraph")) \
                and entry.suffix != ".pth":
            (mirror / entry.name).symlink_to(entry)
    (site / "test-env.pth").write_text(str(mirror) + "\n")
    return python


@pytest.mark.slow
def test_installed_wheel_gets_speaker_pages_without_a_plugins_setting(wheel, tmp_path):
    python = _fresh_venv(tmp_path / "venv")
    pip = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                          "--no-index", str(wheel)], capture_output=True, text=True, timeout=300)
    assert pip.returncode == 0, pip.stdout + pip.stderr

    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "harbour.md").write_text(ARTICLE, encoding="utf-8")
    (site / "pelicanconf.py").write_text(textwrap.dedent("""\
        SITENAME = "Wheel test"
        PATH = "content"
        TIMEZONE = "UTC"
        DEFAULT_LANG = "en"
        # no PLUGINS and no PLUGIN_PATHS: the installed namespace plugin is found by Pelican
        """), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    run = subprocess.run([str(python), "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output"],
                         cwd=site, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    where = subprocess.run([str(python), "-c", "import newsgraph, pelican.plugins.newsgraph as p; "
                            "print(newsgraph.__file__); print(p.__file__)"],
                           cwd=site, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert all(str(tmp_path / "venv") in w for w in where), where        # the wheel's code, not the worktree's
    page = site / "output" / "speakers" / "alma-frisk" / "index.html"
    assert page.is_file(), run.stdout + run.stderr
    assert "rebuild the old pier" in page.read_text(encoding="utf-8")
    assert (site / "output" / "speakers" / "index.html").is_file()
