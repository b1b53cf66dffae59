"""Indonesian numbers: `3,1`, `11.994.682.000,00`, `1.000` read and written."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+")
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3}){2,}")


def parse_number(text: str) -> int | float | None:
    """Read a number as an Indonesian office writes it; None when the text is not one number."""
    s = text.strip()
    if not NUMBER_RE.fullmatch(s):
        return None
    if "." in s and "," in s:
        decimal_sep = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        whole, _, _ = s.rpartition(decimal_sep)
        if decimal_sep in whole or not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})*", whole):
            return None  # separators mixed beyond one reading (`1.2,3.4`): no number
        s = s.replace(thousands, "").replace(decimal_sep, ".")
    elif "," in s:
        if s.count(",") > 1:
            if not _THOUSANDS_COMMA.fullmatch(s):
                return None
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".")
    elif "." in s:
        if _THOUSANDS_DOT.fullmatch(s):
            s = s.replace(".", "")
        elif s.count(".") > 1:
            return None
    return as_number(Decimal(s))


def as_number(value: Decimal | float | int) -> int | float:
    """An int when the value is whole (so 81 stays 81 in JSON), else a float."""
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    if d == d.to_integral_value():
        return int(d)
    return float(d)


def format_number(value: float | int, decimals: int | None = None, thousands: bool = True) -> str:
    """Write a number the Indonesian way: `104,84`, `11.994.682.000`; half-up rounding when decimals is given."""
    d = Decimal(str(value))
    if decimals is not None:
        d = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    digits = format(abs(d), "f")
    whole, _, frac = digits.partition(".")
    if thousands:
        whole = f"{int(whole):,}".replace(",", ".")
    return sign + whole + ("," + frac if frac else "")


def money_value(text: str) -> int | float | None:
    """`Rp 11.994.682.000,00` as a number."""
    cleaned = text.strip()
    for prefix in ("Rp.", "Rp", "rp.", "rp", "RP.", "RP"):
        if cleaned.startswith(prefix):
            cleaned = cleaned[len(prefix) :].strip()
            break
    cleaned = cleaned.removesuffix(",-").strip()
    return parse_number(cleaned)
