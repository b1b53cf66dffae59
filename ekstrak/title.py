"""The title block above the table: judul, instansi and tahun."""

from __future__ import annotations

import re

_TITLE_WORDS_RE = re.compile(
    r"INDIKATOR\s+KINERJA|PERJANJIAN\s+KINERJA|RENCANA\s+KINERJA|PENETAPAN\s+KINERJA|\bIKU\b|\bRKT\b",
    re.IGNORECASE,
)
# The title block is the few short lines right above the table; a paragraph of prose ends it.
MAX_TITLE_LINES = 5
MAX_TITLE_LINE = 120
_YEAR_RE = re.compile(r"\b(20\d{2}|19\d{2})\b")
# A span of years (`2020-2024`, `2019 s.d. 2023`) names a plan's period, not the year of its targets.
_YEAR_SPAN_RE = re.compile(r"\b(?:19|20)\d{2}\s*(?:[-–—/]|s\.?\s?d\.?|sampai(?:\s+dengan)?)\s*(?:19|20)\d{2}\b", re.I)
_YEAR_PHRASE_RE = re.compile(
    r"\s*\b(?:TAHUN(?:\s+ANGGARAN)?|TA\.?)\s+(?:20|19)\d{2}\b\s*|\s+(?:20|19)\d{2}\s*$", re.IGNORECASE
)


def _block(lines: list[str]) -> list[str]:
    block: list[str] = []
    for line in reversed([" ".join(line.split()) for line in lines if line.strip()]):
        if len(line) > MAX_TITLE_LINE or len(block) == MAX_TITLE_LINES:
            break
        block.insert(0, line)
    return block


def title_year(lines: list[str]) -> int | None:
    """The year of the document's targets, from the title lines (not a plan's span of years)."""
    for line in _block(lines):
        if _YEAR_SPAN_RE.search(line):
            return None
        m = _YEAR_RE.search(line)
        if m:
            return int(m.group(1))
    return None


def split_title(lines: list[str]) -> tuple[str | None, str | None, int | None]:
    """judul, instansi and tahun from the lines above the table."""
    block = _block(lines)
    if not block:
        return None, None, None
    tahun = title_year(lines)
    judul_at = next((i for i, line in enumerate(block) if _TITLE_WORDS_RE.search(line)), 0)
    judul = _YEAR_PHRASE_RE.sub(" ", block[judul_at]).strip() or None
    rest = []
    for i, line in enumerate(block):
        if i == judul_at:
            continue
        stripped = _YEAR_PHRASE_RE.sub(" ", line).strip()
        if stripped and not _YEAR_RE.fullmatch(stripped):
            rest.append(stripped)
    instansi = " ".join(rest) or None
    return judul, instansi, tahun
