"""Sub-indicators: which numbers split an indicator cell and which belong to its text."""

from __future__ import annotations

import pytest

import ekstrak
from ekstrak.interpret import numbered_parts

SEED_HEADER = "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\n"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("1. Nilai SAKIP (level 1) 2. Maturitas SPIP", ["Nilai SAKIP (level 1)", "Maturitas SPIP"]),
        ("1) Layanan 1x24 jam 2) Survei skala likert 1-10", ["Layanan 1x24 jam", "Survei skala likert 1-10"]),
        ("(1) Jumlah Kab/Kota Peduli HAM (2) Indeks", ["Jumlah Kab/Kota Peduli HAM", "Indeks"]),
        ("a. Opini BPK b. Nilai AKIP c. Predikat ZI", ["Opini BPK", "Nilai AKIP", "Predikat ZI"]),
        (
            "1. Persentase tahap 2. 2. Persentase tahap 3. 3. Indeks",
            ["Persentase tahap 2.", "Persentase tahap 3.", "Indeks"],
        ),
        ("1. Satu saja", ["Satu saja"]),
    ],
)
def test_numbering_runs_one_two_three(text, parts):
    assert numbered_parts(text) == parts


@pytest.mark.parametrize(
    "text",
    ["Nilai (level 1) dan 2. hal", "Persentase layanan 1x24 jam", "Indeks skala likert 1-10", "Jumlah Kab/Kota"],
)
def test_numbers_inside_text_do_not_split(text):
    assert numbered_parts(text) is None


def _one(cells: str) -> dict:
    doc = ekstrak.extract_text(SEED_HEADER + cells + "\n")
    return doc.to_dict()


def test_mismatched_targets_keep_every_indicator_and_warn():
    doc = _one("1\tSasaran A\t1. Indikator satu 2. Indikator dua 3. Indikator tiga\t80% 70%")
    sasaran = doc["sasaran"][0]
    assert [i["uraian"] for i in sasaran["indikator"]] == ["Indikator satu", "Indikator dua", "Indikator tiga"]
    assert [i["target"] for i in sasaran["indikator"]] == [None, None, None]
    assert sasaran["target_mentah"] == "80% 70%"
    (warning,) = doc["peringatan"]
    assert warning["sasaran"] == 1 and warning["baris"] == 2
    assert "80% 70%" in warning["pesan"] and "3 indikator" in warning["pesan"]


def test_bulleted_indicators_one_per_line_in_a_layout_cell():
    text = (
        "NO   SASARAN            INDIKATOR KINERJA           TARGET\n"
        "1    Sasaran satu       - Persentase layanan        80%\n"
        "                        tepat waktu                 3 Dokumen\n"
        "                        - Jumlah dokumen\n"
        "2    Sasaran dua        Indeks kepuasan             3,5\n"
    )
    doc = ekstrak.extract_text(text).to_dict()
    first = doc["sasaran"][0]["indikator"]
    assert [(i["uraian"], i["target"]["teks"]) for i in first] == [
        ("Persentase layanan tepat waktu", "80%"),
        ("Jumlah dokumen", "3 Dokumen"),
    ]


def test_repeated_header_and_separator_lines_are_dropped():
    doc = _one("1\tA\tIndikator a\t80%\n----\t--\t--\t----\n" + SEED_HEADER + "2\tB\tIndikator b\t70%")
    assert [s["uraian"] for s in doc["sasaran"]] == ["A", "B"]


def test_one_row_per_indicator_with_empty_no_and_sasaran():
    doc = _one("1\tSasaran A\tIndikator a\t80%\n\t\tIndikator b\t2 Dokumen\n2\tSasaran B\tIndikator c\tWTP")
    a, b = doc["sasaran"]
    assert [(i["nomor"], i["uraian"], i["target"]["teks"]) for i in a["indikator"]] == [
        (1, "Indikator a", "80%"),
        (2, "Indikator b", "2 Dokumen"),
    ]
    assert b["indikator"][0]["target"]["teks"] == "WTP"


def test_group_rows_and_numbering_restarting_per_group():
    doc = _one("SASARAN PROGRAM\n1\tA\tIndikator a\t80%\nSASARAN KEGIATAN\n1\tB\tIndikator b\t70%")
    assert [(s["kelompok"], s["nomor"]) for s in doc["sasaran"]] == [("SASARAN PROGRAM", 1), ("SASARAN KEGIATAN", 1)]


def test_pasted_rows_without_a_header_are_read_as_no_sasaran_indikator_target():
    doc = ekstrak.extract_text("1\tSasaran A\tIndikator a\t80%\n2\tSasaran B\tIndikator b\t3,1 Indeks\n").to_dict()
    assert [i["target"]["satuan"] for s in doc["sasaran"] for i in s["indikator"]] == ["%", "Indeks"]


def test_typos_are_kept_as_written():
    doc = _one("1\tTerwujudnya layanan adminitrasi\tPutusan berkuatan hukum\t80%")
    assert doc["sasaran"][0]["uraian"] == "Terwujudnya layanan adminitrasi"
    assert doc["sasaran"][0]["indikator"][0]["uraian"] == "Putusan berkuatan hukum"
