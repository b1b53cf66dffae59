"""Numbers and codes a narrow column of laid-out text broke over two lines (`105,9` above `7`, `1` above `0.`,
`1.01.02.` above `2.01`): whether a line's values are such pieces, and the line with them joined above."""

from __future__ import annotations

import re

from ..grid import Cell
from ..words import _GROUPED_RE
from .aligned import _column

_PARTIAL_RE = re.compile(r"^\d{1,3}(?:\.\d{3})*\.\d{1,2}$|^\d{1,3}(?:\.\d{3})+$")


_BROKEN_AFTER_DOT_RE = re.compile(r"^\d{1,3}(?:\.\d{3})+\.$")
_GROUPS_RE = re.compile(r"^\d{3}(?:\.\d{3})*$")


def goes_on(above: str, below: str) -> bool:
    """A number broken by a narrow column: `331.485.001.20` above `6`, `11.550.550.774` above `.000`,
    `33.368.327.` above `452.365`."""
    if _BROKEN_AFTER_DOT_RE.match(above):
        return bool(_GROUPS_RE.match(below))
    return bool(_PARTIAL_RE.match(above)) and bool(_GROUPED_RE.match(above + below)) and len(below) <= 4


def glued(above: list[dict], line: list[dict], cuts: list[float], values: set[int]) -> list[dict]:
    """The line without the pieces of numbers and codes broken from the line above, each joined to its
    number there (`105,9` + `7`, `1` + `0.`, `1.` + `1`)."""
    kept = []
    for word in line:
        c = _column((word["x0"] + word["x1"]) / 2, cuts)
        over = [w for w in above if _column((w["x0"] + w["x1"]) / 2, cuts) == c]
        piece = re.fullmatch(r"[.,]?\d{1,3}[.)]?", word["text"])
        if c in values and len(over) == 1 and (piece or goes_on(over[0]["text"], word["text"])):
            over[0]["text"] += word["text"]
        else:
            kept.append(word)
    return kept


def right_edges(body: list[list[dict]], cuts: list[float]) -> dict[int, float]:
    edges: dict[int, float] = {}
    for line in body:
        for w in line:
            c = _column((w["x0"] + w["x1"]) / 2, cuts)
            edges[c] = max(edges.get(c, 0.0), w["x1"])
    return edges


def decimal_goes_on(
    above: list[dict], line: list[dict], cuts: list[float], values: set[int], edges: dict[int, float], slack: float
) -> bool:
    """Numbers broken at the edge of narrow columns (`105,9` above `7`): every value on the line is a few
    digits under a number that ran to its column's edge. Whole numbers (`400` above `0`) only where the
    line breaks several of them and holds no more than one other cell (a row of its own has its unit)."""
    pieces = [w for w in line if _column((w["x0"] + w["x1"]) / 2, cuts) in values and w["text"][:1].isdigit()]
    if not pieces:
        return False
    others = {_column((w["x0"] + w["x1"]) / 2, cuts) for w in line} - values
    whole = len(pieces) >= 2 and len(others) <= 1
    for piece in pieces:
        c = _column((piece["x0"] + piece["x1"]) / 2, cuts)
        over = [w for w in above if _column((w["x0"] + w["x1"]) / 2, cuts) == c]
        if not re.fullmatch(r"\d{1,3}", piece["text"]) or len(over) != 1:
            return False
        number = re.fullmatch(r"\d+(?:[.,:]\d*)+", over[0]["text"]) or (
            whole and re.fullmatch(r"\d{3,}", over[0]["text"])
        )
        if not number or over[0]["x1"] < edges.get(c, 0.0) - slack:
            return False
    return True


def numbers_go_on(before: list[Cell], cells: list[Cell], values: set[int]) -> bool:
    """Row numbers broken by narrow columns (`1` above `0`, `1` above `1.`) beside text that goes on in
    small letters: the line's only values are digits under the values above, its text a sasaran's rest,
    and the last value of the line above (its target) has nothing under it (a row of its own would)."""
    filled = [c for c in values if c < len(cells) and cells[c].lines]
    texts = [cell.text for c, cell in enumerate(cells) if c not in values and cell.lines]
    above = [c for c in values if c < len(before) and before[c].lines]
    return (
        bool(filled)
        and bool(above)
        and max(above) not in filled
        and bool(texts)
        and any(text[:1].islower() for text in texts)
        and not any(text[:1].isupper() or text[:1].isdigit() for text in texts)
        and all(
            c < len(before)
            and re.fullmatch(r"\d{1,3}[.)]?", before[c].text)
            and re.fullmatch(r"\d{1,2}[.)]?", cells[c].text)
            for c in filled
        )
    )


def code_goes_on(before: list[Cell], cells: list[Cell], values: set[int]) -> bool:
    """A code broken after its dot (`1.` above `1`): the line's only values finish the ones above."""
    filled = [c for c in values if c < len(cells) and cells[c].lines]
    return bool(filled) and all(
        c < len(before) and before[c].text.endswith(".") and re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*", cells[c].text)
        for c in filled
    )
