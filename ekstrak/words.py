"""Words a narrow PDF column broke without a hyphen (`Rekomen` / `dasi`, `Tahanan/Narapidana/An` / `ak`),
mended by the document's own words and by Indonesian ones: joined when the whole word occurs elsewhere in the
document and the pieces do not, or when lines that each ran to the cell's edge hold the pieces of an Indonesian
word that are not all words themselves (`Meni` / `ngkat` / `nya`); kept, with a warning, when it cannot tell."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from inti.numbers import parse_number

from .grid import Cell, Grid
from .kamus import kata

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_GROUPED_RE = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_DIGITS_RE = re.compile(r"\d[\d.,]*")
_MARKER_RE = re.compile(r"^\(?(?:\d{1,2}|[a-zA-Z])[.)]$")
# Pieces of one token of letters and digits (not a number) broken between two of its digits.
_IDENTIFIER_HEAD_RE = re.compile(r"^(?=.*[^\W\d])\w+\d$")
_IDENTIFIER_TAIL_RE = re.compile(r"^\d+[^\W\d]\w*$")
_PARTIAL_NUMBER_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?$|^\d{1,3}\.$")
# Words of IKU tables and their headers, known even where a short document writes them once.
COMMON = {
    "realisasi", "satuan", "keterangan", "penanggung", "jawab", "indikator", "sasaran", "strategis", "target",
    "capaian", "kinerja", "predikat", "kategori", "formulasi", "penjelasan", "sumber", "kegiatan", "program",
    "anggaran", "persentase", "meningkatnya", "terwujudnya", "terselenggaranya", "tersedianya", "jumlah",
    "indeks", "nilai", "rasio", "tingkat", "pertanggungjawaban", "akuntabilitas", "pelayanan", "laporan",
    # units, which narrow SATUAN columns break most
    "persen", "orang", "dokumen", "rekomendasi", "sertifikat", "pelabuhan", "kejadian",
    "kecelakaan", "layanan", "instansi", "pemerintah", "perkara", "putusan", "paket", "unit",
    "desa", "kelurahan", "kecamatan", "sekolah", "rupiah", "kali", "hari", "bulan", "tahun", "skor",
    "aplikasi", "sistem", "kebijakan", "inovasi", "pegawai", "peserta", "kawasan", "keluarga",
    "kondisi", "awal", "akhir", "periode", "tujuan", "uraian", "kode", "nomor",
}  # fmt: skip
# A piece this short at a break is a word's end more often than a word of its own.
SHORT_PIECE = 3


@dataclass
class Break:
    """A line of one token followed by a line that may continue it, where the document cannot tell."""

    page: int | None
    line: int | None
    text: str


def vocabulary(grid: Grid) -> Counter[str]:
    """How often each word (lower case, letters only) occurs in the document."""
    counts: Counter[str] = Counter()
    for row in grid.rows:
        for cell in row.cells:
            for line in cell.lines:
                counts.update(w.lower() for w in _WORD_RE.findall(line))
    return counts


def _last_word(text: str) -> str:
    found = _WORD_RE.findall(text)
    return found[-1] if found and text.endswith(found[-1]) else ""


def _first_word(text: str) -> str:
    found = _WORD_RE.findall(text)
    return found[0] if found and text.startswith(found[0]) else ""


def _no_word(piece: str) -> bool:
    """A piece in small letters at its end that is no Indonesian word (not an abbreviation in capitals)."""
    return piece[-1].islower() and piece.lower() not in kata()


def _decide(before: str, after: str, words: Counter[str], full: bool | None) -> str:
    """`join`, `keep` or `ask` for a line holding the single token `before` and the next line `after`;
    `full` says whether that line runs to the cell's edge (None: not known)."""
    head, tail = before.split(), after.split()
    if len(head) != 1 or not tail or before.endswith(("-", "/")) or full is False:
        return "keep"
    if _PARTIAL_NUMBER_RE.match(head[0]) and _GROUPED_RE.match(head[0] + tail[0]):
        return "join"
    if full and _DIGITS_RE.fullmatch(head[0]) and _DIGITS_RE.fullmatch(tail[0]) and parse_number(head[0] + tail[0]):
        return "join"  # a number that ran to the edge of its narrow column and went on below (`100.2` / `1`)
    if full and _DIGITS_RE.fullmatch(head[0]) and tail[0] == "%":
        return "join"  # `100%` broken before its sign
    if full and _IDENTIFIER_HEAD_RE.match(head[0]) and _IDENTIFIER_TAIL_RE.match(tail[0]):
        return "join"  # a token of letters and digits broken between two digits (`perundang_x000` / `2_undangan`)
    left, right = _last_word(head[0]), _first_word(tail[0])
    if not left or not right or _MARKER_RE.match(tail[0]):
        return "keep"
    whole = (left + right).lower()
    if left.isupper() and right.isupper() and len(left) > 1:
        # a header label in capitals (`KONDI` / `SI AWAL`): joined only into a word known to be one
        return "join" if whole in COMMON or words[whole] >= 1 else "keep"
    if right[0].isupper():
        return "keep"
    if whole in COMMON:
        return "join"  # a word of IKU tables, however often its pieces repeat (a unit broken on every row)
    # Each piece is counted here once already: elsewhere means more than that.
    left_known = words[left.lower()] > 1 or left.lower() in COMMON
    right_known = words[right.lower()] > 1 or right.lower() in COMMON
    if (words[whole] >= 1 or whole in COMMON) and not (left_known and right_known):
        return "join"
    if left_known and right_known:
        return "keep"
    if left_known and len(right) > SHORT_PIECE and right.lower() in kata():
        return "keep"  # a word the document writes elsewhere, then an Indonesian word (`Ada` / `perlu`)
    if full and min(len(left), len(right)) > SHORT_PIECE and {left.lower(), right.lower()} <= kata():
        return "keep"  # a line filled by one whole word, and the next word: two Indonesian words
    if full and not (left_known or right_known) and len(right) <= SHORT_PIECE and _no_word(left):
        return "join"  # a line filled by no word at all, and a short end below it (`Keselera` / `san`)
    if full:
        return "ask"
    return "ask" if min(len(left), len(right)) <= SHORT_PIECE and not (left_known or right_known) else "keep"


def _pieces(lines: list[str], full: list[bool] | None, index: int) -> int:
    """How many lines from `index` on hold the pieces of one Indonesian word a column too narrow for it broke
    (each line but the last a single token that ran to the cell's edge); 0 when they do not."""
    if full is None:
        return 0
    pieces = []
    for at in range(index, len(lines)):
        tokens = lines[at].split()
        if not tokens:
            break
        pieces.append(tokens[0])
        if len(tokens) != 1 or not full[at]:
            break
    for count in range(len(pieces), 1, -1):
        first, middle, last = _last_word(pieces[0]), pieces[1 : count - 1], _first_word(pieces[count - 1])
        if not first or not last or not all(p.isalpha() for p in middle) or (last[0].isupper() and first.islower()):
            continue
        parts = [first, *middle, last]
        whole = "".join(parts).lower()
        # A short piece after the first is a suffix more often than a word (`Penyedia` / `an`, `Daer` / `ah`).
        standing = [parts[0], *(p for p in parts[1:] if len(p) > SHORT_PIECE)]
        all_words = len(standing) == len(parts) and all(p.lower() in kata() for p in standing)
        if (whole in kata() or whole in COMMON) and not all_words:
            return count
    return 0


def _join(lines: list[str], tops: list[float] | None, full: list[bool] | None, index: int, count: int) -> None:
    """Join lines index … index + count - 1 into one, in place."""
    for _ in range(count - 1):
        lines[index] = lines[index].strip() + lines[index + 1].strip()
        del lines[index + 1]
        if tops is not None and len(tops) > index + 1:
            del tops[index + 1]
        if full is not None:
            full[index] = full.pop(index + 1)


def _mend_cell(cell: Cell, words: Counter[str] | None) -> tuple[Cell, list[str]]:
    """The cell with its broken words joined, and the first break it could not settle; with no `words`
    (the document's), only the pieces of an Indonesian word are joined."""
    lines, tops = list(cell.lines), list(cell.tops) if cell.tops is not None else None
    full = list(cell.full) if cell.full is not None and len(cell.full) == len(cell.lines) else None
    doubts: list[str] = []
    index = 0
    while index + 1 < len(lines):
        pieces = _pieces(lines, full, index)
        if pieces:
            _join(lines, tops, full, index, pieces)
            continue
        if words is None:
            index += 1
            continue
        verdict = _decide(lines[index].strip(), lines[index + 1].strip(), words, full and full[index])
        if verdict == "join":
            _join(lines, tops, full, index, 2)
            continue
        if verdict == "ask" and not doubts:
            doubts.append(" ".join(" ".join(lines[index:]).split()[:4]))
        index += 1
    changed = lines != cell.lines
    return (replace(cell, lines=lines, tops=tops, full=full) if changed else cell), doubts


def join_pieces(cell: Cell) -> Cell:
    """A cell continued on the next page, with a word the page break cut (`Dokume` / `n`) joined."""
    return _mend_cell(cell, None)[0]


def continues_word(above: Cell, below: Cell) -> bool:
    """Whether a cell's first line goes on with a word its column broke at the end of the cell above it
    (`Analisi` at the foot of one page, `s Data` at the top of the next)."""
    if above.empty or below.empty or above.full is None or below.full is None:
        return False
    if len(above.full) != len(above.lines) or len(below.full) != len(below.lines):
        return False
    last, first = len(above.lines) - 1, 0
    while last >= 0 and not above.lines[last].strip():
        last -= 1
    while not below.lines[first].strip():
        first += 1
    if not below.lines[first].strip()[0].islower():
        return False
    return _pieces([above.lines[last], below.lines[first]], [above.full[last], below.full[first]], 0) == 2


def mend_words(grid: Grid) -> tuple[Grid, list[Break]]:
    """The grid with broken words joined where the document says so, and the breaks it could not settle."""
    words = vocabulary(grid)
    rows, breaks = [], []
    for row in grid.rows:
        cells = []
        for cell in row.cells:
            mended, doubts = _mend_cell(cell, words) if len(cell.lines) > 1 else (cell, [])
            cells.append(mended)
            breaks.extend(Break(row.page, row.line, doubt) for doubt in doubts)
        rows.append(replace(row, cells=cells))
    return replace(grid, rows=rows), breaks
