"""Targets, for mutants that survived `make mutasi` (tests/MUTASI.md): a remark cut off before its bracket
closes, words after a closed remark (never read silently), and a number's unit never torn off into a target
of its own, while a word target after a whole target stays one."""

from __future__ import annotations

import pytest

import ekstrak
import ekstrak.targets as targets_module

HEADER = "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\n"
UNREAD = "tidak terbaca sebagai nilai; periksa barisnya"


@pytest.fixture(autouse=True)
def _read_afresh():
    """Splits are cached per process; each test reads its cells afresh."""
    for value in vars(targets_module).values():
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()


def _read(indikator: str, target: str) -> dict:
    return ekstrak.extract_text(HEADER + f"1\tSasaran satu\t{indikator}\t{target}\n").to_dict()


@pytest.mark.parametrize(
    ("written", "fields"),
    [
        ("80% (delapan puluh persen", {"nilai": 80, "satuan": "%"}),
        ("80% (catatan", {"nilai": 80, "satuan": "%"}),
        ("≥ 80% (delapan puluh", {"nilai": 80, "satuan": "%", "pembanding": "≥"}),
        ("80-90% (delapan puluh", {"nilai": None, "satuan": "%", "batas_bawah": 80, "batas_atas": 90}),
        ("80 (sesuai Renstra 2020", {"nilai": 80, "satuan": None}),
    ],
)
def test_a_remark_cut_off_before_its_bracket_closes_keeps_the_value(written, fields):
    doc = _read("Persentase layanan", written)
    (indikator,) = doc["sasaran"][0]["indikator"]
    assert indikator["target"] == {"teks": written, **fields}
    assert doc["peringatan"] == []


@pytest.mark.parametrize(
    "written",
    [
        "80% (tiga) 2 Dokumen",
        "80% (catatan) lalu 2 Dokumen",
        "3 Laporan (tiga laporan) 2 Dokumen",
        "80-90% (rentang) 2 Dokumen",
        "80 (lihat catatan) pada lampiran 2",
    ],
)
def test_words_after_a_closed_remark_leave_the_value_unread_and_warned(written):
    # Two targets in a one-indicator cell must never give the first one's value with no warning.
    doc = _read("Persentase layanan", written)
    (indikator,) = doc["sasaran"][0]["indikator"]
    assert indikator["target"] == {"teks": written, "nilai": None, "satuan": None}
    (warning,) = doc["peringatan"]
    assert warning["pesan"] == f'target "{written}" {UNREAD}'
    assert (warning["sasaran"], warning["indikator"]) == (1, 1)


def test_a_number_and_its_unit_are_never_two_targets_for_two_indicators():
    doc = _read("1. Jumlah dokumen a 2. Jumlah dokumen b", "3 Dokumen")
    assert [i["target"] for i in doc["sasaran"][0]["indikator"]] == [None, None]
    (warning,) = doc["peringatan"]
    assert warning["pesan"].startswith('2 indikator tetapi target "3 Dokumen" tidak dapat dicocokkan')


@pytest.mark.parametrize("first", ["80%", "3 Dokumen", "WTP"])
def test_a_word_target_after_a_whole_target_is_a_target_of_its_own(first):
    doc = _read("1. Persentase layanan a 2. Ketersediaan dokumen b", f"{first} Tersedia")
    assert [i["target"]["teks"] for i in doc["sasaran"][0]["indikator"]] == [first, "Tersedia"]
    assert doc["sasaran"][0]["indikator"][1]["target"]["nilai"] is None
    assert doc["peringatan"] == []


def test_an_unreadable_value_before_a_cut_off_remark_stays_unread():
    doc = _read("Persentase layanan", "80 90 (catatan")
    assert doc["sasaran"][0]["indikator"][0]["target"] == {"teks": "80 90 (catatan", "nilai": None, "satuan": None}
    (warning,) = doc["peringatan"]
    assert warning["pesan"] == f'target "80 90 (catatan" {UNREAD}'


def _laid_out(rows: list[tuple[str, str]]) -> str:
    lines = ["NO   SASARAN          INDIKATOR KINERJA                TARGET"]
    for index, (indikator, target) in enumerate(rows):
        left = "1    Sasaran satu     " if index == 0 else " " * 22
        lines.append(f"{left}{indikator:<33}{target}")
    return "\n".join(lines) + "\n"


def test_a_grade_with_a_one_word_remark_beside_its_unnumbered_indicator():
    text = _laid_out([("Opini BPK atas laporan", "B (baik)"), ("Persentase layanan", "80%")])
    doc = ekstrak.extract_text(text).to_dict()
    assert [(i["uraian"], i["target"]["teks"]) for i in doc["sasaran"][0]["indikator"]] == [
        ("Opini BPK atas laporan", "B (baik)"),
        ("Persentase layanan", "80%"),
    ]
    assert doc["peringatan"] == []


@pytest.mark.parametrize("count", [2, 5, 10, 12])
def test_unnumbered_indicators_each_beside_a_bare_number_however_many(count):
    # Ten or more used to add up to the cost of an unknown word: all were read as one indicator, and warned.
    rows = [(f"Jumlah dokumen jenis {k}", str(10 + k)) for k in range(1, count + 1)]
    doc = ekstrak.extract_text(_laid_out(rows)).to_dict()
    got = [(i["uraian"], i["target"]["teks"], i["target"]["nilai"]) for i in doc["sasaran"][0]["indikator"]]
    assert got == [(uraian, target, int(target)) for uraian, target in rows]
    assert doc["peringatan"] == []


def test_a_grade_of_four_words_before_another_target():
    doc = _read("1. Predikat zona integritas 2. Persentase layanan", "Predikat Zona Integritas WBK 80%")
    assert [i["target"]["teks"] for i in doc["sasaran"][0]["indikator"]] == ["Predikat Zona Integritas WBK", "80%"]
    assert doc["peringatan"] == []
