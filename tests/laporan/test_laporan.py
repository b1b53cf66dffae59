"""The report as users get it: the PDF and DOCX read back, figures checked, chapters in order."""

from __future__ import annotations

import io
import logging
import re

import docx
import pdfplumber
import pytest
from conftest import FIXTURES, ROOT, run_command

from laporan.buat import buat_laporan

SAMPLES = ROOT / "samples"
THIS_YEAR = SAMPLES / "isian_2022_CONTOH.xlsx"
LAST_YEAR = SAMPLES / "isian_2021_CONTOH.xlsx"
PROFILE = SAMPLES / "profil_CONTOH.toml"
CHAPTERS = ["KATA PENGANTAR", "DAFTAR ISI", "IKHTISAR EKSEKUTIF", "BAB I", "BAB II", "BAB III", "BAB IV", "LAMPIRAN"]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The sample report in all three formats, with any WeasyPrint warning collected."""
    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Collect(level=logging.WARNING)
    logging.getLogger("weasyprint").addHandler(handler)
    try:
        hasil = buat_laporan(THIS_YEAR, ["pdf", "docx", "html"], tahun_lalu=LAST_YEAR, profil=PROFILE)
    finally:
        logging.getLogger("weasyprint").removeHandler(handler)
    with pdfplumber.open(io.BytesIO(hasil.berkas["pdf"])) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
        sizes = [(page.width, page.height) for page in pdf.pages]
        metadata = dict(pdf.metadata)
        fonts, embedded = _fonts(pdf)
    return {
        "hasil": hasil,
        "pages": pages,
        "sizes": sizes,
        "metadata": metadata,
        "warnings": records,
        "fonts": fonts,
        "fonts_embedded": embedded,
    }


def _fonts(pdf) -> tuple[set[str], bool]:
    """The fonts a PDF uses (base names) and whether every one carries its font file."""
    from pdfminer.pdftypes import resolve1

    names, embedded = set(), True
    for page in pdf.pages:
        for ref in resolve1(resolve1(page.page_obj.resources).get("Font", {})).values():
            font = resolve1(ref)
            names.add(resolve1(font["BaseFont"]).name)
            for descendant in resolve1(font.get("DescendantFonts", [])) or [font]:
                descriptor = resolve1(resolve1(descendant).get("FontDescriptor", {}))
                embedded = embedded and any(k in descriptor for k in ("FontFile", "FontFile2", "FontFile3"))
    return names, embedded


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_nothing_was_logged_as_a_warning(report):
    assert [r.getMessage() for r in report["warnings"]] == []


def test_pdf_has_the_chapters_in_order(report):
    pages = report["pages"]
    first_page = {}
    for title in CHAPTERS:
        found = [i for i, text in enumerate(pages) if re.search(rf"^{title}\b", text, re.M)]
        assert found, title
        first_page[title] = found[0]
    assert list(first_page.values()) == sorted(first_page.values())
    assert "LAPORAN KINERJA" in pages[0] and "TAHUN 2022" in pages[0]


def test_pdf_shows_every_indicator_with_target_realisasi_and_capaian(report):
    laporan = report["hasil"].laporan
    pages = report["pages"]
    bab3 = next(i for i, text in enumerate(pages) if re.search(r"^BAB III\b", text, re.M))
    bab4 = next(i for i, text in enumerate(pages) if re.search(r"^BAB IV\b", text, re.M))
    measured = _flat(" ".join(pages[bab3:bab4]))
    # Narrow columns wrap a long value (`2 Instansi Pemerintah`): the rows are read as the table's cells.
    with pdfplumber.open(io.BytesIO(report["hasil"].berkas["pdf"])) as pdf:
        rows = [
            " | ".join(_flat(cell or "") for cell in row)
            for page in pdf.pages[bab3:bab4]
            for table in page.extract_tables()
            for row in table
        ]
    assert len(laporan.sasaran) == 21 and laporan.jumlah_indikator == 53
    for s in laporan.sasaran:
        assert f"Capaian sasaran {s.nomor} {s.capaian}" in measured
        for i in s.indikator:
            cells = f"{i.target} | {i.realisasi} | {i.capaian}"
            assert any(cells in row for row in rows), (s.nomor, i.nomor)
    assert f"Capaian kinerja organisasi (rata-rata sasaran) {laporan.capaian}" in measured


def test_figures_computed_as_domain_md_says(report):
    text = _flat(" ".join(report["pages"]))
    # Sasaran 2: target 81%, realisasi 83,63 % -> 103,25%, shown like its target with the note of how it was
    # written; sasaran 1: 3 of 3,1 Indeks -> 96,77%.
    assert "81% 83,63% 103,25%" in text and "ditulis: 83,63 %" in text
    assert "3,1 Indeks 3 Indeks 96,77%" in text
    laporan = report["hasil"].laporan
    by_number = {(s.nomor, i.nomor): i for s in laporan.sasaran for i in s.indikator}
    not_measured = [key for key, i in by_number.items() if i.realisasi == "-"]
    assert not_measured and all(by_number[k].capaian == "tidak diukur" for k in not_measured)
    capped = [i for i in by_number.values() if i.capaian_mentah]
    assert capped and all(i.capaian == "120,00%" for i in capped)
    assert "sebenarnya" in text and "dibatasi" in text


def test_overall_capaian_is_the_mean_of_sasaran_means(report):
    laporan = report["hasil"].laporan
    means = [s.nilai for s in laporan.sasaran if s.nilai is not None]
    shown = sum(means) / len(means)
    assert laporan.capaian == f"{shown:.2f}%".replace(".", ",")
    start = next(n for n, page in enumerate(report["pages"]) if re.search(r"^IKHTISAR EKSEKUTIF", page, re.M))
    summary = _flat(report["pages"][start] + report["pages"][start + 1])
    assert laporan.capaian in summary and laporan.predikat in summary


def test_pdf_pages_landscape_header_and_metadata(report):
    sizes = report["sizes"]
    assert any(w > h for w, h in sizes) and sizes[0][0] < sizes[0][1]
    pages = report["pages"]
    assert "Laporan Kinerja 2022" not in pages[0], "no running header on the cover"
    assert f"Laporan Kinerja 2022 · {report['hasil'].laporan.instansi}" in pages[2]
    assert pages[2].strip().endswith("3"), "page numbers"
    assert report["metadata"].get("Title", "").startswith("Laporan Kinerja 2022")
    assert report["metadata"].get("Author") == report["hasil"].laporan.instansi
    assert report["fonts"] and all(
        name.endswith(("Kinerja-Sans", "Kinerja-Sans-Bold", "Kinerja-Sans-Italic", "Kinerja-Sans-Bold-Italic"))
        for name in report["fonts"]
    )
    assert report["fonts_embedded"], "every font is embedded (FontFile2)"


def test_daftar_isi_has_page_numbers(report):
    with pdfplumber.open(io.BytesIO(report["hasil"].berkas["pdf"])) as pdf:
        lines = [line["text"] for line in pdf.pages[2].extract_text_lines()]
    entries = {re.sub(r"\.{3,}.*", "", line).strip(): line.split(".")[-1].strip() for line in lines if "...." in line}
    pages = report["pages"]
    for title, chapter in (("Ikhtisar Eksekutif", "IKHTISAR EKSEKUTIF"), ("Bab III Akuntabilitas Kinerja", "BAB III")):
        number = int(entries[title])
        assert re.search(rf"^{chapter}\b", pages[number - 1], re.M), (title, number)


def test_comparison_with_last_year(report):
    text = _flat(" ".join(report["pages"]))
    assert "Dibanding tahun 2021" in text
    assert "rumusan lama" not in text or "tidak ditemukan" in text
    assert report["hasil"].laporan.tanpa_pasangan, "the indicator missing last year is listed"


def test_budget_absorption(report):
    text = _flat(" ".join(report["pages"]))
    assert "Rp 8.450.000.000 Rp 8.120.345.500 96,10%" in text
    assert "penyerapan anggaran" in text


def _docx(report) -> docx.document.Document:
    return docx.Document(io.BytesIO(report["hasil"].berkas["docx"]))


def test_docx_has_real_headings_toc_page_numbers_and_chart(report):
    document = _docx(report)
    headings = [" ".join(p.text.split()) for p in document.paragraphs if p.style.name == "Heading 1"]
    for title in (
        "Kata Pengantar",
        "Daftar Isi",
        "Ikhtisar Eksekutif",
        "Bab I Pendahuluan",
        "Bab II Perencanaan Kinerja",
        "Bab III Akuntabilitas Kinerja",
        "Bab IV Penutup",
    ):
        assert title in headings
    body = document.element.xml
    assert 'TOC \\o "1-3"' in body
    footer = document.sections[0].footer._element.xml
    assert "PAGE" in footer
    assert document.sections[0].different_first_page_header_footer
    assert not any(section.different_first_page_header_footer for section in document.sections[1:])
    assert body.count("<w:tblHeader") >= 5
    assert len(document.inline_shapes) >= 2
    assert 'w:updateFields w:val="true"' in document.settings.element.xml


def test_docx_shows_every_indicator_and_the_averages(report):
    document = _docx(report)
    cells = _flat(" ".join(c.text for t in document.tables for row in t.rows for c in row.cells))
    laporan = report["hasil"].laporan
    for s in laporan.sasaran:
        assert f"Capaian sasaran {s.nomor} {s.capaian}" in cells
        for i in s.indikator:
            assert f"{i.target} {i.realisasi} {i.capaian}" in cells, (s.nomor, i.nomor)
    assert laporan.capaian in cells


def test_html_is_the_pdf_source(report):
    html = report["hasil"].berkas["html"].decode()
    assert "<h1>Ikhtisar Eksekutif</h1>" in html and report["hasil"].laporan.capaian in html


def test_without_realisasi_the_report_says_so_and_marks_placeholders(tmp_path):
    hasil = buat_laporan(ROOT / "samples" / "iku_kanwil_sulbar_2022.txt", ["pdf", "docx"])
    with pdfplumber.open(io.BytesIO(hasil.berkas["pdf"])) as pdf:
        text = _flat(" ".join(page.extract_text() or "" for page in pdf.pages))
    assert "Realisasi kinerja belum diisi" in text
    assert "[Diisi oleh instansi: kata pengantar]" in text
    assert "[Diisi oleh instansi: nama kepala]" in text
    document = docx.Document(io.BytesIO(hasil.berkas["docx"]))
    assert "[Diisi oleh instansi: kata pengantar]" in " ".join(p.text for p in document.paragraphs)


def test_a_word_or_odt_iku_gives_a_targets_only_report(tmp_path):
    # Only a workbook can hold the budget sheet; a DOCX was once opened as one and refused.
    for source in (ROOT / "samples" / "iku_kanwil_sulbar_2022.docx", FIXTURES / "sulbar_word.odt"):
        hasil = buat_laporan(source, ["html"])
        assert hasil.laporan.jumlah_indikator == 53
        assert "Realisasi kinerja tahun 2022 belum diisi" in hasil.berkas["html"].decode()


HOSTILE = (
    "NO\tSASARAN\tINDIKATOR\tTARGET\n"
    '1\tSasaran <img src="file:///etc/passwd"> & {{ 7*7 }}\tIndeks <a rel="attachment" href="file:///etc/hostname">x</a>\t80%\n'
)


def test_document_text_is_data_never_markup_or_template(tmp_path):
    source = tmp_path / "iku.txt"
    source.write_text(HOSTILE, encoding="utf-8")
    hasil = buat_laporan(source, ["pdf", "docx", "html"])
    html = hasil.berkas["html"].decode()
    assert "&lt;img src=" in html and '<img src="file' not in html
    assert "{{ 7*7 }}" in html and ">49<" not in html
    with pdfplumber.open(io.BytesIO(hasil.berkas["pdf"])) as pdf:
        text = " ".join(page.extract_text() or "" for page in pdf.pages)
        assert not any(page.images for page in pdf.pages[:1])
    assert '<img src="file:///etc/passwd">' in text and "{{ 7*7 }}" in text
    assert b"/EmbeddedFile" not in hasil.berkas["pdf"]
    document = docx.Document(io.BytesIO(hasil.berkas["docx"]))
    cells = " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert '<img src="file:///etc/passwd"> & {{ 7*7 }}' in cells, "the row with <, & and > is kept"


def test_laporan_command(tmp_path):
    out = tmp_path / "lakip.pdf"
    result = run_command("laporan", str(THIS_YEAR), "-o", str(out), "-o", str(tmp_path / "lakip.docx"))
    assert result.returncode == 0, result.stderr.decode()
    assert out.read_bytes().startswith(b"%PDF") and (tmp_path / "lakip.docx").exists()
    assert "laporan: capaian" in result.stderr.decode()
    help_text = run_command("laporan", "--help").stdout.decode()
    assert "pemakaian:" in help_text and "contoh:" in help_text


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["tidak_ada.xlsx", "-o", "a.pdf"], "tidak ditemukan"),
        ([str(THIS_YEAR)], "-o"),
        ([str(THIS_YEAR), "-o", "a.odt"], ".pdf, .docx atau .html"),
        ([str(THIS_YEAR), "-o", "a.pdf", "--batas-capaian", "abc"], "harus angka"),
        ([str(THIS_YEAR), "-o", "a.pdf", "--profil", "tidak_ada.toml"], "--contoh-profil"),
        ([str(THIS_YEAR), "-o", "a.pdf", "--templat", "tidak_ada"], "--salin-templat"),
    ],
)
def test_laporan_bad_input_exit_2_nothing_written(tmp_path, args, words):
    result = run_command("laporan", *args, cwd=tmp_path)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert words in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_example_profile_and_own_templates(tmp_path):
    example = run_command("laporan", "--contoh-profil")
    assert example.returncode == 0 and b"[kepala]" in example.stdout
    copy = tmp_path / "templat"
    assert run_command("laporan", "--salin-templat", str(copy)).returncode == 0
    css = copy / "laporan.css"
    css.write_text(css.read_text(encoding="utf-8") + "\nh1 { color: #8B0000; }\n", encoding="utf-8")
    html_template = copy / "laporan.html.j2"
    html_template.write_text(
        html_template.read_text(encoding="utf-8").replace(
            "<h1>Ikhtisar Eksekutif</h1>", "<h1>Ringkasan Eksekutif</h1>"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "lakip.html"
    result = run_command("laporan", str(THIS_YEAR), "--templat", str(copy), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert "Ringkasan Eksekutif" in out.read_text(encoding="utf-8")


def test_profile_logo_and_prose_reach_the_report(tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 40), (200, 30, 30)).save(tmp_path / "logo.png")
    profile = tmp_path / "profil.toml"
    profile.write_text(
        'kota = "Mamuju"\ntanggal = 2023-01-31\nlogo = "logo.png"\n[kepala]\nnama = "Budi"\nnip = "1970"\n'
        '[teks]\nbab1 = "Kantor ini **melayani** <script>alert(1)</script>"\n',
        encoding="utf-8",
    )
    hasil = buat_laporan(THIS_YEAR, ["pdf", "html"], profil=profile)
    html = hasil.berkas["html"].decode()
    assert "<strong>melayani</strong>" in html and "<script>" not in html
    with pdfplumber.open(io.BytesIO(hasil.berkas["pdf"])) as pdf:
        assert pdf.pages[0].images, "the logo on the cover"
        text = _flat(" ".join(page.extract_text() or "" for page in pdf.pages))
    assert "Mamuju, 31 Januari 2023" in text and "NIP 1970" in text


def test_efficiency_per_sasaran_from_the_programmes_it_names(report):
    # The sample's Anggaran sheet: Pembentukan Regulasi (1.190.000.000 of 1.250.000.000 = 95,20%) serves 13-15;
    # Dukungan Manajemen (8.120.345.500 of 8.450.000.000 = 96,0987…%) serves 1, 20 and 21.
    text = _flat(" ".join(report["pages"]))
    assert "Capaian dan penyerapan anggaran per sasaran" in text
    by_number = {s.nomor: s for s in report["hasil"].laporan.sasaran}
    assert [by_number[n].serapan for n in (13, 14, 15, 1, 20)] == ["95,20%"] * 3 + ["96,10%"] * 2
    assert "penyerapan anggaran program/kegiatan pendukungnya 95,20%" in text


def test_the_method_is_stated_in_words_without_internal_codes(report):
    text = _flat(" ".join(report["pages"]))
    assert "Realisasi ÷ Target × 100%" in text and "(2 − Realisasi ÷ Target) × 100%" in text
    assert "Sangat Baik ≥ 91%" in text and "Baik 76% – < 91%" in text and "Sangat Kurang < 51%" in text
    for code in ("lkjip", "2-r/t", "mungkin baru"):
        assert code not in text
