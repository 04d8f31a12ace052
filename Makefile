# Two commands on a fresh machine with Python 3.11: `make portal`, `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
AS_OF  ?=
AS_OF_ARG := $(if $(AS_OF),--as-of $(AS_OF),)

.PHONY: portal test test-fast proptest serve preview bench lint schema sample golden publish clean hooks

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

portal: $(VENV)/.installed  ## validate the records and build the portal into site/
	$(BIN)/portal validate --records records $(AS_OF_ARG)
	$(BIN)/portal build --records records --site-dir site $(AS_OF_ARG)
	@# in the portal's language, as portal build's own last line
	@if [ "$$PORTAL_LOCALE" = en ]; then \
	  echo "To look at it: 'make preview' (site/ on http://127.0.0.1:8000/), or 'make serve' (a live preview)."; \
	else \
	  echo "查看门户：make preview（在 http://127.0.0.1:8000/ 打开 site/），或 make serve（记录改动后自动重新生成的实时预览）。"; \
	fi

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM := /usr/bin/chromium
AXE := node_modules/axe-core/axe.min.js
# Chinese glyphs for the browser tests: without a CJK font chromium draws boxes of another
# width, and the layout tests would measure a page no reader sees
CJK_FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

# a Debian package, from the package lists as they are, else after refreshing them
APT_INSTALL = $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y $(1) || \
	  ($(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y $(1))

$(CHROMIUM):  ## Debian's chromium for the browser tests (Playwright never downloads one)
	$(call APT_INSTALL,chromium)

$(CJK_FONT):  ## Debian's Noto CJK fonts, as on the office's machines
	$(call APT_INSTALL,fonts-noto-cjk)

$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

test: $(VENV)/.installed-test $(CHROMIUM) $(CJK_FONT) $(AXE)  ## lint, type-check and run every test (browser ones too)
	$(BIN)/ruff check generators tests scripts bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

test-fast: $(VENV)/.installed-test  ## the tests that need no browser and no full build (seconds)
	$(BIN)/python -m pytest -q -m "not browser and not slow"

PROPTEST_EXAMPLES ?= 200
proptest: $(VENV)/.installed-test  ## the republish property tests, long: PROPTEST_EXAMPLES sequences per archive
	PROPTEST_EXAMPLES=$(PROPTEST_EXAMPLES) PROPTEST_EVERY_STEP=1 PROPTEST_LOG=$(CURDIR)/proptest.log \
	  $(BIN)/python -m pytest -q tests/test_republish_props.py

serve: $(VENV)/.installed  ## live preview on http://127.0.0.1:8000/ that follows edits
	$(BIN)/portal serve --records records

preview: $(VENV)/.installed  ## the built site/ on http://127.0.0.1:8000/ as readers see it
	$(BIN)/portal preview --site-dir site

bench: $(VENV)/.installed-test  ## measure validate and build at archive scale
	$(BIN)/python bench/run.py

hooks: $(VENV)/.installed  ## validate the records each commit touches (pre-commit, in .venv)
	$(BIN)/python -m pip install --quiet -e '.[hooks]'
	$(BIN)/pre-commit install

schema: $(VENV)/.installed  ## regenerate the JSON Schemas and .vscode/settings.json
	$(BIN)/portal schema --out schemas

sample: $(VENV)/.installed  ## regenerate the sample archive (committed) from scripts/
	cd scripts && ../$(BIN)/python make_sample.py ../records

clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache test-results

golden: $(VENV)/.installed-test  ## refresh tests/golden after an intended change to the pages
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

VERSION ?= $(shell date +%Y.%m.%d)
publish: $(VENV)/.installed-test  ## what CI does on main: validate, test, build, publish an edition
	$(BIN)/portal validate --records records
	$(MAKE) test
	$(BIN)/portal build --records records --site-dir site
	$(BIN)/portal publish --version $(VERSION) --alias latest --title "Edition $(VERSION)"
