"""laporan's options and inputs: JSON with --realisasi, --anggaran, the scales, the cap, the formula
for `turun`, target_renstra, realisasi written the ways people write it; the DOCX opens in LibreOffice."""

from __future__ import annotations

import io
import re
import subprocess
from decimal import ROUND_HALF_UP, Decimal

import docx
import openpyxl
import pdfplumber
import pytest
from conftest import ROOT, run_command

import ekstrak
from laporan.buat import buat_laporan
from laporan.capaian import Aturan
from laporan.hasil import nilai_realisasi

SAMPLE = ROOT / "samples" / "isian_2022_CONTOH.xlsx"
SMALL = "NO\tSASARAN\tINDIKATOR\tTARGET\n1\tSasaran satu\t1. Indikator a 2. Indikator b\t80% maks. 10%\n"


def _sheet(tmp_path, realisasi: list[str], extra: dict[str, list[str]] | None = None):
    """The small document's filled sheet, with realisasi (and other columns) typed in."""
    source = tmp_path / "iku.txt"
    source.write_text(SMALL, encoding="utf-8")
    path = tmp_path / "isian.xlsx"
    ekstrak.save(ekstrak.extract(source), path, "xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Indikator"]
    header = [c.value for c in sheet[1]]
    for column, values in {"realisasi": realisasi, **(extra or {})}.items():
        if column not in header:
            sheet.cell(row=1, column=len(header) + 1).value = column
            header.append(column)
        for row, value in enumerate(values, start=2):
            sheet.cell(row=row, column=header.index(column) + 1).value = value
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("written", "angka", "teks"),
    [
        ("85%", Decimal(85), "85%"),
        ("85 %", Decimal(85), "85 %"),
        ("3,25", Decimal("3.25"), "3,25"),
        ("12 Permohonan", Decimal(12), "12 Permohonan"),
        ("WTP", None, "WTP"),
        ("38% (Evaluasi Semester I)", Decimal(38), "38% (Evaluasi Semester I)"),
        ("", None, ""),
        ("-", None, ""),
    ],
)
def test_realisasi_as_people_write_it(written, angka, teks):
    read = nilai_realisasi(written)
    assert read.angka == angka and read.teks == teks


def test_turun_from_the_target_and_the_two_formulas(tmp_path):
    path = _sheet(tmp_path, ["88%", "8%"])
    default = buat_laporan(path, []).laporan.sasaran[0].indikator
    assert [i.polaritas for i in default] == ["naik", "turun"]
    assert [i.capaian for i in default] == ["110,00%", "120,00%"]
    tr = buat_laporan(path, [], aturan=Aturan(rumus_turun="t/r")).laporan.sasaran[0].indikator
    assert tr[1].capaian == "120,00%" and "125,00%" in tr[1].catatan
    uncapped = buat_laporan(path, [], aturan=Aturan(batas=None)).laporan.sasaran[0]
    assert [i.capaian for i in uncapped.indikator] == ["110,00%", "120,00%"]
    assert uncapped.capaian == "115,00%"


def test_polaritas_column_wins(tmp_path):
    path = _sheet(tmp_path, ["88%", "8%"], {"polaritas": ["stabil", "naik"]})
    rows = buat_laporan(path, []).laporan.sasaran[0].indikator
    assert [(i.polaritas, i.capaian) for i in rows] == [("stabil", "90,00%"), ("naik", "80,00%")]


def test_scales(tmp_path):
    path = _sheet(tmp_path, ["80%", "10%"])
    assert buat_laporan(path, []).laporan.predikat == "Sangat Baik"
    assert buat_laporan(path, [], aturan=Aturan(skala="permenpan-6-2022")).laporan.predikat == "Baik"
    assert buat_laporan(path, [], aturan=Aturan(skala="biner")).laporan.predikat == "Tercapai"


def test_json_with_realisasi_file_and_renstra(tmp_path):
    filled = _sheet(tmp_path, ["72%", ""], {"target_renstra": ["90%", "5%"]})
    json_path = tmp_path / "iku.json"
    json_path.write_bytes(ekstrak.render(ekstrak.extract(tmp_path / "iku.txt"), "json"))
    hasil = buat_laporan(json_path, ["pdf"], realisasi=filled)
    rows = hasil.laporan.sasaran[0].indikator
    assert [(i.realisasi, i.capaian) for i in rows] == [("72%", "90,00%"), ("-", "tidak diukur")]
    assert rows[0].renstra == "90%" and "Target akhir Renstra: 90%" in rows[0].kalimat
    with pdfplumber.open(io.BytesIO(hasil.berkas["pdf"])) as pdf:
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert "Target akhir Renstra: 90%." in text and "tidak diukur" in text


def test_budget_from_its_own_file(tmp_path):
    path = _sheet(tmp_path, ["80%", "10%"])
    budget = tmp_path / "anggaran.csv"
    budget.write_text(
        "uraian;nilai;realisasi\nKegiatan A;1.000.000;900.000\nKegiatan B;3.000.000;2.850.000\n", encoding="utf-8"
    )
    laporan = buat_laporan(path, [], anggaran=budget).laporan
    assert [(a.uraian, a.pagu, a.realisasi, a.serapan) for a in laporan.anggaran] == [
        ("Kegiatan A", "Rp 1.000.000", "Rp 900.000", "90,00%"),
        ("Kegiatan B", "Rp 3.000.000", "Rp 2.850.000", "95,00%"),
    ]
    assert laporan.anggaran_total.serapan == "93,75%"
    assert "penyerapan anggaran 93,75%" in laporan.efisiensi


def test_docx_opens_in_libreoffice_without_repair(tmp_path):
    out = tmp_path / "lakip.docx"
    assert run_command("laporan", str(SAMPLE), "-o", str(out)).returncode == 0
    result = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profil",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "lakip.pdf"
    assert pdf.exists(), result.stderr.decode()
    with pdfplumber.open(pdf) as document:
        text = " ".join(page.extract_text() or "" for page in document.pages)
        assert len(document.pages) > 10
    text = " ".join(text.split())
    # Chapter headings are Word's Heading 1, in capitals as in the PDF.
    for title in ("KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "BAB III AKUNTABILITAS KINERJA", "LAMPIRAN"):
        assert title in text


def _typed_figure(text: str | None) -> Decimal | None:
    """The first number as typed (`13 Permohonan`, `83,5%`), read here without the report's parser."""
    found = re.search(r"\d+(?:,\d+)?", text or "")
    return Decimal(found.group().replace(",", ".")) if found else None


def test_renstra_table_sums_counts_over_the_years_and_takes_the_latest_level(tmp_path):
    """The samples over three years: a count achieved each year (Permohonan, Laporan) is added up, a percent or
    index is the latest year's, each against the Renstra end target, and the table's note says which is which."""
    years = [ROOT / "samples" / f"isian_{y}_CONTOH.xlsx" for y in (2020, 2021, 2022)]
    sheets = []
    for path in years:
        sheet = openpyxl.load_workbook(path)["Indikator"]
        header = [c.value for c in sheet[1]]
        sheets.append([dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)])
    hasil = buat_laporan(years[2], ["html", "docx"], tahun_lalu=[years[1], years[0]])
    shown = [i for s in hasil.laporan.sasaran for i in s.indikator]
    counted = latest = 0
    for n, (now, ind) in enumerate(zip(sheets[2], shown)):
        key = (now["no_sasaran"], now["indikator"])
        same = [row for rows in sheets for row in rows if (row["no_sasaran"], row["indikator"]) == key]
        if not now["target_renstra"] or len(same) != 3:
            continue
        end = _typed_figure(now["target_renstra"])
        figures = [_typed_figure(row["realisasi"]) for row in same]
        if not any(figures):
            assert (ind.renstra_sejauh, ind.renstra_persen, ind.renstra_cara) == ("-", "", "")
            continue
        if "%" in now["target"] or "Indeks" in now["target"] or not re.search(r"[A-Za-z]", now["target"]):
            expected = next((f for f in reversed(figures) if f is not None), None)
            assert ind.renstra_cara.startswith("tahun "), ind.renstra_cara
            latest += 1
        else:
            expected = sum(f for f in figures if f is not None)
            assert ind.renstra_cara == "jumlah 2020–2022", ind.renstra_cara
            counted += 1
        assert _typed_figure(ind.renstra_sejauh) == expected, (n, ind.renstra_sejauh, figures)
        percent = (expected / end * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert ind.renstra_persen == f"{percent}%".replace(".", ","), (n, ind.renstra_persen)
    assert counted >= 5 and latest >= 10
    page = hasil.berkas["html"].decode()
    word = " ".join(p.text for p in docx.Document(io.BytesIO(hasil.berkas["docx"])).paragraphs)
    for text in (page, word):
        assert "dicapai per tahun, maka realisasinya dijumlahkan dari tahun ke tahun" in text
        assert "berupa tingkat atau persentase, maka yang dipakai realisasi tahun terakhir" in text
    assert "Realisasi s.d. 2022" in page and "(jumlah 2020–2022)" in page


def test_docx_lists_without_libreoffice_leave_the_pages_to_word(tmp_path, monkeypatch):
    """Without LibreOffice the lists' entries are there, their page numbers empty, and Word is told to fill
    them when the document is opened (no page number is made up)."""
    monkeypatch.setattr("laporan.render.docx_daftar.shutil.which", lambda name: None)
    path = _sheet(tmp_path, ["72%", "8%"])
    document = docx.Document(io.BytesIO(buat_laporan(path, ["docx"]).berkas["docx"]))
    entries = [p for p in document.paragraphs if "PAGEREF" in p._p.xml]
    assert any(p.text.startswith("Tabel 3.2. Pengukuran kinerja") for p in entries)
    assert any(p.text.startswith("Bab III Akuntabilitas Kinerja") for p in entries)
    assert all(p.text.endswith("\t") for p in entries), [p.text for p in entries if not p.text.endswith("\t")]
    assert 'w:updateFields w:val="true"' in document.settings.element.xml
    assert 'w:dirty="true"' in document.element.body.xml
