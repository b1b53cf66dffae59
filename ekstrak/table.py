"""The IKU table inside a grid: the header found, columns given roles, rows sorted into sasaran entries,
group rows and the budget block."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from .budget import TOTAL_RE, BudgetRow, budget_rows, is_budget_header
from .grid import Cell, Grid, Row
from .header import _GROUP_WORDS_RE, Columns, Header, find_header, header_columns, number_of
from .kamus import kata
from .roles import HEADERLESS, assigned_columns, guess_header, refine
from .runon import RunOn, run_on
from .title import title_year
from .words import COMMON, continues_word, join_pieces

_NUMBERED_RE = re.compile(r"^\(?(\d{1,3})[.)]?\)?(?:\s|$)")
_GROUP_LABEL_RE = re.compile(r"^(?:[IVXLC]+|[A-Z])[.)]?$")
UNREAD = (
    'kolom ke-{} berisi data (mis. "{}") tetapi judulnya tidak terbaca, jadi isinya tidak ikut; periksa judul kolomnya'
)
GUESSED = (
    "sasaran ini tidak bernomor dan baris pertamanya bisa juga lanjutan sasaran di atasnya (selnya bersambung "
    "di teks ini), jadi batas antarsasaran ditebak; periksa uraian sasaran ini dan sasaran di atasnya"
)
UNSURE_BREAK = (
    "halaman {}: baris pertamanya dibaca sebagai indikator baru, tetapi bisa juga lanjutan indikator terakhir "
    'halaman sebelumnya yang terpotong pindah halaman ("{}"); periksa kedua indikator itu'
)
# A target's value (not a year, which labels a header's further row): `0,29`, `80%`, `3 Dokumen`.
_VALUE_RE = re.compile(r"^(?!(?:19|20)\d\d$)[<>≤≥]?\s?\d[\d.,]*\s?%?(?:\s\w+)?$")
_SASARAN_CODE_RE = re.compile(r"^[A-Za-z]+[.\-]?\d+(?:[.\-]\d+)*\.?$")
_CAPITAL_LABEL_RE = re.compile(r"^[A-Z][A-Z .()/&-]*(?: [IVX]+| \d{4})?$")
_SEPARATOR_RE = re.compile(r"^[-=_.*~|+\s]*$")
_COLUMN_NUMBERS_RE = re.compile(r"^\(?(\d{1,2})\)?$")
_END_RE = re.compile(
    r"^(?:PIHAK\s+(?:PERTAMA|KEDUA)|Mengetahui|Menyetujui|NIP[.:\s]|Ditetapkan\s+di"
    r"|[A-Z][a-zA-Z]+(?:\s[A-Z][a-zA-Z]+)?,\s*\d{1,2}\s+[A-Za-z]+\s+\d{4})",
)
# Rows of a measurement table that sum up the rows above: not indicators.
_SUMMARY_RE = re.compile(
    r"^(?:rata[-\s]?rata(?:\s+capaian)?(?:\s+kinerja)?(?:\s+sasaran)?|jumlah|total"
    r"|capaian\s+(?:rata[-\s]?rata|sasaran|kinerja(?:\s+sasaran)?))\s*:?$",
    re.IGNORECASE,
)
# A code written before a sasaran's or an indicator's text: `SS.1`, `S1.1`, `IKU 2`, `IKSS 1.1`.
_CODE_PREFIX_RE = re.compile(
    r"^((?:IKSS|IKSP|IKSK|IKU|IKK|IKP|SS|SK|SP|ST|S|T)[ .-]?\d{1,2}(?:\.\d{1,2})*\.?"
    r"|\d{1,2}(?:\.\d{1,3}){2,}\.?)\s+(?=[A-Z])"
)

_DIGIT_RE = re.compile(r"\d")
# A header row repeated on a later page as OCR read it: at least this many labels, this share of them
# read alike, and the rest this alike (difflib's ratio: `RP` read `R` is 0.67; at 300 dpi every `Rp` was).
MIN_LABELS = 3
SAME_LABELS = 1 / 2
NEAR_LABEL = 0.6
# A row of at least this many column numbers may have this many of them misread by OCR.
LONG_NUMBERS = 8
MISREAD_NUMBERS = 2


@dataclass
class Segment:
    """The indicator, target and unit cells of one table row (or of rows stitched into one)."""

    indikator: Cell
    target: Cell
    satuan: Cell
    lain: dict[str, Cell]
    page: int | None
    line: int | None
    kode: Cell = field(default_factory=Cell)
    nomor: Cell = field(default_factory=Cell)


@dataclass
class Entry:
    """One sasaran as it stands in the table, before its cells are read as indicators and targets."""

    nomor: int | None
    kelompok: str | None
    sasaran: Cell
    segments: list[Segment]
    page: int | None
    line: int | None
    kode: str | None = None
    guessed: bool = False  # laid-out text: where it starts was guessed (it may be the rest of the one above)


@dataclass
class Table:
    title: list[str]
    entries: list[Entry]
    budget: list[BudgetRow]
    budget_total: BudgetRow | None
    header: Header | None = None
    notes: list[str] = field(default_factory=list)
    headers: set[tuple[int | None, int | None]] = field(default_factory=set)  # (page, line) of header rows


ROWS_NUMBERED = (
    "sasaran yang sama tertulis lagi pada baris dengan nomor lain: kolom NO dibaca sebagai nomor baris "
    "indikator, dan baris-baris itu satu sasaran; periksa bila memang dua sasaran yang uraiannya sama"
)


def is_code(text: str) -> bool:
    """A NO cell's content: a short number or code, not a sentence."""
    return bool(text) and len(text) <= 12 and " " not in text.strip()


def split_code(cell: Cell) -> tuple[str | None, Cell]:
    """A code written before the text (`S1.1 Meningkatnya …`) and the cell without it."""
    if not cell.lines:
        return None, cell
    m = _CODE_PREFIX_RE.match(cell.lines[0].strip())
    if not m:
        return None, cell
    rest = cell.lines[0].strip()[m.end() :]
    return m.group(1).rstrip("."), replace(cell, lines=[rest, *cell.lines[1:]])


def _is_separator(row: Row) -> bool:
    return all(_SEPARATOR_RE.match(text) for text in row.texts())


def is_column_numbers(row: Row) -> bool:
    """A row `1 2 3 4` or `(1) (2) (3) (4)` numbering the columns under the header (its numbers perhaps run
    together in fewer cells, as laid-out text sets them)."""
    found = [_COLUMN_NUMBERS_RE.match(t) for text in row.texts() for t in text.split()]
    if found and all(found) and all(t.startswith("(") for text in row.texts() for t in text.split()):
        return True  # `(1)`, `(2)` … are never data, even where a page shows only some of them
    if len(found) < 3:
        return False
    numbers = [int(m.group(1)) for m in found if m]
    if all(found):
        return numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    tokens = [t for text in row.texts() for t in text.split()]
    return _misread_numbers(numbers, [t for t in tokens if not _COLUMN_NUMBERS_RE.match(t)])


def _misread_numbers(numbers: list[int], others: list[str]) -> bool:
    """A long row of column numbers as OCR read it (`1` read `al`, `7` lost, `11` read `ital`): rising from
    1, at most MISREAD_NUMBERS of them lost or read as a short word."""
    if len(numbers) < LONG_NUMBERS or any(b <= a for a, b in itertools.pairwise(numbers)):
        return False
    lost = numbers[-1] - len(numbers)
    short = all(len(t) <= 4 and not t.isdigit() for t in others)
    return numbers[0] <= 1 + len(others) and len(others) <= MISREAD_NUMBERS and lost <= MISREAD_NUMBERS and short


def group_text(row: Row, columns: Columns) -> str | None:
    """The heading of a group row (`DIVISI ADMINISTRASI`), or None when the row holds data."""
    filled = row.filled()
    texts = row.texts()
    if not filled:
        return None
    data_columns = columns.data()
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
        kode=row.cell(columns.kode),
        nomor=row.cell(columns.no_indikator),
    )


def _stitch(segment: Segment, more: Segment) -> None:
    for name in ("indikator", "target", "satuan", "kode", "nomor"):
        getattr(segment, name).extend(getattr(more, name))
    segment.indikator = join_pieces(segment.indikator)
    for name, cell in more.lain.items():
        segment.lain.setdefault(name, Cell([], [])).extend(cell)
        segment.lain[name] = join_pieces(segment.lain[name])


def _has_data(segment: Segment) -> bool:
    return not segment.target.empty or not segment.satuan.empty or any(not c.empty for c in segment.lain.values())


def _continues(before: Segment, segment: Segment) -> bool:
    """Whether a row at the top of a new page is the rest of the row the page break cut: it has nothing in
    the data columns (target, unit, years …) where the row above has, or its text goes on in lower case."""
    if segment.indikator.empty or (_has_data(before) and not _has_data(segment)):
        return True
    cells = [(before.indikator, segment.indikator), (before.satuan, segment.satuan)]
    if any(
        _cut_word(above, below)
        for above, below in cells + [(before.lain.get(k, Cell()), c) for k, c in segment.lain.items()]
    ):
        return True  # a word the page break cut (`Dokume` / `n`) goes on
    uncoded = before.kode.text and not segment.kode.text and not segment.nomor.text
    if uncoded and not _DIGIT_RE.search(segment.target.text):
        return True  # a coded row's rest: no code, and a target cut from its number (`10` / `Dokumen`)
    if any(continues_word(before.lain.get(name, Cell()), cell) for name, cell in segment.lain.items()):
        return True  # a word of another text column broken by the page break (`Analisi` / `s Data`)
    return segment.indikator.text[:1].islower() and not segment.nomor.text


def _cut_word(above: Cell, below: Cell) -> bool:
    """Whether `below` begins with the rest of a word that `above` ends with (`Dokume` / `n`)."""
    left = above.lines[-1].split()[-1:] if above.lines else []
    right = below.lines[0].split()[:1] if below.lines else []
    if not left or not right or not (left[0].isalpha() and right[0].isalpha()):
        return False
    pieces = {left[0].lower(), right[0].lower()}
    whole = (left[0] + right[0]).lower()
    return (whole in kata() or whole in COMMON) and not pieces <= kata()


def cut_at_end(row: Row) -> tuple[Row, bool]:
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
        cells.append(
            Cell([t for t, _ in kept], [top for _, top in kept], cell.colspan, cell.rowspan, confidence=cell.confidence)
        )
    return Row(cells, row.page, row.line), True


def _pre_header_group(row: Row) -> bool:
    """A group heading set just above the header (the seed's `DIVISI ADMINISTRASI`)."""
    filled = row.filled()
    if len(filled) != 1:
        return False
    text = row.texts()[filled[0]]
    return (len(row.cells) > 1 and filled[0] == 0) or bool(_GROUP_WORDS_RE.match(text))


class Body:
    """The rows under the header, taken one at a time into entries, groups and budget rows."""

    def __init__(self, columns: Columns, kelompok: str | None, page: int | None, mixed: bool) -> None:
        self.columns = columns
        self.header_rows: set[tuple[str, ...]] = set()
        self.header_cells: list[tuple[str, ...]] = []  # the further header rows, column by column
        self.names: list[str] = []
        self.kelompok = kelompok
        self.mixed = mixed
        self.entries: list[Entry] = []
        self.budget: list[BudgetRow] = []
        self.budget_total: BudgetRow | None = None
        self.in_budget = False
        self.after_break = False
        self.last_header = True
        self.last_page = page
        self.spill = False
        self.used = {*assigned_columns(columns), *columns.lain.values()}
        self.unread: dict[int, str] = {}  # columns with data that no header names: their first text
        self.loose = False
        self.last_row: Row | None = None  # the last row read into a sasaran (laid-out text)
        self.width = 0  # the longest line of a sasaran cell so far, in characters
        self.siblings: dict[int, list[int]] = {}  # columns under one header cell, by the one with a role
        self.numbers: tuple[str, ...] = ()  # the row numbering the columns under the first header
        self.bare_numbers = 0  # rows with a number in the NO column beside an empty sasaran cell
        self.pending: tuple[int, Row] | None = None  # the last row, when it may start a sasaran (below)
        self.unsure_breaks: list[tuple[int | None, str]] = []  # rows after a page break that may run on
        self.rows_numbered = False  # the NO column numbers rows (indicators), not sasaran
        self.headers: set[tuple[int | None, int | None]] = set()  # where headers stand, repeated ones too

    def take(self, original: Row) -> bool:
        """Take one row; False when the table has ended (the signature block)."""
        row, ended = cut_at_end(original)
        if ended and not row.filled():
            return False
        if not row.filled() or _is_separator(row):
            return True
        if row.page != self.last_page:
            self.after_break = True
            self.last_page = row.page
        if is_budget_header(row):
            self.in_budget = True
        elif self.in_budget:
            self._budget(row)
        elif header_columns(row) is not None:
            self.after_break = self.last_header = True
            self.spill = bool(self.entries)
            self.headers.add((row.page, row.line))
        elif self._header_again(row):
            self.spill = bool(self.entries)
            self.headers.add((row.page, row.line))
        elif not self._skip(row):
            row, self.spill = (self._without_header_spill(row) if self.spill else row), False
            if row.filled():
                self._data(row)
        return not ended

    def _repeats_header(self, row: Row) -> bool:
        """A further header row repeated on a new page (the same labels as under the first header)."""
        if _folded(row) in self.header_rows or self._misread_header(row):
            return True
        if row.one_across():
            return False  # a group heading (`TUJUAN`)
        texts = [t for t in row.texts() if t]
        return (
            row.cell(self.columns.indikator).empty
            and bool(texts)
            and all(len(t) <= 25 and _CAPITAL_LABEL_RE.match(t) for t in texts)
            and not any(_GROUP_WORDS_RE.match(t) for t in texts)
        )

    def _misread_header(self, row: Row) -> bool:
        """A further header row repeated on a new page as OCR read it there (`Rp` read `R`): the same
        columns filled as in one of the first header's rows, most of them alike, the rest nearly so."""
        texts = _columns_folded(row)
        for cells in self.header_cells:
            if len(cells) != len(texts) or [bool(t) for t in texts] != [bool(c) for c in cells]:
                continue
            pairs = [(t, c) for t, c in zip(texts, cells, strict=True) if t]
            same = sum(t == c for t, c in pairs)
            near = all(SequenceMatcher(None, t, c).ratio() >= NEAR_LABEL for t, c in pairs)
            if len(pairs) >= MIN_LABELS and same >= len(pairs) * SAME_LABELS and near:
                return True
        return False

    def _header_again(self, row: Row) -> bool:
        return (self.last_header and self._repeats_header(row)) or self._header_piece(row)

    def _without_header_spill(self, row: Row) -> Row:
        """The first row under a header repeated on a new page, without the lines of a header cell that
        ran down into it (`KONDISI` above the line, `AWAL` below it)."""
        cells = []
        for c, cell in enumerate(row.cells):
            name = self.names[c] if c < len(self.names) else ""
            kept = [
                i
                for i, line in enumerate(cell.lines)
                if not (name and _CAPITAL_LABEL_RE.match(line.strip()) and f" {line.strip()} " in f" {name} ")
            ]
            if len(kept) == len(cell.lines):
                cells.append(cell)
                continue
            tops = [cell.tops[i] for i in kept] if cell.tops is not None else None
            full = [cell.full[i] for i in kept] if cell.full is not None else None
            cells.append(replace(cell, lines=[cell.lines[i] for i in kept], tops=tops, full=full))
        return replace(row, cells=cells)

    def _header_piece(self, row: Row) -> bool:
        """A piece of the header repeated on a new page (its cells' lines set apart): every cell's text is
        part of its column's header name."""
        texts = [(c, " ".join(cell.text.upper().split())) for c, cell in enumerate(row.cells) if not cell.empty]
        names = self.names
        if not texts or not names:
            return False
        if all(c < len(names) and len(text) >= 2 and text in names[c] for c, text in texts):
            return True
        # At the top of a page, a header broken over more lines than the first page's, its pieces set in
        # other columns: every word of the row is a word of the header.
        words = {word.strip(",.;:()") for name in names for word in name.split()}
        return self.after_break and all(word.strip(",.;:()") in words for _, text in texts for word in text.split())

    def _skip(self, row: Row) -> bool:
        """Rows that are not data: column numbers, a summary, and (before the first sasaran) the short
        labels of a header's further lines."""
        under_header, self.last_header = self.last_header, False
        texts = [t for t in row.texts() if t]
        label_only = (
            under_header
            and not self.entries
            and all(len(t.split()) <= 2 and len(t) <= 20 and not _VALUE_RE.match(t) for t in texts)
            and group_text(row, self.columns) is None
        )
        self.last_header = label_only
        if is_column_numbers(row):
            self.numbers = self.numbers or tuple(row.texts())
            return True
        return self._numbers_again(row) or _is_summary(row, self.columns) or (label_only and not _numbered(row, self))

    def _numbers_again(self, row: Row) -> bool:
        """The column numbers under a header repeated on a new page, one or two of them overrun by a header
        cell's text that ran down into them (`(OUTCOME) D (4 A )N KEGIATAN`)."""
        if not self.spill or not self.numbers:
            return False
        texts = row.texts()
        filled = [c for c, t in enumerate(texts) if t]
        same = [c for c in filled if c < len(self.numbers) and texts[c] == self.numbers[c]]
        overrun = [c for c in filled if c not in same]
        return len(same) >= 3 and len(overrun) <= 2 and all(self._overrun(c, texts[c]) for c in overrun)

    def _overrun(self, column: int, text: str) -> bool:
        """`text` is the column's number with pieces of the column's header name over it, and nothing else."""
        if column >= len(self.numbers) or column >= len(self.names):
            return False
        number = self.numbers[column].strip("()")
        if not number or number not in text:
            return False
        rest = re.sub(r"[\d()]", " ", text.replace(number, " ", 1)).upper().split()
        return all(piece in self.names[column] for piece in rest)

    def _budget(self, row: Row) -> None:
        found = budget_rows(row)
        if not found and self.budget:
            self.in_budget = False
        for item in found:
            if TOTAL_RE.match(item.uraian):
                self.budget_total = item
                self.in_budget = False
                break
            self.budget.append(item)

    def _joined_siblings(self, row: Row) -> Row:
        """The row with the columns under one header cell (`Kode` over four columns `5 | 01 | 01 | 2,01`)
        read as the one of them that has a role."""
        if not self.siblings:
            return row
        cells = list(row.cells)
        for main, group in self.siblings.items():
            parts = [cells[c] for c in group if c < len(cells)]
            if main >= len(cells) or sum(not cell.empty for cell in parts) < 2:
                continue
            joined = Cell([])
            for part in parts:
                joined.extend(part)
            for c in group:
                if c < len(cells):
                    cells[c] = Cell()
            cells[main] = replace(joined, colspan=1)
        return replace(row, cells=cells)

    def _data(self, row: Row) -> None:
        row = self._joined_siblings(row)
        group = group_text(row, self.columns)
        if group is not None and self.columns.sasaran is None and sasaran_heading(group):
            self.heading(group, row)
            return
        if group is not None:
            self.kelompok = group
            self.after_break = False
            return
        if self.mixed:
            self._mixed(row)
        else:
            self._entry_row(row)
        self.after_break = False

    def heading(self, text: str, row: Row | None) -> None:
        """A sasaran written in the heading above its table (a measurement table of an LKjIP)."""
        nomor, kode, uraian = sasaran_heading(text) or (None, None, text)
        page, line = (row.page, row.line) if row is not None else (None, None)
        self.entries.append(Entry(nomor, self.kelompok, Cell([uraian]), [], page, line, kode))
        self.after_break = False

    def _note_unread(self, row: Row) -> None:
        for c, cell in enumerate(row.cells):
            if c not in self.used and cell.colspan == 1 and not cell.empty:
                self.unread.setdefault(c, cell.text)

    def _entry_row(self, row: Row) -> None:
        self._note_unread(row)
        columns = self.columns
        nomor_text = row.cell(columns.no).text if columns.no is not None else ""
        sasaran_cell = row.cell(columns.sasaran)
        if not nomor_text and all(row.cell(c).empty for c in (columns.sasaran, columns.satuan, *columns.data())):
            return  # a row of other columns only (a TUJUAN standing above its sasaran)
        nomor = number_of(nomor_text) if nomor_text else None
        pending, self.pending = self.pending, None
        segment = _segment(row, columns)
        coded = nomor is not None or is_code(nomor_text)
        # A sasaran text with no number starts a sasaran of its own, except where a page break cut a row:
        # then it is the rest of the row above.
        starts_entry = (
            not self.entries
            or (coded and not sasaran_cell.empty)
            or (not coded and not sasaran_cell.empty and not self.after_break and not self._runs_on())
            or (self.loose and split_code(sasaran_cell)[0] is not None)
            or self._new_code(nomor_text or row.cell(columns.kode_sasaran).text)
            or (self.loose and not sasaran_cell.empty and self._own_code(row))
        )
        verdict = RunOn.NEW
        self.width = max([self.width, *(len(line) for line in sasaran_cell.lines)])
        if starts_entry and self.loose and not coded and self.entries and split_code(sasaran_cell)[0] is None:
            # laid-out text: a sasaran's lines may as well run on from the one above
            verdict = run_on(self.entries[-1].sasaran, sasaran_cell, self.last_row, columns.sasaran, self.width)
            starts_entry = verdict is not RunOn.REST
        self.last_row = row
        if starts_entry and self._repeated_sasaran(sasaran_cell, nomor):
            self.entries[-1].segments.append(segment)
            return
        if starts_entry:
            kode = nomor_text if nomor_text and not _NUMBERED_RE.match(nomor_text) else None
            kode = kode or (row.cell(columns.kode_sasaran).text or None)
            entry = Entry(nomor, self.kelompok, sasaran_cell, [segment], row.page, row.line, kode)
            entry.guessed = verdict is RunOn.UNSURE
            self.entries.append(entry)
            return
        entry = self.entries[-1]
        if pending is not None and self.after_break and not coded and not sasaran_cell.empty:
            entry = self._split_off(entry, *pending)
        if not sasaran_cell.empty:
            entry.sasaran.extend(sasaran_cell)
            entry.sasaran = join_pieces(entry.sasaran)
        if not entry.segments:  # the first row under a sasaran heading
            entry.segments.append(segment)
            return
        cut = self.after_break and (not sasaran_cell.empty or _continues(entry.segments[-1], segment))
        if self.after_break and not cut and not coded and not _has_data(entry.segments[-1]) and not _has_data(segment):
            # nothing tells a new indicator from the rest of the one the page break cut
            self.unsure_breaks.append((row.page, " ".join(segment.indikator.text.split()[:5])))
        if cut or (segment.indikator.empty and not segment.target.empty):
            _stitch(entry.segments[-1], segment)
        elif not segment.indikator.empty or not segment.target.empty or _has_data(segment):
            # (a row of data whose indicator's text the page break carried to the next page is one too)
            entry.segments.append(segment)
            if nomor is not None and sasaran_cell.empty:
                self.bare_numbers += 1
                if self.bare_numbers == 1 and entry.nomor is not None and nomor == entry.nomor + 1:
                    self.pending = nomor, row

    def _repeated_sasaran(self, sasaran: Cell, nomor: int | None) -> bool:
        """The sasaran above written again on this row (a sheet or table that repeats it on every indicator
        row instead of merging its cell): the same sasaran. Where the rows' numbers differ, the NO column
        numbers the indicators."""
        last = self.entries[-1] if self.entries else None
        if last is None or last.kelompok != self.kelompok or not last.segments or sasaran.empty:
            return False
        if " ".join(sasaran.text.lower().split()) != " ".join(last.sasaran.text.lower().split()):
            return False
        if nomor is not None and last.nomor is not None and nomor != last.nomor:
            self.rows_numbered = True
        return True

    def _split_off(self, entry: Entry, nomor: int, row: Row) -> Entry:
        """The sasaran whose number stands in the last row of a page and whose text the page break carried
        to the next page (its merged cell broke there): that row, taken from the sasaran above, starts it.
        Only where no other row has a bare number beside an empty sasaran cell (numbered indicators)."""
        moved = entry.segments.pop()
        self.entries.append(Entry(nomor, self.kelompok, Cell([], []), [moved], row.page, row.line))
        return self.entries[-1]

    def _runs_on(self) -> bool:
        """In laid-out text, a sasaran cell's lines run on beside the next indicators: where every sasaran
        so far is numbered, a sasaran text without a number is the rest of the one above."""
        return (
            self.loose
            and bool(self.entries)
            and all(e.nomor is not None or e.kode or split_code(e.sasaran)[0] for e in self.entries)
        )

    def _own_code(self, row: Row) -> bool:
        """A sasaran text beside a code of its own in the sasaran's code column (`1.01.02`): a new sasaran,
        though laid-out text lets the sasaran cells above run on."""
        text = row.cell(self.columns.kode_sasaran).text if self.columns.kode_sasaran is not None else ""
        structured = bool(re.search(r"\d[.\-]\d", text))  # `1.01.02`, not the `03` a narrow column broke off
        return structured and is_code(text) and bool(self.entries) and text != self.entries[-1].kode

    def _new_code(self, nomor_text: str) -> bool:
        """A sasaran code (`SSPL.12`, not a bare number) other than the current sasaran's, beside an empty
        sasaran cell: a sasaran whose text the page break carried to the next page."""
        last = self.entries[-1] if self.entries else None
        return (
            last is not None
            and bool(_SASARAN_CODE_RE.match(nomor_text))
            and last.kode is not None
            and nomor_text != last.kode
        )

    def _mixed(self, row: Row) -> None:
        """A table whose one text column holds sasaran rows and, under each, its indicator rows: a row
        with nothing in the target, unit or other columns is a sasaran."""
        self._note_unread(row)
        columns = self.columns
        segment = _segment(row, columns)
        has_data = not segment.target.empty or not row.cell(columns.satuan).empty or bool(segment.lain)
        if not has_data and not segment.indikator.empty and not self.after_break:
            kode = segment.kode.text or None
            nomor = number_of(kode) if kode else None
            self.entries.append(Entry(nomor, self.kelompok, segment.indikator, [], row.page, row.line, kode))
        elif self.entries and not segment.indikator.empty and not self.after_break:
            self.entries[-1].segments.append(segment)
        elif self.entries and self.entries[-1].segments:
            _stitch(self.entries[-1].segments[-1], segment)


def _numbered(row: Row, body: Body) -> bool:
    """A row that starts a numbered sasaran (its NO cell holds a number or code)."""
    columns = body.columns
    return columns.no is not None and number_of(row.cell(columns.no).text) is not None


def _folded(row: Row) -> tuple[str, ...]:
    return tuple(t for t in _columns_folded(row) if t)


def _columns_folded(row: Row) -> tuple[str, ...]:
    return tuple(" ".join(t.upper().split()) for t in row.texts())


def _is_summary(row: Row, columns: Columns) -> bool:
    """A `Rata-rata` or `Jumlah` row under a measurement table."""
    texts = [t for t in row.texts() if t]
    return bool(texts) and bool(_SUMMARY_RE.match(texts[0])) and row.cell(columns.indikator).text in ("", texts[0])


_HEADING_RE = re.compile(
    r"^(?:(?P<label>Sasaran(?:\s+Strategis|\s+Program|\s+Kegiatan)?)\s*(?P<code>[A-Z]{0,3}[.\s]?\d{1,2})?\s*[:.]\s*)?"
    r"(?P<text>(?:Meningkatnya|Meningkatkan|Terwujudnya|Mewujudkan|Terselenggaranya|Tercapainya|Menurunnya|"
    r"Terlaksananya|Tersedianya|Terpenuhinya|Terjaminnya|Peningkatan|Penurunan)\b.{5,})$",
    re.IGNORECASE,
)


def sasaran_heading(text: str) -> tuple[int | None, str | None, str] | None:
    """`Sasaran 1: Meningkatnya …` or a bare `Meningkatnya …` set above a table: number, code, text."""
    m = _HEADING_RE.match(" ".join(text.split()))
    if not m:
        return None
    code = m.group("code")
    nomor = number_of(code) if code else None
    return nomor, (code.strip() if code and not code.strip().isdigit() else None), m.group("text")


def _title_block(rows: list[Row]) -> tuple[list[str], str | None]:
    """The lines above the header, and a group heading set right above it."""
    kelompok = None
    if rows and _pre_header_group(rows[-1]):
        kelompok = rows[-1].texts()[rows[-1].filled()[0]]
        rows = rows[:-1]
    return [line for row in rows for cell in row.cells for line in cell.lines if line.strip()], kelompok


def _lines_above(rows: list[Row]) -> list[str]:
    return [line for row in rows for cell in row.cells for line in cell.lines if line.strip()]


def _siblings(names: list[str], used: set[int]) -> dict[int, list[int]]:
    """Columns of no role of their own under the same header cell as a used column: that column and all
    of them, in order."""
    found: dict[int, list[int]] = {}
    for column, name in enumerate(names):
        if column in used or not name or name == "?":  # `?`: a table without a header row names nothing
            continue
        mains = sorted((abs(c - column), c) for c in used if names[c] == name)
        if mains:
            found.setdefault(mains[0][1], [mains[0][1]]).append(column)
    return {main: sorted(group) for main, group in found.items()}


def find_table(grid: Grid) -> Table:
    """Find the IKU table in the grid and sort its rows into sasaran entries, groups and budget rows."""
    rows = grid.rows
    header = find_header(rows, year_of=lambda index: title_year(_lines_above(rows[:index])))
    if header is None:
        header = guess_header(rows)
        if header is None:
            return Table([], [], [], None)
    title, kelompok = _title_block(rows[: max(header.start, 0)])
    body_rows = rows[header.end + 1 :]
    columns, mixed, notes = refine(header, body_rows)
    first_page = rows[header.start].page if header.start >= 0 else None
    body = Body(columns, kelompok, first_page, mixed)
    body.header_rows = {_folded(row) for row in rows[max(header.start, 0) + 1 : header.end + 1]}
    body.header_cells = [_columns_folded(row) for row in rows[max(header.start, 0) + 1 : header.end + 1]]
    body.names = [" ".join(name.upper().split()) for name in header.names] if header.start >= 0 else []
    if columns.sasaran is None and title and sasaran_heading(title[-1]):
        body.heading(title.pop(), None)  # the first table's sasaran, in the heading above it
    body.loose = grid.loose
    body.siblings = _siblings(header.names, body.used)
    body.used |= {c for group in body.siblings.values() for c in group}
    for row in body_rows:
        if not body.take(row):
            break
    notes += [UNSURE_BREAK.format(page, text) for page, text in body.unsure_breaks]
    if body.rows_numbered:
        for entry in body.entries:
            entry.nomor = None  # sasaran numbered by their order
        notes.append(ROWS_NUMBERED)
    if HEADERLESS not in notes:  # without a header row, the warning that the roles were guessed says it all
        notes += [UNREAD.format(c + 1, " ".join(text.split()[:6])) for c, text in sorted(body.unread.items())]
    body.headers |= {(row.page, row.line) for row in rows[max(header.start, 0) : header.end + 1]}
    table = Table(title, body.entries, body.budget, body.budget_total, replace(header, columns=columns), notes)
    return replace(table, headers=body.headers)
