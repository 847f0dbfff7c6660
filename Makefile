# wiretrace: two commands do the work.
#   make audit   set up .venv, `wiretrace report seeds/`: audit once into reports/seeds/, run every
#                notebook on that audit into reports/seeds/notebooks/*.html, write reports/seeds/index.html
#   make test    set up .venv, run ruff (code and notebooks), pytest and nbval on notebooks/
#   make bench   run the benchmarks (package wtbench in benchmarks/), rewrite the README figures
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))

.PHONY: audit test lint bench lab notebooks refresh-notebooks clean

$(STAMP): pyproject.toml benchmarks/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# The pip the venv ships with (Python 3.11's own, 23.x in CI) installs everything: not upgraded,
	# so the dependency set is the one that pip resolves (lxml_html_clean is declared for it).
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet -e benchmarks/
	touch $(STAMP)

audit: $(STAMP)
	$(BIN)/wiretrace report seeds/ --out reports/seeds

# The same report, kept under its old name.
notebooks: audit

# Re-execute the committed notebooks in place (no timing metadata, so diffs stay small).
refresh-notebooks: $(STAMP)
	cd notebooks && for nb in $(notdir $(NOTEBOOKS)); do \
		../$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
			--NotebookClient.record_timing=False "$$nb" || exit 1; \
	done

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/pytest
	$(BIN)/pytest --nbval notebooks --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/python -m wtbench.run

lab: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[lab]'
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf reports/ .pytest_cache
