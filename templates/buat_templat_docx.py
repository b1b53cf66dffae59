"""Build templates/laporan.docx, the Word template `laporan` fills with docxtpl; run by hand after a change.

    .venv/bin/python templates/buat_templat_docx.py

The result is an ordinary Word document a user can open and restyle (Heading 1/2/3 styles, a table
of contents field Word fills when the file is opened, page numbers in the footer, table headers that
repeat on every page); the `{{ … }}` and `{%tr … %}` tags are docxtpl's (Jinja) and must stay.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent / "laporan.docx"
HEADER_FILL = "1F4E78"


def field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A Word field (PAGE, TOC …) that Word computes."""
    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", placeholder),
        ("end", None),
    ):
        run = paragraph.add_run()
        if kind == "instr":
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = f" {text} "
        elif kind == "text":
            node = OxmlElement("w:t")
            node.text = text
        else:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                node.set(qn("w:dirty"), "true")
        run._r.append(node)


def shade(cell, colour: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), colour)
    props.append(fill)


def repeat_header(row) -> None:
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def keep_row_together(row) -> None:
    flag = OxmlElement("w:cantSplit")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def table(doc, headers: list[str], widths: list[float], rows: list[list[str]]):
    """A table with a shaded header row repeated on each page, then the given template rows."""
    t = doc.add_table(rows=1, cols=len(headers))
    t.style = "Table Grid"
    t.autofit = False
    for column, width in zip(t.columns, widths):
        column.width = Cm(width)
    for cell, text, width in zip(t.rows[0].cells, headers, widths):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        shade(cell, HEADER_FILL)
        cell.width = Cm(width)
    repeat_header(t.rows[0])
    for values in rows:
        row = t.add_row()
        keep_row_together(row)
        for cell, text, width in zip(row.cells, values, widths):
            cell.text = text
            cell.width = Cm(width)
        if values[0] == "{{ k.nama }}":
            merged = row.cells[0].merge(row.cells[-1])
            merged.text = "{{ k.nama }}"
            merged.paragraphs[0].runs[0].bold = True
            shade(merged, "DCE6F1")
    return t


def pk_table(doc) -> None:
    """The Perjanjian Kinerja: sasaran, indicators and targets, in groups (Bab II and the Lampiran)."""
    table(
        doc,
        ["No", "Sasaran", "Indikator Kinerja", "Target"],
        [1, 5, 7.5, 3],
        [
            ["{%tr for k in l.kelompok %}", "", "", ""],
            ["{%tr if k.nama %}", "", "", ""],
            ["{{ k.nama }}", "", "", ""],
            ["{%tr endif %}", "", "", ""],
            ["{%tr for s in k.sasaran %}", "", "", ""],
            ["{%tr for i in s.indikator %}", "", "", ""],
            [
                "{{ s.nomor if loop.first }}",
                "{{ s.uraian if loop.first }}",
                "{{ i.nomor }}. {{ i.uraian }}",
                "{{ i.target }}",
            ],
            ["{%tr endfor %}", "", "", ""],
            ["{%tr endfor %}", "", "", ""],
            ["{%tr endfor %}", "", "", ""],
        ],
    )


def heading(doc, text: str, level: int) -> None:
    doc.add_heading(text, level=level)


def prosa(doc, name: str) -> None:
    """Paragraphs of the office's prose, or the marked placeholder (RichText) when it wrote none."""
    doc.add_paragraph(f"{{%p for para in prosa.{name} %}}")
    doc.add_paragraph("{{r para }}")
    doc.add_paragraph("{%p endfor %}")


def signature(doc) -> None:
    for text in ("{{r ttd.tempat }}", "{{r ttd.jabatan }}", "", "", "{{r ttd.nama }}", "NIP {{r ttd.nip }}"):
        para = doc.add_paragraph(text)
        para.paragraph_format.left_indent = Cm(9)
        para.paragraph_format.space_after = Pt(0)


def build() -> None:
    doc = Document()
    styles = doc.styles
    styles["Normal"].font.name = "Liberation Sans"
    styles["Normal"].font.size = Pt(10.5)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.text = "Laporan Kinerja {{ l.tahun }} · {{ l.instansi }}"
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field(footer, "PAGE", "1")

    # Cover (first page: no header, no number).
    for text, size, bold in (
        ("{{ logo }}", 10, False),
        ("LAPORAN KINERJA", 26, True),
        ("TAHUN {{ l.tahun }}", 20, True),
        ("{{ l.instansi }}", 14, True),
        ("{{ l.kota }}", 12, False),
    ):
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.space_before = Pt(36)
        run = para.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    heading(doc, "Kata Pengantar", 1)
    prosa(doc, "kata_pengantar")
    signature(doc)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    heading(doc, "Daftar Isi", 1)
    field(
        doc.add_paragraph(),
        'TOC \\o "1-3" \\h \\z \\u',
        "Daftar isi diisi Word saat dokumen dibuka (klik kanan, Perbarui Bidang).",
    )
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    heading(doc, "Ikhtisar Eksekutif", 1)
    doc.add_paragraph(
        "Laporan Kinerja {{ l.instansi }} tahun {{ l.tahun }} menyajikan capaian atas Perjanjian Kinerja yang memuat {{ l.sasaran|length }} sasaran dengan {{ l.jumlah_indikator }} indikator kinerja."
    )
    doc.add_paragraph("{%p if not l.ada_realisasi %}")
    doc.add_paragraph(
        "Realisasi kinerja belum diisi. Laporan ini baru memuat target; isi kolom realisasi pada lembar hasil ekstrak, lalu buat laporan lagi."
    )
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{{ l.ringkasan_kalimat }}")
    table(
        doc,
        ["Uraian", "Nilai"],
        [11, 5],
        [
            ["Jumlah sasaran", "{{ l.sasaran|length }}"],
            ["Jumlah indikator", "{{ l.jumlah_indikator }}"],
            ["Indikator yang diukur", "{{ l.diukur }}"],
            ["Indikator tidak diukur / tidak dapat dihitung", "{{ l.tidak_diukur }} / {{ l.tidak_dapat }}"],
            ["Rata-rata capaian kinerja", "{{ l.capaian }}"],
            ["Predikat", "{{ l.predikat }}"],
        ],
    )
    doc.add_paragraph("{%p if l.diukur %}")
    doc.add_paragraph(
        "Jumlah indikator menurut predikat: {% for name, count in l.predikat_jumlah %}{{ name }} {{ count }}{{ '; ' if not loop.last }}{% endfor %}."
    )
    doc.add_paragraph("{{ grafik_predikat }}").alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("{%p endif %}")
    heading(doc, "Permasalahan dan langkah ke depan", 3)
    prosa(doc, "bab4")

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    heading(doc, "Bab I Pendahuluan", 1)
    prosa(doc, "bab1")

    doc.add_section(WD_SECTION.NEW_PAGE)
    heading(doc, "Bab II Perencanaan Kinerja", 1)
    heading(doc, "A. Perjanjian Kinerja Tahun {{ l.tahun }}", 2)
    pk_table(doc)
    heading(doc, "B. Anggaran", 2)
    table(
        doc,
        ["Program / Kegiatan", "Pagu"],
        [12, 4.5],
        [
            ["{%tr for a in l.anggaran %}", ""],
            ["{{ a.uraian }}", "{{ a.pagu }}"],
            ["{%tr endfor %}", ""],
            ["Jumlah", "{{ l.anggaran_total.pagu if l.anggaran_total }}"],
        ],
    )

    doc.add_section(WD_SECTION.NEW_PAGE)
    heading(doc, "Bab III Akuntabilitas Kinerja", 1)
    heading(doc, "A. Capaian Kinerja Organisasi", 2)
    doc.add_paragraph(
        "Capaian dihitung sebagai realisasi dibanding target (untuk indikator yang semakin kecil semakin baik: (2 − R/T) × 100){{ ', dibatasi paling tinggi ' ~ l.batas if l.batas }}. Capaian sasaran adalah rata-rata capaian indikatornya; capaian organisasi adalah rata-rata capaian sasaran. Predikat menurut skala {{ l.skala }}."
    )
    doc.add_paragraph("{%p if l.diukur %}")
    doc.add_paragraph("{{ grafik_sasaran }}").alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("Grafik: capaian per sasaran dan garis 100%.")
    doc.add_paragraph("{%p endif %}")

    wide = doc.add_section(WD_SECTION.NEW_PAGE)
    wide.orientation = WD_ORIENT.LANDSCAPE
    wide.page_width, wide.page_height = Cm(29.7), Cm(21)
    wide.left_margin = wide.right_margin = wide.top_margin = wide.bottom_margin = Cm(2)
    heading(doc, "Tabel pengukuran kinerja tahun {{ l.tahun }}", 3)
    table(
        doc,
        ["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "Predikat", "Catatan"],
        [1, 5, 7, 2.5, 2.5, 2.3, 2.2, 3.2],
        [
            ["{%tr for k in l.kelompok %}", "", "", "", "", "", "", ""],
            ["{%tr if k.nama %}", "", "", "", "", "", "", ""],
            ["{{ k.nama }}", "", "", "", "", "", "", ""],
            ["{%tr endif %}", "", "", "", "", "", "", ""],
            ["{%tr for s in k.sasaran %}", "", "", "", "", "", "", ""],
            ["{%tr for i in s.indikator %}", "", "", "", "", "", "", ""],
            [
                "{{ s.nomor if loop.first }}",
                "{{ s.uraian if loop.first }}",
                "{{ i.nomor }}. {{ i.uraian }}",
                "{{ i.target }}",
                "{{ i.realisasi }}",
                "{{ i.capaian }}",
                "{{ i.predikat }}",
                "{{ i.catatan }}",
            ],
            ["{%tr endfor %}", "", "", "", "", "", "", ""],
            ["", "Capaian sasaran {{ s.nomor }}", "", "", "", "{{ s.capaian }}", "{{ s.predikat }}", ""],
            ["{%tr endfor %}", "", "", "", "", "", "", ""],
            ["{%tr endfor %}", "", "", "", "", "", "", ""],
            [
                "",
                "Capaian kinerja organisasi (rata-rata sasaran)",
                "",
                "",
                "",
                "{{ l.capaian }}",
                "{{ l.predikat }}",
                "",
            ],
        ],
    )

    back = doc.add_section(WD_SECTION.NEW_PAGE)
    back.orientation = WD_ORIENT.PORTRAIT
    back.page_width, back.page_height = Cm(21), Cm(29.7)
    back.left_margin, back.right_margin = Cm(2.5), Cm(2)
    doc.add_paragraph("{%p for s in l.sasaran %}")
    heading(doc, "Sasaran {{ s.nomor }}: {{ s.uraian }}", 3)
    table(
        doc,
        ["Indikator", "Target", "Realisasi", "Capaian", "Predikat", "Target Renstra"],
        [6, 2.2, 2.2, 2.2, 2, 2],
        [
            ["{%tr for i in s.indikator %}", "", "", "", "", ""],
            [
                "{{ i.nomor }}. {{ i.uraian }}",
                "{{ i.target }}",
                "{{ i.realisasi }}",
                "{{ i.capaian }}",
                "{{ i.predikat }}",
                "{{ i.renstra or '-' }}",
            ],
            ["{%tr endfor %}", "", "", "", "", ""],
            ["Capaian sasaran", "", "", "{{ s.capaian }}", "{{ s.predikat }}", ""],
        ],
    )
    doc.add_paragraph("{%p for i in s.indikator %}")
    doc.add_paragraph("{{ i.kalimat }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("Analisis:").runs[0].bold = True
    doc.add_paragraph("{%p for para in analisis[loop.index0] %}")
    doc.add_paragraph("{{r para }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p if l.tanpa_pasangan %}")
    doc.add_paragraph(
        "Indikator yang tidak ditemukan pada data tahun {{ l.tahun_lalu }}: {{ l.tanpa_pasangan|join('; ') }}."
    )
    doc.add_paragraph("{%p endif %}")
    heading(doc, "B. Realisasi Anggaran", 2)
    table(
        doc,
        ["Program / Kegiatan", "Pagu", "Realisasi", "Serapan"],
        [7.5, 3.5, 3.5, 2],
        [
            ["{%tr for a in l.anggaran %}", "", "", ""],
            ["{{ a.uraian }}", "{{ a.pagu }}", "{{ a.realisasi }}", "{{ a.serapan }}"],
            ["{%tr endfor %}", "", "", ""],
            [
                "Jumlah",
                "{{ l.anggaran_total.pagu if l.anggaran_total }}",
                "{{ l.anggaran_total.realisasi if l.anggaran_total }}",
                "{{ l.anggaran_total.serapan if l.anggaran_total }}",
            ],
        ],
    )
    doc.add_paragraph("{{r anggaran_catatan }}")

    doc.add_section(WD_SECTION.NEW_PAGE)
    heading(doc, "Bab IV Penutup", 1)
    doc.add_paragraph("{{ l.ringkasan_kalimat }}")
    prosa(doc, "bab4")
    signature(doc)

    doc.add_section(WD_SECTION.NEW_PAGE)
    heading(doc, "Lampiran: Perjanjian Kinerja Tahun {{ l.tahun }}", 1)
    pk_table(doc)
    doc.add_paragraph("{%p if l.peringatan %}")
    heading(doc, "Catatan untuk diperiksa", 3)
    doc.add_paragraph("{%p for p in l.peringatan %}")
    doc.add_paragraph("{{ p }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")

    # New sections copy the cover's "different first page"; only the cover goes without header and number.
    for later in doc.sections[1:]:
        later.different_first_page_header_footer = False
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)
    doc.core_properties.title = "Laporan Kinerja"
    doc.core_properties.author = "Kinerja"
    doc.save(str(OUT))


if __name__ == "__main__":
    build()
    print("dibuat", OUT)
