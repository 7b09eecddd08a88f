"""The engine: article text -> quotes -> attribution -> entities. No Pelican import, and none of
the site layer (``newsgraph.site``).

``from newsgraph.engine import Engine, EngineConfig, ArticleInput`` (see ``extract``); the names
are loaded on first use, so importing ``newsgraph.engine.model`` alone does not load spaCy.
"""
__all__ = ["ArticleInput", "Engine", "EngineConfig"]


def __getattr__(name: str):
    if name in __all__:
        from . import extract

        return getattr(extract, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
