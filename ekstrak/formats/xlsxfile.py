"""The flat sheet as an XLSX workbook (Indikator, Dokumen, Anggaran, Peringatan); text never a formula; and back."""

from __future__ import annotations

import io
from collections.abc import Collection
from dataclasses import replace
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from inti.cells import cell_int, cell_text, display, open_workbook
from inti.errors import FormatTidakDikenal
from inti.kolom import POLARITAS

from ..model import Dokumen, Peringatan
from .rows import NUMERIC, anggaran_from_records, flat_rows, from_records, header, is_flat_header

WIDTHS = {
    "kelompok": 22,
    "no_sasaran": 8,
    "sasaran": 40,
    "no_indikator": 8,
    "indikator": 55,
    "target": 16,
    "nilai_target": 12,
    "satuan": 14,
    "polaritas": 11,
    "realisasi": 14,
    "keterangan": 30,
    "halaman": 9,
    "baris": 7,
    "target_mentah": 30,
}
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
WRAP = Alignment(wrap_text=True, vertical="top")


def _style_header(ws: Worksheet, widths: list[float]) -> None:
    """Bold white-on-blue header row, frozen, and the column widths."""
    for col, width in enumerate(widths, start=1):
        cell = ws.cell(row=1, column=col)
        cell.fill = HEADER_FILL
        cell.font = HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"


def _append(ws: Worksheet, values: list[Any], numeric: Collection[int] = ()) -> None:
    """A row of cells; text is stored as text even when it starts with `=` (never a live formula)."""
    ws.append(values)
    for index, cell in enumerate(ws[ws.max_row]):
        if isinstance(cell.value, str) and index not in numeric:
            cell.data_type = "s"


def xlsx_bytes(doc: Dokumen) -> bytes:
    """The workbook an office fills in: the Indikator sheet, then Dokumen, Anggaran and Peringatan."""
    names = header(doc)
    rows = flat_rows(doc)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Indikator"
    _append(ws, names)
    numeric = {i for i, name in enumerate(names) if name in NUMERIC}
    for row in rows:
        _append(ws, [row.get(name) if row.get(name) != "" else None for name in names], numeric)
    _style_header(ws, [WIDTHS.get(name, 18) for name in names])
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = WRAP
    if rows:
        col = get_column_letter(names.index("polaritas") + 1)
        check = DataValidation(
            type="list",
            formula1='"' + ",".join(POLARITAS) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Polaritas",
            error="Pilih naik, turun atau stabil.",
        )
        check.add(f"{col}2:{col}{len(rows) + 1}")
        ws.add_data_validation(check)
        ws.auto_filter.ref = f"A1:{get_column_letter(len(names))}{len(rows) + 1}"

    info = wb.create_sheet("Dokumen")
    for values in (["kolom", "isi"], ["judul", doc.judul], ["instansi", doc.instansi], ["tahun", doc.tahun]):
        _append(info, values)
    _style_header(info, [12, 70])

    budget = wb.create_sheet("Anggaran")
    budget_header = ["uraian", "teks", "nilai", "realisasi"]
    _append(budget, budget_header)
    for a in doc.anggaran:
        _append(budget, [a.uraian, a.teks, a.nilai, None])
    _style_header(budget, [50, 24, 18, 18])
    for line in budget.iter_rows(min_row=2, min_col=3, max_col=4):
        for cell in line:
            cell.number_format = "#,##0"

    if doc.peringatan:
        notes = wb.create_sheet("Peringatan")
        _append(notes, ["pesan", "kelompok", "sasaran", "indikator", "halaman", "baris"])
        for p in doc.peringatan:
            _append(notes, [p.pesan, p.kelompok, p.sasaran, p.indikator, p.halaman, p.baris])
        _style_header(notes, [80, 18, 9, 9, 9, 7])

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# Columns read as the sheet shows them (85% typed into a percent cell is 0,85 underneath).
AS_SHOWN = {"target", "realisasi", "target_renstra", "teks"}


def _records(ws: Worksheet) -> list[dict[str, Any]]:
    rows = list(ws.iter_rows())
    if not rows:
        return []
    header = [str(c.value).strip().lower() if c.value is not None else "" for c in rows[0]]
    records = []
    for row in rows[1:]:
        values = [
            display(c.value, c.number_format) if name in AS_SHOWN and isinstance(c.value, (int, float)) else c.value
            for name, c in zip(header, row)
        ]
        if any(v not in (None, "") for v in values):
            records.append(dict(zip(header, values)))
    return records


def is_kinerja_workbook(data: bytes) -> bool:
    """Whether a workbook is the flat sheet `ekstrak` writes (an Indikator sheet with its columns)."""
    wb = open_workbook(data, read_only=True)
    try:
        sheet = wb["Indikator"] if "Indikator" in wb.sheetnames else wb.worksheets[0]
        first = next(sheet.iter_rows(max_row=1, values_only=True), ())
        return is_flat_header(first)
    finally:
        wb.close()


def read_workbook(data: bytes) -> Dokumen:
    """A workbook written by `ekstrak` (and filled in by the office) back into a document."""
    wb = open_workbook(data)
    sheet = wb["Indikator"] if "Indikator" in wb.sheetnames else wb.worksheets[0]
    first = next(sheet.iter_rows(max_row=1, values_only=True), ())
    if not is_flat_header(first):
        raise FormatTidakDikenal("Lembar XLSX ini bukan lembar indikator Kinerja (kolom sasaran, indikator, target).")
    doc = from_records(_records(sheet))
    changes: dict[str, Any] = {}
    if "Dokumen" in wb.sheetnames:
        info = {str(r.get("kolom", "")).strip(): r.get("isi") for r in _records(wb["Dokumen"])}
        changes["judul"] = cell_text(info.get("judul")) or None
        changes["instansi"] = cell_text(info.get("instansi")) or None
        changes["tahun"] = cell_int(info.get("tahun"))
    if "Anggaran" in wb.sheetnames:
        changes["anggaran"] = tuple(anggaran_from_records(_records(wb["Anggaran"])))
    if "Peringatan" in wb.sheetnames:
        kept = [
            Peringatan(
                cell_text(r.get("pesan")),
                cell_int(r.get("sasaran")),
                cell_int(r.get("halaman")),
                cell_int(r.get("baris")),
                cell_text(r.get("kelompok")) or None,
                cell_int(r.get("indikator")),
            )
            for r in _records(wb["Peringatan"])
        ]
        changes["peringatan"] = (*kept, *doc.peringatan)
    return replace(doc, **changes)
