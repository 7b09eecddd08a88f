"""newsgraph: who said what in a news site's articles, as pages, tags and schema.org JSON-LD.

Three packages, each importable on its own:

- ``newsgraph.engine``: text -> quotes -> attribution -> entities (no Pelican import);
- ``newsgraph.site``: the site layer (registry, caches, JSON-LD, SEO, charts; no Pelican import);
- ``pelican.plugins.newsgraph``: the thin Pelican adapter (signals, the generator, templates),
  found by Pelican >= 4.5 as a namespace plugin when installed.

``register`` here lets ``PLUGINS = ["newsgraph"]`` work from a ``PLUGIN_PATHS`` checkout too.
"""
from .engine.model import ENGINE_VERSION as __version__  # the one version number (see engine/model.py)

__all__ = ["__version__", "register"]


def register():
    adapter().register()


def adapter():
    """The ``pelican.plugins.newsgraph`` module: installed, or (a plain checkout on
    ``PLUGIN_PATHS``) the one beside this package, ``plugins/pelican/plugins/newsgraph``."""
    import importlib
    import importlib.util
    import os
    import sys

    name = "pelican.plugins.newsgraph"
    try:
        return importlib.import_module(name)
    except ImportError:
        pass
    here = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "pelican", "plugins", "newsgraph")
    spec = importlib.util.spec_from_file_location(name, os.path.join(here, "__init__.py"),
                                                  submodule_search_locations=[here])
    if spec is None or not os.path.isfile(os.path.join(here, "__init__.py")):
        raise ImportError(f"cannot find {name}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
