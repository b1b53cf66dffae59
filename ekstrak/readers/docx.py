"""Word documents into a grid: paragraphs outside tables as one-cell rows, table cells read once
(python-docx repeats a merged cell at every grid position), Word's list numbering written out."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from inti.errors import BerkasRusak

from ..grid import Cell, Grid, Row
from .docx_xml import W, as_shown, layout_tables

BULLET = "-"


@dataclass
class Level:
    """One level of a Word list: its number format, its text (`%1.`, `%1.%2`) and its first number."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """Word's lists as Word counts them: every num of one abstract list continues the same count, across
    cells and tables, unless the num restarts it (`startOverride`); a level restarts when a lower one
    moves on."""

    levels: dict[str, dict[int, Level]]  # abstractNumId → its levels
    nums: dict[str, tuple[str, dict[int, int]]]  # numId → (abstractNumId, level → start override)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def label(self, num_id: str, level: str) -> str:
        if num_id not in self.nums:
            return ""
        abstract, overrides = self.nums[num_id]
        depth = int(level) if level.isdigit() else 0
        levels = self.levels.get(abstract, {})
        own = levels.get(depth, Level())
        if own.fmt in ("bullet", "none"):
            return BULLET if own.fmt == "bullet" else ""
        counts = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for restart, value in overrides.items():
                counts[restart] = value - 1
                for deeper in [d for d in counts if d > restart]:
                    del counts[deeper]
        counts[depth] = counts.get(depth, own.start - 1) + 1
        for deeper in [d for d in counts if d > depth]:
            del counts[deeper]
        text = own.text
        for shown in range(depth + 1):
            spec = levels.get(shown, Level())
            text = text.replace(f"%{shown + 1}", _format(counts.get(shown, spec.start), spec.fmt))
        return text


def _format(number: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (number - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (number - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman"):
        numerals = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
        roman = numerals[number] if 0 <= number < len(numerals) else str(number)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(number)


def _value(node, tag: str, default: str) -> str:
    found = node.find(f"{W}{tag}") if node is not None else None
    value = found.get(f"{W}val") if found is not None else None
    return value if value is not None else default


def _int(text: str, default: int) -> int:
    return int(text) if text.lstrip("-").isdigit() else default


def _numbering(document) -> Numbering:
    try:
        root = document.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        return Numbering({}, {})
    levels: dict[str, dict[int, Level]] = {}
    for node in root.findall(f"{W}abstractNum"):
        levels[node.get(f"{W}abstractNumId")] = {
            _int(lvl.get(f"{W}ilvl") or "0", 0): Level(
                _value(lvl, "numFmt", "decimal"), _value(lvl, "lvlText", "%1."), _int(_value(lvl, "start", "1"), 1)
            )
            for lvl in node.findall(f"{W}lvl")
        }
    nums: dict[str, tuple[str, dict[int, int]]] = {}
    for num in root.findall(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        if ref is None:
            continue
        overrides = {}
        for override in num.findall(f"{W}lvlOverride"):
            start = override.find(f"{W}startOverride")
            if start is not None:
                overrides[_int(override.get(f"{W}ilvl") or "0", 0)] = _int(start.get(f"{W}val") or "1", 1)
        nums[num.get(f"{W}numId")] = (ref.get(f"{W}val"), overrides)
    return Numbering(levels, nums)


def _style_numbering(document) -> dict[str, tuple[str, str]]:
    """Paragraph styles that number their paragraphs (List Number …): style id → (numId, ilvl),
    following basedOn; read once, since python-docx looks a style up by scanning them all."""
    styles = {}
    for node in document.styles.element.findall(f"{W}style"):
        ppr = node.find(f"{W}pPr")
        num = ppr.find(f"{W}numPr") if ppr is not None else None
        based = node.find(f"{W}basedOn")
        styles[node.get(f"{W}styleId")] = (num, based.get(f"{W}val") if based is not None else None)
    resolved: dict[str, tuple[str, str]] = {}
    for style_id in styles:
        seen, current = set(), style_id
        while current in styles and current not in seen:
            seen.add(current)
            num, based = styles[current]
            found = _num_ids(num)
            if found:
                resolved[style_id] = found
                break
            current = based
    return resolved


def _num_ids(num) -> tuple[str, str] | None:
    if num is None:
        return None
    num_id = num.find(f"{W}numId")
    level = num.find(f"{W}ilvl")
    if num_id is None:
        return None
    return num_id.get(f"{W}val"), level.get(f"{W}val") if level is not None else "0"


def _num_pr(paragraph, style_numbering: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The paragraph's list membership (numId, ilvl), from itself or from its style."""
    ppr = paragraph._p.pPr
    if ppr is None:
        return None
    own = _num_ids(ppr.find(f"{W}numPr"))
    if own:
        return own
    style = ppr.find(f"{W}pStyle")
    return style_numbering.get(style.get(f"{W}val")) if style is not None else None


def _lines(paragraphs, numbering: Numbering, styles: dict[str, tuple[str, str]]) -> list[str]:
    lines = []
    for paragraph in paragraphs:
        text = paragraph.text
        num = _num_pr(paragraph, styles)
        if num is not None and num[0] != "0":
            # Word shows the number of a numbered paragraph even when it holds no text (a NO column
            # numbered by selecting the column and pressing Numbering).
            label = numbering.label(*num)
            text = f"{label} {text.strip()}".strip() if label else text
        if not text.strip():
            continue
        lines.extend(part for part in text.split("\n") if part.strip())
    return lines


def _table_rows(table, numbering: Numbering, styles: dict[str, tuple[str, str]]) -> list[Row]:
    rows: list[Row] = []
    above: list = []
    for index, row in enumerate(table.rows, start=1):
        # One cell per grid column: a merged cell at its first column, empty cells where it spans.
        cells: list[Cell] = []
        origin: Cell | None = None
        previous = None
        for position, cell in enumerate(row.cells):
            tc = cell._tc
            if previous is tc and origin is not None:
                origin.colspan += 1
                cells.append(Cell())
                continue
            previous = tc
            if position < len(above) and above[position] is tc:
                origin = Cell()
            else:
                origin = Cell(_lines(cell.paragraphs, numbering, styles))
            cells.append(origin)
        above = [c._tc for c in row.cells]
        rows.append(Row(cells, None, index))
    return rows


def _in_data_table(node, layout: set) -> bool:
    parent = node.getparent()
    while parent is not None:
        if parent.tag == f"{W}tbl" and parent not in layout:
            return True
        parent = parent.getparent()
    return False


def read_docx(data: bytes, source: str = "") -> Grid:
    """Read a DOCX into a grid: every table's rows, and paragraphs outside tables as one-cell rows."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except MemoryError:  # the guard's limit, reported as such
        raise
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise BerkasRusak("Berkas Word (DOCX) ini rusak dan tidak dapat dibuka; simpan ulang dari Word.") from exc
    numbering = _numbering(document)
    styles = _style_numbering(document)
    body = document.element.body
    as_shown(body)
    layout = layout_tables(body)
    rows: list[Row] = []
    # Every data table, and every paragraph outside data tables (a layout table's text among them), in
    # document order.
    for line, node in enumerate(body.iter(f"{W}p", f"{W}tbl"), start=1):
        if node in layout or _in_data_table(node, layout):
            continue
        if node.tag == f"{W}tbl":
            rows.extend(_table_rows(Table(node, document), numbering, styles))
        elif next(node.iter(f"{W}tbl"), None) is None:
            text = Paragraph(node, document).text.strip()
            if text:
                rows.append(Row([Cell([text])], None, line))
    return Grid(rows, source)
