"""The report's figures (laporan.hasil), pure: expected values worked out by hand here, not by the formulas."""

from __future__ import annotations

from decimal import Decimal as D

from ekstrak import Dokumen, Indikator, Sasaran, parse_target
from laporan.capaian import TIDAK_DAPAT, TIDAK_DIUKUR, Aturan
from laporan.hasil import hitung_hasil, nilai_realisasi
from laporan.load import BarisAnggaran, Masukan, TahunLalu, nomor_sasaran
from laporan.metode import pita
from laporan.profil import Profil
from laporan.view import baris_indikator, capaian_teks, persen, poin, realisasi_tampil, susun


def ind(nomor: int, uraian: str, target: str, **kolom: str) -> Indikator:
    return Indikator(nomor, uraian, parse_target(target), kolom_lain=kolom)


def masukan(*, lalu: Dokumen | None = None, anggaran: list[BarisAnggaran] | None = None) -> Masukan:
    """Two sasaran: the first with a half-up tie, a `turun`, a capped, a blank and an incomparable indicator."""
    first = Sasaran(
        1,
        "DIVISI A",
        "Sasaran satu",
        (
            ind(1, "tie", "200", realisasi="209,69"),  # 209,69 / 200 = 104,845 %
            ind(2, "turun", "maks. 10%", realisasi="9%"),  # (2 - 9/10) = 110 %
            ind(3, "capped", "40", realisasi="81,2"),  # 203 %, capped at 120
            ind(4, "blank", "80%"),  # not measured
            ind(5, "incomparable", "WTP", realisasi="80"),  # a number against a grade
        ),
    )
    second = Sasaran(2, "DIVISI A", "Sasaran dua", (ind(1, "ninety", "80%", realisasi="72%"),))  # 90 %
    out = Masukan(Dokumen("IKU", "INSTANSI", 2024, (first, second)), anggaran=anggaran or [])
    if lalu is not None:
        pairs = dict(zip([(0, 0), (0, 1)], lalu.sasaran[0].indikator))
        out.lalu = [TahunLalu(lalu.tahun, lalu, pairs)]
    return out


def test_indicator_figures_unrounded_and_the_half_up_tie_only_when_shown():
    figures = hitung_hasil(masukan())
    rows = figures.sasaran[0].indikator
    assert rows[0].nilai == D("104.845") and rows[0].capaian.mentah == D("104.845")
    assert persen(rows[0].nilai) == "104,85%" and capaian_teks(rows[0]) == "104,85%"
    assert (rows[1].polaritas, rows[1].nilai) == ("turun", D(110))
    assert (rows[2].capaian.mentah, rows[2].nilai) == (D(203), D(120))
    assert rows[3].nilai is None and rows[3].capaian.status == TIDAK_DIUKUR and not rows[3].diisi
    assert rows[4].nilai is None and rows[4].capaian.status == TIDAK_DAPAT and rows[4].diisi
    assert [r.predikat for r in rows] == ["Sangat Baik", "Sangat Baik", "Sangat Baik", None, None]


def test_sasaran_and_organisation_are_means_of_the_measured():
    figures = hitung_hasil(masukan())
    first, second = figures.sasaran
    assert first.nilai == (D("104.845") + D(110) + D(120)) / 3 == D("111.615")
    assert second.nilai == D(90) and second.predikat == "Baik"
    assert figures.nilai == (D("111.615") + D(90)) / 2 == D("100.8075")
    assert persen(figures.nilai) == "100,81%" and figures.predikat == "Sangat Baik"


def test_counts_per_status_and_predikat():
    figures = hitung_hasil(masukan())
    assert (figures.diukur, figures.tidak_diukur, figures.tidak_dapat, figures.jumlah_indikator) == (4, 1, 1, 6)
    assert figures.predikat_jumlah == (
        ("Sangat Baik", 3),
        ("Baik", 1),
        ("Cukup", 0),
        ("Kurang", 0),
        ("Sangat Kurang", 0),
    )
    assert figures.ada_realisasi
    biner = hitung_hasil(masukan(), Aturan(skala="biner"))
    assert biner.predikat_jumlah == (("Tercapai", 3), ("Belum Tercapai", 1))


def test_the_rules_change_the_figures():
    uncapped = hitung_hasil(masukan(), Aturan(batas=None)).sasaran[0].indikator[2]
    assert uncapped.nilai == D(203)
    t_over_r = hitung_hasil(masukan(), Aturan(rumus_turun="t/r")).sasaran[0].indikator[1]
    assert t_over_r.nilai == D(10) / D(9) * 100  # 111,11… %


def test_change_from_last_year_judged_with_this_years_polaritas():
    last = Dokumen(
        "IKU",
        None,
        2023,
        (Sasaran(1, None, "x", (ind(1, "tie", "200", realisasi="180"), ind(2, "turun", "10%", realisasi="12%"))),),
    )
    rows = hitung_hasil(masukan(lalu=last)).sasaran[0].indikator
    assert rows[0].lalu.nilai == D(90) and rows[0].lalu_realisasi == "180"
    # The change is of the figures shown: 104,85% - 90,00%, not 104,845 - 90.
    assert rows[0].perubahan == D("14.85") and poin(rows[0].perubahan) == "14,85"
    # Last year's target says nothing of `turun`; this year's polaritas judges it: (2 - 12/10) = 80 %.
    assert rows[1].lalu.nilai == D(80) and rows[1].perubahan == D(30)
    assert rows[2].lalu is None and rows[2].perubahan is None


def test_budget_absorption_per_row_and_in_total():
    rows = [
        BarisAnggaran("A", "Rp 1.000.000", 1_000_000, 900_000),
        BarisAnggaran("B", "Rp 3.000.000", 3_000_000, 2_850_000),
        BarisAnggaran("C", "(belum)", None, None),
    ]
    figures = hitung_hasil(masukan(anggaran=rows))
    assert [a.serapan for a in figures.anggaran] == [D(90), D(95), None]
    total = figures.anggaran_total
    assert (total.pagu, total.realisasi, total.serapan) == (4_000_000, 3_750_000, D("93.75"))
    assert figures.ada_realisasi_anggaran
    assert figures.selisih_serapan == D("100.8075") - D("93.75")


def test_without_budget_or_realisasi_there_is_nothing_to_compute():
    plan = Masukan(Dokumen("IKU", None, 2024, (Sasaran(1, None, "s", (ind(1, "a", "80%"),)),)))
    figures = hitung_hasil(plan)
    assert figures.nilai is None and figures.predikat is None and figures.diukur == 0
    assert not figures.ada_realisasi and figures.anggaran == () and figures.anggaran_total is None
    assert figures.selisih_serapan is None
    unspent = hitung_hasil(masukan(anggaran=[BarisAnggaran("A", "Rp 1", 1)]))
    assert not unspent.ada_realisasi_anggaran and unspent.anggaran_total.realisasi is None


def test_the_report_words_exactly_these_figures():
    inputs = masukan()
    laporan = susun(inputs, Profil())
    assert laporan.hasil == hitung_hasil(inputs)
    assert laporan.capaian == "100,81%" and laporan.sasaran[0].capaian == "111,62%"  # 111,615 half up
    assert [i.capaian for i in laporan.sasaran[0].indikator] == [
        "104,85%",
        "110,00%",
        "120,00%",
        "tidak diukur",
        "tidak dapat dihitung",
    ]


def test_a_realisasi_with_the_targets_unit_on_either_side_is_a_number():
    skala, persen_target = parse_target("Skala 7"), parse_target("81%")
    assert nilai_realisasi("11 Skala", skala.satuan).angka == D(11)
    assert nilai_realisasi("Skala 11", skala.satuan).angka == D(11)
    assert nilai_realisasi("7,5").angka == D("7.5")
    assert nilai_realisasi("11 Skala").angka is None, "without the target's unit the word is no unit"
    # Shown like the target: the unit where the target has it, the office's digits, its remark in a note.
    assert realisasi_tampil(skala, "11 Skala") == "Skala 11"
    assert realisasi_tampil(persen_target, "83,63 %") == "83,63%"
    assert realisasi_tampil(persen_target, "81,43% (Evaluasi Semester II)") == "81,43%"
    assert realisasi_tampil(parse_target("≥ 80%"), "85 %") == "85%"
    # Another unit, a grade or a range target: as written.
    assert realisasi_tampil(persen_target, "12 Permohonan") == "12 Permohonan"
    assert realisasi_tampil(parse_target("WTP"), "WDP") == "WDP"
    assert realisasi_tampil(parse_target("80-90%"), "85 %") == "85 %"
    shown = baris_indikator(hitung_hasil(masukan()).sasaran[0].indikator[1], 2024)
    assert (shown.realisasi, shown.catatan) == ("9%", "")


def test_the_sasaran_a_budget_row_serves_and_their_absorption():
    assert nomor_sasaran("1, 20, 21") == (1, 20, 21)
    assert nomor_sasaran("2-4; 7") == (2, 3, 4, 7)
    assert nomor_sasaran("S3") == (3,) and nomor_sasaran("") == ()
    rows = [
        BarisAnggaran("A", "", 1_000_000, 900_000, (1,)),
        BarisAnggaran("B", "", 3_000_000, 2_850_000, (1, 2)),
        BarisAnggaran("C", "", 500_000, None, (2,)),
    ]
    first, second = hitung_hasil(masukan(anggaran=rows)).sasaran
    assert [a.uraian for a in first.anggaran] == ["A", "B"] and first.serapan == D("93.75")  # 3,75 of 4 million
    assert [a.uraian for a in second.anggaran] == ["B", "C"] and second.serapan == D(95)  # C has no realisasi


def test_predikat_bands_in_words_and_earlier_years_with_their_own_polaritas():
    assert pita("lkjip")[0] == ("Sangat Baik", "≥ 91%") and pita("lkjip")[-1] == ("Sangat Kurang", "< 51%")
    assert pita("permenpan-6-2022")[:2] == [("Sangat Baik", "> 100%"), ("Baik", "= 100%")]
    turun = ind(1, "tie", "200", realisasi="180", polaritas="turun")
    last = Dokumen("IKU", None, 2023, (Sasaran(1, None, "x", (turun,)),))
    row = hitung_hasil(masukan(lalu=last)).sasaran[0].indikator[0]
    # That year's own polaritas column says turun: (2 - 180/200) x 100 = 110, though this year's is naik.
    assert row.polaritas == "naik" and row.lalu.nilai == D(110)
