"""Scanned pages read with Tesseract (its Indonesian model, from Debian): each page rasterised, set upright
and level, its ruling lines found in the image and its words read with their boxes and confidence, so a
scan reaches the same lattice and grid stage as a ruled PDF's page."""

from __future__ import annotations

import functools
import glob
import importlib.util
import itertools
import os
import resource
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import numpy as np

from inti.errors import KinerjaError, MelebihiBatas, PerluProgram

from .lattice import Segment, find_lattices
from .lettercase import TALL, candidates, mend_case
from .misread import mend_broken_numbers, mend_column_numbers, mend_list_markers, mend_misreads, mend_quarters
from .perspective import flatten_photo
from .punctuation import restore_marks
from .raster import render_image_page, render_pdf_page
from .reread import reread_numbers
from .rules import find_rules
from .spacing import join_unspaced
from .straighten import straighten
from .uncovered import uncovered_boxes

# Debian's Tesseract runs OpenMP threads; pages run one per process instead, so each keeps to one thread.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

WORKER_MEMORY = (
    "Membaca satu halaman pindaian memerlukan lebih dari {} MiB memori dan dihentikan; halamannya mungkin "
    "sangat besar (pindai pada 200–300 dpi) atau berkasnya sengaja dibuat berat."
)
# Debian's Indonesian model misreads "%" (as "Y6"); its English model, asked second, reads it.
LANGUAGES = "ind+eng"
PACKAGES = "tesseract-ocr tesseract-ocr-ind tesseract-ocr-osd"
MISSING = (
    "Berkas ini hasil pindaian dan perlu dibaca dengan OCR, tetapi Tesseract dengan bahasa Indonesia belum "
    f"terpasang; pasang paket Debian {PACKAGES} (mis. 'sudo apt-get install {PACKAGES}'), lalu jalankan lagi."
)
# How Tesseract lays out a page: sparse text (a table's cells are many small blocks).
PAGE_MODE = 11
# Words Tesseract is less sure of than this (0–100) are noise: specks, stamp rings, signature strokes.
NOISE_CONFIDENCE = 20
# Pixels kept clear inside a cell's ruling lines (what is left of a wiped line); the least cell read again;
# the least confidence (0–1) of a word read in an empty cell (else it is a speck).
CELL_MARGIN = 4
MIN_CELL = 12
CELL_WORD = 0.8
# A short word alone on a line its cell leaves for it needs only this confidence; it lines up with the
# line above it within this many points.
LINE_WORD = 0.5
LINE_ALIGN = 1.5
# A word found so is at least this tall (points, top to baseline: a small "n"); specks are smaller.
MIN_HEIGHT = 3.5
# A short word found so (this many characters at most) is at least this share of the page's numbers'
# height where it has a tall letter or digit, and this share where its letters are small (a speck read
# as "2", "I" or "if" is shorter).
SHORT_WORD = 2
DIGIT_SHARE = 0.8
SMALL_SHARE = 0.55
# A word reaching this far (points) past a vertical ruling line was read across it.
RULE_OVERLAP = 1.5
# A word (pixels) taller than this is no body text (a stamp's ring, a pen stroke, a logo).
MAX_WORD_HEIGHT = 120


def tessdata() -> str:
    """The folder holding Tesseract's Indonesian model (TESSDATA_PREFIX, else Debian's), or a clear error."""
    wanted = [os.environ["TESSDATA_PREFIX"]] if os.environ.get("TESSDATA_PREFIX") else []
    wanted += sorted(glob.glob("/usr/share/tesseract-ocr/*/tessdata"), reverse=True)
    for folder in wanted:
        if os.path.exists(os.path.join(folder, "ind.traineddata")):
            return folder.rstrip("/") + "/"
    raise PerluProgram(MISSING)


def check_ocr() -> str:
    """The tessdata folder, after loading the OCR libraries; PerluProgram where they are missing, and
    MemoryError where they are installed but do not fit under the memory limit."""
    folder = tessdata()
    try:
        import cv2  # noqa: F401
        import pypdfium2  # noqa: F401
        import tesserocr  # noqa: F401
    except ImportError as exc:
        if all(importlib.util.find_spec(name) for name in ("cv2", "pypdfium2", "tesserocr")):
            raise MemoryError from exc
        raise PerluProgram(MISSING) from exc
    return folder


@functools.cache
def _engines(folder: str):
    """This process's Tesseract engines: Indonesian text, and orientation detection (when installed)."""
    from tesserocr import PSM, PyTessBaseAPI

    text = PyTessBaseAPI(path=folder, lang=LANGUAGES, psm=PAGE_MODE)
    osd = (
        PyTessBaseAPI(path=folder, lang="osd", psm=PSM.OSD_ONLY) if os.path.exists(folder + "osd.traineddata") else None
    )
    return text, osd


@dataclass
class ScannedPage:
    """What OCR gives for one page: words (boxes in points from the top left, confidence 0–1) and rules."""

    number: int
    words: list[dict]
    lines: list[Segment]


def _collect(api, scale: float) -> list[dict]:
    """The words of the last recognition as pdfplumber gives a text PDF's (x0, x1, top, bottom in points)
    with `conf`; a word's bottom is its baseline, so words with and without descenders stand on one line
    (`box_bottom` is its box's, below any descender)."""
    from tesserocr import RIL, iterate_level

    words: list[dict] = []
    iterator = api.GetIterator()
    if iterator is None:
        return words
    for item in iterate_level(iterator, RIL.WORD):
        try:
            text = (item.GetUTF8Text(RIL.WORD) or "").strip()
        except RuntimeError:  # an empty cell: no text at all
            continue
        box = item.BoundingBox(RIL.WORD)
        if not text or box is None:
            continue
        confidence = item.Confidence(RIL.WORD)
        x0, y0, x1, y1 = box
        if confidence < NOISE_CONFIDENCE or y1 - y0 > MAX_WORD_HEIGHT:
            continue
        baseline = item.Baseline(RIL.WORD)
        bottom = min(y1, max(y0 + 1, (baseline[0][1] + baseline[1][1]) / 2)) if baseline else y1
        word = {"text": text, "x0": x0 * scale, "x1": x1 * scale, "top": y0 * scale, "bottom": bottom * scale}
        words.append({**word, "conf": round(confidence / 100, 2), "box_bottom": y1 * scale})
    _mend_letter_case(api, scale, words)
    return mend_misreads(words)


def _mend_letter_case(api, scale: float, words: list[dict]) -> None:
    """Small letters read as capitals of the same shape ("AVLOS" for "AvLOS"), told by where their tops stand."""
    from tesserocr import RIL, iterate_level

    wanted = candidates(words)
    if not wanted:
        return
    symbols: list[tuple[str, float, float, float, float]] = []  # text, centre x and y (points), top, bottom
    for item in iterate_level(api.GetIterator(), RIL.SYMBOL):
        box = item.BoundingBox(RIL.SYMBOL)
        text = item.GetUTF8Text(RIL.SYMBOL) if box is not None else None
        if text:
            x0, y0, x1, y1 = box
            symbols.append((text, (x0 + x1) / 2 * scale, (y0 + y1) / 2 * scale, float(y0), float(y1)))
    for word in wanted:
        inside = [
            (text, top, bottom)
            for text, x, y, top, bottom in symbols
            if word["x0"] <= x <= word["x1"] and word["top"] <= y <= word["box_bottom"]
        ]
        mend_case(word, inside)


def read_words(gray: np.ndarray, scale: float, api) -> list[dict]:
    """The page's words, read as sparse text (cells of a table are many small blocks)."""
    from PIL import Image

    api.SetImage(Image.fromarray(gray))
    api.Recognize()
    return _collect(api, scale)


def _overlaps(word: dict, others: list[dict]) -> bool:
    return any(
        word["x0"] < o["x1"] and o["x0"] < word["x1"] and word["top"] < o["bottom"] and o["top"] < word["bottom"]
        for o in others
    )


def _box_height(word: dict) -> float:
    """A word's height from its top to its box's bottom (a digit's height: digits have no descenders)."""
    return word.get("box_bottom", word["bottom"]) - word["top"]


def _least_height(text: str, tall: float) -> float:
    """How tall (points, box) a short word found in a cell is at least, given the page's digits' height:
    as tall as a digit where it holds a capital, a digit or an ascender, else as a small letter."""
    if len(text) > SHORT_WORD:
        return 0.0
    return (DIGIT_SHARE if any(c in TALL for c in text) else SMALL_SHARE) * tall


def read_missed(
    scale: float, api, boxes: list[tuple[float, float, float, float]], words: list[dict]
) -> tuple[list[dict], list[dict]]:
    """Words the page reading missed, found by reading each table cell again on its own as a block of
    text: reading a page as sparse text loses a cell's lone short line ("2", "%", the "n" of a "Perse-n"
    broken by a narrow column). Only sure words where the page reading has none are added, and a short
    one only as tall as its letters stand in the page's print (a speck is read as "2", "I" or "if"); a
    less sure one where it stands alone on a line the cell leaves for it. Returns the words found and the
    page's words they replace (marks where the cell reading found a letter)."""
    from tesserocr import PSM

    digits = [_box_height(w) for w in words if w["text"].isdigit()]
    tall = float(np.median(digits)) if digits else 0.0
    found: list[dict] = []
    replaced: list[dict] = []
    api.SetPageSegMode(PSM.SINGLE_BLOCK)  # on the page image read_words set
    try:
        for x0, top, x1, bottom in boxes:
            left, upper = int(x0 / scale) + CELL_MARGIN, int(top / scale) + CELL_MARGIN
            width, height = int((x1 - x0) / scale) - 2 * CELL_MARGIN, int((bottom - top) / scale) - 2 * CELL_MARGIN
            if width < MIN_CELL or height < MIN_CELL:
                continue
            api.SetRectangle(left, upper, width, height)
            api.Recognize()
            inside = [w for w in words if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= w["top"] <= bottom]
            for w in _collect(api, scale):
                sure = w["conf"] >= CELL_WORD or (w["conf"] >= LINE_WORD and _on_missing_line(w, inside))
                if not (
                    sure
                    and w["bottom"] - w["top"] >= MIN_HEIGHT
                    and _box_height(w) >= _least_height(w["text"], tall)
                    and (any(c.isalnum() for c in w["text"]) or w["text"] == "%")
                ):
                    continue
                under = [o for o in words if _overlaps(w, [o])]
                if under and all(not any(c.isalnum() for c in o["text"]) and o["conf"] < w["conf"] for o in under):
                    replaced.extend(under)  # a letter the page reading took for a mark (`i` read `|`)
                    under = []
                if not under:
                    found.append(w)
    finally:
        api.SetPageSegMode(PAGE_MODE)
    return found, replaced


def _on_missing_line(word: dict, inside: list[dict]) -> bool:
    """A short word that stands alone on a line the cell's other lines leave for it: one line step below a
    line that starts where it starts (the end of a word a narrow column broke: `bilita` / `s` / `inter`)."""
    if len(word["text"]) > SHORT_WORD or not word["text"].isalpha() or not word["text"].islower():
        return False
    bottoms = sorted({round(w["bottom"], 1) for w in inside})
    steps = [b - a for a, b in itertools.pairwise(bottoms) if b - a > MIN_HEIGHT]
    if not steps:
        return False
    step = min(steps)
    return any(
        abs(o["x0"] - word["x0"]) <= LINE_ALIGN and abs(word["bottom"] - o["bottom"] - step) <= LINE_ALIGN
        for o in inside
    ) and not any(abs(o["bottom"] - word["bottom"]) <= LINE_ALIGN for o in inside)


def across_rules(words: list[dict], lines: list[Segment]) -> list[dict]:
    """The words without those read across a wiped vertical ruling line (`5 | 0 | 0 | 2` of narrow code
    columns read `5002`): the cells on either side are read again on their own (`read_missed`)."""
    down = [s for s in lines if not s.horizontal]

    def crosses(word: dict) -> bool:
        middle = (word["top"] + word["bottom"]) / 2
        return any(
            s.start <= middle <= s.end and word["x0"] + RULE_OVERLAP < s.at < word["x1"] - RULE_OVERLAP for s in down
        )

    return [w for w in words if not crosses(w)]


Render = Callable[[int], tuple[np.ndarray, float]]


def read_page(render: Render, index: int, folder: str) -> ScannedPage:
    """One page rendered, flattened (a photo) and straightened, its rules found and wiped, its words read."""
    text_api, osd_api = _engines(folder)
    gray, scale = render(index)
    gray = straighten(flatten_photo(gray), osd_api)
    lines, clean = find_rules(gray, scale)
    words = across_rules(read_words(clean, scale, text_api), lines)
    boxes = [region.box for lattice in find_lattices(lines) for region in lattice.regions]
    # A page without cells is searched for ink no word covers instead.
    again = boxes or uncovered_boxes(clean, scale, words)
    found, replaced = read_missed(scale, text_api, again, words)
    words = join_unspaced([w for w in words if not any(w is r for r in replaced)] + found, clean, scale)
    words = restore_marks(words, clean, scale)
    words = mend_broken_numbers(mend_column_numbers(mend_list_markers(mend_quarters(words))), boxes)
    words = reread_numbers(clean, scale, text_api, words, PAGE_MODE)
    return ScannedPage(index + 1, words, lines)


_WORK: tuple[Render, str] | None = None


def _start_worker(render: Render, folder: str, memory: int | None) -> None:
    """A page worker: `memory` bytes more than it starts with, Leptonica's complaints (its own lines on
    stderr) silenced, then ready to read pages."""
    global _WORK
    _WORK = (render, folder)
    if memory is not None:
        with open("/proc/self/statm", encoding="ascii") as stream:
            size = int(stream.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        wanted = size + memory if hard == resource.RLIM_INFINITY else min(hard, size + memory)
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 2)
    os.close(quiet)


def _worker_page(index: int) -> ScannedPage:
    assert _WORK is not None
    render, folder = _WORK
    return _read_limited(render, index, folder)


def _read_limited(render: Render, index: int, folder: str) -> ScannedPage:
    """`read_page` in a process under a memory limit."""
    try:
        return read_page(render, index, folder)
    except KinerjaError:
        raise
    except Exception as exc:
        # Under its memory limit a worker's failed allocation surfaces as the library's own error
        # (OpenCV's cv2.error, Leptonica's missing image in tesserocr), not as MemoryError.
        raise MemoryError from exc


def workers_for(pages: int) -> int:
    """Page workers for a scan: one per core this process may use, no more than its pages."""
    return max(1, min(pages, len(os.sched_getaffinity(0))))


def read_pages(
    render: Render, indexes: list[int], memory: int | None = None, done: Callable[[int], None] | None = None
) -> list[ScannedPage]:
    """The pages at `indexes` (from 0) read in parallel, one process per core, each worker keeping to
    `memory` bytes more than it started with; `done(n)` is told how many pages are finished."""
    folder = check_ocr()  # the libraries loaded here, before the workers are forked, not in each
    workers = workers_for(len(indexes))
    if workers == 1:
        out = []
        for index in indexes:
            out.append(_read_limited(render, index, folder))
            if done:
                done(len(out))
        return out
    import multiprocessing

    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(
            workers, context, initializer=_start_worker, initargs=(render, folder, memory)
        ) as pool:
            out = []
            for page in pool.map(_worker_page, indexes):
                out.append(page)
                if done:
                    done(len(out))
    except (BrokenProcessPool, MemoryError) as exc:  # a worker out of its memory (or ended by it abruptly)
        if memory is None:
            raise MemoryError from exc
        raise MelebihiBatas(WORKER_MEMORY.format(memory // (1024 * 1024))) from exc
    return out


def pdf_renderer(data: bytes, password: str | None) -> Render:
    return functools.partial(_render_pdf, data, password)


def _render_pdf(data: bytes, password: str | None, index: int) -> tuple[np.ndarray, float]:
    return render_pdf_page(data, index, password)


def image_renderer(data: bytes) -> Render:
    return functools.partial(render_image_page, data)
