"""The DOCX's tables and per-sasaran sections, built with python-docx as docxtpl subdocuments: the same
tables, columns, figures and charts as the PDF, sasaran cells merged, numbers right-aligned, rows kept."""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..daftar import Judul
from ..view import BarisSasaran, Laporan
from .docx_daftar import bookmark_name, tandai

HEADER_FILL = "1F4E78"
FILLS = {"kelompok": "DCE6F1", "rerata": "F2F2F2", "jumlah": "F2F2F2"}
ISIAN_FILL = "FFF2CC"
PORTRAIT, LANDSCAPE = 16.5, 25.7  # text width in cm
NUMBER, VALUE, YEAR, PREDIKAT, RUPIAH, NO = 2.1, 2.6, 1.4, 2.4, 3.6, 0.9


@dataclass
class Kolom:
    """A column: its header, width in cm (None: what the others leave), whether it holds numbers."""

    judul: str
    lebar: float | None = None
    angka: bool = False


def _shade(cell, colour: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), colour)
    props.append(fill)


def _row_flag(row, name: str) -> None:
    flag = OxmlElement(name)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _keep_next(tr) -> None:
    """Every paragraph of a row, merged cells' empty ones too, kept with the next row: LibreOffice keeps a row
    with the next only when all its paragraphs say so, Word when any does."""
    for p in tr.iter(qn("w:p")):
        p.get_or_add_pPr().keepNext_val = True


def kunci(doc, kecil: int = 15) -> None:
    """Keep a document's table rows together where the reader needs them: the header row with the first, a row
    marked to stay with the next (its first paragraph kept) with it, and a table of at most `kecil` rows whole."""
    for table in doc.tables:
        rows = table._tbl.tr_lst
        for n, tr in enumerate(rows[:-1]):
            marked = any(p.pPr is not None and p.pPr.keepNext_val for p in tr.iter(qn("w:p")))
            if n == 0 or marked or len(rows) <= kecil:
                _keep_next(tr)


def _cell_margins(table) -> None:
    """Padding inside every cell, as the PDF's 3pt 4pt."""
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 40), ("bottom", 40), ("left", 80), ("right", 80)):
        node = OxmlElement(f"w:{side}")
        node.set(qn("w:w"), str(twips))
        node.set(qn("w:type"), "dxa")
        margins.append(node)
    table._tbl.tblPr.append(margins)


def _fixed_layout(table) -> None:
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


def caption(doc, judul: Judul | None) -> None:
    """The table's or chart's numbered title, in Word's Caption style (so Word can list them too)."""
    if judul is None:
        return
    para = doc.add_paragraph(judul.teks, style="Caption")
    para.paragraph_format.keep_with_next = True
    tandai(para, bookmark_name(judul.id))


class Tabel:
    """A Word table with a repeated, shaded header row; rows added as lists of texts."""

    def __init__(self, doc, kolom: list[Kolom], lebar: float = PORTRAIT, judul: Judul | None = None) -> None:
        caption(doc, judul)
        fixed = sum(k.lebar or 0 for k in kolom)
        free = [k for k in kolom if k.lebar is None]
        self.widths = [k.lebar or (lebar - fixed) / len(free) for k in kolom]
        self.kolom = kolom
        self.table = doc.add_table(rows=1, cols=len(kolom))
        self.table.style = "Table Grid"
        self.table.alignment = WD_TABLE_ALIGNMENT.CENTER
        self.table.autofit = False
        _fixed_layout(self.table)
        _cell_margins(self.table)
        for column, width in zip(self.table.columns, self.widths):
            column.width = Cm(width)
        header = self.table.rows[0]
        for cell, k in zip(header.cells, kolom):
            self._write(cell, k.judul, k.angka, bold=True, colour=RGBColor(0xFF, 0xFF, 0xFF))
            _shade(cell, HEADER_FILL)
        _row_flag(header, "w:tblHeader")
        _row_flag(header, "w:cantSplit")
        self.rows = 1

    def _write(self, cell, text: str, angka: bool, bold: bool = False, colour: RGBColor | None = None) -> None:
        para = cell.paragraphs[0]
        para.paragraph_format.space_after = Pt(0)
        para.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT if angka else WD_ALIGN_PARAGRAPH.LEFT
        run = para.add_run(text)
        run.font.size = Pt(9)
        run.bold = bold
        if colour is not None:
            run.font.color.rgb = colour

    def baris(self, values: list[str], jenis: str = "", tetap: bool = False) -> int:
        """Add a row (its index); `jenis` kelompok/rerata/jumlah shades and bolds it; `tetap` keeps it with
        the next row on one page."""
        row = self.table.add_row()
        _row_flag(row, "w:cantSplit")
        for cell, value, k, width in zip(row.cells, values, self.kolom, self.widths):
            cell.width = Cm(width)
            self._write(cell, value, k.angka, bold=bool(jenis))
            if jenis:
                _shade(cell, FILLS[jenis])
            if tetap:
                cell.paragraphs[0].paragraph_format.keep_with_next = True
        self.rows += 1
        return self.rows - 1

    def gabung_baris(self, column: int, first: int, last: int) -> None:
        """Merge a column's cells from row `first` to `last` (a sasaran over its indicators), text kept once."""
        if last <= first:
            return
        text = self.table.cell(first, column).text
        merged = self.table.cell(first, column).merge(self.table.cell(last, column))
        for para in merged.paragraphs[1:]:
            para._element.getparent().remove(para._element)
        if merged.text != text:
            merged.paragraphs[0].runs[0].text = text

    def gabung_kolom(self, row: int, first: int, last: int) -> None:
        """Merge a row's cells from column `first` to `last`, keeping the first one's text."""
        text = self.table.cell(row, first).text
        merged = self.table.cell(row, first).merge(self.table.cell(row, last))
        for para in merged.paragraphs[1:]:
            para._element.getparent().remove(para._element)
        merged.paragraphs[0].runs[0].text = text
        for run in merged.paragraphs[0].runs[1:]:
            run.text = ""


def isian(para, apa: str) -> None:
    """The highlighted mark for what only the office can write."""
    run = para.add_run(f"[Diisi oleh instansi: {apa}]")
    run.italic = True
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), ISIAN_FILL)
    run._r.get_or_add_rPr().append(shading)


def tabel_pk(doc, lap: Laporan, judul: Judul | None) -> None:
    """Sasaran, indicators and targets in their groups, the sasaran cells merged (Bab II, Lampiran)."""
    t = Tabel(
        doc, [Kolom("No", NO), Kolom("Sasaran", 4.2), Kolom("Indikator Kinerja"), Kolom("Target", 2.4)], judul=judul
    )
    for k in lap.kelompok:
        for n, s in enumerate(k.sasaran):
            if n == 0 and k.nama:
                t.gabung_kolom(t.baris([k.nama, "", "", ""], "kelompok", tetap=True), 0, 3)
            first = t.rows
            for m, i in enumerate(s.indikator):
                last = m == len(s.indikator) - 1
                t.baris([str(s.nomor), s.uraian, f"{i.nomor}. {i.uraian}", i.target], tetap=not last)
            t.gabung_baris(0, first, t.rows - 1)
            t.gabung_baris(1, first, t.rows - 1)


def tabel_ukur(doc, lap: Laporan, judul: Judul | None) -> None:
    """The measurement table on the landscape page, as the PDF's."""
    kolom = [
        Kolom("No", NO),
        Kolom("Sasaran", 4.2),
        Kolom("Indikator Kinerja"),
        Kolom("Target", VALUE, True),
        Kolom("Realisasi", VALUE, True),
        Kolom("Capaian", NUMBER, True),
        Kolom("Predikat", PREDIKAT),
    ]
    if lap.tahun_lalu:
        kolom.append(Kolom(f"Capaian {lap.tahun_lalu}", NUMBER, True))
    if lap.ada_catatan:
        kolom.append(Kolom("Catatan", 3.6))
    t = Tabel(doc, kolom, LANDSCAPE, judul)
    width = len(kolom)

    def tail(lalu: str, catatan: str = "") -> list[str]:
        return ([lalu] if lap.tahun_lalu else []) + ([catatan] if lap.ada_catatan else [])

    for k in lap.kelompok:
        for n, s in enumerate(k.sasaran):
            if n == 0 and k.nama:
                t.gabung_kolom(t.baris([k.nama] + [""] * (width - 1), "kelompok", tetap=True), 0, width - 1)
            first = t.rows
            for i in s.indikator:
                values = [str(s.nomor), s.uraian, f"{i.nomor}. {i.uraian}", i.target, i.realisasi, i.capaian]
                t.baris([*values, i.predikat, *tail(i.lalu_capaian or "-", i.catatan)], tetap=True)
            t.gabung_baris(0, first, t.rows - 1)
            t.gabung_baris(1, first, t.rows - 1)
            lalu = s.riwayat[-1] if s.riwayat else ""
            row = t.baris(["", f"Capaian sasaran {s.nomor}", "", "", "", s.capaian, s.predikat, *tail(lalu)], "rerata")
            t.gabung_kolom(row, 1, 4)
    organisasi = ["", "Capaian kinerja organisasi (rata-rata sasaran)", "", "", "", lap.capaian, lap.predikat]
    lalu = lap.capaian_riwayat[-1] if lap.capaian_riwayat else ""
    t.gabung_kolom(t.baris(organisasi + tail(lalu), "jumlah"), 1, 4)


def tabel_anggaran(doc, lap: Laporan, judul: Judul | None, realisasi: bool) -> None:
    """Pagu per programme or kegiatan with its total; with `realisasi`, what was spent and the absorption."""
    kolom = [Kolom("Program / Kegiatan"), Kolom("Pagu" if realisasi or judul else "Anggaran", RUPIAH, True)]
    if realisasi:
        kolom += [Kolom("Realisasi", RUPIAH, True), Kolom("Serapan", NUMBER, True)]
    t = Tabel(doc, kolom, judul=judul)
    rows = lap.anggaran + ([lap.anggaran_total] if lap.anggaran_total else [])
    for n, a in enumerate(rows):
        values = [a.uraian, a.pagu] + ([a.realisasi, a.serapan] if realisasi else [])
        t.baris(values, "jumlah" if n == len(lap.anggaran) else "", tetap=len(rows) < 12)


def tabel_efisiensi(doc, lap: Laporan, judul: Judul) -> None:
    """Capaian beside the absorption of the budget rows serving each sasaran."""
    kolom = [
        Kolom("No", NO),
        Kolom("Sasaran"),
        Kolom("Capaian", NUMBER, True),
        Kolom("Serapan anggaran", NUMBER, True),
        Kolom("Program / Kegiatan", 4.2),
    ]
    t = Tabel(doc, kolom, judul=judul)
    for s in lap.sasaran:
        t.baris([str(s.nomor), s.uraian, s.capaian, s.serapan or "-", "; ".join(s.kegiatan) or "-"])


def gambar(doc, png: bytes | None, judul: Judul | None, lebar: float = 15) -> None:
    if png is None or judul is None:
        return
    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.keep_with_next = True
    para.add_run().add_picture(io.BytesIO(png), width=Cm(lebar))
    para = doc.add_paragraph(judul.teks, style="Caption")
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tandai(para, bookmark_name(judul.id))


def sasaran(doc, lap: Laporan, s: BarisSasaran, n: int, tabel: dict[str, Judul], grafik: dict[str, Judul], png) -> None:
    """One sasaran's part of Bab III: its table, its years, its Renstra table, sentences and analysis."""
    doc.add_heading(f"Sasaran {s.nomor}: {s.uraian}", level=3)
    kolom = [
        Kolom("Indikator"),
        Kolom("Target", VALUE, True),
        Kolom("Realisasi", VALUE, True),
        Kolom("Capaian", NUMBER, True),
        Kolom("Predikat", PREDIKAT),
    ]
    t = Tabel(doc, kolom, judul=tabel[f"t-s{n}"])
    for i in s.indikator:
        t.baris([f"{i.nomor}. {i.uraian}", i.target, i.realisasi, i.capaian, i.predikat], tetap=True)
    t.gabung_kolom(t.baris(["Capaian sasaran", "", "", s.capaian, s.predikat], "rerata"), 0, 2)
    if lap.tahun_riwayat:
        _tahunan(doc, lap, s, tabel[f"t-s{n}-tahun"])
        gambar(doc, png.get(f"g-s{n}-tahun"), grafik.get(f"g-s{n}-tahun"), 12)
    if f"t-s{n}-renstra" in tabel:
        kolom = [
            Kolom("Indikator"),
            Kolom("Target akhir Renstra", 3, True),
            Kolom(f"Realisasi s.d. {lap.tahun or 'tahun ini'}", 3, True),
            Kolom("% target Renstra", NUMBER, True),
        ]
        t = Tabel(doc, kolom, judul=tabel[f"t-s{n}-renstra"])
        for i in s.indikator:
            row = t.baris(
                [f"{i.nomor}. {i.uraian}", i.renstra or "-", i.renstra_sejauh or "-", i.renstra_persen or "-"],
                tetap=True,
            )
            if i.renstra_cara:
                t.table.cell(row, 2).paragraphs[0].add_run(f"\n({i.renstra_cara})").font.size = Pt(7)
        if s.renstra_catatan:
            note = doc.add_paragraph(s.renstra_catatan)
            note.runs[0].font.size = Pt(8.5)
    for i in s.indikator:
        doc.add_paragraph(i.kalimat, style="List Bullet").alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.add_heading(f"Analisis capaian Sasaran {s.nomor}", level=4)
    for number, (judul, kita, kantor, apa) in enumerate(s.analisis_butir, start=1):
        # Numbered by hand: Word's List Number would run on from one sasaran to the next.
        para = doc.add_paragraph()
        para.paragraph_format.left_indent = Cm(0.75)
        para.paragraph_format.first_line_indent = Cm(-0.75)
        para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        para.add_run(f"{number}.\t{judul}. ").bold = True
        if kita:
            para.add_run(kita + " ")
        if kantor.strip():
            para.add_run(" ".join(kantor.split()))
        else:
            isian(para, apa)


def _tahunan(doc, lap: Laporan, s: BarisSasaran, judul: Judul) -> None:
    """Realisasi and capaian of each indicator in each year, and the sasaran's capaian per year."""
    kolom = [Kolom("Indikator"), Kolom("Tahun", YEAR), Kolom("Realisasi", 3, True), Kolom("Capaian", NUMBER, True)]
    t = Tabel(doc, kolom, judul=judul)
    this_year = str(lap.tahun or "")
    for i in s.indikator:
        first = t.rows
        for y, (realisasi, capaian) in zip(lap.tahun_riwayat, i.riwayat):
            t.baris([f"{i.nomor}. {i.uraian}", str(y), realisasi, capaian], tetap=True)
        t.baris([f"{i.nomor}. {i.uraian}", this_year, i.realisasi, i.capaian], tetap=i is s.indikator[-1])
        t.gabung_baris(0, first, t.rows - 1)
    first = t.rows
    for y, capaian in zip(lap.tahun_riwayat, s.riwayat):
        t.baris(["Capaian sasaran", str(y), "", capaian], "rerata", tetap=True)
    t.baris(["Capaian sasaran", this_year, "", s.capaian], "rerata")
    t.gabung_baris(0, first, t.rows - 1)
