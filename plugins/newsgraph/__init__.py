"""newsgraph: who said what in a news site's articles, as pages, tags and schema.org JSON-LD.

The extraction engine (``newsgraph.extract``) works without Pelican; ``register`` wires it
into Pelican when the plugin is listed in ``PLUGINS``.
"""
__version__ = "0.1.0"


def register():
    from . import pelican_glue

    pelican_glue.register()
