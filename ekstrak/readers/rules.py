"""A scanned table's ruling lines found in the image (OpenCV morphology: long thin runs of ink across or
down the page), as the segments a ruled PDF's drawing gives, and the page with them wiped for OCR."""

from __future__ import annotations

import numpy as np

from .lattice import Segment

# A ruling line runs unbroken at least this long (pixels at 300 dpi): longer than any stroke of a letter.
MIN_ACROSS = 100
MIN_DOWN = 60
# A line's ink is at most this thick (pixels at 300 dpi); a thicker run is a filled box or a picture.
MAX_THICK = 14
# Gaps this long (pixels) in a line (a dry toner streak, noise) are bridged.
BRIDGE = 9


def _ink(gray: np.ndarray) -> np.ndarray:
    import cv2

    blurred = cv2.GaussianBlur(gray, (3, 3), 0)
    return cv2.adaptiveThreshold(blurred, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)


def line_masks(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pixels of horizontal and of vertical ruling lines."""
    import cv2

    ink = _ink(gray)
    kernel = cv2.getStructuringElement
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel(cv2.MORPH_RECT, (MIN_ACROSS, 1)))
    across = cv2.morphologyEx(across, cv2.MORPH_CLOSE, kernel(cv2.MORPH_RECT, (BRIDGE, 1)))
    down = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel(cv2.MORPH_RECT, (1, MIN_DOWN)))
    down = cv2.morphologyEx(down, cv2.MORPH_CLOSE, kernel(cv2.MORPH_RECT, (1, BRIDGE)))
    return across, down


def _segments(mask: np.ndarray, horizontal: bool, scale: float) -> list[Segment]:
    import cv2

    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for x, y, w, h, _ in stats[1:count].tolist():
        thick, long = (h, w) if horizontal else (w, h)
        if thick > MAX_THICK * 3 or long < 2 * thick:
            continue
        if horizontal:
            out.append(Segment(True, (y + h / 2) * scale, x * scale, (x + w) * scale))
        else:
            out.append(Segment(False, (x + w / 2) * scale, y * scale, (y + h) * scale))
    return out


def find_rules(gray: np.ndarray, scale: float) -> tuple[list[Segment], np.ndarray]:
    """The page's ruling lines in points (`scale` points per pixel), and the page with them wiped white
    (Tesseract reads cells better without the lines around them)."""
    import cv2

    across, down = line_masks(gray)
    lines = _segments(across, True, scale) + _segments(down, False, scale)
    wipe = cv2.dilate(cv2.bitwise_or(across, down), cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
    clean = gray.copy()
    clean[wipe > 0] = 255
    return lines, clean
