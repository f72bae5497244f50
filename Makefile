# Self-documenting: `make help` lists every target with the text after its `##`.
.DEFAULT_GOAL := help
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))
ARTICLE ?= ../data/raw/ap-2022-09-19-blinken-armenia-azerbaijan.txt
# Notebooks run in parallel, one kernel per worker: --dist loadscope keeps each notebook's cells
# together and in order on one worker (nbval's advice for xdist). tests.startup: see its docstring.
# The kernels are forked from one process that has imported what the notebooks import
# (tests/preloaded_kernel.py): the same ipykernel, without 1.6 CPU s of imports per notebook.
# No notebook test uses hypothesis, whose plugin costs about a CPU second in each pytest process,
# nor anyio, whose plugin imports its asyncio backend (0.2 s); pytest's unraisableexception plugin
# runs gc.collect() at exit (0.2 s in each process, after the last notebook).
NBVAL_WORKERS ?= 2
# NBVAL_KERNEL=--nbval-current-env runs the same tests in plain kernels (about twice the CPU time).
NBVAL_KERNEL ?= --nbval-kernel-name helpers-preloaded
NBVAL := -p tests.startup -p tests.preloaded_kernel -p no:hypothesispytest -p no:anyio -p no:unraisableexception \
	--nbval $(NBVAL_KERNEL) \
	--nbval-sanitize-with tests/nbval-sanitize.cfg -n $(NBVAL_WORKERS) --dist loadscope

# Bytecode caches are written (into the gitignored __pycache__ folders) even where the environment sets
# PYTHONDONTWRITEBYTECODE: without them every process and kernel compiles the package again, and
# pytest rewrites its plugins' asserts again in each of its processes (0.4 s each).
unexport PYTHONDONTWRITEBYTECODE

# Progress bars (helpers.corpus) stay silent while notebooks are executed for stored outputs.
run nbval notebooks: export HELPERS_PROGRESS = 0

.PHONY: help setup run test lint unit nbval bench train-events lab notebooks lock clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[notebooks,bench,dask,test]"
	touch $@

setup: $(VENV)/.installed ## Create .venv and install the pinned dependencies and the package

run: setup ## Execute every notebook on ARTICLE into reports/ (HTML, figures, tables)
	$(PY) -m helpers.reports --article $(ARTICLE) --reports reports $(NOTEBOOKS)

test: lint unit nbval ## Lint, run the unit tests, then the notebooks under nbval (strict)

lint: setup ## Check style and formatting with ruff (configured in pyproject.toml)
	$(PY) -m ruff check src tests benchmarks notebooks
	$(PY) -m ruff format --check src tests benchmarks notebooks

unit: setup ## Run the unit, property-based and doctest tests
	$(PY) -m pytest -q -p tests.startup -p no:anyio tests src/helpers

nbval: setup ## Execute the notebooks and compare them with their stored outputs
	$(PY) -m pytest -q -p no:cacheprovider -o addopts="" $(NBVAL) notebooks

bench: setup ## Print quality and speed beside other tools (needs ../shared/benchmarks)
	$(PY) benchmarks/boilerplate.py --repeat 5
	$(PY) benchmarks/variants.py
	$(PY) benchmarks/timex.py
	$(PY) benchmarks/frequencies.py
	$(PY) benchmarks/pubdate.py
	$(PY) benchmarks/language.py
	$(PY) benchmarks/events.py

train-events: setup ## Retrain the event models in src/helpers/data (needs ../shared/benchmarks)
	$(PY) benchmarks/train_events.py

lab: setup ## Open JupyterLab on the notebooks
	$(PY) -m jupyter lab notebooks

notebooks: setup ## Re-execute the notebooks in place to refresh stored outputs (metadata stripped)
	for nb in $(NOTEBOOKS); do \
	  $(PY) -m jupyter nbconvert --to notebook --execute --inplace $$nb || exit 1; \
	done
	$(PY) -m nbstripout --keep-output --keep-count --extra-keys "metadata.language_info.version" $(NOTEBOOKS)

lock: ## Re-resolve the newest versions into constraints.txt (then update environment.yml)
	rm -rf /tmp/lock-venv && $(PYTHON) -m venv /tmp/lock-venv
	/tmp/lock-venv/bin/pip install --quiet -e ".[notebooks,bench,dask,test]"
	{ head -n 2 constraints.txt; /tmp/lock-venv/bin/pip freeze --exclude-editable | sort -f; } > constraints.new && mv constraints.new constraints.txt

clean: ## Remove reports/ and caches (keeps .venv)
	rm -rf reports .pytest_cache .hypothesis
	find . -name __pycache__ -prune -exec rm -rf {} +
