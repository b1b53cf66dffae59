"""A three-year report as an office submits it, read back: inside the margins, no stranded rows, the DOCX saying
what the PDF says (figures, earlier years, the signed Perjanjian Kinerja), DRAF on every page."""

from __future__ import annotations

import io
import itertools
import re
import subprocess
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path

import docx
import openpyxl
import pdfplumber
import pytest
from conftest import SEED, run_command
from docx.oxml.ns import qn

import ekstrak
from laporan.buat import buat_laporan

CM = 72 / 2.54  # PDF points in a centimetre
EDGE = 1.5 * CM
FIGURE = re.compile(r"\d{1,3}(?:\.\d{3})*,\d{2}%")
KETERANGAN = (
    "Data diambil dari laporan evaluasi semester II yang disusun bersama unit pelaksana teknis di seluruh wilayah "
    "dan telah diverifikasi oleh tim SAKIP Kantor Wilayah."
)
# Each year's realisasi as a share of its target, one per indicator: every capaian differs from every other.
FACTORS = {2020: Fraction(70, 100), 2021: Fraction(80, 100), 2022: Fraction(90, 100)}
STEP = Fraction(7, 1000)


def _plain(target: ekstrak.Target | None) -> bool:
    """A target whose capaian is R / T: one number, no comparator, no range, not zero."""
    return bool(target and target.nilai and target.batas_bawah is None and not target.pembanding)


def _typed(target: ekstrak.Target, share: Fraction, n: int) -> str:
    """The realisasi as offices type it: the target's unit, a remark after a percent, decimals with a comma."""
    value = round(Fraction(str(target.nilai)) * share, 2)
    number = f"{float(value):.2f}".replace(".", ",")
    if target.satuan == "%":
        return f"{number}% (Evaluasi Semester II)" if n % 2 else f"{number} %"
    return f"{number} {target.satuan}" if target.satuan else number


def _expected(target: ekstrak.Target, typed: str) -> str:
    """Capaian from the typed figures with fractions: R / T x 100, capped at 120, two decimals half up."""
    r = Fraction(re.match(r"[\d,]+", typed).group().replace(",", "."))
    value = min(r / Fraction(str(target.nilai)) * 100, Fraction(120))
    hundredths = (value * 100 + Fraction(1, 2)).__floor__()
    return f"{hundredths // 100},{hundredths % 100:02d}%"


def _sheet(folder: Path, year: int) -> tuple[Path, dict[int, str]]:
    """The seed's sheet for `year` with long realisasi and keterangan typed in; the expected capaian by row."""
    doc = ekstrak.extract(SEED)
    path = folder / f"isian_{year}.xlsx"
    ekstrak.save(doc, path, "xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Indikator"]
    header = [c.value for c in sheet[1]]
    targets = [i.target for s in doc.sasaran for i in s.indikator]
    expected = {}
    for n, (row, target) in enumerate(zip(sheet.iter_rows(min_row=2), targets)):
        if _plain(target):
            typed = _typed(target, FACTORS[year] + STEP * n, n)
            expected[n] = _expected(target, typed)
        else:
            typed = target.teks if target else ""
        row[header.index("realisasi")].value = typed
        row[header.index("keterangan")].value = KETERANGAN
    info = book["Dokumen"]
    for row in info.iter_rows(min_row=2):
        if row[0].value == "tahun":
            row[1].value = year
    book.save(path)
    return path, expected


@pytest.fixture(scope="module")
def tiga_tahun(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("tiga_tahun")
    sheets = {year: _sheet(folder, year) for year in FACTORS}
    hasil = buat_laporan(sheets[2022][0], ["pdf", "docx"], tahun_lalu=[sheets[2020][0], sheets[2021][0]])
    pdf_path = folder / "lakip.pdf"
    pdf_path.write_bytes(hasil.berkas["pdf"])
    docx_path = folder / "lakip.docx"
    docx_path.write_bytes(hasil.berkas["docx"])
    return {"hasil": hasil, "folder": folder, "expected": {y: e for y, (_, e) in sheets.items()}, "docx": docx_path}


def _outside(pdf_bytes: bytes) -> list[str]:
    """Every character and line closer than 1.5 cm to the paper's edge, with its page."""
    found = []
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for obj in [*page.chars, *page.lines, *page.rects]:
                x0, x1, top, bottom = obj["x0"], obj["x1"], obj["top"], obj["bottom"]
                if min(x0, top, page.width - x1, page.height - bottom) < EDGE - 0.5:
                    found.append(f"halaman {number}: {obj.get('text', obj['object_type'])} di ({x0:.0f}, {top:.0f})")
    return found


def _body_lines(page) -> list[str]:
    """A page's body as lines, top to bottom: without the running header, the page number and table headers
    (white text on the header fill)."""
    margin_top = 2 * CM if page.width > page.height else 2.5 * CM
    margin_bottom = 2 * CM if page.width > page.height else 2.2 * CM
    chars = [
        c
        for c in page.chars
        if margin_top <= c["top"]
        and c["bottom"] <= page.height - margin_bottom
        and tuple(c.get("non_stroking_color") or (0,)) != (1, 1, 1)
    ]
    words = pdfplumber.utils.extract_words(chars, keep_blank_chars=False)
    lines: dict[int, list] = {}
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        key = next((k for k in lines if abs(k - word["top"]) < 3), round(word["top"]))
        lines.setdefault(key, []).append(word)
    return [" ".join(w["text"] for w in sorted(lines[k], key=lambda w: w["x0"])) for k in sorted(lines)]


def test_every_character_and_line_is_inside_the_margins(tiga_tahun):
    assert _outside(tiga_tahun["hasil"].berkas["pdf"]) == []


@pytest.fixture(scope="module")
def docx_pdf(tiga_tahun) -> bytes:
    """The DOCX as LibreOffice prints it."""
    out = tiga_tahun["folder"] / "docx"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tiga_tahun['folder'] / 'profil').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(tiga_tahun["docx"]),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return (out / "lakip.pdf").read_bytes()


def _stranded(pdf_bytes: bytes, groups: set[str]) -> tuple[list[str], int]:
    """Pages whose body starts with a lone "Capaian sasaran" row or ends with a group row; pages checked."""
    found, checked = [], 0
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            lines = _body_lines(page)
            if not lines:
                continue
            checked += 1
            if lines[0].startswith("Capaian sasaran"):
                found.append(f"halaman {number} mulai dengan {lines[0]}")
            if lines[-1] in groups:
                found.append(f"halaman {number} berakhir dengan baris kelompok {lines[-1]}")
    return found, checked


@pytest.mark.parametrize("format", ["pdf", "docx"])
def test_no_page_starts_with_a_lone_capaian_sasaran_row_or_ends_with_a_group_row(tiga_tahun, format, request):
    data = tiga_tahun["hasil"].berkas["pdf"] if format == "pdf" else request.getfixturevalue("docx_pdf")
    groups = {k.nama for k in tiga_tahun["hasil"].laporan.kelompok if k.nama}
    found, checked = _stranded(data, groups)
    assert found == []
    assert checked > 40


def _docx_text(document) -> str:
    parts = [t.text or "" for t in document.element.body.iter(qn("w:t"))]
    return " ".join(" ".join(parts).split())


def _pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)


def test_pdf_and_docx_show_the_same_percentages(tiga_tahun):
    pdf = set(FIGURE.findall(_pdf_text(tiga_tahun["hasil"].berkas["pdf"])))
    document = docx.Document(io.BytesIO(tiga_tahun["hasil"].berkas["docx"]))
    word = set(FIGURE.findall(_docx_text(document)))
    assert len(pdf) > 100
    assert pdf == word, (sorted(pdf - word)[:10], sorted(word - pdf)[:10])


def test_each_indicator_capaian_of_both_earlier_years_in_both_formats(tiga_tahun):
    document = docx.Document(io.BytesIO(tiga_tahun["hasil"].berkas["docx"]))
    rows = {
        tuple(" ".join(c.text.split()) for c in row.cells[1:4])
        for t in document.tables
        if len(t.columns) == 4
        for row in t.rows
    }
    with pdfplumber.open(io.BytesIO(tiga_tahun["hasil"].berkas["pdf"])) as pdf:
        lines = [line for page in pdf.pages for line in _body_lines(page)]
    for year in (2020, 2021):
        expected = tiga_tahun["expected"][year]
        assert len(expected) > 40
        for n, capaian in expected.items():
            assert any(r[0] == str(year) and r[2] == capaian for r in rows), (year, n, capaian)
            assert any(re.search(rf"(?:^| ){year} .*{re.escape(capaian)}$", line) for line in lines), (year, n)


def test_the_signed_perjanjian_kinerja_in_both_formats(tiga_tahun):
    pdf = _pdf_text(tiga_tahun["hasil"].berkas["pdf"])
    document = docx.Document(io.BytesIO(tiga_tahun["hasil"].berkas["docx"]))
    word = _docx_text(document)
    for text in (pdf, word):
        appendix = text[text.rfind("PERNYATAAN PERJANJIAN KINERJA") :]
        assert "kami yang bertanda tangan di bawah ini" in appendix
        assert "selanjutnya disebut PIHAK PERTAMA" in appendix and "selanjutnya disebut PIHAK KEDUA" in appendix
        # Without a profile, what only the office knows is marked for it to fill in.
        assert "[Diisi oleh instansi: nama atasan]" in appendix
        assert "[Diisi oleh instansi: tanggal penandatanganan PK]" in appendix
        assert appendix.count("PIHAK KEDUA, PIHAK PERTAMA,") == 2, "signed under the statement and under the table"


def test_docx_properties_headings_and_aligned_numbers(tiga_tahun):
    document = docx.Document(io.BytesIO(tiga_tahun["hasil"].berkas["docx"]))
    props = document.core_properties
    assert props.title.startswith("Laporan Kinerja 2022") and props.author == tiga_tahun["hasil"].laporan.instansi
    assert props.created is not None and props.created.year >= 2025
    chapter = next(p for p in document.paragraphs if p.text.startswith("Bab III") and "\t" not in p.text)
    assert chapter.style.name == "Heading 1" and chapter.style.font.all_caps
    assert chapter.style.paragraph_format.alignment == 1  # centred
    measured = next(t for t in document.tables if len(t.columns) > 7 and t.rows[0].cells[5].text == "Capaian")
    figures = [row.cells[5] for row in measured.rows[1:] if FIGURE.fullmatch(row.cells[5].text)]
    assert len(figures) > 50 and all(cell.paragraphs[0].alignment == 2 for cell in figures)  # right
    xml = measured._tbl.xml
    assert 'w:vMerge w:val="restart"' in xml, "sasaran cells merged over their indicators"
    # Word's own rules too: header rows repeat, no row splits, a "Capaian sasaran" row kept with the row above.
    for table in document.tables:
        rows = table._tbl.tr_lst
        if "1F4E78" not in rows[0].xml:
            continue
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
        for above, tr in itertools.pairwise(rows):
            if "Capaian sasaran" in "".join(t.text or "" for t in tr.iter(qn("w:t"))):
                assert all(p.pPr is not None and p.pPr.keepNext_val for p in above.iter(qn("w:p")))


def _pagerefs(document) -> list[tuple[str, str, str]]:
    """Every list entry with a PAGEREF field: its text, the bookmark it points to, and the page it shows."""
    out = []
    for para in document.paragraphs:
        instr = " ".join(t.text or "" for t in para._p.iter(qn("w:instrText")))
        found = re.search(r"PAGEREF (\S+)", instr)
        if found:
            texts = [t.text or "" for t in para._p.iter(qn("w:t"))]
            out.append((" ".join(texts[0].split()), found.group(1), texts[-1]))
    return out


def _bookmarked(document) -> dict[str, str]:
    """Each bookmark's paragraph text (a heading or a caption)."""
    return {
        start.get(qn("w:name")): " ".join(para.text.split())
        for para in document.paragraphs
        for start in para._p.iter(qn("w:bookmarkStart"))
    }


def test_docx_lists_of_contents_tables_and_charts_show_the_pages_libreoffice_prints(tiga_tahun, docx_pdf):
    document = docx.Document(io.BytesIO(tiga_tahun["hasil"].berkas["docx"]))
    entries, marks = _pagerefs(document), _bookmarked(document)
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    headings = [p for p in document.paragraphs if p.style.name in ("Heading 1", "Heading 2", "Heading 3")]
    tables = [e for e in entries if e[0].startswith("Tabel ")]
    charts = [e for e in entries if e[0].startswith("Grafik ")]
    assert len(tables) + len(charts) == len(captions) > 60
    assert len(entries) - len(captions) == len(headings)  # the Daftar Isi: every heading of levels 1-3
    toc = " ".join(t.text or "" for t in document.element.body.iter(qn("w:instrText")) if "TOC" in (t.text or ""))
    assert '\\o "1-3"' in toc, "the Daftar Isi stays Word's TOC field"
    with pdfplumber.open(io.BytesIO(docx_pdf)) as pdf:
        pages = [" ".join((page.extract_text() or "").split()).casefold() for page in pdf.pages]
    for text, mark, page in entries:
        assert marks[mark] == text, (mark, marks.get(mark), text)
        assert page.isdigit(), (text, page)
        # On that page as itself, not as an entry of a list (followed by its dots)
        itself = re.escape(text.casefold()) + r"(?!\s*\.{3})"
        assert re.search(itself, pages[int(page) - 1]), f"{text} tidak ada di halaman {page}"


def test_docx_pages_are_inside_the_margins_too(docx_pdf):
    assert _outside(docx_pdf) == []
    assert "PIHAK KEDUA" in _pdf_text(docx_pdf)


# --tahun-lalu and --draf on the command line ----------------------------------------------------


def _year_sheet(folder: Path, name: str, year: int | None) -> Path:
    """The seed's sheet with another `tahun` (None: none given)."""
    path = folder / name
    ekstrak.save(ekstrak.extract(SEED), path, "xlsx")
    book = openpyxl.load_workbook(path)
    for row in book["Dokumen"].iter_rows(min_row=2):
        if row[0].value == "tahun":
            row[1].value = year
    book.save(path)
    return path


@pytest.fixture(scope="module")
def years(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("tahun")
    made = {y: _year_sheet(folder, f"isian_{y}.xlsx", y) for y in (2017, 2018, 2019, 2020, 2021, 2022)}
    made[None] = _year_sheet(folder, "isian_tanpa_tahun.xlsx", None)
    return made


@pytest.mark.parametrize(
    ("earlier", "words"),
    [
        ((2021, 2020, 2019, 2018, 2017), "paling banyak 4 kali"),
        ((2021, 2021), "Tahun 2021 diberikan dua kali"),
        ((2022,), "bukan sebelum tahun laporan 2022"),
        ((2021, None, 2020), "Tahun 2020 diberikan dua kali"),
    ],
)
def test_tahun_lalu_refused_with_exit_2_and_nothing_written(years, tmp_path, earlier, words):
    out = tmp_path / "lakip.html"
    args = [str(years[2022]), "-o", str(out)]
    for year in earlier:
        args += ["--tahun-lalu", str(years[year])]
    result = run_command("laporan", *args)
    assert result.returncode == 2 and not out.exists()
    message = result.stderr.decode()
    assert words in message and "Traceback" not in message and message.count("\n") == 1, message


def test_tahun_lalu_in_any_order_and_a_year_inferred_said_so(years, tmp_path):
    out = tmp_path / "lakip.html"
    args = ["--tahun-lalu", str(years[2019]), "--tahun-lalu", str(years[2021]), "--tahun-lalu", str(years[None])]
    result = run_command("laporan", str(years[2022]), *args, "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    page = out.read_text(encoding="utf-8")
    # The file without a year follows 2021 on the command line: it is 2020, and the report says so.
    assert "Berkas pembanding tahun 2020" in page
    header = re.search(r"Capaian kinerja organisasi per tahun</caption>.*?</thead>", page, flags=re.S).group()
    assert re.findall(r"<th[^>]*>(\d{4})</th>", header) == ["2019", "2020", "2021", "2022"]


def test_draf_on_every_page_of_both_formats(tmp_path):
    pdf, word = tmp_path / "lakip.pdf", tmp_path / "lakip.docx"
    result = run_command("laporan", str(SEED), "--draf", "-o", str(pdf), "-o", str(word))
    assert result.returncode == 0, result.stderr.decode()
    with pdfplumber.open(pdf) as document:
        assert all("DRAF" in (page.extract_text() or "") for page in document.pages)
    document = docx.Document(str(word))
    assert document.sections[0].first_page_header.paragraphs[0].text == "DRAF"
    assert all(s.header.paragraphs[0].text.startswith("DRAF · ") for s in document.sections)
    plain = run_command("laporan", str(SEED), "-o", str(tmp_path / "biasa.pdf"))
    with pdfplumber.open(tmp_path / "biasa.pdf") as document:
        assert not any("DRAF" in (page.extract_text() or "") for page in document.pages)
    assert plain.returncode == 0


def test_contoh_profil_shows_the_pk_keys_and_they_reach_the_appendix(tmp_path):
    example = run_command("laporan", "--contoh-profil").stdout.decode()
    for key in ("[pihak_kedua]", "[pk]", '[analisis."1"]', "penyebab =", "nasional ="):
        assert key in example
    profile = tmp_path / "profil.toml"
    profile.write_text(re.sub(r"(?m)^logo = .*$", "", example), encoding="utf-8")
    out = tmp_path / "lakip.html"
    result = run_command("laporan", str(SEED), "--profil", str(profile), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    page = " ".join(re.sub(r"<[^>]+>", " ", out.read_text(encoding="utf-8")).split())
    appendix = page[page.find("PERNYATAAN PERJANJIAN KINERJA") :]
    assert "Jakarta, 1 Februari 2022" in appendix and "Sekretaris Jenderal" in appendix
    assert "Belum ada standar nasional untuk indikator ini." in page


# One word for one state ---------------------------------------------------------------------------------


class _Tables(HTMLParser):
    """The HTML's tables as rows of cell texts, a cell spanning rows or columns repeated in each."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.spans: dict[int, tuple[int, str]] = {}
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
            self.spans = {}
        elif tag == "tr":
            self.tables[-1].append([])
            self._carry()
        elif tag in ("td", "th"):
            self.cell, self.attrs = [], dict(attrs)

    def _carry(self) -> None:
        row = self.tables[-1][-1]
        while len(row) in self.spans:
            left, text = self.spans.pop(len(row))
            if left > 1:
                self.spans[len(row)] = (left - 1, text)
            row.append(text)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            text = " ".join("".join(self.cell).split())
            row = self.tables[-1][-1]
            for _ in range(int(self.attrs.get("colspan") or 1)):
                if int(self.attrs.get("rowspan") or 1) > 1:
                    self.spans[len(row)] = (int(self.attrs["rowspan"]) - 1, text)
                row.append(text)
            self.cell = None
            self._carry()

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


NOTHING = {"", "-", "–", "—", "tidak diukur", "belum diukur", "tidak dapat dihitung", "belum diisi"}


def _words_for_nothing(tables: list[list[list[str]]]) -> tuple[set[str], set[str]]:
    """What the capaian columns and the realisasi columns say where they show no figure."""
    capaian, realisasi = set(), set()
    for rows in tables:
        header = rows[0]
        for row in rows[1:]:
            for name, text in zip(header, row):
                if name.startswith("Capaian") and text in NOTHING:
                    capaian.add(text)
                if name.startswith("Realisasi") and text in NOTHING - {""}:
                    realisasi.add(text)
    return capaian, realisasi


def test_one_word_for_a_capaian_not_measured_and_one_for_nothing_to_show(tmp_path):
    """This year indicator 1 has no realisasi, last year indicator 2 had none: each capaian column says
    `tidak diukur` for both (never `-` or blank), each realisasi column `-` (never `tidak diukur`)."""
    sheets = {}
    for year, blank in ((2021, 1), (2022, 0)):
        path = _year_sheet(tmp_path, f"isian_{year}.xlsx", year)
        book = openpyxl.load_workbook(path)
        sheet = book["Indikator"]
        header = [c.value for c in sheet[1]]
        for n, row in enumerate(sheet.iter_rows(min_row=2)):
            target = row[header.index("target")].value
            row[header.index("realisasi")].value = None if n == blank else target
        book.save(path)
        sheets[year] = path
    hasil = buat_laporan(sheets[2022], ["html", "docx"], tahun_lalu=[sheets[2021]])
    parser = _Tables()
    parser.feed(hasil.berkas["html"].decode())
    document = docx.Document(io.BytesIO(hasil.berkas["docx"]))
    word = [[[" ".join(c.text.split()) for c in row.cells] for row in t.rows] for t in document.tables]
    for tables in (parser.tables, word):
        capaian, realisasi = _words_for_nothing(tables)
        assert capaian <= {"tidak diukur", "tidak dapat dihitung"} and "tidak diukur" in capaian, capaian
        assert realisasi == {"-"}, realisasi
    counts = [sum(row.count("tidak diukur") for rows in tables for row in rows[1:]) for tables in (parser.tables, word)]
    assert counts[0] == counts[1] >= 4
