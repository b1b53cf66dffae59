"""The measurement method as the report states it: the predikat bands of a scale and the capaian formulas."""

from __future__ import annotations

from inti.numbers import format_number

from .capaian import SCALES, Aturan


def _p(value) -> str:
    return format_number(value) + "%"


def pita(skala: str) -> list[tuple[str, str]]:
    """Each predikat of a scale with its band in words (`≥ 91%`, `76% – < 91%`, `= 100%`, `< 51%`)."""
    out: list[tuple[str, str]] = []
    above = None  # the band above: (bound, whether that band holds its bound)
    for bound, inclusive, name in SCALES[skala]:
        if bound is None:
            text = f"< {_p(above[0])}" if above and above[1] else f"≤ {_p(above[0])}" if above else "semua"
        elif above is None:
            text = f"≥ {_p(bound)}" if inclusive else f"> {_p(bound)}"
        elif bound == above[0]:
            text = f"= {_p(bound)}"
        else:
            low = _p(bound) if inclusive else f"> {_p(bound)}"
            text = f"{low} – {'<' if above[1] else '≤'} {_p(above[0])}"
        out.append((name, text))
        above = (bound, inclusive)
    return out


def rumus(aturan: Aturan) -> list[tuple[str, str]]:
    """How capaian is computed for each kind of indicator, under this run's rules."""
    turun = (
        "Target ÷ Realisasi × 100%"
        if aturan.rumus_turun == "t/r"
        else "(2 − Realisasi ÷ Target) × 100%, paling rendah 0%"
    )
    out = [
        ("Semakin besar semakin baik", "Realisasi ÷ Target × 100%"),
        ("Semakin kecil semakin baik", turun),
        ("Tepat pada target", "100% − |Realisasi − Target| ÷ Target × 100%, paling rendah 0%"),
        ("Target rentang", "100% bila realisasi di dalam rentang; di luar rentang dibandingkan dengan batas terdekat"),
        (
            "Target kualitatif (WTP, A, BB)",
            "100% bila realisasi sama dengan target atau di atasnya pada urutan yang dikenal, selain itu 0%",
        ),
    ]
    if aturan.batas is not None:
        out.append(("Batas atas", f"capaian setiap indikator paling tinggi {_p(aturan.batas)}, juga dalam rata-rata"))
    return out
