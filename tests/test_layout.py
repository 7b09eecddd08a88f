"""The architecture as packages: the engine and the site layer import nothing of Pelican, and the
engine nothing of the site layer or the adapter (``pelican.plugins.newsgraph``)."""
from __future__ import annotations

import ast
import os
import pkgutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGINS = os.path.join(ROOT, "plugins")


def modules(package: str) -> list[str]:
    path = os.path.join(PLUGINS, *package.split("."))
    return [package, *(m.name for m in pkgutil.walk_packages([path], prefix=f"{package}."))]


def imported_names(module: str) -> set[str]:
    """Every module an ``import`` statement of ``module``'s source names, at any depth (lazy
    imports inside functions included), relative imports resolved."""
    parts = module.split(".")
    path = os.path.join(PLUGINS, *parts)
    path = os.path.join(path, "__init__.py") if os.path.isdir(path) else path + ".py"
    package = parts if path.endswith("__init__.py") else parts[:-1]
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1]) if node.level else ""
            mod = ".".join(p for p in (base, node.module or "") if p)
            names.add(mod)
            names.update(f"{mod}.{a.name}" for a in node.names)
    return names


@pytest.mark.parametrize("package", ["newsgraph.engine", "newsgraph.site"])
def test_no_module_of_the_engine_or_the_site_layer_imports_pelican(package):
    found = {m: sorted(n for n in imported_names(m) if n == "pelican" or n.startswith("pelican."))
             for m in modules(package)}
    assert len(found) > 5
    assert not {m: n for m, n in found.items() if n}


def test_the_engine_imports_nothing_of_the_site_layer_or_the_adapter():
    found = {m: sorted(n for n in imported_names(m)
                       if n.startswith(("newsgraph.site", "pelican", "newsgraph.cli")))
             for m in modules("newsgraph.engine")}
    assert not {m: n for m, n in found.items() if n}


def test_the_engine_and_the_site_layer_load_with_pelican_blocked():
    """Every module of both packages imports in a process where importing Pelican fails."""
    names = modules("newsgraph.engine") + modules("newsgraph.site")
    code = ("import importlib, sys\n"
            "class Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'pelican' or name.startswith('pelican.'):\n"
            "            raise ImportError('pelican is blocked')\n"
            "sys.meta_path.insert(0, Block())\n"
            f"for name in {names!r}:\n"
            "    importlib.import_module(name)\n"
            "assert not [m for m in sys.modules if m == 'pelican' or m.startswith('pelican.')]\n"
            "print(len(sys.modules))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, PYTHONPATH=PLUGINS))
    assert proc.returncode == 0, proc.stderr[-3000:]


def test_the_adapter_is_the_plugin_pelican_loads():
    import pelican.plugins.newsgraph as adapter

    import newsgraph

    assert newsgraph.adapter() is adapter
    assert adapter.__version__ == newsgraph.__version__
    assert callable(adapter.register)


def test_a_checkout_without_the_installed_adapter_still_registers_it():
    """``PLUGINS = ["newsgraph"]`` from a plain checkout (``PLUGIN_PATHS``, nothing installed):
    ``newsgraph.register`` loads the adapter from ``plugins/pelican/plugins/newsgraph``."""
    code = ("import importlib, sys\n"
            "class Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'pelican.plugins.newsgraph':\n"
            "            raise ImportError('not installed')\n"
            "sys.meta_path.insert(0, Block())\n"
            "import newsgraph\n"
            "from pelican import signals\n"
            "before = len(list(signals.initialized.receivers_for(None)))\n"
            "newsgraph.register()\n"
            "adapter = sys.modules['pelican.plugins.newsgraph']\n"
            "print(adapter.__file__)\n"
            "print(sys.modules['pelican.plugins.newsgraph.pelican_glue'].__file__)\n"
            "print(len(list(signals.initialized.receivers_for(None))) - before)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, PYTHONPATH=PLUGINS))
    assert proc.returncode == 0, proc.stderr[-3000:]
    adapter_file, glue_file, connected = proc.stdout.split()
    here = os.path.join(PLUGINS, "pelican", "plugins", "newsgraph")
    assert adapter_file == os.path.join(here, "__init__.py")
    assert glue_file == os.path.join(here, "pelican_glue.py")
    assert int(connected) >= 1
