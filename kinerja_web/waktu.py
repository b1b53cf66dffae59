"""Times: stored in UTC, shown in the office's zone (WIB, WITA, WIT) in Indonesian: `28 November 2026, 08.13 WIB`."""

from __future__ import annotations

import datetime as dt

ZONA = {"WIB": 7, "WITA": 8, "WIT": 9}  # hours ahead of UTC
BULAN = (
    *("Januari", "Februari", "Maret", "April", "Mei", "Juni"),
    *("Juli", "Agustus", "September", "Oktober", "November", "Desember"),
)


def sekarang() -> str:
    """Now, in UTC, as it is stored."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _local(stored: str, zona: str) -> tuple[dt.datetime, str]:
    moment = dt.datetime.fromisoformat(stored)
    if moment.tzinfo is None:  # saved by an earlier Kinerja, in this computer's own time
        return moment, ""
    zona = zona if zona in ZONA else "WIB"
    return moment.astimezone(dt.timezone(dt.timedelta(hours=ZONA[zona]))), f" {zona}"


def tampil(stored: str, zona: str = "WIB") -> str:
    """A stored time as the page says it: `28 November 2026, 08.13 WIB`."""
    if not stored:
        return ""
    moment, label = _local(stored, zona)
    return f"{moment.day} {BULAN[moment.month - 1]} {moment.year}, {moment:%H.%M}{label}"


def jam(stored: str, zona: str = "WIB") -> str:
    """Only the hour and minute of a stored time, in the office's zone: `08.13 WIB`."""
    moment, label = _local(stored, zona)
    return f"{moment:%H.%M}{label}"


def zona(profil: dict) -> str:
    """The office's zone as its profile says (WIB when it says none)."""
    chosen = profil.get("zona")
    return chosen if chosen in ZONA else "WIB"
