"""Words Tesseract split after a comma where the print has no space ("TK,KB,TPA" read as "TK,KB, TPA"):
joined again where the page's pixels show no gap the width of a space after the comma."""

from __future__ import annotations

import numpy as np

from .misread import LINE_SLACK, text_lines

# A gap narrower than this share of the words' height (cap height to baseline) is no space: a space
# leaves about 0.5 of it white, a comma and the letter after it at most 0.2.
NO_SPACE = 0.3
# A column holds ink where at least this many of its pixels are dark (a lone speck is not ink).
INKED = 2
# Words further apart than this share of their height (their boxes' gap) are not looked at.
NEAR = 1.5


def _widest_gap(ink: np.ndarray, before: dict, after: dict, scale: float) -> float:
    """The widest run of white columns (points) near where the two words meet, in their band: Tesseract's
    boxes of the two can be some pixels off, so the space is looked for in the ink, not between boxes."""
    height = before["bottom"] - before["top"]
    meet = (before["x1"] + after["x0"]) / 2
    left, right = max(before["x0"], meet - height), min(after["x1"], meet + height)
    top, bottom = min(before["top"], after["top"]), max(before["bottom"], after["bottom"])
    band = ink[int(top / scale) : int(bottom / scale) + 1, int(left / scale) : int(right / scale)]
    widest = run = 0
    for inked in band.sum(axis=0) >= INKED:
        run = 0 if inked else run + 1
        widest = max(widest, run)
    return widest * scale


def join_unspaced(words: list[dict], gray: np.ndarray, scale: float) -> list[dict]:
    """The words, each one that ends in a comma joined with the next on its line where no space stands
    between them in the print (`gray`: the page, `scale` points per pixel)."""
    import cv2

    if not any(w["text"].endswith(",") for w in words):
        return words
    ink = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    joined: set[int] = set()
    for line in text_lines(words):
        kept = line[0]
        for word in line[1:]:
            if _unspaced(ink, kept, word, scale):
                kept.update(
                    text=kept["text"] + word["text"],
                    x1=max(kept["x1"], word["x1"]),
                    top=min(kept["top"], word["top"]),
                    conf=min(kept["conf"], word["conf"]),
                    box_bottom=max(kept.get("box_bottom", kept["bottom"]), word.get("box_bottom", word["bottom"])),
                )
                joined.add(id(word))
            else:
                kept = word
    return [w for w in words if id(w) not in joined]


def _unspaced(ink: np.ndarray, before: dict, after: dict, scale: float) -> bool:
    height = before["bottom"] - before["top"]
    if not before["text"].endswith(",") or not after["text"][:1].isalnum():
        return False
    if abs(before["bottom"] - after["bottom"]) > LINE_SLACK or not 0 <= after["x0"] - before["x1"] <= NEAR * height:
        return False
    return _widest_gap(ink, before, after, scale) < NO_SPACE * height
