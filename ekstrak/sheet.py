"""The document as JSON, and as the flat sheet (CSV, XLSX) an office fills in; and both read back."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from .errors import KinerjaError
from .files import write_atomic
from .model import Anggaran, Dokumen, Indikator, Peringatan, Sasaran, Target
from .numbers import as_number, format_number, parse_number
from .targets import parse_target

COLUMNS = [
    "kelompok",
    "no_sasaran",
    "sasaran",
    "no_indikator",
    "indikator",
    "target",
    "nilai_target",
    "satuan",
    "polaritas",
    "realisasi",
    "keterangan",
]
# Where each row came from in the source; kept so a sheet read back gives the same records.
SOURCE_COLUMNS = ["halaman", "baris"]
RAW_COLUMN = "target_mentah"
# Columns the office fills in; kept on the indicator (kolom_lain) so a filled sheet loses nothing.
FILLED = ("polaritas", "realisasi", "keterangan")
POLARITAS = ("naik", "turun", "stabil")
FORMATS = ("json", "csv", "xlsx")


def to_json(doc: Dokumen) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n"


def flat_rows(doc: Dokumen) -> list[dict[str, Any]]:
    """One row per indicator (a sasaran without indicators keeps one row), values as Python types."""
    raw = any(s.target_mentah for s in doc.sasaran)
    extra = _extra_names(doc)
    rows = []
    for s in doc.sasaran:
        for ind in s.indikator or [None]:
            target = ind.target if ind else None
            row: dict[str, Any] = {
                "kelompok": s.kelompok or "",
                "no_sasaran": s.nomor,
                "sasaran": s.uraian,
                "no_indikator": ind.nomor if ind else None,
                "indikator": ind.uraian if ind else "",
                "target": target.teks if target else "",
                "nilai_target": target.nilai if target else None,
                "satuan": (target.satuan or "") if target else "",
                "polaritas": ind.kolom_lain.get("polaritas", "") if ind else "",
                "realisasi": ind.kolom_lain.get("realisasi", "") if ind else "",
                "keterangan": ind.kolom_lain.get("keterangan", "") if ind else "",
                "halaman": (ind.halaman if ind else s.halaman),
                "baris": (ind.baris if ind else s.baris),
            }
            if raw:
                row[RAW_COLUMN] = s.target_mentah or ""
            for name in extra:
                row[name] = ind.kolom_lain.get(name, "") if ind else ""
            rows.append(row)
    return rows


def _extra_names(doc: Dokumen) -> list[str]:
    names: list[str] = []
    for s in doc.sasaran:
        for ind in s.indikator:
            for name in ind.kolom_lain:
                if name not in names and name not in FILLED:
                    names.append(name)
    return names


def _header(doc: Dokumen) -> list[str]:
    header = COLUMNS + SOURCE_COLUMNS
    if any(s.target_mentah for s in doc.sasaran):
        header.append(RAW_COLUMN)
    return header + _extra_names(doc)


def write_csv(doc: Dokumen, stream: IO[str]) -> None:
    """CSV as Excel in an Indonesian locale opens it: `;` between fields, decimal comma."""
    writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
    header = _header(doc)
    writer.writerow(header)
    for row in flat_rows(doc):
        value = row["nilai_target"]
        row["nilai_target"] = "" if value is None else format_number(value, thousands=False)
        writer.writerow(["" if row.get(k) is None else row.get(k) for k in header])


def csv_bytes(doc: Dokumen) -> bytes:
    text = io.StringIO()
    write_csv(doc, text)
    return text.getvalue().encode("utf-8-sig")


def xlsx_bytes(doc: Dokumen) -> bytes:
    from .workbook import workbook_bytes

    return workbook_bytes(doc, _header(doc), flat_rows(doc))


def render(doc: Dokumen, fmt: str) -> bytes:
    if fmt == "json":
        return to_json(doc).encode("utf-8")
    if fmt == "csv":
        return csv_bytes(doc)
    if fmt == "xlsx":
        return xlsx_bytes(doc)
    raise KinerjaError(f"Format keluaran '{fmt}' tidak dikenal; pilih json, csv atau xlsx.")


def save(doc: Dokumen, path: Path, fmt: str) -> None:
    """Write the document to `path` in `fmt`, atomically."""
    data = render(doc, fmt)
    write_atomic(path, data)


# Reading back ---------------------------------------------------------------------------------


def read_json_text(text: str) -> Dokumen:
    """A document as `ekstrak` writes it in JSON (perhaps corrected by hand) back into records."""
    try:
        data = json.loads(text.lstrip("\ufeff"))
        if not isinstance(data, dict) or not isinstance(data.get("sasaran"), list):
            raise ValueError("no sasaran")
        return Dokumen.from_dict(data)
    except json.JSONDecodeError as exc:
        raise KinerjaError(
            f"Berkas JSON ini tidak dapat dibaca (baris {exc.lineno}, kolom {exc.colno}); "
            "periksa tanda kurung dan koma."
        ) from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise KinerjaError(
            "Berkas JSON ini bukan dokumen Kinerja (harus berisi 'sasaran' dengan 'nomor', 'uraian', 'indikator')."
        ) from exc


def is_flat_header(cells: Iterable[Any]) -> bool:
    names = {str(c).strip().lower() for c in cells if c is not None}
    return {"sasaran", "indikator", "target"} <= names and ("no_sasaran" in names or "no_indikator" in names)


def read_csv_text(text: str) -> Dokumen:
    """The flat sheet as CSV (`;` or `,` between fields) back into a document."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows or not is_flat_header(rows[0]):
        raise KinerjaError("Berkas CSV ini bukan lembar indikator Kinerja (kolom sasaran, indikator, target).")
    header = [h.strip().lower() for h in rows[0]]
    records = [dict(zip(header, r)) for r in rows[1:] if any(c.strip() for c in r)]
    return from_records(records, start_line=2)


def from_records(records: list[dict[str, Any]], start_line: int = 2) -> Dokumen:
    """Flat rows (CSV or XLSX) back into sasaran and indicators; targets re-read where their value is empty."""
    doc = Dokumen()
    current: Sasaran | None = None
    key = None
    for offset, rec in enumerate(records):
        line = start_line + offset
        kelompok = cell_text(rec.get("kelompok")) or None
        no_sasaran = cell_int(rec.get("no_sasaran"))
        uraian = cell_text(rec.get("sasaran"))
        row_key = (kelompok, no_sasaran, uraian)
        if current is None or row_key != key:
            current = Sasaran(
                nomor=no_sasaran if no_sasaran is not None else len(doc.sasaran) + 1,
                kelompok=kelompok,
                uraian=uraian,
                target_mentah=cell_text(rec.get(RAW_COLUMN)) or None,
                halaman=cell_int(rec.get("halaman")),
                baris=cell_int(rec.get("baris")),
            )
            doc.sasaran.append(current)
            key = row_key
        indikator = cell_text(rec.get("indikator"))
        if not indikator and not cell_text(rec.get("target")):
            continue
        target = _target(rec, line, current.nomor, doc.peringatan)
        no_ind = cell_int(rec.get("no_indikator"))
        known = (set(COLUMNS) - set(FILLED)) | set(SOURCE_COLUMNS) | {RAW_COLUMN}
        lain = {k: cell_text(v) for k, v in rec.items() if k and k not in known and cell_text(v)}
        current.indikator.append(
            Indikator(
                nomor=no_ind if no_ind is not None else len(current.indikator) + 1,
                uraian=indikator,
                target=target,
                halaman=cell_int(rec.get("halaman")),
                baris=cell_int(rec.get("baris")),
                kolom_lain=lain,
            )
        )
    return doc


def _target(rec: dict[str, Any], line: int, sasaran: int, warnings: list[Peringatan]) -> Target | None:
    teks = cell_text(rec.get("target"))
    if not teks:
        return None
    target = parse_target(teks)
    nilai = cell_number(rec.get("nilai_target"))
    satuan = cell_text(rec.get("satuan")) or None
    if nilai is not None:
        if target.nilai is not None and nilai != target.nilai:
            warnings.append(
                Peringatan(
                    f'nilai_target {format_number(nilai)} berbeda dengan target "{teks}"; '
                    "nilai_target yang diisi dipakai",
                    sasaran=sasaran,
                    baris=line,
                )
            )
        target.nilai = nilai
    if satuan is not None:
        if target.satuan is not None and satuan != target.satuan:
            warnings.append(
                Peringatan(
                    f'satuan "{satuan}" berbeda dengan target "{teks}"; satuan yang diisi dipakai',
                    sasaran=sasaran,
                    baris=line,
                )
            )
        target.satuan = satuan
    return target


def cell_text(value: Any) -> str:
    """A spreadsheet cell as folded text (a whole float as an int: 2022.0 is 2022)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def cell_int(value: Any) -> int | None:
    """A spreadsheet cell as a whole number, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return int(value)
    number = parse_number(str(value).strip())
    return int(number) if isinstance(number, int) else None


def cell_number(value: Any) -> int | float | None:
    """A spreadsheet cell as a number (Indonesian text read too), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return as_number(value)
    return parse_number(str(value).strip())


def anggaran_from_records(records: list[dict[str, Any]]) -> list[Anggaran]:
    out = []
    for rec in records:
        uraian = cell_text(rec.get("uraian"))
        teks = cell_text(rec.get("teks"))
        if uraian or teks:
            out.append(Anggaran(uraian, teks, cell_number(rec.get("nilai"))))
    return out
