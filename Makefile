# Set-up is part of every target: a fresh machine needs only Python 3.11 and make.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo demo-protokoll test test-fast bench clean

# The tests import ~200 modules that pytest rewrites: with bytecode writing switched off
# (some shells set PYTHONDONTWRITEBYTECODE) every run would compile them all again.
unexport PYTHONDONTWRITEBYTECODE

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(PY) main.py demo

demo-protokoll: $(STAMP)
	$(PY) main.py demo --protokoll

test: $(STAMP)
	MOTESBOK_QUICK_TESTS=0 $(PY) -m pytest -n 2 -q

# The quick loop while editing: the unit tests without real processes, each property
# test with at most 10 examples (tests/support/examples.py), under 30 s on two idle cores.
# No unit test takes a snapshot: the snapshot plugins (syrupy, textual) stay unloaded,
# ~0.8 s of CPU in each of the three pytest processes.
# `make test` still runs everything with every example, as CI does.
test-fast: $(STAMP)
	MOTESBOK_QUICK_TESTS=1 $(PY) -m pytest -n 2 -q -p no:textual-snapshot -p no:syrupy \
		-m "not slow" tests/unit

bench: $(STAMP)
	$(PY) bench/autosave.py
	$(PY) bench/export.py
	$(PY) bench/startup.py
	$(PY) bench/keystroke.py
	$(PY) bench/actions.py
	$(PY) bench/import.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
