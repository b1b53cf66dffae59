"""Small letters Tesseract read as capitals where the two differ only in size (c C, o O, s S, v V, w W, x X,
z Z): "AvLOS" read as "AVLOS". Told apart by each letter's height against the word's tall letters."""

from __future__ import annotations

import statistics

# Letters whose small and capital forms have the same shape.
SAME_SHAPE = set("COSVWXZ")
# Letters that stand as tall as a capital: capitals of another shape, digits, ascenders.
TALL = set("ABDEFGHIJKLMNPQRTUY0123456789bdfhklt")
# A same-shape capital shorter than this share of the word's tall letters is a small letter (a small
# letter stands about 0.72 of a capital in the fonts offices print with).
SMALL = 0.85


def candidates(words: list[dict]) -> list[dict]:
    """The words that may hold such a letter: a same-shape capital beside a tall letter."""
    return [w for w in words if SAME_SHAPE & set(w["text"]) and TALL & set(w["text"])]


def mend_case(word: dict, symbols: list[tuple[str, float]]) -> None:
    """The word's same-shape capitals made small where they stand no taller than a small letter;
    `symbols` are its letters in order with their heights (pixels)."""
    if "".join(text for text, _ in symbols) != word["text"]:
        return  # the letters do not add up to the word (a mended word): nothing to measure
    tall = [height for text, height in symbols if text in TALL]
    if not tall:
        return
    cap = statistics.median(tall)
    word["text"] = "".join(
        text.lower() if text in SAME_SHAPE and height < SMALL * cap else text for text, height in symbols
    )
