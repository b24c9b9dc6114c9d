# 心安接访台 — two commands on a fresh machine:
#   make run    create the environment, install, open the desk
#   make test   install what the tests need and run them all
PYTHON ?= python3
VENV ?= .venv
DOMAIN_VENV ?= .venv-domain
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# make test explores the same Hypothesis examples on every run, so a landing is never decided by
# the luck of a draw; run pytest directly (or set HYPOTHESIS_SEED) to explore new ones.
HYPOTHESIS_SEED ?= 20261123
PYTEST_ARGS ?= --hypothesis-seed=$(HYPOTHESIS_SEED)

# The tests that need neither Qt nor the platform server: they run once, in the venv without Qt
# (test-domain), and test-desk runs every other test folder.
QT_FREE_TESTS := tests/reception tests/forms tests/cli

.PHONY: run test test-domain test-desk test-all lint-imports system-deps-run system-deps-test bench screenshots clean dist dist-smoke

run: system-deps-run $(VENV)/.installed
	$(BIN)/xinan-desk $(ARGS)

test: system-deps-test $(VENV)/.installed $(DOMAIN_VENV)/.installed
	$(BIN)/lint-imports
	$(MAKE) test-domain
	$(MAKE) test-desk
	$(MAKE) dist-smoke

# The domain's, the forms' and the command line's tests in an environment without Qt, proving
# that none of them needs it.
test-domain: $(DOMAIN_VENV)/.installed
	$(DOMAIN_VENV)/bin/python -m pytest -c tests/pytest-domain.ini --rootdir=. $(PYTEST_ARGS) $(QT_FREE_TESTS)

# Every other test: the Qt desk, sync and the platform.
test-desk: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS) tests $(addprefix --ignore=,$(QT_FREE_TESTS))

# Every test once, all in the full environment (what `make test` runs, without the second venv).
test-all: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS) tests

# The one-folder build a street copies to its laptops: dist/xinan-desk/xinan-desk (build.spec).
dist: $(VENV)/.installed-dist
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec
	@du -sh dist/xinan-desk

# The frozen desk, in an empty environment: opens and closes, records a case, makes a slip whose
# QR code decodes.
dist-smoke: dist
	scripts/dist-smoke.sh dist/xinan-desk

lint-imports: $(VENV)/.installed
	$(BIN)/lint-imports

system-deps-run:
	@scripts/install-system-deps.sh run

system-deps-test:
	@scripts/install-system-deps.sh test

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[desktop,sync,server,test]'
	touch $@

$(VENV)/.installed-dist: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[desktop,sync,server,test,dist]'
	touch $@

$(DOMAIN_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(DOMAIN_VENV)
	$(DOMAIN_VENV)/bin/python -m pip install -q --upgrade pip
	$(DOMAIN_VENV)/bin/python -m pip install -q -e '.[sync,domain-test]'
	touch $@

bench: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench
	$(BIN)/python -m bench.slips
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.printing
	$(BIN)/python -m bench.sync_night
	$(BIN)/python -m bench.sync_laptops
	$(BIN)/python -m bench.sync_bundle
	$(BIN)/python -m bench.platform_district
	$(BIN)/python -m bench.privacy
	$(BIN)/python -m bench.case_search
	$(BIN)/python -m bench.intake_hints

# Taken in Xvfb at 1366×768 with openbox, as the stall's laptop shows the desk.
screenshots: system-deps-test $(VENV)/.installed
	$(BIN)/python tests/desktop/x_display.py $(BIN)/python -m desktop.screenshots docs

clean:
	rm -rf $(VENV) $(DOMAIN_VENV) *.egg-info build dist
