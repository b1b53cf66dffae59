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


_PLACEHOLDERS = set("0#?.,%eE@")


def format_affixes(number_format: str) -> tuple[str, str]:
    """The text a number format writes around a number (`0" Dokumen"`, `"Rp "#,##0`, `[$Rp-421]#,##0`):
    (before, after), as the sheet shows it beside the number."""
    section, parts, index = (number_format or "").split(";")[0], [], 0
    while index < len(section):
        char = section[index]
        if char == '"':
            end = section.find('"', index + 1)
            end = len(section) if end < 0 else end
            parts.append(("text", section[index + 1 : end]))
            index = end + 1
        elif char == "\\" and index + 1 < len(section):
            parts.append(("text", section[index + 1]))
            index += 2
        elif char == "[":
            end = section.find("]", index)
            end = len(section) if end < 0 else end
            inside = section[index + 1 : end]
            if inside.startswith("$"):  # a currency or locale: [$Rp-421] shows Rp
                parts.append(("text", inside[1:].split("-")[0]))
            index = end + 1
        elif char in "_*":  # a space as wide as the next character, or a fill: no text
            index += 2
        elif char in _PLACEHOLDERS:
            parts.append(("number", char))
            index += 1
        else:
            parts.append(("text", char))
            index += 1
    numbers = [i for i, (kind, _) in enumerate(parts) if kind == "number"]
    if not numbers or section.lower() == "general":
        return "", ""
    before = "".join(text for kind, text in parts[: numbers[0]] if kind == "text")
    after = "".join(text for kind, text in parts[numbers[-1] + 1 :] if kind == "text")
    return before, after


def open_workbook(data: bytes, read_only: bool = False, values: bool = True):
    """An XLSX as openpyxl opens it (values, not formulas, unless `values` is False), or a clear error for a
    broken one."""
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), data_only=values, read_only=read_only)
    except MemoryError:  # the guard's limit, reported as such
        raise
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise BerkasRusak("Berkas XLSX ini rusak atau tidak dapat dibuka; simpan ulang dari Excel.") from exc
