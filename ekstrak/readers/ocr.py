"""Scanned pages read with Tesseract (its Indonesian model, from Debian): each page rasterised, set upright
and level, its ruling lines found in the image and its words read with their boxes and confidence, so a
scan reaches the same lattice and grid stage as a ruled PDF's page."""

from __future__ import annotations

import functools
import glob
import os
import re
import resource
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import numpy as np

from inti.errors import PerluProgram

from .lattice import Segment
from .raster import render_image_page, render_pdf_page
from .rules import find_rules
from .straighten import straighten

# Debian's Tesseract runs OpenMP threads; pages run one per process instead, so each keeps to one thread.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

# Debian's Indonesian model misreads "%" (as "Y6"); its English model, asked second, reads it.
LANGUAGES = "ind+eng"
PACKAGES = "tesseract-ocr tesseract-ocr-ind tesseract-ocr-osd"
MISSING = (
    "Berkas ini hasil pindaian dan perlu dibaca dengan OCR, tetapi Tesseract dengan bahasa Indonesia belum "
    f"terpasang; pasang paket Debian {PACKAGES} (mis. 'sudo apt-get install {PACKAGES}'), lalu jalankan lagi."
)
# Words Tesseract is less sure of than this (0–100) are noise: specks, stamp rings, signature strokes.
NOISE_CONFIDENCE = 20
# "%" as Tesseract often misreads it in small print: after digits ("95Yo"), or a word of its own.
_PERCENT_RE = re.compile(r"(?<=\d)(?:Y6|Yo|Y0|YO|%o|%6)$")
_PERCENT_WORDS = {"Yo", "Y6", "Y0", "YO", "%o", "%6"}
_BRACKETED_PERCENT_RE = re.compile(r"^\((?:Yo|Y6|Y0|%o|20|96)\)$")
# A sasaran's code SS.2 read as "$5.2" or "S5.2".
_SASARAN_CODE_RE = re.compile(r"^[S$][5S$](?=\.\d)")
# Points within which two words stand on one line (for mending one by another).
LINE_SLACK = 3.0
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
    """The tessdata folder, after checking the Tesseract binding loads; raises PerluProgram otherwise."""
    folder = tessdata()
    try:
        import tesserocr  # noqa: F401
    except ImportError as exc:
        raise PerluProgram(MISSING) from exc
    return folder


@functools.cache
def _engines(folder: str):
    """This process's Tesseract engines: Indonesian text, and orientation detection (when installed)."""
    from tesserocr import PSM, PyTessBaseAPI

    text = PyTessBaseAPI(path=folder, lang=LANGUAGES, psm=PSM.SPARSE_TEXT)
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


def mend_percent(words: list[dict]) -> list[dict]:
    """Words with "%" where Tesseract read it as "Yo" or "Y6": after digits, or a word of its own (a unit
    column's; no Indonesian word is spelt so), or "(%)" after a header word ("Target (20)")."""
    for before, word in zip([None, *words], words):
        text = _PERCENT_RE.sub("%", word["text"])
        if text in _PERCENT_WORDS:
            text = "%"
        elif _BRACKETED_PERCENT_RE.match(text) and before is not None and before["text"].isalpha():
            text = "(%)"
        word["text"] = _SASARAN_CODE_RE.sub("SS", text)
    return words


def _collect(api, scale: float) -> list[dict]:
    """The words of the last recognition as pdfplumber gives a text PDF's (x0, x1, top, bottom in points)
    with `conf`; a word's bottom is its baseline, so words with and without descenders stand on one line."""
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
        words.append({**word, "conf": round(confidence / 100, 2)})
    return mend_percent(words)


def read_words(gray: np.ndarray, scale: float, api) -> list[dict]:
    """The page's words, read as sparse text (cells of a table are many small blocks)."""
    from PIL import Image

    api.SetImage(Image.fromarray(gray))
    api.Recognize()
    return _collect(api, scale)


Render = Callable[[int], tuple[np.ndarray, float]]


def read_page(render: Render, index: int, folder: str) -> ScannedPage:
    """One page rendered, straightened, its rules found and wiped, its words read."""
    text_api, osd_api = _engines(folder)
    gray, scale = render(index)
    gray = straighten(gray, osd_api)
    lines, clean = find_rules(gray, scale)
    return ScannedPage(index + 1, mend_quarters(read_words(clean, scale, text_api)), lines)


_WORK: tuple[Render, str] | None = None


def limit_memory(memory: int | None) -> int | None:
    """Keep this process to `memory` bytes more than it has now (None: leave it); the soft limit before."""
    if memory is None:
        return None
    with open("/proc/self/statm", encoding="ascii") as stream:
        size = int(stream.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = size + memory if soft == resource.RLIM_INFINITY else min(soft, size + memory)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    return soft


def _start_worker(render: Render, folder: str, memory: int | None) -> None:
    """A page worker: its share of the memory limit, then ready to read pages."""
    global _WORK
    _WORK = (render, folder)
    limit_memory(memory)


def _worker_page(index: int) -> ScannedPage:
    assert _WORK is not None
    render, folder = _WORK
    return read_page(render, index, folder)


def workers_for(pages: int) -> int:
    """Page workers for a scan: one per core this process may use, no more than its pages."""
    return max(1, min(pages, len(os.sched_getaffinity(0))))


def read_pages(
    render: Render, indexes: list[int], memory: int | None = None, done: Callable[[int], None] | None = None
) -> list[ScannedPage]:
    """The pages at `indexes` (from 0) read in parallel, one process per core, each worker and this process
    keeping to `memory` bytes more than they started with; `done(n)` is told how many pages are finished."""
    folder = check_ocr()
    import cv2  # noqa: F401  (loaded once here, before the workers are forked, not in each)

    workers = workers_for(len(indexes))
    if workers == 1:
        out = []
        for index in indexes:
            out.append(read_page(render, index, folder))
            if done:
                done(len(out))
        return out
    import multiprocessing

    context = multiprocessing.get_context("fork")
    before = limit_memory(memory)
    try:
        with ProcessPoolExecutor(
            workers, context, initializer=_start_worker, initargs=(render, folder, memory)
        ) as pool:
            out = []
            for page in pool.map(_worker_page, indexes):
                out.append(page)
                if done:
                    done(len(out))
    except BrokenProcessPool as exc:  # a worker ended abruptly: Tesseract out of its share of memory
        raise MemoryError from exc
    finally:
        if before is not None:
            resource.setrlimit(resource.RLIMIT_AS, (before, resource.getrlimit(resource.RLIMIT_AS)[1]))
    return out


def pdf_renderer(data: bytes, password: str | None) -> Render:
    return functools.partial(_render_pdf, data, password)


def _render_pdf(data: bytes, password: str | None, index: int) -> tuple[np.ndarray, float]:
    return render_pdf_page(data, index, password)


def image_renderer(data: bytes) -> Render:
    return functools.partial(render_image_page, data)
