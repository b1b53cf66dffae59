"""`laporan` as a user runs it, every documented option at least once, each asserting the figures it must
change; capaian computed here independently (fractions, half up) on a sheet built to land on ties; the
comparison with last year, the HTML the PDF is made from, and `Persentase menurunnya …` end to end."""

from __future__ import annotations

import html
import io
import re
import tomllib
from fractions import Fraction
from pathlib import Path

import docx
import openpyxl
import pdfplumber
import pytest
from conftest import FIXTURES, ROOT, SEED, run_command

import ekstrak

SAMPLES = ROOT / "samples"
THIS_YEAR = SAMPLES / "isian_2022_CONTOH.xlsx"
LAST_YEAR = SAMPLES / "isian_2021_CONTOH.xlsx"
PROFILE = SAMPLES / "profil_CONTOH.toml"


def _text_of_html(page: str) -> str:
    page = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _text_of_pdf(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)


def _laporan(*args: str) -> tuple[int, str]:
    """Exit code and what `laporan` says (it writes nothing on stdout, only its files)."""
    result = run_command("laporan", *args)
    assert result.stdout == b""
    return result.returncode, result.stderr.decode()


def _html(tmp_path: Path, *args: str, name: str = "lakip.html") -> str:
    out = tmp_path / name
    code, err = _laporan(*args, "-o", str(out))
    assert code == 0, err
    assert err.startswith("laporan: capaian ") and err.endswith(f" → {out}\n"), err
    return _text_of_html(out.read_text(encoding="utf-8"))


def _sheet(tmp_path: Path, text: str, columns: dict[str, list[str | None]], name: str = "isian.xlsx") -> Path:
    """The sheet `ekstrak` writes for `text`, with columns typed in as an office would."""
    source = tmp_path / f"{name}.txt"
    source.write_text(text, encoding="utf-8")
    path = tmp_path / name
    ekstrak.save(ekstrak.extract(source), path, "xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Indikator"]
    header = [c.value for c in sheet[1]]
    for column, values in columns.items():
        if column not in header:
            sheet.cell(row=1, column=len(header) + 1).value = column
            header.append(column)
        for row, value in enumerate(values, start=2):
            sheet.cell(row=row, column=header.index(column) + 1).value = value
    book.save(path)
    return path


# Capaian computed independently, on a sheet built to land on ties -------------------------------

TIES = (
    "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\n"
    "1\tSasaran satu\t1. Persentase layanan a 2. Jumlah dokumen b\t80% 60 Dokumen\n"
    "2\tSasaran dua\t1. Persentase layanan c 2. Jumlah dokumen d 3. Persentase pengaduan e\t80% 40 Dokumen maks. 10%\n"
    "3\tSasaran tiga\tIndeks kepuasan f\t3,1 Indeks\n"
)
#          a: 104,845   b: 105,165   c: 100,015   d: 203 → 120   e: 2 − 9/10 = 110   f: not measured
TIES_REALISASI = ["83,876%", "63,099 Dokumen", "80,012%", "81,2 Dokumen", "9%", None]


def _half_up(value: Fraction) -> str:
    hundredths = (value * 100 + Fraction(1, 2)).__floor__()
    return f"{hundredths // 100},{hundredths % 100:02d}%"


def _number(text: str) -> Fraction:
    return Fraction(re.match(r"[\d,]+", text).group().replace(",", "."))


def _expected_ties() -> dict[str, object]:
    targets = [("80%", "naik"), ("60 Dokumen", "naik"), ("80%", "naik"), ("40 Dokumen", "naik"), ("10%", "turun")]
    values = []
    for (target, polaritas), realisasi in zip(targets, TIES_REALISASI):
        ratio = _number(realisasi) / _number(target)
        raw = ratio * 100 if polaritas == "naik" else max(Fraction(0), (2 - ratio) * 100)
        values.append((raw, min(raw, Fraction(120))))
    sasaran = [sum(v for _, v in values[:2]) / 2, sum(v for _, v in values[2:5]) / 3]
    return {"indikator": values, "sasaran": sasaran, "keseluruhan": sum(sasaran) / 2}


def test_the_figures_are_the_domain_formulas_rounded_half_up(tmp_path):
    expected = _expected_ties()
    assert [_half_up(capped) for _, capped in expected["indikator"]] == [
        "104,85%",
        "105,17%",
        "100,02%",
        "120,00%",
        "110,00%",
    ]
    assert [_half_up(v) for v in expected["sasaran"]] == ["105,01%", "110,01%"]  # both ties
    assert _half_up(expected["keseluruhan"]) == "107,51%"  # 107,505: a tie
    sheet = _sheet(tmp_path, TIES, {"realisasi": TIES_REALISASI})
    out = tmp_path / "lakip.html"
    code, err = _laporan(str(sheet), "-o", str(out))
    assert (code, err) == (0, f"laporan: capaian 107,51% (Sangat Baik) → {out}\n")
    text = _text_of_html(out.read_text(encoding="utf-8"))
    assert "Capaian kinerja organisasi (rata-rata sasaran) 107,51% Sangat Baik" in text
    assert "Capaian sasaran 1 105,01%" in text and "Capaian sasaran 2 110,01%" in text
    for row in (
        "Persentase layanan a 80% 83,876% 104,85%",
        "Jumlah dokumen b 60 Dokumen 63,099 Dokumen 105,17%",
        "Persentase layanan c 80% 80,012% 100,02%",
        "Jumlah dokumen d 40 Dokumen 81,2 Dokumen 120,00%",
        "Persentase pengaduan e maks. 10% 9% 110,00%",
    ):
        assert row in text, row
    assert "capaian sebenarnya 203,00%" in text
    assert "Indeks kepuasan f 3,1 Indeks - tidak diukur" in text


def test_batas_capaian_tidak_on_the_command_line(tmp_path):
    sheet = _sheet(tmp_path, TIES, {"realisasi": TIES_REALISASI})
    uncapped = [raw for raw, _ in _expected_ties()["indikator"]]
    sasaran2 = sum(uncapped[2:5]) / 3
    overall = (sum(uncapped[:2]) / 2 + sasaran2) / 2
    text = _html(tmp_path, str(sheet), "--batas-capaian", "tidak")
    assert f"Capaian kinerja organisasi (rata-rata sasaran) {_half_up(overall)}" in text
    assert "Jumlah dokumen d 40 Dokumen 81,2 Dokumen 203,00%" in text
    assert f"Capaian sasaran 2 {_half_up(sasaran2)}" in text
    assert "dibatasi" not in text
    raised = _html(tmp_path, str(sheet), "--batas-capaian", "150", name="b.html")
    assert "Jumlah dokumen d 40 Dokumen 81,2 Dokumen 150,00%" in raised
    exact = _html(tmp_path, str(sheet), "--batas-capaian", "100", name="c.html")
    assert "Persentase layanan a 80% 83,876% 100,00%" in exact


@pytest.mark.parametrize(
    ("value", "sentence"),
    [
        ("99", "laporan: --batas-capaian tidak boleh di bawah 100.\n"),
        ("abc", "laporan: --batas-capaian 'abc' harus angka (mis. 120) atau 'tidak'.\n"),
    ],
)
def test_batas_capaian_that_makes_no_sense(tmp_path, value, sentence):
    out = tmp_path / "lakip.html"
    assert _laporan(str(THIS_YEAR), "-o", str(out), "--batas-capaian", value) == (2, sentence)
    assert not out.exists()


@pytest.mark.parametrize(("formula", "capaian"), [(None, "110,00%"), ("2-r/t", "110,00%"), ("t/r", "111,11%")])
def test_rumus_turun(tmp_path, formula, capaian):
    sheet = _sheet(tmp_path, TIES, {"realisasi": TIES_REALISASI})
    args = [str(sheet)] + (["--rumus-turun", formula] if formula else [])
    text = _html(tmp_path, *args)
    assert f"Persentase pengaduan e maks. 10% 9% {capaian}" in text
    assert "(semakin kecil semakin baik)" in text


@pytest.mark.parametrize(
    ("skala", "predikat"),
    [("lkjip", "Sangat Baik"), ("permenpan-6-2022", "Baik"), ("biner", "Tercapai")],
)
def test_skala(tmp_path, skala, predikat):
    sheet = _sheet(
        tmp_path, "NO\tSASARAN\tINDIKATOR\tTARGET\n1\tSasaran satu\tPersentase a\t80%\n", {"realisasi": ["80%"]}
    )
    out = tmp_path / "lakip.html"
    assert _laporan(str(sheet), "--skala", skala, "-o", str(out)) == (
        0,
        f"laporan: capaian 100,00% ({predikat}) → {out}\n",
    )
    assert f"Capaian kinerja organisasi (rata-rata sasaran) 100,00% {predikat}" in _text_of_html(
        out.read_text(encoding="utf-8")
    )


def test_an_unknown_skala_is_refused(tmp_path):
    code, err = _laporan(str(THIS_YEAR), "--skala", "sakip", "-o", str(tmp_path / "a.html"))
    assert code == 2 and "pilihan 'sakip' untuk --skala tidak sah" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


# The sample report, as the README makes it -------------------------------------------------------


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("contoh")
    outs = [folder / "lakip.pdf", folder / "lakip.docx", folder / "lakip.html"]
    code, err = _laporan(
        str(THIS_YEAR), "--tahun-lalu", str(LAST_YEAR), "--profil", str(PROFILE), *(f"-o{o}" for o in outs)
    )
    assert code == 0, err
    return {
        "stderr": err,
        "outs": outs,
        "pdf": _text_of_pdf(outs[0].read_bytes()),
        "docx": docx.Document(str(outs[1])),
        "html_source": outs[2].read_text(encoding="utf-8"),
        "html": _text_of_html(outs[2].read_text(encoding="utf-8")),
    }


def test_laporan_command_prints_the_overall_figure_and_writes_each_file(sample):
    pdf, word, page = sample["outs"]
    assert sample["stderr"] == f"laporan: capaian 100,18% (Sangat Baik) → {pdf}, {word}, {page}\n"
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert "Capaian kinerja organisasi (rata-rata sasaran) 100,18% Sangat Baik" in sample["pdf"]
    assert "Capaian kinerja organisasi (rata-rata sasaran) 100,18% Sangat Baik" in sample["html"]
    cells = " ".join(c.text for t in sample["docx"].tables for row in t.rows for c in row.cells)
    assert "100,18%" in " ".join(cells.split())


# (indicator, capaian 2022, capaian 2021 as shown, the sentence's change); computed from the two sheets:
# 1.1: 3 / 3,1 = 96,77% against 4 / 3,1 = 129,03% capped at 120%; 3.1: 77,51 / 80 against 86,49 / 80; 3.3:
# 95,69 / 80 against 89,98 / 80. The change is of the figures as shown: 96,89 − 108,11 = −11,22 (the unrounded
# −11,225 would show 11,23), 119,61 − 112,48 = 7,13 (unrounded 7,1375 would show 7,14).
COMPARISONS = [
    ("Indeks kepuasan layanan internal di lingkungan Kantor Wilayah", "96,77%", "120,00%", "turun 23,23 poin"),
    ("Persentase menurunnya tahanan yang overstaying", "96,89%", "108,11%", "turun 11,22 poin"),
    ("Persentase Tahanan yang memperoleh Fasilitasi Bantuan Hukum", "119,61%", "112,48%", "naik 7,13 poin"),
]


@pytest.mark.parametrize(("name", "now", "before", "change"), COMPARISONS)
def test_comparison_with_last_year_states_both_figures_and_the_change(sample, name, now, before, change):
    for text in (sample["html"], sample["pdf"]):
        sentence = re.search(rf"Indikator “{re.escape(name)}” tahun 2022 terealisasi [^“]*?poin\.", text)
        assert sentence, name
        assert f"capaian {now} (" in sentence.group()
        assert sentence.group().endswith(f"Dibanding tahun 2021 (capaian {before}), capaian {change}.")


def test_the_indicator_without_a_pair_last_year_is_named(sample):
    listed = (
        "Indikator berikut tidak ditemukan dengan rumusan yang sama pada data tahun 2021, sehingga tidak "
        "dibandingkan: "
        "21.2 Hasil Penelitian Hukum dan Hak Asasi Manusia yang Disosialisasikan di Wilayah"
    )
    assert listed in sample["html"]
    assert re.sub(r"\s", "", listed) in re.sub(r"[\s•]", "", sample["pdf"])


def test_persentase_menurunnya_stays_naik_in_the_sheet_and_the_report(sample, tmp_path):
    # The sheet ekstrak writes leaves polaritas empty for the office: no cue in the target (80%) says `turun`.
    csv = run_command("ekstrak", str(SEED), "-f", "csv").stdout.decode("utf-8-sig").splitlines()
    row = next(line.split(";") for line in csv if "Persentase menurunnya" in line)
    assert row[5:9] == ["80%", "80", "%", ""]
    # The report computes it as naik: 77,51 / 80 = 96,89% (as turun it would be 2 − 77,51/80 = 103,11%).
    sentence = (
        "Indikator “Persentase menurunnya tahanan yang overstaying” tahun 2022 terealisasi 77,51% dari target 80%, "
        "capaian 96,89% (Sangat Baik); realisasi belum mencapai target."
    )
    assert sentence in sample["html"] and sentence in sample["pdf"]
    # The same from a sheet filled in from ekstrak's own: 90% against 80% is 112,50% (turun: 87,50%).
    sheet = _sheet(tmp_path, SEED.read_text(encoding="utf-8"), {"realisasi": [None, None, "90%"]})
    text = _html(tmp_path, str(sheet))
    assert "Persentase menurunnya tahanan yang overstaying 80% 90% 112,50%" in text
    assert "capaian 112,50% (Sangat Baik); realisasi melampaui target." in text


def test_html_is_the_pdf_source(sample):
    html_text, pdf_text = sample["html"], sample["pdf"]
    figure = r"\d{1,3}(?:\.\d{3})*,\d{2}%"
    shown = re.findall(figure, html_text)
    assert len(shown) > 300
    assert re.findall(figure, pdf_text) == shown, "every figure of the HTML, in the same order, in the PDF"
    # The running header and page number may fall inside a sentence that runs onto the next page.
    body = re.sub(
        r"(?:\d+ )?Laporan Kinerja 2022 · Kantor Wilayah Kementerian Hukum dan HAM Sulawesi Barat", "", pdf_text
    )
    squeezed = re.sub(r"\s", "", body)
    sentences = re.findall(
        r"(?:Indikator|Capaian indikator) “[^”]*” (?:tahun 2022|tidak)[^“]*?"
        r"(?= Indikator “| Capaian indikator “| Analisis capaian|$)",
        html_text,
    )
    assert len(sentences) == 53
    for sentence in sentences:
        assert re.sub(r"\s", "", sentence) in squeezed, sentence
    titles = [_text_of_html(t) for t in re.findall(r"<h1[^>]*>(.*?)</h1>", sample["html_source"], flags=re.S)]
    assert "Ikhtisar Eksekutif" in titles and "Bab III Akuntabilitas Kinerja" in titles
    where = [squeezed.find(re.sub(r"\s", "", t).upper()) for t in titles]
    assert min(where) >= 0 and where == sorted(where), list(zip(titles, where))


# The other options, each with what it must do --------------------------------------------------

SMALL = "NO\tSASARAN\tINDIKATOR\tTARGET\n1\tSasaran satu\t1. Persentase a 2. Persentase b\t80% maks. 10%\n"


def test_keluaran_repeated_and_its_long_form(tmp_path):
    sheet = _sheet(tmp_path, SMALL, {"realisasi": ["72%", "8%"]})
    html_out, word = tmp_path / "a.html", tmp_path / "a.docx"
    code, err = _laporan(str(sheet), "--keluaran", str(html_out), "-o", str(word))
    assert (code, err) == (0, f"laporan: capaian 105,00% (Sangat Baik) → {html_out}, {word}\n")
    assert "Persentase a 80% 72% 90,00%" in _text_of_html(html_out.read_text(encoding="utf-8"))
    cells = " ".join(c.text for t in docx.Document(str(word)).tables for r in t.rows for c in r.cells)
    assert "Persentase b maks. 10% 8% 120,00%" in " ".join(cells.split())


def test_an_unknown_report_format_is_refused_before_any_work(tmp_path):
    assert _laporan(str(THIS_YEAR), "-o", str(tmp_path / "a.odt")) == (
        2,
        f"laporan: Format laporan '{tmp_path / 'a.odt'}' tidak dikenal; pakai akhiran .pdf, .docx atau .html.\n",
    )


def test_realisasi_for_a_json_input(tmp_path):
    filled = _sheet(tmp_path, SMALL, {"realisasi": ["72%", "11%"]})
    source = tmp_path / "iku.txt"
    source.write_text(SMALL, encoding="utf-8")
    data = tmp_path / "iku.json"
    assert run_command("ekstrak", str(source), "-o", str(data), "-q").returncode == 0
    text = _html(tmp_path, str(data), "--realisasi", str(filled))
    assert "Persentase a 80% 72% 90,00%" in text and "Persentase b maks. 10% 11% 90,00%" in text
    out = tmp_path / "tanpa.html"
    assert _laporan(str(data), "-o", str(out)) == (0, f"laporan: capaian tidak diukur (-) → {out}\n")


def test_anggaran_from_its_own_file(tmp_path):
    sheet = _sheet(tmp_path, SMALL, {"realisasi": ["80%", "10%"]})
    budget = tmp_path / "anggaran.csv"
    budget.write_text(
        "uraian;nilai;realisasi\nKegiatan A;1.000.000;900.000\nKegiatan B;3.000.000;2.850.000\n", encoding="utf-8"
    )
    text = _html(tmp_path, str(sheet), "--anggaran", str(budget))
    assert "Kegiatan A Rp 1.000.000 Rp 900.000 90,00%" in text
    assert "Kegiatan B Rp 3.000.000 Rp 2.850.000 95,00%" in text
    assert "penyerapan anggaran 93,75%" in text


def test_contoh_profil_is_a_profile_that_works(tmp_path):
    result = run_command("laporan", "--contoh-profil")
    assert result.returncode == 0 and result.stderr == b""
    profile = tmp_path / "profil.toml"
    profile.write_bytes(result.stdout)
    data = tomllib.loads(result.stdout.decode())
    assert data["kota"] == "Mamuju" and data["kepala"]["nip"] == "19700101 199503 1 001"
    from PIL import Image

    Image.new("RGB", (20, 20), (0, 90, 160)).save(tmp_path / data["logo"])
    text = _html(tmp_path, str(THIS_YEAR), "--profil", str(profile))
    assert "Mamuju, 31 Januari 2023" in text and "NIP 19700101 199503 1 001" in text
    assert "Kantor Wilayah Kementerian Hukum dan HAM Sulawesi Barat" in text


def test_a_profile_whose_logo_is_missing_is_one_sentence(tmp_path):
    profile = tmp_path / "profil.toml"
    profile.write_bytes(run_command("laporan", "--contoh-profil").stdout)
    out = tmp_path / "lakip.html"
    assert _laporan(str(THIS_YEAR), "--profil", str(profile), "-o", str(out)) == (
        2,
        f"laporan: Logo '{tmp_path / 'logo.png'}' di profil tidak ditemukan; periksa nama berkasnya.\n",
    )
    assert not out.exists()


def test_templat_and_salin_templat(tmp_path):
    copy = tmp_path / "templat"
    code, err = _laporan("--salin-templat", str(copy))
    assert (code, err) == (
        0,
        f"laporan: templat disalin ke {copy}; ubah lalu pakai dengan --templat {copy}\n",
    )
    assert (copy / "laporan.html.j2").exists() and (copy / "laporan.css").exists()
    page = copy / "laporan.html.j2"
    page.write_text(
        page.read_text(encoding="utf-8").replace("<h1>Ikhtisar Eksekutif</h1>", "<h1>Ringkasan Eksekutif</h1>"),
        encoding="utf-8",
    )
    text = _html(tmp_path, str(THIS_YEAR), "--templat", str(copy))
    assert "Ringkasan Eksekutif" in text
    assert "<h1>Ikhtisar Eksekutif</h1>" not in next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    again = _laporan("--salin-templat", str(copy))
    assert again == (2, f"laporan: folder '{copy}' sudah berisi; pilih folder kosong atau baru.\n")


def test_sandi_for_a_locked_pdf_input(tmp_path):
    locked = str(FIXTURES / "terkunci.pdf")
    out = tmp_path / "lakip.html"
    assert _laporan(locked, "-o", str(out)) == (
        2,
        "laporan: PDF ini terkunci dengan sandi; jalankan lagi dengan --sandi SANDI untuk membukanya.\n",
    )
    assert not out.exists()
    assert _laporan(locked, "--sandi", "rahasia", "-o", str(out)) == (0, f"laporan: capaian tidak diukur (-) → {out}\n")
    text = _text_of_html(out.read_text(encoding="utf-8"))
    assert "Realisasi kinerja tahun 2022 belum diisi" in text
    assert "Persentase menurunnya tahanan yang overstaying 80%" in text


def test_batas_waktu_and_batas_memori(tmp_path):
    from hostile import stream_pdf

    slow = tmp_path / "lambat.pdf"
    slow.write_bytes(stream_pdf(b"1 0 0 1 0 0 cm ", 2_000_000))
    code, err = _laporan(str(slow), "--batas-waktu", "2", "-o", str(tmp_path / "a.html"))
    assert code == 2
    assert err.startswith("laporan: Membaca berkas ini melebihi batas waktu 2 detik dan dihentikan;")
    for args in (["--batas-waktu", "0"], ["--batas-memori", "10"]):
        assert _laporan(str(THIS_YEAR), *args, "-o", str(tmp_path / "a.html")) == (
            2,
            "laporan: --batas-waktu harus lebih dari 0 dan --batas-memori paling sedikit 64 MiB.\n",
        )
    generous = _html(tmp_path, str(THIS_YEAR), "--batas-waktu", "90", "--batas-memori", "1024")
    assert "Capaian kinerja organisasi (rata-rata sasaran) 100,18%" in generous
    assert list(p.name for p in tmp_path.iterdir() if p.suffix == ".html") == ["lakip.html"]


def test_ketat_and_senyap(tmp_path):
    landscape = str(FIXTURES / "iku_dinas_landscape_layout.txt")
    out = tmp_path / "lakip.html"
    code, err = _laporan(landscape, "--ketat", "-o", str(out))
    assert code == 1
    assert err == (
        "peringatan: [halaman 2, baris 40] baris JUMLAH anggaran (4.795.000.000) tidak sama dengan jumlah "
        "rinciannya (Rp 4.785.500.000); periksa angka anggaran\n"
        "laporan: 1 peringatan dengan --ketat; tidak ada berkas yang ditulis.\n"
    )
    assert not out.exists()
    for option in ("-q", "--senyap"):
        assert _laporan(landscape, option, "-o", str(out)) == (0, "")
        assert out.exists()
        out.unlink()


@pytest.mark.parametrize("option", ["-h", "--help"])
def test_help(option):
    result = run_command("laporan", option)
    assert result.returncode == 0 and result.stderr == b""
    text = result.stdout.decode()
    assert text.startswith("pemakaian: laporan [-h] [-o BERKAS] [--realisasi BERKAS]")
    for words in ("--batas-capaian N", "--rumus-turun {2-r/t,t/r}", "--skala {biner,lkjip,permenpan-6-2022}"):
        assert words in text, words
    assert "contoh:" in text and "kode keluar:" in text


def test_any_iku_document_gives_a_targets_only_report(tmp_path):
    text = _html(tmp_path, str(SEED))
    assert "Realisasi kinerja tahun 2022 belum diisi" in text
    assert "Indeks kepuasan layanan internal di lingkungan Kantor Wilayah 3,1 Indeks" in text


def test_a_csv_sheet_is_an_input_as_well(tmp_path):
    sheet = _sheet(tmp_path, SMALL, {"realisasi": ["72%", "8%"]})
    csv = tmp_path / "isian.csv"
    result = run_command("ekstrak", str(sheet), "-o", str(csv))
    assert result.returncode == 0, result.stderr.decode()
    text = _html(tmp_path, str(csv))
    assert "Persentase a 80% 72% 90,00%" in text and "Persentase b maks. 10% 8% 120,00%" in text
