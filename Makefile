# The project's commands; design.md §6 fixes their names.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench lint clean-db backup restore

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 이상이 필요합니다 (python3 --version)." if sys.version_info < (3, 11) else 0)'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $(STAMP)

# The site and, beside it, the worker (scheduled publishing, counters, the bin); Ctrl-C
# stops both: the shell's exit trap sends the worker SIGTERM and waits for its pass to end.
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "충청신문: http://127.0.0.1:8000/"
	@$(BIN)/python manage.py run_worker & worker=$$!; \
	trap 'kill -TERM $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT; trap 'exit 143' TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(BIN)/pytest

# make bench [import …]: benchmarks measured side by side, printed as tables.
bench: install
	$(BIN)/python -m bench $(filter-out bench,$(MAKECMDGOALS))

ifeq (bench,$(firstword $(MAKECMDGOALS)))
$(eval $(filter-out bench,$(MAKECMDGOALS)):;@:)
endif

lint: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Stop nothing and delete the embedded database (it is recreated on next use).
clean-db:
	rm -rf var/postgres

# The database (pg_dump) and the media in one folder, var/backups/<KST time>/ unless
# BACKUP_DIR says where: database.dump, media.tar.gz, manifest.json (backups/ app).
backup: install
	$(BIN)/python manage.py backup_site $(BACKUP_DIR)

# make restore [BACKUP=var/backups/2026-12-01T093012+0900] [FORCE=1 | DRILL=1]: the newest
# backup (or BACKUP) into an empty database, then checked against its manifest. FORCE=1
# replaces a database that has tables (stop make run first); DRILL=1 restores into a scratch
# database, checks it and drops it, leaving the site alone.
restore: install
	$(BIN)/python manage.py restore_site $(if $(BACKUP),"$(BACKUP)") $(if $(FORCE),--force) $(if $(DRILL),--drill)
