# watchfloor — quickstart: `make demo`, then `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.db
SERVE ?= 1
VENDOR := src/watchfloor/web/static/vendor

.PHONY: install vendor demo test lint bench bench-scale lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Installs exactly the hashed, locked dependency set, then watchfloor itself without resolving anything.
$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(MAKE) --no-print-directory vendor
	touch $(STAMP)

# The workbench's front-end libraries, exactly as package-lock.json pins them, served by the app itself.
vendor: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	mkdir -p $(VENDOR)
	cp node_modules/cytoscape/dist/cytoscape.min.js $(VENDOR)/

install: $(STAMP)

# `make demo SERVE=0` stops after the ingest and the summary; otherwise a demo analyst is made and the
# workbench served on http://127.0.0.1:8740 (the token to sign in with is printed once).
demo: $(STAMP)
	rm -f $(DEMO_DB)
	$(BIN)/watchfloor --db $(DEMO_DB) ingest --sample
	$(BIN)/watchfloor --db $(DEMO_DB) summary
ifneq ($(SERVE),0)
	@token=$$($(BIN)/watchfloor --db $(DEMO_DB) users add demo --role analyst | tail -1) && \
		echo "Sign in at http://127.0.0.1:8740/signin with the demo analyst's token: $$token"
	$(BIN)/watchfloor --db $(DEMO_DB) serve
endif

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py --limit 600 --rounds 3
	$(BIN)/python benchmarks/bench_translit.py --sample 5000 --seed 7
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_cli.py --rounds 7

# The scale benchmark (not part of `make test`): 10k/30k/100k documents on SQLite and on a throwaway
# PostgreSQL server; figures in docs/scale.md. Extraction of the generated documents is replicated.
bench-scale: $(STAMP)
	bash -c 'source .ci/start-postgres.sh && export WATCHFLOOR_BENCH_PG_URL="$$WATCHFLOOR_TEST_PG_URL"; \
		$(BIN)/python benchmarks/bench_extract_scaling.py --limit 300; \
		$(BIN)/python benchmarks/bench_scale.py --out bench-scale.json; status=$$?; \
		watchfloor_stop_postgres; exit $$status'

# Re-resolve and re-hash the dependency set (needs the package index).
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra dev \
		--no-emit-index-url --no-emit-find-links --strip-extras \
		--output-file requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) $(DEMO_DB) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache node_modules $(VENDOR)
