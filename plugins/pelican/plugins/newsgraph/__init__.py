"""newsgraph as a Pelican namespace plugin: ``pelican.plugins.newsgraph``.

Installed with pip, Pelican >= 4.5 finds it without a ``PLUGINS`` setting (and
``PLUGINS = ["newsgraph"]`` picks this module too). Only an adapter: the plugin itself is the
``newsgraph`` package, whose engine imports nothing of Pelican.
"""
from newsgraph import __version__, register

__all__ = ["__version__", "register"]
