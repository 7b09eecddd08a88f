"""newsgraph as a Pelican namespace plugin: ``pelican.plugins.newsgraph``, the Pelican adapter.

Installed with pip, Pelican >= 4.5 finds it without a ``PLUGINS`` setting (and
``PLUGINS = ["newsgraph"]`` picks this module too). Everything here imports Pelican: the signal
receivers (``pelican_glue``), the speaker-page generator and its templates, output paths, and
``newsgraph analyse``'s reading of a site (``distributed``). The engine (``newsgraph.engine``) and
the site layer (``newsgraph.site``) import nothing of Pelican.
"""
from newsgraph.engine.model import ENGINE_VERSION as __version__

__all__ = ["__version__", "register"]


def register():
    from . import pelican_glue

    pelican_glue.register()
