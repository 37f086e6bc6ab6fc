# The two commands: `make run` and `make test`. Both install into .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# dbt's manifest, read by the Dagster definitions at import: a build product, remade whenever a file dbt
# reads (every file under dbt_project/ but its outputs and hidden files) or a folder of them changes.
DBT_DIR     := dbt_project
MANIFEST    := $(DBT_DIR)/target/manifest.json
DBT_SOURCES := $(shell find $(DBT_DIR) -mindepth 1 \( -path $(DBT_DIR)/target -o -path $(DBT_DIR)/logs \
                 -o -path $(DBT_DIR)/dbt_packages -o -name '.*' \) -prune -o -print)

export DOINGOAI_DB ?= data/warehouse.duckdb
export DOINGOAI_ANALYTICS_DB ?= data/analytics.duckdb

.PHONY: install manifest run test test-fast lint typecheck ui clean chromium docs tmux

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,analysts]'
	touch $(STAMP)

install: $(STAMP) $(MANIFEST)

# `dbt parse` works offline in a few seconds; `dagster dev` (make ui) also re-parses at every load.
$(MANIFEST): $(STAMP) $(DBT_SOURCES)
	$(if $(wildcard $(DBT_DIR)/packages.yml $(DBT_DIR)/dependencies.yml),cd $(DBT_DIR) && $(CURDIR)/$(BIN)/dbt deps --quiet)
	cd $(DBT_DIR) && $(CURDIR)/$(BIN)/dbt parse --quiet --project-dir . --profiles-dir .
	touch $@

manifest: $(MANIFEST)

run: install
	$(BIN)/doingoai run

# Two workers (the machines have two cores); the shared pipeline run is made once (tests/conftest.py).
test: install chromium tmux
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n 2

# The unit tests alone (well under a minute): no sample portal, no Dagster run, no other process.
# tests/conftest.py marks the slow tiers by the fixtures a test takes (README, "Tests").
test-fast: install
	$(BIN)/python -m pytest -m "not slow" -n 2 -q

# dbt's documentation site: the lineage graph and every model's and column's description, with the
# columns' types read from the warehouse (DOINGOAI_DB, so after `make run`). `dbt docs generate` works
# offline and writes into its own target folder, leaving the manifest the Dagster definitions read alone;
# the site is served on 127.0.0.1 only (Ctrl-C stops it).
DOCS_PORT   ?= 8080
DOCS_TARGET ?= $(CURDIR)/$(DBT_DIR)/target/docs
docs: install
	@test -f "$(DOINGOAI_DB)" || { echo "no warehouse at $(DOINGOAI_DB): make run first"; exit 1; }
	cd $(DBT_DIR) && DOINGOAI_DB=$(abspath $(DOINGOAI_DB)) $(CURDIR)/$(BIN)/dbt docs generate --quiet \
	  --project-dir . --profiles-dir . --target-path $(DOCS_TARGET)
	@echo "dbt docs: http://127.0.0.1:$(DOCS_PORT)/#!/model/model.doingoai.fct_aid (Ctrl-C stops them)"
	cd $(DBT_DIR) && $(CURDIR)/$(BIN)/dbt docs serve --quiet --project-dir . --profiles-dir . \
	  --target-path $(DOCS_TARGET) --host 127.0.0.1 --port $(DOCS_PORT) --no-browser

# The browser test drives Debian's chromium (Playwright never downloads a browser here).
chromium:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y chromium; }

# The SQL shell's terminal test pastes into `doingoai sql` through Debian's tmux.
tmux:
	@command -v tmux >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y tmux; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# mypy alone, configured in pyproject.toml ([tool.mypy]); also the last step of `make lint`.
typecheck: install
	$(BIN)/mypy

# The demo deployment (cli/ui.py): the sample portal on loopback and `dg dev` (webserver and daemon) on
# workspace.yaml and the DAGSTER_HOME of `make run`; its schedule runs. `make ui LIVE=1`: the live portals.
ui: install
	$(BIN)/doingoai ui $(if $(LIVE),--live)

clean:
	rm -rf $(VENV) data artifacts
