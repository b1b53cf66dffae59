"""Ink that no word read covers, the size of a short word: where a page without ruling lines (no cells to
read again) lost a lone short word to the page reading (a target "1" alone in its column)."""

from __future__ import annotations

import numpy as np

# Pixels kept around a word's box when its ink is wiped, and added around a patch to be read.
WORD_MARGIN = 3
PATCH_MARGIN = 8
# A patch is as tall as this share of the page's words at least (smaller: a speck, a dot) and at most
# this many times (taller: a stamp, a signature, a picture), and no wider than this many times their height.
MIN_TALL = 0.7
MAX_TALL = 1.6
MAX_WIDE = 6.0


def uncovered_boxes(gray: np.ndarray, scale: float, words: list[dict]) -> list[tuple[float, float, float, float]]:
    """Boxes (points, with a margin for reading) around ink of a short word's size that no word covers."""
    import cv2

    heights = [(w.get("box_bottom", w["bottom"]) - w["top"]) / scale for w in words]
    if not heights:
        return []
    tall = float(np.median(heights))
    ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    for w in words:
        x0, y0 = int(w["x0"] / scale) - WORD_MARGIN, int(w["top"] / scale) - WORD_MARGIN
        x1, y1 = int(w["x1"] / scale) + WORD_MARGIN, int(w.get("box_bottom", w["bottom"]) / scale) + WORD_MARGIN
        ink[max(0, y0) : y1, max(0, x0) : x1] = 0
    # Letters of one word are joined by closing the gaps between them (a third of a letter's height).
    joined = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (int(tall / 3) + 1, 1)))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    boxes = []
    for x, y, w, h, _ in stats[1:count].tolist():
        if MIN_TALL * tall <= h <= MAX_TALL * tall and w <= MAX_WIDE * tall:
            x0, y0 = (x - PATCH_MARGIN) * scale, (y - PATCH_MARGIN) * scale
            boxes.append((x0, y0, (x + w + PATCH_MARGIN) * scale, (y + h + PATCH_MARGIN) * scale))
    return boxes
