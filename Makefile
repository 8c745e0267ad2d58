# `make video PROMPT="..."` and `make test` do all set-up on first use.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.setup-done
PROMPT ?= Create a 30-second video introducing Bloom Yoga, a neighbourhood studio with morning flow, prenatal classes and a sauna. Sage green and cream. Book at bloomyoga.studio
ARGS   ?=

.PHONY: setup video test bench presenters eval-planner design-check style-previews clean

$(STAMP): requirements.lock requirements-nodeps.lock pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $@

setup: $(STAMP)

video: $(STAMP)
	$(PY) -m onetake make "$(PROMPT)" --out out $(ARGS)

test: $(STAMP)
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) bench/run_examples.py

# Catalogue contact sheet (every presenter, mouth closed and open), preview images and videos,
# and photo-avatar frames from the astronaut and Grace Hopper portraits: all into out/presenters.
presenters: $(STAMP)
	$(PY) -m onetake.avatar.preview out/presenters --videos --photos

eval-planner: $(STAMP)
	$(PY) bench/eval_planner.py --set all

design-check: $(STAMP)
	$(PY) bench/design_check.py

style-previews: $(STAMP)
	$(PY) -m onetake styles --previews

clean:
	rm -rf out .pytest_cache
