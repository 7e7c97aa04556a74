# Two entry points: `make demo` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: demo test lint bench clean servers

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/kg build examples/sommet-helsinki.txt -o out/example.ttl --force --summary

# Debian packages the tests use: rapper (an independent RDF parser), Virtuoso, and
# Chromium with its WebDriver for the browser tests of kg serve.
servers:
	@if ! command -v rapper >/dev/null || ! command -v virtuoso-t >/dev/null \
	     || ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q raptor2-utils virtuoso-opensource chromium chromium-driver; \
	  elif command -v sudo >/dev/null; then \
	    sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q raptor2-utils virtuoso-opensource chromium chromium-driver; \
	  else \
	    echo "rapper, virtuoso-t or chromium missing and cannot install them (not root): their tests will skip"; \
	  fi; \
	fi

test: $(TSTAMP) servers
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(TSTAMP)
	$(BIN)/ruff check kg tests bench
	$(BIN)/ruff format --check kg tests bench

clean:
	rm -rf out .pytest_cache
