"""What Tesseract misreads in IKU tables, mended from what such a table holds: "%" read as "Yo" or "Y6",
quarter headers (Q2 read as 02), a sasaran's code SS.2 read as "$5.2", a column-number row's 7 read as 1,
the separator lost where a narrow column broke a number."""

from __future__ import annotations

import itertools
import re

# "%" as Tesseract often misreads it in small print: after digits ("95Yo"), or a word of its own.
_PERCENT_RE = re.compile(r"(?<=\d)(?:Y6|Yo|Y0|YO|%o|%6)$")
_PERCENT_WORDS = {"Yo", "Y6", "Y0", "YO", "%o", "%6"}
_BRACKETED_PERCENT_RE = re.compile(r"^\((?:Yo|Y6|Y0|%o|20|96)\)$")
# A range's "sd" (sampai dengan) run into the number before it: "1sd".
_RANGE_RE = re.compile(r"^(\d+(?:[.,]\d+)?%?)(sd|s\.d\.?)$")
# A sasaran's code SS.2 read as "$5.2" or "S5.2".
_SASARAN_CODE_RE = re.compile(r"^[S$][5S$](?=\.\d)")
# A code S1.1 read as "$1.1" (a dollar amount has no such short dotted number).
_DOLLAR_CODE_RE = re.compile(r"^\$(?=\d\.\d{1,2}$)")
# A comparison sign read as a guillemet ("> 3,75" as "» 3,75"): no IKU table prints guillemets.
_COMPARISON = {"»": ">", "«": "<"}
# Points within which two words stand on one line (for mending one by another).
LINE_SLACK = 3.0
_QUARTER_RE = re.compile(r"^(s\.d\.)?Q[1-4]$")
_QUARTER_AS_ZERO_RE = re.compile(r"^(s\.d\.)?[0O]([1-4])$")


def mend_quarters(words: list[dict]) -> list[dict]:
    """Quarter headers (Q1 … Q4, s.d.Q3) whose Q was read as 0, where another on the same line reads Q."""
    quarters = [w["bottom"] for w in words if _QUARTER_RE.match(w["text"])]
    for word in words:
        found = _QUARTER_AS_ZERO_RE.match(word["text"])
        if found and any(abs(word["bottom"] - bottom) <= LINE_SLACK for bottom in quarters):
            word["text"] = f"{found.group(1) or ''}Q{found.group(2)}"
    return words


def mend_misreads(words: list[dict]) -> list[dict]:
    """Words with "%" where Tesseract read it as "Yo" or "Y6": after digits, or a word of its own (a unit
    column's; no Indonesian word is spelt so), or "(%)" after a header word ("Target (20)"); SS.2 where
    a sasaran's code was read as "$5.2" (S1.1 as "$1.1"); "1 sd" where a range's space was lost ("1sd");
    a Roman one read as "|" between words ("Eselon | hasil"); and ">" read as "»"."""
    for before, word, after in zip([None, *words], words, [*words[1:], None]):
        text = _PERCENT_RE.sub("%", word["text"])
        if text in _PERCENT_WORDS:
            text = "%"
        elif _BRACKETED_PERCENT_RE.match(text) and before is not None and before["text"].isalpha():
            text = "(%)"
        elif text == "|" and _on_one_line(before, word, after) and before["text"][-1:].isalpha():
            text = "I"
        text = _COMPARISON.get(text[:1], "") + text[1:] if text[:1] in _COMPARISON else text
        text = _DOLLAR_CODE_RE.sub("S", _SASARAN_CODE_RE.sub("SS", text))
        word["text"] = _RANGE_RE.sub(r"\1 \2", text)
    return words


def _on_one_line(before: dict | None, word: dict, after: dict | None) -> bool:
    """Whether a word stands between two others on its line (not alone in a cell, where "|" is a rule)."""
    return all(o is not None and abs(o["bottom"] - word["bottom"]) <= LINE_SLACK for o in (before, after))


_MARKER_RE = re.compile(r"^[a-z]\.$")
_DOUBLED_MARKER_RE = re.compile(r"^([A-Za-z])([A-Za-z])\.$")


def mend_list_markers(words: list[dict]) -> list[dict]:
    """A list item's letter read twice ("c." as "Cc."), where other items' letters ("a.", "b.") start
    at the same place on the page."""
    starts = [w["x0"] for w in words if _MARKER_RE.match(w["text"])]
    for word in words:
        found = _DOUBLED_MARKER_RE.match(word["text"])
        if (
            found
            and found.group(1).lower() == found.group(2)
            and any(abs(word["x0"] - x0) <= LINE_SLACK for x0 in starts)
        ):
            word["text"] = f"{found.group(2)}."
    return words


_COLUMN_NUMBER_RE = re.compile(r"^(\(?)(\d{1,2})(\)?)$")
# A row of column numbers has at least this many.
MIN_COLUMNS = 4


def text_lines(words: list[dict]) -> list[list[dict]]:
    """The words in lines (by baseline, within LINE_SLACK), each left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: w["bottom"]):
        if lines and abs(lines[-1][0]["bottom"] - word["bottom"]) <= LINE_SLACK:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def mend_column_numbers(words: list[dict]) -> list[dict]:
    """A row of column numbers (1 2 3 … or (1) (2) …) with one number misread (7 read as 1): mended
    where every other number follows on from the first."""
    for line in text_lines(words):
        found = [_COLUMN_NUMBER_RE.match(w["text"]) for w in line]
        if len(line) < MIN_COLUMNS or not all(found):
            continue
        start = int(found[0].group(2)) if found[0] else 0
        wrong = [i for i, m in enumerate(found) if m and int(m.group(2)) != start + i]
        if len(wrong) == 1 and wrong[0] > 0:
            m = found[wrong[0]]
            assert m is not None
            line[wrong[0]]["text"] = f"{m.group(1)}{start + wrong[0]}{m.group(3)}"
    return words


_GROUPED_RE = re.compile(r"\d{1,3}(?:([.,])\d{3})+$")
_GROUPS_RE = re.compile(r"^\d{3}(?:[.,]\d{3})*$")
# A line reaches its cell's right edge within this many of its characters (the lattice reader's measure,
# plus the lost separator).
EDGE_CHARACTERS = 2.5


def mend_broken_numbers(words: list[dict], boxes: list[tuple[float, float, float, float]]) -> list[dict]:
    """A number a narrow cell broke over two lines (26.680.195.570 / .824) whose second line lost its
    leading separator to OCR (a speck-sized dot): the separator put back, so the number is joined again
    as in a text PDF."""
    for x0, top, x1, bottom in boxes:
        inside = [w for w in words if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= w["bottom"] <= bottom]
        if not inside:
            continue
        padding = min(max(min(w["x0"] for w in inside) - x0, 1.0), 8.0)
        for before, after in itertools.pairwise(text_lines(inside)):
            last = before[-1]
            grouped = _GROUPED_RE.search(last["text"])
            char = (last["x1"] - last["x0"]) / max(1, len(last["text"]))
            at_edge = last["x1"] >= x1 - padding - EDGE_CHARACTERS * char
            if grouped and at_edge and _GROUPS_RE.match(after[0]["text"]):
                after[0]["text"] = grouped.group(1) + after[0]["text"]
    return words
