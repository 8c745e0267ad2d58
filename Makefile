# `make video PROMPT="..."` and `make test` do all set-up on first use.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.setup-done
PROMPT ?= Create a 20-second video introducing onetake, the offline presenter video maker.
ARGS   ?=

.PHONY: setup video test bench clean

$(STAMP): requirements.lock pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $@

setup: $(STAMP)

video: $(STAMP)
	$(PY) -m onetake make "$(PROMPT)" --out out $(ARGS)

test: $(STAMP)
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) bench/run_examples.py

clean:
	rm -rf out .pytest_cache
