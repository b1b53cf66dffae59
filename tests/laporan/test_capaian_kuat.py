"""Capaian, every branch with its whole result (raw value, capped value, status and the exact notes), so
that a changed formula, bound, note or default cannot pass unseen."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from laporan.capaian import (
    NAIK,
    STABIL,
    TIDAK_DAPAT,
    TIDAK_DIUKUR,
    TURUN,
    Aturan,
    Capaian,
    Nilai,
    hitung,
    predikat,
    qualitative,
    rata_rata,
    simpulkan_polaritas,
)

NO_CAP = Aturan(batas=None)
T_R = Aturan(rumus_turun="t/r")


def n(value) -> Nilai:
    return Nilai(angka=D(str(value)), teks=str(value))


def word(text: str) -> Nilai:
    return Nilai(teks=text)


def span(low, high) -> Nilai:
    return Nilai(bawah=D(str(low)), atas=D(str(high)), teks=f"{low}-{high}")


def done(raw, capped=None, *notes: str) -> tuple:
    raw = D(str(raw))
    return (raw, raw if capped is None else D(str(capped)), "dihitung", list(notes))


def none(status: str, *notes: str) -> tuple:
    return (None, None, status, list(notes))


def _whole(result: Capaian) -> tuple:
    return (result.mentah, result.nilai, result.status, result.catatan)


@pytest.mark.parametrize(
    ("target", "realisasi", "polaritas", "aturan", "expected"),
    [
        # not measured, whatever else
        (n(80), Nilai(), NAIK, Aturan(), none(TIDAK_DIUKUR)),
        (n(80), word("   "), NAIK, Aturan(), none(TIDAK_DIUKUR)),
        (word("WTP"), Nilai(), NAIK, Aturan(), none(TIDAK_DIUKUR)),
        # no target to compare with
        (Nilai(), n(80), NAIK, Aturan(), none(TIDAK_DAPAT, "target tidak diketahui")),
        (Nilai(teks="  "), n(80), NAIK, Aturan(), none(TIDAK_DAPAT, "target tidak diketahui")),
        (
            Nilai(),
            word("WTP"),
            NAIK,
            Aturan(),
            none(TIDAK_DAPAT, "target kualitatif tidak dapat dibandingkan; periksa"),
        ),
        # qualitative targets, on their ordered scales
        (word("WTP"), word(" wtp "), NAIK, Aturan(), done(100, None, "target kualitatif; periksa")),
        (word("BB"), word("A"), NAIK, Aturan(), done(100, None, "target kualitatif; periksa")),
        (word("A"), word("BB"), NAIK, Aturan(), done(0, None, "target kualitatif; periksa")),
        (word("Opini WDP"), word("WTP"), NAIK, Aturan(), done(100, None, "target kualitatif; periksa")),
        (word("Predikat A"), word("BB"), NAIK, Aturan(), done(0, None, "target kualitatif; periksa")),
        (word("Predikat BB"), word("Predikat A"), NAIK, Aturan(), done(100, None, "target kualitatif; periksa")),
        (word("Menuju WBK"), word("WBBM"), NAIK, Aturan(), done(100, None, "target kualitatif; periksa")),
        (word("WBBM"), word("Menuju WBK"), NAIK, Aturan(), done(0, None, "target kualitatif; periksa")),
        (word("Baik"), word("Sangat Baik"), NAIK, Aturan(), done(100, None, "target kualitatif; periksa")),
        (word("Sangat Baik"), word("Cukup"), NAIK, Aturan(), done(0, None, "target kualitatif; periksa")),
        (
            word("WTP"),
            word("A"),
            NAIK,
            Aturan(),
            none(TIDAK_DAPAT, "target kualitatif tidak dapat dibandingkan; periksa"),
        ),
        (
            word("Memadai"),
            word("Baik"),
            NAIK,
            Aturan(),
            none(TIDAK_DAPAT, "target kualitatif tidak dapat dibandingkan; periksa"),
        ),
        (
            word("WTP"),
            n(80),
            NAIK,
            Aturan(),
            none(TIDAK_DAPAT, "target kualitatif tidak dapat dibandingkan; periksa"),
        ),
        # a number against words
        (n(80), word("WTP"), NAIK, Aturan(), none(TIDAK_DAPAT, "realisasi bukan angka")),
        # naik, with and without the cap
        (n(80), n(85), NAIK, Aturan(), done("106.25")),
        (n(80), n(96), NAIK, Aturan(), done(120)),
        (n(80), n(100), NAIK, Aturan(), done(125, 120, "dibatasi 120%")),
        (n(80), n(100), NAIK, NO_CAP, done(125)),
        (n(80), n(100), NAIK, Aturan(batas=D(150)), done(125)),
        (n(80), n(130), NAIK, Aturan(batas=D(150)), done("162.5", 150, "dibatasi 150%")),
        (n(80), n(0), NAIK, Aturan(), done(0)),
        # turun: 2 − R/T, never below 0; or T/R
        (n(10), n(8), TURUN, Aturan(), done(120)),
        (n(10), n(5), TURUN, Aturan(), done(150, 120, "dibatasi 120%")),
        (n(10), n(12), TURUN, Aturan(), done(80)),
        (n(10), n(35), TURUN, Aturan(), done(0)),
        (n(10), n(0), TURUN, NO_CAP, done(200)),
        (n(10), n(8), TURUN, T_R, done(125, 120, "dibatasi 120%")),
        (n(10), n(20), TURUN, T_R, done(50)),
        (n(10), n(0), TURUN, T_R, none(TIDAK_DAPAT, "realisasi 0 dengan rumus T/R")),
        # stabil: 100 − |R − T| / T × 100
        (n(50), n(55), STABIL, Aturan(), done(90)),
        (n(50), n(45), STABIL, Aturan(), done(90)),
        (n(50), n(50), STABIL, Aturan(), done(100)),
        (n(50), n(150), STABIL, Aturan(), done(0)),
        # target 0
        (n(0), n(0), TURUN, Aturan(), done(100, None, "target 0; periksa")),
        (n(0), n(3), TURUN, Aturan(), done(0, None, "target 0; periksa")),
        (n(0), n(0), NAIK, Aturan(), none(TIDAK_DAPAT, "target 0")),
        (n(0), n(3), STABIL, Aturan(), none(TIDAK_DAPAT, "target 0")),
        # ranges: inside (bounds included) is 100, outside against the nearer bound
        (span(80, 90), n(80), NAIK, Aturan(), done(100, None, "target rentang")),
        (span(80, 90), n(90), NAIK, Aturan(), done(100, None, "target rentang")),
        (span(80, 90), n(85), TURUN, Aturan(), done(100, None, "target rentang")),
        (span(80, 90), n(99), NAIK, Aturan(), done(110, None, "target rentang")),
        (span(80, 90), n(60), NAIK, Aturan(), done(75, None, "target rentang")),
        (span(80, 90), n(117), NAIK, Aturan(), done(130, 120, "target rentang", "dibatasi 120%")),
        (span(80, 90), n(99), TURUN, Aturan(), done(90, None, "target rentang")),
        (span(80, 90), n(60), TURUN, Aturan(), done(125, 120, "target rentang", "dibatasi 120%")),
        (span(80, 90), n(72), TURUN, T_R, done("111.1111111111111111111111111", None, "target rentang")),
        (span(5, 10), n(0), TURUN, T_R, none(TIDAK_DAPAT, "realisasi 0 dengan rumus T/R")),
        (span(0, 0), n(5), NAIK, Aturan(), none(TIDAK_DAPAT, "batas rentang 0")),
        (span(0, 10), n(0), NAIK, Aturan(), done(100, None, "target rentang")),
    ],
)
def test_every_branch_with_its_whole_result(target, realisasi, polaritas, aturan, expected):
    assert _whole(hitung(target, realisasi, polaritas, aturan)) == expected


def test_the_default_rules_cap_at_120_and_use_2_minus_r_over_t():
    assert _whole(hitung(n(80), n(100), NAIK)) == done(125, 120, "dibatasi 120%")
    assert _whole(hitung(n(10), n(8), TURUN)) == done(120)
    assert _whole(hitung(n(10), n(9), TURUN)) == done(110)
    rules = Aturan()
    assert (rules.batas, rules.rumus_turun, rules.skala) == (D(120), "2-r/t", "lkjip")


def test_a_lone_bound_is_no_range():
    # A range needs both bounds; a target with its number and one bound is read by its number.
    lone = Nilai(angka=D(80), bawah=D(70), teks="80")
    assert _whole(hitung(lone, n(88), NAIK)) == done(110)
    assert _whole(hitung(Nilai(angka=D(80), atas=D(90), teks="80"), n(88), NAIK)) == done(110)


def test_measured_and_empty():
    assert hitung(n(80), n(80), NAIK).diukur
    assert not hitung(n(80), Nilai(), NAIK).diukur
    assert Nilai().kosong and Nilai(teks=" ").kosong
    assert not Nilai(angka=D(0)).kosong and not Nilai(bawah=D(1)).kosong and not Nilai(teks="WTP").kosong


@pytest.mark.parametrize(
    ("target", "realisasi", "value"),
    [
        ("WTP", "WTP", D(100)),
        ("wtp", "WTP", D(100)),
        ("Opini WTP", "WTP", D(100)),
        ("WDP", "WTP", D(100)),
        ("WTP", "TMP", D(0)),
        ("TW", "TMP", D(0)),
        ("AA", "A", D(0)),
        ("D", "C", D(100)),
        ("CC", "C", D(0)),
        ("B", "CC", D(0)),
        ("Sangat Kurang", "Kurang", D(100)),
        ("Kurang", "Sangat Kurang", D(0)),
        ("WBK", "WBBM", D(100)),
        ("A", "Baik", None),
        ("Tercapai", "Tercapai", D(100)),
        ("Cukup  Memadai", "cukup memadai", D(100)),  # words on no scale: equal when written alike
        ("Sangat Baik", "SANGAT  BAIK", D(100)),
        ("Tercapai", "Tidak", None),
        ("", "A", None),
    ],
)
def test_qualitative(target, realisasi, value):
    assert qualitative(target, realisasi) == value


def test_means_leave_out_what_was_not_measured():
    assert rata_rata([]) is None
    assert rata_rata([None, None]) is None
    assert rata_rata([D(100), None, D(50)]) == D(75)
    assert rata_rata([D("100.01"), D(110)]) == D("105.005")
    assert rata_rata([D(90)]) == D(90)


@pytest.mark.parametrize(
    ("value", "skala", "name"),
    [
        (D(91), None, "Sangat Baik"),
        (D("90.999"), None, "Baik"),
        (D(76), "lkjip", "Baik"),
        (D("75.999"), "lkjip", "Cukup"),
        (D(66), "lkjip", "Cukup"),
        (D("65.999"), "lkjip", "Kurang"),
        (D(51), "lkjip", "Kurang"),
        (D("50.999"), "lkjip", "Sangat Kurang"),
        (D(0), "lkjip", "Sangat Kurang"),
        (D("100.001"), "permenpan-6-2022", "Sangat Baik"),
        (D(100), "permenpan-6-2022", "Baik"),
        (D("99.999"), "permenpan-6-2022", "Cukup"),
        (D(80), "permenpan-6-2022", "Cukup"),
        (D("79.999"), "permenpan-6-2022", "Kurang"),
        (D(60), "permenpan-6-2022", "Kurang"),
        (D("59.999"), "permenpan-6-2022", "Sangat Kurang"),
        (D(100), "biner", "Tercapai"),
        (D(120), "biner", "Tercapai"),
        (D("99.999"), "biner", "Belum Tercapai"),
        (None, "biner", None),
        (None, None, None),
    ],
)
def test_predikat_at_every_bound(value, skala, name):
    assert (predikat(value) if skala is None else predikat(value, skala)) == name


@pytest.mark.parametrize(
    ("teks", "pembanding", "target", "polaritas"),
    [
        ("maks. 1%", "≤", D(1), TURUN),
        ("< 5 kasus", "<", D(5), TURUN),
        ("Maksimal 2 hari", "≤", D(2), TURUN),
        ("MAKS 3 hari", None, D(3), TURUN),
        ("paling banyak 3 hari", None, D(3), TURUN),
        ("Paling Banyak 3 hari", None, D(3), TURUN),
        ("≤ 5%", None, D(5), TURUN),
        ("0 kasus", None, D(0), TURUN),
        ("0,0", None, D("0.0"), TURUN),
        ("80%", None, D(80), NAIK),
        ("paling tinggi 5%", "≤", D(5), TURUN),  # the comparator alone says it
        ("tidak lebih dari 3 kali", "≤", D(3), TURUN),
        ("≥ 80%", "≥", D(80), NAIK),
        ("> 80%", ">", D(80), NAIK),
        ("minimal 80%", "≥", D(80), NAIK),
        ("paling sedikit 3", "≥", D(3), NAIK),
        ("WTP", None, None, NAIK),
        ("", None, None, NAIK),
    ],
)
def test_polaritas_only_from_cues_in_the_target(teks, pembanding, target, polaritas):
    assert simpulkan_polaritas(teks, pembanding, target) == polaritas
