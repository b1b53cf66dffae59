"""Sub-indicator splitting, each numbering style with the cases that must not split beside it, and the
targets matched to them: numbered, one per line, bulleted, or separated by spaces."""

from __future__ import annotations

import pytest

import ekstrak
import ekstrak.targets as targets_module
from ekstrak.interpret import numbered_parts

HEADER = "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\n"


@pytest.fixture(autouse=True)
def _read_afresh():
    """Every test reads its cells afresh: splits are cached per process (functools.lru_cache), and a reading
    cached by an earlier test would hide a change in how a cell is read."""
    for value in vars(targets_module).values():
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()


def _indikator(indikator: str, target: str) -> list[tuple[str, str | None]]:
    doc = ekstrak.extract_text(HEADER + f"1\tSasaran satu\t{indikator}\t{target}\n").to_dict()
    assert doc["peringatan"] == [], doc["peringatan"]
    return [(i["uraian"], i["target"]["teks"] if i["target"] else None) for i in doc["sasaran"][0]["indikator"]]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("1. Satu 2. Dua", ["Satu", "Dua"]),
        ("1) Satu 2) Dua 3) Tiga", ["Satu", "Dua", "Tiga"]),
        ("(1) Satu (2) Dua", ["Satu", "Dua"]),
        ("a. Satu b. Dua c. Tiga", ["Satu", "Dua", "Tiga"]),
        ("A. Satu B. Dua", ["Satu", "Dua"]),
        ("(a) Satu (b) Dua", ["Satu", "Dua"]),
        ("a) Satu b) Dua", ["Satu", "Dua"]),
        ("  1. Satu 2. Dua  ", ["Satu", "Dua"]),
        ("1. Satu", ["Satu"]),
        ("1. Satu 2) Dua", ["Satu 2) Dua"]),  # another style is text
        ("1. Satu 3. Tiga", ["Satu 3. Tiga"]),  # a gap in the run is text
        ("1. Satu a. Dua", ["Satu a. Dua"]),
        ("a. Satu 2. Dua", ["Satu 2. Dua"]),
        ("1. Satu b. Dua", ["Satu b. Dua"]),
        ("A. Satu b. Dua", ["Satu b. Dua"]),
        ("a. Satu B. Dua", ["Satu B. Dua"]),
        ("(1) Satu 2) Dua", ["Satu 2) Dua"]),
        ("1) Satu (2) Dua", ["Satu (2) Dua"]),
        ("(a) Satu b) Dua", ["Satu b) Dua"]),
        ("1. Tahap 2. dari 3 2. Dua", ["Tahap 2. dari 3", "Dua"]),  # the later `2.` opens a capitalised name
        ("1. Persentase a 2.Rasio b", ["Persentase a", "Rasio b"]),  # a marker typed against its word
        ("1.1 Satu 1.2 Dua 1.3 Tiga", ["Satu", "Dua", "Tiga"]),
        ("2.1 Satu 2.2 Dua", ["Satu", "Dua"]),
        ("1.1. Satu 1.2. Dua", ["Satu", "Dua"]),
        ("1.1 Satu 2.2 Dua", ["Satu 2.2 Dua"]),
        ("1.1 Satu 1.3 Tiga", ["Satu 1.3 Tiga"]),
        ("10. Sepuluh 11. Sebelas", ["Sepuluh", "Sebelas"]),  # a run on from the cell above
        ("3. Tiga", None),  # one number alone is no run
        ("3. Tiga 5. Lima", None),
        ("c. Tiga d. Empat", None),  # letters run on from no cell: only numbers do
        # Where `2.` stands twice, the one opening a capitalised name, inside the run before `3.`
        ("1. Persentase tahap 2. Dua tahap 2. dari", ["Persentase tahap", "Dua tahap 2. dari"]),
        ("1. Alfa 2. Beta 3. Gama 2. Delta", ["Alfa", "Beta", "Gama 2. Delta"]),
        ("1. Alfa 3. Gama 2. Beta 2. Delta", ["Alfa 3. Gama", "Beta 2. Delta"]),
        # a marker typed against its word counts only where the run expects it, and only the first
        ("1. Persentase a 3.Rasio b", ["Persentase a 3.Rasio b"]),
        ("1. Persentase a 2.Rasio b 2.Indeks c", ["Persentase a", "Rasio b 2.Indeks c"]),
    ],
)
def test_numbered_parts(text, parts):
    assert numbered_parts(text) == parts


@pytest.mark.parametrize(
    "text",
    [
        "Satu 1. Dua 2. Tiga",
        "b. Dua c. Tiga",
        "1.2 Dua 1.3 Tiga",
        "Indeks 1.1 Satu",
        "Persentase (level 1) layanan",
        "Layanan 1x24 jam",
        "",
    ],
)
def test_texts_that_are_not_numbered(text):
    assert numbered_parts(text) is None


@pytest.mark.parametrize(
    ("indikator", "target", "rows"),
    [
        ("1. Persentase layanan", "80%", [("Persentase layanan", "80%")]),
        ("a. Opini BPK", "WTP", [("Opini BPK", "WTP")]),
        ("Persentase layanan 1x24 jam", "80%", [("Persentase layanan 1x24 jam", "80%")]),
        ("1. Persentase a 2. Jumlah b", "1. 80% 2. 3 Dokumen", [("Persentase a", "80%"), ("Jumlah b", "3 Dokumen")]),
        ("1. Persentase a 2. Jumlah b", "80%; 3 Dokumen", [("Persentase a", "80%"), ("Jumlah b", "3 Dokumen")]),
        ("a. Persentase a b. Jumlah b", "80% 3 Dokumen", [("Persentase a", "80%"), ("Jumlah b", "3 Dokumen")]),
        ("1.1 Persentase a 1.2 Indeks b", "80% 3,5", [("Persentase a", "80%"), ("Indeks b", "3,5")]),
        ("1. Persentase a 2. Opini b", "100% WTP", [("Persentase a", "100%"), ("Opini b", "WTP")]),
    ],
)
def test_targets_matched_to_their_sub_indicators(indikator, target, rows):
    assert _indikator(indikator, target) == rows


def test_a_single_indicator_keeps_its_whole_target_cell():
    assert _indikator("Persentase layanan", "80% (delapan puluh persen)") == [
        ("Persentase layanan", "80% (delapan puluh persen)")
    ]


def test_bulleted_indicators_and_targets_in_laid_out_text():
    text = (
        "NO   SASARAN          INDIKATOR KINERJA                TARGET\n"
        "1    Sasaran satu     • Persentase layanan             • 80%\n"
        "                        tepat waktu\n"
        "                      • Jumlah dokumen                 • 3 Dokumen\n"
        "                      • Indeks kepuasan                • 3,5\n"
        "2    Sasaran dua      Opini BPK                        WTP\n"
    )
    doc = ekstrak.extract_text(text).to_dict()
    first, second = doc["sasaran"]
    assert [(i["uraian"], i["target"]["teks"]) for i in first["indikator"]] == [
        ("Persentase layanan tepat waktu", "80%"),
        ("Jumlah dokumen", "3 Dokumen"),
        ("Indeks kepuasan", "3,5"),
    ]
    assert [(i["uraian"], i["target"]["teks"]) for i in second["indikator"]] == [("Opini BPK", "WTP")]


def test_numbered_targets_one_per_line():
    text = (
        "NO   SASARAN          INDIKATOR KINERJA                       TARGET\n"
        "1    Sasaran satu     1. Persentase layanan a                 80%\n"
        "                      2. Jumlah dokumen b                     3 Dokumen\n"
        "                      3. Indeks kepuasan c                    Skala 7\n"
    )
    doc = ekstrak.extract_text(text).to_dict()
    assert [(i["uraian"], i["target"]["teks"]) for i in doc["sasaran"][0]["indikator"]] == [
        ("Persentase layanan a", "80%"),
        ("Jumlah dokumen b", "3 Dokumen"),
        ("Indeks kepuasan c", "Skala 7"),
    ]


LAID_OUT = (
    "NO   SASARAN          INDIKATOR KINERJA                       TARGET\n"
    "1    Sasaran satu     1. Persentase layanan a                 80%\n"
    "                      2. Jumlah dokumen b                     3 Dokumen\n"
    "                      3. Indeks kepuasan c\n"
)


@pytest.mark.parametrize(
    "text",
    [
        HEADER + "1\tSasaran satu\t1. Persentase layanan a 2. Jumlah dokumen b 3. Indeks kepuasan c\t80% 3 Dokumen\n",
        LAID_OUT,
    ],
    ids=["tabs", "laid-out"],
)
def test_two_targets_for_three_sub_indicators_are_not_torn_into_three(text):
    # `3 Dokumen` is one target: reading it as `3` and `Dokumen` would hand the third indicator a made-up one.
    doc = ekstrak.extract_text(text).to_dict()
    (sasaran,) = doc["sasaran"]
    assert [i["uraian"] for i in sasaran["indikator"]] == [
        "Persentase layanan a",
        "Jumlah dokumen b",
        "Indeks kepuasan c",
    ]
    assert [i["target"] for i in sasaran["indikator"]] == [None, None, None]
    (warning,) = doc["peringatan"]
    assert (
        warning["pesan"].startswith('3 indikator tetapi target "80%') and "tidak dapat dicocokkan" in warning["pesan"]
    )


def test_fewer_target_lines_than_sub_indicators_warns():
    text = LAID_OUT.replace("3 Dokumen", "75%      ")
    doc = ekstrak.extract_text(text).to_dict()
    assert [i["target"] for i in doc["sasaran"][0]["indikator"]] == [None, None, None]
    (warning,) = doc["peringatan"]
    assert (
        warning["pesan"].startswith('3 indikator tetapi target "80%') and "tidak dapat dicocokkan" in warning["pesan"]
    )


def test_fewer_targets_than_sub_indicators_warns_and_keeps_them_all():
    doc = ekstrak.extract_text(HEADER + "1\tSasaran satu\t1. Persentase a 2. Jumlah b 3. Indeks c\t80% 3\n")
    sasaran = doc.to_dict()["sasaran"][0]
    assert [i["uraian"] for i in sasaran["indikator"]] == ["Persentase a", "Jumlah b", "Indeks c"]
    assert [i["target"] for i in sasaran["indikator"]] == [None, None, None]
    assert sasaran["target_mentah"] == "80% 3"
    (warning,) = doc.peringatan
    assert warning.pesan.startswith('3 indikator tetapi target "80% 3" tidak dapat dicocokkan')
