"""The budget block of a Perjanjian Kinerja: `Program/Kegiatan | Anggaran (Rp)` rows and their total."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .grid import Row, anchor_index, join_lines

_BUDGET_HEADER_RE = re.compile(r"^(?:JUMLAH\s+|TOTAL\s+|NILAI\s+)?(?:ANGGARAN|PAGU)\b", re.IGNORECASE)
_BUDGET_SUBJECT_RE = re.compile(r"^(?:NO\.?\s+)?(?:PROGRAM|KEGIATAN|URAIAN|SUB\s?KEGIATAN)\b", re.IGNORECASE)
# The labels of a budget header are short.
MAX_LABEL = 40
TOTAL_RE = re.compile(r"^(?:JUMLAH|TOTAL)\b", re.IGNORECASE)
_MONEY_RE = re.compile(r"^(?:Rp\.?\s*)?\d{1,3}(?:[.,]\d{3})*(?:,\d{1,2}|\.\d{2})?(?:\s*,-)?$|^(?:Rp\.?\s*)?\d+$", re.I)
_NUMBER_CELL_RE = re.compile(r"^\(?\d{1,3}[.)]?\)?$")


@dataclass
class BudgetRow:
    uraian: str
    teks: str
    page: int | None
    line: int | None


def is_budget_header(row: Row) -> bool:
    texts = [t for t in row.texts() if t]
    return (
        len(texts) >= 2
        and all(len(t) <= MAX_LABEL for t in texts)
        and any(_BUDGET_HEADER_RE.search(t) for t in texts)
        and any(_BUDGET_SUBJECT_RE.search(t) for t in texts)
        and "INDIKATOR" not in " ".join(texts).upper()
    )


def budget_rows(row: Row) -> list[BudgetRow]:
    """Budget rows in a table row: uraian and amount; a row holding several amounts (a JUMLAH line
    run on below the last kegiatan) gives one row per amount, split where each amount stands."""
    filled = row.filled()
    if len(filled) < 2:
        return []
    amounts = [(line.strip(), top) for line, top in row.cells[filled[-1]].numbered_lines()]
    if not all(_MONEY_RE.match(text) for text, _ in amounts):
        return []
    words: list[tuple[float | None, int, str]] = []
    for column in filled[:-1]:
        cell = row.cells[column]
        if column == filled[0] and _NUMBER_CELL_RE.match(cell.text):
            continue
        words.extend((top, column, text) for text, top in cell.numbered_lines())
    if not words:
        return []
    tops = [top for _, top in amounts if top is not None]
    groups: list[list[str]] = [[] for _ in amounts]
    if len(tops) < len(amounts) or any(top is None for top, _, _ in words):
        if len(amounts) != 1:
            return []
        groups[0] = [text for _, _, text in words]
    else:
        for top, _, text in sorted(words, key=lambda w: (w[0] or 0.0, w[1])):
            groups[anchor_index(top or 0.0, tops)].append(text)
    return [
        BudgetRow(join_lines(group), text, row.page, row.line) for group, (text, _) in zip(groups, amounts) if group
    ]
