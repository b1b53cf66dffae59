"""When and how pages are read by OCR: the user's choice (by default, pages without a text layer), and the
limits a scan runs under (time asked for page by page, memory for each page worker, progress)."""

from __future__ import annotations

from dataclasses import dataclass

from inti.errors import PerluOCR
from inti.guard import allow_more_time, report_progress

from .ocr import Render, ScannedPage, read_pages

OTOMATIS = "otomatis"  # pages without a text layer, and image files
PAKSA = "paksa"  # every page (a PDF whose text layer is garbage)
TIDAK = "tidak"  # never
# A page with fewer words than this in its text layer is a scan (a scanner app may stamp its name on it).
SCANNED_WORDS = 3

OFF = (
    "PDF ini tidak memiliki lapisan teks (hasil pindaian) dan di sini tidak dibaca dengan OCR; bacalah dengan "
    "perintah 'ekstrak' (tanpa --tanpa-ocr) yang menjalankan OCR sendiri."
)
OFF_SOME = (
    "Halaman {} PDF ini hasil pindaian (tanpa lapisan teks) dan di sini tidak dibaca dengan OCR, jadi isinya akan "
    "hilang; bacalah dengan perintah 'ekstrak' (tanpa --tanpa-ocr) yang menjalankan OCR sendiri."
)
OFF_IMAGE = (
    "Berkas gambar hanya dapat dibaca dengan OCR, yang di sini tidak dijalankan; bacalah dengan perintah "
    "'ekstrak' (tanpa --tanpa-ocr) yang menjalankan OCR sendiri."
)


@dataclass(frozen=True)
class Ocr:
    """The OCR choice (OTOMATIS, PAKSA or TIDAK), the seconds each OCR page adds to the time limit, and
    the memory each page worker may use (None: no limit)."""

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
    if scanned and ocr.mode == TIDAK:  # never read the text pages and leave the scanned ones out unsaid
        raise PerluOCR(OFF_SOME.format(", ".join(str(i + 1) for i in scanned)))
    return scanned


def scan(render: Render, indexes: list[int], ocr: Ocr) -> list[ScannedPage]:
    """The pages read by OCR, in parallel, under the scaled time limit and each worker's memory limit."""
    if not indexes:
        return []
    if ocr.mode == TIDAK:
        raise PerluOCR(OFF_IMAGE)
    allow_more_time(ocr.seconds_per_page * len(indexes))
    report_progress(0, len(indexes))
    return read_pages(render, indexes, ocr.memory, lambda done: report_progress(done, len(indexes)))
