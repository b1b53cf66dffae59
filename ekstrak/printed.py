"""An LKjIP measurement table's printed capaian checked against the one its target and realisasi give by
the project's own rules (inti/capaian.py): a warning names the indicator where they differ."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from inti.capaian import NAIK, TURUN, Aturan, Nilai, hitung, nilai, simpulkan_polaritas
from inti.numbers import parse_number

from .model import Dokumen, Indikator, Peringatan
from .targets import parse_target

# The rules the check accepts: the report's (capped at 120) and the same without a cap (many offices
# print a capaian of 250%).
RULES = (Aturan(), Aturan(batas=None), Aturan(rumus_turun="t/r"), Aturan(batas=None, rumus_turun="t/r"))
DIFFERS = 'capaian tercetak "{}" berbeda dengan hitungan dari target dan realisasinya ({}%); periksa angkanya'


def _tolerance(printed: str) -> Decimal:
    """One unit of the printed value's last decimal place: offices round, or cut the decimals off."""
    digits = printed.replace("%", "").strip()
    decimals = len(digits.rsplit(",", 1)[1]) if "," in digits else 0
    return Decimal(1) / Decimal(10) ** decimals + Decimal("0.001")


def _computed(ind: Indikator) -> tuple[str, list[Decimal]] | None:
    """The printed capaian and the ones the rules give, when the row has all three figures."""
    printed = (ind.kolom_lain.get("capaian") or "").strip()
    realisasi = (ind.kolom_lain.get("realisasi") or "").strip()
    if not printed or not realisasi or ind.target is None or ind.target.nilai is None:
        return None
    target = nilai(ind.target.nilai, ind.target.batas_bawah, ind.target.batas_atas, ind.target.teks)
    read = parse_target(realisasi)
    if read.nilai is None:
        return None
    real = Nilai(Decimal(str(read.nilai)), None, None, realisasi)
    # the target's own cue, else either way: the office knows which way its indicator should go
    inferred = simpulkan_polaritas(ind.target.teks, ind.target.pembanding, target.angka)
    polarities = (inferred,) if inferred == TURUN else (NAIK, TURUN)
    values = [hitung(target, real, way, rules).nilai for way in polarities for rules in RULES]
    return printed, [v for v in values if v is not None]


def printed_capaian(doc: Dokumen) -> Iterator[Peringatan]:
    for s in doc.sasaran:
        for ind in s.indikator:
            found = _computed(ind)
            if found is None:
                continue
            printed, values = found
            shown = parse_number(printed.replace("%", "").strip())
            if shown is None or not values:
                continue
            if all(abs(Decimal(str(shown)) - value) > _tolerance(printed) for value in values):
                figure = f"{values[0]:.2f}".replace(".", ",")
                yield Peringatan(
                    DIFFERS.format(printed, figure),
                    sasaran=s.nomor,
                    indikator=ind.nomor,
                    kelompok=s.kelompok,
                    halaman=ind.halaman,
                    baris=ind.baris,
                )
