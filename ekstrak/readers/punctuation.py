"""A word's last comma or full stop that Tesseract dropped ("bermutu," read as "bermutu", "Rp." as "Rp"):
put back where the page's ink shows a mark of that size and place just after the word, on its baseline."""

from __future__ import annotations

import numpy as np

# A mark is looked for this far (share of the word's height, cap height to baseline) right of the word.
REACH = 0.5
# A full stop or comma is this wide and tall (shares of the word's height)...
MIN_SIZE = 0.08
MAX_WIDTH = 0.3
MAX_HEIGHT = 0.5
# ...its ink fills at least this share of its box (a speck of noise or a stroke's end is thinner)...
FILLED = 0.45
# ...its top is in the word's lower half (below this share of its height; the baseline Tesseract gives a
# word with a descender, "Rp", may be the descender's), and a comma's tail reaches below the baseline by
# more than this share of the height.
LOW = 0.5
TAIL = 0.1


def _mark(ink: np.ndarray, word: dict, words: list[dict], scale: float) -> str | None:
    """ "," or "." where such a mark stands just right of the word, else None."""
    import cv2

    height = word["bottom"] - word["top"]
    left, right = word["x1"] - 0.1 * height, word["x1"] + REACH * height
    top, bottom = word["top"], word["bottom"] + MAX_HEIGHT * height
    if any(
        o is not word and o["x0"] < right and left < o["x1"] and o["top"] < bottom and top < o["bottom"] for o in words
    ):
        return None  # another word there: the mark, if any, is its own
    x0, y0 = int(left / scale), int(top / scale)
    region = ink[y0 : int(bottom / scale) + 1, x0 : int(right / scale) + 1]
    count, _, stats, _ = cv2.connectedComponentsWithStats(region, connectivity=8)
    pixels = height / scale
    baseline = (word["bottom"] - word["top"]) / scale
    for x, y, w, h, area in stats[1:count].tolist():
        if x == 0 or x + w >= region.shape[1] or y == 0 or y + h >= region.shape[0]:
            continue  # cut by the region's edge: part of something larger
        if not (MIN_SIZE * pixels <= w <= MAX_WIDTH * pixels and MIN_SIZE * pixels <= h <= MAX_HEIGHT * pixels):
            continue
        if area < FILLED * w * h or y < LOW * pixels:
            continue
        return "," if y + h > baseline + TAIL * pixels else "."
    return None


def restore_marks(words: list[dict], gray: np.ndarray, scale: float) -> list[dict]:
    """The words, each that ends in a letter given back the comma or full stop printed after it (`gray`:
    the page, `scale` points per pixel). Not after a digit: a number's dot is not to be guessed at."""
    import cv2

    ink = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    for word in words:
        if word["text"][-1:].isalpha():
            mark = _mark(ink, word, words, scale)
            if mark:
                word["text"] += mark
    return words
