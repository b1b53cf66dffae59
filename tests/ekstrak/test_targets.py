"""Targets and numbers: the domain table, the shapes from the issue, and properties over random lists."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ekstrak.targets import parse_target, split_targets
from inti.numbers import format_number, parse_number


def _fields(target) -> dict:
    return target.to_dict()


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("80%", {"nilai": 80, "satuan": "%"}),
        ("5 %", {"nilai": 5, "satuan": "%"}),
        ("3,1 Indeks", {"nilai": 3.1, "satuan": "Indeks"}),
        ("30 orang", {"nilai": 30, "satuan": "orang"}),
        ("2 Instansi Pemerintah", {"nilai": 2, "satuan": "Instansi Pemerintah"}),
        ("3,20", {"nilai": 3.2, "satuan": None}),
        ("76,61", {"nilai": 76.61, "satuan": None}),
        ("Skala 7", {"nilai": 7, "satuan": "Skala"}),
        ("80-90%", {"nilai": None, "satuan": "%", "batas_bawah": 80, "batas_atas": 90}),
        ("80 – 90 %", {"nilai": None, "satuan": "%", "batas_bawah": 80, "batas_atas": 90}),
        ("80%-90%", {"nilai": None, "satuan": "%", "batas_bawah": 80, "batas_atas": 90}),
        ("≥ 80%", {"nilai": 80, "satuan": "%", "pembanding": "≥"}),
        ("min. 80%", {"nilai": 80, "satuan": "%", "pembanding": "≥"}),
        ("≤ 1%", {"nilai": 1, "satuan": "%", "pembanding": "≤"}),
        ("maks. 1%", {"nilai": 1, "satuan": "%", "pembanding": "≤"}),
        ("Maksimal 2 hari", {"nilai": 2, "satuan": "hari", "pembanding": "≤"}),
        ("WTP", {"nilai": None, "satuan": None}),
        ("A", {"nilai": None, "satuan": None}),
        ("BB", {"nilai": None, "satuan": None}),
        ("Baik", {"nilai": None, "satuan": None}),
        ("WBK", {"nilai": None, "satuan": None}),
        ("11.994.682.000,00", {"nilai": 11994682000, "satuan": None}),
        ("Rp 1.500.000", {"nilai": 1500000, "satuan": "Rp"}),
        ("80% (delapan puluh persen)", {"nilai": 80, "satuan": "%"}),
    ],
)
def test_domain_table_of_targets(written, expected):
    got = _fields(parse_target(written))
    assert got.pop("teks") == " ".join(written.split())
    assert got == expected


@pytest.mark.parametrize(
    ("cell", "count", "texts"),
    [
        ("80% 80% 30 orang", 3, ["80%", "80%", "30 orang"]),
        ("12 Permohonan 1 Lokus", 2, ["12 Permohonan", "1 Lokus"]),
        ("2 Instansi Pemerintah 1 Instansi Pemerintah", 2, ["2 Instansi Pemerintah", "1 Instansi Pemerintah"]),
        ("81% 80% 76,61 70% 20%", 5, ["81%", "80%", "76,61", "70%", "20%"]),
        ("3,20 3,12", 2, ["3,20", "3,12"]),
        ("3,2 Skala 7", 2, ["3,2", "Skala 7"]),
        ("100% WTP BB", 3, ["100%", "WTP", "BB"]),
        ("1 Laporan Baik", 2, ["1 Laporan", "Baik"]),
        ("80-90% ≥ 75% maks. 1%", 3, ["80-90%", "≥ 75%", "maks. 1%"]),
        ("5 % 84 %", 2, ["5 %", "84 %"]),
    ],
)
def test_space_separated_targets_split_by_count(cell, count, texts):
    found = split_targets(cell, count)
    assert found is not None
    assert [t.teks for t in found] == texts


def test_count_chooses_between_readings():
    # One indicator: the whole cell is its target; two: a number and a grade.
    assert [t.teks for t in split_targets("100% WTP", 2)] == ["100%", "WTP"]
    assert split_targets("80% 80%", 3) is None
    assert split_targets("80% 80% 80%", 2) is None


# Property tests -------------------------------------------------------------------------------

UNITS = [
    "orang",
    "Permohonan",
    "Lokus",
    "Laporan",
    "Dokumen",
    "Kegiatan",
    "Instansi Pemerintah",
    "Rekomendasi",
    "Buku",
    "Desa",
    "Perkara",
    "Hari Kerja",
    "Aplikasi",
]
GRADES = ["WTP", "WDP", "A", "AA", "BB", "B", "CC", "Baik", "WBK", "WBBM", "Sangat Baik"]
BOUNDS = [("≥ ", "≥"), ("≥", "≥"), ("min. ", "≥"), ("Minimal ", "≥"), ("≤ ", "≤"), ("maks. ", "≤"), ("Maksimal ", "≤")]


@st.composite
def indonesian_numbers(draw) -> tuple[str, int | float]:
    """A number written the Indonesian way and its value: `80`, `3,12`, `1.250`, `11.994.682.000,50`."""
    whole = draw(st.integers(min_value=0, max_value=10**12))
    decimals = draw(st.sampled_from([0, 0, 1, 2]))
    fraction = draw(st.integers(min_value=0, max_value=10**decimals - 1)) if decimals else 0
    if decimals and fraction % 10 == 0:
        fraction += 1
    grouped = f"{whole:,}".replace(",", ".") if whole >= 1000 and draw(st.booleans()) else str(whole)
    text = grouped + (f",{fraction:0{decimals}d}" if decimals else "")
    value = Decimal(whole) + (Decimal(fraction) / Decimal(10**decimals) if decimals else 0)
    return text, int(value) if value == int(value) else float(value)


@given(indonesian_numbers())
def test_numbers_read_back_exactly(case):
    text, value = case
    assert parse_number(text) == value


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_format_then_parse_is_identity(value):
    written = format_number(value, thousands=False)
    parsed = parse_number(written.lstrip("-"))
    assert parsed is not None
    assert Decimal(str(parsed)) == abs(value)


@st.composite
def targets(draw) -> tuple[str, dict]:
    """One target of a shape from the domain table, with the fields it must read as."""
    kind = draw(st.sampled_from(["percent", "unit", "bare", "skala", "range", "bound", "grade"]))
    number, value = draw(indonesian_numbers())
    if kind == "percent":
        text = number + draw(st.sampled_from(["%", " %"]))
        return text, {"nilai": value, "satuan": "%"}
    if kind == "unit":
        unit = draw(st.sampled_from(UNITS))
        return f"{number} {unit}", {"nilai": value, "satuan": unit}
    if kind == "bare":
        return number, {"nilai": value, "satuan": None}
    if kind == "skala":
        level = draw(st.integers(min_value=1, max_value=10))
        return f"Skala {level}", {"nilai": level, "satuan": "Skala"}
    if kind == "range":
        low = draw(st.integers(min_value=0, max_value=99))
        high = draw(st.integers(min_value=low, max_value=100))
        dash = draw(st.sampled_from(["-", "–", " - ", " – "]))
        return f"{low}{dash}{high}%", {"nilai": None, "satuan": "%", "batas_bawah": low, "batas_atas": high}
    if kind == "bound":
        written, sign = draw(st.sampled_from(BOUNDS))
        return f"{written}{number}%", {"nilai": value, "satuan": "%", "pembanding": sign}
    grade = draw(st.sampled_from(GRADES))
    return grade, {"nilai": None, "satuan": None}


@settings(max_examples=int(os.environ.get("KINERJA_EXAMPLES", "300")))
@given(st.lists(targets(), min_size=1, max_size=8))
def test_joined_targets_read_back_exactly(cases):
    cell = " ".join(text for text, _ in cases)
    found = split_targets(cell, len(cases))
    assert found is not None, cell
    for target, (text, fields) in zip(found, cases, strict=True):
        got = target.to_dict()
        assert got.pop("teks") == " ".join(text.split())
        assert got == fields, cell
