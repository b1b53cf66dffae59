"""The IKU table inside a grid: title block, header and column roles, group rows, sasaran rows, budget."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .grid import Cell, Grid, Row, anchor_index, join_lines

# A header cell is a short label; longer text is data.
MAX_HEADER_CELL = 60
_HEADER_UNIT_RE = re.compile(r"\((%|persen|[A-Za-z][A-Za-z ]{0,15})\)\s*$", re.IGNORECASE)
_NO_RE = re.compile(r"^(?:NO|NO\.|NOMOR|NO\s*URUT|NMR)$")
_NUMBERED_RE = re.compile(r"^\(?(\d{1,3})[.)]?\)?(?:\s|$)")
_GROUP_LABEL_RE = re.compile(r"^(?:[IVXLC]+|[A-Z])[.)]?$")
_GROUP_WORDS_RE = re.compile(
    r"^(?:[IVX]+\.?\s+|[A-Z][.)]\s+)?(?:DIVISI|BIDANG|BAGIAN|SEKSI|SUB\s?BIDANG|SUB\s?BAG(?:IAN)?|SEKRETARIAT"
    r"|KESEKRETARIATAN|KEPANITERAAN|SASARAN\s+(?:STRATEGIS|PROGRAM|KEGIATAN)|PROGRAM\s|KEGIATAN\s)",
    re.IGNORECASE,
)
_SEPARATOR_RE = re.compile(r"^[-=_.*~|+\s]*$")
_NUMBER_CELL_RE = re.compile(r"^\(?\d{1,3}[.)]?\)?$")
_COLUMN_NUMBERS_RE = re.compile(r"^\(?(\d{1,2})\)?$")
_END_RE = re.compile(
    r"^(?:PIHAK\s+(?:PERTAMA|KEDUA)|Mengetahui|Menyetujui|NIP[.:\s]|Ditetapkan\s+di"
    r"|[A-Z][a-zA-Z]+(?:\s[A-Z][a-zA-Z]+)?,\s*\d{1,2}\s+[A-Za-z]+\s+\d{4})",
)
_TITLE_WORDS_RE = re.compile(
    r"INDIKATOR\s+KINERJA|PERJANJIAN\s+KINERJA|RENCANA\s+KINERJA|PENETAPAN\s+KINERJA|\bIKU\b|\bRKT\b",
    re.IGNORECASE,
)
# The title block is the few short lines right above the table; a paragraph of prose ends it.
MAX_TITLE_LINES = 5
MAX_TITLE_LINE = 120
_YEAR_RE = re.compile(r"\b(20\d{2}|19\d{2})\b")
_YEAR_PHRASE_RE = re.compile(
    r"\s*\b(?:TAHUN(?:\s+ANGGARAN)?|TA\.?)\s+(?:20|19)\d{2}\b\s*|\s+(?:20|19)\d{2}\s*$", re.IGNORECASE
)
_BUDGET_HEADER_RE = re.compile(r"\bANGGARAN\b|\bPAGU\b", re.IGNORECASE)
_BUDGET_SUBJECT_RE = re.compile(r"PROGRAM|KEGIATAN|URAIAN", re.IGNORECASE)
_TOTAL_RE = re.compile(r"^(?:JUMLAH|TOTAL)\b", re.IGNORECASE)
_MONEY_RE = re.compile(r"^(?:Rp\.?\s*)?\d{1,3}(?:[.,]\d{3})*(?:,\d{1,2}|\.\d{2})?(?:\s*,-)?$|^(?:Rp\.?\s*)?\d+$", re.I)


@dataclass
class Columns:
    """Which column holds what, by index; `lain` maps other headers (PENANGGUNG JAWAB, TW I) to theirs."""

    indikator: int
    no: int | None = None
    sasaran: int | None = None
    target: int | None = None
    satuan: int | None = None
    lain: dict[str, int] = field(default_factory=dict)
    satuan_target: str | None = None  # a unit written in the TARGET header: `TARGET (%)`


@dataclass
class Segment:
    """The indicator, target and unit cells of one table row (or of rows stitched into one)."""

    indikator: Cell
    target: Cell
    satuan: Cell
    lain: dict[str, Cell]
    page: int | None
    line: int | None


@dataclass
class Entry:
    """One sasaran as it stands in the table, before its cells are read as indicators and targets."""

    nomor: int | None
    kelompok: str | None
    sasaran: Cell
    segments: list[Segment]
    page: int | None
    line: int | None


@dataclass
class BudgetRow:
    uraian: str
    teks: str
    page: int | None
    line: int | None


@dataclass
class Table:
    title: list[str]
    entries: list[Entry]
    budget: list[BudgetRow]
    budget_total: BudgetRow | None


def column_role(header: str) -> str:
    """What a header cell names: no, sasaran, indikator, target, satuan, or another column (lain)."""
    role = _role(" ".join(header.upper().split()))
    if role == "lain":
        # A narrow column breaks a header word over lines (`SASARA` / `N`, `N` / `O`).
        role = _role("".join(header.upper().split()))
    return role


def _role(text: str) -> str:
    if _NO_RE.match(text):
        return "no"
    if len(text) > MAX_HEADER_CELL:
        return "lain"
    if text.startswith("INDIKATOR") or text in ("IKU", "IKK", "IKP"):
        return "indikator"
    if text.startswith("TARGET"):
        return "target"
    if text.startswith("SATUAN"):
        return "satuan"
    if text.startswith(("SASARAN", "TUJUAN")) or text in ("PROGRAM", "KEGIATAN", "PROGRAM/KEGIATAN"):
        return "sasaran"
    return "lain"


def header_columns(row: Row) -> Columns | None:
    """Column roles when the row is an IKU table header (an INDIKATOR column and a SASARAN or TARGET one)."""
    roles: dict[str, int] = {}
    lain: dict[str, int] = {}
    filled = [t for t in row.texts() if t]
    if filled and _number(filled[0]) is not None:
        return None  # a row that starts with a sasaran number or code holds data
    for index, text in enumerate(row.texts()):
        if not text:
            continue
        if _NUMBERED_RE.match(text) and len(text) <= 4:
            return None
        role = column_role(text)
        if role == "sasaran" and "sasaran" in roles and text.upper().startswith("SASARAN"):
            # `TUJUAN | SASARAN …`: the sasaran column is the one that says so; TUJUAN becomes another column.
            earlier = roles["sasaran"]
            lain.setdefault(row.texts()[earlier].lower(), earlier)
            roles["sasaran"] = index
        elif role == "lain":
            lain.setdefault(text.lower(), index)
        else:
            roles.setdefault(role, index)
    if "indikator" not in roles or not ({"sasaran", "target"} & roles.keys()):
        return None
    unit = _HEADER_UNIT_RE.search(row.texts()[roles["target"]]) if "target" in roles else None
    return Columns(
        indikator=roles["indikator"],
        no=roles.get("no"),
        sasaran=roles.get("sasaran"),
        target=roles.get("target"),
        satuan=roles.get("satuan"),
        lain=lain,
        satuan_target=("%" if unit.group(1).lower() in ("%", "persen") else unit.group(1)) if unit else None,
    )


def is_table_header(row: Row) -> bool:
    return header_columns(row) is not None


def guessed_columns(rows: list[Row]) -> Columns | None:
    """For pasted rows without a header: NO | SASARAN | INDIKATOR | TARGET when rows are shaped so."""
    numbered = [r for r in rows if len(r.filled()) >= 3 and _NUMBERED_RE.match(r.cell(0).text)]
    if len(numbered) < 1:
        return None
    width = max(len(r.cells) for r in numbered)
    if width == 4:
        return Columns(no=0, sasaran=1, indikator=2, target=3)
    return None


def _is_budget_header(row: Row) -> bool:
    texts = [t for t in row.texts() if t]
    return (
        len(texts) >= 2
        and any(_BUDGET_HEADER_RE.search(t) for t in texts)
        and any(_BUDGET_SUBJECT_RE.search(t) for t in texts)
        and "INDIKATOR" not in " ".join(texts).upper()
    )


_HEADER_LABEL_RE = re.compile(r"^[A-Z][A-Z .()/&-]*(?: [IVX]+| \d{4})?$")


def _is_header_continuation(row: Row) -> bool:
    """A second header row (`TW I | TW II | …`, `(Rp) | TAHUN 2024`): short capital labels only."""
    texts = [t for t in row.texts() if t]
    return (
        bool(texts)
        and all(len(t) <= 25 and _HEADER_LABEL_RE.match(t) for t in texts)
        and not any(_GROUP_WORDS_RE.match(t) for t in texts)
    )


def _is_separator(row: Row) -> bool:
    return all(_SEPARATOR_RE.match(text) for text in row.texts())


def _is_column_numbers(row: Row) -> bool:
    """A row `1 2 3 4` or `(1) (2) (3) (4)` numbering the columns under the header."""
    found = [_COLUMN_NUMBERS_RE.match(t) for t in row.texts() if t]
    if len(found) < 3 or not all(found):
        return False
    numbers = [int(m.group(1)) for m in found if m]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _group_text(row: Row, columns: Columns) -> str | None:
    """The heading of a group row (`DIVISI ADMINISTRASI`), or None when the row holds data."""
    filled = row.filled()
    texts = row.texts()
    if not filled:
        return None
    data_columns = {c for c in (columns.indikator, columns.target) if c is not None}
    if data_columns & set(filled) and not any(row.cells[i].colspan > 1 for i in filled[:1]):
        return None
    first = filled[0]
    text = texts[first]
    if len(filled) == 1:
        if _NUMBERED_RE.match(text) and len(text) <= 4:
            return None
        if first == (columns.no if columns.no is not None else -1) or row.cells[first].colspan > 1:
            return text
        if len(row.cells) == 1 or _GROUP_WORDS_RE.match(text):
            return text
        return None
    # `I | DIVISI ADMINISTRASI` or `A. | SASARAN PROGRAM`: a label and a heading, no indicator.
    if len(filled) == 2 and _GROUP_LABEL_RE.match(text) and not (data_columns & set(filled)):
        return texts[filled[1]]
    return None


ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
    "XI": 11,
    "XII": 12,
    "XIII": 13,
    "XIV": 14,
    "XV": 15,
}
_CODE_RE = re.compile(r"^[A-Za-z]{0,5}[.\-\s]?(\d{1,3})[.)]?$")


def _number(text: str) -> int | None:
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


def _is_code(text: str) -> bool:
    """A NO cell's content: a short number or code, not a sentence."""
    return bool(text) and len(text) <= 12 and " " not in text.strip()


def _segment(row: Row, columns: Columns) -> Segment:
    satuan = row.cell(columns.satuan)
    if satuan.empty and columns.satuan_target:
        satuan = Cell([columns.satuan_target])
    return Segment(
        indikator=row.cell(columns.indikator),
        target=row.cell(columns.target),
        satuan=satuan,
        lain={name: row.cell(index) for name, index in columns.lain.items() if not row.cell(index).empty},
        page=row.page,
        line=row.line,
    )


def _stitch(segment: Segment, more: Segment) -> None:
    segment.indikator.extend(more.indikator)
    segment.target.extend(more.target)
    segment.satuan.extend(more.satuan)
    for name, cell in more.lain.items():
        segment.lain.setdefault(name, Cell([], [])).extend(cell)


def find_table(grid: Grid) -> Table:
    """Find the IKU table in the grid and sort its rows into sasaran entries, groups and budget rows."""
    rows = grid.rows
    header_at = None
    columns = None
    for index, row in enumerate(rows):
        columns = header_columns(row)
        if columns is not None:
            header_at = index
            break
    if columns is None or header_at is None:
        columns = guessed_columns(rows)
        if columns is None:
            return Table([], [], [], None)
        header_at = next(i for i, r in enumerate(rows) if len(r.filled()) >= 3) - 1

    before = rows[: max(header_at, 0)]
    kelompok = None
    if before and _pre_header_group(before[-1]):
        kelompok = before[-1].texts()[before[-1].filled()[0]]
        before = before[:-1]
    title = [line for row in before for cell in row.cells for line in cell.lines if line.strip()]
    year = split_title(title)[2]
    if columns.target is None and year is not None and str(year) in columns.lain:
        # A Renstra-style matrix (2021 | 2022 | 2023): the title's year is the target column.
        columns.target = columns.lain.pop(str(year))

    entries: list[Entry] = []
    budget: list[BudgetRow] = []
    budget_total: BudgetRow | None = None
    in_budget = False
    after_break = False
    last_header = True
    last_page = rows[header_at].page if header_at >= 0 else None
    for original in rows[header_at + 1 :]:
        row, ended = _cut_at_end(original)
        if ended and not row.filled():
            break
        if not row.filled() or _is_separator(row):
            continue
        if row.page != last_page:
            after_break = True
            last_page = row.page
        if _is_budget_header(row):
            in_budget = True
            continue
        if in_budget:
            found = _budget_rows(row)
            if not found and budget:
                in_budget = False
            for item in found:
                if _TOTAL_RE.match(item.uraian):
                    budget_total = item
                    in_budget = False
                    break
                budget.append(item)
            continue
        if header_columns(row) is not None:
            after_break = True
            last_header = True
            continue
        if last_header and _is_header_continuation(row):
            continue
        last_header = False
        if _is_column_numbers(row):
            continue
        group = _group_text(row, columns)
        if group is not None:
            kelompok = group
            after_break = False
            continue
        nomor_text = row.cell(columns.no).text if columns.no is not None else ""
        sasaran_cell = row.cell(columns.sasaran)
        nomor = _number(nomor_text) if nomor_text else None
        segment = _segment(row, columns)
        coded = nomor is not None or _is_code(nomor_text)
        # A sasaran text with no number starts a sasaran of its own, except where a page break cut a row:
        # then it is the rest of the row above.
        starts_entry = (
            not entries
            or (coded and not sasaran_cell.empty)
            or (not coded and not sasaran_cell.empty and not after_break)
        )
        if starts_entry:
            entries.append(Entry(nomor, kelompok, sasaran_cell, [segment], row.page, row.line))
        else:
            entry = entries[-1]
            if not sasaran_cell.empty:
                entry.sasaran.extend(sasaran_cell)
            if after_break or (segment.indikator.empty and not segment.target.empty):
                _stitch(entry.segments[-1], segment)
            elif not segment.indikator.empty or not segment.target.empty:
                entry.segments.append(segment)
        after_break = False
        if ended:
            break
    return Table(title, entries, budget, budget_total)


def _cut_at_end(row: Row) -> tuple[Row, bool]:
    """The row without any line from the signature block on (a date and place, PIHAK PERTAMA, NIP)
    that ran on into it, and whether the table ends there."""
    end_top = None
    for cell in row.cells:
        for text, top in cell.numbered_lines():
            if _END_RE.match(text) and top is not None and (end_top is None or top < end_top):
                end_top = top
    if end_top is None:
        return row, bool(_END_RE.match(" ".join(t for t in row.texts() if t)))
    cells = []
    for cell in row.cells:
        kept = [(text, top) for text, top in cell.numbered_lines() if top is not None and top < end_top]
        cells.append(Cell([t for t, _ in kept], [top for _, top in kept], cell.colspan, cell.rowspan))
    return Row(cells, row.page, row.line), True


def _pre_header_group(row: Row) -> bool:
    """A group heading set just above the header (the seed's `DIVISI ADMINISTRASI`)."""
    filled = row.filled()
    if len(filled) != 1:
        return False
    text = row.texts()[filled[0]]
    return (len(row.cells) > 1 and filled[0] == 0) or bool(_GROUP_WORDS_RE.match(text))


def _budget_rows(row: Row) -> list[BudgetRow]:
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


def split_title(lines: list[str]) -> tuple[str | None, str | None, int | None]:
    """judul, instansi and tahun from the lines above the table."""
    block: list[str] = []
    for line in reversed([" ".join(line.split()) for line in lines if line.strip()]):
        if len(line) > MAX_TITLE_LINE or len(block) == MAX_TITLE_LINES:
            break
        block.insert(0, line)
    if not block:
        return None, None, None
    tahun = None
    for line in block:
        m = _YEAR_RE.search(line)
        if m:
            tahun = int(m.group(1))
            break
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
