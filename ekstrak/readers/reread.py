"""Numbers read a second time from their own crop, binarised, by Tesseract told to expect one word of
digits: where the two readings' digits differ, the word's confidence is lowered so that the record it lands
in is warned about (a confident misreading, `79,52` read as `19,52`, is otherwise silent)."""

from __future__ import annotations

import re

import numpy as np

# A word that is a number and nothing else: digits, separators, a percent sign, a range's or ratio's marks.
NUMBER_RE = re.compile(r"^[(<>≥≤±+-]*\d[\d.,:/%-]*\)?$")
# What the second reading may see.
WHITELIST = "0123456789.,%:/-()<>+"
# Digits a percent sign may be read as, with only digits to choose from.
PERCENT_DIGITS = 2
# A word whose two readings differ gets at most this confidence (below keyakinan.LOW: a warning).
DOUBTED = 0.5
# Pixels of margin kept around the word's box, and of white border added to the crop (Tesseract misreads
# a crop's first digit with less: 7 as 1). Enlarging the crop made it misread more, not less.
PAD = 4
BORDER = 8


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def agree(first: str, second: str) -> bool:
    """Whether two readings of a number have the same digits; a percent sign the second reading took for
    digits ("100%" as "10096": "%" is much like "96") is let pass."""
    digits, again = _digits(first), _digits(second)
    if first.endswith("%") and not second.endswith("%"):
        return again.startswith(digits) and len(again) - len(digits) <= PERCENT_DIGITS
    return digits == again


def _crop(gray: np.ndarray, word: dict, scale: float) -> np.ndarray | None:
    """The word's pixels with a margin, binarised (Otsu), black on white, in a white border."""
    import cv2

    height, width = gray.shape
    x0, x1 = max(0, int(word["x0"] / scale) - PAD), min(width, int(word["x1"] / scale) + PAD)
    y0, y1 = word["top"], word.get("box_bottom", word["bottom"])
    top, bottom = max(0, int(y0 / scale) - PAD), min(height, int(y1 / scale) + PAD)
    if x1 - x0 < 2 or bottom - top < 2:
        return None
    _, ink = cv2.threshold(gray[top:bottom, x0:x1], 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return cv2.copyMakeBorder(ink, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT, value=255)


def reread_numbers(gray: np.ndarray, scale: float, api, words: list[dict], page_mode: int) -> list[dict]:
    """The words, each number among them read again from its crop; one whose digits read differently
    keeps the first reading with at most DOUBTED confidence and the second as `reread`. `api` is left
    in `page_mode`, with no whitelist."""
    from PIL import Image
    from tesserocr import PSM

    numbers = [w for w in words if NUMBER_RE.match(w["text"])]
    if not numbers:
        return words
    # As one word: read as a line, a lone number's leading 7 is read as 1 (as the page reading may).
    api.SetPageSegMode(PSM.SINGLE_WORD)
    api.SetVariable("tessedit_char_whitelist", WHITELIST)
    try:
        for word in numbers:
            crop = _crop(gray, word, scale)
            if crop is None:
                continue
            api.SetImage(Image.fromarray(crop))
            second = (api.GetUTF8Text() or "").strip()
            if second and not agree(word["text"], second):  # nothing read again is no second opinion
                word["conf"] = min(word["conf"], DOUBTED)
                word["reread"] = second
    finally:
        api.SetVariable("tessedit_char_whitelist", "")
        api.SetPageSegMode(page_mode)
    return words
