"""newsgraph: who said what in a news site's articles, as pages, tags and schema.org JSON-LD.

The extraction engine (``newsgraph.extract``) works without Pelican; ``register`` wires it
into Pelican (found as the namespace plugin ``pelican.plugins.newsgraph`` when installed, or
listed in ``PLUGINS``).
"""
from .model import ENGINE_VERSION as __version__  # the one version number (see model.py)

__all__ = ["__version__", "register"]


def register():
    from . import pelican_glue

    pelican_glue.register()
