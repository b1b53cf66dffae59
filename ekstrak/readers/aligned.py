"""A borderless PDF table (a web page printed to PDF) cut into cells by the words' own geometry: columns
where a vertical strip stays empty through the table's body, rows where the cells of a top-aligned table
start (a cell's lines follow one another at the line step; a new cell starts after a larger step)."""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Callable

from ..grid import Cell, Row, words_confidence
from .lattice import cell_lines, full_lines, word_lines

# Points within which words stand on one line, and new cells start on one row.
LINE_TOLERANCE = 2.5
ROW_TOLERANCE = 3.0
# A step this much over the usual line step starts a new cell in a column.
NEW_CELL = 1.25
# A step is common when this share of all the steps is about it.
COMMON_STEP = 0.15
# A vertical strip this wide (points) with no word in the body parts two columns.
GUTTER = 6.0
# A narrower strip parts two columns where this many lines start a word at its right edge.
NARROW_GUTTER = 1
ALIGNED_STARTS = 4
# A word reaches this far (points) past its box, where a cut is tested against it.
REACH = 0.2
# A header may stand over this many lines.
HEADER_LINES = 3
# A gutter may be crossed by this share of the body's lines.
OPEN_SHARE = 0.04
# Words of a header label stand at most this share of the letters' height apart (a space).
PHRASE_SPACE = 0.4
# A line of one phrase wider than this share of the table is a group heading across the columns.
SPANNING = 0.5


def lines_of(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines by their bottoms, top to bottom, each line left to right."""
    return [sorted(line, key=lambda w: w["x0"]) for line in word_lines(words, LINE_TOLERANCE)]


def _spans_columns(line: list[dict], width: float, space: float) -> bool:
    """A line whose words run on as one phrase across much of the table (a group heading)."""
    gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(line)]
    return all(g < space for g in gaps) and line[-1]["x1"] - line[0]["x0"] > SPANNING * width


def _heading(line: list[dict], left: float, space: float) -> bool:
    """A group heading: one phrase set from the table's left edge (it runs across the first columns)."""
    gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(line)]
    word = line[0]["text"]
    alone = len(line) == 1 and word.isupper() and len(word) >= 4  # `SASARAN`, `PROGRAM` on a line of its own
    return (len(line) > 1 or alone) and line[0]["x0"] - left <= 3 and all(g < space for g in gaps)


def _split_words(words: list[dict], at: Callable[[float], bool], inside: str = "gaps") -> list[dict]:
    """The words parted at each small gap inside them (or, `inside="joints"`, where any of their letters
    starts; both noted by the PDF reader) whose position `at` accepts."""
    out: list[dict] = []
    for word in words:
        cuts = [(i, x) for i, x in word.get(inside, ()) if at(x)]
        if not cuts:
            out.append(word)
            continue
        begin, x_begin = 0, word["x0"]
        for index, x in cuts:
            piece = {**word, "text": word["text"][begin:index], "x0": x_begin, "x1": x - 1.0, "gaps": (), "joints": ()}
            out.append(piece)
            begin, x_begin = index, x
        out.append({**word, "text": word["text"][begin:], "x0": x_begin, "gaps": (), "joints": (), "parted": True})
    return out


def split_at_column_starts(words: list[dict]) -> list[dict]:
    """Words split where a tiny gap inside them falls on a column's left edge (where other lines start
    words): a long code set against the text of the next column (`1.05.03.2.01Terlaksananya`)."""
    starts = Counter(round(w["x0"]) for w in words)
    return _split_words(words, lambda x: _column_start(starts, round(x)))


def _column_start(starts: Counter[int], x: int) -> bool:
    return sum(starts[x + d] for d in (-1, 0, 1)) >= ALIGNED_STARTS


def gutters(body: list[list[dict]], space: float, header: list[list[dict]] = ()) -> list[float]:
    """Where one column ends and the next starts: strips of the page that (nearly) no line of the body
    writes in; a few lines running across (group headings, a budget block, a signature, text printed over
    other text) do not close them. A narrow strip counts where lines start words at its right edge and no
    header word covers it."""
    if not body:
        return []
    left = int(min(w["x0"] for line in body for w in line))
    right = int(max(w["x1"] for line in body for w in line)) + 1
    edge = min([left, *(w["x0"] for line in header for w in line)])  # the table's left, where headings start
    covered = [0] * (right - left + 1)
    for line in body:
        if _spans_columns(line, right - left, space) or _heading(line, edge, space) or _overprinted(line):
            continue
        marks = set()
        for word in line:
            marks.update(range(int(word["x0"]) - left, int(word["x1"]) - left + 1))
        for x in marks:
            covered[x] += 1
    allowed = int(OPEN_SHARE * len(body))
    starts = Counter(round(w["x0"]) for line in body for w in line)
    cuts: list[float] = []
    run = None
    for x, count in enumerate(covered):
        if count <= allowed and 0 < x < len(covered) - 1:
            run = x if run is None else run
            continue
        narrow = run is not None and x - run >= NARROW_GUTTER and _narrow(starts, header, left, run, x, len(body))
        if run is not None and count > allowed and (x - run >= GUTTER or narrow):
            cuts.append(left + (run + x) / 2)
        run = None
    return cuts


def _overprinted(line: list[dict]) -> bool:
    """A line where text runs over other text (a number too long for its column, warned per page): it
    does not close the gutter it runs across."""
    return any(w.get("collides") or w.get("overprinted") for w in line)


def _narrow(starts: Counter[int], header: list[list[dict]], left: int, run: int, end: int, lines: int) -> bool:
    """Without a header to check it against, a narrow strip parts columns where half the body's lines
    start a word at its right edge (`Persen | 79.34` in a table printed without its header row)."""
    if not header:
        return sum(starts[left + end + d] for d in (-1, 0, 1)) >= max(ALIGNED_STARTS, lines / 2)
    covered = any(w["x0"] <= left + end and w["x1"] >= left + run for line in header for w in line)
    return not covered and _column_start(starts, left + end)


def _crosses(line: list[dict], cuts: list[float]) -> bool:
    """Whether a line's words stand in more than one column (a heading across them, not a long line of
    one wide column)."""
    return len({_column((w["x0"] + w["x1"]) / 2, cuts) for w in line}) > 1


def _column(x: float, cuts: list[float]) -> int:
    return sum(1 for cut in cuts if cut < x)


def blocks(words: list[dict], step: float) -> list[list[dict]]:
    """One column's words as cells: lines that follow one another at about the line step."""
    blocks: list[list[dict]] = []
    last_bottom = None
    for line in lines_of(words):
        bottom = line[0]["bottom"]
        if blocks and last_bottom is not None and bottom - last_bottom <= NEW_CELL * step:
            blocks[-1].extend(line)
        else:
            blocks.append(list(line))
        last_bottom = bottom
    return blocks


def line_step(lines: list[list[dict]]) -> float:
    """The usual distance between two lines of one cell: the smallest common step of those that fit the
    letters' height (a line and a little leading; a row's step, with the cells' padding, may fit too), else
    the smallest common step."""
    steps = sorted(b[0]["bottom"] - a[0]["bottom"] for a, b in itertools.pairwise(lines))
    steps = [s for s in steps if s > LINE_TOLERANCE]
    if not steps:
        return 12.0
    height = statistics.median(w["bottom"] - w["top"] for line in lines for w in line)
    fitting = [s for s in steps if 0.95 * height <= s <= 1.5 * height]
    if fitting:
        near = [[t for t in fitting if abs(t - s) <= 0.5] for s in fitting]
        common = [group for group in near if len(group) >= max(2, COMMON_STEP * len(steps))]
        return statistics.median(common[0] if common else fitting)
    low = steps[: max(1, len(steps) // 3)]
    return statistics.median(low)


def aligned_rows(
    lines: list[list[dict]],
    cuts: list[float],
    step: float,
    offset: float,
    page: int,
    first_line: int,
    header: Counter[int] | None = None,
) -> list[Row]:
    """The table's rows: each column's cells, gathered on the rows where cells start. A header's labels go
    to their columns phrase by phrase (`Tahun Capaian` centred over five year columns stays one label);
    `header` counts where the body's words start."""
    if not lines:
        return []
    columns = Columns(lines, cuts, step, header)
    starts: list[tuple[float, int, list[dict]]] = []
    for column, words in enumerate(columns.words):
        starts.extend((min(w["top"] for w in block), column, block) for block in blocks(words, step))
    starts.extend((min(w["top"] for w in line), -1, line) for line in columns.spanning)
    rows: list[tuple[float, list[Cell]]] = []
    for top, column, block in sorted(starts, key=lambda s: (s[0], s[1])):
        if not rows or top - rows[-1][0] > ROW_TOLERANCE or column == -1 or rows[-1][1][0].colspan > 1:
            rows.append((top, [Cell([], []) for _ in range(columns.count)]))
        rows[-1][1][max(column, 0)] = columns.cell(block, column, offset)
    return [Row(cells, page, first_line + line_number(lines, top)) for top, cells in rows]


def line_number(lines: list[list[dict]], top: float) -> int:
    """How many of the table's lines stand above `top`."""
    tops = sorted({round(line[0]["top"], 1) for line in lines})
    return sum(1 for t in tops if t < top - LINE_TOLERANCE)


class Columns:
    """A table's lines parted into its columns' words, with the lines that run across them (group
    headings) set apart, and what it takes to make a column's block of words a cell."""

    def __init__(self, lines: list[list[dict]], cuts: list[float], step: float, header: Counter[int] | None):
        self.count = len(cuts) + 1
        self.cuts = cuts
        width = (max(w["x1"] for line in lines for w in line) - min(w["x0"] for line in lines for w in line)) or 1.0
        space = step * 0.6
        self.words: list[list[dict]] = [[] for _ in range(self.count)]
        self.spanning: list[list[dict]] = []
        left = min(w["x0"] for line in lines for w in line)
        for line in lines:
            across = _spans_columns(line, width, space) and len(line) > 1 and _crosses(line, cuts)
            # a group heading from the table's left edge (`TUJUAN`, `SASARAN`) reaching past the first column
            if across or (cuts and _heading(line, left, space) and line[0]["x0"] < cuts[0] < line[-1]["x1"]):
                self.spanning.append(line)
                continue
            for word, column in zip(
                line, _phrase_columns(line, cuts, header) if header is not None else _word_columns(line, cuts)
            ):
                self.words[column].append(word)
        self.limits = [max((w["x1"] for w in words), default=0.0) for words in self.words]
        # where the next column's words start: a line broke short of it only when its next word did not fit
        self.edges = [_usual_start(words) for words in self.words[1:]] + [float("inf")]

    def cell(self, block: list[dict], column: int, offset: float) -> Cell:
        """A column's block of words as a cell (`column` -1: a line across the table)."""
        texts = cell_lines(block, LINE_TOLERANCE)
        full = _full_lines(block, self.limits[column], self.edges[column]) if column >= 0 else None
        top = min(w["top"] for w in block)
        box = (min(w["x0"] for w in block), top, max(w["x1"] for w in block), max(w["bottom"] for w in block))
        span = self.count if column == -1 else 1
        return Cell([t for t, _ in texts], [offset + y for _, y in texts], span, 1, full, box, words_confidence(block))


def _word_columns(line: list[dict], cuts: list[float]) -> list[int]:
    return [_column((w["x0"] + w["x1"]) / 2, cuts) for w in line]


def _phrase_columns(line: list[dict], cuts: list[float], starts: Counter[int]) -> list[int]:
    """Each word's column by the centre of its phrase: words a space apart (not run over one another, not
    parted at a gutter, not set where a column's words start: `AWAL` beside `2026`)."""
    phrases: list[list[dict]] = []
    for before, word in zip([None, *line], line):
        gap = word["x0"] - before["x1"] if before is not None else None
        space = PHRASE_SPACE * (word["bottom"] - word["top"])
        own = word.get("parted") or _column_start(starts, round(word["x0"]))
        if gap is not None and 0 <= gap <= space and not own:
            phrases[-1].append(word)
        else:
            phrases.append([word])
    return [_column((phrase[0]["x0"] + phrase[-1]["x1"]) / 2, cuts) for phrase in phrases for _ in phrase]


def _usual_start(words: list[dict]) -> float:
    """Where most of a column's words start (its left edge; a long amount may reach further left)."""
    starts = Counter(round(w["x0"]) for w in words)
    return float(starts.most_common(1)[0][0]) if starts else float("inf")


def _full_lines(block: list[dict], limit: float, edge: float) -> list[bool]:
    """For each of a cell's lines, whether it runs to the column's edge (its widest line, `limit`) so that
    the next line's first word did not fit beside it (short of `edge`, where the next column starts):
    a stack of short values (`0,12` over `0`) is no word broken by the column."""
    lines = lines_of(block)
    full = full_lines(block, LINE_TOLERANCE, limit)
    for index, (line, after) in enumerate(itertools.pairwise(lines)):
        space = 0.3 * (line[-1]["bottom"] - line[-1]["top"])
        if line[-1]["x1"] + space + (after[0]["x1"] - after[0]["x0"]) < edge - space:
            full[index] = False
    return full


_OTHER_BLOCK_RE = re.compile(
    r"^(?:NO\.?\s+)?(?:PROGRAM|KEGIATAN|URAIAN)\b.*\b(?:ANGGARAN|PAGU)\b|^(?:PIHAK\s+(?:PERTAMA|KEDUA)|Mengetahui"
    r"|Menyetujui|Ditetapkan\s+di)\b|^[A-Z][a-zA-Z]+(?:\s[A-Z][a-zA-Z]+)?,\s*\d{1,2}\s+[A-Za-z]+\s+\d{4}",
    re.IGNORECASE,
)


_AMOUNT_RE = re.compile(r"\d{1,3}(?:[.,]\d{3}){2,}")


def _before_other_blocks(body: list[list[dict]]) -> list[list[dict]]:
    """The table's lines up to a budget block's header or the signature block (their lines run across)."""
    for index, line in enumerate(body):
        text = " ".join(w["text"] for w in line)
        found = _OTHER_BLOCK_RE.match(text)
        # a budget block's header names its columns; a group heading with its budget carries an amount
        if found and not (found.group(0).upper().startswith(("PROGRAM", "KEGIATAN", "NO")) and _AMOUNT_RE.search(text)):
            return body[:index]
    return body


def _header_line(
    lines: list[list[dict]], step: float, is_header: Callable[[Row], bool], carried: list[float]
) -> int | None:
    """The line where the table's header starts: its words (of one line, or of up to three lines close
    together, a header cell broken over lines) split at the gutters of the lines below, or at the columns
    of the page before (a header repeated over a page with too few rows to show its gutters)."""
    for size in range(1, HEADER_LINES + 1):  # one line anywhere first, then windows of lines
        for index in range(len(lines) - size + 1):
            group = lines[index : index + size]
            if size > 1 and group[-1][0]["bottom"] - group[0][0]["bottom"] > size * 2 * step:
                continue
            below = _before_other_blocks(lines[index + size : index + size + 40])
            for cuts in (gutters(below, step * 0.6), carried) if carried else (gutters(below, step * 0.6),):
                if _splits_as_header(group, cuts, is_header):
                    return index, size
    return None


def _splits_as_header(group: list[list[dict]], cuts: list[float], is_header: Callable[[Row], bool]) -> bool:
    cells: dict[int, list[str]] = {}
    for word in (w for line in group for w in line):
        cells.setdefault(_column((word["x0"] + word["x1"]) / 2, cuts), []).append(word["text"])
    row = Row([Cell([" ".join(t)]) for _, t in sorted(cells.items())])
    return len(cells) >= 3 and is_header(row)
