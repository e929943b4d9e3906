# Set-up and everyday commands. `make run` and `make test` work on a fresh clone with only
# Python 3.11 and make: every step they need is here.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Local development and tests read .env (DEBUG=1 and a generated SECRET_KEY), written once by
# `make install`; production sets DEBUG=0 and a SECRET_KEY in the environment instead.

.PHONY: install run test lint pytest bench eval clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet '.[dev]'
	touch $@

# Only when missing: an existing .env keeps its key and whatever the developer put in it.
.env: | $(BIN)/python
	$(BIN)/python -m learning.dotenv_file $@

install: $(VENV)/.installed .env

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "Serving on http://127.0.0.1:8000 (stop with Ctrl-C)"
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

pytest: install
	$(BIN)/pytest $(PYTEST_ARGS)

test: lint pytest

bench: install
	# Every benchmark runs; the target fails at the end if any missed a target (exit 2) or broke.
	status=0; \
	for bench in generation reviews api; do \
		$(BIN)/python bench/$$bench.py || status=$$?; \
	done; \
	exit $$status

eval: install
	# The question rankers against the rated set (needs ../shared/articles; says so without it).
	$(BIN)/python -m quizzes.generation.ranking.evaluate

clean:
	rm -rf $(VENV) var
