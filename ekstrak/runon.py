"""In laid-out text, whether an unnumbered sasaran text under another starts a sasaran or is the rest of
the one above (a sasaran cell of a top-aligned table runs on beside the next rows' indicators)."""

from __future__ import annotations

import re
from enum import Enum

from .grid import Cell, Row


class RunOn(Enum):
    NEW = "new"
    REST = "rest"
    UNSURE = "unsure"


# Characters of slack before a word is taken to have fitted on the line above (letters differ in width).
FIT_MARGIN = 2
# Words a phrase does not end with: a sasaran text ending with one goes on below.
_DANGLING = {
    "yang", "dan", "di", "ke", "dari", "untuk", "pada", "dengan", "terhadap", "dalam", "serta", "atau",
    "oleh", "bagi", "melalui", "antar", "para", "sebagai", "atas", "kepada", "tentang", "menuju",
}  # fmt: skip
# How a sasaran opens: a state (`Meningkatnya`, `Terwujudnya`, `Sekurang-kurangnya`).
_STATE_RE = re.compile(r"^[A-Z][\w-]*nya$")
# Or an act (`Peningkatan`, `Meningkatkan`): weaker, as such words stand inside phrases too (`Pelayanan`).
_ACT_RE = re.compile(r"^(?:Pe|Me)[a-z]+(?:an|kan)$")


def _first_word(text: str) -> str:
    words = text.split()
    return words[0].strip(",.;:()") if words else ""


def _opens(text: str) -> bool:
    word = _first_word(text)
    return bool(_STATE_RE.match(word) or _ACT_RE.match(word))


def _ran_to_bottom(row: Row | None, column: int | None) -> bool:
    """Whether the row's cell in `column` has text on the row's last line (so its text may go on below)."""
    if row is None or column is None:
        return True
    cell = row.cell(column)
    if cell.empty:
        return False
    tops = [top for c in row.cells for top in (c.tops or [])]
    return not cell.tops or max(cell.tops) >= max(tops)


def run_on(above: Cell, text: Cell, last_row: Row | None, column: int | None, width: int) -> RunOn:
    """Whether `text` (an unnumbered sasaran cell starting a row) starts a sasaran or is the rest of `above`,
    the current sasaran's text; UNSURE when neither the table nor the words tell."""
    before = " ".join(above.lines).split()
    first = text.lines[0].strip() if text.lines else ""
    if not before or not first:
        return RunOn.NEW
    if first[:1].islower():
        return RunOn.REST
    if before[-1].lower() in _DANGLING:  # the text above is unfinished: this is its rest, unless it opens one
        return RunOn.UNSURE if _opens(first) else RunOn.REST
    if not _ran_to_bottom(last_row, column):
        return RunOn.NEW  # the cell above ended before its row did: this is another cell
    if len(above.lines[-1].strip()) + 1 + len(_first_word(first)) <= width - FIT_MARGIN:
        return RunOn.NEW  # the word would have fitted on the line above: the text wrapped there, not here
    if _STATE_RE.match(_first_word(first)):
        return RunOn.NEW
    if _opens(" ".join(before)) and not _opens(first):
        return RunOn.REST
    return RunOn.UNSURE
