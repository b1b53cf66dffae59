"""Capaian: every row of domain.md's capaian table, the cap, rounding and the predikat scales."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laporan.capaian import (
    JUMLAH,
    NAIK,
    STABIL,
    TERAKHIR,
    TIDAK_DAPAT,
    TIDAK_DIUKUR,
    TURUN,
    Aturan,
    Nilai,
    cara_renstra,
    hitung,
    predikat,
    rata_rata,
    sejauh,
    simpulkan_polaritas,
)

NO_CAP = Aturan(batas=None)


def n(value) -> Nilai:
    return Nilai(angka=D(str(value)))


def word(text: str) -> Nilai:
    return Nilai(teks=text)


def span(low, high) -> Nilai:
    return Nilai(bawah=D(str(low)), atas=D(str(high)))


@pytest.mark.parametrize(
    ("case", "target", "realisasi", "polaritas", "aturan", "expected"),
    [
        ("naik: R/T", n(80), n(85), NAIK, NO_CAP, D("106.25")),
        ("naik below", n(80), n(60), NAIK, NO_CAP, D(75)),
        ("turun: (2-R/T)", n(10), n(8), TURUN, NO_CAP, D(120)),
        ("turun worse", n(10), n(12), TURUN, NO_CAP, D(80)),
        ("turun never below 0", n(10), n(35), TURUN, NO_CAP, D(0)),
        ("turun T/R", n(10), n(8), TURUN, Aturan(batas=None, rumus_turun="t/r"), D("125")),
        ("stabil on target", n(50), n(50), STABIL, NO_CAP, D(100)),
        ("stabil off by 10%", n(50), n(55), STABIL, NO_CAP, D(90)),
        ("stabil never below 0", n(50), n(120), STABIL, NO_CAP, D(0)),
        ("range inside", span(80, 90), n(85), NAIK, NO_CAP, D(100)),
        ("range above: R/upper", span(80, 90), n(99), NAIK, NO_CAP, D(110)),
        ("range below: R/lower", span(80, 90), n(60), NAIK, NO_CAP, D(75)),
        ("range turun, worse", span(80, 90), n(99), TURUN, NO_CAP, D(90)),
        ("range turun, better", span(80, 90), n(60), TURUN, NO_CAP, D(125)),
        ("T=0 turun, R=0", n(0), n(0), TURUN, NO_CAP, D(100)),
        ("T=0 turun, R>0", n(0), n(3), TURUN, NO_CAP, D(0)),
        ("qualitative equal", word("WTP"), word("WTP"), NAIK, NO_CAP, D(100)),
        ("qualitative above", word("BB"), word("A"), NAIK, NO_CAP, D(100)),
        ("qualitative below", word("WTP"), word("WDP"), NAIK, NO_CAP, D(0)),
        ("opini with its word", word("Opini WTP"), word("WTP"), NAIK, NO_CAP, D(100)),
    ],
)
def test_capaian_table(case, target, realisasi, polaritas, aturan, expected):
    result = hitung(target, realisasi, polaritas, aturan)
    assert result.nilai == expected, case
    assert result.mentah == expected


def test_flags_where_domain_says_flagged():
    assert hitung(n(0), n(0), TURUN).catatan == ["target 0; periksa"]
    assert "kualitatif" in hitung(word("A"), word("BB"), NAIK).catatan[0]


@pytest.mark.parametrize(
    ("target", "realisasi", "polaritas", "aturan"),
    [
        (n(0), n(5), NAIK, NO_CAP),  # T = 0 otherwise
        (n(0), n(5), STABIL, NO_CAP),
        (n(10), n(0), TURUN, Aturan(rumus_turun="t/r")),  # R = 0 under T/R
        (word("WTP"), word("B"), NAIK, NO_CAP),  # different scales
        (word("WTP"), n(80), NAIK, NO_CAP),
    ],
)
def test_no_capaian_cases_are_flagged_and_left_out(target, realisasi, polaritas, aturan):
    result = hitung(target, realisasi, polaritas, aturan)
    assert result.nilai is None and result.status == TIDAK_DAPAT and result.catatan


def test_not_measured_is_never_zero():
    result = hitung(n(80), Nilai(), NAIK)
    assert result.nilai is None and result.status == TIDAK_DIUKUR
    assert rata_rata([D(100), None, D(50)]) == D(75)
    assert rata_rata([None, None]) is None


def test_cap_applies_per_indicator_before_averaging():
    over = hitung(n(40), n("81.2"), NAIK)  # 203%
    assert over.mentah == D("203") and over.nilai == D(120) and over.catatan == ["dibatasi 120%"]
    normal = hitung(n(100), n(80), NAIK)
    assert rata_rata([over.nilai, normal.nilai]) == D(100)
    assert hitung(n(40), n("81.2"), NAIK, NO_CAP).nilai == D(203)


@pytest.mark.parametrize(
    ("value", "lkjip", "permenpan", "biner"),
    [
        (D(120), "Sangat Baik", "Sangat Baik", "Tercapai"),
        (D("100.0000001"), "Sangat Baik", "Sangat Baik", "Tercapai"),
        (D(100), "Sangat Baik", "Baik", "Tercapai"),
        (D("99.999"), "Sangat Baik", "Cukup", "Belum Tercapai"),
        (D(91), "Sangat Baik", "Cukup", "Belum Tercapai"),
        (D("90.99"), "Baik", "Cukup", "Belum Tercapai"),
        (D(80), "Baik", "Cukup", "Belum Tercapai"),
        (D("79.99"), "Baik", "Kurang", "Belum Tercapai"),
        (D(76), "Baik", "Kurang", "Belum Tercapai"),
        (D("75.99"), "Cukup", "Kurang", "Belum Tercapai"),
        (D(66), "Cukup", "Kurang", "Belum Tercapai"),
        (D(60), "Kurang", "Kurang", "Belum Tercapai"),
        (D("59.99"), "Kurang", "Sangat Kurang", "Belum Tercapai"),
        (D(51), "Kurang", "Sangat Kurang", "Belum Tercapai"),
        (D("50.99"), "Sangat Kurang", "Sangat Kurang", "Belum Tercapai"),
        (D(0), "Sangat Kurang", "Sangat Kurang", "Belum Tercapai"),
    ],
)
def test_predikat_scales_are_half_open(value, lkjip, permenpan, biner):
    assert predikat(value, "lkjip") == lkjip
    assert predikat(value, "permenpan-6-2022") == permenpan
    assert predikat(value, "biner") == biner
    assert predikat(None) is None


@pytest.mark.parametrize(
    ("target", "pembanding", "nilai", "expected"),
    [
        ("maks. 1%", "≤", D(1), TURUN),
        ("≤ 5%", "≤", D(5), TURUN),
        ("paling banyak 3 hari", None, D(3), TURUN),
        ("0 kasus", None, D(0), TURUN),
        ("80%", None, D(80), NAIK),
        ("≥ 80%", "≥", D(80), NAIK),
    ],
)
def test_polaritas_only_from_explicit_cues(target, pembanding, nilai, expected):
    assert simpulkan_polaritas(target, pembanding, nilai) == expected


def test_persentase_menurunnya_is_still_naik():
    assert simpulkan_polaritas("80%", None, D(80)) == NAIK


# The realisasi so far against the Renstra's end target ------------------------------------------------------


@pytest.mark.parametrize(
    ("satuan", "target", "cara"),
    [
        ("%", D(80), TERAKHIR),
        ("Indeks", D("3.1"), TERAKHIR),
        ("Skala", D(11), TERAKHIR),
        ("Nilai", D(80), TERAKHIR),
        (None, D("3.25"), TERAKHIR),  # a bare figure: an index or a score
        ("Predikat", None, TERAKHIR),
        (None, None, TERAKHIR),  # a word (WTP, BB)
        ("Dokumen", D(12), JUMLAH),
        ("Instansi Pemerintah", D(2), JUMLAH),
        ("orang", D(30), JUMLAH),
        ("Permohonan", D(12), JUMLAH),
    ],
)
def test_a_count_achieved_each_year_adds_up_a_level_takes_the_latest(satuan, target, cara):
    assert cara_renstra(satuan, target) == cara


realisasi_tahunan = st.lists(
    st.one_of(st.none(), st.decimals(min_value=0, max_value=10**6, places=2)), min_size=1, max_size=5
)


@given(realisasi_tahunan)
def test_sejauh_sums_the_measured_years_or_takes_the_latest(values):
    measured = [v for v in values if v is not None]
    total, latest = sejauh(values, JUMLAH), sejauh(values, TERAKHIR)
    if not measured:
        assert total is None and latest is None
        return
    assert total == sum(measured) and latest == measured[-1]
    assert total >= latest  # realisasi are not negative
    assert sejauh(list(reversed(values)), JUMLAH) == total  # the order of the years does not matter to a sum
    assert sejauh([*values, None], TERAKHIR) == latest  # a year not measured does not wipe out the latest
