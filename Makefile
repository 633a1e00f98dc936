# Two commands, on a machine that has only python3:  make run  and  make test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench demo-logs clean

run: $(VENV)/.installed
	$(BIN)/lossmon demo

test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest -q -n 2

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	touch $(VENV)/.installed $@

demo-logs: $(VENV)/.installed
	$(BIN)/python -m lossmon.demo.generate demo_logs

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
