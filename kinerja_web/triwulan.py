"""The year's realisasi from the quarters: a cumulative indicator (a percentage, an index, a level) stands at
its latest quarter; a summed one (a count entered per quarter) is the sum of its quarters."""

from __future__ import annotations

from decimal import Decimal

from ekstrak import Indikator
from inti.numbers import format_number
from laporan.hasil import nilai_realisasi

from .edits import TRIWULAN, latest_quarter

BIDANG = "triwulan_cara"  # the indicator's choice: KUMULATIF, JUMLAH, or empty (by its unit)
KUMULATIF, JUMLAH = "kumulatif", "jumlah"
ROMAWI = ("I", "II", "III", "IV")
# Units of a level or a rate, whatever their case: the latest quarter stands for the year.
TINGKAT = {"%", "persen", "indeks", "index", "skala", "nilai", "poin", "level", "tingkat", "predikat", "rasio"}


def bawaan(ind: Indikator) -> str:
    """What the indicator's target suggests: summed for a count with a unit (`30 orang`, `12 Permohonan`),
    cumulative for a percentage, an index, a bare figure or a qualitative target."""
    target = ind.target
    if target is None or target.nilai is None or not target.satuan:
        return KUMULATIF
    return KUMULATIF if target.satuan.strip().lower() in TINGKAT else JUMLAH


def cara(ind: Indikator) -> str:
    chosen = ind.kolom_lain.get(BIDANG, "")
    return chosen if chosen in (KUMULATIF, JUMLAH) else bawaan(ind)


def tahunan(ind: Indikator) -> tuple[str, str] | None:
    """The year's realisasi from the quarters and the note saying how it was found; None without quarters.
    Quarters that are not all numbers are not summed: the latest one stands, said so."""
    latest = latest_quarter(ind.kolom_lain)
    if latest is None:
        return None
    n, value = latest
    if cara(ind) == KUMULATIF:
        return value, f"Realisasi s.d. triwulan {ROMAWI[n - 1]} (kumulatif)"
    filled = [(q, ind.kolom_lain.get(name, "").strip()) for q, name in enumerate(TRIWULAN, start=1)]
    filled = [(q, text) for q, text in filled if text]
    satuan = ind.target.satuan if ind.target else None
    numbers = [nilai_realisasi(text, satuan).angka for _, text in filled]
    if any(number is None for number in numbers):
        return (
            value,
            f"Realisasi s.d. triwulan {ROMAWI[n - 1]}; nilai triwulan tidak semuanya angka, jadi tidak dijumlahkan",
        )
    total = sum(numbers, Decimal(0))  # type: ignore[arg-type]
    shown = format_number(int(total) if total == total.to_integral_value() else total) + (
        f" {satuan}" if satuan else ""
    )
    quarters = ", ".join(ROMAWI[q - 1] for q, _ in filled)
    return shown, f"Jumlah realisasi triwulan {quarters}"
