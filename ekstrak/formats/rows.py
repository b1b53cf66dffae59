"""Flat rows (one per indicator, as the CSV and XLSX sheets hold them) from records, and back."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from inti.cells import cell_int, cell_number, cell_text
from inti.kolom import CODE_COLUMNS, COLUMNS, FILLED, OCR_COLUMNS, RAW_COLUMN, SOURCE_COLUMNS
from inti.numbers import format_number

from ..model import Anggaran, Dokumen, Indikator, Keyakinan, Kolom, Peringatan, Sasaran, Target
from ..targets import parse_target

NUMERIC = ("no_sasaran", "no_indikator", "nilai_target", "halaman", "baris", *OCR_COLUMNS[1:])


def _has_codes(doc: Dokumen) -> bool:
    return any(s.kode or any(i.kode for i in s.indikator) for s in doc.sasaran)


def _scanned(doc: Dokumen) -> bool:
    return any(s.sumber or any(i.sumber for i in s.indikator) for s in doc.sasaran)


def extra_names(doc: Dokumen) -> list[str]:
    """The other columns of the document's indicators (PENANGGUNG JAWAB, TW I …), in order of appearance."""
    names: list[str] = []
    for s in doc.sasaran:
        for ind in s.indikator:
            for name in ind.kolom_lain:
                if name not in names and name not in FILLED:
                    names.append(name)
    return names


def header(doc: Dokumen) -> list[str]:
    out = [*COLUMNS, *SOURCE_COLUMNS]
    if any(s.target_mentah for s in doc.sasaran):
        out.append(RAW_COLUMN)
    if _has_codes(doc):
        out.extend(CODE_COLUMNS)
    if _scanned(doc):
        out.extend(OCR_COLUMNS)
    return out + extra_names(doc)


def _row(s: Sasaran, ind: Indikator | None, extra: list[str]) -> dict[str, Any]:
    target = ind.target if ind else None
    lain = ind.kolom_lain if ind else Kolom()
    row: dict[str, Any] = {
        "kelompok": s.kelompok or "",
        "no_sasaran": s.nomor,
        "sasaran": s.uraian,
        "no_indikator": ind.nomor if ind else None,
        "indikator": ind.uraian if ind else "",
        "target": target.teks if target else "",
        "nilai_target": target.nilai if target else None,
        "satuan": (target.satuan or "") if target else "",
        "halaman": ind.halaman if ind else s.halaman,
        "baris": ind.baris if ind else s.baris,
        RAW_COLUMN: s.target_mentah or "",
        "kode_sasaran": s.kode or "",
        "kode_indikator": (ind.kode or "") if ind else "",
        **_reading(s, ind),
    }
    for name in (*FILLED, *extra):
        row[name] = lain.get(name, "")
    return row


def _reading(s: Sasaran, ind: Indikator | None) -> dict[str, Any]:
    """The OCR columns of a row: the indicator's (or a sasaran's without indicators) source and confidence."""
    record = ind or s
    keyakinan = record.keyakinan or Keyakinan()
    return {
        "sumber": record.sumber or "",
        "keyakinan_uraian": keyakinan.uraian,
        "keyakinan_target": keyakinan.target,
        "keyakinan_sasaran": s.keyakinan.uraian if s.keyakinan else None,
    }


def flat_rows(doc: Dokumen) -> list[dict[str, Any]]:
    """One row per indicator (a sasaran without indicators keeps one row), values as Python types."""
    extra = extra_names(doc)
    return [_row(s, ind, extra) for s in doc.sasaran for ind in (s.indikator or (None,))]


def is_flat_header(cells: Iterable[Any]) -> bool:
    names = {str(c).strip().lower() for c in cells if c is not None}
    return {"sasaran", "indikator", "target"} <= names and ("no_sasaran" in names or "no_indikator" in names)


KNOWN = (set(COLUMNS) - set(FILLED)) | set(SOURCE_COLUMNS) | {RAW_COLUMN} | set(CODE_COLUMNS) | set(OCR_COLUMNS)


def _indikator(rec: dict[str, Any], line: int, sasaran: Sasaran, count: int, warnings: list[Peringatan]):
    no_ind = cell_int(rec.get("no_indikator"))
    return Indikator(
        nomor=no_ind if no_ind is not None else count + 1,
        uraian=cell_text(rec.get("indikator")),
        target=_target(rec, line, sasaran.nomor, warnings),
        halaman=cell_int(rec.get("halaman")),
        baris=cell_int(rec.get("baris")),
        kolom_lain=Kolom({k: cell_text(v) for k, v in rec.items() if k and k not in KNOWN and cell_text(v)}),
        kode=cell_text(rec.get("kode_indikator")) or None,
        sumber=cell_text(rec.get("sumber")) or None,
        keyakinan=_keyakinan(rec, "keyakinan_uraian", "keyakinan_target"),
    )


def _keyakinan(rec: dict[str, Any], uraian: str, target: str) -> Keyakinan | None:
    if not cell_text(rec.get("sumber")):
        return None
    return Keyakinan(cell_number(rec.get(uraian)), cell_number(rec.get(target)))


def _with_reading(sasaran: Sasaran, indikator: list[Indikator], rec: dict[str, Any]) -> Sasaran:
    """A sasaran read back with the OCR source and confidence its rows carry (of its targets: the lowest)."""
    if not cell_text(rec.get("sumber")):
        return replace(sasaran, indikator=tuple(indikator))
    targets = [i.keyakinan.target for i in indikator if i.keyakinan and i.keyakinan.target is not None]
    own = cell_number(rec.get("keyakinan_sasaran")) if indikator else cell_number(rec.get("keyakinan_uraian"))
    target = min(targets) if targets else (None if indikator else cell_number(rec.get("keyakinan_target")))
    return replace(sasaran, indikator=tuple(indikator), sumber="ocr", keyakinan=Keyakinan(own, target))


def from_records(records: list[dict[str, Any]], start_line: int = 2) -> Dokumen:
    """Flat rows (CSV or XLSX) back into sasaran and indicators; targets re-read where their value is empty."""
    groups: list[tuple[Sasaran, list[Indikator], dict[str, Any]]] = []
    warnings: list[Peringatan] = []
    key = None
    for offset, rec in enumerate(records):
        kelompok = cell_text(rec.get("kelompok")) or None
        no_sasaran = cell_int(rec.get("no_sasaran"))
        uraian = cell_text(rec.get("sasaran"))
        if not groups or (kelompok, no_sasaran, uraian) != key:
            key = (kelompok, no_sasaran, uraian)
            sasaran = Sasaran(
                nomor=no_sasaran if no_sasaran is not None else len(groups) + 1,
                kelompok=kelompok,
                uraian=uraian,
                target_mentah=cell_text(rec.get(RAW_COLUMN)) or None,
                halaman=cell_int(rec.get("halaman")),
                baris=cell_int(rec.get("baris")),
                kode=cell_text(rec.get("kode_sasaran")) or None,
            )
            groups.append((sasaran, [], rec))
        sasaran, indikator, _ = groups[-1]
        if cell_text(rec.get("indikator")) or cell_text(rec.get("target")):
            indikator.append(_indikator(rec, start_line + offset, sasaran, len(indikator), warnings))
    return Dokumen(sasaran=tuple(_with_reading(s, i, rec) for s, i, rec in groups), peringatan=tuple(warnings))


def _target(rec: dict[str, Any], line: int, sasaran: int, warnings: list[Peringatan]) -> Target | None:
    teks = cell_text(rec.get("target"))
    if not teks:
        return None
    target = parse_target(teks)
    nilai = cell_number(rec.get("nilai_target"))
    satuan = cell_text(rec.get("satuan")) or None
    changes: dict[str, Any] = {}
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
        changes["nilai"] = nilai
    if satuan is not None:
        if target.satuan is not None and satuan != target.satuan:
            warnings.append(
                Peringatan(
                    f'satuan "{satuan}" berbeda dengan target "{teks}"; satuan yang diisi dipakai',
                    sasaran=sasaran,
                    baris=line,
                )
            )
        changes["satuan"] = satuan
    return replace(target, **changes)


def anggaran_from_records(records: list[dict[str, Any]]) -> list[Anggaran]:
    out = []
    for rec in records:
        uraian = cell_text(rec.get("uraian"))
        teks = cell_text(rec.get("teks"))
        if uraian or teks:
            out.append(Anggaran(uraian, teks, cell_number(rec.get("nilai"))))
    return out
