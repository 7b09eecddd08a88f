"""Shared fixtures: one spaCy pipeline and one engine per test session."""
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "plugins"))


@pytest.fixture(scope="session")
def engine():
    from newsgraph.engine.extract import Engine

    return Engine()


@pytest.fixture(scope="session")
def nlp(engine):
    return engine.nlp


@pytest.fixture
def extract(engine):
    """extract("plain text", title="…", format="text") -> ArticleResult."""
    from newsgraph.engine.extract import ArticleInput

    def run(text, title="", format="text"):
        return engine.extract(ArticleInput(text=text, format=format, title=title))

    return run
