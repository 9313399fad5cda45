# Two commands for a new user:  `make run` (install + start the dashboard)  and  `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)
PORT   ?= 8501
PYTEST_ARGS ?=

.PHONY: run test setup browser postgres test-unit test-app test-e2e bench ingest clean

setup: $(STAMP)
	$(BIN)/python -m geo.build

$(STAMP): requirements.txt
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

run: setup
	$(BIN)/python -m streamlit run dashboard.py --server.address 127.0.0.1 --server.port $(PORT)

# Debian's chromium drives the browser tests (Playwright's own browser download is not used).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; fi; \
	fi

# Debian's postgresql server binaries: the store tests start a throw-away cluster of their own (tests/postgres.py).
postgres:
	@if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; fi \
	  || echo "postgresql could not be installed: the PostgreSQL store tests will be skipped"; \
	fi

test: setup browser postgres
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-unit: setup postgres
	$(BIN)/python -m pytest tests/unit $(PYTEST_ARGS)

test-app: setup
	$(BIN)/python -m pytest tests/app $(PYTEST_ARGS)

test-e2e: setup browser
	$(BIN)/python -m pytest tests/e2e $(PYTEST_ARGS)

bench: setup browser
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_geocode.py
	$(BIN)/python bench/bench_map_server.py
	$(BIN)/python bench/bench_map_browser.py

clean:
	rm -rf $(VENV) geo/_build var .pytest_cache
