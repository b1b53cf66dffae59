"""When and how pages are read by OCR: the user's choice (by default, pages without a text layer), and the
limits a scan runs under (time asked for page by page, memory shared by the page workers, progress)."""

from __future__ import annotations

from dataclasses import dataclass

from inti.errors import PerluOCR
from inti.guard import allow_more_time, report_progress

from .ocr import Render, ScannedPage, read_pages, workers_for

OTOMATIS = "otomatis"  # pages without a text layer, and image files
PAKSA = "paksa"  # every page (a PDF whose text layer is garbage)
TIDAK = "tidak"  # never
# A page with fewer words than this in its text layer is a scan (a scanner app may stamp its name on it).
SCANNED_WORDS = 3

OFF = (
    "PDF ini tidak memiliki lapisan teks (hasil pindaian) dan di sini tidak dibaca dengan OCR; bacalah dengan "
    "perintah 'ekstrak' (tanpa --tanpa-ocr) yang menjalankan OCR sendiri."
)
OFF_IMAGE = (
    "Berkas gambar hanya dapat dibaca dengan OCR, yang di sini tidak dijalankan; bacalah dengan perintah "
    "'ekstrak' (tanpa --tanpa-ocr) yang menjalankan OCR sendiri."
)


@dataclass(frozen=True)
class Ocr:
    """The OCR choice (OTOMATIS, PAKSA or TIDAK), the seconds each OCR page adds to the time limit, and
    the memory all page workers of one file share (None: no limit)."""

    mode: str = OTOMATIS
    seconds_per_page: float = 20.0
    memory: int | None = None


BY_DEFAULT = Ocr()


def pages_to_scan(word_counts: list[int], ocr: Ocr) -> list[int]:
    """Which pages (from 0) OCR reads, given how many words each page's text layer has."""
    if ocr.mode == PAKSA:
        return list(range(len(word_counts)))
    scanned = [i for i, count in enumerate(word_counts) if count < SCANNED_WORDS]
    if scanned and ocr.mode == TIDAK and len(scanned) == len(word_counts):
        raise PerluOCR(OFF)
    return [] if ocr.mode == TIDAK else scanned


def scan(render: Render, indexes: list[int], ocr: Ocr) -> list[ScannedPage]:
    """The pages read by OCR, in parallel, under the scaled time limit and the shared memory limit."""
    if not indexes:
        return []
    if ocr.mode == TIDAK:
        raise PerluOCR(OFF_IMAGE)
    allow_more_time(ocr.seconds_per_page * len(indexes))
    workers = workers_for(len(indexes))
    # The reading process keeps a share too: it holds the file and the pages read so far.
    share = ocr.memory // (workers + 1) if ocr.memory is not None and workers > 1 else None
    report_progress(0, len(indexes))
    return read_pages(render, indexes, share, lambda done: report_progress(done, len(indexes)))
