# Two commands do all the set-up: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := samples/iku_kanwil_sulbar_2022.txt
# poppler-utils: pdftotext for the fixture check; LibreOffice: reading .doc/.xls/.odt/.ods;
# Pango and HarfBuzz-Subset: WeasyPrint (PDF reports, fonts subset and embedded);
# chromium: the web application's end-to-end test (Playwright drives it; no browser is downloaded);
# Tesseract with its Indonesian, English (it reads "%") and orientation models: OCR of scanned documents;
# PostgreSQL: the web tests run on it too, against a server the test session starts in a folder of its own.
DEBIAN_PACKAGES := poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui libpango-1.0-0 libpangoft2-1.0-0 \
	libharfbuzz-subset0 chromium tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng tesseract-ocr-osd postgresql

.PHONY: demo test lint install debian clean gambar

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
	$(BIN)/laporan samples/isian_2022_CONTOH.xlsx --tahun-lalu samples/isian_2021_CONTOH.xlsx \
		--tahun-lalu samples/isian_2020_CONTOH.xlsx \
		--profil samples/profil_CONTOH.toml -o out/lakip.pdf -o out/lakip.docx -o out/lakip.html
	@echo "Hasil ada di out/: iku.json, iku.csv, iku.xlsx (data), lakip.pdf, lakip.docx, lakip.html (laporan contoh)"
	@echo "Aplikasi web: $(BIN)/kinerja-web"

# As root (CI, a fresh machine) install the Debian tools the tests call; elsewhere they must be there.
debian:
	@if [ "$$(id -u)" = 0 ]; then \
		missing=$$(for p in $(DEBIAN_PACKAGES); do \
			dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
		if [ -n "$$missing" ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
		fi; \
	fi

lint: install
	$(BIN)/ruff check inti ekstrak laporan kinerja_web tests benchmarks templates samples
	$(BIN)/ruff format --check inti ekstrak laporan kinerja_web tests benchmarks templates samples

test: install debian
	$(BIN)/ruff check inti ekstrak laporan kinerja_web tests benchmarks templates samples
	$(BIN)/python -m pytest -n auto --dist loadfile

# The README's pictures: the sample report's cover, Ikhtisar Eksekutif, the Bab III chart and measurement
# table, a sasaran with its years, the signed Perjanjian Kinerja; and the web application's pages, taken by
# its end-to-end test.
gambar: demo debian
	mkdir -p docs/gambar
	rm -f docs/gambar/sampul-*.png docs/gambar/ikhtisar-*.png docs/gambar/bab3-*.png docs/gambar/sasaran-*.png \
		docs/gambar/lampiran-*.png
	pdftoppm -r 45 -png -f 1 -l 1 out/lakip.pdf docs/gambar/sampul
	pdftoppm -r 45 -png -f 7 -l 7 out/lakip.pdf docs/gambar/ikhtisar
	pdftoppm -r 45 -png -f 14 -l 15 out/lakip.pdf docs/gambar/bab3
	pdftoppm -r 45 -png -f 24 -l 24 out/lakip.pdf docs/gambar/sasaran
	pdftoppm -r 45 -png -f 70 -l 70 out/lakip.pdf docs/gambar/lampiran
	KINERJA_GAMBAR=docs/gambar $(BIN)/python -m pytest -q tests/web/test_web_e2e.py tests/web/test_web_e2e_pindaian.py

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis

# Mutation testing (slow, not part of `make test`): mutmut plants one small bug at a time in the modules where a
# silent bug costs most (numbers, targets, sub-indicator splitting, capaian and predikat, limits and ZIP checks,
# atomic writes, the web's guards) and runs the tests that reach it: each group of modules against its own test
# files (tests/mutasi.py), niced, one mutmut child. Done in copies under build/mutasi/, so the checkout stays as
# it is. Ends with `mutasi: K/N terbunuh (P%)`; the survivors, in build/mutasi/hidup.txt, are explained in
# tests/MUTASI.md.
# The Indonesian word list words.py uses to tell a word a narrow column broke (`Meni` / `ngkat` / `nya`) from two
# words: the word list inside Debian's Tesseract model for Indonesian, lower case, letters only.
.PHONY: kamus
kamus: debian
	tmp=$$(mktemp -d) && combine_tessdata -u /usr/share/tesseract-ocr/5/tessdata/ind.traineddata $$tmp/ind. >/dev/null 2>&1 && \
	dawg2wordlist $$tmp/ind.lstm-unicharset $$tmp/ind.lstm-word-dawg $$tmp/kata.txt >/dev/null 2>&1 && \
	tr 'A-Z' 'a-z' < $$tmp/kata.txt | grep -E '^[a-z]+$$' | LC_ALL=C sort -u | gzip -9 -n > ekstrak/data/kata_ind.txt.gz && \
	rm -rf $$tmp

.PHONY: mutasi
mutasi: install
	$(BIN)/python tests/mutasi.py
