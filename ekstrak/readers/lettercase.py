"""Small letters Tesseract read as capitals where the two differ only in size (c C, o O, s S, v V, w W, x X,
z Z): "AvLOS" read as "AVLOS". Told apart by where each letter's top stands against the word's tall letters."""

from __future__ import annotations

import statistics

# Letters whose small and capital forms have the same shape.
SAME_SHAPE = set("COSVWXZ")
# Letters that stand as tall as a capital: capitals of another shape, digits, ascenders.
TALL = set("ABDEFGHIJKLMNPQRTUY0123456789bdfhklt")
# Small letters without ascender or descender: where a word has some, their tops tell a small first letter.
SMALL_LETTERS = set("acemnorsuvwxz")
MIN_SMALL = 2
# A same-shape letter whose top stands lower than the tall letters' tops by more than this share of their
# height above the baseline is a small letter (a small letter's top is about 0.28 of it lower).
SMALL = 0.15


def candidates(words: list[dict]) -> list[dict]:
    """The words that may hold such a letter: a same-shape capital beside a tall letter."""
    return [w for w in words if SAME_SHAPE & set(w["text"]) and TALL & set(w["text"])]


def mend_case(word: dict, symbols: list[tuple[str, float, float]]) -> None:
    """The word's same-shape capitals made small where their tops stand as low as a small letter's (the
    first letter only where the word's own small letters stand so: "Operasional" mid-sentence); `symbols`
    are its letters in order, each with its top and bottom (pixels). Tesseract's letter boxes can reach a
    descender below (a "T" over a "g"), so tops are compared, not heights."""
    if "".join(text for text, _, _ in symbols) != word["text"]:
        return  # the letters do not add up to the word (a mended word): nothing to measure
    tops = [top for text, top, _ in symbols if text in TALL]
    if not tops:
        return
    cap = statistics.median(tops)
    baseline = statistics.median(bottom for _, _, bottom in symbols)
    low = cap + SMALL * (baseline - cap)
    small = [top for text, top, _ in symbols[1:] if text in SMALL_LETTERS]
    small_top = statistics.median(small) if len(small) >= MIN_SMALL else None

    def is_small(index: int, top: float) -> bool:
        if index > 0:
            return top > low
        return small_top is not None and top > low and abs(top - small_top) < abs(top - cap)

    word["text"] = "".join(
        text.lower() if text in SAME_SHAPE and is_small(index, top) else text
        for index, (text, top, _) in enumerate(symbols)
    )
