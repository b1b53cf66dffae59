"""PDF pages (and scanned pages read by OCR) into a grid: each page's words set out in columns as faithful
laid-out text, then read by the same layout stage as `pdftotext -layout` output (pdfminer gives the characters)."""

from __future__ import annotations

import io
import itertools
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, replace

from inti.errors import BerkasRusak, KinerjaError, MelebihiBatas, PerluSandi, TabelTidakDitemukan

from ..grid import Cell, Grid, Row
from .aligned_page import Carried, page_rows
from .lattice import cell_lines, find_lattices, lattice_rows, segments, word_lines
from .ocr import ScannedPage, image_renderer, pdf_renderer
from .raster import image_pages
from .scan import BY_DEFAULT, Ocr, pages_to_scan, scan
from .text import Line, read_lines

NO_TEXT = (
    "Tidak ada tulisan yang terbaca di berkas ini, juga dengan OCR; periksa apakah halamannya kosong atau terbalik."
)
DAMAGED = "PDF ini rusak atau terpotong dan tidak dapat dibaca; minta salinan yang utuh."
# Words whose bottoms are this close (points) stand on one line.
LINE_TOLERANCE = 2.5
# Characters closer than this (points) belong to one word (pdfplumber's x_tolerance).
WORD_GAP = 1.5
# How far a letter may reach back under the one before it (a kerned pair: `Te`, `AV`).
KERNING = 3.0
# A gap inside a word wider than this is noted: a column may start there (a code set against its text).
SPLIT_GAP = 0.6
# A string printed over another is read apart from it when it has this many characters.
OWN_STRING = 2
# A typical narrow character width (points), the measure of the gaps below.
UNIT_PERCENTILE = 0.1
# A gap under this many character widths is a space inside a phrase, not a gap between columns.
PHRASE_GAP = 0.9
# A column gap is at least this many character widths wide.
GUTTER = 1.5
# Spaces set between columns in the laid-out text.
COLUMN_SPACES = 3
# A vertical gap over this many line steps starts a new block (another table, a paragraph).
BLOCK_GAP = 1.9
_DIGITS_RE = re.compile(r"\d+")
_PAGE_NUMBER_RE = re.compile(
    r"^(?:-?\s*\d{1,4}\s*-?|halaman\s+\d+(?:\s+dari\s+\d+)?|page\s+\d+(?:\s+of\s+\d+)?)$", re.I
)
# A page's lines sort after every line of the page before.
PAGE_SPAN = 100_000.0


def _open(data: bytes, password: str | None):
    """The pdfminer document, or a clear error for a locked, wrong-password or damaged PDF."""
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    try:
        return PDFDocument(PDFParser(io.BytesIO(data)), password=password or "")
    except PDFPasswordIncorrect as exc:
        if password:
            raise PerluSandi("Sandi PDF salah; periksa lagi sandi yang diberikan dengan --sandi.") from exc
        raise PerluSandi("PDF ini terkunci dengan sandi; jalankan lagi dengan --sandi SANDI untuk membukanya.") from exc
    except MemoryError:  # the guard's limit, reported as such
        raise
    except Exception as exc:  # pdfminer raises many kinds on a damaged file
        raise BerkasRusak(DAMAGED) from exc


def _chars(layout) -> list:
    """Every character of a page's layout tree (text inside figures too)."""
    from pdfminer.layout import LTChar, LTContainer

    found = []
    stack = [layout]
    while stack:
        node = stack.pop()
        for child in node:
            if isinstance(child, LTChar):
                found.append(child)
            elif isinstance(child, LTContainer):
                stack.append(child)
    return found


def page_words(layout) -> list[dict]:
    """Words of a page with their box (top from the page's top, in points), as pdfplumber gives them:
    characters on one line, split at spaces and at gaps wider than WORD_GAP."""
    height = layout.height
    chars = _in_reading_order([(height - c.y1, height - c.y0, c.x0, c.x1, c.get_text()) for c in _chars(layout)])
    words: list[dict] = []
    current: dict | None = None
    for (top, bottom, x0, x1, text), run in chars:
        if not text.strip():
            current = None
            continue
        joins = (
            current is not None
            and abs(current["bottom"] - bottom) <= LINE_TOLERANCE
            and -KERNING <= x0 - current["x1"] <= WORD_GAP
        )
        if joins:
            if x0 - current["x1"] > SPLIT_GAP:
                current.setdefault("gaps", []).append((len(current["text"]), x0))
            current.setdefault("joints", []).append((len(current["text"]), x0))  # where a letter starts
            current["text"] += text
            current["x1"] = max(current["x1"], x1)
            current["top"] = min(current["top"], top)
        else:
            collides = (
                current is not None
                and abs(current["bottom"] - bottom) <= LINE_TOLERANCE
                and current["x0"] < x0 < current["x1"] - KERNING
                and not (text == current["text"][-1:] and abs(x1 - current["x1"]) < 1)  # a letter printed twice
            )
            current = {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom}
            if collides:
                # a string of its own printed over another was read apart from it; letters printed over
                # one another (text squeezed into a narrow column) were not
                current["overprinted" if run >= OWN_STRING else "collides"] = True
            words.append(current)
    return words


Char = tuple[float, float, float, float, str]  # top, bottom, x0, x1, text


def _in_reading_order(chars: list[Char]) -> list[tuple[Char, int]]:
    """Characters line by line, left to right; where one string is printed over another (a number too long
    for its column over the unit beside it) each string's characters stay together, in the order the page
    draws them. A string drawn twice at about the same place (simulated bold) counts once. With each
    character, the length of the string it starts (0 inside one)."""
    runs: list[list[Char]] = []
    for char in chars:  # the order the page draws them
        last = runs[-1][-1] if runs else None
        if last is not None and abs(last[1] - char[1]) <= LINE_TOLERANCE and char[2] >= last[3] - KERNING:
            runs[-1].append(char)
        else:
            runs.append([char])
    seen: set[tuple[int, int, str]] = set()
    ordered: list[tuple[int, float, int, Char]] = []
    for number, run in enumerate(runs):
        line = round(run[0][1] / LINE_TOLERANCE)
        text = "".join(c[4] for c in run)
        if any((line, round(run[0][2]) + d, text) in seen for d in (-1, 0, 1)):
            continue
        seen.add((line, round(run[0][2]), text))
        ordered.extend(
            (round(c[1] / LINE_TOLERANCE), run[0][2], number, c, len(run) * (i == 0)) for i, c in enumerate(run)
        )
    ordered.sort(key=lambda item: item[:3])
    return [item[3:] for item in ordered]


@dataclass
class Phrase:
    """Words of one line set closer than a column gap: text and its horizontal extent in points."""

    x0: float
    x1: float
    text: str


def _phrases(words: list[dict], unit: float) -> list[Phrase]:
    phrases: list[Phrase] = []
    for word in sorted(words, key=lambda w: w["x0"]):
        if phrases and word["x0"] - phrases[-1].x1 < PHRASE_GAP * unit:
            last = phrases[-1]
            last.text += " " + word["text"]
            last.x1 = max(last.x1, word["x1"])
        else:
            phrases.append(Phrase(word["x0"], word["x1"], word["text"]))
    return phrases


def _gutters(rows: list[list[Phrase]], unit: float) -> list[float]:
    """Where one column ends and the next starts: gaps that no phrase of a multi-column line crosses."""
    spans = sorted((p.x0, p.x1) for row in rows if len(row) > 1 for p in row)
    cuts: list[float] = []
    if not spans:
        return cuts
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= GUTTER * unit:
            cuts.append((x0 + reach) / 2)
        reach = max(reach, x1)
    return cuts


def _render_block(rows: list[list[Phrase]], unit: float) -> list[str]:
    """Lines of a block with every column at one text position, two spaces at least between columns."""
    cuts = _gutters(rows, unit)

    def column(x: float) -> int:
        return sum(1 for cut in cuts if cut < x)

    placed: list[list[tuple[int, int, str]]] = []
    widths = [0] * (len(cuts) + 1)
    for row in rows:
        pieces: list[tuple[int, int, str]] = []
        for phrase in row:
            first, last = column(phrase.x0), column(phrase.x1)
            if pieces and pieces[-1][0] == first and pieces[-1][1] == first == last:
                pieces[-1] = (first, last, pieces[-1][2] + " " + phrase.text)
            else:
                pieces.append((first, last, phrase.text))
        for first, last, text in pieces:
            if first == last:
                widths[first] = max(widths[first], len(text))
        placed.append(pieces)
    indent = round(min(p.x0 for row in rows for p in row) / unit)
    starts = [indent]
    for width in widths[:-1]:
        starts.append(starts[-1] + width + COLUMN_SPACES)
    lines = []
    for pieces in placed:
        text = ""
        for first, _, piece in pieces:
            text = (text + "  " if text else "").ljust(starts[first]) + piece
        lines.append(text)
    return lines


def page_lines(words: list[dict], page: int) -> list[Line]:
    """A page's words as laid-out text: lines from word positions, cut into blocks at wide vertical
    gaps (two blank lines between), each block's columns found from the true x positions."""
    if not words:
        return []
    widths = sorted((w["x1"] - w["x0"]) / len(w["text"]) for w in words if w["text"])
    unit = widths[int(len(widths) * UNIT_PERCENTILE)] if widths else 5.0
    rows = word_lines(words, LINE_TOLERANCE)
    steps = [b[0]["bottom"] - a[0]["bottom"] for a, b in itertools.pairwise(rows)]
    step = statistics.median(steps) if steps else 12.0
    blocks: list[list[list[dict]]] = [[rows[0]]]
    for before, row in itertools.pairwise(rows):
        if row[0]["bottom"] - before[0]["bottom"] > BLOCK_GAP * step:
            blocks.append([])
        blocks[-1].append(row)
    lines: list[Line] = []
    number = 0
    for block in blocks:
        if lines:
            lines.extend([Line("", page, number, -1.0), Line("", page, number, -1.0)])
        texts = _render_block([_phrases(row, unit) for row in block], unit)
        for row, text in zip(block, texts):
            number += 1
            lines.append(Line(text, page, number, page * PAGE_SPAN + min(w["top"] for w in row)))
    return lines


@dataclass
class Page:
    """What one page gives: its words, its ruled tables, its number."""

    number: int
    words: list[dict]
    lattices: list


def _outside_lines(page: Page) -> list[tuple[str, float]]:
    """The page's lines of text outside its ruled tables."""
    outside = [w for w in page.words if not any(t.holds(w) for t in page.lattices)]
    return cell_lines(outside, LINE_TOLERANCE)


def _furniture(pages: list[Page]) -> set[tuple[int, str]]:
    """Running headers and footers: page numbers, and lines outside the tables that stand above the first
    table or below the last one on several pages (digits aside)."""
    seen: dict[str, set[int]] = {}
    margins: dict[int, list[str]] = {}
    for page in pages:
        tables = [t.box for t in page.lattices]
        first = min((box[1] for box in tables), default=float("inf"))
        last = max((box[3] for box in tables), default=float("-inf"))
        texts = [text for text, top in _outside_lines(page) if top < first or top > last]
        margins[page.number] = texts
        for text in texts:
            seen.setdefault(_DIGITS_RE.sub("#", text), set()).add(page.number)
    drop = set()
    for number, texts in margins.items():
        for text in texts:
            if _PAGE_NUMBER_RE.match(text) or len(seen[_DIGITS_RE.sub("#", text)]) >= 2:
                drop.add((number, text))
    return drop


def _ruled_rows(page: Page, furniture: set[tuple[int, str]]) -> list[Row]:
    """A page with ruled tables: each table's rows as the lattice cuts them, other text as one-cell lines,
    in the order they stand on the page."""
    offset = page.number * PAGE_SPAN
    inside = [w for w in page.words if any(t.holds(w) for t in page.lattices)]
    items: list[tuple[float, list[Cell]]] = []
    for lattice in page.lattices:
        items.extend(lattice_rows(lattice, [w for w in inside if lattice.holds(w)], LINE_TOLERANCE, offset))
    items.extend(
        (offset + top, [Cell([text], [offset + top])])
        for text, top in _outside_lines(page)
        if (page.number, text) not in furniture
    )
    tops = sorted({round(top, 1) for _, top in cell_lines(page.words, LINE_TOLERANCE)})
    rows = []
    for top, cells in sorted(items, key=lambda item: item[0]):
        first = min((t for c in cells for t in (c.tops or [])), default=top) - offset
        line = 1 + sum(1 for t in tops if t < first - LINE_TOLERANCE)
        rows.append(Row(cells, page.number, line))
    return rows


def _pages(data: bytes, password: str | None, max_pages: int) -> list[Page]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    document = _open(data, password)
    resources = PDFResourceManager(caching=True)
    device = PDFPageAggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, device)
    pages = []
    try:
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            if number > max_pages:
                raise MelebihiBatas(
                    f"PDF ini lebih dari {max_pages} halaman (batasnya); pisahkan bagian tabel IKU-nya."
                )
            interpreter.process_page(page)
            layout = device.get_result()
            words = page_words(layout)
            pages.append(Page(number, words, find_lattices(segments(layout, layout.height), words)))
    except KinerjaError:
        raise
    except MemoryError:  # the guard's limit, reported as such
        raise
    except Exception as exc:  # pdfminer raises many kinds on a damaged stream
        raise BerkasRusak(DAMAGED) from exc
    return pages


def _scanned(page: ScannedPage) -> Page:
    return Page(page.number, page.words, find_lattices(page.lines, page.words))


def read_pdf(
    data: bytes,
    is_header: Callable[[Row], bool],
    source: str = "",
    password: str | None = None,
    max_pages: int = 1000,
    ocr: Ocr = BY_DEFAULT,
) -> list[Grid]:
    """Read a PDF into grids to choose from; pages without a text layer (or all, when OCR is forced) are
    read by OCR first."""
    pages = _pages(data, password, max_pages)
    indexes = pages_to_scan([len(page.words) for page in pages], ocr)
    for scanned in scan(pdf_renderer(data, password), indexes, ocr):
        pages[scanned.number - 1] = _scanned(scanned)
    return page_grids(pages, is_header, source)


def read_image(data: bytes, is_header: Callable[[Row], bool], source: str = "", ocr: Ocr = BY_DEFAULT) -> list[Grid]:
    """Read a scanned or photographed page (PNG, JPEG, a TIFF of one or more pages) by OCR into grids."""
    indexes = list(range(image_pages(data)))
    return page_grids([_scanned(page) for page in scan(image_renderer(data), indexes, ocr)], is_header, source)


def page_grids(pages: list[Page], is_header: Callable[[Row], bool], source: str = "") -> list[Grid]:
    """Pages into grids to choose from: ruled tables by their lines; pages without rules both by the
    words' alignment and as laid-out text (preferred in that order)."""
    if not any(page.words for page in pages):
        raise TabelTidakDitemukan(NO_TEXT)
    crowded = tuple(page.number for page in pages if any(word.get("collides") for word in page.words))
    if any(page.lattices for page in pages):
        furniture = _furniture(pages) if len(pages) > 1 else set()
        rows = [row for page in pages for row in _ruled_rows(page, furniture)]
        return [Grid(rows, source, wrapped=True, crowded=crowded)]
    lines = [line for page in pages for line in page_lines(page.words, page.number)]
    laid_out = replace(read_lines(lines, is_header, source), wrapped=True, crowded=crowded)
    rows: list[Row] = []
    carried = Carried()
    unsure: list[int] = []
    for page in pages:
        found, carried = page_rows(page.words, page.number, page.number * PAGE_SPAN, is_header, carried)
        rows.extend(found)
        unsure += [page.number] if carried.unsure else []
    aligned = Grid(rows, source, wrapped=True, crowded=crowded, unsure=tuple(unsure))
    return [aligned, replace(laid_out, unsure=tuple(unsure))]
