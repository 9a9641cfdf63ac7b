# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

CHROMIUM ?= /usr/bin/chromium

.PHONY: demo test lint schema bench fuzz clean browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/denouement explain --example --format md

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

# The browser tests drive Debian's Chromium; Playwright never downloads a browser.
browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=; \
		elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; \
		else echo "The browser tests need Debian's Chromium: run 'sudo apt-get install chromium'" >&2; exit 1; fi; \
		echo "Installing Debian's chromium for the browser tests"; \
		$$SUDO apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check src tests fuzz benchmarks tools
	$(BIN)/ruff format --check src tests fuzz benchmarks tools
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py > BENCHMARKS.md.new && mv BENCHMARKS.md.new BENCHMARKS.md
	cat BENCHMARKS.md

# libFuzzer harnesses (fuzz/): every reader to FUZZ_RUNS executions, the whole engine for FUZZ_SECONDS.
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,fuzz]'
	$(BIN)/python fuzz/run.py $(FUZZ_TARGETS)

schema: $(STAMP)
	$(BIN)/denouement schema > schema/story-1.json

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
