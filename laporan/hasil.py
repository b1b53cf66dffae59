"""The report's figures, computed before a word is written: capaian per indicator, sasaran and organisation
(Decimal, unrounded), statuses, predikat, counts, the change from last year, and the budget's absorption.

Pure: the inputs (`Masukan`) and the rules (`Aturan`) in, numbers out. Nothing here is formatted or rounded;
view.py words these figures for the report and kinerja_web shows them on the page."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ekstrak import Indikator, Sasaran, Target, parse_target

from .capaian import (
    HUNDRED,
    JUMLAH,
    POLARITAS,
    SCALES,
    TERAKHIR,
    TIDAK_DIUKUR,
    TURUN,
    Aturan,
    Capaian,
    Nilai,
    cara_renstra,
    hitung,
    nilai,
    predikat,
    rata_rata,
    sejauh,
    simpulkan_polaritas,
)
from .load import BarisAnggaran, Masukan, TahunLalu, isian

KOSONG = ("", "-")  # a realisasi box left blank, or holding a bare dash
SEN = Decimal("0.01")


def dibulatkan(value: Decimal) -> Decimal:
    """A figure as the report shows it: two decimals, half up."""
    return value.quantize(SEN, rounding=ROUND_HALF_UP)


def _dec(value: float | int | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def nilai_target(target: Target | None) -> Nilai:
    if target is None:
        return Nilai()
    return nilai(target.nilai, target.batas_bawah, target.batas_atas, target.teks)


def nilai_realisasi(text: str, satuan: str | None = None) -> Nilai:
    """A realisasi as people write it: `85%`, `3,25`, `12 Permohonan`, `WTP`, `38% (Semester I)`; with the
    target's unit `satuan` on either side of the number (`Skala 11`, `11 Skala`)."""
    text = " ".join(text.split())
    if not text or text in ("-", "–"):
        return Nilai()
    read = parse_target(text)
    if read.nilai is None and read.batas_bawah is None and satuan:
        bare = re.sub(rf"^{re.escape(satuan)}\s*|\s*{re.escape(satuan)}$", "", text, flags=re.I)
        if bare != text:
            read = parse_target(bare)
    return nilai(read.nilai, read.batas_bawah, read.batas_atas, text)


def polaritas(ind: Indikator) -> str:
    """The office's `polaritas` column when it names one, else what the target's wording says."""
    chosen = isian(ind, "polaritas").lower()
    if chosen in POLARITAS:
        return chosen
    target = ind.target
    return simpulkan_polaritas(
        target.teks if target else "", target.pembanding if target else None, _dec(target.nilai) if target else None
    )


@dataclass(frozen=True)
class CapaianLalu:
    """An indicator in an earlier year: what was realised and its capaian (None: no matching indicator)."""

    tahun: int | None
    realisasi: str
    capaian: Capaian | None
    target: Target | None = None  # that year's target


@dataclass(frozen=True)
class HasilIndikator:
    """One indicator's figures: its capaian this year and, per earlier year (newest first), that year's."""

    indikator: Indikator
    polaritas: str
    realisasi: str  # as the office filled it in; "" when blank
    capaian: Capaian
    predikat: str | None  # None when not measured
    riwayat: tuple[CapaianLalu, ...] = ()

    @property
    def lalu(self) -> Capaian | None:
        """The latest earlier year's capaian; None when there is none or no matching indicator."""
        return self.riwayat[0].capaian if self.riwayat else None

    @property
    def lalu_realisasi(self) -> str:
        return self.riwayat[0].realisasi if self.riwayat else ""

    @property
    def nilai(self) -> Decimal | None:
        """The capaian that counts (capped); None when not measured."""
        return self.capaian.nilai

    @property
    def diisi(self) -> bool:
        """Whether a realisasi was filled in (a bare dash is none)."""
        return self.realisasi not in KOSONG

    @property
    def perubahan(self) -> Decimal | None:
        """Capaian this year minus the latest earlier year's as shown (each rounded to two decimals, half up),
        in points; None unless both were measured."""
        if self.lalu is None or self.lalu.nilai is None or self.nilai is None:
            return None
        return dibulatkan(self.nilai) - dibulatkan(self.lalu.nilai)


@dataclass(frozen=True)
class HasilSasaran:
    """A sasaran's figures: its indicators' and their mean."""

    sasaran: Sasaran
    indikator: tuple[HasilIndikator, ...]
    nilai: Decimal | None  # mean of the measured indicators; None when none was measured
    predikat: str | None
    riwayat: tuple[Decimal | None, ...] = ()  # the mean per earlier year, newest first
    anggaran: tuple[HasilAnggaran, ...] = ()  # the budget rows that serve it, when the sheet names them
    serapan: Decimal | None = None  # their absorption together

    @property
    def diisi(self) -> bool:
        """Whether a realisasi was filled in for any of its indicators."""
        return any(ind.diisi for ind in self.indikator)


@dataclass(frozen=True)
class HasilAnggaran:
    """A budget row, or their total (without uraian): pagu, what was spent, and the absorption in percent."""

    uraian: str
    pagu_teks: str
    pagu: float | int | None
    realisasi: float | int | None
    serapan: Decimal | None
    sasaran: tuple[int, ...] = ()  # the sasaran it serves


@dataclass(frozen=True)
class HasilKinerja:
    """Every figure of a report."""

    aturan: Aturan
    sasaran: tuple[HasilSasaran, ...]
    nilai: Decimal | None  # the organisation's capaian: mean of the sasaran
    predikat: str | None
    predikat_jumlah: tuple[tuple[str, int], ...]  # measured indicators per predikat, in the scale's order
    diukur: int
    tidak_diukur: int
    tidak_dapat: int
    ada_realisasi: bool
    anggaran: tuple[HasilAnggaran, ...]
    anggaran_total: HasilAnggaran | None  # None when there are no budget rows
    ada_realisasi_anggaran: bool
    tahun_lalu: tuple[int | None, ...] = ()  # the earlier years compared with, newest first
    riwayat: tuple[Decimal | None, ...] = ()  # the organisation's capaian per earlier year

    @property
    def jumlah_indikator(self) -> int:
        return sum(len(s.indikator) for s in self.sasaran)

    @property
    def selisih_serapan(self) -> Decimal | None:
        """Capaian minus budget absorption, in points (positive: efficient); None unless both are known."""
        serapan = self.anggaran_total.serapan if self.anggaran_total else None
        return self.nilai - serapan if self.nilai is not None and serapan is not None else None


@dataclass(frozen=True)
class Sejauh:
    """An indicator's realisasi so far, set against the Renstra's end target: how (`jumlah` or `terakhir`),
    the value (None when no year gives a number), the years it covers and, for `terakhir`, that year's text."""

    cara: str
    nilai: Decimal | None
    tahun: tuple[int | None, ...]
    teks: str = ""


def sejauh_renstra(row: HasilIndikator, tahun: int | None) -> Sejauh:
    """The realisasi so far of an indicator reported for `tahun`: the sum over the earlier years compared with
    and this one for a count achieved each year, the latest year's for a level or rate (inti.cara_renstra)."""
    target = row.indikator.target
    satuan = target.satuan if target else None
    cara = cara_renstra(satuan, _dec(target.nilai) if target else None)
    years = [(lalu.tahun, lalu.realisasi) for lalu in reversed(row.riwayat)] + [(tahun, row.realisasi)]
    written = [(year, text) for year, text in years if text not in KOSONG]
    values = [nilai_realisasi(text, satuan).angka for _, text in written]
    counted = tuple(year for (year, _), value in zip(written, values) if value is not None)
    if cara == JUMLAH:
        return Sejauh(cara, sejauh(values, cara), counted)
    if not written:
        return Sejauh(TERAKHIR, None, ())
    year, text = written[-1]
    return Sejauh(TERAKHIR, values[-1], (year,), text)


def _capaian(target: Target | None, realisasi: str, arah: str, aturan: Aturan) -> Capaian:
    satuan = target.satuan if target else None
    return hitung(nilai_target(target), nilai_realisasi(realisasi, satuan), arah, aturan)


def polaritas_lalu(lalu: Indikator, sekarang: str) -> str:
    """An earlier year's polaritas: that year's column or target cue when it says one, else this year's."""
    chosen = isian(lalu, "polaritas").lower()
    if chosen in POLARITAS:
        return chosen
    own = polaritas(lalu)
    return own if own == TURUN else sekarang


def capaian_lalu(tahun: int | None, lalu: Indikator | None, sekarang: str, aturan: Aturan) -> CapaianLalu:
    """An earlier year's capaian of an indicator: that year's target, realisasi and polaritas, this run's rules."""
    if lalu is None:
        return CapaianLalu(tahun, "", None)
    realisasi = isian(lalu, "realisasi")
    capaian = _capaian(lalu.target, realisasi, polaritas_lalu(lalu, sekarang), aturan)
    return CapaianLalu(tahun, realisasi, capaian, lalu.target)


def hasil_indikator(ind: Indikator, lalu: list[tuple[int | None, Indikator | None]], aturan: Aturan) -> HasilIndikator:
    """One indicator's capaian, and its capaian in each earlier year (`lalu`, newest first)."""
    arah = polaritas(ind)
    realisasi = isian(ind, "realisasi")
    capaian = _capaian(ind.target, realisasi, arah, aturan)
    riwayat = tuple(capaian_lalu(tahun, other, arah, aturan) for tahun, other in lalu)
    return HasilIndikator(ind, arah, realisasi, capaian, predikat(capaian.nilai, aturan.skala), riwayat)


def _riwayat_sasaran(rows: tuple[HasilIndikator, ...], years: int) -> tuple[Decimal | None, ...]:
    return tuple(
        rata_rata([r.riwayat[n].capaian.nilai if r.riwayat[n].capaian else None for r in rows]) for n in range(years)
    )


def _serapan(realisasi: float | int | None, pagu: float | int | None) -> Decimal | None:
    if realisasi is None or not pagu:
        return None
    return Decimal(str(realisasi)) / Decimal(str(pagu)) * HUNDRED


def hasil_anggaran(rows: list[BarisAnggaran]) -> tuple[tuple[HasilAnggaran, ...], HasilAnggaran | None, bool]:
    """Each budget row's absorption, the total (None without rows; it has no uraian), and whether any realisasi
    was given (else the total's realisasi is None)."""
    if not rows:
        return (), None, False
    out = tuple(
        HasilAnggaran(r.uraian, r.pagu_teks, r.pagu, r.realisasi, _serapan(r.realisasi, r.pagu), r.sasaran)
        for r in rows
    )
    spent_any = any(r.realisasi is not None for r in rows)
    pagu = sum((r.pagu or 0) for r in rows)
    spent = sum((r.realisasi or 0) for r in rows) if spent_any else None
    return out, HasilAnggaran("", "", pagu, spent, _serapan(spent, pagu)), spent_any


def _diserap(rows: tuple[HasilAnggaran, ...]) -> Decimal | None:
    """The absorption of some budget rows together; None when none has both pagu and realisasi."""
    spent = [r for r in rows if r.pagu and r.realisasi is not None]
    if not spent:
        return None
    return _serapan(sum(r.realisasi for r in spent), sum(r.pagu for r in spent))


def hitung_hasil(masukan: Masukan, aturan: Aturan | None = None) -> HasilKinerja:
    """Every figure of the report from its inputs, under `aturan` (the default rules when None)."""
    aturan = aturan or Aturan()
    anggaran = hasil_anggaran(masukan.anggaran)
    sasaran = tuple(
        hasil_sasaran(s, lalu_sasaran(masukan.lalu, si, s), anggaran[0], aturan)
        for si, s in enumerate(masukan.dokumen.sasaran)
    )
    return rangkum(sasaran, masukan, anggaran, aturan)


# Per earlier year (newest first): its year, and its indicator paired with each of a sasaran's (None: none).
Pasangan = tuple[tuple[int | None, tuple[Indikator | None, ...]], ...]


def lalu_sasaran(earlier: list[TahunLalu], si: int, s: Sasaran) -> Pasangan:
    """The earlier years' indicators paired with those of the `si`-th sasaran `s`."""
    return tuple((t.tahun, tuple(t.pasangan.get((si, ii)) for ii in range(len(s.indikator)))) for t in earlier)


def hasil_sasaran(
    s: Sasaran,
    lalu: Pasangan,
    anggaran: tuple[HasilAnggaran, ...],
    aturan: Aturan,
    indikator: Callable[[Indikator, list[tuple[int | None, Indikator | None]], Aturan], HasilIndikator] | None = None,
) -> HasilSasaran:
    """One sasaran's figures: each indicator's with its earlier years (`lalu`), and the budget rows serving it.
    Depends on these inputs alone, so a caller may keep it while they stay the same; `indikator` computes an
    indicator's figures (`hasil_indikator` when None: a caller may keep those too)."""
    each = indikator or hasil_indikator
    rows = tuple(
        each(ind, [(tahun, paired[ii]) for tahun, paired in lalu], aturan) for ii, ind in enumerate(s.indikator)
    )
    mean = rata_rata([r.nilai for r in rows])
    served = tuple(a for a in anggaran if s.nomor in a.sasaran)
    history = _riwayat_sasaran(rows, len(lalu))
    return HasilSasaran(s, rows, mean, predikat(mean, aturan.skala), history, served, _diserap(served))


def rangkum(
    sasaran: tuple[HasilSasaran, ...],
    masukan: Masukan,
    anggaran: tuple[tuple[HasilAnggaran, ...], HasilAnggaran | None, bool],
    aturan: Aturan,
) -> HasilKinerja:
    """The report's figures from its sasaran's (`hasil_sasaran`) and its budget's (`hasil_anggaran`)."""
    earlier: list[TahunLalu] = masukan.lalu
    every = [r for s in sasaran for r in s.indikator]
    counts = {name: 0 for _, _, name in SCALES[aturan.skala]}
    for r in every:
        if r.predikat is not None:
            counts[r.predikat] += 1
    overall = rata_rata([s.nilai for s in sasaran])
    return HasilKinerja(
        aturan=aturan,
        sasaran=sasaran,
        nilai=overall,
        predikat=predikat(overall, aturan.skala),
        predikat_jumlah=tuple(counts.items()),
        diukur=sum(1 for r in every if r.nilai is not None),
        tidak_diukur=sum(1 for r in every if r.nilai is None and r.capaian.status == TIDAK_DIUKUR),
        tidak_dapat=sum(1 for r in every if r.nilai is None and r.capaian.status != TIDAK_DIUKUR),
        ada_realisasi=masukan.ada_realisasi,
        anggaran=anggaran[0],
        anggaran_total=anggaran[1],
        ada_realisasi_anggaran=anggaran[2],
        tahun_lalu=tuple(t.tahun for t in earlier),
        riwayat=tuple(rata_rata([s.riwayat[n] for s in sasaran]) for n in range(len(earlier))),
    )
