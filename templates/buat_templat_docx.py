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
FONT = "Arial"


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


def keep_row_together(row) -> None:
    flag = OxmlElement("w:cantSplit")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


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


def styles(doc) -> None:
    """A font every office PC has (Arial, which LibreOffice shows as its metric twin Liberation Sans), and
    headings like the PDF's: black, centred, capitals for chapters; still Word's Heading styles."""
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    for name, size, centred in (
        ("Heading 1", 15, True),
        ("Heading 2", 12, False),
        ("Heading 3", 11, False),
        ("Heading 4", 10.5, False),
        ("Title", 26, True),
    ):
        style = doc.styles[name]
        style.font.name = FONT
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            style.element.rPr.rFonts.attrib.pop(qn(attr), None)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.keep_with_next = True
        if centred:
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            style.font.all_caps = True
            style.paragraph_format.space_after = Pt(18)
    caption = doc.styles["Caption"]
    caption.font.name = FONT
    caption.font.size = Pt(9)
    caption.font.bold = True
    caption.font.italic = False
    caption.font.color.rgb = RGBColor(0, 0, 0)
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_before = Pt(6)


def placed(doc, name: str) -> None:
    """A part the report builds (tables, Bab III's sasaran), placed where it belongs."""
    doc.add_paragraph(f"{{{{p bagian.{name} }}}}")


def optional(doc, name: str, otherwise: str = "") -> None:
    """A part that exists only when there is something to show; else a placeholder RichText, if any."""
    doc.add_paragraph(f"{{%p if bagian.{name} is defined %}}")
    placed(doc, name)
    if otherwise:
        doc.add_paragraph("{%p else %}")
        doc.add_paragraph(f"{{{{r {otherwise} }}}}")
    doc.add_paragraph("{%p endif %}")


def pernyataan(doc) -> None:
    """The PK's Lembar Pernyataan: PIHAK PERTAMA, PIHAK KEDUA, the pledge, place, date and both signatures."""
    title = doc.add_paragraph("PERNYATAAN PERJANJIAN KINERJA")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.runs[0].bold = True
    doc.add_paragraph(
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi "
        "pada hasil, kami yang bertanda tangan di bawah ini:"
    )
    for nama, jabatan, sebutan in (
        ("{{r ttd.nama }}", "{{r ttd.jabatan }}", "selanjutnya disebut PIHAK PERTAMA;"),
        ("{{r pk.nama }}", "{{r pk.jabatan }}", "selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA."),
    ):
        for label, value in (("Nama", nama), ("Jabatan", jabatan)):
            para = doc.add_paragraph(f"{label}\t: {value}")
            para.paragraph_format.left_indent = Cm(1)
            para.paragraph_format.tab_stops.add_tab_stop(Cm(3.5))
            para.paragraph_format.space_after = Pt(0)
        doc.add_paragraph(sebutan)
    doc.add_paragraph(
        "PIHAK PERTAMA berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam "
        "rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. "
        "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
    )
    doc.add_paragraph(
        "PIHAK KEDUA akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja "
        "dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi."
    )
    dua_ttd(doc)


def dua_ttd(doc) -> None:
    """Place and date, then PIHAK KEDUA's and PIHAK PERTAMA's signatures side by side, with room for a stamp."""
    where = doc.add_paragraph("{{r pk.tempat }}")
    where.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    where.paragraph_format.keep_with_next = True
    t = doc.add_table(rows=5, cols=2)
    t.autofit = False
    lines = [
        ("PIHAK KEDUA,", "PIHAK PERTAMA,"),
        ("{{r pk.jabatan }}", "{{r ttd.jabatan }}"),
        ("", ""),
        ("{{r pk.nama }}", "{{r ttd.nama }}"),
        ("NIP {{r pk.nip }}", "NIP {{r ttd.nip }}"),
    ]
    for row, texts in zip(t.rows, lines):
        keep_row_together(row)
        if texts == ("", ""):
            row.height = Cm(2.5)
        for cell, text in zip(row.cells, texts):
            cell.width = Cm(8.2)
            cell.text = text
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            cell.paragraphs[0].paragraph_format.keep_with_next = True


def front_matter(doc) -> None:
    """Kata Pengantar, Daftar Isi, Daftar Tabel and Grafik, Ikhtisar Eksekutif."""
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
    heading(doc, "Daftar Tabel", 1)
    placed(doc, "daftar_tabel")
    heading(doc, "Daftar Grafik", 1)
    placed(doc, "daftar_grafik")
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
    placed(doc, "ringkas")
    heading(doc, "Permasalahan dan langkah ke depan", 3)
    prosa(doc, "bab4")


def chapters(doc) -> None:
    """Bab I to Bab IV, the measurement table on its landscape pages."""
    doc.add_section(WD_SECTION.NEW_PAGE)
    heading(doc, "Bab I\nPendahuluan", 1)
    prosa(doc, "bab1")

    doc.add_section(WD_SECTION.NEW_PAGE)
    heading(doc, "Bab II\nPerencanaan Kinerja", 1)
    heading(doc, "A. Perjanjian Kinerja Tahun {{ l.tahun }}", 2)
    doc.add_paragraph(
        "Perjanjian Kinerja {{ l.instansi }} tahun {{ l.tahun }} memuat sasaran, indikator kinerja dan target berikut."
    )
    placed(doc, "pk")
    heading(doc, "B. Anggaran", 2)
    optional(doc, "pagu", "pagu_isian")

    doc.add_section(WD_SECTION.NEW_PAGE)
    heading(doc, "Bab III\nAkuntabilitas Kinerja", 1)
    heading(doc, "A. Capaian Kinerja Organisasi", 2)
    heading(doc, "Cara pengukuran", 3)
    doc.add_paragraph("Capaian setiap indikator dihitung dari realisasi dan targetnya menurut arah indikator:")
    placed(doc, "metode")

    wide = doc.add_section(WD_SECTION.NEW_PAGE)
    wide.orientation = WD_ORIENT.LANDSCAPE
    wide.page_width, wide.page_height = Cm(29.7), Cm(21)
    wide.left_margin = wide.right_margin = Cm(2)
    wide.top_margin, wide.bottom_margin = Cm(2.4), Cm(2.2)
    placed(doc, "ukur")

    back = doc.add_section(WD_SECTION.NEW_PAGE)
    back.orientation = WD_ORIENT.PORTRAIT
    back.page_width, back.page_height = Cm(21), Cm(29.7)
    back.left_margin, back.right_margin = Cm(2.5), Cm(2)
    placed(doc, "sasaran")
    doc.add_paragraph("{%p if l.tanpa_pasangan %}")
    heading(doc, "Indikator tanpa pasangan tahun {{ l.tahun_lalu }}", 3)
    doc.add_paragraph(
        "Indikator berikut tidak ditemukan dengan rumusan yang sama pada data tahun {{ l.tahun_lalu }}, sehingga "
        "tidak dibandingkan:"
    )
    doc.add_paragraph("{%p for t in l.tanpa_pasangan %}")
    doc.add_paragraph("{{ t }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")
    heading(doc, "B. Realisasi Anggaran", 2)
    optional(doc, "anggaran", "anggaran_isian")

    doc.add_section(WD_SECTION.NEW_PAGE)
    heading(doc, "Bab IV\nPenutup", 1)
    doc.add_paragraph("{{ l.ringkasan_kalimat }}")
    prosa(doc, "bab4")
    signature(doc)


def appendix(doc) -> None:
    """The Lampiran: the signed Perjanjian Kinerja, then the notes to check."""
    doc.add_section(WD_SECTION.NEW_PAGE)
    heading(doc, "Lampiran\nPerjanjian Kinerja Tahun {{ l.tahun }}", 1)
    pernyataan(doc)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    title = doc.add_paragraph("PERJANJIAN KINERJA TAHUN {{ l.tahun }}\n{{ l.instansi|upper }}")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.runs[0].bold = True
    placed(doc, "lampiran_pk")
    optional(doc, "lampiran_pagu", "pagu_isian")
    dua_ttd(doc)
    doc.add_paragraph("{%p if l.peringatan %}")
    heading(doc, "Catatan untuk diperiksa", 3)
    doc.add_paragraph("{%p for p in l.peringatan %}")
    doc.add_paragraph("{{ p }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")


def build() -> None:
    doc = Document()
    styles(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.different_first_page_header_footer = True
    section.header_distance = section.footer_distance = Cm(1.6)  # 1.5 cm clear of the paper's edge
    header = section.header.paragraphs[0]
    header.text = "{{ 'DRAF · ' if l.draf }}Laporan Kinerja {{ l.tahun }} · {{ l.instansi }}"
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.runs[0].font.size = Pt(8)  # a long office name stays on one line, as in the PDF
    first = section.first_page_header.paragraphs[0]
    first.text = "{{ 'DRAF' if l.draf }}"
    first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field(footer, "PAGE", "1")

    # Cover (first page: no page number).
    for text, size, bold in (
        ("{{ logo }}", 10, False),
        ("LAPORAN KINERJA", 26, True),
        ("TAHUN {{ l.tahun }}", 20, True),
        ("{{ l.instansi|upper }}", 14, True),
        ("{{ l.kota|upper }}", 12, False),
        ("{{ 'DRAF — belum disetujui' if l.draf }}", 14, True),
    ):
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.space_before = Pt(36)
        run = para.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    front_matter(doc)
    chapters(doc)
    appendix(doc)

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
