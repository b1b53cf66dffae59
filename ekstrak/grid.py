"""The grid every reader produces: rows of cells, each cell its lines of text and where it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NO_SPACE_AFTER = ("-", "/")
# A code broken after one of its dots by a narrow column (`1.05.03.2.` / `01`).
_CODE_HEAD_RE = re.compile(r"^[A-Za-z]{0,4}\.?\d+(\.\d+)+\.$")
_CODE_TAIL_RE = re.compile(r"^\d+(\.\d+)*\.?$")
_CODE_RE = re.compile(r"^[A-Za-z]{0,4}\.?\d+(\.\d+)+$")  # or before one (`7.01.01.2` / `.06`)
_DOT_TAIL_RE = re.compile(r"^\.\d+(\.\d+)*$")


def join_lines(lines: list[str]) -> str:
    """Join a cell's lines with a space, except after a hyphen or slash that ends a line, and inside a
    code broken after one of its dots."""
    out = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if not out:
            out = line
        elif (
            (out.endswith(NO_SPACE_AFTER) and line[0].isalnum())
            or (_CODE_HEAD_RE.match(out) and _CODE_TAIL_RE.match(line))
            or (_CODE_RE.match(out) and _DOT_TAIL_RE.match(line))
        ):
            out += line
        else:
            out += " " + line
    return out


def anchor_index(top: float, anchors: list[float]) -> int:
    """Which of the lines starting at `anchors` (sorted tops) a line at `top` belongs under."""
    return max((i for i, anchor in enumerate(anchors) if anchor <= top + 0.5), default=0)


@dataclass
class Cell:
    """One table cell: its lines as read, and the vertical position of each line where known."""

    lines: list[str] = field(default_factory=list)
    tops: list[float] | None = None
    colspan: int = 1
    rowspan: int = 1
    # For each line, whether it runs to the cell's right edge (None where the reader knows no positions):
    # only such a line can end in a word its column was too narrow for.
    full: list[bool] | None = None
    # Where the cell stands on its PDF page (x0, top, x1, bottom in points), where the reader knows.
    box: tuple[float, float, float, float] | None = None
    # Read by OCR: the lowest confidence (0–1) of the cell's words; None for text read as written.
    confidence: float | None = None

    @property
    def text(self) -> str:
        return join_lines(self.lines)

    def numbered_lines(self) -> list[tuple[str, float | None]]:
        """The non-blank lines with their tops (None where the reader knows no positions)."""
        tops = self.tops if self.tops is not None and len(self.tops) == len(self.lines) else None
        return [(line.strip(), tops[i] if tops else None) for i, line in enumerate(self.lines) if line.strip()]

    @property
    def empty(self) -> bool:
        return not any(line.strip() for line in self.lines)

    def extend(self, other: Cell) -> None:
        """Append another cell's lines below this one's (a row continued on the next line or page)."""
        if self.tops is not None and other.tops is not None:
            self.tops = self.tops + other.tops
        elif other.lines:
            self.tops = None
        known = self.full is not None and other.full is not None
        known = known and len(self.full) == len(self.lines) and len(other.full) == len(other.lines)
        self.full = self.full + other.full if known else None
        self.lines = self.lines + other.lines
        self.confidence = lowest(self.confidence, other.confidence)


def lowest(*values: float | None) -> float | None:
    """The lowest of the confidences known (None where none is)."""
    known = [v for v in values if v is not None]
    return min(known) if known else None


def words_confidence(words: list[dict]) -> float | None:
    """The lowest confidence of words read by OCR (each with `conf`); None for words of a text layer."""
    return lowest(*(w.get("conf") for w in words))


@dataclass
class Row:
    """One table row and where it starts in the source (page from 1, line or table row from 1)."""

    cells: list[Cell]
    page: int | None = None
    line: int | None = None

    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells]

    def filled(self) -> list[int]:
        return [i for i, cell in enumerate(self.cells) if not cell.empty]

    def one_across(self) -> bool:
        """One filled cell across the whole table (a group heading such as `TUJUAN`)."""
        filled = self.filled()
        return len(filled) == 1 and self.cells[filled[0]].colspan >= len(self.cells) > 1

    def cell(self, index: int | None) -> Cell:
        if index is None or index >= len(self.cells):
            return Cell()
        return self.cells[index]


@dataclass
class Grid:
    """A document as rows of cells; lines outside any table are rows of one cell."""

    rows: list[Row]
    source: str = ""
    wrapped: bool = False  # cells' lines are lines as printed (a PDF's), not paragraphs
    loose: bool = False  # rows cut from laid-out text: a cell's lines may run on into the rows below
    fallback: bool = False  # a second way of reading: chosen only when it leaves fewer warnings
    crowded: tuple[int, ...] = ()  # pages where printed text runs over other text (columns too narrow)
    unsure: tuple[int, ...] = ()  # pages whose rows may be cut wrong (cells stand in no one way on their rows)
    notes: tuple[str, ...] = ()  # facts about the file the reader saw (hidden rows, formulas not kept)
