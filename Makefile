# Two commands do all the set-up: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := samples/iku_kanwil_sulbar_2022.txt
# poppler-utils: pdftotext for the fixture check; LibreOffice: reading .doc/.xls/.odt/.ods.
DEBIAN_PACKAGES := poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui

.PHONY: demo test lint install debian clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/.installed

demo: install
	mkdir -p out
	$(BIN)/ekstrak $(SAMPLE) -o out/iku.json
	$(BIN)/ekstrak $(SAMPLE) -o out/iku.csv
	$(BIN)/ekstrak $(SAMPLE) -o out/iku.xlsx
	@echo "Hasil ada di out/: iku.json, iku.csv, iku.xlsx"

# As root (CI, a fresh machine) install the Debian tools the tests call; elsewhere they must be there.
debian:
	@if [ "$$(id -u)" = 0 ]; then \
		missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
		if [ -n "$$missing" ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
		fi; \
	fi

lint: install
	$(BIN)/ruff check ekstrak tests benchmarks
	$(BIN)/ruff format --check ekstrak tests benchmarks

test: install debian
	$(BIN)/ruff check ekstrak tests benchmarks
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
