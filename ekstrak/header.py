"""The table's header: where it stands (one row or several), each column's name, and each column's role."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .grid import Cell, Row

# A header cell is a short label; longer text is data.
MAX_HEADER_CELL = 100
# A header stands over at most this many rows (a spanning `TARGET` over `2023 | 2024`, a third row of units).
MAX_HEADER_ROWS = 3
_HEADER_UNIT_RE = re.compile(r"\((%|persen|[A-Za-z][A-Za-z ]{0,15})\)\s*$", re.IGNORECASE)
_NO_RE = re.compile(r"^(?:NO|NO\.|NOMOR|NO\s*URUT|NMR|NO\s*\.)$")
_NUMBERED_RE = re.compile(r"^\(?(\d{1,3})[.)]?\)?(?:\s|$)")
_HEADER_LABEL_RE = re.compile(r"^[A-Z0-9][A-Z0-9 .,()/&%:-]*$")
_YEAR_RE = re.compile(r"\b((?:19|20)\d{2})\b")
_MONEY_RE = re.compile(r"\b(?:RP\.?|\(RP\)|ANGGARAN|PAGU|DANA)\s*$", re.IGNORECASE)
# Sub-columns of a target that give the whole year's figure (the others are quarters or semesters).
_ANNUAL_RE = re.compile(r"^(?:Y|TAHUNAN|SETAHUN|AKHIR\s+TAHUN|TAHUN)$")
_GROUP_WORDS_RE = re.compile(
    r"^(?:[IVX]+\.?\s+|[A-Z][.)]\s+)?(?:DIVISI|BIDANG|BAGIAN|SEKSI|SUB\s?BIDANG|SUB\s?BAG(?:IAN)?|SEKRETARIAT"
    r"|KESEKRETARIATAN|KEPANITERAAN|SASARAN\s+(?:STRATEGIS|PROGRAM|KEGIATAN)|PROGRAM\s|KEGIATAN\s)",
    re.IGNORECASE,
)

# Roles whose columns end up in an indicator's kolom_lain under a fixed name, whatever the header says.
FIXED_NAMES = {"realisasi": "realisasi", "capaian": "capaian", "predikat": "predikat"}


def _role(text: str) -> str:
    """What a header names, from its words: no, kode, sasaran, indikator, target, satuan, realisasi,
    capaian, predikat, or lain (any other column: penanggung jawab, sumber data, formulasi, TW I …)."""
    if _NO_RE.match(text):
        return "no"
    if len(text) > MAX_HEADER_CELL:
        return "lain"
    if re.match(r"^(?:KODE|KD\.?)\b", text):
        return "kode"
    if text.startswith("REALISASI"):
        return "realisasi"
    if re.match(r"^(?:%\s*|PERSENTASE\s+|PROSENTASE\s+|TINGKAT\s+)?CAPAIAN\b", text):
        return "capaian"
    if re.match(r"^(?:PREDIKAT|KATEGORI|KRITERIA|STATUS\s+CAPAIAN)\b", text):
        return "predikat"
    if re.match(r"^(?:INDIKATOR|URAIAN\s+INDIKATOR|IKU|IKK|IKP|IKSS|IKSP)\b", text) or re.match(
        r"^SASARAN\b.{0,30}/\s*INDIKATOR\b", text
    ):
        return "indikator"
    if text.startswith("TARGET"):
        return "target"
    if text.startswith("SATUAN"):
        return "satuan"
    if text.startswith(("SASARAN", "TUJUAN")) or text in ("PROGRAM", "KEGIATAN", "PROGRAM/KEGIATAN"):
        return "sasaran"
    return "lain"


def column_role(header: str) -> str:
    """The role of a column from its header text (see `_role`)."""
    folded = " ".join(header.upper().split())
    role = _role(folded)
    if role == "lain":
        # A narrow column breaks a header word over lines (`SASARA` / `N`, `N` / `O`).
        role = _role("".join(header.upper().split()))
    return role


@dataclass
class Columns:
    """Which column holds what, by index; `lain` maps other headers (PENANGGUNG JAWAB, TW I) to theirs."""

    indikator: int | None
    no: int | None = None
    sasaran: int | None = None
    target: int | None = None
    satuan: int | None = None
    kode: int | None = None  # an indicator's code (1.1, IKU 1, SS.1 beside the indicator)
    kode_sasaran: int | None = None  # a sasaran's code in a column of its own before the sasaran
    no_indikator: int | None = None  # an indicator's list number in a cell of its own
    lain: dict[str, int] = field(default_factory=dict)
    satuan_target: str | None = None  # a unit written in the TARGET header: `TARGET (%)`

    def data(self) -> set[int]:
        """The columns that hold an indicator's data (its text, number, code and target)."""
        found = (self.indikator, self.target, self.no_indikator, self.kode)
        return {c for c in found if c is not None}


@dataclass
class Header:
    """Where the header stands in the grid (first and last row) and its columns."""

    start: int
    end: int
    names: list[str]
    columns: Columns


def _implied_spans(rows: list[Row]) -> list[Row]:
    """Where the reader knows no merged cells (a borderless print), a label standing over a run of labels
    in the row below, with nothing beside it, spans that run (`Target` centred over `2020 … 2024`)."""
    if len(rows) < 2 or any(cell.colspan > 1 for row in rows for cell in row.cells):
        return rows
    out = [rows[-1]]
    for upper in reversed(rows[:-1]):
        lower = out[0]
        cells = [replace(cell) for cell in upper.cells]
        width = len(cells)
        for column, cell in enumerate(upper.cells):
            if cell.empty or lower.cell(column).empty:
                continue
            left = column
            while left > 0 and upper.cells[left - 1].empty and not lower.cell(left - 1).empty:
                left -= 1
            right = column
            while right + 1 < width and upper.cells[right + 1].empty and not lower.cell(right + 1).empty:
                right += 1
            if right > left:
                cells[left] = replace(cell, colspan=right - left + 1)
                for covered in range(left + 1, right + 1):
                    cells[covered] = Cell()
                if column != left:
                    cells[column] = Cell()
        out.insert(0, replace(upper, cells=cells))
    return out


def compose_names(rows: list[Row]) -> list[str]:
    """Each column's header text, the rows of a header stacked: a cell spanning columns names each of
    them (`TARGET` over `2023 | 2024` gives `TARGET 2023`, `TARGET 2024`)."""
    rows = _implied_spans(rows)
    width = max(len(row.cells) for row in rows)
    names: list[list[str]] = [[] for _ in range(width)]
    for row in rows:
        column = 0
        while column < len(row.cells):
            cell = row.cells[column]
            text = cell.text
            span = max(1, cell.colspan)
            for covered in range(column, min(width, column + span)):
                if text and (not names[covered] or names[covered][-1] != text):
                    names[covered].append(text)
            column += span
    return [" ".join(parts) for parts in names]


def _unit_of(name: str) -> str | None:
    found = _HEADER_UNIT_RE.search(name)
    if not found:
        return None
    unit = found.group(1)
    return "%" if unit.lower() in ("%", "persen") else unit


def _pick_target(candidates: list[int], names: list[str], year: int | None) -> int | None:
    """The target column among several (`TARGET 2023 | TARGET 2024`, `Q1 … Y`): the document's year,
    else the one annual sub-column, else a lone plain `TARGET`; None when the document does not say."""
    if len(candidates) == 1:
        return candidates[0]
    if year is not None:
        # `TAHUN 2022: Target | Rp`: the year's target, not its money.
        dated = [c for c in candidates if str(year) in _YEAR_RE.findall(names[c]) and not _MONEY_RE.search(names[c])]
        if len(dated) == 1:
            return dated[0]
    tails = {c: names[c].upper().split()[-1] if names[c].split() else "" for c in candidates}
    annual = [c for c in candidates if _ANNUAL_RE.match(tails[c])]
    if len(annual) == 1:
        return annual[0]
    plain = [c for c in candidates if " ".join(names[c].upper().split()) == "TARGET"]
    return plain[0] if len(plain) == 1 else None


def _sasaran_rank(name: str) -> int:
    """Which of several sasaran-like columns holds the sasaran: one that says SASARAN (first word best),
    then PROGRAM or KEGIATAN, then TUJUAN."""
    words = name.upper().replace("/", " ").split()
    if words[:1] == ["SASARAN"]:
        return 3
    if "SASARAN" in words:
        return 2
    return 1 if words[:1] in (["PROGRAM"], ["KEGIATAN"], ["PROGRAM/KEGIATAN"]) else 0


def columns_from_names(names: list[str], year: int | None = None) -> Columns | None:
    """Column roles from the composed header names; None unless it is an IKU table header (an
    INDIKATOR column and a SASARAN, TARGET or SATUAN one)."""
    by_role: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        if name:
            by_role.setdefault(column_role(name), []).append(index)
    if "indikator" not in by_role or not ({"sasaran", "target", "satuan"} & by_role.keys()):
        return None
    lain: dict[str, int] = {}
    sasaran = by_role.get("sasaran", [])
    if len(sasaran) > 1:
        # `TUJUAN | SASARAN …`: the sasaran column is the one that says so; the others are other columns.
        chosen = max(sasaran, key=lambda c: (_sasaran_rank(names[c]), c))
        for c in sasaran:
            if c != chosen:
                lain.setdefault(names[c].lower(), c)
        sasaran = [chosen]
    targets = by_role.get("target", [])
    if not targets and year is not None:
        # A Renstra-style matrix (2021 | 2022 | 2023): the title's year is the target column.
        targets = [c for c in by_role.get("lain", []) if _YEAR_RE.findall(names[c]) == [str(year)]]
        targets = [c for c in targets if len(names[c].split()) <= 2]
        for c in targets:
            by_role["lain"].remove(c)
    target = _pick_target(targets, names, year) if targets else None
    for c in targets:
        if c != target:
            lain.setdefault(" ".join(names[c].lower().split()), c)
    for role, name in FIXED_NAMES.items():
        for c in by_role.get(role, [])[:1]:
            lain.setdefault(name, c)
    for c in by_role.get("lain", []):
        lain.setdefault(" ".join(names[c].lower().split()), c)
    indikator = by_role["indikator"]
    kode = by_role.get("kode", [])
    return Columns(
        indikator=indikator[-1],
        no=by_role.get("no", [None])[0],
        sasaran=sasaran[0] if sasaran else None,
        target=target,
        satuan=by_role.get("satuan", [None])[0],
        kode=kode[-1] if kode else None,
        kode_sasaran=kode[0] if len(kode) > 1 and sasaran and kode[0] < sasaran[0] else None,
        no_indikator=indikator[0] if len(indikator) > 1 else None,
        lain=lain,
        satuan_target=_unit_of(names[target]) if target is not None else None,
    )


ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
ROMAN.update({"XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15})
_CODE_RE = re.compile(r"^[A-Za-z]{0,5}[.\-\s]?(\d{1,3})[.)]?$")


def number_of(text: str) -> int | None:
    """The sasaran number in a NO cell: `1`, `1.`, `(1)`, `I`, `SS.1`, `S-2`; None for anything else."""
    text = text.strip()
    m = _NUMBERED_RE.match(text)
    if m:
        return int(m.group(1))
    roman = ROMAN.get(text.rstrip(".").upper())
    if roman is not None:
        return roman
    m = _CODE_RE.match(text)
    return int(m.group(1)) if m else None


def _number(text: str) -> bool:
    return bool(_NUMBERED_RE.match(text)) and len(text) <= 4


def header_columns(row: Row, year: int | None = None) -> Columns | None:
    """Column roles when this one row is an IKU table header."""
    filled = [t for t in row.texts() if t]
    if not filled or any(_number(t) for t in filled) or number_of(filled[0]) is not None:
        return None  # a row that starts with a sasaran number, or holds column numbers, is data
    return columns_from_names(compose_names([row]), year)


def is_table_header(row: Row) -> bool:
    return header_columns(row) is not None


def is_header_continuation(row: Row) -> bool:
    """A further header row (`TW I | TW II | …`, `(Rp) | TAHUN 2024`, `2020 | 2021`): short labels only."""
    texts = [t for t in row.texts() if t]
    return (
        bool(texts)
        and all(len(t) <= 25 and _HEADER_LABEL_RE.match(t.upper()) and not _number(t) for t in texts)
        and not any(_GROUP_WORDS_RE.match(t) for t in texts)
        and sum(1 for t in texts if t.upper() != t) <= len(texts) // 2 + 1
    )


def _spanning(row: Row) -> set[int]:
    """The columns a cell spanning several columns stands over (beyond its first)."""
    out: set[int] = set()
    for index, cell in enumerate(row.cells):
        out.update(range(index, index + cell.colspan) if cell.colspan > 1 else ())
    return out


def _under_header(header: list[Row], row: Row) -> bool:
    """Whether a row can be a further header row: its labels stand under header cells that span several
    columns, or (where the reader knows no spans) it leaves the indicator's and sasaran's columns empty."""
    spans = _spanning(header[-1])
    filled = set(row.filled())
    if row.one_across():
        return False  # a group heading (`TUJUAN`)
    if spans:
        texts = [row.cells[c].text for c in filled]
        return filled <= spans and all(len(t) <= MAX_HEADER_CELL and not _number(t) for t in texts)
    first = header_columns(header[0])
    named = {c for c in (first.indikator, first.sasaran) if c is not None} if first else set()
    # a label centred over the labels below it (`Indikator` over `No | Deskripsi`) names both
    return not (filled & named - _spanning(_implied_spans([*header, row])[-2]))


def find_header(rows: list[Row], year_of=None) -> Header | None:
    """The first IKU header in the rows, with the further header rows under it stacked into its names.
    `year_of(index)` gives the document's year from the lines above a row (for Renstra year columns)."""
    for index, row in enumerate(rows):
        if header_columns(row) is None:
            continue
        end = index
        while (
            end + 1 < len(rows)
            and end - index + 1 < MAX_HEADER_ROWS
            and _under_header(rows[index : end + 1], rows[end + 1])
            and (_spanning(rows[end]) or is_header_continuation(rows[end + 1]))
        ):
            end += 1
        names = compose_names(rows[index : end + 1])
        year = year_of(index) if year_of else None
        columns = columns_from_names(names, year)
        if columns is not None:
            return Header(index, end, names, columns)
    return None
