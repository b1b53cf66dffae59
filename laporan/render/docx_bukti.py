"""The DOCX appendix's Daftar Bukti Dukung: each indicator's evidence (file or link, who added it, when)."""

from __future__ import annotations

from docx.enum.text import WD_BREAK

from ..view import Laporan
from .docx_isi import NO, Kolom, Tabel


def daftar_bukti(doc, lap: Laporan) -> None:
    """Append the list, on a page of its own, to the end of the rendered report (after the PK)."""
    if not lap.bukti:
        return
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Daftar Bukti Dukung", level=2)
    kolom = [
        Kolom("No", NO + 0.3),
        Kolom("Indikator", 5.0),
        Kolom("Berkas / tautan"),
        Kolom("Ditambahkan oleh", 2.6),
        Kolom("Waktu", 3.0),
    ]
    t = Tabel(doc, kolom)
    for d in lap.bukti:
        first = None
        for b in d.bukti:
            row = t.baris([d.nomor, d.uraian, b.nama, b.oleh or "-", b.waktu])
            first = row if first is None else first
        t.gabung_baris(0, first, t.rows - 1)
        t.gabung_baris(1, first, t.rows - 1)
