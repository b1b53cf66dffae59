"""Golden files: each fixture document gives exactly its expected records."""

from __future__ import annotations

import copy
import json

import pdfplumber
import pytest
from conftest import FIXTURES, GOLDEN, ROOT, SEED, contract, load_json

import ekstrak

SCHEMA = load_json(ROOT / "ekstrak" / "schema" / "dokumen.schema.json")

# The seed's table in the shapes offices make it (tests/fixtures/make_fixtures.py); each gives the seed's records.
SEED_SHAPES = [
    "sulbar_spasi.txt",  # runs of spaces instead of tabs
    "sulbar_word_layout.txt",  # pdftotext -layout: numbered sub-indicators in one cell, rows cut by page breaks
    "sulbar_paragraf_layout.txt",  # unnumbered indicators as paragraphs, targets stacked
    "sulbar_baris_per_indikator_layout.txt",  # one row per indicator, NO and SASARAN merged
    "sulbar_word.pdf",  # Word table saved as PDF by LibreOffice, header repeated, rows across pages
    "sulbar_paragraf.pdf",
    "sulbar_baris_per_indikator.pdf",
    "sulbar_tanpa_garis.pdf",  # a table without borders
    "sulbar_tanpa_garis.docx",
    "sulbar_daftar.pdf",  # indicators numbered by Word's list formatting
    "sulbar_word.docx",
    "sulbar_paragraf.docx",
    "sulbar_baris_per_indikator.docx",  # vertically merged NO and SASARAN
    "sulbar_daftar.docx",  # numbering that Word applies as list formatting, restarting per cell
    "sulbar_terpisah.docx",  # the table split into two tables
    "sulbar_kop.pdf",  # a running header and a page-number footer on every page
    "sulbar_tengah.pdf",  # header cells centred vertically: the header stands over three lines
    "sulbar_tengah_layout.txt",
    "sulbar_tengah.docx",
    "sulbar_kop.docx",
    "sulbar.xlsx",  # merged cells, title rows, percentages stored as fractions
    "sulbar.ods",  # through LibreOffice
    "sulbar.xls",
    "sulbar_word.odt",
    "sulbar_word.doc",
]
# pdftotext -layout prints the seed's `5 %` (sasaran 11) as `5%`; teks keeps what the text says.
PDFTOTEXT_GLUED = {"_layout.txt": ((10, 0), "5 %", "5%")}


def _validate(doc: dict) -> None:
    import jsonschema

    jsonschema.validate(doc, SCHEMA)


def _expected_for(name: str, seed_expected: dict) -> dict:
    expected = copy.deepcopy(seed_expected)
    for ending, ((sasaran, indikator), written, printed) in PDFTOTEXT_GLUED.items():
        if name.endswith(ending):
            target = expected["sasaran"][sasaran]["indikator"][indikator]["target"]
            assert target["teks"] == written
            target["teks"] = printed
    return expected


def test_seed_gives_the_expected_records(seed_expected):
    doc = ekstrak.extract(SEED).to_dict()
    assert contract(doc) == seed_expected
    assert doc["peringatan"] == []
    _validate(doc)


def test_expected_json_is_a_valid_document(seed_expected):
    _validate(seed_expected)


def test_ints_stay_ints_in_json():
    text = ekstrak.render(ekstrak.extract(SEED), "json").decode()
    assert '"nilai": 81,' in text and '"nilai": 3.1,' in text and "81.0" not in text


@pytest.mark.parametrize("name", SEED_SHAPES)
def test_every_shape_of_the_seed_gives_its_records(name, seed_expected):
    doc = ekstrak.extract(FIXTURES / name).to_dict()
    assert contract(doc) == _expected_for(name, seed_expected)
    assert doc["peringatan"] == []
    _validate(doc)


@pytest.mark.parametrize("name", [n for n in SEED_SHAPES if n.endswith("_layout.txt")])
def test_layout_text_records_say_where_they_came_from(name):
    doc = ekstrak.extract(FIXTURES / name).to_dict()
    text = (FIXTURES / name).read_text(encoding="utf-8")
    pages, lines = text.split("\f"), text.split("\n")
    for sasaran in doc["sasaran"]:
        first_line = lines[sasaran["baris"] - 1]
        assert first_line.split()[0] == str(sasaran["nomor"]), first_line
        assert first_line in pages[sasaran["halaman"] - 1].split("\n")
    assert max(s["halaman"] for s in doc["sasaran"]) >= 3


@pytest.mark.parametrize(
    ("name", "pages_with_rows"),
    [("sulbar_word.pdf", 3), ("sulbar_baris_per_indikator.pdf", 3), ("iku_dinas_landscape.pdf", 1)],
)
def test_pdf_records_name_the_page_their_row_starts_on(name, pages_with_rows):
    doc = ekstrak.extract(FIXTURES / name)
    with pdfplumber.open(FIXTURES / name) as pdf:
        pages = [(page.width, page.extract_words()) for page in pdf.pages]
    for sasaran in doc.sasaran:
        width, words = pages[sasaran.halaman - 1]
        numbers = [w for w in words if w["text"] == str(sasaran.nomor) and w["x0"] < 0.2 * width]
        assert numbers, (sasaran.nomor, sasaran.halaman)
        assert sasaran.uraian.split()[0] in {w["text"] for w in words}
    assert len({s.halaman for s in doc.sasaran}) == pages_with_rows


GOLDENS = sorted(p.name.removesuffix(".json") for p in GOLDEN.glob("*.*.json"))


def _without_provenance(data):
    """Everything but page and line numbers (and a golden's own `_catatan` note)."""
    if isinstance(data, dict):
        return {k: _without_provenance(v) for k, v in data.items() if k not in ("halaman", "baris", "_catatan")}
    if isinstance(data, list):
        return [_without_provenance(v) for v in data]
    return data


@pytest.mark.parametrize("name", GOLDENS)
def test_other_office_shapes_match_their_golden(name):
    doc = ekstrak.extract(FIXTURES / name).to_dict()
    got = _without_provenance(doc)
    assert got == _without_provenance(load_json(GOLDEN / f"{name}.json")), json.dumps(got, ensure_ascii=False)[:3000]
    _validate(doc)


def test_every_fixture_document_is_checked():
    checked = set(SEED_SHAPES) | set(GOLDENS) | {"pindaian.pdf", "terkunci.pdf"}  # both in test_cli
    documents = {p.name for p in FIXTURES.iterdir() if p.suffix != ".py"}
    assert documents <= checked, sorted(documents - checked)
    assert len(GOLDENS) >= 4
