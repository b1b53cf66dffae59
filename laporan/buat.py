"""The library entry point: inputs in, the report in every asked format out (as bytes)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from inti.limits import BAWAAN, Batas

from .capaian import Aturan
from .load import muat
from .profil import Profil, baca_profil
from .render.html import TEMPLATES, render_html
from .view import Laporan, susun

FORMATS = ("pdf", "docx", "html")


@dataclass
class Hasil:
    laporan: Laporan
    berkas: dict[str, bytes] = field(default_factory=dict)
    peringatan: list[str] = field(default_factory=list)


def buat_laporan(
    masukan: Path,
    formats: list[str],
    *,
    aturan: Aturan | None = None,
    realisasi: Path | None = None,
    tahun_lalu: Path | list[Path] | None = None,
    anggaran: Path | None = None,
    profil: Path | None = None,
    templat: Path = TEMPLATES,
    sandi: str | None = None,
    batas: Batas = BAWAAN,
    draf: bool = False,
) -> Hasil:
    """Read the inputs, compute capaian, and render the report in each of `formats` (pdf, docx, html);
    `tahun_lalu` is one earlier year's file or up to four of them, `draf` marks every page DRAF."""
    earlier = [tahun_lalu] if isinstance(tahun_lalu, Path) else list(tahun_lalu or [])
    data = muat(masukan, realisasi=realisasi, tahun_lalu=earlier, anggaran=anggaran, sandi=sandi, batas=batas)
    laporan = susun(data, baca_profil(profil) if profil else Profil(), aturan or Aturan())
    return render_laporan(replace(laporan, draf=draf) if draf else laporan, formats, templat)


def render_laporan(laporan: Laporan, formats: list[str], templat: Path = TEMPLATES) -> Hasil:
    """Render a computed report in each of `formats` (pdf, docx, html)."""
    hasil = Hasil(laporan, peringatan=list(laporan.peringatan))
    html = render_html(laporan, templat) if {"html", "pdf"} & set(formats) else ""
    if "html" in formats:
        hasil.berkas["html"] = html.encode("utf-8")
    if "pdf" in formats:
        from .render.pdf import render_pdf

        hasil.berkas["pdf"] = render_pdf(html, templat)
    if "docx" in formats:
        from .render.docx import render_docx

        hasil.berkas["docx"] = render_docx(laporan, templat)
    return hasil
