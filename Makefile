# Vigil: the two commands are `make run` (set up and serve the demo) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_DIRS_DB := tests/cases tests/audit tests/search tests/web tests/intake tests/followups tests/security tests/appeals tests/api

.PHONY: install run test lint lock docs messages bench soak soak-hostile soak-crash clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --only-binary :all: -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: install
	@echo "make run: a DEMO store, its key kept unwrapped inside VIGIL_HOME (--insecure-key-in-home)."
	@echo "For real data run 'vigil init' yourself: it asks for a passphrase that wraps the key."
	$(BIN)/vigil init --demo --insecure-key-in-home
	$(BIN)/vigil serve --dev

test: install
	env -u VIGIL_TEST_DATABASE_URL $(BIN)/pytest
	@if [ -n "$$VIGIL_TEST_DATABASE_URL" ]; then \
		echo "== database tests again on PostgreSQL"; \
		$(BIN)/pytest $(TEST_DIRS_DB); \
	elif [ -n "$$CI" ]; then \
		echo "CI: VIGIL_TEST_DATABASE_URL is not set, so PostgreSQL was not tested" >&2; exit 1; \
	else \
		echo "(PostgreSQL not tested: set VIGIL_TEST_DATABASE_URL, or run .ci/run)"; \
	fi

lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

docs: install
	$(BIN)/python -m vigil.cli.reference > docs/cli.md

messages: install
	$(BIN)/python scripts/catalogues.py
	$(BIN)/pybabel compile -d src/vigil/locale -D django
	cd src/vigil/web && DJANGO_SETTINGS_MODULE=vigil.settings.test ../../../$(BIN)/django-admin makemessages -l fr -l es -l ru --no-location --no-obsolete
	$(BIN)/pybabel compile -d src/vigil/web/locale -D django

# The development corpus, then the real one (eval/real) when its texts are on this machine.
eval: install
	$(BIN)/python ../shared/eval/score.py --gold ../shared/eval/dev/gold.jsonl --texts ../shared/eval/dev \
		--cmd "$(BIN)/vigil extract --json"
	@if [ -d eval/real/texts ]; then $(BIN)/python scripts/real_corpus.py score --cmd "$(BIN)/vigil extract --json"; \
	else echo "(eval/real/texts is absent: the real corpus is not scored; see eval/real/README.md)"; fi

bench: install
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/render.py
	$(BIN)/python benchmarks/identity.py

# The long security runs (not part of `make test`; `make -j2 soak` runs the two at once):
# 10,000 hostile inputs, each read in its own process killed at its time limit and unable to
# allocate past its memory limit (per-input table in SOAK_DIR), and RUNS (200) kill -9 of `vigil ingest --accept --jobs 2` landing mid-ingest.
RUNS ?= 200
SOAK_DIR ?= /tmp/vigil-soak-report
HOSTILE_JOBS ?= 1
soak: soak-hostile soak-crash

soak-hostile: install
	mkdir -p $(SOAK_DIR)
	VIGIL_HOSTILE_COUNT=10000 VIGIL_HOSTILE_JOBS=$(HOSTILE_JOBS) VIGIL_HOSTILE_REPORT=$(SOAK_DIR)/hostile.tsv \
		$(BIN)/pytest -q -s -p no:cacheprovider tests/security/test_hostile_corpus.py

soak-crash: install
	mkdir -p $(SOAK_DIR)
	$(BIN)/python scripts/soak_crash.py $(RUNS) --report $(SOAK_DIR)/crash.txt

lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
