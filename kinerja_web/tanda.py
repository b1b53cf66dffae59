"""The mark on a table cell read by OCR from a scan: stronger where OCR was unsure (below the confidence under
which `ekstrak` warns), gone once someone has checked the row or corrected the cell."""

from __future__ import annotations

from dataclasses import dataclass

from ekstrak import Indikator, Sasaran
from ekstrak.keyakinan import LOW, OCR

PERIKSA = "periksa dengan dokumen asli"


@dataclass(frozen=True)
class Tanda:
    """How a cell is marked: its class, its tooltip, and the short note under its box."""

    kelas: str
    judul: str
    catatan: str


def tanda(record: Indikator | Sasaran, bidang: str, checked: bool = False) -> Tanda | None:
    """The mark of the `uraian` or `target` cell of a record; None when OCR did not read it, or it was checked."""
    if checked or record.sumber != OCR or record.keyakinan is None:
        return None
    sure = getattr(record.keyakinan, bidang)
    if sure is None:
        return Tanda("ocr", f"dibaca dari pindaian: {PERIKSA}", "dari pindaian")
    percent = round(sure * 100)
    judul = f"dibaca dari pindaian; keyakinan {percent}%: {PERIKSA}"
    if sure < LOW:
        return Tanda("ocr ocr-rendah", judul, f"dari pindaian, keyakinan {percent}%: periksa")
    return Tanda("ocr", judul, f"dari pindaian, keyakinan {percent}%")
