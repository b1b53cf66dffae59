"""Capaian from target and realisasi: the formulas, cap, averages and predikat scales of domain.md.

Pure: numbers in, numbers out. Computed unrounded (Decimal); only what is shown is rounded."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

NAIK, TURUN, STABIL = "naik", "turun", "stabil"
POLARITAS = (NAIK, TURUN, STABIL)
TIDAK_DIUKUR = "tidak diukur"
TIDAK_DAPAT = "tidak dapat dihitung"
HUNDRED = Decimal(100)
ZERO = Decimal(0)

# Ordered scales for qualitative targets, best first (SAKIP grades, opini BPK, predikat, zona integritas).
ORDERED_SCALES = [
    ["AA", "A", "BB", "B", "CC", "C", "D"],
    ["WTP", "WDP", "TW", "TMP"],
    ["SANGAT BAIK", "BAIK", "CUKUP", "KURANG", "SANGAT KURANG"],
    ["WBBM", "WBK"],
]
SCALES = {
    "lkjip": [
        (Decimal(91), True, "Sangat Baik"),
        (Decimal(76), True, "Baik"),
        (Decimal(66), True, "Cukup"),
        (Decimal(51), True, "Kurang"),
        (None, True, "Sangat Kurang"),
    ],
    "permenpan-6-2022": [
        (HUNDRED, False, "Sangat Baik"),
        (HUNDRED, True, "Baik"),
        (Decimal(80), True, "Cukup"),
        (Decimal(60), True, "Kurang"),
        (None, True, "Sangat Kurang"),
    ],
    "biner": [(HUNDRED, True, "Tercapai"), (None, True, "Belum Tercapai")],
}
RUMUS_TURUN = ("2-r/t", "t/r")


@dataclass(frozen=True)
class Aturan:
    """How capaian is computed and judged: cap (None: no cap), formula for `turun`, predikat scale."""

    batas: Decimal | None = Decimal(120)
    rumus_turun: str = "2-r/t"
    skala: str = "lkjip"


@dataclass
class Nilai:
    """A target or a realisasi as read: a number, a range, or a word (WTP, A); None fields unknown."""

    angka: Decimal | None = None
    bawah: Decimal | None = None
    atas: Decimal | None = None
    teks: str = ""

    @property
    def kosong(self) -> bool:
        return self.angka is None and self.bawah is None and not self.teks.strip()


@dataclass
class Capaian:
    """The capaian of one indicator: raw and capped values (None when there is none), why, and flags."""

    mentah: Decimal | None
    nilai: Decimal | None
    status: str = "dihitung"
    catatan: list[str] = field(default_factory=list)

    @property
    def diukur(self) -> bool:
        return self.nilai is not None


def nilai(angka: float | None, bawah: float | None = None, atas: float | None = None, teks: str = "") -> Nilai:
    """A target's (or realisasi's) plain fields as read (float or int, None unknown) as a `Nilai` in Decimal."""

    def dec(value: float | None) -> Decimal | None:
        return None if value is None else Decimal(str(value))

    return Nilai(dec(angka), dec(bawah), dec(atas), teks)


def _capped(raw: Decimal, aturan: Aturan) -> Decimal:
    return min(raw, aturan.batas) if aturan.batas is not None else raw


def _result(raw: Decimal, aturan: Aturan, *notes: str) -> Capaian:
    raw = max(raw, ZERO)
    capped = _capped(raw, aturan)
    notes_list = list(notes)
    if capped != raw:
        notes_list.append(f"dibatasi {aturan.batas}%")
    return Capaian(raw, capped, "dihitung", notes_list)


def _none(status: str, *notes: str) -> Capaian:
    return Capaian(None, None, status, list(notes))


def _turun(r: Decimal, t: Decimal, aturan: Aturan) -> Decimal | None:
    if aturan.rumus_turun == "t/r":
        return None if r == 0 else t / r * HUNDRED
    return (2 - r / t) * HUNDRED


def _rank(text: str) -> tuple[int, int] | None:
    word = " ".join(text.upper().replace("OPINI", "").replace("PREDIKAT", "").replace("MENUJU", "").split())
    for number, scale in enumerate(ORDERED_SCALES):
        if word in scale:
            return number, scale.index(word)
    return None


def qualitative(target: str, realisasi: str) -> Decimal | None:
    """100 when the realisasi equals the target or stands above it on a known ordered scale, else 0;
    None when the two cannot be compared (different scales, unknown words)."""
    if " ".join(target.upper().split()) == " ".join(realisasi.upper().split()):
        return HUNDRED
    t, r = _rank(target), _rank(realisasi)
    if t is None or r is None or t[0] != r[0]:
        return None
    return HUNDRED if r[1] <= t[1] else ZERO


def hitung(target: Nilai, realisasi: Nilai, polaritas: str, aturan: Aturan = Aturan()) -> Capaian:
    """Capaian of one indicator (domain.md: the capaian table)."""
    if realisasi.kosong:
        return _none(TIDAK_DIUKUR)
    if target.angka is None and target.bawah is None:
        if realisasi.angka is not None and not target.teks.strip():
            return _none(TIDAK_DAPAT, "target tidak diketahui")
        value = qualitative(target.teks, realisasi.teks)
        if value is None:
            return _none(TIDAK_DAPAT, "target kualitatif tidak dapat dibandingkan; periksa")
        return _result(value, aturan, "target kualitatif; periksa")
    r = realisasi.angka
    if r is None:
        return _none(TIDAK_DAPAT, "realisasi bukan angka")
    if target.bawah is not None and target.atas is not None:
        return _range(target.bawah, target.atas, r, polaritas, aturan)
    t = target.angka
    assert t is not None
    if t == 0:
        if polaritas == TURUN:
            return _result(HUNDRED if r == 0 else ZERO, aturan, "target 0; periksa")
        return _none(TIDAK_DAPAT, "target 0")
    if polaritas == TURUN:
        value = _turun(r, t, aturan)
        if value is None:
            return _none(TIDAK_DAPAT, "realisasi 0 dengan rumus T/R")
        return _result(value, aturan)
    if polaritas == STABIL:
        return _result(HUNDRED - abs(r - t) / t * HUNDRED, aturan)
    return _result(r / t * HUNDRED, aturan)


def _range(low: Decimal, high: Decimal, r: Decimal, polaritas: str, aturan: Aturan) -> Capaian:
    if low <= r <= high:
        return _result(HUNDRED, aturan, "target rentang")
    bound = high if r > high else low
    if bound == 0:
        return _none(TIDAK_DAPAT, "batas rentang 0")
    if polaritas == TURUN:
        value = _turun(r, bound, aturan)
        if value is None:
            return _none(TIDAK_DAPAT, "realisasi 0 dengan rumus T/R")
        return _result(value, aturan, "target rentang")
    return _result(r / bound * HUNDRED, aturan, "target rentang")


# How the realisasi so far is set against the Renstra's end target (domain.md: Renstra).
JUMLAH, TERAKHIR = "jumlah", "terakhir"
# Units of a level or a rate: the latest year's value is how far it has come; any other unit counts
# what was achieved in a year (Dokumen, Laporan, Permohonan, orang), and the years add up.
_TINGKAT = ("%", "persen", "indeks", "skala", "nilai", "predikat", "opini", "level", "tingkat", "poin", "rasio")


def cara_renstra(satuan: str | None, target: Decimal | None) -> str:
    """`jumlah` when an indicator counts what is achieved each year (a number in a unit such as Dokumen),
    `terakhir` when it is a level or rate (a percent, an index, no unit) or a word (WTP, BB)."""
    unit = (satuan or "").lower()
    if target is None or not unit or any(word in unit for word in _TINGKAT):
        return TERAKHIR
    return JUMLAH


def sejauh(values: list[Decimal | None], cara: str) -> Decimal | None:
    """The realisasi so far from each year's (oldest first, None when not measured): their sum for `jumlah`,
    the latest measured one for `terakhir`; None when no year was measured."""
    measured = [v for v in values if v is not None]
    if not measured:
        return None
    return sum(measured, ZERO) if cara == JUMLAH else measured[-1]


def rata_rata(values: list[Decimal | None]) -> Decimal | None:
    """Mean of the measured values; None when none was measured (it is then left out above)."""
    measured = [v for v in values if v is not None]
    if not measured:
        return None
    return sum(measured, ZERO) / len(measured)


def predikat(value: Decimal | None, skala: str = "lkjip") -> str | None:
    """The predikat of a (capped, unrounded) capaian on a named scale; bands are half-open."""
    if value is None:
        return None
    for bound, inclusive, name in SCALES[skala]:
        if bound is None or value > bound or (inclusive and value == bound):
            return name
    raise AssertionError("a scale ends with an open band")


def simpulkan_polaritas(teks_target: str, pembanding: str | None, target: Decimal | None) -> str:
    """`turun` only from explicit cues in the target (maks, ≤, paling banyak, a target of 0); else `naik`.
    `Persentase menurunnya …` names a decrease to achieve: higher is still better. A cue in the
    indicator's name (`… diselesaikan maksimal 3 hari`, target 90%) is no cue: the office says so."""
    text = teks_target.lower()
    if pembanding in ("≤", "<") or "maks" in text or "paling banyak" in text or "≤" in text:
        return TURUN
    if target is not None and target == 0:
        return TURUN
    return NAIK
