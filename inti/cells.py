"""Spreadsheet cells as Kinerja reads them: text, whole numbers, numbers, and values as the sheet shows them."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from .errors import BerkasRusak
from .numbers import as_number, format_number, parse_number

_DECIMALS_RE = re.compile(r"0\.(0+)")


def cell_text(value: Any) -> str:
    """A spreadsheet cell as folded text (a whole float as an int: 2022.0 is 2022)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def cell_int(value: Any) -> int | None:
    """A spreadsheet cell as a whole number, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return int(value)
    number = parse_number(str(value).strip())
    return int(number) if isinstance(number, int) else None


def cell_number(value: Any) -> int | float | None:
    """A spreadsheet cell as a number (Indonesian text read too), or None."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return as_number(value)
    return parse_number(str(value).strip())


def display(value: object, number_format: str = "General") -> str:
    """A cell's value as the sheet shows it, written the Indonesian way (0,8 formatted `0%` is `80%`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, (int, float)):
        fmt = number_format or "General"
        decimals = _DECIMALS_RE.search(fmt)
        places = len(decimals.group(1)) if decimals else None
        thousands = "#,##" in fmt
        if "%" in fmt:
            shown = as_number(round(value * 100, places if places is not None else 6))
            return format_number(shown, places, thousands=False) + "%"
        number = as_number(round(value, places)) if places is not None else as_number(value)
        return format_number(number, places, thousands=thousands)
    return str(value)


def open_workbook(data: bytes, read_only: bool = False):
    """An XLSX as openpyxl opens it (values, not formulas), or a clear error for a broken one."""
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), data_only=True, read_only=read_only)
    except MemoryError:  # the guard's limit, reported as such
        raise
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise BerkasRusak("Berkas XLSX ini rusak atau tidak dapat dibuka; simpan ulang dari Excel.") from exc
