"""Shapes other offices use, each a small document: sasaran codes, TUJUAN beside SASARAN, a second header
row, spelled-out numbers in targets, `1.1` numbering, page footers and running headers in a PDF."""

from __future__ import annotations

import pytest

import ekstrak

HEADER = "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\n"


def _read(text: str) -> dict:
    return ekstrak.extract_text(text).to_dict()


def test_sasaran_codes_in_the_no_column_start_a_sasaran_each():
    doc = _read(HEADER + "SS.1\tSasaran satu\tIndikator a\t80%\nSS.2\tSasaran dua\tIndikator b\t70%\n")
    assert [(s["nomor"], s["uraian"]) for s in doc["sasaran"]] == [(1, "Sasaran satu"), (2, "Sasaran dua")]


def test_roman_numbers_and_unnumbered_sasaran():
    doc = _read(HEADER + "I\tSasaran satu\tIndikator a\t80%\nII\tSasaran dua\tIndikator b\t70%\n")
    assert [s["uraian"] for s in doc["sasaran"]] == ["Sasaran satu", "Sasaran dua"]
    assert [s["nomor"] for s in doc["sasaran"]] == [1, 2]


def test_sasaran_column_preferred_over_tujuan():
    text = "NO\tTUJUAN\tSASARAN STRATEGIS\tINDIKATOR KINERJA\tTARGET\n1\tTujuan umum\tSasaran satu\tIndikator a\t80%\n"
    doc = _read(text)
    assert doc["sasaran"][0]["uraian"] == "Sasaran satu"
    assert doc["sasaran"][0]["indikator"][0]["kolom_lain"] == {"tujuan": "Tujuan umum"}


def test_second_header_row_is_not_a_sasaran():
    text = (
        "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\tTARGET\tTARGET\tTARGET\n"
        "\t\t\tTW I\tTW II\tTW III\tTW IV\n"
        "1\tSasaran satu\tIndikator a\t20%\t40%\t60%\t80%\n"
    )
    doc = _read(text)
    assert len(doc["sasaran"]) == 1 and doc["sasaran"][0]["uraian"] == "Sasaran satu"


@pytest.mark.parametrize(
    ("written", "nilai", "satuan"),
    [("3 (tiga) Laporan", 3, "Laporan"), ("12 (dua belas) Kali", 12, "Kali"), ("100 persen", 100, "persen")],
)
def test_spelled_out_numbers_in_targets(written, nilai, satuan):
    target = ekstrak.targets.parse_target(written)
    assert (target.teks, target.nilai, target.satuan) == (written, nilai, satuan)


def test_indicators_numbered_with_the_sasaran_number():
    doc = _read(HEADER + "1\tSasaran satu\t1.1 Persentase a 1.2 Persentase b 1.3 Indeks c\t80% 70% 3,5\n")
    indikator = doc["sasaran"][0]["indikator"]
    assert [(i["uraian"], i["target"]["teks"]) for i in indikator] == [
        ("Persentase a", "80%"),
        ("Persentase b", "70%"),
        ("Indeks c", "3,5"),
    ]


def test_page_footers_and_running_headers_are_not_rows():
    page = (
        "Lampiran Perjanjian Kinerja 2023\n\n"
        "NO   SASARAN             INDIKATOR KINERJA        TARGET\n"
        "{rows}\n\n\n"
        "Halaman {n} dari 2\n"
    )
    first = page.format(
        rows="1    Sasaran satu        Indikator a              80%\n     lanjutan            bagian dua", n=1
    )
    second = page.format(rows="2    Sasaran dua         Indikator b              70%", n=2)
    doc = _read(first + "\f" + second)
    assert doc["judul"] is None, "the running header is not the title"
    assert [(s["kelompok"], s["uraian"]) for s in doc["sasaran"]] == [
        (None, "Sasaran satu lanjutan"),
        (None, "Sasaran dua"),
    ]
    assert doc["sasaran"][0]["indikator"][0]["uraian"] == "Indikator a bagian dua"


def test_year_columns_the_titles_year_is_the_target():
    text = (
        "INDIKATOR KINERJA UTAMA TAHUN 2022\nDINAS PERHUBUNGAN\n\n"
        "NO\tSASARAN\tINDIKATOR KINERJA\tSATUAN\t2021\t2022\t2023\n"
        "1\tMeningkatnya keselamatan\tPersentase kendaraan laik jalan\t%\t70\t75\t80\n"
    )
    doc = _read(text)
    indikator = doc["sasaran"][0]["indikator"][0]
    assert doc["tahun"] == 2022
    assert indikator["target"] == {"teks": "75", "nilai": 75, "satuan": "%"}
    assert indikator["kolom_lain"] == {"2021": "70", "2023": "80"}


def test_year_columns_without_a_year_in_the_title_are_kept_as_other_columns():
    text = "NO\tSASARAN\tINDIKATOR KINERJA\t2021\t2022\n1\tSasaran\tPersentase a\t70%\t75%\n"
    indikator = _read(text)["sasaran"][0]["indikator"][0]
    assert indikator["target"] is None and indikator["kolom_lain"] == {"2021": "70%", "2022": "75%"}


@pytest.mark.parametrize(
    ("cell", "texts"),
    [
        ("80%; 75%; 3 Laporan", ["80%", "75%", "3 Laporan"]),
        ("80%, 75%, 3 Laporan", ["80%", "75%", "3 Laporan"]),
        ("80% / 75% / 3 Laporan", ["80%", "75%", "3 Laporan"]),
    ],
)
def test_targets_separated_by_punctuation(cell, texts):
    doc = _read(HEADER + f"1\tSasaran\t1. Persentase a 2. Persentase b 3. Jumlah c\t{cell}\n")
    assert [i["target"]["teks"] for i in doc["sasaran"][0]["indikator"]] == texts


def test_bulleted_targets_one_per_line():
    doc = _read(
        "NO   SASARAN          INDIKATOR KINERJA              TARGET\n"
        "1    Sasaran satu     - Persentase layanan a         - 80%\n"
        "                      - Jumlah dokumen b             - 3 Dokumen\n"
    )
    assert [(i["uraian"], i["target"]["teks"]) for i in doc["sasaran"][0]["indikator"]] == [
        ("Persentase layanan a", "80%"),
        ("Jumlah dokumen b", "3 Dokumen"),
    ]


def test_capital_letter_numbering():
    doc = _read(HEADER + "1\tSasaran\tA. Persentase a B. Persentase b\t80% 70%\n")
    assert [i["uraian"] for i in doc["sasaran"][0]["indikator"]] == ["Persentase a", "Persentase b"]


def test_unit_in_the_target_header():
    doc = _read("NO\tSASARAN\tINDIKATOR KINERJA\tTARGET (%)\n1\tSasaran\tPersentase a\t80\n")
    assert doc["sasaran"][0]["indikator"][0]["target"] == {"teks": "80", "nilai": 80, "satuan": "%"}


def test_lkjip_measurement_tables_with_the_sasaran_in_the_heading_above_each():
    text = (
        "PENGUKURAN KINERJA TAHUN 2022\n"
        "Sasaran 1: Meningkatnya kualitas layanan publik\n"
        "No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian\tPredikat\n"
        "1\tPersentase layanan tepat waktu\t80%\t84%\t105%\tSangat Baik\n"
        "2\tIndeks kepuasan masyarakat\t3,5\t3,6\t102,86%\tSangat Baik\n"
        "\tRata-rata\t\t\t103,93%\tSangat Baik\n\n"
        "Sasaran 2: Terwujudnya tata kelola yang akuntabel\n"
        "No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian\tPredikat\n"
        "1\tNilai SAKIP\tA\tBB\t90%\tBaik\n"
    )
    doc = _read(text)
    assert [(s["nomor"], s["uraian"]) for s in doc["sasaran"]] == [
        (1, "Meningkatnya kualitas layanan publik"),
        (2, "Terwujudnya tata kelola yang akuntabel"),
    ]
    first = doc["sasaran"][0]["indikator"]
    assert [i["uraian"] for i in first] == ["Persentase layanan tepat waktu", "Indeks kepuasan masyarakat"]
    assert first[0]["kolom_lain"] == {"realisasi": "84%", "capaian": "105%", "predikat": "Sangat Baik"}
    assert doc["peringatan"] == [] and doc["tahun"] == 2022


REPEATED = (
    ("Meningkatnya kualitas layanan", "Indeks kepuasan masyarakat", "80%"),
    ("Meningkatnya kualitas layanan", "Persentase layanan tepat waktu", "90%"),
    ("Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", "70"),
)


@pytest.mark.parametrize(
    ("numbers", "warned"),
    [
        (("1", "1", "2"), False),  # the sasaran's number written again with its text
        (("1", "", "2"), False),
        (("", "", ""), False),
        (("1", "2", "3"), True),  # the NO column numbers the rows: said, since two sasaran could share a text
    ],
)
def test_a_sasaran_written_again_on_each_indicator_row_is_one_sasaran(numbers, warned):
    text = HEADER + "".join(f"{n}\t{s}\t{i}\t{t}\n" for n, (s, i, t) in zip(numbers, REPEATED))
    doc = ekstrak.extract_text(text)
    read = doc.to_dict()["sasaran"]
    assert [(s["nomor"], s["uraian"], [i["uraian"] for i in s["indikator"]]) for s in read] == [
        (1, "Meningkatnya kualitas layanan", ["Indeks kepuasan masyarakat", "Persentase layanan tepat waktu"]),
        (2, "Meningkatnya akuntabilitas kinerja", ["Nilai SAKIP"]),
    ]
    assert bool(doc.peringatan) is warned
