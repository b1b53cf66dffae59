"""A spreadsheet is read as Excel shows and prints it: units written by a number format, hidden rows and
columns left out and named, and formulas whose results the file does not keep named instead of read as
empty."""

from __future__ import annotations

import io

import openpyxl
import pytest

import ekstrak
from inti.cells import format_affixes


def _book():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "PK"
    sheet.append(["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"])
    sheet.append([1, "Meningkatnya kualitas perencanaan", "Jumlah dokumen perencanaan", 5])
    sheet.append([2, "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", 75])
    sheet.append([3, "Meningkatnya kualitas SDM", "Persentase pegawai yang dilatih", 0.6])
    sheet["D4"].number_format = "0%"
    return book


def _read(book):
    out = io.BytesIO()
    book.save(out)
    doc = ekstrak.extract_bytes(out.getvalue(), "pk.xlsx")
    rows = [(s["uraian"], i["uraian"], i["target"]) for s in doc.to_dict()["sasaran"] for i in s["indikator"]]
    return rows, [w.pesan for w in doc.peringatan]


@pytest.mark.parametrize(
    ("number_format", "shown"),
    [
        ('0" Dokumen"', ("", " Dokumen")),
        ('"Rp "#,##0', ("Rp ", "")),
        ("[$Rp-421]#,##0", ("Rp", "")),
        ("0\\ \\h\\a\\r\\i", ("", " hari")),
        ('0 "orang";-0', ("", " orang")),
        ("#,##0_);(#,##0)", ("", "")),
        ("[Red]0.00", ("", "")),
        ("0.00%", ("", "")),
        ("General", ("", "")),
    ],
)
def test_the_text_a_number_format_writes_around_the_number(number_format, shown):
    assert format_affixes(number_format) == shown


def test_a_unit_written_by_the_number_format_is_the_targets_unit():
    book = _book()
    book.active["D2"].number_format = '0" Dokumen"'
    rows, warnings = _read(book)
    assert rows[0][2] == {"teks": "5 Dokumen", "nilai": 5, "satuan": "Dokumen"}
    assert warnings == []


def test_a_hidden_row_is_left_out_as_excel_prints_it_and_named():
    book = _book()
    book.active.row_dimensions[3].hidden = True
    rows, warnings = _read(book)
    assert [row[1] for row in rows] == ["Jumlah dokumen perencanaan", "Persentase pegawai yang dilatih"]
    assert any("baris yang disembunyikan tidak dibaca" in w and "(3)" in w for w in warnings)


def test_a_hidden_column_is_left_out_and_named():
    book = _book()
    book.active["E1"] = "TARGET 2023"
    book.active["E2"] = 4
    book.active.column_dimensions["E"].hidden = True
    rows, warnings = _read(book)
    assert [row[2]["teks"] for row in rows] == ["5", "75", "60%"]
    assert warnings == ['lembar "PK": kolom yang disembunyikan tidak dibaca, seperti tidak tercetak (E); bila isinya '
                        "bagian tabel, tampilkan lalu baca lagi"]  # fmt: skip


def test_a_formula_whose_result_the_file_does_not_keep_is_named():
    book = _book()
    book.active["D3"] = "=70+5"  # openpyxl writes no result, as programs that export sheets often do
    rows, warnings = _read(book)
    assert rows[1][2] is None
    assert any("sel D3 berisi rumus" in w for w in warnings)


def test_a_sheet_as_excel_shows_it_reads_without_a_warning():
    rows, warnings = _read(_book())
    assert [row[2]["teks"] for row in rows] == ["5", "75", "60%"]
    assert warnings == []
